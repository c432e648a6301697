"""claimgraph: find the figures and dates that documents state, and which of them conflict."""

__version__ = "0.1.0"
