"""VideoRequest: generated from `/components/schemas/VideoRequest`; do not edit."""

from __future__ import annotations

from typing import Annotated, List, Optional

from pydantic import Field

from .._models import BaseModel
from .resolution_request import ResolutionRequest
from .slide_request import SlideRequest
from .webhook_nested_request import WebhookNestedRequest

__all__ = ["VideoRequest"]


class VideoRequest(BaseModel):
    name: Optional[Annotated[str, Field(min_length=1)]] = Field(default=None)
    """Server default: `"New video"`."""

    slides: List[SlideRequest]

    webhook: Optional[WebhookNestedRequest] = Field(default=None)

    resolution: Optional[ResolutionRequest] = Field(default=None)

    auto_emotions_markup: Optional[bool] = Field(default=None)

    enable_subtitles: Optional[bool] = Field(default=None)
