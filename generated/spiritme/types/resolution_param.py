"""ResolutionParam: `ResolutionRequest` as a plain dict, keyed by wire names; generated, do not
edit.
"""

from __future__ import annotations

from typing_extensions import Required, TypedDict

__all__ = ["ResolutionParam"]


class ResolutionParam(TypedDict):
    width: Required[int]

    height: Required[int]
