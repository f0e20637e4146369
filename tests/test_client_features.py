"""The generated client's user-facing features (issue 11 items 2-6, lazy imports, the loopback rule),
on packages built by the generator from a small document, against real servers on 127.0.0.1."""

from __future__ import annotations

import asyncio
import importlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any, Callable

import pytest
from client_demo import VIDEO
from servers import LocalServer, Reply, Request, free_port

from generator.mock import server as mock_server
from generator.spec import fetch

KEY = "sekrit-key-123"


def json_reply(data: object, status: int = 200, headers: dict[str, str] | None = None) -> Reply:
    return Reply(status, json.dumps(data).encode(), {"Content-Type": "application/json", **(headers or {})})


def in_turn(*replies: Reply) -> Callable[[Request], Reply]:
    queue = list(replies)
    return lambda request: queue.pop(0) if len(queue) > 1 else queue[0]


def pages(server_url: Callable[[], str], count: int = 3) -> Callable[[Request], Reply]:
    """DRF pages of one video each, ``?page=N``, each answer with its own request id."""

    def handle(request: Request) -> Reply:
        number = int(dict(request.query).get("page", "1"))
        following = f"{server_url()}/api/videos/?page={number + 1}" if number < count else None
        body = {"count": count, "next": following, "previous": None, "results": [dict(VIDEO, id=number)]}
        return json_reply(body, headers={"X-Request-Id": f"page-{number}"})

    return handle


def make(sdk: ModuleType, url: str, **options: Any) -> Any:
    client = sdk.Demo(api_key=KEY, base_url=url, **options)
    client._sleep = lambda seconds: None
    return client


def make_async(sdk: ModuleType, url: str, **options: Any) -> Any:
    async def no_wait(seconds: float) -> None:
        return None

    client = sdk.AsyncDemo(api_key=KEY, base_url=url, **options)
    client._sleep = no_wait
    return client


# ----------------------------------------------------------------- item 2: one exception family


def test_arguments_are_refused_before_sending_with_their_name(sdk: ModuleType, tmp_path: Path) -> None:
    with LocalServer(lambda request: json_reply(VIDEO)) as server:
        client = make(sdk, server.url)
        refused = {
            "id": lambda: client.videos.retrieve("../admin"),
            "name": lambda: client.videos.create(name="x" * 21),
            "file": lambda: client.videos.upload(file=tmp_path / "missing.mp4", title="t"),
            "extra_body": lambda: client.videos.create(name="a", extra_body=["not", "an", "object"]),
        }
        for argument, call in refused.items():
            with pytest.raises(sdk.InvalidArgumentError) as caught:
                call()
            assert caught.value.argument == argument and argument in str(caught.value)
            assert isinstance(caught.value, sdk.DemoError)
    assert server.requests == []


def test_a_closed_client_refuses_calls_with_its_own_error(sdk: ModuleType) -> None:
    with LocalServer(lambda request: json_reply(VIDEO)) as server:
        client = make(sdk, server.url)
        copy = client.with_options(max_retries=0)
        assert not client.is_closed() and client.videos.retrieve(1).id == 1
        client.close()
        assert client.is_closed() and copy.is_closed()  # the copy shares the connections
        for call in (lambda: client.videos.retrieve(1), lambda: copy.videos.list()):
            with pytest.raises(sdk.ClientClosedError):
                call()
    assert len(server.requests) == 1


async def test_async_closed_client_and_connection_errors_are_the_clients_own(sdk: ModuleType) -> None:
    with LocalServer(lambda request: json_reply(VIDEO)) as server:
        client = make_async(sdk, server.url)
        assert (await client.videos.retrieve(1)).id == 1 and not client.is_closed()
        await client.close()
        assert client.is_closed()
        with pytest.raises(sdk.ClientClosedError):
            await client.videos.retrieve(1)
    refused = make_async(sdk, f"http://127.0.0.1:{free_port()}", max_retries=0)
    with pytest.raises(sdk.APIConnectionError) as caught:
        await refused.videos.retrieve(1)
    assert isinstance(caught.value, sdk.DemoError)


def test_everything_a_call_raises_is_a_client_error(sdk: ModuleType) -> None:
    slow = Reply(200, json.dumps(VIDEO).encode(), {"Content-Type": "application/json"}, delay=0.5)
    routes = {"/api/videos/1/": lambda request: slow, "/api/videos/2/": lambda request: json_reply({}, 404)}
    with LocalServer(routes) as server:
        client = make(sdk, server.url, max_retries=0)
        for call in (
            lambda: client.videos.retrieve(1, timeout=0.1),
            lambda: client.videos.retrieve(2),
            lambda: client.videos.retrieve(True),
            lambda: make(sdk, f"http://127.0.0.1:{free_port()}", max_retries=0).videos.list(),
        ):
            with pytest.raises(sdk.DemoError):
                call()


# ----------------------------------------------------------------- item 3: raw and streamed responses


def test_raw_responses_expose_text_json_elapsed_retries_and_request_id(sdk: ModuleType) -> None:
    handler = in_turn(json_reply({}, 503), json_reply(VIDEO, headers={"X-Request-Id": "req-7"}))
    with LocalServer({"/api/videos/1/": handler}) as server:
        raw = make(sdk, server.url).videos.with_raw_response.retrieve(1)
    assert raw.status_code == 200 and raw.retries_taken == 1 and raw.request_id == "req-7"
    assert json.loads(raw.text) == VIDEO and raw.json() == VIDEO and raw.read() == raw.http_response.content
    assert raw.elapsed >= 0 and raw.method == "GET" and raw.parse().name == "clip"


def test_streaming_responses_read_as_asked_and_release_the_connection(sdk: ModuleType, tmp_path: Path) -> None:
    lines = b"".join(b"line %d\n" % n for n in range(1000))
    routes = {
        "/api/videos/1/file/": lambda request: Reply(200, lines, {"Content-Type": "application/octet-stream"}),
        "/api/videos/1/": lambda request: json_reply(VIDEO, headers={"request-id": "r-1"}),
        "/api/videos/2/": lambda request: json_reply({"detail": "gone"}, 404),
    }
    with LocalServer(routes) as server:
        server.routes["/api/videos/"] = pages(lambda: server.url, count=1)
        client = make(sdk, server.url)
        streaming = client.videos.with_streaming_response
        with streaming.download(1) as response:
            assert not response.is_closed and response.request_id is None
            assert list(response.iter_lines())[:2] == ["line 0", "line 1"]
        assert response.is_closed
        with streaming.download(1) as response:
            assert b"".join(response.iter_bytes(chunk_size=100)) == lines
        with streaming.download(1) as response:
            response.write_to_file(tmp_path / "out.bin")
        assert (tmp_path / "out.bin").read_bytes() == lines
        with streaming.retrieve(1) as response:
            assert response.json() == VIDEO and response.parse().name == "clip" and response.request_id == "r-1"
        with streaming.list() as response:
            assert [video.id for video in response.parse()] == [1]
        with pytest.raises(sdk.NotFoundError) as caught, streaming.retrieve(2):
            pass
    assert caught.value.body == {"detail": "gone"}
    assert all("X-Demo-Raw-Response" not in r.headers for r in server.requests)


async def test_async_raw_and_streaming_cover_every_method(sdk: ModuleType, tmp_path: Path) -> None:
    payload = b"a\nb\nc\n"
    with LocalServer() as server:
        server.routes["/api/videos/"] = pages(lambda: server.url)
        server.routes["/api/videos/1/file/"] = lambda request: Reply(200, payload)
        server.routes["/api/videos/1/"] = lambda request: json_reply(VIDEO, headers={"X-Request-Id": "a-1"})
        client = make_async(sdk, server.url)
        raw_page = await client.videos.with_raw_response.list()
        assert raw_page.request_id == "page-1" and (await raw_page.json()) == {
            "count": 3,
            "next": f"{server.url}/api/videos/?page=2",
            "previous": None,
            "results": [dict(VIDEO, id=1)],
        }
        assert [video.id async for video in await raw_page.parse()] == [1, 2, 3]
        raw = await client.videos.with_raw_response.retrieve(1)
        assert raw.text and (await raw.json()) == VIDEO and raw.retries_taken == 0
        async with client.videos.with_streaming_response.download(1) as response:
            assert [line async for line in response.iter_lines()] == ["a", "b", "c"]
        assert response.is_closed
        async with client.videos.with_streaming_response.download(1) as response:
            await response.write_to_file(tmp_path / "a.bin")
        async with client.videos.with_streaming_response.retrieve(1) as response:
            assert (await response.read()) and (await response.parse()).id == 1
        async with client.videos.with_streaming_response.list() as response:
            first = await response.parse()
            assert [video.id for video in first.items] == [1]
        await client.close()
    assert (tmp_path / "a.bin").read_bytes() == payload
    methods = {"list", "create", "retrieve", "update", "delete", "upload_raw", "download", "upload"}
    for wrapper in (client.videos.with_raw_response, client.videos.with_streaming_response):
        assert methods <= set(vars(wrapper))


# ----------------------------------------------------------------- item 4: pages


def test_pages_expose_their_request_id_and_body(sdk: ModuleType) -> None:
    with LocalServer() as server:
        server.routes["/api/videos/"] = pages(lambda: server.url)
        page = make(sdk, server.url).videos.list()
        assert page._request_id == "page-1" and page.body["count"] == 3 and page.has_next_page()
        assert page.get_next_page()._request_id == "page-2"
        assert [p._request_id for p in page.iter_pages()] == ["page-1", "page-2", "page-3"]


def test_pages_type_the_list_responses_other_fields(sdk: ModuleType) -> None:
    with LocalServer() as server:
        server.routes["/api/videos/"] = pages(lambda: server.url)
        page = make(sdk, server.url).videos.list()
        assert type(page).__name__ == "PaginatedVideoListPage" and isinstance(page, sdk.SyncPage)
        assert (page.count, page.next, page.previous) == (3, f"{server.url}/api/videos/?page=2", None)
        assert page.get_next_page().next == f"{server.url}/api/videos/?page=3"

        async def first_async_page() -> Any:
            async with make_async(sdk, server.url) as client:
                return await client.videos.list()

        first = asyncio.run(first_async_page())
        assert type(first).__name__ == "AsyncPaginatedVideoListPage" and first.count == 3


USER_CODE = """
from demo_sdk import AsyncDemo, Demo, SyncPage
from demo_sdk.types import Video

client = Demo(api_key="k")
page = client.videos.list(limit=1)
count: int = page.count
following: str | None = page.next
names: list[str] = [video.name for video in page.items]
assert isinstance(page, SyncPage)
raw = client.videos.with_raw_response.retrieve(1)
request_id: str | None = raw.request_id
with client.videos.with_streaming_response.download(1) as response:
    chunks: list[bytes] = list(response.iter_bytes())
undocumented: Video = client.get("/x", cast_to=Video)


async def main() -> None:
    async with AsyncDemo(api_key="k") as aclient:
        first = await aclient.videos.list()
        total: int = first.count
        async with aclient.videos.with_streaming_response.retrieve(1) as streamed:
            video = await streamed.parse()
            name: str = video.name
        print(total, name)
"""


def test_user_code_is_typed_by_mypy_and_pyright(sdk_roots: dict[str, Path], tmp_path: Path) -> None:
    """What users write against the client type-checks strictly: typed pages, raw and streamed responses."""
    user = tmp_path / "user.py"
    user.write_text(USER_CODE)
    env = {**os.environ, "MYPYPATH": str(sdk_roots["demo_sdk"])}
    mypy = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--cache-dir", str(tmp_path / ".mypy"), str(user)],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
    )
    assert mypy.returncode == 0, mypy.stdout
    pyright = shutil.which("pyright")
    if pyright is None:
        return  # pyright is optional here: the mypy check above always runs
    config = tmp_path / "pyrightconfig.json"
    settings = {"typeCheckingMode": "strict", "pythonVersion": "3.10", "extraPaths": [str(sdk_roots["demo_sdk"])]}
    config.write_text(json.dumps(settings))
    checked = subprocess.run([pyright, "-p", str(config), str(user)], capture_output=True, text=True)
    assert checked.returncode == 0, checked.stdout[-3000:]


# ----------------------------------------------------------------- item 5: escape hatches and options


def test_undocumented_endpoints_through_get_post_put_patch_delete(sdk: ModuleType) -> None:
    echo = {"/api/echo/": lambda request: json_reply({"method": request.method, "body": request.body.decode()})}
    with LocalServer(echo) as server:
        client = make(sdk, server.url)
        assert client.get("/api/echo/", cast_to=dict, query={"q": 1})["method"] == "GET"
        for verb in ("post", "put", "patch", "delete"):
            answer = getattr(client, verb)("/api/echo/", cast_to=dict, body={"a": 1}, extra_headers={"X-T": "t"})
            assert answer["method"] == verb.upper() and json.loads(answer["body"]) == {"a": 1}
    assert server.requests[0].query == (("q", "1"),)
    assert all(r.headers["Authorization"] == f"Token {KEY}" for r in server.requests)
    assert server.requests[1].headers["X-T"] == "t"


async def test_async_undocumented_endpoint(sdk: ModuleType) -> None:
    with LocalServer({"/api/videos/1/": lambda request: json_reply(VIDEO)}) as server:
        async with make_async(sdk, server.url) as client:
            video = await client.get("/api/videos/1/", cast_to=module(sdk, "types").Video)
    assert video.name == "clip"


def test_strict_response_validation_is_an_argument_copies_keep(sdk: ModuleType) -> None:
    with LocalServer({"/api/videos/1/": lambda request: json_reply({"id": "x"})}) as server:
        strict = make(sdk, server.url, strict_response_validation=True)
        with pytest.raises(sdk.APIResponseValidationError):
            strict.videos.retrieve(1)
        assert strict.with_options(max_retries=0).strict_response_validation is True
        assert strict.copy(strict_response_validation=False).videos.retrieve(1).id == "x"
        assert make(sdk, server.url).strict_response_validation is False


def test_wait_passes_request_options_and_names_its_deadline_max_wait(sdk: ModuleType) -> None:
    statuses = in_turn(*(json_reply(dict(VIDEO, status=s)) for s in ("draft", "in_progress", "success")))
    with LocalServer({"/api/videos/1/": statuses}) as server:
        client = make(sdk, server.url)
        video = client.videos.wait(1, poll_interval=0.01, max_wait=5, extra_headers={"X-Trace": "w"}, timeout=3)
    assert video.status == "success" and len(server.requests) == 3
    assert all(r.headers["X-Trace"] == "w" for r in server.requests)


# ----------------------------------------------------------------- item 6: logging and request ids


def test_results_carry_the_request_id(sdk: ModuleType) -> None:
    routes = {
        "/api/videos/1/": lambda request: json_reply(VIDEO, headers={"X-Request-Id": "req-1"}),
        "/api/videos/2/": lambda request: json_reply(VIDEO),
    }
    with LocalServer(routes) as server:
        client = make(sdk, server.url)
        assert client.videos.retrieve(1)._request_id == "req-1"
        assert client.videos.retrieve(2)._request_id is None
        assert "_request_id" not in client.videos.retrieve(1).to_dict()


LOGGED_CALLS = """
import sys
import demo_sdk

client = demo_sdk.Demo(api_key=sys.argv[1], base_url=sys.argv[2])
client._sleep = lambda seconds: None
client.videos.retrieve(1)
"""


@pytest.mark.parametrize("level", ["info", "debug", ""])
def test_log_env_var_logs_requests_retries_and_time_never_the_key(sdk_roots: dict[str, Path], level: str) -> None:
    handler = in_turn(json_reply({}, 503), json_reply(VIDEO))
    with LocalServer({"/api/videos/1/": handler}) as server:
        env = {**os.environ, "PYTHONPATH": str(sdk_roots["demo_sdk"]), "DEMO_SDK_LOG": level}
        run = subprocess.run(
            [sys.executable, "-c", LOGGED_CALLS, KEY, server.url + "/?token=" + KEY],
            capture_output=True,
            text=True,
            env=env,
            timeout=60,
        )
    assert run.returncode == 0, run.stderr
    if not level:
        assert run.stderr == ""
        return
    assert f"GET {server.url}/api/videos/1/ -> 503 (" in run.stderr and " s)" in run.stderr
    assert "retrying GET" in run.stderr and f"GET {server.url}/api/videos/1/ -> 200" in run.stderr
    assert KEY not in run.stderr


# ----------------------------------------------------------------- lazy imports


LAZY = """
import sys
import demo_sdk

loaded = lambda name: name in sys.modules
assert not loaded("demo_sdk.resources.videos") and not loaded("demo_sdk.types.video"), sorted(sys.modules)
assert demo_sdk.types.VideoStatusEnum.DRAFT.value == "draft"  # the types package is there at once
assert not loaded("demo_sdk.types.video")
client = demo_sdk.Demo(api_key="k")
assert client.videos is client.videos and loaded("demo_sdk.resources.videos")
from demo_sdk.types import UploadRequest
assert loaded("demo_sdk.types.upload_request") and not loaded("demo_sdk.types.paginated_video_list")
import demo_sdk.types as types
assert "PaginatedVideoList" in dir(types) and types.PaginatedVideoList.__name__ == "PaginatedVideoList"
from demo_sdk.resources import AsyncVideos
try:
    types.Missing
except AttributeError:
    pass
else:
    raise AssertionError("no AttributeError")
print("ok")
"""


def test_resources_and_types_load_on_first_use(sdk_roots: dict[str, Path]) -> None:
    env = {**os.environ, "PYTHONPATH": str(sdk_roots["demo_sdk"])}
    run = subprocess.run([sys.executable, "-c", LAZY], capture_output=True, text=True, env=env, timeout=60)
    assert run.stdout.strip() == "ok", run.stderr


# ----------------------------------------------------------------- the loopback rule


HOSTS = {
    "localhost": True,
    "LOCALHOST": True,
    "localhost.": True,
    "LocalHost": True,
    "127.0.0.1": True,
    "127.0.0.2": True,
    "127.255.255.254": True,
    "::1": True,
    "[::1]": True,
    "a.localhost": False,
    "localhost.example.com": False,
    "0.0.0.0": False,
    "::": False,
    "128.0.0.1": False,
    "10.0.0.1": False,
    "example.com": False,
    "": False,
}


def test_one_loopback_rule_for_the_fetcher_the_mock_and_the_generated_client(sdk: ModuleType) -> None:
    """May a token travel over plain http to this host? The generator's rule (spec/fetch.py) is the
    source of truth; the mock uses it, and the generated runtime's copy must answer the same."""
    runtime = module(sdk, "_utils").is_loopback_host
    assert mock_server.is_loopback is fetch.is_loopback
    answers = {host: (fetch.is_loopback(host), runtime(host)) for host in HOSTS}
    assert answers == {host: (expected, expected) for host, expected in HOSTS.items()}


def module(package: ModuleType, name: str) -> Any:
    return importlib.import_module(f"{package.__name__}.{name}")


def test_async_parity_of_the_public_surface(sdk: ModuleType) -> None:
    public = {"get", "post", "put", "patch", "delete", "request", "get_page", "poll", "is_closed", "close", "copy"}
    for name in public:
        sync_attr, async_attr = getattr(sdk.Demo, name), getattr(sdk.AsyncDemo, name)
        assert callable(sync_attr) and callable(async_attr)
    for name in ("get", "post", "request", "poll", "close"):
        assert asyncio.iscoroutinefunction(getattr(sdk.AsyncDemo, name))
