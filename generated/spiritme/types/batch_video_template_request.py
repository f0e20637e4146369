"""BatchVideoTemplateRequest: generated from `/components/schemas/BatchVideoTemplateRequest`; do not
edit.
"""

from __future__ import annotations

from typing import Annotated, Optional

from pydantic import Field

from .._models import BaseModel

__all__ = ["BatchVideoTemplateRequest"]


class BatchVideoTemplateRequest(BaseModel):
    """Derived from the apifox curl sample (form fields avatar=, voice=, text=). Request/response
    asymmetry (ids in, nested objects out) suggests separate serializers; real component name
    unknown.
    """

    avatar: int

    voice: int

    text: Annotated[str, Field(min_length=1)]

    background: Optional[int] = Field(default=None)
