"""Store: what lives on disk. The saved index, the embedding and claims caches and atomic writes."""
