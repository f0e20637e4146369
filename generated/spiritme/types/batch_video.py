"""BatchVideo: generated from `/components/schemas/BatchVideo`; do not edit."""

from __future__ import annotations

import datetime as _dt
from typing import Dict, Optional, Union

from pydantic import Field

from .._models import BaseModel
from .batch_video_template_nested import BatchVideoTemplateNested
from .video_status_enum import VideoStatusEnum
from .webhook_nested import WebhookNested

__all__ = ["BatchVideo"]


class BatchVideo(BaseModel):
    id: int
    """Read-only."""

    cd: _dt.datetime
    """Created datetime

    Read-only.
    """

    variables: Dict[str, Union[int, float, str, bool]]

    template: Optional[BatchVideoTemplateNested] = Field(default=None)

    status: VideoStatusEnum
    """Read-only."""

    result: str
    """Read-only."""

    webhook: Optional[WebhookNested] = Field(default=None)
