"""The write stage on its own: paths stay inside, check writes nothing, a swap keeps user files, stale files go."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.build.write import MANIFEST, manifest_text, safe_relative, write_tree
from generator.errors import GeneratorError


def tree(sources: dict[str, str]) -> dict[str, str]:
    """The sources with the manifest the build adds (the write stage knows earlier files by it)."""
    return {**sources, MANIFEST: manifest_text(sources, {"generator": "test"})}


def files(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): p.read_text() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("path", ["/etc/passwd", "../x.py", "a/../../x.py", "", "a\\b.py", "a\x00.py"])
def test_paths_outside_the_output_are_refused(path: str) -> None:
    with pytest.raises(GeneratorError, match="outside the output folder"):
        safe_relative(path)


def test_a_refused_path_writes_nothing(tmp_path: Path) -> None:
    out = tmp_path / "out"
    with pytest.raises(GeneratorError):
        write_tree({"ok.py": "x = 1\n", "../escape.py": "x = 2\n"}, out)
    assert not out.exists() and not (tmp_path / "escape.py").exists()


def test_first_write_creates_the_tree(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = write_tree(tree({"pkg/__init__.py": "", "pkg/a.py": "A = 1\n"}), out)
    assert result.written and "pkg/a.py" in result.changed
    assert files(out)["pkg/a.py"] == "A = 1\n"


def test_check_compares_and_writes_nothing(tmp_path: Path) -> None:
    out = tmp_path / "out"
    write_tree(tree({"a.py": "A = 1\n"}), out)
    result = write_tree(tree({"a.py": "A = 2\n"}), out, check=True)
    assert result.stale and result.changed == ("a.py", MANIFEST) and not result.written
    assert files(out)["a.py"] == "A = 1\n"


def test_an_identical_tree_is_not_rewritten(tmp_path: Path) -> None:
    out = tmp_path / "out"
    write_tree(tree({"a.py": "A = 1\n"}), out)
    before = (out / "a.py").stat().st_mtime_ns
    result = write_tree(tree({"a.py": "A = 1\n"}), out)
    assert not result.stale and not result.written
    assert (out / "a.py").stat().st_mtime_ns == before


def test_a_new_tree_keeps_user_files_and_drops_files_no_longer_generated(tmp_path: Path) -> None:
    out = tmp_path / "out"
    write_tree(tree({"a.py": "A = 1\n", "old.py": "OLD = 1\n"}), out)
    (out / "notes.txt").write_text("mine\n")
    (out / "sub").mkdir()
    (out / "sub" / "local.py").write_text("LOCAL = 1\n")
    result = write_tree(tree({"a.py": "A = 2\n"}), out)
    assert result.removed == ("old.py",)
    after = files(out)
    assert after["a.py"] == "A = 2\n" and after["notes.txt"] == "mine\n" and after["sub/local.py"] == "LOCAL = 1\n"
    assert "old.py" not in after
    assert json.loads(after[MANIFEST])["files"].keys() == {"a.py"}


def test_nothing_is_left_beside_the_output(tmp_path: Path) -> None:
    out = tmp_path / "out"
    write_tree(tree({"a.py": "A = 1\n"}), out)
    write_tree(tree({"a.py": "A = 2\n"}), out)
    # the lock file stays (it is how concurrent builds exclude each other); no temporary or backup tree does
    assert sorted(p.name for p in tmp_path.iterdir()) == [".out.lock", "out"]
