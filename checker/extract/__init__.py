"""Extract: documents to claims. Figures (quantities), dates and datelines (one date parser),
citation markers and reference lists, and the terms that say what is measured and of whom."""
