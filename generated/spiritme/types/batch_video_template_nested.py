"""BatchVideoTemplateNested: generated from `/components/schemas/BatchVideoTemplateNested`; do not
edit.
"""

from __future__ import annotations

from typing import Optional

from pydantic import Field

from .._models import BaseModel

__all__ = ["BatchVideoTemplateNested"]


class BatchVideoTemplateNested(BaseModel):
    id: int
    """Read-only."""

    avatar: int

    voice: int

    text: str

    background: Optional[int] = Field(default=None)
