"""User: generated from `/components/schemas/User`; do not edit."""

from __future__ import annotations


from .._models import BaseModel

__all__ = ["User"]


class User(BaseModel):
    """Entirely inferred: no public example of users/current was found."""

    id: int
    """Read-only."""

    email: str
    """Read-only."""
