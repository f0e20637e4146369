"""Sources → black-formatted sources: in-process ``black.format_str``, parallel for big trees, cached by content hash."""

from __future__ import annotations

import hashlib
import os
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import black

from .errors import GeneratorError

MODE = black.Mode(target_versions={black.TargetVersion.PY310}, line_length=100)
PARALLEL_THRESHOLD = 64  # files; below it a process pool costs more than it saves


def cache_dir() -> Path:
    base = os.environ.get("SPIRITME_GEN_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"), "spiritme-gen"
    )
    return Path(base) / "black"


def _key(text: str) -> str:
    return hashlib.sha256(f"{black.__version__}|{MODE!r}|".encode() + text.encode()).hexdigest()


def format_python(path: str, text: str) -> str:
    """One module formatted; a syntax error here is a generator bug, reported with the file."""
    try:
        return black.format_str(text, mode=MODE)
    except black.InvalidInput as exc:
        raise GeneratorError(f"generated code does not parse ({exc}); please report this bug", source=path) from None


def _format_batch(items: list[tuple[str, str]]) -> list[str]:
    return [format_python(p, t) for p, t in items]


def format_sources(sources: dict[str, str], *, use_cache: bool = True) -> dict[str, str]:
    """Every ``.py`` source formatted with black; other files untouched."""
    out = dict(sources)
    cache = cache_dir() if use_cache else None
    todo: list[tuple[str, str, str]] = []
    for path, text in sources.items():
        if not path.endswith(".py") or not text.strip():
            continue
        key = _key(text)
        hit = _read_cache(cache, key)
        if hit is not None:
            out[path] = hit
        else:
            todo.append((path, text, key))
    formatted = _format_all([(p, t) for p, t, _ in todo])
    for (path, _, key), text in zip(todo, formatted):
        out[path] = text
        _write_cache(cache, key, text)
    return out


def _format_all(items: list[tuple[str, str]]) -> list[str]:
    workers = min(os.cpu_count() or 1, 8)
    if len(items) < PARALLEL_THRESHOLD or workers < 2:
        return _format_batch(items)
    # biggest files first, each to the least loaded worker: the workers finish together
    loads = [0] * workers
    chunks: list[list[int]] = [[] for _ in range(workers)]
    for i in sorted(range(len(items)), key=lambda i: -len(items[i][1])):
        w = loads.index(min(loads))
        chunks[w].append(i)
        loads[w] += len(items[i][1])
    with ProcessPoolExecutor(max_workers=workers) as pool:
        results = list(pool.map(_format_batch, [[items[i] for i in chunk] for chunk in chunks]))
    merged: list[str] = [""] * len(items)
    for chunk, chunk_result in zip(chunks, results):
        for i, text in zip(chunk, chunk_result):
            merged[i] = text
    return merged


def _read_cache(cache: Path | None, key: str) -> str | None:
    if cache is None:
        return None
    try:
        return (cache / key[:2] / key).read_text(encoding="utf-8")
    except OSError:
        return None


def _write_cache(cache: Path | None, key: str, text: str) -> None:
    if cache is None:
        return
    try:
        folder = cache / key[:2]
        folder.mkdir(parents=True, exist_ok=True)
        tmp = folder / f".{key}.{os.getpid()}"
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, folder / key)
    except OSError:
        pass  # a cache that cannot be written only costs time
