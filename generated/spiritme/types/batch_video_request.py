"""BatchVideoRequest: generated from `/components/schemas/BatchVideoRequest`; do not edit."""

from __future__ import annotations

from typing import Dict, Optional, Union

from pydantic import Field

from .._models import BaseModel
from .batch_video_template_nested_request import BatchVideoTemplateNestedRequest
from .webhook_nested_request import WebhookNestedRequest

__all__ = ["BatchVideoRequest"]


class BatchVideoRequest(BaseModel):
    variables: Dict[str, Union[int, float, str, bool]]

    template: Optional[BatchVideoTemplateNestedRequest] = Field(default=None)

    webhook: Optional[WebhookNestedRequest] = Field(default=None)
