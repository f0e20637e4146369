"""AudioSourceRequest: generated from `/components/schemas/AudioSourceRequest`; do not edit."""

from __future__ import annotations

from typing import Optional

from pydantic import Field

from .._models import BaseModel
from .file_nested_request import FileNestedRequest
from .voice_nested_request import VoiceNestedRequest

__all__ = ["AudioSourceRequest"]


class AudioSourceRequest(BaseModel):
    text: Optional[str] = Field(default=None)

    voice: Optional[VoiceNestedRequest] = Field(default=None)

    file: Optional[FileNestedRequest] = Field(default=None)
