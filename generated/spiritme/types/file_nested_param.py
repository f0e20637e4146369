"""FileNestedParam: `FileNestedRequest` as a plain dict, keyed by wire names; generated, do not
edit.
"""

from __future__ import annotations

from typing_extensions import Required, TypedDict

__all__ = ["FileNestedParam"]


class FileNestedParam(TypedDict):
    """Reference to an uploaded file by id (`{"id": <file>}` as sent by the Pipedream integration)."""

    id: Required[int]
