"""FileStatusEnum: generated from `/components/schemas/FileStatusEnum`; do not edit."""

from __future__ import annotations

from .._models import OpenStrEnum

__all__ = ["FileStatusEnum"]


class FileStatusEnum(OpenStrEnum):
    """Only `created` has been observed in public material; the real choice set is certainly larger
    (unknown).

    Values the document does not list are accepted too (the server may add some).
    """

    CREATED = "created"
