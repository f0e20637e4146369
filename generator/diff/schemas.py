"""Schema comparison for ``diff``: two schema graphs compared pair by pair, seen through ``views``.

Each pair of views is compared once (its own differences and the pairs below it); a walk from two
roots collects the differences on the first path that meets them, naming the branch they are in.
Recursive schemas are handled: cleanliness is settled per strongly connected component.
"""

from __future__ import annotations

import datetime
import re
from collections import deque
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, Iterator, NamedTuple

from generator.diff.rules import BOUNDS, HEADER_PROPERTY_KINDS, HIDDEN_KINDS, Direction, Finding
from generator.diff.views import (
    ANNOTATION_ONLY,
    NO_DEFAULT,
    SUBSCHEMA_MAPS,
    SUBSCHEMAS,
    WIDER_FORMATS,
    View,
    Views,
    show,
    value_key,
)
from generator.errors import unescape_pointer_token
from generator.spec.refs import child, node_at

if TYPE_CHECKING:
    from generator.diff.context import Policy

__all__ = ["NO_DEFAULT", "SchemaComparer", "View", "Views", "shape_of", "value_key"]
STABILITY = ("draft", "alpha", "beta", "stable")  # lowest first, as lifecycle.STABILITY_LEVELS
MATCH_ANYTHING = frozenset({".*", "^.*$", "^.*", ".*$", "(.*)", "^(.*)$", "[\\s\\S]*", "^[\\s\\S]*$"})


# ----------------------------------------------------------------- schema comparison


# (old pointer, new pointer, side): a side is a direction, or "request:read-only" / "response:write-only"
# for a property the direction does not see, where only HIDDEN_KINDS are reported
_PairKey = tuple[str, str, str]


@dataclass(frozen=True)
class _Edge:
    """A pair of sub-schemas to compare next: ``label`` extends the path (None keeps it).

    ``where`` names the branch the pair is in (``oneOf option `Dog```); ``side`` switches the side.
    """

    label: str | None
    old: View
    new: View
    owners: tuple[str, str] = ("", "")
    prop: str = ""
    where: str = ""
    side: str = ""


class _Step(NamedTuple):
    """A pair met on the walk from a root, with the place it was reached from."""

    old: View
    new: View
    side: str
    path: tuple[str, ...] = ()
    owners: tuple[str, str] = ("", "")
    prop: str = ""
    where: str = ""


class SchemaComparer:
    """Compares schema graphs pair by pair; each pair's own differences are computed once.

    A pair is *clean* when neither it nor anything it leads to differs; cleanliness is settled
    per strongly connected component of the pair graph (recursive schemas form cycles), so each
    operation's walk goes only where differences are.
    """

    def __init__(self, old: Views, new: Views, policy: Policy | None = None) -> None:
        self.old = old
        self.new = new
        self.policy = policy  # the deprecation policy; None: no minimum days
        self.unchanged: set[str] = set()  # pointers whose subgraph is equal in both documents
        self._local: dict[_PairKey, tuple[list[Finding], list[_Edge]]] = {}
        self._views: dict[_PairKey, tuple[View, View]] = {}
        self._clean: dict[_PairKey, bool] = {}

    def findings(self, old: tuple[Any, str], new: tuple[Any, str], direction: Direction) -> list[Finding]:
        """Every difference reachable from the two roots, each placed on the first path that meets it."""
        loose = loosely_typed(new[1])
        header = self._in_header(new[1])
        stability: str | None = None
        queue = deque([_Step(self.old.view(*old), self.new.view(*new), direction)])
        seen: set[_PairKey] = set()
        found: list[Finding] = []
        while queue:
            step = queue.popleft()
            key = self._pair_key(step.old, step.new, step.side)
            if key in seen or self.clean(key):
                continue
            seen.add(key)
            local, edges = self._local[key]
            for f in local:
                kind = "type-compatible" if loose and _text_compatible(f, direction) else f.kind
                if header and kind in HEADER_PROPERTY_KINDS and (step.path or f.path):
                    kind = "header:" + kind  # oasdiff names these for the properties of a header parameter
                if kind == "deprecated" and f.values:
                    stability = self._stability_at(new[1]) if stability is None else stability
                    f = self._sunset(f, stability)
                    kind = f.kind
                found.append(
                    replace(
                        f,
                        kind=kind,
                        path=step.path + f.path,
                        owners=f.owners if f.prop else step.owners,
                        prop=f.prop or step.prop,
                        detail=f.detail + (f" (in {step.where})" if step.where else ""),
                    )
                )
            for e in edges:
                side = e.side or step.side
                nxt = self._pair_key(e.old, e.new, side)
                if nxt in seen or self.clean(nxt):
                    continue  # most pairs below a difference are equal: no step for them
                queue.append(
                    _Step(
                        e.old,
                        e.new,
                        side,
                        step.path if e.label is None else step.path + (e.label,),
                        e.owners if e.prop else step.owners,
                        e.prop or step.prop,
                        f"{step.where}, {e.where}" if step.where and e.where else step.where or e.where,
                    )
                )
        return found

    def _in_header(self, root: str) -> bool:
        """Whether ``root`` is the schema of a header parameter."""
        found = re.fullmatch(r"(.*/parameters/[^/]+)/(?:schema|content/[^/]+/schema)", root)
        node = node_at(self.new.resolver.document, found.group(1)) if found else None
        return isinstance(node, dict) and node.get("in") == "header"

    def equivalent(self, old: tuple[Any, str], new: tuple[Any, str]) -> bool:
        """Whether two schemas accept and return the same data (descriptions aside)."""
        ov, nv = self.old.view(*old), self.new.view(*new)
        return all(self.clean(self._pair_key(ov, nv, d)) for d in ("request", "response"))

    def _pair_key(self, ov: View, nv: View, side: str) -> _PairKey:
        key = (ov.ptr, nv.ptr, side)
        if key not in self._views:
            self._views[key] = (ov, nv)
            if ov.ptr == nv.ptr and ov.ptr in self.unchanged:
                self._clean[key] = True
        return key

    def _successors(self, key: _PairKey) -> list[_PairKey]:
        if key not in self._local:
            ov, nv = self._views[key]
            self._local[key] = self._compare(ov, nv, key[2])
        return [self._pair_key(e.old, e.new, e.side or key[2]) for e in self._local[key][1]]

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

    def _compare(self, ov: View, nv: View, side: str) -> tuple[list[Finding], list[_Edge]]:
        """The differences of one pair and the pairs below it; a hidden side keeps only HIDDEN_KINDS."""
        direction, _, hidden = side.partition(":")
        out, edges = self._differences(ov, nv, "request" if direction == "request" else "response")
        if not hidden:
            return out, edges
        return [replace(f, kind=f"{hidden}:{f.kind}") for f in out if f.kind in HIDDEN_KINDS[hidden]], []

    def _differences(self, ov: View, nv: View, direction: Direction) -> tuple[list[Finding], list[_Edge]]:
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
        if not old_union and nv.one_of:  # wrapped in a oneOf: the old schema is compared with its option
            news = [self.new.view(*o) for o in nv.one_of]
            pairs = _match_options([ov], news)
            edges.extend(_Edge(None, o, n, where=f"oneOf option {_option_name(n)}") for o, n in pairs)
            kept = f", one of them {_option_name(pairs[0][1])}" if pairs else ""
            out.append(Finding("wrapped-in-one-of", at, f"was wrapped in a `oneOf` of {len(news)} options{kept}"))
            return out, edges
        if bool(old_union) != bool(new_union):  # unwrapped, or wrapped in an anyOf: compare as options
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
                "list-of-types-widened": "widened its list of types",
                "list-of-types-narrowed": "narrowed its list of types",
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
        out += _const_findings(ov, nv)
        out += _bound_findings(ov, nv)
        out += _pattern_findings(ov, nv)
        out += _default_findings(ov, nv)
        out += _discriminator_findings(ov, nv) + self._mapping_findings(ov, nv)
        out += _content_findings(ov, nv)
        out += _dependent_required_findings(ov, nv)
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
        out += self._all_of_findings(ov, nv)
        out += self._keyword_findings(ov, nv, edges)
        return out, edges

    def _property_findings(self, ov: View, nv: View, direction: Direction, edges: list[_Edge]) -> list[Finding]:
        out: list[Finding] = []
        owners = (ov.ptr, nv.ptr)
        hidden = "read-only" if direction == "request" else "write-only"
        for name in list(ov.props) + [n for n in nv.props if n not in ov.props]:
            old = self.old.view(*ov.props[name]) if name in ov.props else None
            new = self.new.view(*nv.props[name]) if name in nv.props else None
            was = old is not None and old.visible(direction)
            now = new is not None and new.visible(direction)
            old_req, new_req = name in ov.required, name in nv.required

            def note(kind: str, ptr: str, detail: str, required: bool, values: tuple[Any, ...] = ()) -> None:
                out.append(Finding(kind, ptr, detail, (name,), owners, name, required, values))

            if new is not None and old is None:
                prefix = "" if now else f"{hidden}:"
                with_default = ("default",) if new.default is not NO_DEFAULT else ()
                if now or hidden == "write-only":
                    added = (
                        "was added" + (" as required" if new_req else "") + (" with a default" if with_default else "")
                    )
                    note(prefix + "property-added", nv.props[name][1], added, new_req, with_default)
                continue
            if old is not None and new is None:
                if was or hidden == "write-only":
                    note(("" if was else f"{hidden}:") + "property-removed", ov.props[name][1], "was removed", old_req)
                continue
            assert old is not None and new is not None
            flip = _visibility_flip(old, new, direction)
            if flip and (was or now):
                detail = "became " + flip.removeprefix("became-").replace("not-", "not ")
                note(flip, nv.props[name][1], detail, new_req if "-not-" in flip else old_req)
            if not (was or now):
                if hidden == "write-only" and old_req != new_req:
                    verb = "required" if new_req else "optional"
                    note(f"write-only:became-{verb}", nv.props[name][1], f"became {verb}", new_req)
                edges.append(_Edge(name, old, new, owners, name, side=f"{direction}:{hidden}"))
                continue
            if not (was and now):
                continue
            if old_req != new_req:
                has_default = direction == "request" and new_req and new.default is not NO_DEFAULT
                note(
                    ("became-required" + ("-with-default" if has_default else "")) if new_req else "became-optional",
                    nv.props[name][1],
                    (
                        ("became required" + (" (it has a default)" if has_default else ""))
                        if new_req
                        else "became optional"
                    ),
                    new_req,
                )
            for kind, detail, values in self._lifecycle(old, new):
                note(kind, nv.props[name][1], detail, new_req, values)
            edges.append(_Edge(name, old, new, owners, name))
        return out

    @staticmethod
    def _lifecycle(old: View, new: View) -> list[tuple[str, str, tuple[Any, ...]]]:
        """Deprecation and stability of a property; ``deprecated`` carries (x-sunset, stability) for ``_sunset``."""
        found: list[tuple[str, str, tuple[Any, ...]]] = []
        if new.deprecated and not old.deprecated:
            found.append(("deprecated", "was deprecated", (new.sunset, new.stability)))
        elif old.deprecated and not new.deprecated:
            found.append(("reactivated", "is no longer deprecated", ()))
        if old.stability in STABILITY and new.stability in STABILITY and old.stability != new.stability:
            verb = "decreased" if STABILITY.index(new.stability) < STABILITY.index(old.stability) else "increased"
            text = f"had its stability level {verb} from `{old.stability}` to `{new.stability}`"
            found.append((f"stability-{verb}", text, (old.stability, new.stability)))
        return found

    def _sunset(self, f: Finding, stability: str) -> Finding:
        """A deprecation ruled by the policy, as ``lifecycle`` rules an operation's, for an operation of ``stability``."""
        from generator.diff import lifecycle  # it imports context, which imports this module

        sunset, own = f.values
        days = lifecycle.deprecation_days(self.policy, stability or own or "stable") if self.policy else 0
        date = lifecycle.sunset_date(sunset)
        if sunset is NO_DEFAULT:
            if days == 0:
                return replace(f, values=())
            return replace(f, kind="deprecated-sunset-missing", detail=f"{f.detail} without a sunset date", values=())
        if date is None:
            detail = f"{f.detail} with an invalid sunset date {show(sunset)}"
            return replace(f, kind="deprecated-sunset-invalid", detail=detail, values=())
        today = self.policy.today if self.policy else datetime.date.today()
        if (date - today).days < days:
            detail = f"{f.detail} with the sunset date {date}, less than {days} days away"
            return replace(f, kind="sunset-date-too-small", detail=detail, values=(str(date), days))
        detail = f"{f.detail} with the sunset date {date}"
        return replace(f, kind="deprecated-with-sunset", detail=detail, values=(str(date),))

    def _stability_at(self, root: str) -> str:
        """The ``x-stability-level`` of the operation a root pointer is in ("" when none)."""
        found = re.match(r"/paths/[^/]+/[^/]+", root)
        node = node_at(self.new.resolver.document, found.group(0)) if found else None
        level = node.get("x-stability-level") if isinstance(node, dict) else None
        return level if isinstance(level, str) else ""

    def _option_findings(self, key: str, olds: list[View], news: list[View], edges: list[_Edge]) -> list[Finding]:
        """Options of a union that appeared or went away; matched ones are compared next."""
        pairs = _match_options(olds, news)
        matched_old = {id(o) for o, _ in pairs}
        matched_new = {id(n) for _, n in pairs}
        word = "oneOf" if key == "one-of" else "anyOf"
        edges.extend(_Edge(None, o, n, where=f"{word} option {_option_name(n)}") for o, n in pairs)
        out: list[Finding] = []
        for verb, side, matched in (
            ("removed", olds, matched_old),
            ("added", news, matched_new),
        ):
            for v in (v for v in side if id(v) not in matched):
                name = _option_name(v)
                what = "lost" if verb == "removed" else "gained"
                out.append(Finding(f"{key}-{verb}", v.ptr, f"{what} the `{word}` option {name}", values=(name,)))
        return out

    def _mapping_findings(self, ov: View, nv: View) -> list[Finding]:
        """Discriminator values mapped to a different schema (a renamed but equal one is the same)."""
        old, new = ov.mapping or {}, nv.mapping or {}
        out: list[Finding] = []
        for key in sorted(k for k in old.keys() & new.keys() if old[k] != new[k]):
            targets = [_mapped(value) for value in (old[key], new[key])]
            refs = [({"$ref": "#" + t}, t) for t in targets]
            if all(targets) and self.equivalent(refs[0], refs[1]):
                continue
            detail = f"maps the discriminator value `{key}` to `{new[key]}` instead of `{old[key]}`"
            out.append(Finding("discriminator-mapping-changed", nv.ptr, detail, values=(key,)))
        return out

    def _all_of_findings(self, ov: View, nv: View) -> list[Finding]:
        """Members added to or removed from an ``allOf`` list (a restructured list is compared merged only)."""
        if not ov.all_of or not nv.all_of:
            return []
        olds = {self._member_key(self.old, m): m for m in ov.all_of}
        news = {self._member_key(self.new, m): m for m in nv.all_of}
        gone, came = [k for k in olds if k not in news], [k for k in news if k not in olds]
        if gone and came:
            return []
        out: list[Finding] = []
        for verb, keys, table, views in (("removed", gone, olds, self.old), ("added", came, news, self.new)):
            for k in keys:
                node, ptr = table[k]
                plain = isinstance(node, dict) and "$ref" not in node and set(node) <= ANNOTATION_ONLY
                name = _option_name(views.view(node, ptr))
                what = "gained" if verb == "added" else "lost"
                kind = f"all-of-{verb}" + ("-annotation-only" if plain else "")
                out.append(Finding(kind, ptr, f"{what} the `allOf` member {name}", values=(name,)))
        return out

    @staticmethod
    def _member_key(views: Views, member: tuple[Any, str]) -> str:
        node, ptr = views.target(*member)
        return "$ref:" + ptr if ptr != member[1] else value_key(node)

    def _keyword_findings(self, ov: View, nv: View, edges: list[_Edge]) -> list[Finding]:
        """The JSON Schema 2020-12 keywords holding sub-schemas: added, removed, or compared below."""
        out: list[Finding] = []
        names = {stem: keyword for keyword, stem in SUBSCHEMAS.items()}
        for stem in sorted(ov.subs.keys() | nv.subs.keys()):
            o, n = ov.subs.get(stem), nv.subs.get(stem)
            if o is None and n is not None:
                out.append(Finding(f"{stem}-added", n[1], f"got `{names[stem]}`: {show(n[0])}"))
            elif n is None and o is not None:
                out.append(Finding(f"{stem}-removed", o[1], f"lost `{names[stem]}`: {show(o[0])}"))
            elif o is not None and n is not None:
                if isinstance(o[0], dict) and isinstance(n[0], dict):
                    edges.append(_Edge(None, self.old.view(*o), self.new.view(*n), where=f"`{names[stem]}`"))
                elif value_key(o[0]) != value_key(n[0]):  # `false` (nothing allowed) against a schema
                    tighter = n[0] is False
                    kind = f"{stem}-{'added' if tighter else 'removed'}"
                    out.append(Finding(kind, n[1], f"changed `{names[stem]}` from {show(o[0])} to {show(n[0])}"))
        words = {stem: keyword for keyword, stem in SUBSCHEMA_MAPS.items()}
        for stem in sorted(ov.sub_maps.keys() | nv.sub_maps.keys()):
            olds, news = ov.sub_maps.get(stem, {}), nv.sub_maps.get(stem, {})
            for k in olds.keys() - news.keys():
                out.append(Finding(f"{stem}-removed", olds[k][1], f"lost the `{words[stem]}` entry `{k}`", values=(k,)))
            for k in news.keys() - olds.keys():
                out.append(Finding(f"{stem}-added", news[k][1], f"got the `{words[stem]}` entry `{k}`", values=(k,)))
            for k in sorted(olds.keys() & news.keys()):
                pair = (self.old.view(*olds[k]), self.new.view(*news[k]))
                edges.append(_Edge(None, *pair, where=f"`{words[stem]}` entry `{k}`"))
        olds_p, news_p = ov.prefix_items, nv.prefix_items
        for i in range(len(news_p), len(olds_p)):
            out.append(Finding("prefix-items-removed", olds_p[i][1], f"lost the `prefixItems` entry {i}", values=(i,)))
        for i in range(len(olds_p), len(news_p)):
            out.append(Finding("prefix-items-added", news_p[i][1], f"got the `prefixItems` entry {i}", values=(i,)))
        for i in range(min(len(olds_p), len(news_p))):
            edges.append(_Edge(f"[{i}]", self.old.view(*olds_p[i]), self.new.view(*news_p[i])))
        return out


def _mapped(value: str) -> str:
    """The pointer a discriminator mapping value names (a schema name or a local reference), "" for others."""
    if value.startswith("#/"):
        return value[1:]
    return "" if "/" in value or "#" in value else child("/components/schemas", value)


def loosely_typed(root: str) -> bool:
    """Whether a schema at ``root`` (a pointer) is text on the wire: a text or XML body, a response header."""
    if re.search(r"/responses/[^/]+/headers/[^/]+/schema$", root):
        return True
    found = re.search(r"/content/([^/]+)/schema$", root)
    media = unescape_pointer_token(found.group(1)).split(";")[0].strip().lower() if found else ""
    return media.startswith("text/") or media.endswith(("/xml", "+xml"))


def _text_compatible(f: Finding, direction: Direction) -> bool:
    """A type swap that text on the wire absorbs: any scalar read as a plain string, or sent where one was taken."""
    if f.kind != "type-changed":
        return False
    was, now = f.values[:2]
    return bool((was if direction == "response" else now) == "string")


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
    if (ov.type_list or nv.type_list) and (ot < nt or nt < ot):
        return "list-of-types-widened" if ot < nt else "list-of-types-narrowed"
    if _covers(ot, nt):
        return "type-generalized"
    if _covers(nt, ot):
        return "type-specialized"
    return "type-changed"


def _covers(inner: frozenset[str], outer: frozenset[str]) -> bool:
    """Every value of the ``inner`` types is a value of the ``outer`` ones (integers are numbers)."""
    return all(t in outer or (t == "integer" and "number" in outer) for t in inner)


def _enum_findings(ov: View, nv: View) -> list[Finding]:
    out = []
    if ov.x_enum is not None and nv.x_enum is not None:  # an open list: only a removal counts
        keys = {value_key(y) for y in nv.x_enum}
        for x in (x for x in ov.x_enum if value_key(x) not in keys):
            detail = f"lost the `x-extensible-enum` value {show(x)}"
            out.append(Finding("x-extensible-enum-value-removed", nv.ptr, detail, values=(x,)))
    return out + _closed_enum_findings(ov, nv)


def _closed_enum_findings(ov: View, nv: View) -> list[Finding]:
    if ov.enum is None and nv.enum is None:
        return []
    if ov.enum is None:
        shown = ", ".join(show(x) for x in nv.enum or ())
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
                    f"{what} the enum value {show(x)}",
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
            verb, detail = "set", f"got `{keyword}` {show(new)}"
        elif new is None:
            verb, detail = "unset", f"lost `{keyword}` (was {show(old)})"
        else:
            verb = "decreased" if new < old else "increased"
            detail = f"had `{keyword}` {verb} from {show(old)} to {show(new)}"
        out.append(Finding(f"{stem}-{verb}", nv.ptr, detail, values=(old, new, keyword)))
    return out


def _const_findings(ov: View, nv: View) -> list[Finding]:
    old, new = ov.const, nv.const
    if old is NO_DEFAULT and new is NO_DEFAULT:
        return []
    if old is NO_DEFAULT:
        return [Finding("const-added", nv.ptr, f"was fixed to the value {show(new)} (`const`)", values=(new,))]
    if new is NO_DEFAULT:
        return [Finding("const-removed", nv.ptr, f"is no longer fixed to {show(old)} (`const`)", values=(old,))]
    if value_key(old) == value_key(new):
        return []
    return [
        Finding("const-changed", nv.ptr, f"had its `const` changed from {show(old)} to {show(new)}", values=(new, old))
    ]


def _pattern_findings(ov: View, nv: View) -> list[Finding]:
    if ov.pattern == nv.pattern:
        return []
    if ov.pattern and nv.pattern in MATCH_ANYTHING:
        kind, detail = "pattern-generalized", f"had its pattern `{ov.pattern}` generalized to `{nv.pattern}`"
    elif ov.pattern and nv.pattern:
        kind, detail = "pattern-changed", f"had its pattern changed from `{ov.pattern}` to `{nv.pattern}`"
    elif nv.pattern:
        kind, detail = "pattern-added", f"got the pattern `{nv.pattern}`"
    else:
        kind, detail = "pattern-removed", f"lost its pattern `{ov.pattern}`"
    return [Finding(kind, nv.ptr, detail, values=(ov.pattern, nv.pattern, "pattern"))]


def _discriminator_findings(ov: View, nv: View) -> list[Finding]:
    old, new = ov.mapping, nv.mapping
    if old is None and new is None:
        return []
    if old is None:
        return [Finding("discriminator-added", nv.ptr, f"got a discriminator (`{nv.discriminator}`)")]
    if new is None:
        return [Finding("discriminator-removed", nv.ptr, f"lost its discriminator (`{ov.discriminator}`)")]
    out: list[Finding] = []
    if ov.discriminator and nv.discriminator and ov.discriminator != nv.discriminator:
        detail = f"tells its options apart by `{nv.discriminator}` instead of `{ov.discriminator}`"
        out.append(Finding("discriminator-property-name-changed", nv.ptr, detail))
    for key in sorted(new.keys() - old.keys()):
        out.append(
            Finding("discriminator-mapping-added", nv.ptr, f"maps the discriminator value `{key}`", values=(key,))
        )
    for key in sorted(old.keys() - new.keys()):
        detail = f"no longer maps the discriminator value `{key}`"
        out.append(Finding("discriminator-mapping-deleted", nv.ptr, detail, values=(key,)))
    return out


def _content_findings(ov: View, nv: View) -> list[Finding]:
    out = []
    for keyword, stem in (("contentMediaType", "content-media-type"), ("contentEncoding", "content-encoding")):
        old, new = ov.content.get(keyword), nv.content.get(keyword)
        if old != new:
            detail = f"changed `{keyword}` from `{old or '(none)'}` to `{new or '(none)'}`"
            out.append(Finding(f"{stem}-changed", nv.ptr, detail, values=(old, new)))
    return out


def _dependent_required_findings(ov: View, nv: View) -> list[Finding]:
    old, new = ov.dependent_required, nv.dependent_required
    out = []
    for key in sorted(new.keys() - old.keys()):
        detail = f"requires {_names(new[key])} whenever `{key}` is present (`dependentRequired`)"
        out.append(Finding("dependent-required-added", nv.ptr, detail, values=(key,)))
    for key in sorted(old.keys() - new.keys()):
        detail = f"no longer requires {_names(old[key])} whenever `{key}` is present (`dependentRequired`)"
        out.append(Finding("dependent-required-removed", nv.ptr, detail, values=(key,)))
    for key in sorted(k for k in old.keys() & new.keys() if set(old[k]) != set(new[k])):
        detail = f"requires {_names(new[key])} instead of {_names(old[key])} whenever `{key}` is present"
        out.append(Finding("dependent-required-changed", nv.ptr, detail, values=(key,)))
    return out


def _names(names: tuple[str, ...]) -> str:
    return ", ".join(f"`{n}`" for n in names) or "nothing"


def _default_findings(ov: View, nv: View) -> list[Finding]:
    old, new = ov.default, nv.default
    if old is NO_DEFAULT and new is NO_DEFAULT:
        return []
    if old is NO_DEFAULT:
        return [
            Finding(
                "default-value-added",
                nv.ptr,
                f"got the default {show(new)}",
                values=(None, new),
            )
        ]
    if new is NO_DEFAULT:
        return [
            Finding(
                "default-value-removed",
                nv.ptr,
                f"lost its default {show(old)}",
                values=(old, None),
            )
        ]
    if value_key(old) == value_key(new):
        return []
    return [
        Finding(
            "default-value-changed",
            nv.ptr,
            f"had its default changed from {show(old)} to {show(new)}",
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
    """``Cat`` for a component, else its title, else ``#2 object {cat, name}`` (position and shape)."""
    if v.ptr.startswith("/components/schemas/") and v.ptr.count("/") == 3:
        return f"`{v.ptr.rsplit('/', 1)[-1].replace('~1', '/').replace('~0', '~')}`"
    if v.title:
        return f"`{v.title}`"
    position = re.search(r"/(?:oneOf|anyOf|allOf)/(\d+)$", v.ptr)
    number = f"#{int(position.group(1)) + 1} " if position else ""
    names = ", ".join(list(v.props)[:3]) + (", ..." if len(v.props) > 3 else "")
    if v.enum is not None and not names:
        names = ", ".join(show(x) for x in v.enum[:3]) + (", ..." if len(v.enum) > 3 else "")
    if v.const is not NO_DEFAULT and not names:
        names = show(v.const)
    return f"`{number}{v.label()}" + (f" {{{names}}}`" if names else "`")


def shape_of(v: View) -> tuple[Any, ...]:
    """What tells union options apart: types, property names, enum values and constant."""
    return (
        v.types,
        frozenset(v.props),
        v.enum is not None and frozenset(value_key(x) for x in v.enum),
        v.const is not NO_DEFAULT and value_key(v.const),
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
        pairs.extend((o, n) for o, n in zip(left, right) if _alike(o, n))
    return pairs


def _alike(old: View, new: View) -> bool:
    """Whether two options at the same position are one option changed, not one replaced by another.

    Two different components, or two objects sharing less than half of their properties, are two options.
    """
    named = [v.ptr.startswith("/components/schemas/") and v.ptr.count("/") == 3 for v in (old, new)]
    if all(named):
        return False
    if old.props and new.props:
        return 2 * len(old.props.keys() & new.props.keys()) >= len(old.props.keys() | new.props.keys())
    return True
