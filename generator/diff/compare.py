"""``diff``: compare two OpenAPI documents and report what changes, for the API and the client.

``diff_documents(old, new)`` returns ``Change`` values: a check id (oasdiff's where it has the
same check), a level (``breaking``, ``warning``, ``info``), the operation and JSON pointer it is
about, a one-line message and the impact on the generated client. Rule ids and levels are in
``rules`` (``levels``: oasdiff's where ours differ); the comparison in ``operations`` (its sections:
``lifecycle``, ``parameters``, ``bodies``, ``responses``, ``security``, ``document``) and ``schemas``;
client impact in ``impact`` and ``document_impact``; output formats in ``report`` (all in this package).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from generator.diff.context import Policy
from generator.diff.document_impact import described
from generator.diff.impact import ClientImpact
from generator.diff.levels import LevelScheme, level_in
from generator.diff.operations import compare_documents
from generator.diff.report import DiffReport
from generator.diff.rules import LEVELS, RULES, Level
from generator.errors import GeneratorError
from generator.parse.api import ClientSettings, build_ir
from generator.spec.load import Document, load_bytes
from generator.spec.sources import read_source

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
    definition: str = ""  # "#/components/...": the shared definition the change is in, else ""
    detail: str = ""  # what changed, the same in every operation a shared definition reaches
    method: str = ""  # the generated client method of ``operation`` ("client.pets.create()"), if any

    def as_dict(self) -> dict[str, str]:
        """The JSON form, keys in the documented order."""
        data = asdict(self)
        return {key: data[key] for key in JSON_KEYS}

    def group_key(self) -> tuple[str, str, str]:
        """Changes with the same key are one change reaching several operations: a change to a shared
        definition, or the same edit (same check and message) made in several operations."""
        return (self.id, self.definition, self.detail) if self.definition else (self.id, "", self.message)


JSON_KEYS = ("id", "level", "operation", "pointer", "definition", "message", "client_impact")


def definition_of(pointer: str) -> str:
    """The pointer of a reusable definition (under ``/components``) as a URI fragment, else ""."""
    return "#" + pointer if pointer.startswith("/components/") else ""


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
    policy: Policy | None = None,
    levels: LevelScheme = "ours",
) -> list[Change]:
    """Every change from ``old`` to ``new`` (loaded documents), sorted; raises GeneratorError on a broken ``$ref``.

    ``policy`` sets the deprecation days; ``levels="oasdiff"`` reports oasdiff's level for every id.
    """
    raw = compare_documents(old, new, old_source=old_source, new_source=new_source, policy=policy)
    same = old == new
    impact = ClientImpact(
        *(None if same else _client_of(doc, client, source) for doc, source in ((old, old_source), (new, new_source)))
    )
    # one change per place and detail in an operation, however many paths lead to it
    changes: dict[tuple[str, ...], Change] = {}
    for c in raw:
        detail = c.finding.detail if c.finding else c.message
        key = (c.operation, c.id, c.pointer, detail)
        if key not in changes:
            text = described(c, impact)
            changes[key] = Change(
                c.id,
                level_in(levels, c.id, c.level),
                c.operation,
                c.pointer,
                c.message,
                impact.of(c) if text is None else text,
                definition_of(c.pointer),
                detail,
                _method(impact, c.op_key),
            )
    for op, was, now in impact.renamed_methods():
        label = f"{op.http_method.upper()} {op.path}"
        message = f"the generated method `{was}` is now `{now}`"
        changes[(label, "client-method-renamed", op.pointer, now)] = Change(
            "client-method-renamed",
            level_in(levels, "client-method-renamed", RULES["client-method-renamed"]),
            label,
            op.pointer,
            message,
            f"calls to `{was}` raise AttributeError; call `{now}`",
            "",
            message,
            now,
        )
    return sorted(changes.values(), key=sort_key)


def _method(impact: ClientImpact, key: tuple[str, str] | None) -> str:
    """The generated method of an operation, in the new client or (removed) the old one."""
    sides = [side for side in (impact.new, impact.old) if side is not None]
    return next((call for call in (side.call(key) for side in sides) if call), "")


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
    worst = [str(level) for level in LEVELS].index(fail_on)
    return any(LEVELS.index(c.level) <= worst for c in changes)


def document_of(raw: bytes, source: str, like: Document | None = None) -> Document:
    """Load an OpenAPI 3 document for comparison; anything else is refused with one line.

    ``like``: the other version, already loaded; the parts of the text that are the same are not
    parsed again but shared with it (the diff only reads both)."""
    earlier = (like.outline, like.data) if like is not None and like.outline is not None else None
    doc = load_bytes(raw, source=source, earlier=earlier)
    version = doc.data.get("openapi")
    if not isinstance(version, str) or not version.startswith("3."):
        what = (
            "a Swagger 2.0 document" if "swagger" in doc.data else "not an OpenAPI 3 document (no 'openapi: 3.x' key)"
        )
        raise GeneratorError(f"{what}: diff compares OpenAPI 3.0 and 3.1 documents", source=source)
    return doc


def diff_specs(
    old: str,
    new: str,
    *,
    token: str = "",
    allow_insecure: bool = False,
    client: ClientSettings = DEFAULT_CLIENT,
    policy: Policy | None = None,
    levels: LevelScheme = "ours",
) -> DiffReport:
    """Read two specs (paths, URLs or ``git:REF:path``) and compare them."""
    old_doc = document_of(*read_source(old, token=token, allow_insecure=allow_insecure))
    new_doc = document_of(*read_source(new, token=token, allow_insecure=allow_insecure), like=old_doc)
    changes = diff_documents(
        old_doc.data,
        new_doc.data,
        old_source=old_doc.source,
        new_source=new_doc.source,
        client=client,
        policy=policy,
        levels=levels,
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
    return spec.split(":", 2)[2] if spec.startswith("git:") and spec.count(":") >= 2 else spec
