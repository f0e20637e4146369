"""Slide: generated from `/components/schemas/Slide`; do not edit."""

from __future__ import annotations

from typing import List, Optional

from pydantic import Field

from .._models import BaseModel
from .audio_source import AudioSource
from .file_nested import FileNested
from .layer import Layer

__all__ = ["Slide"]


class Slide(BaseModel):
    id: int
    """Read-only."""

    audio_source: AudioSource

    layers: List[Layer]

    background: Optional[FileNested] = Field(default=None)
