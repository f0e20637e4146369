"""ResolutionRequest: generated from `/components/schemas/ResolutionRequest`; do not edit."""

from __future__ import annotations


from .._models import BaseModel

__all__ = ["ResolutionRequest"]


class ResolutionRequest(BaseModel):
    width: int

    height: int
