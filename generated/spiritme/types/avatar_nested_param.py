"""AvatarNestedParam: `AvatarNestedRequest` as a plain dict, keyed by wire names; generated, do not
edit.
"""

from __future__ import annotations

from typing_extensions import Required, TypedDict

__all__ = ["AvatarNestedParam"]


class AvatarNestedParam(TypedDict):
    """Reference to an existing avatar by id, as sent by the Pipedream integration (`{"id":
    <avatar>}`).
    """

    id: Required[int]
