"""Small documents, one per class of client that once broke or lied: each builds, its code is clean, its stub tests pass."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from genutil import build

DOCUMENTS = Path(__file__).resolve().parent / "documents"
LINE_LIMIT = 300  # columns no generated line reaches, whatever the document's names and texts


def generated_code_problems(out: Path) -> list[str]:
    """Unused imports (pyflakes F401), nested ``Union[Union[…]]`` and very long lines in a build's modules."""
    problems = []
    proc = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "--no-cache", "--isolated", "--select", "F401", "-q", "."],
        cwd=out,
        capture_output=True,
        text=True,
    )
    problems += [line for line in proc.stdout.splitlines() if "F401" in line]
    for path in sorted(out.rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        problems += [f"{path.name}: nested Union" for _ in re.finditer(r"Union\[\s*Union\[", text)]
        problems += [
            f"{path.name}:{n}: {len(line)} columns"
            for n, line in enumerate(text.splitlines(), 1)
            if len(line) >= LINE_LIMIT
        ]
    return problems


def stub_tests(out: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("DEMO_")}
    env.pop("PYTEST_ADDOPTS", None)
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests"],
        cwd=out,
        capture_output=True,
        text=True,
        env=env,
    )


@pytest.mark.parametrize("name", sorted(p.name for p in DOCUMENTS.glob("*.yaml")))
def test_document_builds_clean_code_whose_stub_tests_pass(name: str, tmp_path: Path) -> None:
    result = build(DOCUMENTS / name, tmp_path)
    assert result.exit_code == 0, result.stderr
    assert json.loads((result.output / "spiritme-gen.json").read_text())["skipped"] == []
    assert generated_code_problems(result.output) == []
    for test_module in (result.output / "tests").glob("test_*.py"):  # arguments are plain data: no type to import
        assert "demo.types" not in test_module.read_text(), test_module.name
    proc = stub_tests(result.output)
    assert proc.returncode == 0, proc.stdout[-3000:]
    assert re.search(r"\d+ passed", proc.stdout) and "failed" not in proc.stdout


def test_answers_that_are_not_json_are_typed_as_what_the_client_returns(tmp_path: Path) -> None:
    result = build(DOCUMENTS / "non-json-answers.yaml", tmp_path)
    source = (result.output / "demo" / "resources" / "pets.py").read_text()
    returns = dict(re.findall(r"def (\w+)\([^)]*\) -> ([^:]+):", source.split("class AsyncPets")[0], re.S))
    assert returns["xml"] == "str"
    assert returns["text"] == "str"
    assert returns["any"] == "Union[Pet, str]"
    assert returns["application"] == "Union[Pet, str]"
    assert returns["image"] == "bytes"
    assert returns["name"] == "str"


def test_a_get_that_takes_a_body_is_not_paged(tmp_path: Path) -> None:
    result = build(DOCUMENTS / "paged-get-with-body.yaml", tmp_path)
    source = (result.output / "demo" / "resources" / "search.py").read_text()
    assert "_get_page" not in source and "SyncPage" not in source
    assert re.search(r"def list\(\s*self,\s*\*,\s*query: str,", source)


def test_union_options_are_named_from_the_document(tmp_path: Path) -> None:
    result = build(DOCUMENTS / "union-names.yaml", tmp_path)
    classes = {p.stem for p in (result.output / "demo" / "types").glob("*.py")}
    for stem in ("shape_circle", "shape_square", "fill_solid_colour", "fill_stops", "fill_base"):
        assert f"shape_request_request_{stem}" in classes  # discriminator value, const, title, property, $ref
    assert "shape_request_request_border" in classes  # the one option beside null takes the property's name
    assert not any("border_option" in c for c in classes)
    # two options nothing tells apart are numbered, and the build says how many such names it made
    assert "shape_request_request_anything_option1" in classes
    assert re.search(r"\b[1-9]\d* numbered names\b", result.stdout + result.stderr)


def test_docstrings_say_something_or_nothing(tmp_path: Path) -> None:
    result = build(DOCUMENTS / "plain-dicts.yaml", tmp_path)
    out = result.output / "demo"
    for path in sorted(out.rglob("*.py")):
        source = path.read_text()
        for name in re.findall(r"^class (\w+)\(", source, re.M):
            assert not re.search(rf'^class {name}\([^)]*\):\n    """{name}"""', source, re.M), (path.name, name)
        assert not re.search(r"^ +(\w+): \1$", source, re.M), path.name  # no ``name: name`` placeholder
    videos = (out / "resources" / "videos.py").read_text().split("class AsyncVideos")[0]
    signature = re.search(r"def create\(\s*self,\s*\*,(.*?)\) ->", videos, re.S)
    assert signature is not None
    arguments = re.findall(r"^\s+(\w+):", signature.group(1), re.M)
    documented = re.findall(r"^          (\w+): ", videos.split("def create(")[1].split('"""')[1], re.M)
    assert documented == [a for a in arguments if a in documented]  # in signature order
    assert "headers" in documented and "name" not in documented  # described, or left out
    request = (out / "types" / "video_request.py").read_text()
    assert '"""A video to render."""' in request
