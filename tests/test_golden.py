"""The committed generated/ is exactly what a fresh build gives, and it is clean: black, mypy --strict, its own tests."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from genutil import REPO, build, tree

GENERATED = REPO / "generated"


def test_fresh_build_equals_committed_generated(tmp_path: Path) -> None:
    result = build(REPO / "specs" / "spiritme.yaml", tmp_path, "--client-name", "SpiritMe", package="spiritme")
    assert result.exit_code == 0, result.stderr
    assert tree(result.output) == {k: v for k, v in tree(GENERATED).items() if not k.startswith(".")}


def test_build_check_on_main_is_clean() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "generator.cli", "build", "--check"], cwd=REPO, capture_output=True, text=True
    )
    assert proc.returncode == 0, proc.stderr
    assert "up to date" in proc.stdout


def test_the_23_methods_exist_on_both_clients() -> None:
    sys.path.insert(0, str(GENERATED))
    try:
        import spiritme
    finally:
        sys.path.remove(str(GENERATED))
    expected = {
        "avatars": {"list"},
        "batch_video_templates": {"list", "create", "retrieve"},
        "batch_videos": {"list", "create", "retrieve"},
        "files": {"list", "create", "retrieve", "delete", "list_children"},
        "schema": {"retrieve"},
        "tts": {"list_languages", "list_voices"},
        "users": {"retrieve_current", "delete_current"},
        "videos": {"list", "create", "retrieve", "update", "delete", "publish"},
    }
    for cls in (spiritme.SpiritMe, spiritme.AsyncSpiritMe):
        client = cls(api_key="k", base_url="http://127.0.0.1:9")
        for attr, methods in expected.items():
            resource = getattr(client, attr)
            assert {m for m in methods if callable(getattr(resource, m, None))} == methods


def test_generated_passes_black() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "black", "--check", "-q", "."], cwd=GENERATED, capture_output=True, text=True
    )
    assert proc.returncode == 0, proc.stderr


def test_generated_passes_mypy_strict() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "spiritme"],
        cwd=GENERATED,
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_generated_stub_tests_pass() -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SPIRITME_")}
    proc = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests"],
        cwd=GENERATED,
        capture_output=True,
        text=True,
        env=env,
    )
    assert proc.returncode == 0, proc.stdout[-3000:]
    assert " passed" in proc.stdout and "failed" not in proc.stdout
