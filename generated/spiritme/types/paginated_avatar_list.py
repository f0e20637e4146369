"""PaginatedAvatarList: generated from `/components/schemas/PaginatedAvatarList`; do not edit."""

from __future__ import annotations

from typing import List, Optional

from pydantic import Field

from .._models import BaseModel
from .avatar import Avatar

__all__ = ["PaginatedAvatarList"]


class PaginatedAvatarList(BaseModel):
    count: Optional[int] = Field(default=None)

    next: Optional[str] = Field(default=None)

    previous: Optional[str] = Field(default=None)

    results: Optional[List[Avatar]] = Field(default=None)
