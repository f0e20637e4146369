"""PaginatedBatchVideoTemplateList: generated from
`/components/schemas/PaginatedBatchVideoTemplateList`; do not edit.
"""

from __future__ import annotations

from typing import List, Optional

from pydantic import Field

from .._models import BaseModel
from .batch_video_template import BatchVideoTemplate

__all__ = ["PaginatedBatchVideoTemplateList"]


class PaginatedBatchVideoTemplateList(BaseModel):
    count: Optional[int] = Field(default=None)

    next: Optional[str] = Field(default=None)

    previous: Optional[str] = Field(default=None)

    results: Optional[List[BatchVideoTemplate]] = Field(default=None)
