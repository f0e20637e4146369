"""The generated runtime, built by the generator from a small document, against real servers on 127.0.0.1."""

from __future__ import annotations

import contextlib
import email.parser
import email.policy
import hashlib
import importlib
import json
import logging
import os
import shutil
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path
from types import ModuleType
from typing import Any, Callable

import black
import pytest
from client_demo import AUTH_SCHEMES, VIDEO, Sink, demo_document, sink_server
from genutil import imported
from servers import LocalServer, Reply, Request, free_port

from generator.build.format import MODE
from generator.build.render import render_package
from generator.parse.api import ClientSettings, build_ir

KEY = "sekrit-key-123"
MiB = 1024 * 1024


def module(package: ModuleType, name: str) -> Any:
    """The submodule ``name`` of an imported package (imported if it was not yet). The package's own
    attribute first: another test importing a package of the same name replaces ``sys.modules``'
    entries, and a fresh copy of the module would not be the one this package's classes use."""
    loaded = getattr(package, name, None)
    return loaded if isinstance(loaded, ModuleType) else importlib.import_module(f"{package.__name__}.{name}")


@pytest.fixture
def sleeps() -> list[float]:
    """Where the clients made by ``client``/``async_client`` record their waits (they do not wait)."""
    return []


@pytest.fixture
def client(sdk: ModuleType, sleeps: list[float]) -> Callable[..., Any]:
    def make(base_url: str, **options: Any) -> Any:
        made = sdk.Demo(api_key=KEY, base_url=base_url, **options)
        made._sleep = sleeps.append
        return made

    return make


@pytest.fixture
def async_client(sdk: ModuleType, sleeps: list[float]) -> Callable[..., Any]:
    async def record(seconds: float) -> None:
        sleeps.append(seconds)

    def make(base_url: str, **options: Any) -> Any:
        made = sdk.AsyncDemo(api_key=KEY, base_url=base_url, **options)
        made._sleep = record
        return made

    return make


def json_reply(data: object, status: int = 200, headers: dict[str, str] | None = None) -> Reply:
    return Reply(
        status,
        json.dumps(data).encode(),
        {"Content-Type": "application/json", **(headers or {})},
    )


def in_turn(*replies: Reply) -> Callable[[Request], Reply]:
    """A handler answering with ``replies`` one after the other, then the last one again."""
    queue = list(replies)
    return lambda request: queue.pop(0) if len(queue) > 1 else queue[0]


def pages_handler(server_url: Callable[[], str], count: int = 3) -> Callable[[Request], Reply]:
    """DRF-style pages of one video each: ``?page=N`` with a ``next`` link until page ``count``."""

    def handle(request: Request) -> Reply:
        query = dict(request.query)
        number = int(query.get("page", "1"))
        following = f"{server_url()}/api/videos/?page={number + 1}&limit=1" if number < count else None
        results = [dict(VIDEO, id=number)]
        return json_reply({"count": count, "next": following, "previous": None, "results": results})

    return handle


# ----------------------------------------------------------------- the package itself


def test_runtime_templates_render_as_black_writes_them() -> None:
    """The runtime's templates emit black's layout themselves (the pipeline's black pass is a
    safety net, not the layout), for every kind of auth."""
    unformatted = []
    for package, scheme in AUTH_SCHEMES.items():
        settings = ClientSettings(package, "Demo", package.upper(), "")
        api, _ = build_ir(demo_document(scheme, webhooks=package == "demo_sdk"), settings, source="demo")
        for path, text in render_package(api).items():
            runtime = path.split("/")[-1].startswith("_") or path.endswith("/webhooks.py")
            if path.endswith(".py") and runtime and black.format_str(text, mode=MODE) != text:
                unformatted.append(path)
    assert unformatted == []


def test_built_packages_pass_mypy_strict(sdk_roots: dict[str, Path], tmp_path: Path) -> None:
    mypy = subprocess.run(
        [
            *(sys.executable, "-m", "mypy", "--strict", "--cache-dir", str(tmp_path / ".mypy_cache")),
            *(arg for package in AUTH_SCHEMES for arg in ("-p", package)),
        ],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={**os.environ, "MYPYPATH": os.pathsep.join(str(root) for root in sdk_roots.values())},
    )
    assert mypy.returncode == 0, mypy.stdout + mypy.stderr


def test_the_runtime_passes_pyright_strict(sdk_roots: dict[str, Path], tmp_path: Path) -> None:
    """pyright strict over the runtime modules of a built package (the resource and model modules
    are the resource templates' business and are checked by their own tests)."""
    pyright = shutil.which("pyright")
    if pyright is None:
        pytest.skip("pyright is not installed (pip install pyright; it needs node)")
    package = sdk_roots["demo_sdk"] / "demo_sdk"
    files = sorted(str(p) for p in package.glob("_*.py")) + [str(package / "webhooks.py")]
    config = tmp_path / "pyrightconfig.json"
    config.write_text(json.dumps({"typeCheckingMode": "strict", "pythonVersion": "3.10"}))
    checked = subprocess.run([pyright, "-p", str(config), *files], capture_output=True, text=True)
    assert checked.returncode == 0, checked.stdout[-3000:]


def test_package_exports_are_sorted_and_complete(sdk: ModuleType) -> None:
    assert sdk.__all__ == sorted(sdk.__all__)
    for name in (
        "Demo",
        "AsyncDemo",
        "DemoError",
        "APIStatusError",
        "NotFoundError",
        "NOT_GIVEN",
        "APIResponse",
    ):
        assert name in sdk.__all__ and hasattr(sdk, name)
    assert sdk.__version__ == "1.2.3"
    assert not sdk.NOT_GIVEN and repr(sdk.NOT_GIVEN) == "NOT_GIVEN"
    assert issubclass(sdk.APITimeoutError, sdk.APIConnectionError)
    assert issubclass(sdk.RateLimitError, sdk.APIStatusError) and issubclass(sdk.APIError, sdk.DemoError)


# ----------------------------------------------------------------- configuration


def test_api_key_and_base_url_come_from_the_environment(sdk: ModuleType, monkeypatch: pytest.MonkeyPatch) -> None:
    with LocalServer({"/api/videos/1/": lambda request: json_reply(VIDEO)}) as server:
        monkeypatch.setenv("DEMO_SDK_API_KEY", "from-env")
        monkeypatch.setenv("DEMO_SDK_BASE_URL", server.url)
        with sdk.Demo() as demo:
            assert demo.videos.retrieve(1).id == 1
    assert server.requests[0].headers["Authorization"] == "Token from-env"
    assert server.requests[0].headers["User-Agent"] == "demo_sdk-python/1.2.3"
    assert server.requests[0].headers["Accept"] == "application/json"


def test_missing_api_key_is_refused_at_construction(sdk: ModuleType, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DEMO_SDK_API_KEY", raising=False)
    with pytest.raises(sdk.DemoError, match="DEMO_SDK_API_KEY"):
        sdk.Demo()


def test_defaults_and_base_url_from_the_document(sdk: ModuleType, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DEMO_SDK_BASE_URL", raising=False)
    demo = sdk.Demo(api_key=KEY)
    assert str(demo.base_url) == "https://api.demo.example"
    assert demo.max_retries == 2
    assert demo.timeout.read == 60.0 and demo.timeout.connect == 10.0
    faster = demo.with_options(timeout=5.0, max_retries=0)
    assert (faster.timeout, faster.max_retries, demo.max_retries) == (5.0, 0, 2)
    assert faster._http is demo._http


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("http://api.example.com", "plain http"),
        ("http://10.0.0.8:8000/api", "plain http"),
        ("ftp://127.0.0.1/", "http\\(s\\) URL"),
        ("https://user:pw@api.example.com", "credentials"),
    ],
)
def test_insecure_or_odd_base_urls_are_refused(sdk: ModuleType, url: str, reason: str) -> None:
    with pytest.raises(sdk.DemoError, match=reason) as caught:
        sdk.Demo(api_key=KEY, base_url=url)
    assert "pw" not in str(caught.value)


def test_plain_http_is_allowed_to_loopback_or_when_asked(sdk: ModuleType) -> None:
    for url in ("http://localhost:8000", "http://127.0.0.1:9", "http://[::1]:8000"):
        assert sdk.Demo(api_key=KEY, base_url=url).base_url.scheme == "http"
    allowed = sdk.Demo(api_key=KEY, base_url="http://api.example.com", allow_insecure_http=True)
    assert allowed.base_url.host == "api.example.com"


# ----------------------------------------------------------------- retries


async def test_clients_share_one_verifying_tls_context_per_ca_setting(
    sdk: ModuleType, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import ssl

    import httpx

    if not hasattr(httpx, "create_ssl_context"):
        pytest.skip("httpx before 0.28 builds a context per client itself")
    base = module(sdk, "_base_client")
    made: list[ssl.SSLContext] = []
    real = httpx.create_ssl_context

    def counted(*args: Any, **kwargs: Any) -> ssl.SSLContext:
        made.append(real(*args, **kwargs))
        return made[-1]

    monkeypatch.setattr(httpx, "create_ssl_context", counted)
    monkeypatch.setattr(base, "_TLS_CONTEXTS", {})
    monkeypatch.delenv("SSL_CERT_FILE", raising=False)
    monkeypatch.delenv("SSL_CERT_DIR", raising=False)
    for _ in range(3):
        sdk.Demo(api_key=KEY).close()
    async with sdk.AsyncDemo(api_key=KEY):
        pass
    assert len(made) == 1  # one CA bundle read for every client of the process
    assert made[0].verify_mode is ssl.CERT_REQUIRED and made[0].check_hostname
    with httpx.Client() as own:
        sdk.Demo(api_key=KEY, http_client=own)  # the caller's client: its own verification, nothing built
    assert len(made) == 1
    monkeypatch.setenv("SSL_CERT_DIR", str(tmp_path))  # another CA setting: another context, as httpx builds it
    sdk.Demo(api_key=KEY).close()
    sdk.Demo(api_key=KEY).close()
    assert len(made) == 2


def test_get_is_retried_on_503_with_exponential_backoff(
    sdk: ModuleType,
    client: Callable[..., Any],
    sleeps: list[float],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(module(sdk, "_base_client").BaseClient, "INITIAL_RETRY_DELAY", 0.01)
    handler = in_turn(json_reply({}, 503), json_reply({}, 503), json_reply(VIDEO))
    with LocalServer({"/api/videos/1/": handler}) as server:
        video = client(server.url).videos.retrieve(1)
    assert video.name == "clip" and len(server.requests) == 3
    assert len(sleeps) == 2
    assert 0.0075 <= sleeps[0] <= 0.01 and 0.015 <= sleeps[1] <= 0.02  # 2**n times the base, minus jitter


def test_retries_stop_after_max_retries(sdk: ModuleType, client: Callable[..., Any], sleeps: list[float]) -> None:
    with LocalServer({"/api/videos/1/": lambda request: json_reply({"detail": "down"}, 502)}) as server:
        with pytest.raises(sdk.InternalServerError) as caught:
            client(server.url).videos.retrieve(1)
        assert len(server.requests) == 3 and len(sleeps) == 2
        assert caught.value.status_code == 502 and caught.value.body == {"detail": "down"}
        with pytest.raises(sdk.InternalServerError):
            client(server.url, max_retries=0).videos.retrieve(1)
        assert len(server.requests) == 4


@pytest.mark.parametrize(
    ("headers", "expected"),
    [
        ({"Retry-After": "3"}, 3.0),
        ({"retry-after-ms": "1500"}, 1.5),
        ({"Retry-After": "3600"}, 60.0),  # capped
    ],
)
def test_retry_after_is_observed(
    client: Callable[..., Any],
    sleeps: list[float],
    headers: dict[str, str],
    expected: float,
) -> None:
    handler = in_turn(json_reply({}, 429, headers), json_reply(VIDEO))
    with LocalServer({"/api/videos/1/": handler}) as server:
        client(server.url).videos.retrieve(1)
    assert sleeps == [expected]


def test_retry_after_as_an_http_date(client: Callable[..., Any], sleeps: list[float]) -> None:
    later = time.strftime("%a, %d %b %Y %H:%M:%S GMT", time.gmtime(time.time() + 30))
    handler = in_turn(json_reply({}, 503, {"Retry-After": later}), json_reply(VIDEO))
    with LocalServer({"/api/videos/1/": handler}) as server:
        client(server.url).videos.retrieve(1)
    assert len(sleeps) == 1 and 25 <= sleeps[0] <= 30


def test_post_is_not_retried_on_500_or_503_without_retry_after(
    sdk: ModuleType, client: Callable[..., Any], sleeps: list[float]
) -> None:
    with LocalServer({"/api/videos/": in_turn(json_reply({}, 500), json_reply({}, 503))}) as server:
        demo = client(server.url)
        with pytest.raises(sdk.InternalServerError):
            demo.videos.create(name="a")
        with pytest.raises(sdk.InternalServerError):
            demo.videos.create(name="a")
    assert len(server.requests) == 2 and sleeps == []


def test_post_is_retried_on_429_with_retry_after(client: Callable[..., Any], sleeps: list[float]) -> None:
    handler = in_turn(json_reply({}, 429, {"Retry-After": "2"}), json_reply(VIDEO, 201))
    with LocalServer({"/api/videos/": handler}) as server:
        assert client(server.url).videos.create(name="a").id == 1
    assert len(server.requests) == 2 and sleeps == [2.0]
    assert [json.loads(r.body) for r in server.requests] == [
        {"name": "a"},
        {"name": "a"},
    ]


def test_post_per_call_max_retries(sdk: ModuleType, client: Callable[..., Any]) -> None:
    with LocalServer({"/api/videos/": lambda request: json_reply({}, 429, {"Retry-After": "1"})}) as server:
        with pytest.raises(sdk.RateLimitError):
            client(server.url).videos.create(name="a", max_retries=0)
    assert len(server.requests) == 1


def test_put_and_delete_are_retried_on_500(client: Callable[..., Any], sleeps: list[float]) -> None:
    handler = in_turn(json_reply({}, 500), json_reply(VIDEO))
    with LocalServer({"/api/videos/1/": handler}) as server:
        demo = client(server.url)
        demo.videos.update(1, name="b")
        demo.videos.delete(1)
    assert [r.method for r in server.requests] == ["PUT", "PUT", "DELETE"]


def test_post_is_retried_when_the_connection_is_refused(client: Callable[..., Any], sleeps: list[float]) -> None:
    port = free_port()
    with contextlib.ExitStack() as stack:
        sinks: list[Sink] = []

        def start_server_then_record(seconds: float) -> None:
            sleeps.append(seconds)
            sinks.append(stack.enter_context(sink_server(port)))

        demo = client(f"http://127.0.0.1:{port}")
        demo._sleep = start_server_then_record
        assert demo.videos.create(name="a").name == "clip"
    assert len(sleeps) == 1 and [r.method for r in sinks[0].received] == ["POST"]


def test_connection_refused_after_all_retries(sdk: ModuleType, client: Callable[..., Any], sleeps: list[float]) -> None:
    with pytest.raises(sdk.APIConnectionError) as caught:
        client(f"http://127.0.0.1:{free_port()}").videos.create(name="a")
    assert len(sleeps) == 2 and "ConnectError" in str(caught.value)


def test_timeouts_are_retried_for_get_but_not_for_post(
    sdk: ModuleType, client: Callable[..., Any], sleeps: list[float]
) -> None:
    slow = Reply(200, json.dumps(VIDEO).encode(), {"Content-Type": "application/json"}, delay=0.5)
    with LocalServer(lambda request: slow) as server:
        demo = client(server.url, timeout=0.1)
        with pytest.raises(sdk.APITimeoutError):
            demo.videos.retrieve(1)
        assert len(sleeps) == 2
        with pytest.raises(sdk.APITimeoutError):
            demo.videos.create(name="a")
        assert len(sleeps) == 2


async def test_async_get_is_retried_and_post_is_not(
    sdk: ModuleType, async_client: Callable[..., Any], sleeps: list[float]
) -> None:
    routes = {
        "/api/videos/1/": in_turn(json_reply({}, 503), json_reply(VIDEO)),
        "/api/videos/": lambda request: json_reply({}, 500),
    }
    with LocalServer(routes) as server:
        async with async_client(server.url) as demo:
            assert (await demo.videos.retrieve(1)).id == 1
            with pytest.raises(sdk.InternalServerError):
                await demo.videos.create(name="a")
    assert [r.method for r in server.requests] == ["GET", "GET", "POST"] and len(sleeps) == 1


# ----------------------------------------------------------------- errors


@pytest.mark.parametrize(
    ("status", "name"),
    [
        (400, "BadRequestError"),
        (401, "AuthenticationError"),
        (403, "PermissionDeniedError"),
        (404, "NotFoundError"),
        (409, "ConflictError"),
        (422, "UnprocessableEntityError"),
        (418, "APIStatusError"),
    ],
)
def test_status_errors_by_code(sdk: ModuleType, client: Callable[..., Any], status: int, name: str) -> None:
    reply = json_reply({"detail": "nope"}, status, {"X-Request-Id": "req-1"})
    with LocalServer({"/api/videos/": lambda request: reply}) as server:
        with pytest.raises(sdk.APIStatusError) as caught:
            client(server.url).videos.create(name="a")
    assert type(caught.value) is getattr(sdk, name)
    assert caught.value.status_code == status and caught.value.request_id == "req-1"
    assert caught.value.body == {"detail": "nope"} and "nope" in str(caught.value)


def test_a_response_that_does_not_match_the_schema_is_kept_and_logged(
    sdk: ModuleType, client: Callable[..., Any], caplog: pytest.LogCaptureFixture
) -> None:
    with LocalServer({"/api/videos/1/": lambda request: json_reply({"id": "x"})}) as server:
        video = client(server.url).videos.retrieve(1)
    assert video.id == "x"  # kept as sent: a client must not reject what the server says
    assert "does not match its schema" in caplog.text


def test_strict_response_validation_refuses_it(sdk: ModuleType, client: Callable[..., Any]) -> None:
    with LocalServer({"/api/videos/1/": lambda request: json_reply({"id": "x"})}) as server:
        strict = client(server.url)
        strict.strict_response_validation = True
        with pytest.raises(sdk.APIResponseValidationError) as caught:
            strict.videos.retrieve(1)
    assert caught.value.body == {"id": "x"} and caught.value.status_code == 200


def test_invalid_body_is_refused_before_any_request(sdk: ModuleType, client: Callable[..., Any]) -> None:
    with LocalServer(lambda request: json_reply(VIDEO)) as server:
        with pytest.raises(sdk.InvalidArgumentError) as caught:
            client(server.url).videos.create(name="x" * 30)  # max_length=20
    assert server.requests == []
    assert caught.value.argument == "name" and "at most 20 characters" in caught.value.problem
    assert isinstance(caught.value, sdk.DemoError) and isinstance(caught.value, ValueError)


# ----------------------------------------------------------------- secrets


def test_the_api_key_is_never_in_repr_errors_or_logs(
    sdk: ModuleType, client: Callable[..., Any], caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    echo = json_reply({"detail": f"invalid token {KEY}"}, 401)
    with LocalServer({"/api/videos/1/": lambda request: echo}) as server:
        demo = client(server.url)
        with pytest.raises(sdk.AuthenticationError) as caught:
            demo.videos.retrieve(1)
    assert server.requests[0].headers["Authorization"] == f"Token {KEY}"
    assert "<redacted>" in str(caught.value)
    for text in (repr(demo), str(caught.value), repr(caught.value), caplog.text):
        assert KEY not in text
    assert "GET http://127.0.0.1" in caplog.text  # the client did log


def test_a_query_api_key_is_hidden_from_httpx_logs(sdk_query: ModuleType, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    with LocalServer({"/api/videos/1/": lambda request: json_reply(VIDEO)}) as server:
        with sdk_query.Demo(api_key=KEY, base_url=server.url) as demo:
            demo.videos.retrieve(1, extra_query={"x": "1"})
    assert dict(server.requests[0].query) == {"x": "1", "api_key": KEY}
    assert "HTTP Request: GET" in caplog.text and KEY not in caplog.text


def test_auth_kinds_send_the_key_where_the_document_says(sdk_roots: dict[str, Path]) -> None:
    seen: dict[str, Request] = {}
    with LocalServer({"/api/videos/1/": lambda request: json_reply(VIDEO)}) as server:
        for package in ("demo_cookie", "demo_bearer", "demo_basic", "demo_none"):
            with imported(sdk_roots[package], package) as variant:
                with variant.Demo(api_key=KEY if package != "demo_none" else None, base_url=server.url) as demo:
                    demo.videos.retrieve(1)
                seen[package] = server.requests[-1]
    assert seen["demo_cookie"].headers["Cookie"] == f"sessionid={KEY}"
    assert seen["demo_bearer"].headers["Authorization"] == f"Bearer {KEY}"
    assert seen["demo_basic"].headers["Authorization"].startswith("Basic ")
    assert "Authorization" not in seen["demo_none"].headers and "Cookie" not in seen["demo_none"].headers


# ----------------------------------------------------------------- redirects


def test_a_redirect_to_another_origin_drops_the_credentials(
    client: Callable[..., Any],
) -> None:
    with LocalServer({"/api/videos/1/": lambda request: json_reply(VIDEO)}) as other:
        moved = Reply(302, b"", {"Location": f"{other.url}/api/videos/1/"})
        here = Reply(302, b"", {"Location": "/api/videos/9/"})
        routes = {
            "/api/videos/2/": lambda request: moved,
            "/api/videos/3/": lambda request: here,
        }
        with LocalServer({**routes, "/api/videos/9/": lambda request: json_reply(VIDEO)}) as server:
            demo = client(server.url)
            assert demo.videos.retrieve(2).id == 1
            assert demo.videos.retrieve(3).id == 1
    assert server.requests[0].headers["Authorization"] == f"Token {KEY}"
    assert "Authorization" not in other.requests[0].headers
    assert server.requests[-1].path == "/api/videos/9/"
    assert server.requests[-1].headers["Authorization"] == f"Token {KEY}"  # same origin: kept


def test_a_redirect_to_another_origin_drops_a_custom_auth_header(
    sdk_roots: dict[str, Path],
) -> None:
    with LocalServer({"/api/videos/1/": lambda request: json_reply(VIDEO)}) as other:
        moved = Reply(302, b"", {"Location": f"{other.url}/api/videos/1/"})
        with LocalServer({"/api/videos/2/": lambda request: moved}) as server:
            with (
                imported(sdk_roots["demo_xkey"], "demo_xkey") as variant,
                variant.Demo(api_key=KEY, base_url=server.url) as demo,
            ):
                demo.videos.retrieve(2)
    assert server.requests[0].headers["X-API-Key"] == KEY
    assert "X-API-Key" not in other.requests[0].headers


def test_a_redirect_to_another_origin_drops_a_query_key(sdk_query: ModuleType) -> None:
    with LocalServer({"/api/videos/1/": lambda request: json_reply(VIDEO)}) as other:
        moved = Reply(307, b"", {"Location": f"{other.url}/api/videos/1/?api_key={KEY}&x=1"})
        with LocalServer({"/api/videos/2/": lambda request: moved}) as server:
            with sdk_query.Demo(api_key=KEY, base_url=server.url) as demo:
                demo.videos.retrieve(2)
    assert dict(other.requests[0].query) == {"x": "1"}


async def test_async_redirect_to_another_origin_drops_the_credentials(
    async_client: Callable[..., Any],
) -> None:
    with LocalServer({"/api/videos/1/": lambda request: json_reply(VIDEO)}) as other:
        moved = Reply(301, b"", {"Location": f"{other.url}/api/videos/1/"})
        with LocalServer({"/api/videos/2/": lambda request: moved}) as server:
            async with async_client(server.url) as demo:
                assert (await demo.videos.retrieve(2)).id == 1
    assert "Authorization" not in other.requests[0].headers


# ----------------------------------------------------------------- paths and queries


def test_path_traversal_is_refused_before_any_request(sdk: ModuleType, client: Callable[..., Any]) -> None:
    path_template = module(sdk, "_utils").path_template
    with pytest.raises(sdk.InvalidArgumentError, match="'id'"):
        path_template("/api/files/{id}/", id="../users/current")
    with LocalServer(lambda request: json_reply(VIDEO)) as server:
        for bad in (
            "../users/current",
            "..",
            ".",
            "",
            "a/b",
            "a\\b",
            "a\nb",
            True,
            None,
        ):
            with pytest.raises(sdk.InvalidArgumentError):
                client(server.url).videos.retrieve(bad)
    assert server.requests == []


def test_path_values_are_percent_encoded(sdk: ModuleType) -> None:
    path_template = module(sdk, "_utils").path_template
    assert path_template("/api/files/{id}/", id="a b?c#d%2e") == "/api/files/a%20b%3Fc%23d%252e/"
    assert path_template("/v/{id}/{n}", id="é", n=3) == "/v/%C3%A9/3"
    with pytest.raises(ValueError, match="needs the parameter"):
        path_template("/v/{id}/")


def test_query_serialization_styles(sdk: ModuleType) -> None:
    serialize = module(sdk, "_utils").serialize_query
    status = module(sdk, "types.video_status_enum").VideoStatusEnum
    assert serialize("s", [status.DRAFT, "x"]) == [("s", "draft"), ("s", "x")]
    assert serialize("s", ["a", "b"], explode=False) == [("s", "a,b")]
    assert serialize("s", ["a", "b"], style="pipeDelimited", explode=False) == [("s", "a|b")]
    assert serialize("f", {"a": 1, "b": True}, style="deepObject") == [
        ("f[a]", "1"),
        ("f[b]", "true"),
    ]
    assert serialize("f", {"a": 1}) == [("a", "1")]
    assert serialize("flag", False) == [("flag", "false")]
    assert serialize("gone", None) == [] and serialize("gone", sdk.NOT_GIVEN) == []


def test_query_headers_and_body_merge_with_extras(sdk: ModuleType, client: Callable[..., Any]) -> None:
    with LocalServer(lambda request: json_reply(VIDEO)) as server:
        demo = client(server.url, default_headers={"X-Team": "a"}, default_query={"lang": "en"})
        demo.videos.retrieve(
            1,
            extra_query={"lang": "fr", "v": 2},
            extra_headers={"Accept": sdk.omit, "X-Trace": "t"},
        )
        demo.videos.create(name="a", status=None, extra_body={"draft": True})
    first, second = server.requests
    assert first.query == (("lang", "fr"), ("v", "2"))
    assert first.headers["X-Team"] == "a" and first.headers["X-Trace"] == "t" and "Accept" not in first.headers
    assert json.loads(second.body) == {"name": "a", "status": None, "draft": True}
    assert second.headers["Content-Type"] == "application/json"


def test_form_and_text_encodings(client: Callable[..., Any]) -> None:
    with LocalServer(lambda request: json_reply(VIDEO)) as server:
        demo = client(server.url)
        body = {
            "name": "a b",
            "tags": ["x", "y"],
            "meta": {"k": 1},
            "on": True,
            "skip": None,
        }
        demo.request("post", "/api/form/", body=body, encoding="form", cast_to=dict)
        demo.request("post", "/api/text/", body="hello", encoding="text")
    form, text = server.requests
    assert form.headers["Content-Type"] == "application/x-www-form-urlencoded"
    assert form.body.decode() == "name=a+b&tags=x&tags=y&meta=%7B%22k%22%3A1%7D&on=true"
    assert (text.body, text.headers["Content-Type"]) == (
        b"hello",
        "text/plain; charset=utf-8",
    )


# ----------------------------------------------------------------- models


def test_unknown_enum_values_are_kept(sdk: ModuleType, client: Callable[..., Any]) -> None:
    types = module(sdk, "types")
    video = dict(VIDEO, status="brand_new", priority=7, model="m", surprise=[1])
    with LocalServer({"/api/videos/1/": lambda request: json_reply(video)}) as server:
        parsed = client(server.url).videos.retrieve(1)
    assert parsed.status.value == "brand_new" and str(parsed.status) == "brand_new"
    assert parsed.status is types.VideoStatusEnum("brand_new")
    assert parsed.priority == 7 and isinstance(parsed.priority, types.PriorityEnum)
    assert [m.value for m in types.VideoStatusEnum] == [
        "draft",
        "in_progress",
        "success",
        "error",
    ]
    assert parsed.model == "m" and parsed.to_dict() == video


def test_webhook_payloads_parse_into_models(sdk: ModuleType, sdk_roots: dict[str, Path]) -> None:
    webhooks = module(sdk, "webhooks")
    assert webhooks.parse(json.dumps(VIDEO)).name == "clip"
    assert webhooks.parse(VIDEO).status == "success"
    with pytest.raises(ValueError, match="matches none"):
        webhooks.parse({"id": 1})
    with imported(sdk_roots["demo_none"], "demo_none") as bare:
        with pytest.raises(ValueError, match="documents no webhook payloads"):
            module(bare, "webhooks").parse("{}")


# ----------------------------------------------------------------- pages


def test_pages_follow_next_links(client: Callable[..., Any]) -> None:
    with LocalServer() as server:
        server.routes["/api/videos/"] = pages_handler(lambda: server.url, count=4)
        demo = client(server.url)
        assert [video.id for video in demo.videos.list(limit=1, status=["draft", "success"])] == [
            1,
            2,
            3,
            4,
        ]
        first = demo.videos.list(limit=1)
        assert [len(page.items) for page in first.iter_pages()] == [1, 1, 1, 1]
        assert first.body["count"] == 4 and first.has_next_page()
    assert server.requests[0].query == (("limit", "1"), ("status", "draft,success"))
    assert [dict(r.query).get("page") for r in server.requests[:4]] == [
        None,
        "2",
        "3",
        "4",
    ]
    assert all(r.headers["Authorization"] == f"Token {KEY}" for r in server.requests)


def test_a_next_link_is_followed_as_the_server_wrote_it(client: Callable[..., Any]) -> None:
    """A cursor in a next link reaches the server byte for byte: not parsed and written again."""
    cursor = "cD0y%2B00%3A00%20z&flag&z=%7E"  # parsed and written again: "+", "flag=", "~"
    with LocalServer() as server:
        first = {"next": f"{server.url}/api/videos/?cursor={cursor}", "results": [VIDEO]}
        server.routes["/api/videos/"] = in_turn(json_reply(first), json_reply({"next": None, "results": [VIDEO]}))
        assert len(list(client(server.url).videos.list())) == 2
    assert server.requests[1].raw_query == f"cursor={cursor}"


def test_a_next_link_to_another_origin_is_refused(sdk: ModuleType, client: Callable[..., Any]) -> None:
    with LocalServer(lambda request: json_reply({"results": [VIDEO]})) as other:
        page = {"next": f"{other.url}/api/videos/?page=2", "results": [VIDEO]}
        with LocalServer({"/api/videos/": lambda request: json_reply(page)}) as server:
            seen = []
            with pytest.raises(sdk.DemoError, match="another origin"):
                for video in client(server.url).videos.list():
                    seen.append(video.id)
    assert seen == [1] and other.requests == []


def test_raw_responses_give_headers_and_parse(sdk: ModuleType, client: Callable[..., Any]) -> None:
    reply = json_reply(VIDEO, headers={"X-Rate": "9"})
    with LocalServer() as server:
        server.routes["/api/videos/1/"] = lambda request: reply
        server.routes["/api/videos/"] = pages_handler(lambda: server.url)
        demo = client(server.url)
        raw = demo.videos.with_raw_response.retrieve(1)
        assert isinstance(raw, sdk.APIResponse) and raw.status_code == 200 and raw.headers["X-Rate"] == "9"
        assert raw.parse().name == "clip" and raw.parse() is raw.parse()
        raw_page = demo.videos.with_raw_response.list()
        assert [video.id for video in raw_page.parse()] == [1, 2, 3]
    assert all("X-Demo-Raw-Response" not in r.headers for r in server.requests)


async def test_async_pages_and_raw_responses(sdk: ModuleType, async_client: Callable[..., Any]) -> None:
    with LocalServer() as server:
        server.routes["/api/videos/"] = pages_handler(lambda: server.url)
        async with async_client(server.url) as demo:
            assert [video.id async for video in demo.videos.list()] == [1, 2, 3]
            first = await demo.videos.list()
            assert [video.id for video in first.items] == [1] and first.has_next_page()
            assert [len(page.items) async for page in first.iter_pages()] == [1, 1, 1]
            raw = await demo.videos.with_raw_response.list()
            assert isinstance(raw, sdk.AsyncAPIResponse)
            assert [video.id async for video in await raw.parse()] == [1, 2, 3]


# ----------------------------------------------------------------- polling


def statuses(*values: str) -> Callable[[Request], Reply]:
    return in_turn(*(json_reply(dict(VIDEO, status=value)) for value in values))


def test_wait_polls_until_success(client: Callable[..., Any], sleeps: list[float]) -> None:
    with LocalServer({"/api/videos/1/": statuses("draft", "in_progress", "success")}) as server:
        video = client(server.url).videos.wait(1, poll_interval=0.5)
    assert video.status == "success" and len(server.requests) == 3 and sleeps == [0.5, 0.5]


def test_wait_raises_on_failure(sdk: ModuleType, client: Callable[..., Any]) -> None:
    with LocalServer({"/api/videos/1/": statuses("in_progress", "error")}) as server:
        with pytest.raises(sdk.JobFailedError) as caught:
            client(server.url).videos.wait(1, poll_interval=0.01)
    assert caught.value.object.status == "error" and "error" in str(caught.value)


def test_wait_times_out_with_the_last_state(sdk: ModuleType, client: Callable[..., Any]) -> None:
    with LocalServer({"/api/videos/1/": statuses("in_progress")}) as server:
        demo = client(server.url)
        demo._sleep = time.sleep
        with pytest.raises(sdk.WaitTimeoutError) as caught:
            demo.videos.wait(1, poll_interval=0.02, max_wait=0.1)
    assert caught.value.object.status == "in_progress" and len(server.requests) >= 2


async def test_async_wait(sdk: ModuleType, async_client: Callable[..., Any], sleeps: list[float]) -> None:
    with LocalServer({"/api/videos/1/": statuses("in_progress", "success")}) as server:
        async with async_client(server.url) as demo:
            assert (await demo.videos.wait(1, poll_interval=1.0)).status == "success"
    with LocalServer({"/api/videos/1/": statuses("error")}) as server:
        async with async_client(server.url) as demo:
            with pytest.raises(sdk.JobFailedError):
                await demo.videos.wait(1)
    assert sleeps == [1.0]


# ----------------------------------------------------------------- uploads


@pytest.fixture(scope="module")
def big_file(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """A 50 MiB file on disk and its sha256."""
    path = tmp_path_factory.mktemp("upload") / "clip.mp4"
    digest = hashlib.sha256()
    block = os.urandom(MiB)
    with path.open("wb") as out:
        for _ in range(50):
            out.write(block)
            digest.update(block)
    return path, digest.hexdigest()


def peak_memory(action: Callable[[], object]) -> int:
    """The peak of memory Python allocated while ``action`` ran, in bytes."""
    tracemalloc.start()
    try:
        action()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


@pytest.mark.parametrize("encoding", ["multipart", "binary"])
def test_a_50_mib_upload_from_a_path_streams(
    client: Callable[..., Any],
    big_file: tuple[Path, str],
    record_property: Callable[[str, object], None],
    encoding: str,
) -> None:
    path, sha = big_file
    with sink_server() as server:
        videos = client(server.url).videos
        if encoding == "multipart":
            peak = peak_memory(lambda: videos.upload(file=path, title="t"))
        else:
            peak = peak_memory(lambda: videos.upload_raw(1, body=path))
    record_property(f"{encoding}_peak_bytes", peak)
    received = server.received[0]
    assert "content-length" in received.headers  # a known length, not chunked
    if encoding == "multipart":
        assert received.headers["content-type"].startswith("multipart/form-data")
        assert 50 * MiB < received.size < 50 * MiB + 4096
    else:
        assert received.headers["content-type"] == "video/mp4"
        assert (received.size, received.sha256) == (50 * MiB, sha)
    assert peak < 4 * MiB, f"peak {peak / MiB:.1f} MiB"


async def test_async_binary_upload_from_a_path(async_client: Callable[..., Any], big_file: tuple[Path, str]) -> None:
    path, sha = big_file
    with sink_server() as server:
        async with async_client(server.url) as demo:
            await demo.videos.upload_raw(1, body=path)
    assert server.received[0].sha256 == sha


def multipart_fields(
    request: Request,
) -> dict[str, list[tuple[str | None, str, bytes]]]:
    """The parts of a multipart body: name → [(file name, content type, content)]."""
    head = f"Content-Type: {request.headers['Content-Type']}\r\n\r\n".encode()
    message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(head + request.body)
    fields: dict[str, list[tuple[str | None, str, bytes]]] = {}
    for part in message.iter_parts():
        name = part.get_param("name", header="content-disposition")
        content = part.get_payload(decode=True)
        assert isinstance(content, bytes)
        fields.setdefault(str(name), []).append((part.get_filename(), part.get_content_type(), content))
    return fields


def test_multipart_fields_and_files(client: Callable[..., Any], tmp_path: Path) -> None:
    note = tmp_path / "note.txt"
    note.write_bytes(b"from disk")
    with LocalServer(lambda request: json_reply(VIDEO)) as server:
        demo = client(server.url)
        demo.videos.upload(file=("a.png", b"\x89PNG", "image/png"), title="t", tags=["x", "y"])
        demo.videos.upload(file=note, title="u")
    first, second = (multipart_fields(r) for r in server.requests)
    assert first["file"] == [("a.png", "image/png", b"\x89PNG")]
    assert first["title"] == [(None, "text/plain", b"t")]
    assert [content for _, _, content in first["tags"]] == [b"x", b"y"]
    assert second["file"] == [("note.txt", "text/plain", b"from disk")]


async def test_async_multipart_upload(async_client: Callable[..., Any], tmp_path: Path) -> None:
    note = tmp_path / "note.bin"
    note.write_bytes(b"\x00\x01")
    with LocalServer(lambda request: json_reply(VIDEO)) as server:
        async with async_client(server.url) as demo:
            await demo.videos.upload(file=note, title="t")
    assert multipart_fields(server.requests[0])["file"] == [("note.bin", "application/octet-stream", b"\x00\x01")]


def test_an_upload_is_sent_again_on_a_retry(client: Callable[..., Any], tmp_path: Path, sleeps: list[float]) -> None:
    note = tmp_path / "note.txt"
    note.write_bytes(b"twice")
    handler = in_turn(json_reply({}, 503), json_reply(VIDEO))
    with LocalServer({"/api/videos/1/source/": handler}) as server:
        client(server.url).videos.upload_raw(1, body=note)
    assert [r.body for r in server.requests] == [b"twice", b"twice"] and len(sleeps) == 1
