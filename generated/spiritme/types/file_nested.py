"""FileNested: generated from `/components/schemas/FileNested`; do not edit."""

from __future__ import annotations

from typing import Optional

from .._models import BaseModel
from .tag_enum import TagEnum
from .type_enum import TypeEnum

__all__ = ["FileNested"]


class FileNested(BaseModel):
    """Nested file (audio_source.file, layers[].media, slide/template background). Only id, name,
    tag are confirmed; source examples are truncated after them.
    """

    id: int

    name: Optional[str]
    """Read-only."""

    tag: TagEnum
    """Read-only."""

    type: TypeEnum
    """Read-only."""

    file: str
    """Read-only."""
