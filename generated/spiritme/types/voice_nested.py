"""VoiceNested: generated from `/components/schemas/VoiceNested`; do not edit."""

from __future__ import annotations


from .._models import BaseModel
from .provider_enum import ProviderEnum
from .sex_enum import SexEnum

__all__ = ["VoiceNested"]


class VoiceNested(BaseModel):
    id: int

    name: str
    """Read-only."""

    label: str
    """Read-only."""

    provider: ProviderEnum
    """Read-only."""

    sex: SexEnum
    """Read-only."""

    language: str
    """Read-only."""

    language_code: str
    """Read-only."""
