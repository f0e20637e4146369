"""Sources → output folder, atomically: a full tree is built beside it, then swapped in; ``check`` only compares.

Files under the output that the generator did not write (not in the previous manifest) are
carried over untouched; nothing outside the output folder is ever written except the
temporary tree and the lock file beside it.
"""

from __future__ import annotations

import ctypes
import errno
import hashlib
import json
import os
import shutil
import tempfile
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any, Iterator

from generator.errors import GeneratorError

MANIFEST = "spiritme-gen.json"
LOCK_WAIT_SECONDS = 120.0


@dataclass(frozen=True)
class WriteResult:
    changed: tuple[str, ...]  # generated files that are new or differ
    removed: tuple[str, ...]  # files generated before and not any more
    written: bool

    @property
    def stale(self) -> bool:
        return bool(self.changed or self.removed)


def safe_relative(path: str) -> PurePosixPath:
    """A generated path must stay inside the output folder."""
    p = PurePosixPath(path)
    if (
        p.is_absolute()
        or not p.parts
        or any(part in ("", ".", "..") for part in p.parts)
        or "\\" in path
        or "\x00" in path
    ):
        raise GeneratorError(f"refusing to write outside the output folder: {path!r}")
    return p


def manifest_text(sources: dict[str, str], report: dict[str, Any]) -> str:
    files = {p: hashlib.sha256(t.encode()).hexdigest() for p, t in sorted(sources.items())}
    return json.dumps({**report, "files": files}, indent=2, sort_keys=True, ensure_ascii=True) + "\n"


def previous_files(output: Path) -> set[str]:
    try:
        data = json.loads((output / MANIFEST).read_text(encoding="utf-8"))
        return {str(p) for p in data.get("files", {})} | {MANIFEST}
    except (OSError, ValueError, AttributeError):
        return set()


def write_tree(sources: dict[str, str], output: Path, *, check: bool = False) -> WriteResult:
    """Compare with, or replace, ``output``; only changed trees are rewritten."""
    for path in sources:
        safe_relative(path)
    old = previous_files(output)
    changed = tuple(sorted(p for p, t in sources.items() if _read(output / p) != t))
    removed = tuple(sorted(p for p in old - set(sources) if (output / p).exists()))
    found = WriteResult(changed, removed, written=False)
    if check or not (changed or removed):
        return found
    return replace_tree(sources, output, found)


def replace_tree(sources: dict[str, str], output: Path, found: WriteResult) -> WriteResult:
    """Replace ``output`` by ``sources`` (user files carried over), given what ``write_tree(check=True)``
    found differs: one atomic swap."""
    with _locked(output):
        _swap_in(sources, output, previous_files(output))
    return WriteResult(found.changed, found.removed, written=True)


def _read(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None


@contextmanager
def _locked(output: Path) -> Iterator[None]:
    """One writer at a time per output folder (a lock file beside it)."""
    import fcntl

    output.parent.mkdir(parents=True, exist_ok=True)
    lock_path = output.parent / f".{output.name}.lock"
    with open(lock_path, "a+") as handle:
        deadline = time.monotonic() + LOCK_WAIT_SECONDS
        while True:
            try:
                fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except OSError as exc:
                if exc.errno not in (errno.EAGAIN, errno.EACCES) or time.monotonic() > deadline:
                    raise GeneratorError(
                        "another spiritme-gen run is writing this folder", source=str(output)
                    ) from None
                time.sleep(0.1)
        try:
            _recover(output)
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def _backup_path(output: Path) -> Path:
    return output.parent / f".{output.name}.previous"


def _recover(output: Path) -> None:
    """A run killed between the two renames left the old tree as a backup: put it back. A run killed
    while writing left its temporary tree beside the output: remove it (we hold the lock, so no
    running build owns one)."""
    backup = _backup_path(output)
    if backup.exists() and not output.exists():
        os.rename(backup, output)
    elif backup.exists():
        shutil.rmtree(backup, ignore_errors=True)
    for leftover in leftovers(output):
        shutil.rmtree(leftover, ignore_errors=True)


def remove_leftovers(output: Path) -> None:
    """Remove what killed runs left beside ``output``, unless another run is writing it right now."""
    import fcntl

    if not leftovers(output) and not _backup_path(output).exists():
        return
    try:
        with open(output.parent / f".{output.name}.lock", "a+") as handle:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
            try:
                _recover(output)
            finally:
                fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
    except OSError:
        return  # a writer holds the lock: it cleans up under it


def leftovers(output: Path) -> list[Path]:
    """The temporary trees of earlier runs beside ``output`` (``.<output>.tmp-*``), oldest first."""
    try:
        found = [p for p in output.parent.glob(f".{output.name}.tmp-*") if p.is_dir() and not p.is_symlink()]
    except OSError:
        return []
    return sorted(found, key=lambda p: p.name)


def _swap_in(sources: dict[str, str], output: Path, old: set[str]) -> None:
    tmp = Path(tempfile.mkdtemp(prefix=f".{output.name}.tmp-", dir=output.parent))
    try:
        for folder in sorted({(tmp / rel).parent for rel in sources}):
            folder.mkdir(parents=True, exist_ok=True)
        for rel, text in sources.items():
            _write_new(tmp / rel, text)
        if output.exists():
            _carry_over(output, tmp, set(sources) | old)
            _exchange(tmp, output)
        else:
            os.rename(tmp, output)
            tmp = Path()
    finally:
        if tmp != Path() and tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)


def _write_new(target: Path, text: str) -> None:
    with open(target, "w", encoding="utf-8", newline="\n") as handle:
        handle.write(text)


def _carry_over(output: Path, tmp: Path, generated: set[str]) -> None:
    """Copy every file the generator does not own into the new tree (user files survive)."""
    for root, dirs, files in os.walk(output, followlinks=False):
        rel_root = Path(root).relative_to(output)
        for name in files + [d for d in dirs if (Path(root) / d).is_symlink()]:
            rel = (rel_root / name).as_posix()
            if rel in generated or "__pycache__" in rel.split("/"):
                continue
            src, dst = Path(root) / name, tmp / rel
            dst.parent.mkdir(parents=True, exist_ok=True)
            if src.is_symlink():
                os.symlink(os.readlink(src), dst)
            else:
                shutil.copy2(src, dst)
        dirs[:] = [d for d in dirs if not (Path(root) / d).is_symlink()]


def _exchange(new: Path, output: Path) -> None:
    """Swap ``new`` in for ``output``: one atomic renameat2(RENAME_EXCHANGE) where the OS has it."""
    if _rename_exchange(new, output):
        shutil.rmtree(new, ignore_errors=True)  # ``new`` now holds the old tree
        return
    backup = _backup_path(output)
    os.rename(output, backup)
    os.rename(new, output)
    shutil.rmtree(backup, ignore_errors=True)


def _rename_exchange(a: Path, b: Path) -> bool:
    try:
        # the process's own symbols hold libc's (ctypes.util.find_library would start ldconfig)
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    result = renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange)
    return bool(result == 0)
