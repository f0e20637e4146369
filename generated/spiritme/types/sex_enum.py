"""SexEnum: generated from `/components/schemas/SexEnum`; do not edit."""

from __future__ import annotations

from .._models import OpenStrEnum

__all__ = ["SexEnum"]


class SexEnum(OpenStrEnum):
    """Values the document does not list are accepted too (the server may add some)."""

    MALE = "male"
    FEMALE = "female"
