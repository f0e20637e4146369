"""Schema comparison for ``diff``: two schema graphs compared pair by pair, after ``$ref`` and ``allOf``.

Renaming a component, inlining a reference, reordering keys or editing descriptions and examples
changes nothing: a schema is seen through a ``View`` that follows references, merges ``allOf``
and spells both dialects (3.0 ``nullable``, 3.1 type lists) alike. Recursive schemas are
handled: pairs already met are not compared again.
"""

from __future__ import annotations

import json
from collections import deque
from dataclasses import dataclass, replace
from typing import Any, Iterator

from generator.diff.rules import BOUNDS, Direction, Finding
from generator.spec.refs import Resolver, child

ANNOTATIONS = frozenset(
    {
        "description",
        "summary",
        "title",
        "example",
        "examples",
        "$comment",
        "externalDocs",
        "xml",
    }
)
WIDER_FORMATS = {("int32", "int64"), ("float", "double")}
NO_DEFAULT = object()


class View:
    """A schema with ``$ref`` followed, ``allOf`` merged and both dialects' spellings unified."""

    __slots__ = ("ptr", "types", "nullable", "format", "enum", "enum_ptr", "bounds", "pattern", "default",
                 "props", "required", "read_only", "write_only", "deprecated", "items", "extra",
                 "one_of", "any_of", "discriminator")  # fmt: skip

    def __init__(self, ptr: str) -> None:
        self.ptr = ptr
        self.types: frozenset[str] = frozenset()  # empty: any type
        self.nullable = False
        self.format = ""
        self.enum: tuple[Any, ...] | None = None
        self.enum_ptr = ptr  # where the enum is declared (an allOf part, often)
        self.bounds: dict[str, float] = {}
        self.pattern = ""
        self.default: Any = NO_DEFAULT
        self.props: dict[str, tuple[Any, str]] = {}
        self.required: frozenset[str] = frozenset()
        self.read_only = False
        self.write_only = False
        self.deprecated = False
        self.items: tuple[Any, str] | None = None
        self.extra: tuple[Any, str] | None = None
        self.one_of: list[tuple[Any, str]] = []
        self.any_of: list[tuple[Any, str]] = []
        self.discriminator = ""

    def visible(self, direction: Direction) -> bool:
        """Whether a property with this schema takes part in a request or a response."""
        return not (self.read_only if direction == "request" else self.write_only)

    def label(self) -> str:
        kinds = "|".join(sorted(self.types)) or "any"
        return f"{kinds}/{self.format}" if self.format else kinds


class Views:
    """Builds and caches the views of one document."""

    def __init__(self, document: dict[str, Any], source: str) -> None:
        self.resolver = Resolver(document, source)
        self._cache: dict[str, View] = {}

    def target(self, node: Any, ptr: str) -> tuple[Any, str]:
        """Follow a bare ``$ref``; one with meaningful siblings stays (it is merged like allOf).

        A reference outside the document (which the loader leaves in place) is any value.
        """
        while isinstance(node, dict) and "$ref" in node and set(node) - ANNOTATIONS <= {"$ref"}:
            if Resolver.ref_pointer(node["$ref"]) is None:
                return {}, ptr
            node, ptr = self.resolver.deref({"$ref": node["$ref"]}, ptr)
        return node, ptr

    def view(self, node: Any, ptr: str, stack: tuple[str, ...] = ()) -> View:
        node, ptr = self.target(node, ptr)
        cached = self._cache.get(ptr)
        if cached is not None:
            return cached
        result = self._build(node, ptr, stack + (ptr,))
        self._cache[ptr] = result
        return result

    def _build(self, node: Any, ptr: str, stack: tuple[str, ...]) -> View:
        v = View(ptr)
        if not isinstance(node, dict):
            return v
        declared = node.get("type")
        types = [declared] if isinstance(declared, str) else [t for t in declared or [] if isinstance(t, str)]
        v.nullable = node.get("nullable") is True or "null" in types
        v.types = frozenset(t for t in types if t != "null")
        v.format = node["format"] if isinstance(node.get("format"), str) else ""
        values = [node["const"]] if "const" in node else node.get("enum")
        if isinstance(values, list):
            v.nullable = v.nullable or None in values
            v.enum = tuple(x for x in values if x is not None)
        v.bounds = _bounds(node)
        v.pattern = node["pattern"] if isinstance(node.get("pattern"), str) else ""
        v.default = node.get("default", NO_DEFAULT)
        props = node.get("properties")
        if isinstance(props, dict):
            v.props = {str(k): (p, child(ptr, "properties", str(k))) for k, p in props.items()}
        required = node.get("required")
        v.required = frozenset(r for r in required if isinstance(r, str)) if isinstance(required, list) else frozenset()
        v.read_only = node.get("readOnly") is True
        v.write_only = node.get("writeOnly") is True
        v.deprecated = node.get("deprecated") is True
        if "items" in node:
            v.items = (node["items"], child(ptr, "items"))
        if isinstance(node.get("additionalProperties"), dict):
            v.extra = (node["additionalProperties"], child(ptr, "additionalProperties"))
        disc = node.get("discriminator")
        v.discriminator = disc.get("propertyName", "") if isinstance(disc, dict) else ""
        for key in ("oneOf", "anyOf"):
            options = node.get(key)
            if isinstance(options, list):
                listed = [(o, child(ptr, key, i)) for i, o in enumerate(options)]
                solid = [o for o in listed if not _is_null_schema(o[0])]
                if len(solid) < len(listed):
                    v.nullable = True
                nullable_idiom = len(solid) == 1 < len(listed) and not v.props and not v.types
                only = self._part(*solid[0], stack) if nullable_idiom else None
                if only is not None:
                    self._merge(v, only)  # anyOf [X, null] is X, nullable
                else:
                    setattr(v, "one_of" if key == "oneOf" else "any_of", solid)
        parts = node.get("allOf")
        if "$ref" in node:
            parts = [{"$ref": node["$ref"]}] + (parts if isinstance(parts, list) else [])
        for i, part in enumerate(parts if isinstance(parts, list) else []):
            merged = self._part(part, child(ptr, "allOf", i) if "$ref" not in node else ptr, stack)
            if merged is not None:
                self._merge(v, merged)
        if not v.types and (v.props or v.extra):
            v.types = frozenset({"object"})
        elif not v.types and v.items is not None:
            v.types = frozenset({"array"})
        return v

    def _part(self, node: Any, ptr: str, stack: tuple[str, ...]) -> View | None:
        """The view of a part to merge, or None when it is one of the schemas being built (a cycle)."""
        node, ptr = self.target(node, ptr)
        return None if ptr in stack else self.view(node, ptr, stack)

    @staticmethod
    def _merge(v: View, part: View) -> None:
        """Fold an ``allOf`` part (or the one real option of a nullable union) into ``v``."""
        if not v.types:
            v.types = part.types
        elif part.types and v.types & part.types:
            v.types = v.types & part.types
        v.nullable = v.nullable or part.nullable
        v.format = v.format or part.format
        if v.enum is None and part.enum is not None:
            v.enum, v.enum_ptr = part.enum, part.enum_ptr
        v.bounds = {**part.bounds, **v.bounds}
        v.pattern = v.pattern or part.pattern
        if v.default is NO_DEFAULT:
            v.default = part.default
        v.props = {**part.props, **v.props}
        v.required = v.required | part.required
        v.read_only = v.read_only or part.read_only
        v.write_only = v.write_only or part.write_only
        v.deprecated = v.deprecated or part.deprecated
        v.items = v.items or part.items
        v.extra = v.extra or part.extra
        v.one_of = v.one_of or part.one_of
        v.any_of = v.any_of or part.any_of
        v.discriminator = v.discriminator or part.discriminator


def _is_null_schema(node: Any) -> bool:
    return isinstance(node, dict) and (node.get("type") == "null" or node.get("enum") == [None])


def _bounds(node: dict[str, Any]) -> dict[str, float]:
    """Numeric bounds, the 3.0 boolean ``exclusiveMinimum`` spelled as 3.1's number; 0 minima dropped."""
    found = {k: node[k] for k in BOUNDS if _number(node.get(k))}
    for flag, base in (
        ("exclusiveMinimum", "minimum"),
        ("exclusiveMaximum", "maximum"),
    ):
        if node.get(flag) is True and base in found:
            found[flag] = found.pop(base)
    for key in ("minLength", "minItems"):
        if found.get(key) == 0:
            del found[key]
    return found


def _number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def value_key(value: Any) -> str:
    """A canonical form of a JSON value: 1, 1.0, True and "1" stay apart; key order does not count."""
    return type(value).__name__ + json.dumps(value, sort_keys=True, default=str)


def _show(value: Any) -> str:
    text = json.dumps(value, sort_keys=True, default=str, ensure_ascii=False)
    return text if len(text) <= 60 else text[:57] + "..."


# ----------------------------------------------------------------- schema comparison


_PairKey = tuple[str, str, str]  # (old pointer, new pointer, direction)


@dataclass(frozen=True)
class _Edge:
    """A pair of sub-schemas to compare next: ``label`` extends the path (None keeps it)."""

    label: str | None
    old: View
    new: View
    owners: tuple[str, str] = ("", "")
    prop: str = ""


class SchemaComparer:
    """Compares schema graphs pair by pair; each pair's own differences are computed once.

    A pair is *clean* when neither it nor anything it leads to differs; cleanliness is settled
    per strongly connected component of the pair graph (recursive schemas form cycles), so each
    operation's walk goes only where differences are.
    """

    def __init__(self, old: Views, new: Views) -> None:
        self.old = old
        self.new = new
        self.unchanged: set[str] = set()  # pointers whose subgraph is equal in both documents
        self._local: dict[_PairKey, tuple[list[Finding], list[_Edge]]] = {}
        self._views: dict[_PairKey, tuple[View, View]] = {}
        self._clean: dict[_PairKey, bool] = {}

    def findings(self, old: tuple[Any, str], new: tuple[Any, str], direction: Direction) -> list[Finding]:
        """Every difference reachable from the two roots, each placed on the first path that meets it."""
        start: tuple[View, View, tuple[str, ...], tuple[str, str], str] = (
            self.old.view(*old),
            self.new.view(*new),
            (),
            ("", ""),
            "",
        )
        queue = deque([start])
        seen: set[_PairKey] = set()
        found: list[Finding] = []
        while queue:
            ov, nv, path, owners, prop = queue.popleft()
            key = self._pair_key(ov, nv, direction)
            if key in seen or self.clean(key):
                continue
            seen.add(key)
            local, edges = self._local[key]
            for f in local:
                found.append(
                    replace(
                        f,
                        path=path + f.path,
                        owners=f.owners if f.prop else owners,
                        prop=f.prop or prop,
                    )
                )
            for e in edges:
                sub = path if e.label is None else path + (e.label,)
                queue.append((e.old, e.new, sub, e.owners if e.prop else owners, e.prop or prop))
        return found

    def equivalent(self, old: tuple[Any, str], new: tuple[Any, str]) -> bool:
        """Whether two schemas accept and return the same data (descriptions aside)."""
        ov, nv = self.old.view(*old), self.new.view(*new)
        return all(self.clean(self._pair_key(ov, nv, d)) for d in ("request", "response"))

    def _pair_key(self, ov: View, nv: View, direction: str) -> _PairKey:
        key = (ov.ptr, nv.ptr, direction)
        if key not in self._views:
            self._views[key] = (ov, nv)
            if ov.ptr == nv.ptr and ov.ptr in self.unchanged:
                self._clean[key] = True
        return key

    def _successors(self, key: _PairKey) -> list[_PairKey]:
        if key not in self._local:
            ov, nv = self._views[key]
            self._local[key] = self._compare(ov, nv, "request" if key[2] == "request" else "response")
        return [self._pair_key(e.old, e.new, key[2]) for e in self._local[key][1]]

    def clean(self, root: _PairKey) -> bool:
        """Settle (Tarjan's algorithm, iteratively) whether ``root`` and all it reaches are equal."""
        if root in self._clean:
            return self._clean[root]
        index: dict[_PairKey, int] = {}
        low: dict[_PairKey, int] = {}
        stack: list[_PairKey] = []
        frames: list[tuple[_PairKey, Iterator[_PairKey]]] = []

        def enter(key: _PairKey) -> None:
            index[key] = low[key] = len(index)
            stack.append(key)
            frames.append((key, iter(self._successors(key))))

        enter(root)
        while frames:
            key, successors = frames[-1]
            for nxt in successors:
                if nxt in self._clean:
                    continue
                if nxt not in index:
                    enter(nxt)
                    break
                low[key] = min(low[key], index[nxt])
            else:
                frames.pop()
                if frames:
                    low[frames[-1][0]] = min(low[frames[-1][0]], low[key])
                if low[key] == index[key]:
                    members = {stack.pop()}
                    while key not in members:
                        members.add(stack.pop())
                    ok = all(not self._local[m][0] for m in members) and all(
                        self._clean[s] for m in members for s in self._successors(m) if s not in members
                    )
                    for m in members:
                        self._clean[m] = ok
        return self._clean[root]

    def _compare(self, ov: View, nv: View, direction: Direction) -> tuple[list[Finding], list[_Edge]]:
        out: list[Finding] = []
        at = nv.ptr
        if ov.nullable != nv.nullable:
            out.append(
                Finding(
                    "became-nullable" if nv.nullable else "became-not-nullable",
                    at,
                    "became nullable" if nv.nullable else "became not nullable",
                )
            )
        edges: list[_Edge] = []
        old_union, new_union = ov.one_of or ov.any_of, nv.one_of or nv.any_of
        if bool(old_union) != bool(new_union):  # wrapped in a union, or unwrapped: compare as options
            key = "one-of" if ov.one_of or nv.one_of else "any-of"
            olds = [self.old.view(*o) for o in old_union] or [ov]
            news = [self.new.view(*o) for o in new_union] or [nv]
            return out + self._option_findings(key, olds, news, edges), edges
        kind = _type_change(ov, nv)
        if kind:
            verb = {
                "type-changed": "changed type",
                "type-generalized": "widened its type",
                "type-specialized": "narrowed its type",
            }[kind]
            out.append(
                Finding(
                    kind,
                    at,
                    f"{verb} from `{ov.label()}` to `{nv.label()}`",
                    values=(ov.label(), nv.label()),
                )
            )
            if kind == "type-changed":
                return out, []
        out += _enum_findings(ov, nv)
        out += _bound_findings(ov, nv)
        if ov.pattern != nv.pattern:
            pkind = (
                "pattern-changed" if ov.pattern and nv.pattern else "pattern-added" if nv.pattern else "pattern-removed"
            )
            detail = {
                "pattern-changed": f"had its pattern changed from `{ov.pattern}` to `{nv.pattern}`",
                "pattern-added": f"got the pattern `{nv.pattern}`",
                "pattern-removed": f"lost its pattern `{ov.pattern}`",
            }[pkind]
            out.append(Finding(pkind, at, detail, values=(ov.pattern, nv.pattern, "pattern")))
        out += _default_findings(ov, nv)
        if nv.deprecated and not ov.deprecated:
            out.append(Finding("deprecated", at, "was deprecated"))
        if ov.discriminator and nv.discriminator and ov.discriminator != nv.discriminator:
            out.append(
                Finding(
                    "discriminator-property-name-changed",
                    at,
                    f"tells its options apart by `{nv.discriminator}` instead of `{ov.discriminator}`",
                )
            )
        if ov.props or nv.props:
            out += self._property_findings(ov, nv, direction, edges)
        if ov.items is not None and nv.items is not None:
            edges.append(_Edge("[]", self.old.view(*ov.items), self.new.view(*nv.items)))
        if ov.extra is not None and nv.extra is not None:
            edges.append(_Edge("{}", self.old.view(*ov.extra), self.new.view(*nv.extra)))
        for key, old_opts, new_opts in (
            ("one-of", ov.one_of, nv.one_of),
            ("any-of", ov.any_of, nv.any_of),
        ):
            if old_opts or new_opts:
                olds, news = [self.old.view(*o) for o in old_opts], [self.new.view(*o) for o in new_opts]
                out += self._option_findings(key, olds, news, edges)
        return out, edges

    def _property_findings(self, ov: View, nv: View, direction: Direction, edges: list[_Edge]) -> list[Finding]:
        out: list[Finding] = []
        owners = (ov.ptr, nv.ptr)
        for name in list(ov.props) + [n for n in nv.props if n not in ov.props]:
            old = self.old.view(*ov.props[name]) if name in ov.props else None
            new = self.new.view(*nv.props[name]) if name in nv.props else None
            was = old is not None and old.visible(direction)
            now = new is not None and new.visible(direction)
            old_req, new_req = name in ov.required, name in nv.required

            def note(kind: str, ptr: str, detail: str, required: bool) -> None:
                out.append(Finding(kind, ptr, detail, (name,), owners, name, required))

            if old is None or new is None:
                if now and new is not None:
                    note(
                        "property-added",
                        nv.props[name][1],
                        "was added" + (" as required" if new_req else ""),
                        new_req,
                    )
                elif was:
                    note("property-removed", ov.props[name][1], "was removed", old_req)
                continue
            flip = _visibility_flip(old, new, direction)
            if flip and (was or now):
                detail = "became " + flip.removeprefix("became-").replace("not-", "not ")
                note(
                    flip,
                    nv.props[name][1],
                    detail,
                    new_req if "-not-" in flip else old_req,
                )
            if not (was and now):
                continue
            if old_req != new_req:
                note(
                    "became-required" if new_req else "became-optional",
                    nv.props[name][1],
                    "became required" if new_req else "became optional",
                    new_req,
                )
            edges.append(_Edge(name, old, new, owners, name))
        return out

    @staticmethod
    def _option_findings(key: str, olds: list[View], news: list[View], edges: list[_Edge]) -> list[Finding]:
        """Options of a union that appeared or went away; matched ones are compared next."""
        pairs = _match_options(olds, news)
        matched_old = {id(o) for o, _ in pairs}
        matched_new = {id(n) for _, n in pairs}
        edges.extend(_Edge(None, o, n) for o, n in pairs)
        word = "oneOf" if key == "one-of" else "anyOf"
        out: list[Finding] = []
        for verb, side, matched in (
            ("removed", olds, matched_old),
            ("added", news, matched_new),
        ):
            for v in (v for v in side if id(v) not in matched):
                name = _option_name(v)
                what = "lost" if verb == "removed" else "gained"
                out.append(
                    Finding(
                        f"{key}-{verb}",
                        v.ptr,
                        f"{what} the `{word}` option {name}",
                        values=(name,),
                    )
                )
        return out


def _type_change(ov: View, nv: View) -> str:
    """``type-changed``, ``type-generalized``, ``type-specialized`` or "" for the type and format."""
    ot, nt = ov.types, nv.types
    if ot == nt:
        of, nf = ov.format, nv.format
        if of == nf or len(ot) > 1:
            return ""
        if not nf or (of, nf) in WIDER_FORMATS:
            return "type-generalized"
        if not of or (nf, of) in WIDER_FORMATS:
            return "type-specialized"
        return "type-changed"
    if not nt:
        return "type-generalized"
    if not ot:
        return "type-specialized"
    if _covers(ot, nt):
        return "type-generalized"
    if _covers(nt, ot):
        return "type-specialized"
    return "type-changed"


def _covers(inner: frozenset[str], outer: frozenset[str]) -> bool:
    """Every value of the ``inner`` types is a value of the ``outer`` ones (integers are numbers)."""
    return all(t in outer or (t == "integer" and "number" in outer) for t in inner)


def _enum_findings(ov: View, nv: View) -> list[Finding]:
    if ov.enum is None and nv.enum is None:
        return []
    if ov.enum is None:
        shown = ", ".join(_show(x) for x in nv.enum or ())
        return [
            Finding(
                "became-enum",
                nv.enum_ptr,
                f"was restricted to the values {shown}",
                values=tuple(nv.enum or ()),
            )
        ]
    if nv.enum is None:
        return [
            Finding(
                "became-not-enum",
                nv.enum_ptr,
                "is no longer restricted to a list of values",
            )
        ]
    old_keys = {value_key(x) for x in ov.enum}
    new_keys = {value_key(x) for x in nv.enum}
    out: list[Finding] = []
    for verb, values, other in (
        ("removed", ov.enum, new_keys),
        ("added", nv.enum, old_keys),
    ):
        for x in (x for x in values if value_key(x) not in other):
            what = "lost" if verb == "removed" else "gained"
            out.append(
                Finding(
                    f"enum-value-{verb}",
                    nv.enum_ptr,
                    f"{what} the enum value {_show(x)}",
                    values=(x,),
                )
            )
    return out


def _bound_findings(ov: View, nv: View) -> list[Finding]:
    out: list[Finding] = []
    for keyword, (stem, upper) in BOUNDS.items():
        old, new = ov.bounds.get(keyword), nv.bounds.get(keyword)
        if old == new:
            continue
        if old is None:
            verb, detail = "set", f"got `{keyword}` {_show(new)}"
        elif new is None:
            verb, detail = "unset", f"lost `{keyword}` (was {_show(old)})"
        else:
            verb = "decreased" if new < old else "increased"
            detail = f"had `{keyword}` {verb} from {_show(old)} to {_show(new)}"
        out.append(Finding(f"{stem}-{verb}", nv.ptr, detail, values=(old, new, keyword)))
    return out


def _default_findings(ov: View, nv: View) -> list[Finding]:
    old, new = ov.default, nv.default
    if old is NO_DEFAULT and new is NO_DEFAULT:
        return []
    if old is NO_DEFAULT:
        return [
            Finding(
                "default-value-added",
                nv.ptr,
                f"got the default {_show(new)}",
                values=(None, new),
            )
        ]
    if new is NO_DEFAULT:
        return [
            Finding(
                "default-value-removed",
                nv.ptr,
                f"lost its default {_show(old)}",
                values=(old, None),
            )
        ]
    if value_key(old) == value_key(new):
        return []
    return [
        Finding(
            "default-value-changed",
            nv.ptr,
            f"had its default changed from {_show(old)} to {_show(new)}",
            values=(old, new),
        )
    ]


def _visibility_flip(old: View, new: View, direction: Direction) -> str:
    """The readOnly/writeOnly change of a property, named as oasdiff names it ("" when none)."""
    for flag, name in (("read_only", "read-only"), ("write_only", "write-only")):
        was, now = getattr(old, flag), getattr(new, flag)
        if was != now:
            return f"became-{'' if now else 'not-'}{name}"
    return ""


def _option_name(v: View) -> str:
    """``Cat`` for a component, else ``object {cat, name}`` or the type."""
    if v.ptr.startswith("/components/schemas/") and v.ptr.count("/") == 3:
        return f"`{v.ptr.rsplit('/', 1)[-1]}`"
    names = ", ".join(list(v.props)[:3]) + (", ..." if len(v.props) > 3 else "")
    return f"`{v.label()}" + (f" {{{names}}}`" if names else "`")


def shape_of(v: View) -> tuple[Any, ...]:
    return (
        v.types,
        frozenset(v.props),
        v.enum is not None and frozenset(value_key(x) for x in v.enum),
    )


def _match_options(olds: list[View], news: list[View]) -> list[tuple[View, View]]:
    """Pair union options: same target, then same shape, then by position when the counts agree."""
    pairs: list[tuple[View, View]] = []
    left, right = list(olds), list(news)
    for same in (lambda a, b: a.ptr == b.ptr, lambda a, b: shape_of(a) == shape_of(b)):
        for o in list(left):
            match = next((n for n in right if same(o, n)), None)
            if match is not None:
                pairs.append((o, match))
                left.remove(o)
                right.remove(match)
    if len(left) == len(right):
        pairs.extend(zip(left, right))
    return pairs
