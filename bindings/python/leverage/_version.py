"""Version of the Python package (kept equal to the library release it was written for)."""
__version__ = "0.1.0"
