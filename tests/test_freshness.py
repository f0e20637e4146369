"""The fast path of ``build``: an unchanged spec, settings and generator on an intact output folder
is up to date without loading, validating or rendering anything."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from genutil import build

from generator.build import pipeline

SPEC = """
openapi: 3.0.3
info: {title: Fresh, version: "1"}
paths:
  /things/:
    get:
      operationId: things_list
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema: {type: array, items: {$ref: "#/components/schemas/Thing"}}
        "204":
          description: a body where none can be
          content:
            application/json:
              schema: {type: string}
components:
  schemas:
    Thing:
      type: object
      properties: {id: {type: integer}}
"""


def refuse_loading(*_: Any) -> None:
    raise AssertionError("the fast path loaded the document")


def first_build(tmp_path: Path) -> Path:
    spec = tmp_path / "spec.yaml"
    spec.write_text(SPEC, encoding="utf-8")
    result = build(spec, tmp_path)
    assert result.exit_code == 0, result.stderr
    return spec


def test_an_unchanged_build_is_up_to_date_without_loading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    spec = first_build(tmp_path)
    monkeypatch.setattr(pipeline, "load_raw", refuse_loading)
    again = build(spec, tmp_path)
    assert again.exit_code == 0 and "unchanged (1 operations, 1 models" in again.stdout
    check = build(spec, tmp_path, "--check")
    assert check.exit_code == 0 and "up to date" in check.stdout
    # the warnings of the first build are told again
    assert "a 204 response cannot carry a body" in again.stderr and "1 warnings" in again.stdout


def test_a_changed_spec_a_missing_file_or_other_settings_build_again(tmp_path: Path) -> None:
    spec = first_build(tmp_path)
    out = tmp_path / "out"
    (out / "demo" / "types" / "thing.py").unlink()
    restored = build(spec, tmp_path)
    assert restored.exit_code == 0 and "wrote" in restored.stdout
    assert (out / "demo" / "types" / "thing.py").is_file()
    spec.write_text(SPEC.replace("Fresh", "Fresher"), encoding="utf-8")
    assert "wrote" in build(spec, tmp_path).stdout
    strict = build(spec, tmp_path, "--strict")
    assert strict.exit_code == 2 and "204" in strict.stderr  # not an earlier record of the lenient build
    edited = out / "demo" / "types" / "thing.py"
    edited.write_text(edited.read_text() + "# edited\n")
    check = build(spec, tmp_path, "--check")
    assert check.exit_code == 1 and "would change" in check.stderr


def test_documents_that_pull_in_files_always_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    spec = tmp_path / "spec.yaml"
    spec.write_text(SPEC, encoding="utf-8")
    assert build(spec, tmp_path, "--allow-file-refs").exit_code == 0
    monkeypatch.setattr(pipeline, "load_raw", refuse_loading)
    with pytest.raises(AssertionError, match="fast path loaded"):
        build(spec, tmp_path, "--allow-file-refs")  # the files it pulls in are not in the key


def test_installed_versions_are_read_as_the_metadata_gives_them() -> None:
    from importlib import metadata

    from generator.versions import installed_version

    for distribution, package in [
        ("black", "black"),
        ("PyYAML", "yaml"),
        ("openapi-spec-validator", "openapi_spec_validator"),
    ]:
        assert installed_version(distribution, package) == metadata.version(distribution)
    assert installed_version("no-such-distribution", "no_such_distribution") == "missing"
