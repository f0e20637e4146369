"""Schema views for ``diff``: a schema seen with ``$ref`` followed, ``allOf`` merged and both dialects alike.

Renaming a component, inlining a reference, reordering keys or editing descriptions and examples
changes nothing: a ``View`` follows references, merges ``allOf`` and spells 3.0 ``nullable`` and
3.1 type lists alike, and a ``oneOf`` of constants reads as the enum it spells. ``Views`` builds and
caches the views of one document; ``schemas`` compares them.
"""

from __future__ import annotations

import json
from types import MappingProxyType
from typing import Any, Mapping

from generator.diff.rules import BOUNDS, Direction
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
EMPTY: Mapping[Any, Any] = MappingProxyType({})
# JSON Schema 2020-12 keywords holding one sub-schema: JSON keyword → kind stem
SUBSCHEMAS = {
    "contains": "contains",
    "contentSchema": "content-schema",
    "if": "if",
    "then": "then",
    "else": "else",
    "propertyNames": "property-names",
    "unevaluatedItems": "unevaluated-items",
    "unevaluatedProperties": "unevaluated-properties",
}
# keywords holding a map of sub-schemas: JSON keyword → kind stem
SUBSCHEMA_MAPS = {"dependentSchemas": "dependent-schema", "patternProperties": "pattern-property"}
# every keyword ``Views._keywords`` reads: most schemas have none of them
RARE_KEYWORDS = frozenset(
    set(SUBSCHEMAS)
    | set(SUBSCHEMA_MAPS)
    | {"x-sunset", "x-stability-level", "prefixItems", "dependentRequired", "contentMediaType", "contentEncoding"}
)
# 3.0 string formats and the 3.1 keywords that replace them (OpenAPI 3.1, "working with binary data")
CONTENT_FORMATS = {"binary": ("contentMediaType", "application/octet-stream"), "byte": ("contentEncoding", "base64")}
# an allOf member holding only these says nothing about the data
ANNOTATION_ONLY = ANNOTATIONS | {"deprecated", "x-sunset", "x-stability-level"}


class View:
    """A schema with ``$ref`` followed, ``allOf`` merged and both dialects' spellings unified.

    The keywords few schemas use are class-level, immutable defaults, replaced (never mutated) on the
    views of the schemas that have them.
    """

    all_of: tuple[tuple[Any, str], ...] = ()  # the members listed, before merging
    mapping: Mapping[str, str] | None = None  # None: no discriminator
    type_list = False  # declared as a list of several types (3.1)
    x_enum: tuple[Any, ...] | None = None
    const: Any = NO_DEFAULT
    sunset: Any = NO_DEFAULT
    stability = ""
    subs: Mapping[str, tuple[Any, str]] = EMPTY  # kind stem → sub-schema (SUBSCHEMAS)
    sub_maps: Mapping[str, Mapping[str, tuple[Any, str]]] = EMPTY  # kind stem → key → sub-schema
    prefix_items: tuple[tuple[Any, str], ...] = ()
    dependent_required: Mapping[str, tuple[str, ...]] = EMPTY
    content: Mapping[str, str] = EMPTY  # contentMediaType, contentEncoding
    title = ""

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
        v.type_list = len(v.types) > 1
        v.format = node["format"] if isinstance(node.get("format"), str) else ""
        v.title = node["title"] if isinstance(node.get("title"), str) else ""
        values = node.get("enum")
        if isinstance(values, list):
            v.nullable = v.nullable or None in values
            v.enum = tuple(x for x in values if x is not None)
        if "const" in node:
            v.nullable = v.nullable or node["const"] is None
            v.const = node["const"]
        if isinstance(node.get("x-extensible-enum"), list):
            v.x_enum = tuple(node["x-extensible-enum"])
        if not RARE_KEYWORDS.isdisjoint(node):
            self._keywords(v, node, ptr)
        if v.format in CONTENT_FORMATS or v.content:
            _content_spelling(v)
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
        if isinstance(disc, dict):
            v.discriminator = str(disc.get("propertyName", ""))
            v.mapping = {str(k): str(t) for k, t in mapping_of(disc.get("mapping")).items()}
        for key in ("oneOf", "anyOf"):
            options = node.get(key)
            if isinstance(options, list):
                listed = [(o, child(ptr, key, i)) for i, o in enumerate(options)]
                solid = [o for o in listed if not _is_null_schema(o[0])]
                if len(solid) < len(listed):
                    v.nullable = True
                nullable_idiom = len(solid) == 1 < len(listed) and not v.props and not v.types
                only = self._part(*solid[0], stack) if nullable_idiom else None
                constants = self._constants(solid)
                if only is not None:
                    self._merge(v, only)  # anyOf [X, null] is X, nullable
                elif constants is not None and v.enum is None:
                    v.enum = constants  # oneOf of consts: the enum it spells
                    v.types = v.types or frozenset(_json_type(x) for x in constants)
                else:
                    setattr(v, "one_of" if key == "oneOf" else "any_of", solid)
        if isinstance(node.get("allOf"), list):
            v.all_of = tuple((o, child(ptr, "allOf", i)) for i, o in enumerate(node["allOf"]))
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

    def _constants(self, options: list[tuple[Any, str]]) -> tuple[Any, ...] | None:
        """The values of a union whose every option is one constant (``const`` or a one-value enum), else None."""
        values: list[Any] = []
        for option in options:
            node, _ = self.target(*option)
            if not isinstance(node, dict) or set(node) & {"properties", "items", "oneOf", "anyOf", "allOf"}:
                return None
            if "const" in node:
                values.append(node["const"])
            elif isinstance(node.get("enum"), list) and len(node["enum"]) == 1:
                values.append(node["enum"][0])
            else:
                return None
        return tuple(values) if len(values) > 1 else None

    @staticmethod
    def _keywords(v: View, node: dict[str, Any], ptr: str) -> None:
        """The lifecycle extensions and the JSON Schema 2020-12 keywords of one schema."""
        if "x-sunset" in node:
            v.sunset = node["x-sunset"]
        if isinstance(node.get("x-stability-level"), str):
            v.stability = node["x-stability-level"]
        v.subs = {
            stem: (node[keyword], child(ptr, keyword))
            for keyword, stem in SUBSCHEMAS.items()
            if keyword in node and node[keyword] is not True and node[keyword] != {}
        }
        v.sub_maps = {
            stem: {str(k): (t, child(ptr, keyword, str(k))) for k, t in mapping_of(node.get(keyword)).items()}
            for keyword, stem in SUBSCHEMA_MAPS.items()
            if mapping_of(node.get(keyword))
        }
        if isinstance(node.get("prefixItems"), list):
            v.prefix_items = tuple((o, child(ptr, "prefixItems", i)) for i, o in enumerate(node["prefixItems"]))
        v.dependent_required = {
            str(k): tuple(str(x) for x in names)
            for k, names in mapping_of(node.get("dependentRequired")).items()
            if isinstance(names, list)
        }
        v.content = {k: node[k] for k in ("contentMediaType", "contentEncoding") if isinstance(node.get(k), str)}

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
        v.mapping = v.mapping if v.mapping is not None else part.mapping
        v.type_list = v.type_list or part.type_list
        v.x_enum = v.x_enum if v.x_enum is not None else part.x_enum
        if v.const is NO_DEFAULT:
            v.const = part.const
        if v.sunset is NO_DEFAULT:
            v.sunset = part.sunset
        v.stability = v.stability or part.stability
        v.subs = {**part.subs, **v.subs}
        v.sub_maps = {**part.sub_maps, **v.sub_maps}
        v.prefix_items = v.prefix_items or part.prefix_items
        v.dependent_required = {**part.dependent_required, **v.dependent_required}
        v.content = {**part.content, **v.content}


def mapping_of(value: Any) -> dict[Any, Any]:
    """``value`` when it is a mapping, else an empty one."""
    return value if isinstance(value, dict) else {}


def _json_type(value: Any) -> str:
    """The JSON Schema type of a JSON value."""
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, list):
        return "array"
    return "object" if isinstance(value, dict) else "string"


def _content_spelling(v: View) -> None:
    """3.0's ``format: binary``/``byte`` and 3.1's ``contentMediaType``/``contentEncoding`` spelled alike."""
    content = dict(v.content)
    for fmt, (keyword, value) in CONTENT_FORMATS.items():
        if v.format == fmt:
            content.setdefault(keyword, value)
        elif not v.format and keyword in content and (keyword == "contentMediaType" or content[keyword] == value):
            v.format = fmt
    v.content = content


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


def show(value: Any) -> str:
    """A JSON value as a message shows it, cut at 60 characters."""
    text = json.dumps(value, sort_keys=True, default=str, ensure_ascii=False)
    return text if len(text) <= 60 else text[:57] + "..."
