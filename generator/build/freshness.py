"""Whether an output folder is already what an input would build: the fast path of ``build``.

A build's key is the hash of the spec's bytes, the settings that shape the output and the
generator's own code and templates. After a build, the key and the manifest it wrote are recorded
in the cache (never in the output: upgrading the generator must not make an identical client look
stale). A later run with the same key whose folder still holds exactly the manifest's files is up
to date without loading, validating or rendering anything.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator import __version__
from generator.config import Settings, cache_dir
from generator.versions import installed_version

# the settings that change what is generated or whether the build passes (not where it goes)
SHAPING = ("package-name", "client-name", "base-url", "max-bytes")


@dataclass(frozen=True)
class Recorded:
    """What an earlier build with the same key said: its summary counts and warning lines."""

    counts: dict[str, int]
    warnings: list[str]


def build_key(raw: bytes, settings: Settings, *, strict: bool) -> str:
    shaping = {k: settings.get(k) for k in SHAPING}
    head = json.dumps([__version__, code_digest(), shaping, strict, sys.version_info[:2]], sort_keys=True, default=str)
    return hashlib.sha256(head.encode() + hashlib.sha256(raw).digest()).hexdigest()


def recorded(key: str, output: Path, manifest: str) -> Recorded | None:
    """The record of ``key`` when ``output`` holds exactly the files of its recorded manifest."""
    try:
        with open(_record_path(key, manifest), encoding="utf-8") as handle:
            data: Any = json.load(handle)
        record = Recorded(dict(data["counts"]), list(data["warnings"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return record if _matches(output, manifest) else None


def record(key: str, manifest: str, counts: dict[str, int], warnings: list[str]) -> None:
    """Remember that ``key`` built ``manifest``; a cache that cannot be written only costs time."""
    path = _record_path(key, manifest)
    tmp = path.with_name(f".{path.name}.{os.getpid()}")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_text(json.dumps({"counts": counts, "warnings": warnings}), encoding="utf-8")
        os.replace(tmp, path)
    except OSError:
        tmp.unlink(missing_ok=True)


def _record_path(key: str, manifest: str) -> Path:
    digest = hashlib.sha256(key.encode() + manifest.encode()).hexdigest()
    return cache_dir() / "builds" / f"{digest[:40]}.json"


def _matches(output: Path, manifest: str) -> bool:
    """Every file the manifest lists is on disk with its hash (the manifest itself included)."""
    try:
        files = json.loads(manifest)["files"]
        for relative, digest in files.items():
            with open(output / relative, "rb") as handle:
                if hashlib.sha256(handle.read()).hexdigest() != digest:
                    return False
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return False
    return True


@functools.lru_cache(maxsize=1)
def code_digest() -> str:
    """The generator's modules and templates, and black's version: a change may change the output."""
    from generator.build.render import template_root

    package = Path(__file__).resolve().parent.parent
    templates = template_root()
    digest = hashlib.sha256(installed_version("black", "black").encode())
    sources = [(p.relative_to(package).as_posix(), p) for p in package.rglob("*.py")]
    sources += [(p.relative_to(templates).as_posix(), p) for p in templates.rglob("*.jinja")]
    for name, path in sorted(sources):
        digest.update(name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()
