"""ViewTypeEnum: generated from `/components/schemas/ViewTypeEnum`; do not edit."""

from __future__ import annotations

from .._models import OpenStrEnum

__all__ = ["ViewTypeEnum"]


class ViewTypeEnum(OpenStrEnum):
    """Values the document does not list are accepted too (the server may add some)."""

    RECTANGULAR = "rectangular"
    CIRCULAR = "circular"
