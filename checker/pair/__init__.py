"""Pair: vectors to candidate pairs. Nearest-neighbour search (exact or HNSW), same-value joins
and clusters of related claims."""
