"""AvatarNestedRequest: generated from `/components/schemas/AvatarNestedRequest`; do not edit."""

from __future__ import annotations


from .._models import BaseModel

__all__ = ["AvatarNestedRequest"]


class AvatarNestedRequest(BaseModel):
    """Reference to an existing avatar by id, as sent by the Pipedream integration (`{"id":
    <avatar>}`).
    """

    id: int
