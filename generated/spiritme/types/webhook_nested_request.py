"""WebhookNestedRequest: generated from `/components/schemas/WebhookNestedRequest`; do not edit."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from .._models import BaseModel

__all__ = ["WebhookNestedRequest"]


class WebhookNestedRequest(BaseModel):
    """Only `url` assumed writable; payload that SpiritMe POSTs to it is undocumented."""

    url: Annotated[str, Field(min_length=1)]
