"""AudioSource: generated from `/components/schemas/AudioSource`; do not edit."""

from __future__ import annotations

from typing import Optional

from pydantic import Field

from .._models import BaseModel
from .file_nested import FileNested
from .voice_nested import VoiceNested

__all__ = ["AudioSource"]


class AudioSource(BaseModel):
    """Either text (+voice) or an audio file. Text may contain <emotion name="...">...</emotion>
    tags (neutral, semismile, smile, happiness, sadness, surprise).
    """

    text: Optional[str] = Field(default=None)

    voice: Optional[VoiceNested] = Field(default=None)

    file: Optional[FileNested] = Field(default=None)
