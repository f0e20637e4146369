"""Renders the runtime templates for a small hand-built API, with hand-written resources, for tests."""

from __future__ import annotations

import contextlib
import hashlib
import importlib
import json
import threading
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import ModuleType
from typing import Any, Iterator

import jinja2

from generator import ir
from generator.build import render

TEMPLATES = Path(__file__).resolve().parents[1] / "templates" / "runtime"


def pyrepr(value: object) -> str:
    """The generator's ``pyrepr``, with a string in double quotes as black writes it.

    With it the raw rendering can be compared with its black formatting: the templates are
    expected to be laid out as black would lay them out.
    """
    text = render.pyrepr(value)
    if isinstance(value, str) and text.startswith("'") and '"' not in value:
        return '"' + text[1:-1] + '"'
    return text


def runtime_environment() -> jinja2.Environment:
    """The generator's Jinja environment (same whitespace rules and filters), quoting as black does."""
    env = render.environment().overlay()
    env.filters = {**env.filters, "pyrepr": pyrepr}
    return env


def build_api(
    *,
    package: str = "demo_sdk",
    auth: ir.Auth | None = None,
    webhooks: bool = True,
    default_base_url: str = "https://api.demo.example",
) -> ir.Api:
    """An Api with one resource (``videos``) and, unless told otherwise, one webhook model."""
    video = ir.ModelRef(class_name="Video", module="video")
    operation = ir.Operation(
        method_name="list",
        operation_id="videos_list",
        http_method="get",
        path="/api/videos/",
        pointer="/paths/~1api~1videos~1/get",
        pagination=ir.Pagination(style="next_link", items_field="results", item_type=video, next_field="next"),
    )
    resource = ir.Resource(
        attr="videos",
        class_name="Videos",
        module="videos",
        tag="videos",
        operations=(operation,),
    )
    return ir.Api(
        title="Demo API",
        version="1.2.3",
        description="A demo.",
        openapi_version="3.0.3",
        client=ir.Client(
            package=package,
            class_name="Demo",
            env_prefix="DEMO",
            default_base_url=default_base_url,
            distribution="demo-sdk",
        ),
        auth=auth
        or ir.Auth(
            scheme_name="tokenAuth",
            kind="header",
            param_name="Authorization",
            prefix="Token",
        ),
        resources=(resource,),
        schemas=(),
        webhook_models=(video,) if webhooks else (),
    )


def render_runtime(api: ir.Api) -> dict[str, str]:
    """``{relative path: text}`` of every runtime template rendered for ``api``, not formatted."""
    env = runtime_environment()
    return {
        f"{api.client.package}/{path.name.removesuffix('.jinja')}": env.get_template(f"runtime/{path.name}").render(
            api=api
        )
        for path in sorted(TEMPLATES.glob("*.jinja"))
    }


def write_package(api: ir.Api, root: Path) -> Path:
    """Writes the rendered runtime plus the fixture's resources and types under ``root``."""
    files = render_runtime(api)
    package = api.client.package
    files[f"{package}/resources/__init__.py"] = '"""Resources."""\n'
    files[f"{package}/resources/videos.py"] = VIDEOS_RESOURCE
    files[f"{package}/types/__init__.py"] = '"""Types."""\n'
    files[f"{package}/types/video.py"] = VIDEO_TYPES
    for relative, text in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root / package


def module(package: ModuleType, name: str) -> Any:
    """The submodule ``name`` of an imported package (imported if it was not yet)."""
    return importlib.import_module(f"{package.__name__}.{name}")


@dataclass(frozen=True)
class Received:
    """What the sink server read of one request body, without keeping it."""

    method: str
    path: str
    headers: dict[str, str]
    size: int
    sha256: str


class Sink:
    """What a sink server has read, and where it listens."""

    def __init__(self) -> None:
        self.received: list[Received] = []
        self.url = ""


@contextlib.contextmanager
def sink_server(port: int = 0) -> Iterator[Sink]:
    """An HTTP server on 127.0.0.1 (on ``port``, or a free one) while the block runs: it reads
    bodies in 64 KiB chunks, keeps only their size and hash, and answers ``VIDEO`` as JSON.
    """
    sink = Sink()
    httpd = ThreadingHTTPServer(("127.0.0.1", port), _sink_handler(sink))
    httpd.daemon_threads = True
    sink.url = f"http://127.0.0.1:{httpd.server_address[1]}"
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield sink
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join()


VIDEO = {"id": 1, "name": "clip", "status": "success"}


def _sink_handler(sink: Sink) -> type[BaseHTTPRequestHandler]:
    class _Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def _serve(self) -> None:
            digest, size = hashlib.sha256(), 0
            for chunk in self._chunks():
                digest.update(chunk)
                size += len(chunk)
            headers = {k.lower(): v for k, v in self.headers.items()}
            sink.received.append(Received(self.command, self.path, headers, size, digest.hexdigest()))
            body = json.dumps(VIDEO).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def _chunks(self) -> Iterator[bytes]:
            if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
                while size := int(self.rfile.readline().split(b";")[0].strip() or b"0", 16):
                    yield from self._read(size)
                    self.rfile.readline()
                while self.rfile.readline().strip():
                    pass
                return
            yield from self._read(int(self.headers.get("Content-Length") or 0))

        def _read(self, remaining: int) -> Iterator[bytes]:
            while remaining > 0:
                chunk = self.rfile.read(min(remaining, 64 * 1024))
                if not chunk:
                    return
                remaining -= len(chunk)
                yield chunk

        do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = _serve

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib's name
            pass

    return _Handler


# What the lead's templates generate, written by hand against templates/runtime/CONTRACT.md.
VIDEO_TYPES = '''\
"""Video models."""

from __future__ import annotations

from datetime import datetime

from pydantic import Field

from .._models import BaseModel, OpenIntEnum, OpenStrEnum


class VideoStatusEnum(OpenStrEnum):
    DRAFT = "draft"
    IN_PROGRESS = "in_progress"
    SUCCESS = "success"
    ERROR = "error"


class PriorityEnum(OpenIntEnum):
    LOW = 1
    HIGH = 2


class Video(BaseModel):
    id: int
    name: str
    status: VideoStatusEnum
    priority: PriorityEnum | None = None
    created_at: datetime | None = None
    model_field: str | None = Field(default=None, alias="model")


class VideoRequest(BaseModel):
    name: str = Field(max_length=20)
    status: VideoStatusEnum | None = None
    model_field: str | None = Field(default=None, alias="model")


class UploadRequest(BaseModel):
    file: bytes
    title: str
    tags: list[str] | None = None
'''

VIDEOS_RESOURCE = '''\
"""The videos resource."""

from __future__ import annotations

from typing import Sequence, cast

from .._base_client import AsyncAPIResource, SyncAPIResource, make_request_options
from .._pagination import AsyncPaginator, PageSpec, SyncPage
from .._response import (
    APIResponse,
    AsyncAPIResponse,
    async_to_raw_response_wrapper,
    to_raw_response_wrapper,
)
from .._types import NOT_GIVEN, Body, FileTypes, Headers, NotGiven, Query, Timeout
from .._utils import path_template, strip_not_given
from ..types.video import UploadRequest, Video, VideoRequest, VideoStatusEnum

_LIST_PAGE = PageSpec(style="next_link", items_field="results", next_field="next")


class Videos(SyncAPIResource):
    @property
    def with_raw_response(self) -> VideosWithRawResponse:
        return VideosWithRawResponse(self)

    def retrieve(
        self,
        id: int,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> Video:
        return cast(
            Video,
            self._client._request(
                "get",
                path_template("/api/videos/{id}/", id=id),
                cast_to=Video,
                options=make_request_options(
                    extra_headers=extra_headers,
                    extra_query=extra_query,
                    timeout=timeout,
                ),
            ),
        )

    def create(
        self,
        *,
        name: str,
        status: VideoStatusEnum | None | NotGiven = NOT_GIVEN,
        model: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_body: Body | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> Video:
        return cast(
            Video,
            self._client._request(
                "post",
                "/api/videos/",
                body=strip_not_given({"name": name, "status": status, "model": model}),
                body_model=VideoRequest,
                encoding="json",
                cast_to=Video,
                options=make_request_options(
                    extra_headers=extra_headers,
                    extra_body=extra_body,
                    timeout=timeout,
                    max_retries=max_retries,
                ),
            ),
        )

    def update(self, id: int, *, name: str, timeout: Timeout | NotGiven = NOT_GIVEN) -> Video:
        return cast(
            Video,
            self._client._request(
                "put",
                path_template("/api/videos/{id}/", id=id),
                body={"name": name},
                body_model=VideoRequest,
                cast_to=Video,
                options=make_request_options(timeout=timeout),
            ),
        )

    def delete(self, id: int) -> None:
        self._client._request("delete", path_template("/api/videos/{id}/", id=id))

    def list(
        self,
        *,
        limit: int | NotGiven = NOT_GIVEN,
        status: Sequence[VideoStatusEnum] | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
    ) -> SyncPage[Video]:
        return self._client._get_page(
            "/api/videos/",
            page=_LIST_PAGE,
            item_type=Video,
            query=strip_not_given({"limit": limit, "status": status}),
            query_styles={"status": ("form", False)},
            options=make_request_options(extra_headers=extra_headers, extra_query=extra_query),
        )

    def upload(
        self, *, file: FileTypes, title: str, tags: Sequence[str] | NotGiven = NOT_GIVEN
    ) -> Video:
        return cast(
            Video,
            self._client._request(
                "post",
                "/api/uploads/",
                body=strip_not_given({"file": file, "title": title, "tags": tags}),
                body_model=UploadRequest,
                encoding="multipart",
                file_fields=("file",),
                cast_to=Video,
            ),
        )

    def upload_raw(self, id: int, *, body: FileTypes) -> Video:
        return cast(
            Video,
            self._client._request(
                "put",
                path_template("/api/videos/{id}/source/", id=id),
                body=body,
                encoding="binary",
                content_type="video/mp4",
                cast_to=Video,
            ),
        )

    def download(self, id: int) -> bytes:
        return cast(
            bytes,
            self._client._request(
                "get", path_template("/api/videos/{id}/file/", id=id), cast_to=bytes
            ),
        )

    def wait(self, id: int, *, poll_interval: float = 3.0, timeout: float = 600.0) -> Video:
        return self._poll(
            lambda: self.retrieve(id),
            status_of=lambda v: v.status,
            success=("success",),
            failure=("error",),
            poll_interval=poll_interval,
            timeout=timeout,
        )


class AsyncVideos(AsyncAPIResource):
    @property
    def with_raw_response(self) -> AsyncVideosWithRawResponse:
        return AsyncVideosWithRawResponse(self)

    async def retrieve(
        self,
        id: int,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> Video:
        return cast(
            Video,
            await self._client._request(
                "get",
                path_template("/api/videos/{id}/", id=id),
                cast_to=Video,
                options=make_request_options(
                    extra_headers=extra_headers,
                    extra_query=extra_query,
                    timeout=timeout,
                ),
            ),
        )

    async def create(
        self,
        *,
        name: str,
        status: VideoStatusEnum | None | NotGiven = NOT_GIVEN,
        model: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_body: Body | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> Video:
        return cast(
            Video,
            await self._client._request(
                "post",
                "/api/videos/",
                body=strip_not_given({"name": name, "status": status, "model": model}),
                body_model=VideoRequest,
                encoding="json",
                cast_to=Video,
                options=make_request_options(
                    extra_headers=extra_headers,
                    extra_body=extra_body,
                    timeout=timeout,
                    max_retries=max_retries,
                ),
            ),
        )

    def list(
        self,
        *,
        limit: int | NotGiven = NOT_GIVEN,
        status: Sequence[VideoStatusEnum] | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
    ) -> AsyncPaginator[Video]:
        return self._client._get_page(
            "/api/videos/",
            page=_LIST_PAGE,
            item_type=Video,
            query=strip_not_given({"limit": limit, "status": status}),
            query_styles={"status": ("form", False)},
            options=make_request_options(extra_headers=extra_headers, extra_query=extra_query),
        )

    async def upload(
        self, *, file: FileTypes, title: str, tags: Sequence[str] | NotGiven = NOT_GIVEN
    ) -> Video:
        return cast(
            Video,
            await self._client._request(
                "post",
                "/api/uploads/",
                body=strip_not_given({"file": file, "title": title, "tags": tags}),
                body_model=UploadRequest,
                encoding="multipart",
                file_fields=("file",),
                cast_to=Video,
            ),
        )

    async def upload_raw(self, id: int, *, body: FileTypes) -> Video:
        return cast(
            Video,
            await self._client._request(
                "put",
                path_template("/api/videos/{id}/source/", id=id),
                body=body,
                encoding="binary",
                content_type="video/mp4",
                cast_to=Video,
            ),
        )

    async def wait(self, id: int, *, poll_interval: float = 3.0, timeout: float = 600.0) -> Video:
        return await self._poll(
            lambda: self.retrieve(id),
            status_of=lambda v: v.status,
            success=("success",),
            failure=("error",),
            poll_interval=poll_interval,
            timeout=timeout,
        )


class VideosWithRawResponse:
    def __init__(self, videos: Videos) -> None:
        self.retrieve = to_raw_response_wrapper(videos.retrieve)
        self.list = to_raw_response_wrapper(videos.list)


class AsyncVideosWithRawResponse:
    def __init__(self, videos: AsyncVideos) -> None:
        self.retrieve = async_to_raw_response_wrapper(videos.retrieve)
        self.list = async_to_raw_response_wrapper(videos.list)


__all__ = ["APIResponse", "AsyncAPIResponse", "AsyncVideos", "Videos"]
'''
