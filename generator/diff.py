"""``diff`` and ``update``: compare two OpenAPI documents and report what changes, for the API and the client.

``diff_documents(old, new)`` returns ``Change`` values: a check id (oasdiff's where it has the
same check), a level (``breaking``, ``warning``, ``info``), the operation and JSON pointer it is
about, a one-line message and the impact on the generated client. Rule ids and levels are in
``diff_rules``; the comparison in ``diff_operations`` and ``diff_schemas``; client impact in
``impact``; output formats in ``report``.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable

from .config import Settings
from .diff_operations import compare_documents
from .diff_rules import LEVELS, RULES, Level
from .errors import GeneratorError
from .fetch import fetch_schema, lock_path_for, lock_text, read_lock, write_atomically
from .impact import ClientImpact
from .load import Document, load_bytes
from .parse import ClientSettings, build_ir
from .report import DiffReport, append_changes
from .sources import read_source

DEFAULT_CLIENT = ClientSettings("spiritme", "SpiritMe", "SPIRITME", "")


# ----------------------------------------------------------------- the public API


@dataclass(frozen=True)
class Change:
    """One difference between two versions of a document, with what it does to the generated client."""

    id: str
    level: Level
    operation: str  # "POST /api/videos/", or "" for a document-wide change
    pointer: str
    message: str
    client_impact: str

    def as_dict(self) -> dict[str, str]:
        """The JSON form, keys in the documented order."""
        return asdict(self)


def sort_key(change: Change) -> tuple[int, str, str, str, str]:
    """Level (breaking first), then operation, then pointer; id and message break ties."""
    return (
        LEVELS.index(change.level),
        change.operation,
        change.pointer,
        change.id,
        change.message,
    )


def diff_documents(
    old: dict[str, Any],
    new: dict[str, Any],
    *,
    old_source: str = "",
    new_source: str = "",
    client: ClientSettings = DEFAULT_CLIENT,
) -> list[Change]:
    """Every change from ``old`` to ``new`` (loaded documents), sorted; raises GeneratorError on a broken ``$ref``."""
    raw = compare_documents(old, new, old_source=old_source, new_source=new_source)
    same = old == new
    impact = ClientImpact(
        *(
            None if same else _client_of(doc, client, source)
            for doc, source in ((old, old_source), (new, new_source))
        )
    )
    # one change per place and detail in an operation, however many paths lead to it
    changes: dict[tuple[str, ...], Change] = {}
    for c in raw:
        detail = c.finding.detail if c.finding else c.message
        changes.setdefault(
            (c.operation, c.id, c.pointer, detail),
            Change(c.id, c.level, c.operation, c.pointer, c.message, impact.of(c)),
        )
    for op, was, now in impact.renamed_methods():
        label = f"{op.http_method.upper()} {op.path}"
        changes[(label, "client-method-renamed", op.pointer, now)] = Change(
            "client-method-renamed",
            RULES["client-method-renamed"],
            label,
            op.pointer,
            f"the generated method `{was}` is now `{now}`",
            f"calls to `{was}` raise AttributeError; call `{now}`",
        )
    return sorted(changes.values(), key=sort_key)


def _client_of(document: dict[str, Any], client: ClientSettings, source: str) -> Any:
    """The IR of one version for naming symbols; None when the document cannot be generated."""
    try:
        return build_ir(document, client, source=source)[0]
    except GeneratorError:
        return None


def fails(changes: list[Change] | tuple[Change, ...], fail_on: str) -> bool:
    """Whether ``--fail-on`` matches: ``breaking`` on any breaking change, ``warning`` on a warning or worse."""
    if fail_on == "never":
        return False
    worst = LEVELS.index(fail_on)  # type: ignore[arg-type]
    return any(LEVELS.index(c.level) <= worst for c in changes)


def document_of(raw: bytes, source: str) -> Document:
    """Load an OpenAPI 3 document for comparison; anything else is refused with one line."""
    doc = load_bytes(raw, source=source)
    version = doc.data.get("openapi")
    if not isinstance(version, str) or not version.startswith("3."):
        what = (
            "a Swagger 2.0 document"
            if "swagger" in doc.data
            else "not an OpenAPI 3 document (no 'openapi: 3.x' key)"
        )
        raise GeneratorError(
            f"{what}: diff compares OpenAPI 3.0 and 3.1 documents", source=source
        )
    return doc


def diff_specs(
    old: str,
    new: str,
    *,
    token: str = "",
    allow_insecure: bool = False,
    client: ClientSettings = DEFAULT_CLIENT,
) -> DiffReport:
    """Read two specs (paths, URLs or ``git:REF:path``) and compare them."""
    old_doc = document_of(*read_source(old, token=token, allow_insecure=allow_insecure))
    new_doc = document_of(*read_source(new, token=token, allow_insecure=allow_insecure))
    changes = diff_documents(
        old_doc.data,
        new_doc.data,
        old_source=old_doc.source,
        new_source=new_doc.source,
        client=client,
    )
    return DiffReport(
        tuple(changes),
        old_doc.source,
        new_doc.source,
        annotation_file(new),
        new_doc.line_of,
    )


def annotation_file(spec: str) -> str:
    """The repository file a GitHub annotation points at: the path of a local or ``git:`` spec."""
    if "://" in spec:
        return ""
    return (
        spec.split(":", 2)[2]
        if spec.startswith("git:") and spec.count(":") >= 2
        else spec
    )


# ----------------------------------------------------------------- update


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
) -> UpdateOutcome:
    """Fetch the schema; when it changed, diff it against the snapshot, write the snapshot and its
    lock, log the changes in ``CHANGES.md`` beside it, then build the client.
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
        raise GeneratorError(
            f"cannot read: {exc.strerror or exc}", source=spec
        ) from None
    current = hashlib.sha256(old_raw).hexdigest() if old_raw is not None else ""
    lock = read_lock(lock_path_for(path))
    etag = lock.get("etag", "") if current and lock.get("sha256") == current else ""
    result = fetch_schema(
        str(settings.get("base-url")),
        token=token,
        etag=etag,
        allow_insecure=allow_insecure,
        timeout=timeout,
    )
    digest = (
        hashlib.sha256(result.body).hexdigest() if result.status != 304 else current
    )
    if digest == current:
        return UpdateOutcome(None, f"{path}: up to date (sha256 {current[:12]})")
    new_doc = document_of(result.body, result.url)
    old_data = (
        document_of(old_raw, spec).data
        if old_raw is not None
        else {"openapi": new_doc.data["openapi"], "paths": {}}
    )
    changes = diff_documents(
        old_data, new_doc.data, old_source=spec, new_source=result.url, client=client
    )
    report = DiffReport(tuple(changes), spec, result.url, spec, new_doc.line_of)
    write_atomically(path, result.body)
    write_atomically(lock_path_for(path), lock_text(result, digest).encode("utf-8"))
    day = datetime.now(timezone.utc).strftime("%Y-%m-%d")
    log = append_changes(path.parent / "CHANGES.md", report, current, digest, day)
    from .pipeline import (
        run_build,
    )  # noqa: PLC0415 - the renderer and black only when building

    built = run_build(settings, check=False, strict=False, echo=echo)
    return UpdateOutcome(
        report,
        f"{path}: updated (sha256 {current[:12] or 'none'} -> {digest[:12]}); changes logged in {log}; {built.summary()}",
    )
