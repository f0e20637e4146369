"""PaginatedBatchVideoList: generated from `/components/schemas/PaginatedBatchVideoList`; do not
edit.
"""

from __future__ import annotations

from typing import List, Optional

from pydantic import Field

from .._models import BaseModel
from .batch_video import BatchVideo

__all__ = ["PaginatedBatchVideoList"]


class PaginatedBatchVideoList(BaseModel):
    count: Optional[int] = Field(default=None)

    next: Optional[str] = Field(default=None)

    previous: Optional[str] = Field(default=None)

    results: Optional[List[BatchVideo]] = Field(default=None)
