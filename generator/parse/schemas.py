"""JSON Schema (OpenAPI 3.0 and 3.1 dialects) → IR types, models and enums.

One builder per document. Component schemas become models or enums named after the
component; inline object schemas get names derived from where they sit. A schema used
both to send and to receive is split (``Pet`` / ``PetRequest``) only when the two views
differ: read-only or write-only properties, or constraints (requests enforce them,
responses stay lenient).
"""

from __future__ import annotations

from typing import Any, Callable, Iterator, Literal
from urllib.parse import quote, unquote

from generator import ir
from generator.errors import Diagnostic, GeneratorError, Level, escape_pointer_token, unescape_pointer_token
from generator.parse import names
from generator.spec.refs import Resolver, child

Mode = Literal["request", "response", "shared"]

CONSTRAINT_KEYS = {
    "minLength": "min_length",
    "maxLength": "max_length",
    "pattern": "pattern",
    "minimum": "minimum",
    "maximum": "maximum",
    "minItems": "min_items",
    "maxItems": "max_items",
}
SPLIT_MARKERS = frozenset({"readOnly", "writeOnly", "exclusiveMinimum", "exclusiveMaximum", *CONSTRAINT_KEYS})
VALUE_KEYS = frozenset({"example", "examples", "default", "enum", "const", "x-examples"})
STRING_FORMATS = {
    "date-time": ir.DateTime("datetime"),
    "date": ir.DateTime("date"),
    "time": ir.DateTime("time"),
    "uuid": ir.DateTime("UUID"),
    "decimal": ir.DateTime("Decimal"),
}
COMPONENT_PREFIX = "/components/schemas/"
ANY = ir.primitive("Any")
NONE = ir.primitive("None")


def _no_digest(node: Any) -> bytes:
    raise AssertionError("a replaying parse sets SchemaBuilder.node_digest")


def walk_refs(node: Any) -> Iterator[str]:
    """Every internal ``$ref`` target in a subtree (not following them); skips example values."""
    stack = [node]
    while stack:
        cur = stack.pop()
        if isinstance(cur, dict):
            ref = cur.get("$ref")
            if isinstance(ref, str):
                target = Resolver.ref_pointer(ref)
                if target is not None:
                    yield target
            stack.extend(v for k, v in cur.items() if k not in VALUE_KEYS)
        elif isinstance(cur, list):
            stack.extend(cur)


def has_split_markers(node: Any) -> bool:
    stack = [node]
    while stack:
        cur = stack.pop()
        if isinstance(cur, dict):
            if any(k in SPLIT_MARKERS and cur[k] not in (False, None) for k in cur):
                return True
            stack.extend(v for k, v in cur.items() if k not in VALUE_KEYS and k != "$ref")
        elif isinstance(cur, list):
            stack.extend(cur)
    return False


def schema_type_names(node: dict[str, Any]) -> tuple[list[str], bool]:
    """The declared ``type`` as a list (3.1 arrays), and whether null is allowed (both dialects)."""
    declared = node.get("type")
    types = [declared] if isinstance(declared, str) else [t for t in declared or [] if isinstance(t, str)]
    nullable = node.get("nullable") is True or "null" in types
    return [t for t in types if t != "null"], nullable


def example_of(node: dict[str, Any]) -> tuple[bool, Any]:
    if "example" in node:
        return True, node["example"]
    examples = node.get("examples")
    if isinstance(examples, list) and examples:
        return True, examples[0]
    return False, None


def text(value: Any) -> str:
    return value if isinstance(value, str) else ""


class SchemaBuilder:
    """Converts schemas to IR types, registering models and enums as it meets them."""

    MAX_DEPTH = 200

    def __init__(
        self, resolver: Resolver, diagnostics: list[Diagnostic], *, reserved: frozenset[str] = frozenset()
    ) -> None:
        self.resolver = resolver
        self.diagnostics = diagnostics
        self.reserved = reserved  # class names the package defines beside the models (the clients)
        self.classes = names.Namespace(names.RESERVED_CLASSES | reserved)
        self.modules = names.Namespace(names.RESERVED_MODULES, casefold=True)
        self.schemas: dict[tuple[str, Mode], ir.Model | ir.Enum] = {}
        self._refs: dict[tuple[str, Mode], ir.ModelRef] = {}
        self._keys: dict[ir.ModelRef, tuple[str, Mode]] = {}  # the reverse of _refs
        self._component_names: dict[str, str] = {}
        self._split: set[str] = set()
        self._usage: dict[str, set[str]] = {}
        self._alias_stack: list[str] = []
        self._depth = 0
        self._components: dict[str, Any] = {}
        self._variants: dict[str, set[str]] = {}  # component pointer → class names of its views
        self.literal_enums = False  # inline enums of parameters are typed as Literal[...]
        self.numbered_hints: set[str] = set()
        self._adopted: dict[str, str] = {}  # inline schema pointer → the component class name it takes
        # while a parse records its parts (``generator.parse.replay``): every change to the state
        # above that a later part could see, and the models each part looked at
        self.journal: list[tuple[Any, ...]] | None = None
        self.looked_at: list[tuple[ir.ModelRef, Any]] | None = None
        # what ``prepare`` found in each node, by digest: the last parse's, and this one's
        self.walked: dict[bytes, tuple[tuple[str, ...], bool]] | None = None
        self.walked_now: dict[bytes, tuple[tuple[str, ...], bool]] = {}
        self.node_digest: Callable[[Any], bytes] = _no_digest

    # ------------------------------------------------------------ set-up passes

    def prepare(self, components: dict[str, Any], roots: list[tuple[Any, Mode]]) -> None:
        """Name every component, find which need a request/response split and how each is used."""
        self._components = components
        for wire in components:
            self._component_names[COMPONENT_PREFIX + escape_pointer_token(wire)] = self.class_name(wire)
        edges: dict[str, set[str]] = {}
        direct: set[str] = set()
        for wire, node in components.items():
            ptr = COMPONENT_PREFIX + escape_pointer_token(wire)
            refs, marked = self._walked(node, split=True)
            edges[ptr] = {t for t in refs if t.startswith(COMPONENT_PREFIX)}
            if marked:
                direct.add(ptr)
        # a schema needs splitting if it, or anything it refers to, differs between the two views
        reverse: dict[str, set[str]] = {}
        for src, targets in edges.items():
            for t in targets:
                reverse.setdefault(t, set()).add(src)
        todo = list(direct)
        self._split = set(direct)
        while todo:
            for src in reverse.get(todo.pop(), ()):
                if src not in self._split:
                    self._split.add(src)
                    todo.append(src)
        # a component is used in a view when a root of that view reaches it: one walk per view
        for mode in dict.fromkeys(mode for _, mode in roots):
            self._mark_usage([t for root, m in roots if m == mode for t in self._walked(root)[0]], mode, edges)

    def _mark_usage(self, todo: list[str], mode: str, edges: dict[str, set[str]]) -> None:
        seen: set[str] = set()
        while todo:
            ptr = todo.pop()
            if ptr in seen:
                continue
            seen.add(ptr)
            if ptr.startswith(COMPONENT_PREFIX) and ptr in edges:
                self._usage.setdefault(ptr, set()).add(mode)
                todo.extend(edges[ptr])
            else:  # a ref to a parameter, body or response component: follow what it refers to
                try:
                    todo.extend(self._walked(self.resolver.lookup(ptr))[0])
                except GeneratorError:
                    continue

    def _walked(self, node: Any, *, split: bool = False) -> tuple[tuple[str, ...], bool]:
        """``walk_refs`` of a node (and ``has_split_markers`` with ``split``), taken from the last
        parse's when a replaying parse keeps ``walked`` (keyed by a digest of the node's content)."""
        if self.walked is None:
            return tuple(walk_refs(node)), split and has_split_markers(node)
        key = self.node_digest(node) + (b"s" if split else b"")
        found = self.walked.get(key)
        if found is None:
            found = (tuple(walk_refs(node)), split and has_split_markers(node))
        self.walked_now[key] = found
        return found

    def build_components(self, run: Callable[[tuple[str, ...], Callable[[], Any]], Any] | None = None) -> None:
        """Generate every component schema, in document order, in the views it is used in; ``run``
        runs each (a replaying parse's, which may reuse the last parse's)."""
        for wire in self._components:
            ptr = COMPONENT_PREFIX + escape_pointer_token(wire)
            usage = self._usage.get(ptr) or {"response"}
            for mode in sorted(usage):

                def build(ptr: str = ptr, wire: str = wire, mode: str = mode) -> Any:
                    # a $ref is a URI fragment: a '%' in the name must not be read as an escape
                    return self.type_of({"$ref": "#" + quote(ptr)}, ptr, hint=wire, mode=mode)  # type: ignore[arg-type]

                if run is None:
                    build()
                else:
                    run(("schema", ptr, mode), build)

    def prepared(self) -> tuple[Any, ...]:
        """What ``prepare`` decided, which every later step reads (a replaying parse compares it)."""
        return (
            self._component_names,
            frozenset(self._split),
            {k: frozenset(v) for k, v in self._usage.items()},
            self.classes.state(),
            self.modules.state(),
            self.reserved,
        )

    def apply(self, entry: tuple[Any, ...]) -> None:
        """Make one recorded change again (the counterpart of ``_note``; claims are the namespaces')."""
        kind = entry[0]
        if kind == "ref":
            self._refs[entry[1]] = entry[2]
            self._keys[entry[2]] = entry[1]
        elif kind == "schema":
            self.schemas[entry[1]] = entry[2]
        elif kind == "adopt":
            self._adopted[entry[1]] = entry[2]
        elif kind == "variant":
            self._variants.setdefault(entry[1], set()).add(entry[2])
        elif kind == "hint":
            self.numbered_hints.add(entry[1])
        else:
            raise ValueError(f"unknown recorded change {kind!r}")

    def _note(self, *entry: Any) -> None:
        if self.journal is not None:
            self.journal.append(entry)

    def class_name(self, wire: str, *, suffix: str = "") -> str:
        """A new, distinct class name for a model or enum."""
        return self.classes.claim(names.class_name(wire, suffix=suffix, reserved=self.reserved))

    # ------------------------------------------------------------ conversion

    def warn(self, message: str, pointer: str) -> None:
        self.diagnostics.append(Diagnostic(Level.WARNING, message, pointer, self.resolver.source))

    def type_of(self, node: Any, pointer: str, *, hint: str, mode: Mode) -> ir.TypeRef:
        """The IR type of a schema node; ``hint`` names inline models, ``mode`` picks the view."""
        self._depth += 1
        try:
            if self._depth > self.MAX_DEPTH:
                raise GeneratorError(
                    "schema nesting too deep to generate", pointer=pointer, source=self.resolver.source
                )
            return self._type_of(node, pointer, hint, mode)
        finally:
            self._depth -= 1

    def _type_of(self, node: Any, pointer: str, hint: str, mode: Mode) -> ir.TypeRef:
        if node is True or node == {} or node is None:
            return ANY
        if not isinstance(node, dict):
            self.warn("schema is not an object; treated as any value", pointer)
            return ANY
        nullable = schema_type_names(node)[1]
        if "$ref" in node:
            target_node, target = self.resolver.deref(node, pointer)
            inner = self._named(target_node, target, mode)
            return ir.Nullable(inner) if nullable and not isinstance(inner, ir.Nullable) else inner
        inner = self._structural(node, pointer, hint, mode)
        if nullable and not isinstance(inner, ir.Nullable) and inner not in (ANY, NONE):
            return ir.Nullable(inner)
        return inner

    def _named(self, node: Any, pointer: str, mode: Mode) -> ir.TypeRef:
        """A referenced schema: components become named classes; anything else is inlined."""
        name = self._component_names.get(pointer)
        hint = name or names.class_name(pointer.rsplit("/", 1)[-1])
        for key in ((pointer, self._effective_mode(pointer, mode)), (pointer, "shared")):
            if key in self._refs:  # a model or enum already made (or being made: recursion)
                return self._refs[key]
        if pointer in self._alias_stack:
            self.warn("recursive schema that is not an object; typed as any value", pointer)
            return ANY
        self._alias_stack.append(pointer)
        try:
            return (
                self._structural(node, pointer, hint, mode, named=name is not None)
                if isinstance(node, dict)
                else self._type_of(node, pointer, hint, mode)
            )
        finally:
            self._alias_stack.pop()

    def _structural(self, node: dict[str, Any], pointer: str, hint: str, mode: Mode, named: bool = False) -> ir.TypeRef:
        types, nullable = schema_type_names(node)
        if nullable and not types and "type" in node:  # ``type: "null"`` / ``type: ["null"]``
            return ir.primitive("None")

        def wrap(t: ir.TypeRef) -> ir.TypeRef:
            return ir.Nullable(t) if nullable and not isinstance(t, ir.Nullable) and t != ANY else t

        if "const" in node:
            return wrap(ir.LiteralOf((node["const"],))) if _literal_ok(node["const"]) else ANY
        if isinstance(node.get("enum"), list):
            return wrap(self._enum(node, pointer, hint))
        all_of = node.get("allOf")
        if isinstance(all_of, list) and all_of:
            if len(all_of) == 1 and not node.get("properties"):
                # drf-spectacular's ``allOf: [$ref]`` + nullable / readOnly / default
                inner = self.type_of(all_of[0], child(pointer, "allOf", 0), hint=hint, mode=mode)
                return wrap(inner)
            return wrap(self._model(node, pointer, hint, mode, named))
        for key in ("oneOf", "anyOf"):
            options = node.get(key)
            if isinstance(options, list) and options and not node.get("properties"):
                return wrap(self._union(node, key, options, pointer, hint, mode))
        if len(types) > 1:
            opts = tuple(self._structural({**node, "type": t}, pointer, hint, mode, named) for t in types)
            return wrap(_union_of(opts))
        kind = types[0] if types else _implied_type(node)
        if kind == "object":
            props = node.get("properties")
            if isinstance(props, dict) and props:
                return wrap(self._model(node, pointer, hint, mode, named))
            extra = node.get("additionalProperties")
            if isinstance(extra, dict) and extra:
                value = self.type_of(extra, child(pointer, "additionalProperties"), hint=hint + "Value", mode=mode)
                return wrap(ir.MapOf(value))
            return wrap(ir.MapOf(ANY))
        if kind == "array":
            items = node.get("items")
            item = (
                self.type_of(items, child(pointer, "items"), hint=hint + "Item", mode=mode)
                if items is not None
                else ANY
            )
            return wrap(ir.ListOf(item))
        if kind == "string":
            fmt = text(node.get("format"))
            if fmt == "binary" or node.get("contentMediaType") and not node.get("contentEncoding") and not fmt:
                return wrap(ir.primitive("File" if mode == "request" else "bytes", "binary"))
            return wrap(STRING_FORMATS.get(fmt, ir.primitive("str", fmt)))
        if kind == "integer":
            return wrap(ir.primitive("int", text(node.get("format"))))
        if kind == "number":
            return wrap(ir.primitive("float", text(node.get("format"))))
        if kind == "boolean":
            return wrap(ir.primitive("bool"))
        if kind == "null":
            return ir.primitive("None")
        return ANY

    # ------------------------------------------------------------ unions

    def _union(
        self, node: dict[str, Any], key: str, options: list[Any], pointer: str, hint: str, mode: Mode
    ) -> ir.TypeRef:
        converted: list[ir.TypeRef] = []
        sources: list[Any] = []  # the option each converted type came from
        nullable = False
        disc = node.get("discriminator")
        hints = self._option_hints(options, hint, text(disc.get("propertyName")) if isinstance(disc, dict) else "")
        own_name = self._component_names.get(pointer)
        for i, opt in enumerate(options):
            if own_name and hints[i] == hint and not (isinstance(opt, dict) and "$ref" in opt):
                # ``Name: anyOf [{...}, null]``: the one real option is the component itself
                self._adopted[child(pointer, key, i)] = own_name
                self._note("adopt", child(pointer, key, i), own_name)
            t = self.type_of(opt, child(pointer, key, i), hint=hints[i], mode=mode)
            if t == ir.primitive("None"):
                nullable = True
            elif isinstance(t, ir.Nullable):
                nullable = True
                converted.append(t.inner)
                sources.append(opt)
            else:
                converted.append(t)
                sources.append(opt)
        prop = text(disc.get("propertyName")) if isinstance(disc, dict) else ""
        result = _union_of(tuple(converted), prop)
        if prop and isinstance(disc, dict) and isinstance(result, ir.UnionOf) and len(result.options) == len(converted):
            result = ir.UnionOf(result.options, prop, self._tags(disc, sources, converted, pointer))
        return ir.Nullable(result) if nullable and result != ANY else result

    def _option_hints(self, options: list[Any], hint: str, discriminator: str) -> list[str]:
        """Names for the inline options of a union, from the document before numbers: the only
        option besides ``null`` takes the union's own name; others their ``title``, discriminator
        or ``const`` value, the ``$ref`` they extend, their type, or a property no other option
        has; ``Option<n>`` only when none of these tells them apart."""
        nodes = [self._option_node(opt) for opt in options]
        real = [n for n in nodes if not _is_null_schema(n)]
        if len(real) <= 1:
            return [hint] * len(options)
        props = [set(n.get("properties") or {}) if isinstance(n.get("properties"), dict) else set() for n in nodes]
        words = [_option_word(n, discriminator, props[i], props[:i] + props[i + 1 :]) for i, n in enumerate(nodes)]
        result = []
        for i, word in enumerate(words):
            if word and words.count(word) == 1:
                result.append(hint + word)
            else:
                self.numbered_hints.add(f"{hint}Option{i + 1}")
                self._note("hint", f"{hint}Option{i + 1}")
                result.append(f"{hint}Option{i + 1}")
        return result

    def _option_node(self, option: Any) -> dict[str, Any]:
        if isinstance(option, dict) and "$ref" in option:
            try:
                target = self.resolver.deref(option, "")[0]
            except GeneratorError:
                return {}
            return target if isinstance(target, dict) else {}
        return option if isinstance(option, dict) else {}

    def _tags(
        self, disc: dict[str, Any], options: list[Any], converted: list[ir.TypeRef], pointer: str
    ) -> tuple[tuple[str, str], ...]:
        """Discriminator values → option class names: the explicit ``mapping``, then each option's
        component name; () unless every option is an object model reached by a ``$ref``."""
        by_ref: dict[str, str] = {}
        for opt, t in zip(options, converted):
            ref = opt.get("$ref") if isinstance(opt, dict) else None
            if (
                not isinstance(ref, str)
                or not isinstance(t, ir.ModelRef)
                or not isinstance(self.model_for(t), ir.Model)
            ):
                return ()
            by_ref[ref] = t.class_name
        tags: dict[str, str] = {}
        mapping = disc.get("mapping")
        for value, target in (mapping.items() if isinstance(mapping, dict) else ()):
            ref = str(target) if str(target).startswith("#") else f"#/components/schemas/{target}"
            if ref in by_ref:
                tags.setdefault(str(value), by_ref[ref])
            else:
                self.warn(
                    f"discriminator mapping {value!r} names {target!r}, which is not one of the options; ignored",
                    child(pointer, "discriminator", "mapping"),
                )
        for t in converted:  # a model whose property can hold one value only is selected by it
            model = self.model_for(t) if isinstance(t, ir.ModelRef) else None
            field = (
                next((f for f in model.fields if f.wire_name == disc.get("propertyName")), None)
                if isinstance(model, ir.Model)
                else None
            )
            kind = (
                field.type.inner
                if field is not None and isinstance(field.type, ir.Nullable)
                else field.type if field else None
            )
            if isinstance(kind, ir.LiteralOf) and len(kind.values) == 1 and isinstance(t, ir.ModelRef):
                tags.setdefault(str(kind.values[0]), t.class_name)
        for ref, class_name in by_ref.items():  # each option's own name selects it too
            tags.setdefault(unescape_pointer_token(unquote(ref.rsplit("/", 1)[-1])), class_name)
        return tuple(tags.items())

    # ------------------------------------------------------------ enums

    def _enum(self, node: dict[str, Any], pointer: str, hint: str) -> ir.TypeRef:
        raw = node["enum"]
        values = [v for v in raw if v is not None]
        unique: list[Any] = []
        for v in values:
            if not any(v == u and type(v) is type(u) for u in unique):
                unique.append(v)
        base = _enum_base(unique)
        nullable = len(values) != len(raw)
        if base is None or (
            self.literal_enums and pointer not in self._component_names
        ):  # empty, mixed or non-scalar values: a Literal when possible
            literal = [v for v in unique if _literal_ok(v)]
            if not literal:
                return ANY
            t: ir.TypeRef = ir.LiteralOf(tuple(literal))
            return ir.Nullable(t) if nullable else t
        key: tuple[str, Mode] = (pointer, "shared")
        if key not in self._refs:
            class_name = self._component_names.get(pointer) or self._adopted.get(pointer) or self.class_name(hint)
            ref = ir.ModelRef(class_name, self.modules.claim(names.module_name(class_name)))
            self._refs[key] = ref
            self._keys[ref] = key
            self._note("ref", key, ref)
            members = names.Namespace()
            enum = self.schemas[key] = ir.Enum(
                class_name=ref.class_name,
                module=ref.module,
                wire_name=hint,
                pointer=pointer,
                base=base,
                members=tuple(ir.EnumMember(members.claim(names.upper(str(v))), v) for v in unique),
                description=text(node.get("description")) or text(node.get("title")),
            )
            self._note("schema", key, enum)
        ref = self._refs[key]
        return ir.Nullable(ref) if nullable else ref

    # ------------------------------------------------------------ models

    def _effective_mode(self, pointer: str, mode: Mode) -> Mode:
        component = pointer.startswith(COMPONENT_PREFIX) and pointer.count("/") == 3
        if component and pointer not in self._split:
            return "shared"
        return mode

    def _model(self, node: dict[str, Any], pointer: str, hint: str, mode: Mode, named: bool) -> ir.TypeRef:
        mode = self._effective_mode(pointer, mode) if named else mode
        key = (pointer, mode)
        if key in self._refs:
            return self._refs[key]
        base = self._component_names.get(pointer) if named else self._adopted.get(pointer)
        usage = self._usage.get(pointer, set())
        taken = self._variants.setdefault(pointer, set())
        if base and (taken or (mode == "request" and "response" in usage)):
            # the other view of the same component already has (or will take) the plain name
            class_name = self.class_name(base, suffix="Request" if mode == "request" else "Response")
        else:
            class_name = base or self.class_name(hint)
        taken.add(class_name)
        self._note("variant", pointer, class_name)
        ref = ir.ModelRef(class_name, self.modules.claim(names.module_name(class_name)))
        self._refs[key] = ref
        self._keys[ref] = key
        self._note("ref", key, ref)
        properties, required = self._merged_properties(node, pointer, [])
        fields: list[ir.Field] = []
        attrs = names.Namespace()
        for wire, (prop, prop_ptr) in properties.items():
            field = self._field(wire, prop, prop_ptr, required, class_name, mode, attrs)
            if field is not None:
                fields.append(field)
        extra = node.get("additionalProperties")
        additional = None
        if isinstance(extra, dict) and extra:
            additional = self.type_of(
                extra, child(pointer, "additionalProperties"), hint=class_name + "Value", mode=mode
            )
        has_ex, example = example_of(node)
        model = self.schemas[key] = ir.Model(
            class_name=class_name,
            module=ref.module,
            wire_name=pointer.rsplit("/", 1)[-1] if named else hint,
            pointer=pointer,
            fields=tuple(fields),
            description=text(node.get("description")) or text(node.get("title")),
            is_request=mode == "request",
            additional_properties=additional,
            deprecated=node.get("deprecated") is True,
            example=example,
            has_example=has_ex,
        )
        self._note("schema", key, model)
        return ref

    def _merged_properties(
        self, node: dict[str, Any], pointer: str, stack: list[str]
    ) -> tuple[dict[str, tuple[Any, str]], set[str]]:
        """Properties and required names of a schema, with ``allOf`` parts merged in order."""
        if pointer in stack:
            raise GeneratorError(
                "allOf cycle: " + " -> ".join(stack + [pointer]), pointer=pointer, source=self.resolver.source
            )
        stack = stack + [pointer]
        props: dict[str, tuple[Any, str]] = {}
        required: set[str] = set()
        for i, part in enumerate(node.get("allOf") or []):
            part_node, part_ptr = self.resolver.deref(part, child(pointer, "allOf", i))
            if isinstance(part_node, dict):
                p, r = self._merged_properties(part_node, part_ptr, stack)
                props.update(p)
                required |= r
        own = node.get("properties")
        if isinstance(own, dict):
            for wire, prop in own.items():
                props[str(wire)] = (prop, child(pointer, "properties", str(wire)))
        req = node.get("required")
        if isinstance(req, list):
            required |= {r for r in req if isinstance(r, str)}
        return props, required

    def _field(
        self, wire: str, prop: Any, pointer: str, required: set[str], owner: str, mode: Mode, attrs: names.Namespace
    ) -> ir.Field | None:
        flags = prop if isinstance(prop, dict) else {}
        target = flags
        if "$ref" in flags:
            target = self.resolver.deref(prop, pointer)[0]
            target = target if isinstance(target, dict) else {}
        read_only = flags.get("readOnly", target.get("readOnly")) is True
        write_only = flags.get("writeOnly", target.get("writeOnly")) is True
        if (mode == "response" and write_only) or (mode == "request" and read_only):
            return None
        t = self.type_of(prop, pointer, hint=owner + names.pascal(wire, fallback="Field"), mode=mode)
        nullable = isinstance(t, ir.Nullable)
        has_ex, example = example_of(flags)
        return ir.Field(
            name=attrs.claim(names.field_name(wire)),
            wire_name=wire,
            type=t,
            required=wire in required,
            nullable=nullable,
            description=text(flags.get("description")),
            title=text(flags.get("title")),
            read_only=read_only,
            write_only=write_only,
            deprecated=flags.get("deprecated") is True,
            default=ir.Default(True, flags["default"]) if "default" in flags else ir.NO_DEFAULT,
            constraints=self.constraints(flags) if mode != "response" else ir.NO_CONSTRAINTS,
            example=example,
            has_example=has_ex,
        )

    @staticmethod
    def constraints(node: dict[str, Any]) -> ir.Constraints:
        values: dict[str, Any] = {}
        for key, attr in CONSTRAINT_KEYS.items():
            v = node.get(key)
            if attr == "pattern":
                if isinstance(v, str):
                    values[attr] = v
            elif isinstance(v, (int, float)) and not isinstance(v, bool):
                values[attr] = v
        for key, attr, base in (
            ("exclusiveMinimum", "exclusive_minimum", "minimum"),
            ("exclusiveMaximum", "exclusive_maximum", "maximum"),
        ):
            v = node.get(key)
            if v is True and base in values:  # 3.0: a flag on minimum/maximum
                values[attr] = values.pop(base)
            elif isinstance(v, (int, float)) and not isinstance(v, bool):  # 3.1: a number
                values[attr] = v
        return ir.Constraints(**values) if values else ir.NO_CONSTRAINTS

    def model_for(self, ref: ir.ModelRef) -> ir.Model | ir.Enum | None:
        key = self._keys.get(ref)
        found = self.schemas.get(key) if key is not None else None
        if self.looked_at is not None:
            self.looked_at.append((ref, found))
        return found


def _is_null_schema(node: dict[str, Any]) -> bool:
    kinds = node.get("type")
    return (
        kinds == "null"
        or kinds == ["null"]
        or node.get("enum") == [None]
        or ("const" in node and node["const"] is None)
    )


def _option_word(node: dict[str, Any], discriminator: str, own: set[str], others: list[set[str]]) -> str:
    """The word that names one option of a union, or "" when the document gives none."""
    if isinstance(node.get("title"), str):
        return _word(node["title"])
    props: dict[str, Any] = node["properties"] if isinstance(node.get("properties"), dict) else {}
    for name in ([discriminator] if discriminator else []) + ["type", "object", "kind", "event", "role", *props]:
        value = _single_value(props.get(name))
        if value is not None and _word(str(value)):
            return _word(str(value))
    value = _single_value(node)
    if value is not None and _word(str(value)):
        return _word(str(value))
    parts = node.get("allOf")
    for part in parts if isinstance(parts, list) else []:
        ref = part.get("$ref") if isinstance(part, dict) else None
        if isinstance(ref, str):
            return _word(unquote(ref.rsplit("/", 1)[-1]))
    distinct = [p for p in props if not any(p in other for other in others) and _word(p)]
    if distinct:
        return _word(distinct[0])
    if isinstance(node.get("enum"), list):
        return "Enum"
    kinds, _ = schema_type_names(node)
    items = node.get("items")
    if kinds == ["array"] and isinstance(items, dict):
        ref = items.get("$ref")
        item_word = (
            _word(unquote(ref.rsplit("/", 1)[-1])) if isinstance(ref, str) else _option_word(items, "", set(), [])
        )
        return item_word + "List"
    if len(kinds) == 1 and (kinds[0] != "object" or not props):
        return {"array": "List", "object": "Object", "string": "Str", "integer": "Int", "number": "Number"}.get(
            kinds[0], _word(kinds[0])
        )
    return ""


def _word(text: str) -> str:
    """``text`` as a PascalCase word to append to a name ("" when it has no letters or digits)."""
    return names.pascal(text, digit_prefix="") if names.ascii_words(text) else ""


def _single_value(node: Any) -> Any:
    """The one value a schema allows (``const``, a one-value ``enum``), or None."""
    if not isinstance(node, dict):
        return None
    if "const" in node and isinstance(node["const"], (str, int)) and not isinstance(node["const"], bool):
        return node["const"]
    values = node.get("enum")
    if isinstance(values, list) and len(values) == 1 and isinstance(values[0], (str, int)):
        return values[0]
    return None


def _implied_type(node: dict[str, Any]) -> str:
    if "properties" in node or "additionalProperties" in node:
        return "object"
    if "items" in node:
        return "array"
    return ""


def _enum_base(values: list[Any]) -> Literal["str", "int", "float"] | None:
    if not values:
        return None
    if all(isinstance(v, str) for v in values):
        return "str"
    if all(isinstance(v, int) and not isinstance(v, bool) for v in values):
        return "int"
    return None


def _literal_ok(value: Any) -> bool:
    return isinstance(value, (str, int, bool)) and not isinstance(value, float)


def _union_of(options: tuple[ir.TypeRef, ...], discriminator: str = "") -> ir.TypeRef:
    flat: list[ir.TypeRef] = []
    for o in options:
        for x in o.options if isinstance(o, ir.UnionOf) else (o,):
            if x not in flat:
                flat.append(x)
    if not flat:
        return ANY
    if ANY in flat:
        return ANY
    if len(flat) == 1:
        return flat[0]
    return ir.UnionOf(tuple(flat), discriminator)
