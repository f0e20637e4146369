"""PaginatedVideoList: generated from `/components/schemas/PaginatedVideoList`; do not edit."""

from __future__ import annotations

from typing import List, Optional

from pydantic import Field

from .._models import BaseModel
from .video import Video

__all__ = ["PaginatedVideoList"]


class PaginatedVideoList(BaseModel):
    count: Optional[int] = Field(default=None)

    next: Optional[str] = Field(default=None)

    previous: Optional[str] = Field(default=None)

    results: Optional[List[Video]] = Field(default=None)
