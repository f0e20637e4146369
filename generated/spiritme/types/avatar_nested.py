"""AvatarNested: generated from `/components/schemas/AvatarNested`; do not edit."""

from __future__ import annotations


from .._models import BaseModel

__all__ = ["AvatarNested"]


class AvatarNested(BaseModel):
    id: int

    name: str
    """Read-only."""

    preview: str
    """Read-only."""

    frame_width: int
    """Read-only."""

    frame_height: int
    """Read-only."""
