"""File: generated from `/components/schemas/File`; do not edit."""

from __future__ import annotations

import datetime as _dt
from typing import Optional

from pydantic import Field

from .._models import BaseModel
from .file_status_enum import FileStatusEnum
from .tag_enum import TagEnum
from .type_enum import TypeEnum

__all__ = ["File"]


class File(BaseModel):
    id: int
    """Read-only."""

    cd: _dt.datetime
    """Created datetime

    Read-only.
    """

    name: Optional[str] = Field(default=None)

    status: FileStatusEnum
    """Read-only."""

    tag: Optional[TagEnum] = Field(default=None)
    """Server default: `"general"`."""

    type: TypeEnum
    """Read-only."""

    mime_type: str
    """Read-only."""

    size: int
    """Read-only."""

    duration: Optional[float]
    """Read-only."""

    width: Optional[int]
    """Read-only."""

    height: Optional[int]
    """Read-only."""

    file: str

    compressed_file: Optional[str]
    """Read-only."""

    mock_video_file: Optional[str]
    """Read-only."""

    preview: Optional[str]
    """Read-only."""

    thumbnail: Optional[str]
    """Read-only."""

    generated_script: Optional[str]
    """Read-only."""
