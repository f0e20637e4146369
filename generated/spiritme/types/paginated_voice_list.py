"""PaginatedVoiceList: generated from `/components/schemas/PaginatedVoiceList`; do not edit."""

from __future__ import annotations

from typing import List, Optional

from pydantic import Field

from .._models import BaseModel
from .voice import Voice

__all__ = ["PaginatedVoiceList"]


class PaginatedVoiceList(BaseModel):
    count: Optional[int] = Field(default=None)

    next: Optional[str] = Field(default=None)

    previous: Optional[str] = Field(default=None)

    results: Optional[List[Voice]] = Field(default=None)
