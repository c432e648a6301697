"""The built-in rule files, shipped inside the package as ``checker.builtin_rules``."""
