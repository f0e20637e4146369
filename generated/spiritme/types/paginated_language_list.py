"""PaginatedLanguageList: generated from `/components/schemas/PaginatedLanguageList`; do not edit."""

from __future__ import annotations

from typing import List, Optional

from pydantic import Field

from .._models import BaseModel
from .language import Language

__all__ = ["PaginatedLanguageList"]


class PaginatedLanguageList(BaseModel):
    count: Optional[int] = Field(default=None)

    next: Optional[str] = Field(default=None)

    previous: Optional[str] = Field(default=None)

    results: Optional[List[Language]] = Field(default=None)
