"""BatchVideoTemplateNestedRequest: generated from
`/components/schemas/BatchVideoTemplateNestedRequest`; do not edit.
"""

from __future__ import annotations

from typing import Annotated, Optional

from pydantic import Field

from .._models import BaseModel

__all__ = ["BatchVideoTemplateNestedRequest"]


class BatchVideoTemplateNestedRequest(BaseModel):
    """Component name confirmed by the docs snapshot; its fields were not shown. Unknown whether it
    references an existing template (id) or defines one inline (avatar/voice/text/background).
    """

    id: Optional[int] = Field(default=None)

    avatar: Optional[int] = Field(default=None)

    voice: Optional[int] = Field(default=None)

    text: Optional[Annotated[str, Field(min_length=1)]] = Field(default=None)

    background: Optional[int] = Field(default=None)
