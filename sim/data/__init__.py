"""Data files of the model (municipality profiles)."""
