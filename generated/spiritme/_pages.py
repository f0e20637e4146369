"""Typed pages: one class per list response of the API, with that response's other fields typed.

A list method returns such a page (``SyncPage``/``AsyncPage`` when the list response has no model):
its ``items``, ``body``, ``has_next_page()``, ``get_next_page()`` and ``iter_pages()``, and the
list response's scalar fields (``count``, ``next``...) as typed properties; any other field is in
``body``.
"""

from __future__ import annotations

from typing import Optional, TypeVar, cast

from ._pagination import AsyncPage, SyncPage

__all__ = [
    "AsyncPage",
    "AsyncPaginatedAvatarListPage",
    "AsyncPaginatedBatchVideoListPage",
    "AsyncPaginatedBatchVideoTemplateListPage",
    "AsyncPaginatedFileListPage",
    "AsyncPaginatedLanguageListPage",
    "AsyncPaginatedVideoListPage",
    "AsyncPaginatedVoiceListPage",
    "PaginatedAvatarListPage",
    "PaginatedBatchVideoListPage",
    "PaginatedBatchVideoTemplateListPage",
    "PaginatedFileListPage",
    "PaginatedLanguageListPage",
    "PaginatedVideoListPage",
    "PaginatedVoiceListPage",
    "SyncPage",
]

_T = TypeVar("_T")


class PaginatedAvatarListPage(SyncPage[_T]):
    """A page of `PaginatedAvatarList`: its items, and its other fields typed."""

    @property
    def count(self) -> Optional[int]:
        """`count` of the list response."""
        return cast(Optional[int], self.body.get("count"))

    @property
    def next(self) -> Optional[str]:
        """`next` of the list response."""
        return cast(Optional[str], self.body.get("next"))

    @property
    def previous(self) -> Optional[str]:
        """`previous` of the list response."""
        return cast(Optional[str], self.body.get("previous"))


class AsyncPaginatedAvatarListPage(AsyncPage[_T]):
    """A page of `PaginatedAvatarList`: its items, and its other fields typed."""

    @property
    def count(self) -> Optional[int]:
        """`count` of the list response."""
        return cast(Optional[int], self.body.get("count"))

    @property
    def next(self) -> Optional[str]:
        """`next` of the list response."""
        return cast(Optional[str], self.body.get("next"))

    @property
    def previous(self) -> Optional[str]:
        """`previous` of the list response."""
        return cast(Optional[str], self.body.get("previous"))


class PaginatedBatchVideoTemplateListPage(SyncPage[_T]):
    """A page of `PaginatedBatchVideoTemplateList`: its items, and its other fields typed."""

    @property
    def count(self) -> Optional[int]:
        """`count` of the list response."""
        return cast(Optional[int], self.body.get("count"))

    @property
    def next(self) -> Optional[str]:
        """`next` of the list response."""
        return cast(Optional[str], self.body.get("next"))

    @property
    def previous(self) -> Optional[str]:
        """`previous` of the list response."""
        return cast(Optional[str], self.body.get("previous"))


class AsyncPaginatedBatchVideoTemplateListPage(AsyncPage[_T]):
    """A page of `PaginatedBatchVideoTemplateList`: its items, and its other fields typed."""

    @property
    def count(self) -> Optional[int]:
        """`count` of the list response."""
        return cast(Optional[int], self.body.get("count"))

    @property
    def next(self) -> Optional[str]:
        """`next` of the list response."""
        return cast(Optional[str], self.body.get("next"))

    @property
    def previous(self) -> Optional[str]:
        """`previous` of the list response."""
        return cast(Optional[str], self.body.get("previous"))


class PaginatedBatchVideoListPage(SyncPage[_T]):
    """A page of `PaginatedBatchVideoList`: its items, and its other fields typed."""

    @property
    def count(self) -> Optional[int]:
        """`count` of the list response."""
        return cast(Optional[int], self.body.get("count"))

    @property
    def next(self) -> Optional[str]:
        """`next` of the list response."""
        return cast(Optional[str], self.body.get("next"))

    @property
    def previous(self) -> Optional[str]:
        """`previous` of the list response."""
        return cast(Optional[str], self.body.get("previous"))


class AsyncPaginatedBatchVideoListPage(AsyncPage[_T]):
    """A page of `PaginatedBatchVideoList`: its items, and its other fields typed."""

    @property
    def count(self) -> Optional[int]:
        """`count` of the list response."""
        return cast(Optional[int], self.body.get("count"))

    @property
    def next(self) -> Optional[str]:
        """`next` of the list response."""
        return cast(Optional[str], self.body.get("next"))

    @property
    def previous(self) -> Optional[str]:
        """`previous` of the list response."""
        return cast(Optional[str], self.body.get("previous"))


class PaginatedFileListPage(SyncPage[_T]):
    """A page of `PaginatedFileList`: its items, and its other fields typed."""

    @property
    def count(self) -> Optional[int]:
        """`count` of the list response."""
        return cast(Optional[int], self.body.get("count"))

    @property
    def next(self) -> Optional[str]:
        """`next` of the list response."""
        return cast(Optional[str], self.body.get("next"))

    @property
    def previous(self) -> Optional[str]:
        """`previous` of the list response."""
        return cast(Optional[str], self.body.get("previous"))


class AsyncPaginatedFileListPage(AsyncPage[_T]):
    """A page of `PaginatedFileList`: its items, and its other fields typed."""

    @property
    def count(self) -> Optional[int]:
        """`count` of the list response."""
        return cast(Optional[int], self.body.get("count"))

    @property
    def next(self) -> Optional[str]:
        """`next` of the list response."""
        return cast(Optional[str], self.body.get("next"))

    @property
    def previous(self) -> Optional[str]:
        """`previous` of the list response."""
        return cast(Optional[str], self.body.get("previous"))


class PaginatedLanguageListPage(SyncPage[_T]):
    """A page of `PaginatedLanguageList`: its items, and its other fields typed."""

    @property
    def count(self) -> Optional[int]:
        """`count` of the list response."""
        return cast(Optional[int], self.body.get("count"))

    @property
    def next(self) -> Optional[str]:
        """`next` of the list response."""
        return cast(Optional[str], self.body.get("next"))

    @property
    def previous(self) -> Optional[str]:
        """`previous` of the list response."""
        return cast(Optional[str], self.body.get("previous"))


class AsyncPaginatedLanguageListPage(AsyncPage[_T]):
    """A page of `PaginatedLanguageList`: its items, and its other fields typed."""

    @property
    def count(self) -> Optional[int]:
        """`count` of the list response."""
        return cast(Optional[int], self.body.get("count"))

    @property
    def next(self) -> Optional[str]:
        """`next` of the list response."""
        return cast(Optional[str], self.body.get("next"))

    @property
    def previous(self) -> Optional[str]:
        """`previous` of the list response."""
        return cast(Optional[str], self.body.get("previous"))


class PaginatedVoiceListPage(SyncPage[_T]):
    """A page of `PaginatedVoiceList`: its items, and its other fields typed."""

    @property
    def count(self) -> Optional[int]:
        """`count` of the list response."""
        return cast(Optional[int], self.body.get("count"))

    @property
    def next(self) -> Optional[str]:
        """`next` of the list response."""
        return cast(Optional[str], self.body.get("next"))

    @property
    def previous(self) -> Optional[str]:
        """`previous` of the list response."""
        return cast(Optional[str], self.body.get("previous"))


class AsyncPaginatedVoiceListPage(AsyncPage[_T]):
    """A page of `PaginatedVoiceList`: its items, and its other fields typed."""

    @property
    def count(self) -> Optional[int]:
        """`count` of the list response."""
        return cast(Optional[int], self.body.get("count"))

    @property
    def next(self) -> Optional[str]:
        """`next` of the list response."""
        return cast(Optional[str], self.body.get("next"))

    @property
    def previous(self) -> Optional[str]:
        """`previous` of the list response."""
        return cast(Optional[str], self.body.get("previous"))


class PaginatedVideoListPage(SyncPage[_T]):
    """A page of `PaginatedVideoList`: its items, and its other fields typed."""

    @property
    def count(self) -> Optional[int]:
        """`count` of the list response."""
        return cast(Optional[int], self.body.get("count"))

    @property
    def next(self) -> Optional[str]:
        """`next` of the list response."""
        return cast(Optional[str], self.body.get("next"))

    @property
    def previous(self) -> Optional[str]:
        """`previous` of the list response."""
        return cast(Optional[str], self.body.get("previous"))


class AsyncPaginatedVideoListPage(AsyncPage[_T]):
    """A page of `PaginatedVideoList`: its items, and its other fields typed."""

    @property
    def count(self) -> Optional[int]:
        """`count` of the list response."""
        return cast(Optional[int], self.body.get("count"))

    @property
    def next(self) -> Optional[str]:
        """`next` of the list response."""
        return cast(Optional[str], self.body.get("next"))

    @property
    def previous(self) -> Optional[str]:
        """`previous` of the list response."""
        return cast(Optional[str], self.body.get("previous"))
