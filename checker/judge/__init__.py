"""Judge: candidate pairs to findings and edges. Rule loading, the rule kinds, sameness and
slot alignment of figures, the optional NLI cross-encoder, and findings with their fingerprints."""
