"""Check a loaded document: what makes generation impossible is an error, the rest are warnings."""

from __future__ import annotations

import concurrent.futures
import contextlib
import functools
import hashlib
import json
import multiprocessing
import os
import re
from dataclasses import replace
from pathlib import Path
from typing import Any, Iterator
from urllib.parse import unquote, urljoin

from generator.config import cache_dir
from generator.errors import Diagnostic, Level, join_pointer
from generator.lifetime import can_fork, die_with_parent
from generator.spec.load import Document, RefIndex, RefSite, ref_index, structural_dicts
from generator.spec.refs import MISSING as _MISSING
from generator.spec.refs import node_at
from generator.spec.structure import HTTP_METHODS, PATH_PLACEHOLDER, structure_findings, wrong_kind_level
from generator.spec.swagger2 import swagger2_findings
from generator.versions import installed_version

MAX_EXTERNAL = 50  # diagnostics kept from openapi-spec-validator; the rest are counted
MAX_MESSAGE = 200
SWAGGER2 = "Swagger 2.0 is not supported; convert it to OpenAPI 3 (e.g. with swagger2openapi)"
_VERSION = re.compile(r"3\.([01])(?:\.\d+)?(?:-[0-9A-Za-z.\-]+)?")
_COMPONENT_NAME = re.compile(r"[a-zA-Z0-9.\-_]+")
_KIND_NAMES = {
    "schemas": "a schema",
    "responses": "a response",
    "parameters": "a parameter",
    "requestBodies": "a request body",
    "headers": "a header",
    "examples": "an example",
    "securitySchemes": "a security scheme",
    "links": "a link",
    "callbacks": "a callback",
    "pathItems": "a path item",
}


def validate_document(doc: Document, *, strict: bool = False) -> list[Diagnostic]:
    """Every finding about ``doc``, located; with ``strict`` every warning is an error."""
    return start_validation(doc, strict=strict, background=False).result()


def start_validation(doc: Document, *, strict: bool = False, background: bool = True) -> Validation:
    """Validate ``doc``; with ``background`` the external pass overlaps whatever the caller does next."""
    return Validation(doc, strict, background)


class Validation:
    """A validation under way. Our own checks are done when it starts (``errors`` has what makes
    parsing impossible); openapi-spec-validator, which takes seconds on large documents, runs in
    a forked process meanwhile when it can; ``result`` waits for it and caches the whole.
    """

    def __init__(self, doc: Document, strict: bool, background: bool) -> None:
        self.doc, self.strict = doc, strict
        self.deferred = False  # whether our own checks run in the worker too (``errors`` is empty then)
        self._parts: list[concurrent.futures.Future[tuple[list[Diagnostic], int]]] = []
        self._located: _Background | None = None
        self._found = _cached_findings(doc)
        if self._found is not None:
            self._own = self._found
            return
        self.deferred = background and _native_available() and can_fork()
        if self.deferred:
            # our checks, the native engine, then every finding located, in a forked worker while
            # the caller parses; ``result`` has its errors (the caller asks before writing anything)
            self._own = []
            self._located = _Background(doc)
            return
        self._own, dialect, index = _own_checks(doc)
        if dialect:
            native, missing = _native_parts(doc.data, dialect, index)
            self._parts = [_done(part) for part in native]
            self._parts += _external_futures(doc.data, dialect, background, missing)
        else:
            self._found = _located(doc, self._own)
            _store_findings(doc, self._found)

    def errors(self) -> list[Diagnostic]:
        """Our own checks' errors, located: known before the external validator is done, unless
        they are made in the worker too (``deferred``: ``result`` has them)."""
        own = _located(self.doc, [d for d in self._own if d.level is Level.ERROR])
        return _finished(own, self.doc, False)

    def result(self) -> list[Diagnostic]:
        """Every finding (waiting for the external passes), cached by document hash."""
        if self._found is None and self._located is not None:
            try:
                self._found = self._located.result()
            except Exception:  # noqa: BLE001 - a crashed worker must not end the build: do it here
                self._own, dialect, index = _own_checks(self.doc)
                if dialect:
                    native, missing = _native_parts(self.doc.data, dialect, index)
                    self._parts = [_done(part) for part in native]
                    self._parts += _external_futures(self.doc.data, dialect, False, missing)
            else:
                _store_findings(self.doc, self._found)
        if self._found is None:
            parts = []
            for future in self._parts:
                try:
                    parts.append(future.result())
                except Exception as exc:  # noqa: BLE001 - a crashed worker must not end the build
                    parts.append(
                        ([_warning(f"openapi-spec-validator stopped early: {type(exc).__name__}: {exc}", "")], 0)
                    )
            self._found = _located(self.doc, self._own + _merged(parts))
            _store_findings(self.doc, self._found)
        return _finished(self._found, self.doc, self.strict)


def document_findings(doc: Document, *, engine: str = "") -> list[Diagnostic]:
    """All findings at their base level, uncached, with lines. ``engine`` "reference" runs only
    openapi-spec-validator, "native" only openapi-spec-validator-rs (ImportError when it is
    missing; the reference's findings for what it cannot locate), "" what a build runs."""
    found, dialect, index = _own_findings_and_index(doc.data)
    if dialect:
        found += _external_findings(doc.data, dialect, index, engine)
    return _located(doc, found)


def own_findings(data: Any) -> tuple[list[Diagnostic], str]:
    """Our checks (fast: they run before parsing) and the dialect ("3.0"/"3.1", "" when unknown)."""
    found, dialect, _ = _own_findings_and_index(data)
    return found, dialect


def _own_checks(doc: Document) -> tuple[list[Diagnostic], str, RefIndex]:
    """Our checks with a converted document's Swagger 2.0 findings, the dialect the validator is
    to check (none after an error: the build stops there), and the $ref index."""
    own, dialect, index = _own_findings_and_index(doc.data)
    own += swagger2_findings(doc)
    return own, "" if any(d.level is Level.ERROR for d in own) else dialect, index


def _own_findings_and_index(data: Any) -> tuple[list[Diagnostic], str, RefIndex]:
    """Our checks, the dialect, and the document's $ref index they were made with."""
    index = RefIndex([], {}, {})
    if not isinstance(data, dict):
        return [Diagnostic(Level.ERROR, f"the document is a {_kind(data)}, not a mapping")], "", index
    dialect, found = _version_findings(data)
    if dialect:
        index = ref_index(data)
        nodes = list(structural_dicts(data))  # one walk for the checks that need every mapping
        found += structure_findings(data)
        found += _ref_findings(data, index, nodes)
        found += _schema_findings(nodes)
        found += _operation_findings(data)
        found += _component_name_findings(data)
    return found, dialect, index


def _located(doc: Document, found: list[Diagnostic]) -> list[Diagnostic]:
    located = [replace(d, line=doc.line_of(d.pointer)) if d.pointer and d.line is None else d for d in found]
    # errors first, each group in document order; what has no line (counts, notes) last
    return sorted(located, key=lambda d: (d.level is not Level.ERROR, d.line is None, d.line or 0))


StructuralNode = tuple[dict[str, Any], Any, Any, str, str]  # what structural_dicts yields
_FORKED: tuple[Any, str] | None = None  # what forked workers validate: they inherit our memory


def _external_futures(
    data: Any, dialect: str, background: bool, parts: tuple[str, ...] = ()
) -> list[concurrent.futures.Future[tuple[list[Diagnostic], int]]]:
    """openapi-spec-validator's passes named in ``parts``, each in a forked process when the
    platform has fork and this process runs no other thread (forking a threaded process can
    deadlock the child); else one after the other, here."""
    global _FORKED
    if not parts:
        return []
    if background and can_fork():
        _import_external()  # once here rather than once in each worker
        _FORKED = (data, dialect)
        try:
            context = multiprocessing.get_context("fork")
            executor = concurrent.futures.ProcessPoolExecutor(
                max_workers=len(parts), mp_context=context, initializer=die_with_parent
            )
            futures = [executor.submit(_external_in_child, part) for part in parts]
            executor.shutdown(wait=False)
            return futures
        finally:
            _FORKED = None
    index = ref_index(data)
    return [_done(_external_part(data, dialect, index, part)) for part in parts]


_BACKGROUND: Document | None = None  # what the forked worker validates


def _native_available() -> bool:
    try:
        import openapi_spec_validator_rs  # noqa: F401
    except ImportError:
        return False
    return True


class _Background:
    """Our checks, the native engine's findings and every finding located, from a forked worker.
    A plain process and a pipe, no executor: an executor's thread here would keep the build from
    forking its own render worker meanwhile."""

    def __init__(self, doc: Document) -> None:
        global _BACKGROUND
        context = multiprocessing.get_context("fork")
        self._receiver, sender = context.Pipe(duplex=False)
        self._doc = doc
        _BACKGROUND = doc
        try:
            self._process = context.Process(target=_located_in_child, args=(sender,), daemon=True)
            self._process.start()
        finally:
            _BACKGROUND = None
            sender.close()

    def result(self) -> list[Diagnostic]:
        """The located findings; the document's line map comes too when the worker made one to
        locate them, so locating the parser's findings here costs nothing more."""
        try:
            found: list[Diagnostic] = self._receiver.recv()  # EOFError when the worker died
            self._doc.adopt_line_map(self._receiver.recv())
        finally:
            self._receiver.close()
            self._process.join()
        return found


def _located_in_child(sender: Any) -> None:
    assert _BACKGROUND is not None, "the worker was not forked from a validating process"
    die_with_parent()
    doc = _BACKGROUND
    own, dialect, index = _own_checks(doc)
    parts: list[tuple[list[Diagnostic], int]] = []
    if dialect:
        native, missing = _native_parts(doc.data, dialect, index)
        parts = native + [_external_part(doc.data, dialect, index, part) for part in missing]
    sender.send(_located(doc, own + _merged(parts)))
    # the line map, made now if no finding needed it; a YAML text with an outline finds a
    # pointer's line by reading only the entry holding it, and needs none
    sender.send({} if doc.outline is not None else doc.line_map())
    sender.close()


def _done(part: tuple[list[Diagnostic], int]) -> concurrent.futures.Future[tuple[list[Diagnostic], int]]:
    future: concurrent.futures.Future[tuple[list[Diagnostic], int]] = concurrent.futures.Future()
    future.set_result(part)
    return future


def _import_external() -> None:
    import jsonschema_path  # noqa: F401
    import openapi_spec_validator  # noqa: F401


def _external_in_child(part: str) -> tuple[list[Diagnostic], int]:
    assert _FORKED is not None, "the worker was not forked from a validating process"
    data, dialect = _FORKED
    return _external_part(data, dialect, ref_index(data), part)


def _finished(found: list[Diagnostic], doc: Document, strict: bool) -> list[Diagnostic]:
    level = Level.ERROR if strict else None
    return [replace(d, source=doc.source, level=level or d.level) for d in found]


def _error(message: str, *tokens: str | int) -> Diagnostic:
    return Diagnostic(Level.ERROR, message, join_pointer(*tokens))


def _warning(message: str, pointer: str) -> Diagnostic:
    return Diagnostic(Level.WARNING, message, pointer)


def _kind(value: Any) -> str:
    names: dict[type, str] = {dict: "mapping", list: "list", str: "string"}
    return names.get(type(value), type(value).__name__)


# ----------------------------------------------------------------------------- errors


def _version_findings(data: dict[str, Any]) -> tuple[str, list[Diagnostic]]:
    """The dialect ("3.0" or "3.1"), or "" with the error that refuses the document."""
    if "swagger" in data:
        return "", [_error(SWAGGER2, "swagger")]
    version = data.get("openapi")
    if version is None:
        return "", [_error("no 'openapi' version field: this is not an OpenAPI 3 document")]
    match = _VERSION.fullmatch(str(version))
    if match is None:
        return "", [
            _error(
                f"unsupported OpenAPI version {version!r}; supported: 3.0.x and 3.1.x",
                "openapi",
            )
        ]
    return f"3.{match.group(1)}", []


def resolve_ref(ref: str, base: str, index: RefIndex) -> str | None:
    """The JSON pointer a ``$ref`` names inside the document, or None when it names nothing known.

    ``#/...`` is read from the document root; ``uri#...`` through a schema's ``$id``, and a plain
    name fragment through ``$anchor`` (JSON Schema 2020-12 style, as OpenAPI 3.1 allows).
    """
    uri, _, fragment = ref.partition("#")
    resource = urljoin(base, uri) if uri else base
    prefix = ""
    if uri:
        if resource not in index.ids:
            return None
        prefix = index.ids[resource]
    if not fragment or fragment.startswith("/"):
        return prefix + unquote(fragment)
    return index.anchors.get(f"{resource}#{fragment}")


def _ref_findings(data: dict[str, Any], index: RefIndex, nodes: list[StructuralNode]) -> list[Diagnostic]:
    """Dangling refs, ref-only cycles and refs to the wrong kind of thing: all errors."""
    found: list[Diagnostic] = []
    by_pointer = {site.pointer: site for site in index.sites}
    cycles: set[frozenset[str]] = set()
    for site in index.sites:
        ref = site.holder["$ref"]
        at = site.pointer + "/$ref"
        target = resolve_ref(ref, site.base, index)
        if target is None or node_at(data, target) is _MISSING:
            found.append(Diagnostic(Level.ERROR, f"dangling $ref {ref!r}: the target does not exist", at))
            continue
        chain = _ref_chain(site, data, index, by_pointer)
        if chain and site.pointer in chain and frozenset(chain) not in cycles:
            cycles.add(frozenset(chain))
            path = " -> ".join("#" + p for p in chain + [chain[0]])
            found.append(
                Diagnostic(
                    Level.ERROR,
                    f"$ref cycle that never reaches a definition: {path}",
                    at,
                )
            )
        mismatch = _kind_mismatch(site.pointer, target)
        if mismatch:
            level = wrong_kind_level(_position_kind(site.pointer), node_at(data, target))
            fits = "; used as it fits" if level is Level.WARNING else ""
            found.append(Diagnostic(level, f"$ref {ref!r} {mismatch}{fits}", at))
    return found + _all_of_cycles(nodes, index, by_pointer)


def _ref_chain(site: RefSite, data: Any, index: RefIndex, by_pointer: dict[str, RefSite]) -> list[str]:
    """The ref-only cycle reached from ``site`` (empty when the chain ends at a definition)."""
    seen: list[str] = [site.pointer]
    current = site
    while True:
        target = resolve_ref(current.holder["$ref"], current.base, index)
        if target is None or target not in by_pointer:
            return []  # ends at a definition (or dangles, reported at its own site)
        if target in seen:
            return seen[seen.index(target) :]
        seen.append(target)
        current = by_pointer[target]


def _chain_end(pointer: str, index: RefIndex, by_pointer: dict[str, RefSite]) -> str:
    """Follow refs from ``pointer`` to the definition they lead to (bounded for cycles)."""
    for _ in range(len(by_pointer) + 1):
        site = by_pointer.get(pointer)
        target = resolve_ref(site.holder["$ref"], site.base, index) if site else None
        if target is None:
            return pointer
        pointer = target
    return pointer


def _position_kind(pointer: str) -> str | None:
    """What a ``$ref`` at ``pointer`` must name: "schemas", "parameters", ... or None if unknown."""
    tokens = pointer.split("/")[1:]
    if len(tokens) == 3 and tokens[0] == "components":
        return tokens[1] if tokens[1] in _KIND_NAMES else None
    if tokens[:1] == ["paths"] and len(tokens) >= 3:
        rest = tokens[2:]
        if rest[-2:-1] == ["parameters"] and rest[-1].isdigit() and len(rest) in (2, 3):
            return "parameters"
        if len(rest) == 3 and rest[0] in HTTP_METHODS and rest[1] == "responses":
            return "responses"
        if rest[1:] == ["requestBody"] and rest[0] in HTTP_METHODS:
            return "requestBodies"
    if "schema" in tokens or tokens[:2] == ["components", "schemas"]:
        return "schemas"
    return None


def _target_kind(pointer: str) -> str | None:
    tokens = pointer.split("/")[1:]
    if len(tokens) >= 3 and tokens[0] == "components" and tokens[1] in _KIND_NAMES:
        if len(tokens) == 3 or tokens[1] == "schemas" or "schema" in tokens[3:]:
            return "schemas" if len(tokens) > 3 else tokens[1]
        return None
    return "schemas" if "schema" in tokens else None


def _kind_mismatch(pointer: str, target: str) -> str:
    wanted, found = _position_kind(pointer), _target_kind(target)
    if wanted and found and wanted != found:
        return f"is used as {_KIND_NAMES[wanted]} but points to {_KIND_NAMES[found]}"
    return ""


def _all_of_cycles(nodes: list[StructuralNode], index: RefIndex, by_pointer: dict[str, RefSite]) -> list[Diagnostic]:
    """Schemas that contain themselves through ``allOf`` (a class cannot inherit from itself)."""
    edges: dict[str, list[str]] = {}
    for node, _parent, _key, pointer, _base in nodes:
        members = node.get("allOf")
        if isinstance(members, list):
            edges[pointer] = [_chain_end(f"{pointer}/allOf/{i}", index, by_pointer) for i in range(len(members))]
    found: list[Diagnostic] = []
    state: dict[str, int] = {}  # 1: on the current path, 2: finished
    for start in edges:
        if start in state:
            continue
        path: list[str] = [start]
        todo: list[Iterator[str]] = [iter(edges[start])]
        state[start] = 1
        while todo:
            nxt = next(todo[-1], None)
            if nxt is None:
                state[path.pop()] = 2
                todo.pop()
            elif state.get(nxt) == 1:
                cycle = path[path.index(nxt) :] + [nxt]
                found.append(
                    Diagnostic(
                        Level.ERROR,
                        "schema is in its own allOf chain: " + " -> ".join("#" + p for p in cycle),
                        nxt,
                    )
                )
            elif nxt not in state and nxt in edges:
                state[nxt] = 1
                path.append(nxt)
                todo.append(iter(edges[nxt]))
    return found


# ----------------------------------------------------------------------------- warnings


def _schema_findings(nodes: list[StructuralNode]) -> list[Diagnostic]:
    """``required`` naming a missing property; a ``default`` outside its ``enum``."""
    found = []
    for node, parent, _key, pointer, _base in nodes:
        required, properties = node.get("required"), node.get("properties")
        in_all_of = isinstance(parent, list) and pointer.rsplit("/", 2)[-2] == "allOf"
        if (
            not in_all_of
            and isinstance(required, list)
            and isinstance(properties, dict)
            and not any(k in node for k in ("allOf", "anyOf", "oneOf", "additionalProperties"))
        ):
            for i, name in enumerate(required):
                if isinstance(name, str) and name not in properties:
                    found.append(
                        _warning(
                            f"required property {name!r} is not among the properties",
                            f"{pointer}/required/{i}",
                        )
                    )
        enum = node.get("enum")
        if isinstance(enum, list) and "default" in node:
            default = node["default"]
            if default not in enum and not (default is None and node.get("nullable") is True):
                found.append(
                    _warning(
                        f"default {default!r} is not one of the enum values",
                        f"{pointer}/default",
                    )
                )
    return found


def _operation_findings(data: dict[str, Any]) -> list[Diagnostic]:
    """requestBody without content, duplicated operationId, path parameters that do not match."""
    found: list[Diagnostic] = []
    paths = data.get("paths")
    first_use: dict[str, str] = {}
    for path, item in paths.items() if isinstance(paths, dict) else ():
        if not isinstance(item, dict):
            continue
        shared = _path_params(data, item.get("parameters"), join_pointer("paths", path, "parameters"))
        template = set(PATH_PLACEHOLDER.findall(path))
        for method in HTTP_METHODS:
            operation = item.get(method)
            if not isinstance(operation, dict):
                continue
            where = join_pointer("paths", path, method)
            label = f"{method.upper()} {path}"
            found += _request_body_findings(data, operation, where)
            op_id = operation.get("operationId")
            if isinstance(op_id, str):
                if op_id in first_use:
                    found.append(
                        _warning(
                            f"operationId {op_id!r} is also used by {first_use[op_id]}",
                            where + "/operationId",
                        )
                    )
                else:
                    first_use[op_id] = label
            declared = {
                **shared,
                **_path_params(data, operation.get("parameters"), where + "/parameters"),
            }
            for name in sorted(template - set(declared)):
                found.append(
                    _warning(
                        f"path parameter {{{name}}} is in the path but not declared",
                        where,
                    )
                )
            for name in sorted(set(declared) - template):
                found.append(
                    _warning(
                        f"path parameter {name!r} is declared but not in the path {path!r}",
                        declared[name],
                    )
                )
    return found


def _path_params(data: Any, params: Any, pointer: str) -> dict[str, str]:
    """Names of the ``in: path`` parameters in a parameter list, with where each is declared."""
    out: dict[str, str] = {}
    for i, param in enumerate(params if isinstance(params, list) else ()):
        if isinstance(param, dict) and isinstance(param.get("$ref"), str):
            param = node_at(data, unquote(param["$ref"].partition("#")[2]))
        if isinstance(param, dict) and param.get("in") == "path" and isinstance(param.get("name"), str):
            out[param["name"]] = f"{pointer}/{i}"
    return out


def _request_body_findings(data: Any, operation: dict[str, Any], where: str) -> list[Diagnostic]:
    body = operation.get("requestBody")
    if isinstance(body, dict) and isinstance(body.get("$ref"), str):
        body = node_at(data, unquote(body["$ref"].partition("#")[2]))
    if isinstance(body, dict) and not body.get("content"):
        return [_warning("requestBody has no content", where + "/requestBody")]
    return []


def _component_name_findings(data: dict[str, Any]) -> list[Diagnostic]:
    components = data.get("components")
    found = []
    for section, entries in components.items() if isinstance(components, dict) else ():
        for name in (entries if section in _KIND_NAMES and isinstance(entries, dict) else ()):
            if not _COMPONENT_NAME.fullmatch(name):
                found.append(
                    _warning(
                        f"component name {name!r} has characters OpenAPI does not allow (letters, digits, . - _)",
                        join_pointer("components", section, name),
                    )
                )
    return found


EXTERNAL_PARTS = ("schema", "keywords")  # the document against the OpenAPI JSON Schema; the keyword checks


def _external_findings(data: dict[str, Any], dialect: str, index: RefIndex, engine: str = "") -> list[Diagnostic]:
    """openapi-spec-validator's findings (from the engine asked for), as warnings; at most
    MAX_EXTERNAL, then a count."""
    if engine == "reference":
        return _merged([_external_part(data, dialect, index, part) for part in EXTERNAL_PARTS])
    native, missing = _native_parts(data, dialect, index, required=engine == "native")
    return _merged(native + [_external_part(data, dialect, index, part) for part in missing])


def _native_parts(
    data: dict[str, Any], dialect: str, index: RefIndex, *, required: bool = False
) -> tuple[list[tuple[list[Diagnostic], int]], tuple[str, ...]]:
    """The passes openapi-spec-validator-rs answers, and the names of those left to the reference.

    The native engine runs both passes at once (milliseconds where the reference takes seconds)
    and reports the same errors in the same order, but the keyword pass's errors come without
    the place they were found at. Its schema pass is located by its own paths; a keyword error
    is located here when it is a ``default`` that fails its schema at the top (the mapping that
    holds it is found by value, and must be found exactly as often as it was reported). Any
    other keyword error leaves the keyword pass to the reference, which knows where it was.
    Without the wheel (ImportError, unless ``required``) both passes are the reference's.
    """
    try:
        from openapi_spec_validator_rs import _core
        from openapi_spec_validator_rs.exceptions import _from_core
    except ImportError:
        if required:
            raise
        return [], EXTERNAL_PARTS
    try:
        # no retriever that fetches: a $ref to another document is unresolvable, never read
        errors = [_from_core(e) for e in _core.validate(data, dialect, "", True, _refuse_retrieval)]
    except Exception:  # noqa: BLE001 - it stopped: the reference keeps what it found before stopping
        return [], EXTERNAL_PARTS
    # the schema pass's errors come first: up to the last one found in the document at its path
    split = 1 + max((i for i, e in enumerate(errors) if _in_document(data, e)), default=-1)
    schema_part = _native_findings(data, dialect, index, errors[:split])
    keyword_part = _native_keyword_findings(data, errors[split:])
    if keyword_part is None:
        return [schema_part], EXTERNAL_PARTS[1:]
    return [schema_part, keyword_part], ()


def _refuse_retrieval(uri: str) -> bytes:
    raise LookupError(f"not fetched: {uri}")


def _in_document(data: Any, error: Any) -> bool:
    """Whether a native error is one of the schema pass's: its instance is the document's value at
    its path, or one of that mapping's keys (``propertyNames``); the keyword pass's paths start
    at the default or schema it checked instead."""
    core = error._core
    if core is None or not core.has_details:
        return False
    node = node_at(data, join_pointer(*core.instance_path))
    if node is _MISSING:
        return False
    instance = core.instance()
    if "propertyNames" in core.schema_path:
        return isinstance(node, dict) and isinstance(instance, str) and instance in node
    return bool(node == instance)


def _native_findings(data: Any, dialect: str, index: RefIndex, errors: list[Any]) -> tuple[list[Diagnostic], int]:
    """Schema-pass findings located by their paths, as the reference's are."""
    found = []
    for error in errors[:MAX_EXTERNAL]:
        if error.context:  # jsonschema (a tenth of a second to import) only for errors with sub-errors
            from jsonschema.exceptions import best_match  # type: ignore[import-untyped, unused-ignore]

            error = _most_relevant(_as_jsonschema(error, dialect), best_match)
        found.append(_warning(_shortened(error.message), _definition_pointer(data, list(error.absolute_path), index)))
    return found, len(errors)


def _as_jsonschema(error: Any, dialect: str) -> Any:
    """A native error with its sub-errors as jsonschema's ``ValidationError``: what ``best_match``
    weighs them by (the instance's type among them) is jsonschema's own code."""
    if not error.context:
        return error
    from jsonschema import Draft4Validator, Draft202012Validator  # type: ignore[import-untyped, unused-ignore]
    from jsonschema.exceptions import ValidationError  # type: ignore[import-untyped, unused-ignore]

    # the dialect of the OpenAPI schema the document is checked against
    checker = (Draft202012Validator if dialect == "3.1" else Draft4Validator).TYPE_CHECKER

    def converted(e: Any) -> Any:
        made = ValidationError(
            e.message,
            validator=e.validator,
            path=e.relative_path,
            context=[converted(c) for c in e.context],
            validator_value=e.validator_value,
            instance=e.instance,
            schema=e.schema,
            schema_path=e.relative_schema_path,
        )
        made._set(type_checker=checker)
        return made

    return converted(error)


_OURS = ("DuplicateOperationIDError", "UnresolvableParameterError", "ExtraParametersError")


def _native_keyword_findings(data: Any, errors: list[Any]) -> tuple[list[Diagnostic], int] | None:
    """Keyword-pass findings when each is a top-level ``default`` failure whose schema mapping is
    found in the document as often as reported; None when the reference must locate them."""
    wanted: dict[str, list[Any]] = {}
    for error in errors:
        core = error._core
        if type(error).__name__ in _OURS:
            continue  # what our own checks report with a better place
        if core is None or not core.has_details or core.instance_path or core.context():
            return None
        schema = core.schema()
        if core.keyword == "enum":
            continue  # a default outside its enum: reported by our own checks at the default
        if not isinstance(schema, dict) or "default" not in schema or schema["default"] != core.instance():
            return None
        wanted.setdefault(_canonical(schema), []).append(error)
    if not wanted:
        return [], 0
    places: dict[str, list[str]] = {key: [] for key in wanted}
    for node, _parent, _key, pointer, _base in structural_dicts(data):
        if "default" in node:
            key = _canonical(node)
            if key in places:
                places[key].append(pointer)
    found: list[tuple[str, Diagnostic]] = []
    for key, group in wanted.items():
        if len(places[key]) != len(group):
            return None
        for error, pointer in zip(group, places[key]):
            found.append((pointer, _warning(_shortened(error.message), pointer)))
    total = len(found)
    return [d for _, d in sorted(found, key=lambda pd: pd[0])][:MAX_EXTERNAL], total


def _canonical(value: Any) -> str:
    return json.dumps(value, sort_keys=True, default=repr)


def _merged(parts: list[tuple[list[Diagnostic], int]]) -> list[Diagnostic]:
    found = [d for diagnostics, _ in parts for d in diagnostics]
    total = sum(count for _, count in parts)
    kept = found[:MAX_EXTERNAL] + [d for d in found[MAX_EXTERNAL:] if not d.pointer]  # "stopped early" notes
    if total > MAX_EXTERNAL:
        kept.append(_warning(f"... and {total - MAX_EXTERNAL} more from openapi-spec-validator", ""))
    return kept


def _external_part(data: dict[str, Any], dialect: str, index: RefIndex, part: str) -> tuple[list[Diagnostic], int]:
    """One pass of openapi-spec-validator: its first MAX_EXTERNAL findings and how many it had."""
    from jsonschema.exceptions import best_match  # type: ignore[import-untyped, unused-ignore]
    from jsonschema_path import SchemaPath
    from openapi_spec_validator import OpenAPIV30SpecValidator, OpenAPIV31SpecValidator
    from openapi_spec_validator.validation import exceptions as ose

    # what our own checks report with a better place
    ours = (ose.DuplicateOperationIDError, ose.UnresolvableParameterError, ose.ExtraParametersError)
    base = OpenAPIV31SpecValidator if dialect == "3.1" else OpenAPIV30SpecValidator
    located = {name: _locating(cls, SchemaPath) for name, cls in base.keyword_validators.items()}
    # no resolver handlers: the validator must never fetch a URL or read a file
    offline = type("OfflineValidator", (base,), {"resolver_handlers": {}, "keyword_validators": located})
    validator = offline(data)
    found: list[Diagnostic] = []
    total = 0
    try:
        # the keyword checks (defaults, schemas against their dialect) are located by the schema they were in
        if part == "schema":
            errors = validator.schema_validator.iter_errors(data)
        else:
            errors = validator.root_validator(validator.schema_path)
        for error in errors:
            place = getattr(error, _PLACE, ())
            if isinstance(error, ours) or (place and error.validator == "enum" and not error.absolute_path):
                continue  # the last: a default outside its enum, which we report at the default
            total += 1
            if total <= MAX_EXTERNAL:
                error = _most_relevant(error, best_match)
                pointer = _definition_pointer(data, [*place, *error.absolute_path], index)
                found.append(_warning(_shortened(error.message), pointer))
    except Exception as exc:  # noqa: BLE001 - a third-party validator must not end the build
        message = f"openapi-spec-validator stopped early: {type(exc).__name__}: {_shortened(str(exc))}"
        found.append(_warning(message, ""))
    return found, total


_PLACE = "spiritme_place"  # attribute set on a keyword validator's error: the path it was found at


def _locating(cls: type, schema_path: type[Any]) -> type:
    """A keyword validator that stamps each error it yields with the path it was checking."""

    def __call__(self: Any, *args: Any, **kwargs: Any) -> Iterator[Any]:
        at = next((a for a in args if isinstance(a, schema_path)), None)
        for error in cls.__call__(self, *args, **kwargs):
            if at is not None and not hasattr(error, _PLACE):
                setattr(error, _PLACE, at.parts)
            yield error

    return type(cls.__name__, (cls,), {"__call__": __call__})


def _definition_pointer(data: Any, tokens: list[Any], index: RefIndex) -> str:
    """The pointer of a logical path, following $refs met on the way to where things are defined."""
    node, pointer = data, ""
    for token in tokens:
        key = str(token)
        hops = 0
        while isinstance(node, dict) and key not in node and isinstance(node.get("$ref"), str) and hops < 64:
            target = resolve_ref(node["$ref"], "", index)
            if target is None:
                break
            node, pointer, hops = node_at(data, target), target, hops + 1
        if isinstance(node, dict) and key in node:
            node = node[key]
        elif isinstance(node, list) and isinstance(token, int) and token < len(node):
            node = node[token]
        else:
            node = _MISSING
        pointer += join_pointer(token)
    return pointer


def _most_relevant(error: Any, best_match: Any) -> Any:
    """Descend oneOf/anyOf failures to the sub-error that explains them, skipping the
    "'$ref' is a required property" of the Reference alternative when there is no $ref.
    """
    while error.context:
        candidates = [e for e in error.context if not (e.validator == "required" and e.validator_value == ["$ref"])]
        error = best_match(candidates or error.context)
    return error


def _shortened(message: str) -> str:
    message = " ".join(message.split())
    return message if len(message) <= MAX_MESSAGE else message[: MAX_MESSAGE - 1] + "…"


# ----------------------------------------------------------------------------- cache


@functools.lru_cache(maxsize=1)
def _code_version() -> str:
    """The validator's version and our own checks' source: any change invalidates the cache."""
    external = " ".join(
        installed_version(name, name.replace("-", "_"))
        for name in ("openapi-spec-validator", "openapi-spec-validator-rs")
    )
    digest = hashlib.sha256(external.encode())
    for module in ("load.py", "validate.py", "swagger2.py", "structure.py"):
        digest.update((Path(__file__).parent / module).read_bytes())
    return digest.hexdigest()


def _cache_path(doc: Document) -> Path:
    key = hashlib.sha256(json.dumps([doc.sha256, doc.bundled, _code_version()]).encode()).hexdigest()
    return cache_dir() / f"validate-{key[:32]}.json"


def _cached_findings(doc: Document) -> list[Diagnostic] | None:
    try:
        rows = json.loads(_cache_path(doc).read_text(encoding="utf-8"))
        return [Diagnostic(Level(level), message, pointer, "", line) for level, message, pointer, line in rows]
    except (OSError, ValueError, TypeError):
        return None


def _store_findings(doc: Document, found: list[Diagnostic]) -> None:
    """Write the cache entry atomically; a cache that cannot be written is no error."""
    path = _cache_path(doc)
    rows = [[d.level.value, d.message, d.pointer, d.line] for d in found]
    temp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temp.write_text(json.dumps(rows), encoding="utf-8")
        os.replace(temp, path)
    except OSError:
        with contextlib.suppress(OSError):
            temp.unlink(missing_ok=True)
