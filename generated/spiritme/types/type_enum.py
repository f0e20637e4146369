"""TypeEnum: generated from `/components/schemas/TypeEnum`; do not edit."""

from __future__ import annotations

from .._models import OpenStrEnum

__all__ = ["TypeEnum"]


class TypeEnum(OpenStrEnum):
    """Values inferred from the keys of the `Allowed mime types` map in the files_create
    description; only `image` observed as a value.

    Values the document does not list are accepted too (the server may add some).
    """

    IMAGE = "image"
    VIDEO = "video"
    AUDIO = "audio"
    PDF = "pdf"
    PPTX = "pptx"
