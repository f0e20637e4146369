"""VoiceNestedParam: `VoiceNestedRequest` as a plain dict, keyed by wire names; generated, do not
edit.
"""

from __future__ import annotations

from typing_extensions import Required, TypedDict

__all__ = ["VoiceNestedParam"]


class VoiceNestedParam(TypedDict):
    """Reference to a voice by id (`{"id": <voice>}` as sent by the Pipedream integration)."""

    id: Required[int]
