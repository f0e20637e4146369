"""Language: generated from `/components/schemas/Language`; do not edit."""

from __future__ import annotations


from .._models import BaseModel

__all__ = ["Language"]


class Language(BaseModel):
    """Entirely inferred: no public example of a tts/languages item was found."""

    code: str

    name: str
