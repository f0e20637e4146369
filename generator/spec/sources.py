"""Read a spec named by a local path, an http(s) URL, or ``git:REF:path`` into bytes and a display name."""

from __future__ import annotations

import subprocess
from pathlib import Path

from generator.errors import GeneratorError
from generator.spec.load import MAX_BYTES, read_bounded

GIT_PREFIX = "git:"
GIT_TIMEOUT_SECONDS = 60.0


def read_source(
    spec: str, *, token: str = "", allow_insecure: bool = False, timeout: float = 30.0
) -> tuple[bytes, str]:
    """The raw bytes of ``spec`` and the name to show for it in messages.

    A URL is fetched as given (no ``/api/schema/`` added) with the rules of ``fetch_schema``;
    ``git:REF:path`` is the file at ``path`` (from the repository's root) in revision ``REF``
    of the repository around the current folder.
    """
    if spec.lower().startswith(("http://", "https://")):
        from generator.spec.fetch import fetch_url  # http, ssl, email: only for a URL

        result = fetch_url(spec, token=token, allow_insecure=allow_insecure, timeout=timeout)
        return result.body, result.url
    if spec.startswith(GIT_PREFIX):
        return read_git_blob(spec), spec
    return read_file(Path(spec)), spec


def read_file(path: Path) -> bytes:
    """The bytes of a local file no larger than MAX_BYTES."""
    return read_bounded(path, str(path), MAX_BYTES)


def read_git_blob(spec: str) -> bytes:
    """The bytes of ``git:REF:path``, as ``git cat-file blob REF:path`` gives them (no textconv)."""
    _, ref, path = (spec.split(":", 2) + ["", ""])[:3]
    if not ref or not path:
        raise GeneratorError("expected git:REF:path, e.g. git:HEAD~1:specs/spiritme.yaml", source=spec)
    if ref.startswith("-"):
        raise GeneratorError("a git revision must not start with '-'", source=spec)
    try:
        done = subprocess.run(
            ["git", "cat-file", "blob", f"{ref}:{path}"],
            capture_output=True,
            check=False,
            timeout=GIT_TIMEOUT_SECONDS,
        )
    except FileNotFoundError:
        raise GeneratorError("git is not installed", source=spec) from None
    except subprocess.TimeoutExpired:
        raise GeneratorError(f"git took longer than {GIT_TIMEOUT_SECONDS:g} s", source=spec) from None
    if done.returncode != 0:
        lines = done.stderr.decode("utf-8", "replace").strip().splitlines()
        reason = lines[0].removeprefix("fatal: ") if lines else f"git exited with {done.returncode}"
        raise GeneratorError(reason, source=spec)
    return done.stdout
