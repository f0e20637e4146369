"""The version of this client: the version of the API document it was generated from."""

__version__ = "0.0.0"
