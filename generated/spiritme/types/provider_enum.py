"""ProviderEnum: generated from `/components/schemas/ProviderEnum`; do not edit."""

from __future__ import annotations

from .._models import OpenStrEnum

__all__ = ["ProviderEnum"]


class ProviderEnum(OpenStrEnum):
    """Only `amazon` has been observed in public material; other TTS providers are likely (unknown).

    Values the document does not list are accepted too (the server may add some).
    """

    AMAZON = "amazon"
