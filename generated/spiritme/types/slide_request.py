"""SlideRequest: generated from `/components/schemas/SlideRequest`; do not edit."""

from __future__ import annotations

from typing import List, Optional

from pydantic import Field

from .._models import BaseModel
from .audio_source_request import AudioSourceRequest
from .file_nested_request import FileNestedRequest
from .layer_request import LayerRequest

__all__ = ["SlideRequest"]


class SlideRequest(BaseModel):
    audio_source: AudioSourceRequest

    layers: List[LayerRequest]

    background: Optional[FileNestedRequest] = Field(default=None)
