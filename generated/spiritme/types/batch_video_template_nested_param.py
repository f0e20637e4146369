"""BatchVideoTemplateNestedParam: `BatchVideoTemplateNestedRequest` as a plain dict, keyed by wire
names; generated, do not edit.
"""

from __future__ import annotations

from typing import Optional

from typing_extensions import NotRequired, TypedDict

__all__ = ["BatchVideoTemplateNestedParam"]


class BatchVideoTemplateNestedParam(TypedDict):
    """Component name confirmed by the docs snapshot; its fields were not shown. Unknown whether it
    references an existing template (id) or defines one inline (avatar/voice/text/background).
    """

    id: NotRequired[int]

    avatar: NotRequired[int]

    voice: NotRequired[int]

    text: NotRequired[str]

    background: NotRequired[Optional[int]]
