"""WebhookNestedParam: `WebhookNestedRequest` as a plain dict, keyed by wire names; generated, do
not edit.
"""

from __future__ import annotations

from typing_extensions import Required, TypedDict

__all__ = ["WebhookNestedParam"]


class WebhookNestedParam(TypedDict):
    """Only `url` assumed writable; payload that SpiritMe POSTs to it is undocumented."""

    url: Required[str]
