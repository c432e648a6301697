"""Runtime: how the stages run. Process pools, extraction on all cores, Dask, progress bars and
garbage-collector pauses."""
