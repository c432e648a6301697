"""Gate: what a report keeps. In-place suppression directives and baselines (path overrides
come from :mod:`checker.config`)."""
