"""FileNestedRequest: generated from `/components/schemas/FileNestedRequest`; do not edit."""

from __future__ import annotations


from .._models import BaseModel

__all__ = ["FileNestedRequest"]


class FileNestedRequest(BaseModel):
    """Reference to an uploaded file by id (`{"id": <file>}` as sent by the Pipedream integration)."""

    id: int
