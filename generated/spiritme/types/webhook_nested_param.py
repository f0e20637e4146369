"""WebhookNestedParam: `WebhookNestedRequest` as a plain dict (keys are the wire names); generated from `/components/schemas/WebhookNestedRequest`; do not edit."""

from __future__ import annotations


from typing_extensions import Required, TypedDict

__all__ = ["WebhookNestedParam"]


class WebhookNestedParam(TypedDict):
    """Only `url` assumed writable; payload that SpiritMe POSTs to it is undocumented."""

    url: Required[str]
