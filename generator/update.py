"""``update``: the flow above the products: fetch → diff against the snapshot → write it → build → log."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable

from generator.build.pipeline import run_build
from generator.config import Settings
from generator.diff.compare import DEFAULT_CLIENT, diff_documents, document_of
from generator.diff.context import Policy
from generator.diff.levels import LevelScheme
from generator.diff.report import DiffReport, append_changes
from generator.errors import GeneratorError
from generator.parse.api import ClientSettings
from generator.spec.fetch import fetch_schema, lock_path_for, lock_text, read_lock, write_atomically


@dataclass(frozen=True)
class UpdateOutcome:
    """What ``update`` did: the report of the changes (None when the server had nothing new)."""

    report: DiffReport | None
    summary: str


def run_update(
    settings: Settings,
    *,
    token: str,
    echo: Callable[[str], None],
    allow_insecure: bool = False,
    timeout: float = 30.0,
    client: ClientSettings = DEFAULT_CLIENT,
    policy: Policy | None = None,
    levels: LevelScheme = "ours",
) -> UpdateOutcome:
    """Fetch the schema from the ``schema-url`` server; when it changed, diff it against the snapshot,
    write the snapshot and its lock, log the changes in ``CHANGES.md`` beside it, then build the client
    (whose default base URL is the ``base-url`` setting or the document's servers, never ``schema-url``).
    """
    spec = str(settings.get("spec"))
    if "://" in spec or spec.startswith("git:"):
        raise GeneratorError(
            "update keeps a local snapshot: the spec setting must be a file path",
            source=spec,
        )
    path = Path(spec)
    try:
        old_raw: bytes | None = path.read_bytes()
    except FileNotFoundError:
        old_raw = None
    except OSError as exc:
        raise GeneratorError(f"cannot read: {exc.strerror or exc}", source=spec) from None
    current = hashlib.sha256(old_raw).hexdigest() if old_raw is not None else ""
    lock = read_lock(lock_path_for(path))
    etag = lock.get("etag", "") if current and lock.get("sha256") == current else ""
    result = fetch_schema(
        str(settings.get("schema-url")),
        token=token,
        etag=etag,
        allow_insecure=allow_insecure,
        timeout=timeout,
    )
    digest = hashlib.sha256(result.body).hexdigest() if result.status != 304 else current
    if digest == current:
        return UpdateOutcome(None, f"{path}: up to date (sha256 {current[:12]})")
    new_doc = document_of(result.body, result.url)
    old_data = (
        document_of(old_raw, spec).data if old_raw is not None else {"openapi": new_doc.data["openapi"], "paths": {}}
    )
    changes = diff_documents(
        old_data, new_doc.data, old_source=spec, new_source=result.url, client=client, policy=policy, levels=levels
    )
    report = DiffReport(tuple(changes), spec, result.url, spec, new_doc.line_of)
    write_atomically(path, result.body)
    write_atomically(lock_path_for(path), lock_text(result, digest).encode("utf-8"))
    day = datetime.now(timezone.utc).strftime("%Y-%m-%d")
    log = append_changes(path.parent / "CHANGES.md", report, current, digest, day)
    built = run_build(settings, check=False, strict=False, echo=echo)
    return UpdateOutcome(
        report,
        f"{path}: updated (sha256 {current[:12] or 'none'} -> {digest[:12]}); changes logged in {log}; {built.summary()}",
    )
