"""Voice: generated from `/components/schemas/Voice`; do not edit."""

from __future__ import annotations


from .._models import BaseModel
from .provider_enum import ProviderEnum
from .sex_enum import SexEnum

__all__ = ["Voice"]


class Voice(BaseModel):
    id: int
    """Read-only."""

    name: str

    label: str

    provider: ProviderEnum

    sex: SexEnum

    language: str

    language_code: str
