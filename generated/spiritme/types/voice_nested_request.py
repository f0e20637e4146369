"""VoiceNestedRequest: generated from `/components/schemas/VoiceNestedRequest`; do not edit."""

from __future__ import annotations


from .._models import BaseModel

__all__ = ["VoiceNestedRequest"]


class VoiceNestedRequest(BaseModel):
    """Reference to a voice by id (`{"id": <voice>}` as sent by the Pipedream integration)."""

    id: int
