"""Read an OpenAPI document (JSON or YAML) into plain data, safely and within bounds."""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Iterator
from urllib.parse import unquote, urljoin

import yaml  # type: ignore[import-untyped, unused-ignore]

from generator.errors import Diagnostic, GeneratorError, escape_pointer_token, join_pointer, unescape_pointer_token
from generator.spec.refs import MISSING, node_at
from generator.spec.swagger2 import convert, is_swagger2, source_pointer

MAX_BYTES = 64 * 1024 * 1024
# Real documents nest about 25 levels; 256 keeps the recursive later stages far from
# Python's recursion limit (1,000 frames) even at several frames per level.
MAX_DEPTH = 256
# YAML aliases may add this many nodes beyond the document's own before it is refused
# (a "billion laughs" document adds 10**9 from a few hundred bytes).
MAX_ALIAS_NODES = 1_000_000
MAX_FILE_REF_CHAIN = 64  # nested file references followed while bundling

# only the parser (libyaml's when present) is used; nodes are built by _build_from_events
_PARSER: Any = getattr(yaml, "CSafeLoader", None) or yaml.SafeLoader
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

    def line_of(self, pointer: str) -> int | None:
        """1-based line of the node at ``pointer`` (or of its nearest located ancestor)."""
        return self.source_line(source_pointer(self.origins, pointer) if self.origins else pointer)

    def source_line(self, pointer: str) -> int | None:
        """1-based line of ``pointer`` in the text as written (a pointer into ``original`` when converted)."""
        return _nearest_line(self.line_map(), pointer)

    def line_map(self) -> dict[str, int]:
        """Every pointer of the text as written with its line (made on first use: a second pass over the text)."""
        if not self._lines:
            self._lines.update(_line_map(self.raw))
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


def _nearest_line(lines: dict[str, int], pointer: str) -> int | None:
    probe = pointer
    while probe not in lines:
        if not probe:
            return None
        probe = probe[: probe.rfind("/")]
    return lines[probe]


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
) -> Document:
    """Parse ``raw`` (JSON or YAML) into a Document, enforcing the size, depth, alias and $ref bounds."""
    if len(raw) > max_bytes:
        raise GeneratorError(_too_big(len(raw), max_bytes), source=source)
    data, is_yaml = parse_bytes(raw, source)
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


def parse_bytes(raw: bytes, source: str) -> tuple[Any, bool]:
    """The plain data in ``raw`` and whether it was read as YAML (JSON is tried first)."""
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
                return _yaml_data(text, source), True
            except GeneratorError:
                if source.lower().endswith((".yaml", ".yml")):
                    raise
                raise _json_error(exc, source) from None
        _check_shape(data, source)
        return data, False
    return _yaml_data(text, source), True


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


# ----------------------------------------------------------------------------- YAML

_Y = "tag:yaml.org,2002:"
_WORDS: dict[str, Any] = {
    **dict.fromkeys(["", "~", "null", "Null", "NULL"], None),
    **dict.fromkeys("yes Yes YES true True TRUE on On ON".split(), True),
    **dict.fromkeys("no No NO false False FALSE off Off OFF".split(), False),
}
_NUMBER_RESOLVERS = [
    (tag, regexp)
    for tag, regexp in yaml.resolver.Resolver.yaml_implicit_resolvers.get("1", [])
    if tag in (_Y + "int", _Y + "float")
] + [
    (tag, regexp) for tag, regexp in yaml.resolver.Resolver.yaml_implicit_resolvers.get(".", []) if tag == _Y + "float"
]
_SCALAR_CONSTRUCTOR = yaml.constructor.SafeConstructor()
_COLLECTION_TAGS = {None, "!", _Y + "map", _Y + "seq"}


def _short_tag(tag: str) -> str:
    return "!!" + tag[len(_Y) :] if tag.startswith(_Y) else tag


def _plain_scalar(value: str) -> Any:
    """Resolve an untagged plain scalar as PyYAML's safe loader does, but keep timestamps as text."""
    word = _WORDS.get(value, _WORDS)
    if word is not _WORDS:
        return word
    if value[0] in "0123456789+-.":
        for tag, regexp in _NUMBER_RESOLVERS:
            if regexp.match(value):
                return _tagged_scalar(tag, value)
    return value


def _tagged_scalar(tag: str, value: str) -> Any:
    node = yaml.ScalarNode(tag, value)
    if tag == _Y + "int":
        return _SCALAR_CONSTRUCTOR.construct_yaml_int(node)
    if tag == _Y + "float":
        return _SCALAR_CONSTRUCTOR.construct_yaml_float(node)
    if tag == _Y + "bool":
        return _SCALAR_CONSTRUCTOR.construct_yaml_bool(node)
    return None  # null


class _Frame:
    """A collection being built from the event stream."""

    __slots__ = ("value", "key", "nodes_before", "height", "anchor", "merges")

    def __init__(self, value: Any, nodes_before: int, anchor: str | None) -> None:
        self.value = value
        self.key: Any = _Frame  # _Frame itself means "expecting a key"
        self.nodes_before = nodes_before
        self.height = 0
        self.anchor = anchor
        self.merges: list[Any] = []


def _yaml_data(text: str, source: str) -> Any:
    try:
        return _build_from_events(yaml.parse(text, Loader=_PARSER), source)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or exc.context or "malformed"
        where = f" (column {mark.column + 1})" if mark else ""
        raise GeneratorError(
            f"invalid YAML: {problem}{where}",
            source=source,
            line=mark.line + 1 if mark else None,
        ) from None
    except yaml.YAMLError as exc:
        raise GeneratorError(f"invalid YAML: {exc}", source=source) from None
    except RecursionError:  # the pure-Python parser recurses; the C one does not
        raise GeneratorError(f"nesting deeper than {MAX_DEPTH} levels", source=source) from None


def _build_from_events(events: Iterator[Any], source: str) -> Any:
    """Build plain data from parser events, iteratively, counting depth and alias expansion.

    Mapping keys stay the text that was written (``200:`` gives ``"200"``); an alias costs the
    size of what it repeats, so exponential alias trees are refused without being expanded.
    """
    stack: list[_Frame] = []
    # anchor name -> (value, expanded size in nodes, height)
    anchors: dict[str, tuple[Any, int, int]] = {}
    nodes = 0
    alias_nodes = 0
    documents = 0
    root: Any = None

    def fail(message: str, event: Any) -> GeneratorError:
        return GeneratorError(message, source=source, line=event.start_mark.line + 1)

    def attach(value: Any, height: int, event: Any) -> None:
        nonlocal root
        if not stack:
            root = value
            return
        frame = stack[-1]
        if len(stack) + height > MAX_DEPTH:
            raise fail(f"nesting deeper than {MAX_DEPTH} levels", event)
        frame.height = max(frame.height, height + 1)
        container = frame.value
        if type(container) is list:
            container.append(value)
        elif frame.key is _Frame:
            if isinstance(value, (dict, list)):
                raise fail("a mapping key must be a scalar, not a collection", event)
            frame.key = value if isinstance(value, str) else json.dumps(value)
        else:
            if frame.key == "<<" and type(event) is not yaml.ScalarEvent:
                frame.merges.append(value)
            else:
                container[frame.key] = value
            frame.key = _Frame

    for event in events:
        kind = type(event)
        if kind is yaml.ScalarEvent:
            nodes += 1
            if stack and type(stack[-1].value) is dict and stack[-1].key is _Frame:
                value: Any = event.value  # keys keep their text
            elif event.implicit[0]:
                value = _plain_scalar(event.value)
            elif event.tag in (None, "!", _Y + "str"):
                value = event.value
            elif event.tag in (_Y + "int", _Y + "float", _Y + "bool", _Y + "null"):
                value = _tagged_scalar(event.tag, event.value)
            else:
                raise fail(f"unsupported YAML tag {_short_tag(event.tag)}", event)
            if event.anchor:
                anchors[event.anchor] = (value, 1, 0)
            attach(value, 0, event)
        elif kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
            if event.tag not in _COLLECTION_TAGS:
                raise fail(f"unsupported YAML tag {_short_tag(event.tag)}", event)
            nodes += 1
            container: Any = {} if kind is yaml.MappingStartEvent else []
            if len(stack) >= MAX_DEPTH:
                raise fail(f"nesting deeper than {MAX_DEPTH} levels", event)
            attach(container, 0, event)
            stack.append(_Frame(container, nodes + alias_nodes, event.anchor))
        elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
            frame = stack.pop()
            if frame.merges:
                _apply_merges(frame, event, fail)
            if frame.anchor:
                size = nodes + alias_nodes - frame.nodes_before + 1
                anchors[frame.anchor] = (frame.value, size, frame.height)
            if stack:
                stack[-1].height = max(stack[-1].height, frame.height + 1)
        elif kind is yaml.AliasEvent:
            if event.anchor not in anchors:
                open_anchor = any(f.anchor == event.anchor for f in stack)
                why = "refers to a collection that contains it" if open_anchor else "is not defined"
                raise fail(f"YAML alias *{event.anchor} {why}", event)
            value, size, height = anchors[event.anchor]
            alias_nodes += size
            if alias_nodes > MAX_ALIAS_NODES + nodes:
                raise fail(
                    f"YAML aliases expand to more than {MAX_ALIAS_NODES:,} extra nodes (an alias bomb?)",
                    event,
                )
            attach(value, height, event)
        elif kind is yaml.DocumentStartEvent:
            documents += 1
            if documents > 1:
                raise fail("the file holds more than one YAML document", event)
    return root


def _apply_merges(frame: _Frame, event: Any, fail: Any) -> None:
    """YAML merge keys (``<<: *base``): the mapping's own keys win over merged ones."""
    merged: dict[str, Any] = {}
    sources = [m for item in frame.merges for m in (item if isinstance(item, list) else [item])]
    for source in reversed(sources):
        if not isinstance(source, dict):
            raise fail("a YAML merge key (<<) needs a mapping or a list of mappings", event)
        merged.update(source)
    merged.update(frame.value)
    frame.value.clear()
    frame.value.update(merged)


def _line_map(raw: bytes) -> dict[str, int]:
    """Map every JSON pointer of the text to the 1-based line of its key or item (none for one-line text)."""
    lines: dict[str, int] = {}
    if b"\n" not in raw.strip():
        return lines
    # frame: [pointer prefix, next item index or -1 for a mapping, pending key pointer or None]
    stack: list[list[Any]] = []
    try:
        for event in yaml.parse(raw, Loader=_PARSER):
            kind = type(event)
            if kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
                stack.pop()
                continue
            if not isinstance(event, (yaml.NodeEvent, yaml.CollectionStartEvent)):
                continue
            line = event.start_mark.line + 1
            if not stack:
                pointer = ""
                lines[pointer] = line
            else:
                frame = stack[-1]
                if frame[1] >= 0:
                    pointer = f"{frame[0]}/{frame[1]}"
                    frame[1] += 1
                    lines[pointer] = line
                elif frame[2] is None:
                    key = event.value if kind is yaml.ScalarEvent else "?"
                    key_pointer = f"{frame[0]}/{escape_pointer_token(key)}"
                    frame[2] = key_pointer
                    lines[key_pointer] = line
                    if kind is not yaml.ScalarEvent:
                        stack.append(["\x00", 0 if kind is yaml.SequenceStartEvent else -1, None])
                    continue
                else:
                    pointer, frame[2] = frame[2], None
            if kind is yaml.MappingStartEvent:
                stack.append([pointer, -1, None])
            elif kind is yaml.SequenceStartEvent:
                stack.append([pointer, 0, None])
    except (yaml.YAMLError, RecursionError):
        return {}
    return lines


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
            self.files[path], _ = parse_bytes(raw, shown)
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
        line = _nearest_line(_line_map(self.raws[file]), pointer)
        return GeneratorError(message, source=where, pointer=pointer, line=line)
