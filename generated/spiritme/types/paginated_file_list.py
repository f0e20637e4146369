"""PaginatedFileList: generated from `/components/schemas/PaginatedFileList`; do not edit."""

from __future__ import annotations

from typing import List, Optional

from pydantic import Field

from .._models import BaseModel
from .file import File

__all__ = ["PaginatedFileList"]


class PaginatedFileList(BaseModel):
    count: Optional[int] = Field(default=None)

    next: Optional[str] = Field(default=None)

    previous: Optional[str] = Field(default=None)

    results: Optional[List[File]] = Field(default=None)
