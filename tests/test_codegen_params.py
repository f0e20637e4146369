"""Plain data in: request bodies take dicts typed as TypedDicts, checked by mypy and pyright, validated and sent right."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
import sys
import textwrap
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, Iterator

import pytest
from genutil import build, imported

DOCUMENT = Path(__file__).resolve().parent / "documents" / "plain-dicts.yaml"

GOOD = """\
    import datetime

    from demo import Demo
    from demo.types import SlideParam, VideoRequestHeadersParam

    client = Demo(api_key="key")
    video = client.videos.create(
        slides=[
            {
                "audio_source": {"text": "Hi", "voice": {"id": 1}},
                "layers": [{"avatar": {"id": 1}, "view_type": "circular"}, {"avatar": None}],
            }
        ],
        publish_at=datetime.datetime(2024, 1, 2, tzinfo=datetime.timezone.utc),
        headers={"content-type": "text/plain", "class": 2},
    )
    name: str = video.name
    slide: SlideParam = {"audio_source": {}, "layers": []}
    headers: VideoRequestHeadersParam = {"class": 1}
    uploaded = client.files.create(file=b"bytes", tag="background")
    print(name, slide, headers, uploaded.id)
"""

BAD = {
    "misspelt key": 'client.videos.create(slides=[{"audio_source": {"txt": "Hi"}, "layers": []}])',
    "missing required key": 'client.videos.create(slides=[{"audio_source": {}}])',
    "enum value": 'client.files.create(file=b"x", tag="backgroundd")',
    "nested type": 'client.videos.create(slides=[{"audio_source": {"voice": {"id": "1"}}, "layers": []}])',
}


@pytest.fixture(scope="module")
def client_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    result = build(DOCUMENT, tmp_path_factory.mktemp("plain"))
    assert result.exit_code == 0, result.stderr
    return result.output


def write_user_code(folder: Path, body: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "user.py"
    path.write_text(textwrap.dedent(body), encoding="utf-8")
    return path


def mypy(client_dir: Path, path: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "MYPYPATH": str(client_dir)}
    return subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "--cache-dir", os.devnull, str(path)],
        capture_output=True,
        text=True,
        env=env,
        cwd=path.parent,
    )


def pyright(client_dir: Path, path: Path) -> subprocess.CompletedProcess[str]:
    exe = shutil.which("pyright") or shutil.which("basedpyright")
    if exe is None:
        pytest.skip("pyright is not installed (pip install pyright)")
    config = {"typeCheckingMode": "strict", "extraPaths": [str(client_dir)], "pythonVersion": "3.10"}
    (path.parent / "pyrightconfig.json").write_text(json.dumps(config), encoding="utf-8")
    try:
        proc = subprocess.run(
            [exe, "--pythonpath", sys.executable, str(path)],
            capture_output=True,
            text=True,
            cwd=path.parent,
            timeout=600,
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        pytest.skip(f"pyright could not run here: {exc}")
    if "error" not in proc.stdout and proc.returncode not in (0, 1):
        pytest.skip(f"pyright could not run here: {proc.stderr[-300:]}")
    return proc


def test_plain_dicts_pass_mypy_strict(client_dir: Path, tmp_path: Path) -> None:
    proc = mypy(client_dir, write_user_code(tmp_path, GOOD))
    assert proc.returncode == 0, proc.stdout


@pytest.mark.parametrize("mistake", sorted(BAD))
def test_a_wrong_dict_is_a_mypy_error(mistake: str, client_dir: Path, tmp_path: Path) -> None:
    code = 'from demo import Demo\n\nclient = Demo(api_key="key")\n' + BAD[mistake] + "\n"
    proc = mypy(client_dir, write_user_code(tmp_path, code))
    assert proc.returncode == 1, proc.stdout
    assert "user.py:4: error" in proc.stdout, proc.stdout


def test_plain_dicts_pass_pyright_strict_and_a_misspelt_key_fails_it(client_dir: Path, tmp_path: Path) -> None:
    good = pyright(client_dir, write_user_code(tmp_path / "good", GOOD))
    assert good.returncode == 0, good.stdout
    code = 'from demo import Demo\n\nclient = Demo(api_key="key")\n' + BAD["misspelt key"] + "\n"
    bad = pyright(client_dir, write_user_code(tmp_path / "bad", code))
    assert bad.returncode == 1 and "user.py:4" in bad.stdout, bad.stdout


def test_the_generated_package_is_clean_under_pyright_strict(client_dir: Path, tmp_path: Path) -> None:
    # the resources and types this task writes; the runtime modules are checked with the runtime
    folder = tmp_path / "check"
    folder.mkdir()
    paths = sorted(str(p) for sub in ("resources", "types") for p in (client_dir / "demo" / sub).glob("*.py"))
    exe = shutil.which("pyright")
    if exe is None:
        pytest.skip("pyright is not installed (pip install pyright)")
    config = {"typeCheckingMode": "strict", "pythonVersion": "3.10", "reportPrivateUsage": False}
    (folder / "pyrightconfig.json").write_text(json.dumps(config), encoding="utf-8")
    proc = subprocess.run([exe, "--pythonpath", sys.executable, *paths], capture_output=True, text=True, cwd=folder)
    assert proc.returncode == 0, proc.stdout[-3000:]


@pytest.fixture
def recording_server() -> Iterator[tuple[str, list[Any]]]:
    seen: list[Any] = []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            seen.append((self.headers.get("Content-Type", ""), body))
            answer = json.dumps({"id": 7, "name": "made", "publish_at": "2024-01-02T00:00:00Z"}).encode()
            self.send_response(201)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(answer)))
            self.end_headers()
            self.wfile.write(answer)

        def log_message(self, format: str, *args: Any) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}", seen
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_dicts_are_validated_and_sent_by_wire_name(client_dir: Path, recording_server: tuple[str, list[Any]]) -> None:
    url, seen = recording_server
    with imported(client_dir) as demo:
        with demo.Demo(api_key="key", base_url=url) as client:
            video = client.videos.create(
                slides=(
                    {"audio_source": {"voice": {"id": 1}}, "layers": [{"view_type": "circular"}]} for _ in range(2)
                ),
                publish_at=dt.datetime(2024, 1, 2, tzinfo=dt.timezone.utc),
                headers={"content-type": "text/plain", "class": 2},
            )
            assert (video.id, video.name) == (7, "made")
            assert video.publish_at == dt.datetime(2024, 1, 2, tzinfo=dt.timezone.utc)
            sent = json.loads(seen[-1][1])
            assert sent == {
                "slides": [{"audio_source": {"voice": {"id": 1}}, "layers": [{"view_type": "circular"}]}] * 2,
                "publish_at": "2024-01-02T00:00:00Z",
                "headers": {"content-type": "text/plain", "class": 2},
            }
            with pytest.raises(Exception) as refused:  # the request model still checks the dict
                client.videos.create(slides=[{"audio_source": {"voice": {"id": "x"}}, "layers": []}])
            assert "id" in str(refused.value)
            assert len(seen) == 1
