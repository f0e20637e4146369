"""TagEnum: generated from `/components/schemas/TagEnum`; do not edit."""

from __future__ import annotations

from .._models import OpenStrEnum

__all__ = ["TagEnum"]


class TagEnum(OpenStrEnum):
    """Values the document does not list are accepted too (the server may add some)."""

    GENERAL = "general"
    ASSET = "asset"
    SPEECH = "speech"
    PRESENTATION_PAGE = "presentation_page"
    SCENE = "scene"
    SCENE_PREVIEW = "scene_preview"
    BACKGROUND = "background"
