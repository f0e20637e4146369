"""Pages of list results: iterate over one page, over every page, or over every item of every page."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import (
    Any,
    AsyncIterator,
    Awaitable,
    Callable,
    Generator,
    Generic,
    Iterator,
    Literal,
    Mapping,
    TypeVar,
)

import httpx

from ._exceptions import SpiritMeError, request_id_of
from ._types import RequestOptions
from ._utils import origin_of

__all__ = ["AsyncPage", "AsyncPaginator", "PageRequest", "PageSpec", "SyncPage"]

_T = TypeVar("_T")


@dataclass(frozen=True)
class PageSpec:
    """How a list operation pages: where its items are and how to ask for the next page."""

    style: Literal["offset", "page", "cursor", "next_link"]
    items_field: str
    next_field: str = ""
    offset_param: str = ""
    limit_param: str = ""
    page_param: str = ""
    cursor_param: str = ""


@dataclass(frozen=True)
class PageRequest:
    """The request for one page: a path (or the URL of a next link) and the call's arguments."""

    path: str
    query: Mapping[str, object]
    query_styles: Mapping[str, tuple[str, bool]] | None = None
    headers: Mapping[str, object] | None = None
    cookies: Mapping[str, object] | None = None
    options: RequestOptions | None = None


def _as_int(value: object, default: int) -> int:
    """``value`` as an int when it is one (or its text), else ``default``."""
    try:
        return int(str(value))
    except ValueError:
        return default


class _BasePage(Generic[_T]):
    """One page of results and how to ask for the next one (no I/O)."""

    def __init__(
        self,
        *,
        spec: PageSpec,
        request: PageRequest,
        base_url: httpx.URL,
        response: httpx.Response,
        body: dict[str, Any],
        items: list[_T],
    ) -> None:
        self._spec = spec
        self._request = request
        self._base_url = base_url
        self._url = response.url
        #: The whole JSON object of the page (the items under their wire name, and the rest).
        self.body = body
        self.items = items
        #: The id the server gave the request for this page, if it sent one.
        self._request_id = request_id_of(response.headers)

    def has_next_page(self) -> bool:
        """Whether the server points to another page (a next link to another host counts)."""
        try:
            return self._next_request() is not None
        except SpiritMeError:
            return True

    def _next_request(self) -> PageRequest | None:
        """The request for the next page; None on the last page.

        Raises SpiritMeError for a next link to another origin: the API key is never sent there.
        """
        spec, query = self._spec, self._request.query
        following = self.body.get(spec.next_field) if spec.next_field else None
        if spec.next_field and not following:
            return None
        if isinstance(following, str) and (
            spec.style == "next_link" or following.startswith(("http://", "https://", "/"))
        ):
            link = self._followed_link(following)
            if link == str(self._url):  # a server pointing at the page it served
                return None
            return replace(self._request, path=link, query={})
        if not self.items:
            return None
        if spec.style == "offset":
            offset = _as_int(query.get(spec.offset_param), 0) + len(self.items)
            count = self.body.get("count")
            if isinstance(count, int) and offset >= count:
                return None
            return replace(self._request, query={**query, spec.offset_param: offset})
        if spec.style == "page":
            page = _as_int(query.get(spec.page_param), 1) + 1
            return replace(self._request, query={**query, spec.page_param: page})
        if spec.style == "cursor":
            return replace(self._request, query={**query, spec.cursor_param: following})
        return None

    def _followed_link(self, link: str) -> str:
        """The absolute URL of a next link, if it stays on the client's origin.

        A link to ``http://`` on the client's ``https://`` host (a server behind a TLS proxy that
        does not know it) is followed over https.
        """
        url = self._url.join(link)
        base = self._base_url
        if origin_of(url) == origin_of(base):
            return str(url)
        if (url.scheme, url.host.lower(), url.port) == (
            "http",
            base.host.lower(),
            None,
        ) and (base.scheme == "https"):
            return str(base.copy_with(raw_path=url.raw_path))
        raise SpiritMeError(
            "refusing to follow a next page link to another origin: "
            f"{url.scheme}://{url.netloc.decode()}"
        )

    def __repr__(self) -> str:
        return f"<{type(self).__name__} [{len(self.items)} items]>"


class SyncPage(_BasePage[_T]):
    """One page of a list; iterating over it yields every item of this page and the pages after it."""

    def __init__(self, *, fetch: Callable[[PageRequest], SyncPage[_T]], **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._fetch = fetch

    def get_next_page(self) -> SyncPage[_T]:
        """The next page; raises SpiritMeError on the last page or for a link to another origin."""
        request = self._next_request()
        if request is None:
            raise SpiritMeError("this is the last page")
        return self._fetch(request)

    def iter_pages(self) -> Iterator[SyncPage[_T]]:
        """This page, then each following page, fetched as it is reached."""
        page = self
        yield page
        while page.has_next_page():
            page = page.get_next_page()
            yield page

    def __iter__(self) -> Iterator[_T]:
        for page in self.iter_pages():
            yield from page.items


class AsyncPage(_BasePage[_T]):
    """One page of a list; ``async for`` over it yields every item of this page and the pages after it."""

    def __init__(
        self, *, fetch: Callable[[PageRequest], Awaitable[AsyncPage[_T]]], **kwargs: Any
    ) -> None:
        super().__init__(**kwargs)
        self._fetch = fetch

    async def get_next_page(self) -> AsyncPage[_T]:
        """The next page; raises SpiritMeError on the last page or for a link to another origin."""
        request = self._next_request()
        if request is None:
            raise SpiritMeError("this is the last page")
        return await self._fetch(request)

    async def iter_pages(self) -> AsyncIterator[AsyncPage[_T]]:
        """This page, then each following page, fetched as it is reached."""
        page = self
        yield page
        while page.has_next_page():
            page = await page.get_next_page()
            yield page

    async def __aiter__(self) -> AsyncIterator[_T]:
        async for page in self.iter_pages():
            for item in page.items:
                yield item


_AsyncPageT = TypeVar("_AsyncPageT", bound=AsyncPage[Any])


class AsyncPaginator(Generic[_T, _AsyncPageT]):
    """What an async list method returns: ``await`` it for the first page (an ``AsyncPage[T]``, or
    its typed subclass), ``async for`` over it for every item of every page."""

    def __init__(self, first_page: Callable[[], Awaitable[_AsyncPageT]]) -> None:
        self._first_page = first_page

    def __await__(self) -> Generator[Any, None, _AsyncPageT]:
        return self._first_page().__await__()

    async def __aiter__(self) -> AsyncIterator[_T]:
        page: AsyncPage[_T] = await self
        async for item in page:
            yield item
