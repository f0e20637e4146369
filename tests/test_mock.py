"""`spiritme-gen mock` on 127.0.0.1: auth, DRF-style validation, memory, pages, jobs and faults, driven by the generated clients."""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path
from typing import Any, Iterator

import httpx
import pytest
from genutil import REPO, api, build, imported, run_cli

from generator import ir
from generator.config import resolve_settings
from generator.errors import GeneratorError
from generator.mock.server import MockServer, load_api

GENERATED = REPO / "generated"
SPEC = REPO / "specs" / "spiritme.yaml"
TOKEN = {"Authorization": "Token test-key"}
SLIDES = [{"audio_source": {"text": "Hello"}, "layers": []}]


@pytest.fixture(scope="module")
def spiritme() -> Iterator[Any]:
    with imported(GENERATED, "spiritme") as module:
        yield module


@pytest.fixture(scope="module")
def loaded() -> tuple[ir.Api, frozenset[str]]:
    return load_api(resolve_settings({"spec": str(SPEC)}))


def serve(loaded: tuple[ir.Api, frozenset[str]], **options: Any) -> MockServer:
    return MockServer(loaded[0], open_operations=loaded[1], **options)


@pytest.fixture
def mock(loaded: tuple[ir.Api, frozenset[str]]) -> Iterator[MockServer]:
    with serve(loaded) as server:
        yield server


@pytest.fixture
def sleeps() -> list[float]:
    return []


@pytest.fixture
def client(spiritme: Any, mock: MockServer, sleeps: list[float]) -> Iterator[Any]:
    with spiritme.SpiritMe(api_key="test-key", base_url=mock.url) as c:
        c._sleep = sleeps.append  # record waits instead of waiting
        yield c


# ----------------------------------------------------------------- auth, routing, validation


def test_without_a_token_the_answer_is_401(mock: MockServer) -> None:
    for headers in ({}, {"Authorization": "Token"}, {"Authorization": "Bearer test-key"}):
        response = httpx.get(mock.url + "/api/videos/", headers=headers)
        assert response.status_code == 401
        assert response.json() == {"detail": "Authentication credentials were not provided."}
    assert httpx.get(mock.url + "/api/videos/", headers={"Authorization": "token anything"}).status_code == 200


def test_unknown_paths_ids_and_methods(mock: MockServer) -> None:
    assert httpx.get(mock.url + "/api/nothing/", headers=TOKEN).json() == {"detail": "Not found."}
    assert httpx.get(mock.url + "/api/videos/999/", headers=TOKEN).status_code == 404
    assert httpx.get(mock.url + "/api/videos/abc/", headers=TOKEN).status_code == 404
    assert httpx.get(mock.url + "/api/files/999/children/", headers=TOKEN).status_code == 404
    wrong = httpx.patch(mock.url + "/api/videos/1/", headers=TOKEN, json={})
    assert wrong.status_code == 405
    assert wrong.headers["Allow"] == "DELETE, GET, PUT"


def test_a_missing_required_field_is_a_drf_style_400(mock: MockServer) -> None:
    response = httpx.post(mock.url + "/api/videos/", headers=TOKEN, json={})
    assert response.status_code == 400
    assert response.json() == {"slides": ["This field is required."]}


def test_nested_types_lengths_and_choices_are_checked(mock: MockServer) -> None:
    body = {"name": "", "slides": [SLIDES[0], {"layers": "x"}], "enable_subtitles": "yes"}
    response = httpx.post(mock.url + "/api/videos/", headers=TOKEN, json=body)
    assert response.status_code == 400
    assert response.json() == {
        "name": ["This field may not be blank."],
        "slides": [
            {},
            {"audio_source": ["This field is required."], "layers": ['Expected a list of items but got type "str".']},
        ],
        "enable_subtitles": ["Must be a valid boolean."],
    }
    bad_filter = httpx.get(mock.url + "/api/videos/", headers=TOKEN, params={"status": "finished"})
    assert bad_filter.status_code == 400
    assert bad_filter.json() == {"status": {"0": ['"finished" is not a valid choice.']}}
    not_json = httpx.post(
        mock.url + "/api/videos/", headers={**TOKEN, "Content-Type": "application/json"}, content=b"{"
    )
    assert not_json.status_code == 400 and not_json.json()["detail"].startswith("JSON parse error")


def test_multipart_uploads_are_validated_and_kept(client: Any, mock: MockServer) -> None:
    missing = httpx.post(mock.url + "/api/files/", headers=TOKEN, files={"name": (None, "no file")})
    assert missing.status_code == 400
    assert missing.json() == {"file": ["This field is required."]}
    created = client.files.create(
        file=("hello.txt", b"hello", "text/plain"), name="greeting", generate_script_from_content=True
    )
    assert created.name == "greeting"
    assert client.files.retrieve(created.id).name == "greeting"


# ----------------------------------------------------------------- memory and pages


def test_create_retrieve_list_delete(client: Any, spiritme: Any, mock: MockServer) -> None:
    video = client.videos.create(name="Launch", slides=SLIDES)
    assert video.id == 4  # after the three seeded videos
    assert video.status == "draft"
    assert client.videos.retrieve(video.id).name == "Launch"
    first = client.videos.list(limit=1)
    assert first.body["count"] == 4
    assert first.body["next"] == mock.url + "/api/videos/?limit=1&offset=1"
    second = first.get_next_page()
    assert second.body["previous"] == mock.url + "/api/videos/?limit=1"
    pages = list(first.iter_pages())
    assert len(pages) == 4
    assert [v.id for page in pages for v in page.items] == [1, 2, 3, 4]
    client.videos.delete(video.id)
    with pytest.raises(spiritme.NotFoundError):
        client.videos.retrieve(video.id)
    assert [v.id for v in client.videos.list(limit=2)] == [1, 2, 3]


def test_updates_are_kept_and_lists_filter_by_field(client: Any) -> None:
    video = client.videos.update(2, name="Renamed", slides=SLIDES)
    assert video.name == "Renamed" and video.id == 2
    assert client.videos.retrieve(2).name == "Renamed"
    done = client.videos.create(name="x", slides=SLIDES)
    for _ in range(4):
        client.videos.retrieve(done.id)
    assert done.id in [v.id for v in client.videos.list(status=["success"])]
    assert all(v.status == "success" for v in client.videos.list(status=["success"]))


def test_seed_changes_the_seeded_values_and_only_the_seed(loaded: tuple[ir.Api, frozenset[str]]) -> None:
    def seeded(seed: int) -> Any:
        with serve(loaded, seed=seed) as server:
            return httpx.get(server.url + "/api/avatars/", headers=TOKEN).json()["results"]

    assert seeded(1) == seeded(1)
    assert seeded(1) != seeded(2)
    assert len(seeded(3)) == 3


# ----------------------------------------------------------------- jobs


def test_a_job_moves_one_step_per_read_and_wait_returns_success(client: Any) -> None:
    video = client.videos.create(name="Demo", slides=SLIDES)
    assert [client.videos.retrieve(video.id).status for _ in range(4)] == [
        "in_queue",
        "executing",
        "success",
        "success",
    ]
    other = client.videos.create(name="Demo 2", slides=SLIDES)
    finished = client.videos.wait(other.id, poll_interval=0.01)
    assert finished.status == "success" and finished.id == other.id


def test_the_failure_trigger_raises_job_failed(client: Any, spiritme: Any) -> None:
    video = client.videos.create(name="please FAIL", slides=SLIDES)
    with pytest.raises(spiritme.JobFailedError) as caught:
        client.videos.wait(video.id, poll_interval=0.01)
    assert caught.value.status == "error"
    assert caught.value.object.id == video.id


def test_batch_videos_wait(client: Any, spiritme: Any) -> None:
    batch = client.batch_videos.create(variables={"name": "Ann"})
    assert client.batch_videos.wait(batch.id, poll_interval=0.01).status == "success"
    failing = client.batch_videos.create(variables={"name": "fail me"})
    with pytest.raises(spiritme.JobFailedError):
        client.batch_videos.wait(failing.id, poll_interval=0.01)


async def test_the_async_client_waits_too(spiritme: Any, mock: MockServer) -> None:
    async with spiritme.AsyncSpiritMe(api_key="test-key", base_url=mock.url) as client:
        video = await client.videos.create(name="async", slides=SLIDES)
        assert (await client.videos.wait(video.id, poll_interval=0.01)).status == "success"
        assert [v.id async for v in client.videos.list(limit=1)] == [1, 2, 3, 4]


# ----------------------------------------------------------------- faults


def test_a_rate_limited_request_is_retried_after_retry_after(
    spiritme: Any, loaded: tuple[ir.Api, frozenset[str]]
) -> None:
    sleeps: list[float] = []
    with serve(loaded, rate_limit_every=2) as server, spiritme.SpiritMe(api_key="k", base_url=server.url) as client:
        client._sleep = sleeps.append
        client.videos.retrieve(1)  # request 1
        assert client.videos.create(name="x", slides=SLIDES).name == "x"  # request 2 is throttled, 3 succeeds
        assert sleeps == [1.0]
        throttled = httpx.get(server.url + "/api/videos/1/", headers=TOKEN)  # request 4
        assert throttled.status_code == 429 and throttled.headers["Retry-After"] == "1"


def test_error_rate_answers_500_and_the_client_gives_up(spiritme: Any, loaded: tuple[ir.Api, frozenset[str]]) -> None:
    sleeps: list[float] = []
    with serve(loaded, error_rate=1.0) as server, spiritme.SpiritMe(api_key="k", base_url=server.url) as client:
        client._sleep = sleeps.append
        with pytest.raises(spiritme.InternalServerError):
            client.videos.retrieve(1)
        assert len(sleeps) == 2  # two retries, then the error
        with pytest.raises(spiritme.InternalServerError):
            client.videos.create(name="x", slides=SLIDES)
        assert len(sleeps) == 2  # a POST is not retried on a 500
    with serve(loaded, error_rate=0.5, seed=7) as a, serve(loaded, error_rate=0.5, seed=7) as b:
        codes = [[httpx.get(s.url + "/api/avatars/", headers=TOKEN).status_code for _ in range(12)] for s in (a, b)]
    assert codes[0] == codes[1] and {200, 500} == set(codes[0])


def test_latency_delays_answers(spiritme: Any, loaded: tuple[ir.Api, frozenset[str]]) -> None:
    with (
        serve(loaded, latency=1.0) as server,
        spiritme.SpiritMe(api_key="k", base_url=server.url, max_retries=0) as client,
    ):
        with pytest.raises(spiritme.APITimeoutError):
            client.videos.retrieve(1, timeout=0.1)


def test_only_loopback_without_public(loaded: tuple[ir.Api, frozenset[str]]) -> None:
    with pytest.raises(GeneratorError, match="not a loopback address"):
        serve(loaded, host="0.0.0.0")
    code, _, stderr = run_cli("mock", "--spec", str(SPEC), "--host", "0.0.0.0")
    assert code == 2 and "pass --public" in stderr


def test_the_command_prints_its_url_serves_and_stops_on_ctrl_c(tmp_path: Path) -> None:
    proc = subprocess.Popen(
        [sys.executable, "-m", "generator.cli", "mock", "--spec", str(SPEC), "--port", "0"],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        url = line.split(" listening on ")[1].split()[0]
        assert httpx.get(url + "/api/users/current/", headers=TOKEN).status_code == 200
    finally:
        proc.send_signal(signal.SIGINT)
        _, stderr = proc.communicate(timeout=30)
    assert proc.returncode == 0, stderr
    assert "GET /api/users/current/ -> 200" in stderr


# ----------------------------------------------------------------- any document

THINGS = api(
    {
        "/things/": {
            "get": {
                "operationId": "things_list",
                "tags": ["things"],
                "parameters": [
                    {"name": "limit", "in": "query", "schema": {"type": "integer"}},
                    {"name": "offset", "in": "query", "schema": {"type": "integer"}},
                ],
                "responses": {
                    "200": {
                        "description": "ok",
                        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ThingPage"}}},
                    }
                },
            },
            "post": {
                "operationId": "things_create",
                "tags": ["things"],
                "requestBody": {
                    "required": True,
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ThingRequest"}}},
                },
                "responses": {
                    "201": {
                        "description": "ok",
                        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}},
                    }
                },
            },
        },
        "/things/{uid}/": {
            "parameters": [
                {"name": "uid", "in": "path", "required": True, "schema": {"type": "string", "format": "uuid"}}
            ],
            "get": {
                "operationId": "things_retrieve",
                "tags": ["things"],
                "responses": {
                    "200": {
                        "description": "ok",
                        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}},
                    }
                },
            },
        },
        "/health": {
            "get": {
                "operationId": "health",
                "tags": ["health"],
                "security": [{}, {"bearer": []}],
                "responses": {
                    "200": {
                        "description": "ok",
                        "content": {
                            "application/json": {
                                "schema": {"type": "object", "properties": {"ok": {"type": "boolean"}}}
                            }
                        },
                    }
                },
            }
        },
    },
    {
        "State": {"type": "string", "enum": ["pending", "running", "done", "failed"]},
        "ThingRequest": {
            "type": "object",
            "required": ["label", "size"],
            "properties": {"label": {"type": "string", "maxLength": 8}, "size": {"type": "integer", "minimum": 1}},
        },
        "Thing": {
            "type": "object",
            "required": ["uid", "label", "state"],
            "properties": {
                "uid": {"type": "string", "format": "uuid", "readOnly": True},
                "label": {"type": "string"},
                "size": {"type": "integer"},
                "state": {"allOf": [{"$ref": "#/components/schemas/State"}], "readOnly": True},
            },
        },
        "ThingPage": {
            "type": "object",
            "required": ["count", "results"],
            "properties": {
                "count": {"type": "integer"},
                "next": {"type": "string", "nullable": True, "format": "uri"},
                "previous": {"type": "string", "nullable": True, "format": "uri"},
                "results": {"type": "array", "items": {"$ref": "#/components/schemas/Thing"}},
            },
        },
    },
    servers=[{"url": "https://things.example.com/v1"}],
    security=[{"bearer": []}],
)
THINGS["components"]["securitySchemes"] = {"bearer": {"type": "http", "scheme": "bearer"}}


def test_any_document_end_to_end(tmp_path: Path) -> None:
    result = build(THINGS, tmp_path)
    assert result.exit_code == 0, result.stderr
    with MockServer.from_spec(tmp_path / "spec.json") as server, imported(result.output) as demo:
        assert server.url.endswith("/v1")
        assert httpx.get(server.url + "/things/").status_code == 401
        assert httpx.get(server.url + "/health").status_code == 200  # security includes {}
        refused = httpx.post(
            server.url + "/things/", headers={"Authorization": "Bearer x"}, json={"label": "much too long", "size": 0}
        )
        assert refused.json() == {
            "label": ["Ensure this field has no more than 8 characters."],
            "size": ["Ensure this value is greater than or equal to 1."],
        }
        with demo.Demo(api_key="x", base_url=server.url) as client:
            client._sleep = lambda seconds: None
            thing = client.things.create(label="box", size=2)
            assert str(thing.uid) == "00000000-0000-0000-0000-000000000004"
            assert thing.state == "pending"
            assert client.things.wait(thing.uid, poll_interval=0.01).state == "done"
            assert [t.label for t in client.things.list(limit=1)][-1] == "box"
            assert len(list(client.things.list(limit=1).iter_pages())) == 4
            doomed = client.things.create(label="failing", size=1)
            with pytest.raises(demo.JobFailedError):
                client.things.wait(doomed.uid, poll_interval=0.01)
