"""Avatar: generated from `/components/schemas/Avatar`; do not edit."""

from __future__ import annotations

import datetime as _dt
from typing import List, Optional

from .._models import BaseModel
from .avatar_status_enum import AvatarStatusEnum

__all__ = ["Avatar"]


class Avatar(BaseModel):
    id: int
    """Read-only."""

    cd: _dt.datetime
    """Created datetime

    Read-only.
    """

    name: str

    description: Optional[str]
    """Read-only."""

    status: AvatarStatusEnum
    """Read-only."""

    thumbnail: str
    """Read-only."""

    preview: str
    """Read-only."""

    circular_preview: str
    """Read-only."""

    frame_width: int
    """Read-only."""

    frame_height: int
    """Read-only."""

    best_fit_voices: List[int]
    """Read-only."""

    supported_emotions: List[str]
    """Read-only."""

    supports_background_removal: bool
    """Read-only."""

    ownership: bool
    """Read-only."""
