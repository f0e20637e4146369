"""Resolution: generated from `/components/schemas/Resolution`; do not edit."""

from __future__ import annotations


from .._models import BaseModel

__all__ = ["Resolution"]


class Resolution(BaseModel):
    """Shape confirmed by the Pipedream test event ({width:1920,height:1080}); component name
    inferred.
    """

    width: int

    height: int
