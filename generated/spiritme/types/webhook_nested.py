"""WebhookNested: generated from `/components/schemas/WebhookNested`; do not edit."""

from __future__ import annotations

import datetime as _dt

from .._models import BaseModel

__all__ = ["WebhookNested"]


class WebhookNested(BaseModel):
    id: int
    """Read-only."""

    cd: _dt.datetime
    """Created datetime

    Read-only.
    """

    url: str
