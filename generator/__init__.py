"""spiritme-gen: an OpenAPI-driven generator of typed Python clients."""

__version__ = "0.1.0"
