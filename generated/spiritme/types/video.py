"""Video: generated from `/components/schemas/Video`; do not edit."""

from __future__ import annotations

import datetime as _dt
from typing import List, Optional

from pydantic import Field

from .._models import BaseModel
from .resolution import Resolution
from .slide import Slide
from .video_status_enum import VideoStatusEnum
from .webhook_nested import WebhookNested

__all__ = ["Video"]


class Video(BaseModel):
    id: int
    """Read-only."""

    cd: _dt.datetime
    """Created datetime

    Read-only.
    """

    gd: Optional[_dt.datetime]
    """Read-only."""

    name: Optional[str] = Field(default=None)
    """Server default: `"New video"`."""

    slides: List[Slide]

    webhook: Optional[WebhookNested] = Field(default=None)

    resolution: Optional[Resolution] = Field(default=None)

    auto_emotions_markup: Optional[bool] = Field(default=None)

    enable_subtitles: Optional[bool] = Field(default=None)

    status: VideoStatusEnum
    """Read-only."""

    result: str
    """Read-only."""

    thumbnail: str
    """Read-only."""
