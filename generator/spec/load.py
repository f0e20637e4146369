"""Read an OpenAPI document (JSON or YAML) into plain data, safely and within bounds."""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Iterator
from urllib.parse import unquote, urljoin

from generator.errors import Diagnostic, GeneratorError, escape_pointer_token, join_pointer, unescape_pointer_token
from generator.spec.refs import MISSING, node_at
from generator.spec.reuse import Outline, outlined, reparsed
from generator.spec.swagger2 import convert, is_swagger2, source_pointer
from generator.spec.yamldata import MAX_ALIAS_NODES, MAX_DEPTH, nearest_line, pointer_lines, yaml_data

MAX_BYTES = 64 * 1024 * 1024
MAX_FILE_REF_CHAIN = 64  # nested file references followed while bundling

_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:")
_UTF8_BOM = b"\xef\xbb\xbf"
# Values of these keys are data (examples, defaults), not document structure: a "$ref" there is
# just a field of an example payload (GitHub's SCIM examples have them) and is never resolved.
_DATA_KEYS = frozenset({"example", "default", "enum", "const"})
# Keys whose value maps names to objects (a property may well be called "default").
_NAME_MAPS = frozenset(
    "properties patternProperties $defs definitions dependentSchemas schemas responses parameters"
    " examples headers requestBodies securitySchemes links callbacks pathItems paths webhooks"
    " content encoding variables".split()
)


@dataclass(frozen=True)
class Document:
    """A loaded document: plain dicts/lists/scalars plus where it came from."""

    data: dict[str, Any]
    source: str  # path or URL as the user gave it, for messages
    raw: bytes  # the exact bytes
    is_yaml: bool
    sha256: str  # of raw
    # (path under the spec's folder, sha256) of each file inlined by --allow-file-refs
    bundled: tuple[tuple[str, str], ...] = ()
    # a Swagger 2.0 document is converted on loading: ``data`` is the OpenAPI 3.0 result, ``original``
    # the document as written, ``origins`` maps a converted pointer to where it came from
    original: dict[str, Any] | None = field(default=None, repr=False, compare=False)
    origins: dict[str, str] = field(default_factory=dict, repr=False, compare=False)
    conversion_findings: tuple[Diagnostic, ...] = ()
    _lines: dict[str, int] = field(default_factory=dict, repr=False, compare=False)
    # where the YAML text's upper mappings have their entries, for a later load of a changed text
    # to parse only what changed (None: JSON, or a text that cannot be reused so)
    outline: Outline | None = field(default=None, repr=False, compare=False)

    def line_of(self, pointer: str) -> int | None:
        """1-based line of the node at ``pointer`` (or of its nearest located ancestor)."""
        return self.source_line(source_pointer(self.origins, pointer) if self.origins else pointer)

    def source_line(self, pointer: str) -> int | None:
        """1-based line of ``pointer`` in the text as written (a pointer into ``original`` when converted).

        Without a line map yet, a YAML text's outline finds the entry holding the pointer and only
        that entry's lines are read again."""
        if not self._lines and self.outline is not None:
            line = self.outline.line_of(pointer)
            if line is not None:
                return line
        return nearest_line(self.line_map(), pointer)

    def line_map(self) -> dict[str, int]:
        """Every pointer of the text as written with its line (made on first use: a second pass over the text)."""
        if not self._lines:
            self._lines.update(pointer_lines(self.raw))
            if not self._lines:
                self._lines[_UNLOCATED] = 0
        return self._lines

    def adopt_line_map(self, lines: dict[str, int]) -> None:
        """Take the line map another process made of this same text, unless one was made here."""
        if not self._lines:
            self._lines.update(lines)


def fragment_token(token: str) -> str:
    """A token of a ``$ref`` fragment: URI-decoded, then pointer-unescaped."""
    return unescape_pointer_token(unquote(token))


_UNLOCATED = "\x00"  # marks a line map that could not be built (text that is not YAML)


def load_document(path: str | Path, *, max_bytes: int = MAX_BYTES, allow_file_refs: bool = False) -> Document:
    """Read and parse the document at ``path``; relative file refs resolve under its folder."""
    source = str(path)
    raw = read_bounded(Path(path), source, max_bytes)
    return load_bytes(
        raw,
        source=source,
        max_bytes=max_bytes,
        allow_file_refs=allow_file_refs,
        base_dir=Path(path).resolve().parent,
    )


def load_bytes(
    raw: bytes,
    *,
    source: str,
    max_bytes: int = MAX_BYTES,
    allow_file_refs: bool = False,
    base_dir: Path | None = None,
    earlier: tuple[Outline, Any] | None = None,
) -> Document:
    """Parse ``raw`` (JSON or YAML) into a Document, enforcing the size, depth, alias and $ref bounds.

    ``earlier``: the outline and data of an earlier load of a similar text; the parts of the
    text that did not change reuse that data (which the result may share: pass a copy that
    nothing else holds). Not with file references, whose inlining changes the data."""
    if len(raw) > max_bytes:
        raise GeneratorError(_too_big(len(raw), max_bytes), source=source)
    data, is_yaml, outline = parse_bytes(raw, source, None if allow_file_refs else earlier)
    if not isinstance(data, dict):
        if data is None:
            raise GeneratorError("the document is empty", source=source)
        raise GeneratorError(
            f"the document is a {_kind(data)}, not a mapping; an OpenAPI document is a mapping at the top",
            source=source,
        )
    bundler = _Bundler(source, raw, base_dir, allow_file_refs, max_bytes - len(raw))
    bundler.bundle_root(data)
    doc = Document(
        data=data,
        source=source,
        raw=raw,
        is_yaml=is_yaml,
        sha256=hashlib.sha256(raw).hexdigest(),
        bundled=tuple(sorted(bundler.files_used.items())),
        outline=None if allow_file_refs else outline,
    )
    return converted(doc) if is_swagger2(data) else doc


def converted(doc: Document) -> Document:
    """A Swagger 2.0 document as OpenAPI 3.0, its conversion findings located in the text as written."""
    try:
        conversion = convert(doc.data)
    except GeneratorError as exc:
        first = exc.diagnostics[0]
        raise GeneratorError(
            first.message, source=doc.source, pointer=first.pointer, line=doc.source_line(first.pointer)
        ) from None
    findings = tuple(
        replace(d, source=doc.source, line=doc.source_line(d.pointer) if d.pointer else None)
        for d in conversion.findings
    )
    return replace(
        doc, data=conversion.data, original=doc.data, origins=dict(conversion.origins), conversion_findings=findings
    )


def parse_bytes(
    raw: bytes, source: str, earlier: tuple[Outline, Any] | None = None
) -> tuple[Any, bool, Outline | None]:
    """The plain data in ``raw``, whether it was read as YAML (JSON is tried first), and the
    YAML text's outline; ``earlier`` as for ``load_bytes``."""
    text = _decoded(raw, source)
    if not text.strip():
        raise GeneratorError("the document is empty", source=source)
    if text.lstrip()[:1] == "{":
        try:
            data = json.loads(text)
        except RecursionError:
            raise GeneratorError(f"nesting deeper than {MAX_DEPTH} levels", source=source) from None
        except json.JSONDecodeError as exc:
            if source.lower().endswith(".json"):
                raise _json_error(exc, source) from None
            try:
                return yaml_data(text, source), True, None
            except GeneratorError:
                if source.lower().endswith((".yaml", ".yml")):
                    raise
                raise _json_error(exc, source) from None
        _check_shape(data, source)
        return data, False, None
    if earlier is not None:
        reused = reparsed(text, earlier[0], earlier[1], source)
        if reused is not None:
            return reused[0], True, reused[1]
    data, outline = outlined(text, source)
    return data, True, outline


def read_bounded(path: Path, source: str, max_bytes: int) -> bytes:
    """The bytes of a local file, refused (one located line) when larger than ``max_bytes``."""
    try:
        with path.open("rb") as handle:
            raw = handle.read(max_bytes + 1)
    except IsADirectoryError:
        raise GeneratorError("is a directory, not a document", source=source) from None
    except FileNotFoundError:
        raise GeneratorError("no such file", source=source) from None
    except OSError as exc:
        raise GeneratorError(f"cannot read: {exc.strerror or exc}", source=source) from None
    if len(raw) > max_bytes:
        raise GeneratorError(_too_big(None, max_bytes), source=source)
    return raw


def _too_big(size: int | None, max_bytes: int) -> str:
    actual = f" ({size:,} bytes)" if size is not None else ""
    return f"the document is larger than the limit of {max_bytes:,} bytes{actual}"


def _decoded(raw: bytes, source: str) -> str:
    body = raw[len(_UTF8_BOM) :] if raw.startswith(_UTF8_BOM) else raw
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = body[: exc.start].count(b"\n") + 1
        bad = body[exc.start : exc.start + 1].hex()
        raise GeneratorError(
            f"the document is not UTF-8 text (byte 0x{bad} at offset {exc.start})",
            source=source,
            line=line,
        ) from None


def _json_error(exc: json.JSONDecodeError, source: str) -> GeneratorError:
    return GeneratorError(f"invalid JSON: {exc.msg} (column {exc.colno})", source=source, line=exc.lineno)


def _kind(value: Any) -> str:
    if isinstance(value, list):
        return "list"
    if isinstance(value, str):
        return "string"
    return type(value).__name__


# ----------------------------------------------------------------------------- $ref policy


@dataclass
class RefSite:
    """A ``{"$ref": ...}`` mapping found in the data, with where it sits."""

    parent: Any  # the dict or list holding it (None at the root)
    key: Any
    holder: dict[str, Any]
    pointer: str
    base: str  # the $id in force there, for JSON Schema 2020-12 style references


@dataclass
class RefIndex:
    """Where a document's ``$ref``s are, and the ``$id``/``$anchor`` names they may point to."""

    sites: list[RefSite]
    ids: dict[str, str]  # resolved $id -> pointer of the schema declaring it
    # "resolved $id#anchor" -> pointer of the schema declaring it
    anchors: dict[str, str]


def structural_dicts(data: Any) -> Iterator[tuple[dict[str, Any], Any, Any, str, str]]:
    """Every mapping that is document structure, not example/default data or a vendor extension:
    ``(mapping, parent, key in parent, JSON pointer, $id base URI in force)``, each once
    (a shared ``$ref`` mapping once per place it sits).
    """
    seen: set[int] = set()  # YAML aliases share objects: visit each once
    # (node, parent, key in parent, pointer, $id base, is the node a map of names?)
    todo: list[tuple[Any, Any, Any, str, str, bool]] = [(data, None, None, "", "", False)]
    while todo:
        node, parent, key, pointer, base, name_map = todo.pop()
        if id(node) in seen:
            if isinstance(node, dict) and not name_map and "$ref" in node:
                yield node, parent, key, pointer, base  # each place a shared $ref sits
            continue
        seen.add(id(node))
        if isinstance(node, list):
            for i, v in enumerate(node):
                if isinstance(v, (dict, list)):
                    todo.append((v, node, i, f"{pointer}/{i}", base, False))
            continue
        if not name_map:
            own_id = node.get("$id")
            if isinstance(own_id, str):
                base = urljoin(base, own_id).partition("#")[0]
            yield node, parent, key, pointer, base
        for k, v in node.items():
            if not isinstance(v, (dict, list)):
                continue
            if not name_map and (
                k in _DATA_KEYS
                or k.startswith("x-")
                or (k == "examples" and isinstance(v, list))
                or (k == "value" and pointer.rsplit("/", 2)[-2:-1] == ["examples"])
            ):
                continue  # example payloads, defaults, vendor extensions: data, not structure
            child = f"{pointer}/{escape_pointer_token(k)}"
            todo.append((v, node, k, child, base, k in _NAME_MAPS and not name_map))


def ref_index(data: Any) -> RefIndex:
    """Every string ``$ref`` in the document's structure, with the ``$id``s and ``$anchor``s declared."""
    index = RefIndex([], {}, {})
    for node, parent, key, pointer, base in structural_dicts(data):
        if isinstance(node.get("$id"), str):
            index.ids[base] = pointer
        for keyword in ("$anchor", "$dynamicAnchor"):  # a plain-name fragment names either (2020-12)
            anchor = node.get(keyword)
            if isinstance(anchor, str):
                index.anchors.setdefault(f"{base}#{anchor}", pointer)
        if isinstance(node.get("$ref"), str):
            index.sites.append(RefSite(parent, key, node, pointer, base))
    return index


def _check_shape(data: Any, source: str) -> None:
    """Refuse data nested deeper than MAX_DEPTH, or whose shared collections, counted each time
    they appear, add more than MAX_ALIAS_NODES collections to its distinct ones."""
    height: dict[int, int] = {}
    size: dict[int, int] = {}
    todo: list[tuple[Any, bool]] = [(data, False)]
    while todo:
        node, children_done = todo.pop()
        if id(node) in height:
            continue
        children = [c for c in (node.values() if isinstance(node, dict) else node) if isinstance(c, (dict, list))]
        if not children_done:
            todo.append((node, True))
            todo.extend((c, False) for c in children if id(c) not in height)
            continue
        h = 1 + max((height[id(c)] for c in children), default=0)
        if h > MAX_DEPTH:
            raise GeneratorError(f"nesting deeper than {MAX_DEPTH} levels", source=source)
        height[id(node)] = h
        size[id(node)] = 1 + sum(size[id(c)] for c in children)
    extra = size[id(data)] - len(size)
    if extra > MAX_ALIAS_NODES:
        raise GeneratorError(
            f"shared parts expand to more than {MAX_ALIAS_NODES:,} extra nodes",
            source=source,
        )


# a "$ref" key and a value starting with "#", as JSON and YAML write them
_INTERNAL_REF = re.compile(rb"""\$ref['"]?[ \t]*:[ \t]*['"]?#""")
# what could spell "$ref" or "#" without writing them: escapes, a double-quoted line continued
_HIDDEN = re.compile(rb"\\(?:[xuU]0*2[34]|\r?\n)")


def _internal_refs_only(raw: bytes) -> bool:
    """Whether the text's every "$ref" is written as a key whose value begins with "#": then no
    ref leads outside the document. Text that only mentions "$ref", or could spell it in another
    way, is not vouched for (the caller walks the data)."""
    return not _HIDDEN.search(raw) and raw.count(b"$ref") == len(_INTERNAL_REF.findall(raw))


class _Bundler:
    """Enforce the $ref policy; with permission, inline relative file refs under the spec's folder.

    A file ref is replaced by what it points to. A cycle across files (a schema that refers back to
    itself through other files) cannot be inlined: the schema it returns to is hoisted into the main
    document's ``components/schemas`` (under the name of the root component that refers to it, when
    one does, else its own name made unique) and every ref to it becomes a ref inside the document.
    """

    def __init__(self, source: str, raw: bytes, base_dir: Path | None, allowed: bool, budget: int) -> None:
        self.source = source
        self.raws: dict[Path | None, bytes] = {None: raw}  # for the line of an error
        self.root_dir = base_dir.resolve() if base_dir is not None else None
        self.allowed = allowed
        self.budget = budget  # bytes left for referenced files
        self.files: dict[Path, Any] = {}
        self.files_used: dict[str, str] = {}
        self.done: dict[tuple[Path, str], Any] = {}
        self.root: dict[str, Any] = {}
        self.hoisted: dict[tuple[Path, str], str] = {}  # target -> its name under components/schemas
        self.slots: dict[tuple[Path, str], str] = {}  # target -> the root component that is only a ref to it

    def bundle_root(self, data: dict[str, Any]) -> None:
        self.root = data
        if _internal_refs_only(self.raws[None]):
            return  # nothing to inline or refuse: the walk over every node is not needed
        self._bundle(data, None, ())
        if self.done:
            _check_shape(data, self.source)

    def _bundle(self, data: Any, file: Path | None, chain: tuple[tuple[Path, str], ...]) -> None:
        """Replace the file refs inside ``data`` (read from ``file``; None is the main document)."""
        index = ref_index(data)
        for site in index.sites:
            if site.parent is None:
                continue  # ``data`` itself is a ref: the caller follows it
            target = self._target(site, index.ids, file)
            if target is not None:
                slot = site.pointer.split("/")[1:]
                if file is None and len(slot) == 3 and slot[:2] == ["components", "schemas"] and len(site.holder) == 1:
                    self.slots.setdefault(target, fragment_token(slot[2]))
                node = self._resolved(target, chain, site, file)
                if target in self.hoisted and file is None and site.pointer == self._hoisted_pointer(target):
                    continue  # the root component the cycle was hoisted into: it holds the schema now
                siblings = {k: v for k, v in site.holder.items() if k != "$ref"}
                site.parent[site.key] = {**node, **siblings} if siblings and isinstance(node, dict) else node

    def _resolved(
        self,
        target: tuple[Path, str],
        chain: tuple[tuple[Path, str], ...],
        site: RefSite,
        file: Path | None,
    ) -> Any:
        """The node at ``target`` with the refs inside it bundled in turn (a ref when it is hoisted)."""
        if target in chain:
            return self._hoisted_ref(target)
        if len(chain) >= MAX_FILE_REF_CHAIN:
            raise self._error(f"more than {MAX_FILE_REF_CHAIN} nested file $refs", site, file)
        if target not in self.done:
            node = self._node_at(target, site, file)
            inner = RefSite(None, None, node, target[1], "") if isinstance(node, dict) else None
            if inner is not None and isinstance(node.get("$ref"), str):
                node = self._resolved(
                    self._target(inner, {}, target[0]) or target,
                    chain + (target,),
                    inner,
                    target[0],
                )
            else:
                self._bundle(node, target[0], chain + (target,))
            self.done[target] = node
            if target in self.hoisted:
                self._place(target, node)
        return self._hoisted_ref(target) if target in self.hoisted else self.done[target]

    def _hoisted_pointer(self, target: tuple[Path, str]) -> str:
        return join_pointer("components", "schemas", self.hoisted[target])

    def _hoisted_ref(self, target: tuple[Path, str]) -> dict[str, str]:
        """A ref inside the document to ``target``, hoisted into components/schemas on first need."""
        if target not in self.hoisted:
            schemas = self.root.setdefault("components", {}).setdefault("schemas", {})
            taken = set(schemas) | set(self.hoisted.values())
            name = self.slots.get(target)
            if name is None:
                stem = target[1].rsplit("/", 1)[-1] or target[0].stem
                name = fragment_token(stem) or "Schema"
                base, n = name, 2
                while name in taken:
                    name, n = f"{base}{n}", n + 1
            self.hoisted[target] = name
        return {"$ref": "#" + self._hoisted_pointer(target)}

    def _place(self, target: tuple[Path, str], node: Any) -> None:
        components = self.root.setdefault("components", {})
        if not isinstance(components, dict) or not isinstance(components.setdefault("schemas", {}), dict):
            raise GeneratorError("cannot bundle a $ref cycle: components/schemas is not a mapping", source=self.source)
        components["schemas"][self.hoisted[target]] = node

    def _target(self, site: RefSite, ids: dict[str, str], file: Path | None) -> tuple[Path, str] | None:
        """The (file, fragment) a ref needs inlined, or None when it stays a ref inside the document."""
        ref: str = site.holder["$ref"]
        uri, _, fragment = ref.partition("#")
        if not uri:
            return None if file is None else (file, fragment)
        if urljoin(site.base, uri) in ids:
            return None  # a schema's $id declared in the same document
        if _SCHEME.match(uri):
            raise self._error(
                f"$ref {ref!r} points outside the document; only refs inside it"
                " (or, with --allow-file-refs, to files under its folder) are followed",
                site,
                file,
            )
        if not self.allowed:
            raise self._error(
                f"$ref {ref!r} refers to another file; pass --allow-file-refs to bundle files"
                " under the spec's folder",
                site,
                file,
            )
        if self.root_dir is None:
            raise self._error(
                f"$ref {ref!r} refers to a file but the document was not read from a folder",
                site,
                file,
            )
        folder = file.parent if file is not None else self.root_dir
        path = (folder / unquote(uri)).resolve()
        if not path.is_relative_to(self.root_dir):
            raise self._error(f"$ref {ref!r} leads outside the spec's folder", site, file)
        return path, fragment

    def _node_at(self, target: tuple[Path, str], site: RefSite, file: Path | None) -> Any:
        path, fragment = target
        ref = site.holder["$ref"]
        if path not in self.files:
            shown = self._shown(path)
            try:
                raw = read_bounded(path, shown, self.budget)
            except GeneratorError as exc:
                raise self._error(f"$ref {ref!r}: {exc.diagnostics[0].message}", site, file) from None
            self.budget -= len(raw)
            self.files[path] = parse_bytes(raw, shown)[0]
            self.raws[path] = raw
            self.files_used[shown] = hashlib.sha256(raw).hexdigest()
        node = self.files[path]
        if fragment and not fragment.startswith("/"):
            raise self._error(
                f"$ref {ref!r}: only JSON-pointer fragments (#/...) can be bundled",
                site,
                file,
            )
        found = node_at(node, fragment, fragment_token)
        if found is MISSING:
            raise self._error(f"$ref {ref!r}: no such place in {self._shown(path)}", site, file)
        return found

    def _shown(self, path: Path) -> str:
        return path.relative_to(self.root_dir).as_posix() if self.root_dir else str(path)

    def _error(self, message: str, site: RefSite, file: Path | None) -> GeneratorError:
        where = self._shown(file) if file is not None else self.source
        pointer = site.pointer + join_pointer("$ref")
        line = nearest_line(pointer_lines(self.raws[file]), pointer)
        return GeneratorError(message, source=where, pointer=pointer, line=line)
