"""Client impact: what each API change does to code that uses the generated client.

Both versions are parsed into the IR; a change is mapped to the symbol it touches (a method of a
resource, an argument, a model attribute, an enum) and to what happens to code that uses it.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any, Callable

from generator import ir
from generator.diff.rules import BOUNDS, KIND_LEVELS, Finding, I, RawChange, dotted, normalized_path
from generator.errors import escape_pointer_token
from generator.ir.spelling import annotation, unaliased

OpKey = tuple[str, str]


def type_text(t: ir.TypeRef | None) -> str:
    """The Python annotation of an IR type, without the generated modules' import aliases."""
    return unaliased(annotation(t))


@dataclass
class Side:
    """One version's generated client, indexed for look-ups by operation and by schema pointer."""

    api: ir.Api
    ops: dict[OpKey, tuple[str, ir.Operation]] = field(default_factory=dict)
    models: dict[str, list[ir.Model]] = field(default_factory=dict)
    enums: dict[str, ir.Enum] = field(default_factory=dict)
    classes: dict[str, str] = field(default_factory=dict)  # schema pointer → class name

    def __post_init__(self) -> None:
        for resource in self.api.resources:
            for op in resource.operations:
                self.ops[(op.http_method, normalized_path(op.path))] = (
                    resource.attr,
                    op,
                )
        for schema in self.api.schemas:
            if not (isinstance(schema, ir.Model) and schema.is_request):
                self.classes.setdefault(schema.pointer, schema.class_name)
            if isinstance(schema, ir.Model):
                self.models.setdefault(schema.pointer, []).append(schema)
            elif isinstance(schema, ir.Enum):
                self.enums[schema.pointer] = schema

    def call(self, key: OpKey | None) -> str:
        found = self.ops.get(key) if key else None
        return f"client.{found[0]}.{found[1].method_name}()" if found else ""

    def operation(self, key: OpKey | None) -> ir.Operation | None:
        found = self.ops.get(key) if key else None
        return found[1] if found else None

    def model(self, pointer: str, request: bool) -> ir.Model | None:
        """The model generated for the schema at ``pointer``, the request variant for requests."""
        found = self.models.get(pointer, [])
        return next((m for m in found if m.is_request == request), found[0] if found else None)


class ClientImpact:
    """Describes changes in terms of the generated client; "" where nothing is known."""

    def __init__(self, old: ir.Api | None, new: ir.Api | None) -> None:
        self.old = Side(old) if old else None
        self.new = Side(new) if new else None

    def of(self, c: RawChange) -> str:
        """The impact of one change; a schema difference the client's symbols do not name gets a plain one."""
        text = self._of(c)
        if text or c.finding is None:
            return text
        request = c.area.startswith("request") or c.area == "parameter"
        found = (self.new if self.new and self.new.call(c.op_key) else self.old) if self.old or self.new else None
        call = found.call(c.op_key) if found else ""
        path = dotted(c.finding.path)
        where = (f"the body of `{call}`" if request else f"what `{call}` returns") if call else "the body"
        if c.area.startswith("request-parameter") and c.param[1]:
            where = f"the {c.param[0]} parameter `{c.param[1]}`" + (f" of `{call}`" if call else "")
        symbol = f"`{path}` in {where}" if path else where
        return _effect(c.finding, symbol, "request" if request else "response", ("", ""), "", checked=False)

    def _of(self, c: RawChange) -> str:
        if self.old is None or self.new is None:
            return ""
        if c.area == "operation":
            return self._operation(c, self.old, self.new)
        if c.area == "parameter" or c.area.startswith("request-parameter"):
            return self._parameter(c, self.old, self.new)
        if c.area in ("request-body", "request-property"):
            return self._request(c, self.old, self.new)
        if c.area in ("response-body", "response-property"):
            return self._response(c, self.old, self.new)
        if c.area == "response-status":
            return self._status(c, self.old, self.new)
        if c.area == "response-header":
            call = self.new.call(c.op_key)
            return f"only code that reads response headers (`{call}` with raw response) sees this" if call else ""
        if c.area in ("security", "security-scheme"):
            return self._security(c, self.old, self.new)
        if c.area == "server":
            return self._server(self.old, self.new)
        if c.area == "schema":
            return self._schema(c, self.old, self.new)
        return ""

    def renamed_methods(self) -> list[tuple[ir.Operation, str, str]]:
        """Operations in both versions whose generated method changed name or resource: (op, old, new)."""
        if self.old is None or self.new is None:
            return []
        found = []
        for key, (_, op) in self.new.ops.items():
            was, now = self.old.call(key), self.new.call(key)
            if was and was != now:
                found.append((op, was, now))
        return found

    # ------------------------------------------------------------ operations and parameters

    @staticmethod
    def _operation(c: RawChange, old: Side, new: Side) -> str:
        was, now = old.call(c.op_key), new.call(c.op_key)
        if c.id == "endpoint-added":
            return f"new method `{now}`" if now else ""
        if "removed" in c.id and c.id.startswith("api-") and "operation-id" not in c.id:
            return f"`{was}` is gone: calling it raises AttributeError" if was else ""
        if c.id == "endpoint-deprecated":
            return f"`{now}` is now marked deprecated"
        if c.id == "endpoint-reactivated":
            return f"`{now}` is no longer marked deprecated"
        if was and now and was != now:
            return f"`{was}` is renamed `{now}`: calls to the old name raise AttributeError"
        return f"none: the method keeps its name `{now}`" if now else ""

    def _parameter(self, c: RawChange, old: Side, new: Side) -> str:
        removed = "removed" in c.id and "enum" not in c.id
        side = old if removed else new
        op = side.operation(c.op_key)
        call = side.call(c.op_key)
        location, wire = c.param
        param = _parameter_of(op, location, wire)
        if param is None or not call:
            return ""
        arg = f"`{param.name}=`"
        if c.id == "request-path-parameter-renamed":
            return f"the positional argument of `{call}` is now named `{param.name}` (only keyword callers notice)"
        if c.id in (
            "new-required-request-parameter",
            "request-parameter-became-required",
        ):
            return f"`{call}` now requires {arg}"
        if c.id == "new-optional-request-parameter":
            return f"`{call}` takes a new optional {arg}"
        if c.id.startswith("request-parameter-removed"):
            return f"`{call}` no longer takes {arg}: passing it raises TypeError"
        if c.id == "request-parameter-location-changed":
            return f"none once regenerated: `{call}` sends {arg} in the {location}"
        if c.id == "request-parameter-became-optional":
            return f"{arg} of `{call}` may now be omitted"
        if c.finding is None:
            return f"{arg} of `{call}` is {'deprecated' if c.id.endswith('deprecated') else 'no longer deprecated'}"
        old_param = _parameter_of(old.operation(c.op_key), location, wire)
        types = (type_text(old_param.type) if old_param else "", type_text(param.type))
        path = dotted(c.finding.path)
        symbol = f"`{path}` in {arg} of `{call}`" if path else f"{arg} of `{call}`"
        return _effect(c.finding, symbol, "request", types if not path else ("", ""), "", checked=False)

    # ------------------------------------------------------------ request bodies

    def _request(self, c: RawChange, old: Side, new: Side) -> str:
        f = c.finding
        gone = c.id in ("request-property-removed", "request-body-removed") or (
            f is not None and f.kind == "became-read-only"
        )
        side = old if gone else new
        op, call = side.operation(c.op_key), side.call(c.op_key)
        if op is None or not call:
            return ""
        if f is None or not f.path:
            return self._body(c, call, old.operation(c.op_key), new.operation(c.op_key))
        bf = _argument_of(op, f.path[0]) if len(f.path) == 1 else None
        if bf is not None:
            old_bf = _argument_of(old.operation(c.op_key), f.prop)
            types = (_field_text(old_bf.field) if old_bf else "", _field_text(bf.field))
            return _argument(c, f, f"`{bf.arg}=`", call, types)
        model = side.model(f.owners[0 if gone else 1], request=True)
        member = _field_of(model, f.prop)
        if model is None or member is None:
            return _effect(f, f"`{dotted(f.path)}` in the body of `{call}`", "request", ("", ""), "", checked=False)
        symbol = f"`{model.class_name}.{member.name}`"
        if f.kind in ("property-added", "became-not-read-only"):
            return (
                f"`{model.class_name}` now requires `{member.name}`" if f.required else f"new optional field {symbol}"
            )
        if gone or f.kind == "property-removed":
            return f"{symbol} is gone from the request model"
        old_member = _field_of(old.model(f.owners[0], request=True), f.prop)
        return _effect(
            f,
            symbol,
            "request",
            (_field_text(old_member) if old_member else "", _field_text(member)),
            "",
            checked=True,
        )

    @staticmethod
    def _body(
        c: RawChange,
        call: str,
        old_op: ir.Operation | None,
        new_op: ir.Operation | None,
    ) -> str:
        old_body, new_body = (old_op.body if old_op else None), (new_op.body if new_op else None)
        args = (
            ", ".join(f"`{bf.arg}=`" for bf in (new_body.fields if new_body else ()) if bf.field.required) or "`body=`"
        )
        if c.id == "request-body-added-required" or c.id == "request-body-became-required":
            return f"`{call}` now requires {args}"
        if c.id == "request-body-added-optional":
            return f"`{call}` takes new optional body arguments"
        if c.id == "request-body-removed":
            return f"`{call}` no longer takes body arguments: passing them raises TypeError"
        if c.id == "request-body-became-optional":
            return f"the body arguments of `{call}` may now be omitted"
        if c.id.startswith("request-body-media-type"):
            was, now = (old_body.media_type if old_body else ""), (new_body.media_type if new_body else "")
            if was != now:
                return f"`{call}` now sends `{now}` (was `{was}`)"
            return f"none: `{call}` sends `{now}`" if now else ""
        if c.finding is None:
            return ""
        types = (
            type_text(old_body.type) if old_body else "",
            type_text(new_body.type) if new_body else "",
        )
        return _effect(c.finding, f"the body of `{call}`", "request", types, "", checked=True)

    # ------------------------------------------------------------ responses

    def _response(self, c: RawChange, old: Side, new: Side) -> str:
        f = c.finding
        gone = c.id.endswith("-property-removed") or (f is not None and f.kind == "became-write-only")
        side = old if gone else new
        op, call = side.operation(c.op_key), side.call(c.op_key)
        if f is None or op is None or not call:
            return ""
        success = op.success is not None and op.success.status == c.status
        if not f.path or all(p in ("[]", "{}") for p in f.path):
            if not success:
                return f"the body of the {c.status} error raised by `{call}` changes shape"
            old_op = old.operation(c.op_key)
            types = (
                type_text(old_op.success.type) if old_op and old_op.success else "",
                type_text(op.success.type) if op.success else "",
            )
            return _effect(
                f,
                f"the value `{call}` returns",
                "response",
                types,
                self._enum(f, side),
                checked=False,
            )
        model = side.model(f.owners[0 if gone else 1], request=False)
        member = _field_of(model, f.prop)
        where = "" if success else f" (the {c.status} error body of `{call}`)"
        if model is None or member is None:
            return ""
        symbol = f"`{model.class_name}.{member.name}`{where}"
        if f.kind in ("property-added", "became-not-write-only"):
            return f"new attribute {symbol}"
        if gone:
            return f"{symbol} is gone: code reading it raises AttributeError"
        if f.kind in ("became-read-only", "became-not-read-only"):
            return "none"
        old_member = _field_of(old.model(f.owners[0], request=False), f.prop)
        types = (_field_text(old_member) if old_member else "", _field_text(member))
        return _effect(f, symbol, "response", types, self._enum(f, side), checked=False)

    @staticmethod
    def _enum(f: Finding, side: Side) -> str:
        found = side.enums.get(f.pointer)
        return found.class_name if found else ""

    @staticmethod
    def _status(c: RawChange, old: Side, new: Side) -> str:
        was, now = old.operation(c.op_key), new.operation(c.op_key)
        call = new.call(c.op_key)
        if was is None or now is None or not call:
            return ""
        if "media-type" in c.id:
            media = (
                was.success.media_type if was.success else "",
                now.success.media_type if now.success else "",
            )
            if media[0] != media[1]:
                return f"`{call}` now reads `{media[1] or 'no body'}` (was `{media[0] or 'no body'}`)"
            return f"none: `{call}` reads `{media[1]}`" if media[1] else "none"
        if "non-success" in c.id:
            return f"`{call}` may now raise the error for HTTP {c.status}" if c.id.endswith("added") else "none"
        before = (was.success.status, type_text(was.success.type)) if was.success else ("", "None")
        after = (now.success.status, type_text(now.success.type)) if now.success else ("", "None")
        if before == after:
            return f"none: `{call}` still returns `{after[1]}`"
        if before[1] != after[1]:
            return f"`{call}` now returns `{after[1]}` (was `{before[1]}`)"
        return f"`{call}` now reads its `{after[1]}` from the {after[0]} response (was {before[0]})"

    # ------------------------------------------------------------ security, servers, schemas

    @staticmethod
    def _security(c: RawChange, old: Side, new: Side) -> str:
        was, now = old.api.auth, new.api.auth
        if was != now:
            return f"the regenerated client sends its credential {_auth_text(now)} (was {_auth_text(was)})"
        schemes = set(c.name.split(",")) if c.name else set()
        call = new.call(c.op_key) if c.op_key else ""
        target = f"`{call}`" if call else "every method"
        if c.id.endswith("security-removed"):
            if not schemes:
                return f"{target} now needs a credential: set {new.api.client.env_prefix}_API_KEY"
            if now.scheme_name in schemes:
                return f"{target} no longer accepts `{now.scheme_name}`, the credential the client sends: calls fail with 401 or 403"
        if c.id.endswith("scope-added") and now.scheme_name in schemes:
            return f"the token the client sends needs the new scope for {target}"
        if now.kind == "none":
            return "none: the generated client sends no credential"
        return f"none: the generated client authenticates with `{now.scheme_name}`"

    @staticmethod
    def _server(old: Side, new: Side) -> str:
        was, now = old.api.client.default_base_url, new.api.client.default_base_url
        if was != now:
            return f"the client's default base URL changes from `{was}` to `{now}`"
        return f"none: the client's default base URL stays `{now}`"

    @staticmethod
    def _schema(c: RawChange, old: Side, new: Side) -> str:
        def class_of(side: Side, name: str) -> str:
            return side.classes.get("/components/schemas/" + escape_pointer_token(name), "")

        if c.id == "api-schema-renamed":
            was, now = (class_of(s, n) for s, n in zip((old, new), c.name.split(">", 1)))
            if was and now and was != now:
                return f"the model `{was}` is now `{now}`: code that imports it by name must follow"
            return "none" if was == now else ""
        if c.id == "api-schema-removed":
            was = class_of(old, c.name)
            return (
                f"the model `{was}` is no longer generated: imports of it fail"
                if was
                else "none: no model class was generated for it"
            )
        now = class_of(new, c.name)
        return f"new model `{now}`" if now else "none: no model class is generated for it"


# ----------------------------------------------------------------- look-ups and wording


def _parameter_of(op: ir.Operation | None, location: str, wire: str) -> ir.Parameter | None:
    params = op.parameters if op else ()
    return next((p for p in params if p.location == location and p.wire_name == wire), None)


def _argument_of(op: ir.Operation | None, wire: str) -> ir.BodyField | None:
    fields = op.body.fields if op and op.body else ()
    return next((bf for bf in fields if bf.field.wire_name == wire), None)


def _field_of(model: ir.Model | None, wire: str) -> ir.Field | None:
    return next((f for f in model.fields if f.wire_name == wire), None) if model else None


def _field_text(f: ir.Field) -> str:
    text = type_text(f.type)
    return text if f.required or text.startswith("Optional[") else f"Optional[{text}]"


def _argument(c: RawChange, f: Finding, arg: str, call: str, types: tuple[str, str]) -> str:
    """Impact of a change to a top-level body property, which the method takes as a keyword argument."""
    if c.id.startswith("new-required-request-property") or f.kind.startswith("became-required"):
        return f"`{call}` now requires {arg}" + (
            " (the server no longer fills in its default)" if f.kind == "became-required-with-default" else ""
        )
    if f.kind == "became-not-read-only":
        return f"`{call}` now requires {arg}" if f.required else f"`{call}` takes a new optional {arg}"
    if c.id == "new-optional-request-property":
        return f"`{call}` takes a new optional {arg}"
    if c.id == "request-property-removed" or f.kind == "became-read-only":
        return f"`{call}` no longer takes {arg}: passing it raises TypeError"
    if f.kind == "became-optional":
        return f"{arg} of `{call}` may now be omitted"
    if f.kind in ("became-write-only", "became-not-write-only"):
        return "none"
    return _effect(f, f"{arg} of `{call}`", "request", types, "", checked=True)


@dataclass(frozen=True)
class Subject:
    """What an impact text is about: the client symbol a schema difference reaches, and how."""

    finding: Finding
    symbol: str  # "`Pet.name`", "`name=` of `client.pets.create()`", "the value `client.pets.get()` returns"
    request: bool
    types: tuple[str, str]  # the Python types before and after ("" when unknown)
    enum: str  # the generated enum class of a response value, "" when none
    checked: bool  # the request model validates the value before sending

    def value(self, i: int = 0) -> str:
        """The ``i``-th value the finding carries, spelled as Python."""
        values = self.finding.values
        return _value(values[i]) if len(values) > i else ""

    @property
    def keyword(self) -> str:
        """The JSON Schema keyword behind the finding's kind (``maxLength``, ``contains``...)."""
        values = self.finding.values
        if len(values) > 2 and isinstance(values[2], str):
            return values[2]  # bounds and patterns carry their keyword
        stem = self.finding.kind.split(":")[-1].rsplit("-", 1)[0]
        return KEYWORDS.get(stem, stem)


Effect = Callable[[Subject], str]
# the keywords a generated request model validates before sending
CHECKED = frozenset(set(BOUNDS) - {"minContains", "maxContains"} | {"pattern"})
# kind stem of a JSON Schema 2020-12 keyword → the keyword, as the texts name it
KEYWORDS = {
    "contains": "contains",
    "content-schema": "contentSchema",
    "dependent-required": "dependentRequired",
    "dependent-schema": "dependentSchemas",
    "if": "if",
    "then": "then",
    "else": "else",
    "pattern-property": "patternProperties",
    "prefix-items": "prefixItems",
    "property-names": "propertyNames",
    "unevaluated-items": "unevaluatedItems",
    "unevaluated-properties": "unevaluatedProperties",
    "pattern": "pattern",
}


def _type(s: Subject) -> str:
    was, now = s.types
    if was and now and was != now:
        return f"{s.symbol} is now `{now}` (was `{was}`)"
    if now:
        return f"{s.symbol} keeps its Python type `{now}`"
    labels = s.finding.values
    return f"{s.symbol} now holds `{labels[1]}` (was `{labels[0]}`)" if len(labels) > 1 else ""


def _nullable(s: Subject) -> str:
    if s.request:
        return f"{s.symbol} now accepts None"
    was = s.types[0]
    if was.startswith("Optional["):
        return f"{s.symbol} may now be None even when the server sends it: check before using it"
    typed = f" where the client typed `{was}`" if was and "None" not in was else ""
    return f"{s.symbol} may now be None{typed}: check before using it"


def _enum_added(s: Subject) -> str:
    if s.request:
        return f"{s.symbol} also accepts {s.value()}"
    if s.enum:
        return f"`{s.enum}` gains {s.value()}: code that handles each member of `{s.enum}` needs a branch for it"
    return f"{s.symbol} may now be {s.value()}: code that handles each value needs a branch for it"


def _option(s: Subject) -> str:
    option, gained = s.finding.values[0], s.finding.kind.endswith("added")
    if s.request:
        return f"{s.symbol} {'accepts' if gained else 'no longer accepts'} the option {option}"
    if gained:
        return f"{s.symbol} may now hold the option {option}: code that checks each option needs a branch for it"
    return f"{s.symbol} no longer holds the option {option}"


def _member(s: Subject) -> str:
    member, gained = s.finding.values[0], "added" in s.finding.kind
    if s.finding.kind.endswith("annotation-only"):
        return f"none: the `allOf` member {member} only describes {s.symbol}"
    if gained:
        what = "must now also match" if s.request else "now also matches"
        return f"{s.symbol} {what} the `allOf` member {member}: the regenerated model has its fields"
    return f"{s.symbol} no longer matches the `allOf` member {member}: the regenerated model drops its fields"


def _wrapped(s: Subject) -> str:
    typed = f" (`{s.types[1]}`)" if s.types[1] else ""
    if s.request:
        return f"{s.symbol} is now one of several options{typed}: values of the old shape must match one option exactly"
    return f"{s.symbol} is now one of several options{typed}: code reading the old shape needs an isinstance check"


def _default(s: Subject) -> str:
    if not s.request:
        return "none: a response default is documentation for the client"
    new = s.finding.values[1] if len(s.finding.values) > 1 else None
    if new is not None:
        return f"when {s.symbol} is left out the server uses {_value(new)}"
    return f"when {s.symbol} is left out the server no longer assumes {s.value()}"


def _deprecated(s: Subject) -> str:
    kind = s.finding.kind
    if kind == "deprecated-sunset-missing":
        return f"{s.symbol} is deprecated with no announced removal date: code using it may break without notice"
    if kind == "deprecated-sunset-invalid":
        return f"{s.symbol} is deprecated with an unreadable removal date: code using it may break without notice"
    if kind == "sunset-date-too-small":
        date, days = s.finding.values[:2]
        return f"{s.symbol} is deprecated and may go on {date}, with less than the {days} days' notice: move off it now"
    if kind == "deprecated-with-sunset":
        return f"{s.symbol} is deprecated and may go after {s.finding.values[0]}"
    return f"{s.symbol} is deprecated"


def _stability(s: Subject) -> str:
    was, now = s.finding.values[:2]
    if s.finding.kind.endswith("decreased"):
        return f"{s.symbol} is now `{now}` (was `{was}`): it may change without notice"
    return f"{s.symbol} is now `{now}` (was `{was}`)"


def _bound(s: Subject) -> str:
    """A bound, pattern or 2020-12 keyword: what a tighter or looser rule does to the client."""
    levels = KIND_LEVELS.get(s.finding.kind, (I, I))
    rule = f"`{s.keyword}: {s.finding.values[1]!r}`" if len(s.finding.values) > 2 else f"the new `{s.keyword}`"
    if s.request and levels[0] == I:
        return f"{s.symbol} accepts more values"
    if s.request and s.checked and s.keyword in CHECKED:
        return f"the request model checks {s.symbol} before sending: a value breaking {rule} raises ValidationError"
    if s.request:
        return f"the client sends {s.symbol} as given; the server now rejects values breaking {rule}"
    if levels[1] == I and s.finding.kind.endswith(("-changed", "-generalized")):
        return f"none: generated response models do not check `{s.keyword}`"
    if levels[1] == I:
        return "none: the server's values only get narrower"
    return (
        f"generated response models do not check `{s.keyword}`: {s.symbol} may now hold values the old rule excluded,"
        " and code relying on it must cope"
    )


def _content(s: Subject) -> str:
    was, now = (_value(v) if v else "nothing" for v in s.finding.values[:2])
    verb = "must be sent" if s.request else "now arrives"
    return f"{s.symbol} {verb} as {now} (was {was}): code that encodes or decodes it must follow"


EFFECTS: dict[str, Effect] = {
    "type-changed": _type,
    "type-generalized": _type,
    "type-specialized": _type,
    "type-compatible": _type,
    "list-of-types-widened": _type,
    "list-of-types-narrowed": _type,
    "became-nullable": _nullable,
    "became-not-nullable": lambda s: (
        f"{s.symbol} no longer accepts None" if s.request else f"{s.symbol} is never None any more"
    ),
    "enum-value-added": _enum_added,
    "enum-value-removed": lambda s: (
        f"{s.symbol} no longer accepts {s.value()}" if s.request else f"{s.symbol} is never {s.value()} any more"
    ),
    "became-enum": lambda s: (
        f"{s.symbol} accepts only the listed values" if s.request else f"{s.symbol} holds only the listed values"
    ),
    "became-not-enum": lambda s: (
        f"{s.symbol} accepts any value" if s.request else f"{s.symbol} may hold values outside the list"
    ),
    "x-extensible-enum-value-removed": lambda s: (
        f"the server no longer accepts {s.value()} for {s.symbol}"
        if s.request
        else f"{s.symbol} is never {s.value()} any more"
    ),
    "const-added": lambda s: (
        f"{s.symbol} must now be {s.value()}" if s.request else f"{s.symbol} is always {s.value()}"
    ),
    "const-removed": lambda s: (
        f"{s.symbol} is no longer fixed to {s.value()}"
        if s.request
        else f"{s.symbol} may now hold values other than {s.value()}: code that assumes it breaks"
    ),
    "const-changed": lambda s: (
        f"{s.symbol} must now be {s.value()} (was {s.value(1)})"
        if s.request
        else f"{s.symbol} is now {s.value()} (was {s.value(1)}): code comparing it with {s.value(1)} breaks"
    ),
    "became-required": lambda s: f"{s.symbol} is now required" if s.request else f"{s.symbol} is always sent now",
    "became-required-with-default": lambda s: f"{s.symbol} is now required: the server no longer fills in its default",
    "became-optional": lambda s: (
        f"{s.symbol} may now be left out"
        if s.request
        else f"{s.symbol} may be missing: it is None when the server leaves it out"
    ),
    "one-of-added": _option,
    "one-of-removed": _option,
    "any-of-added": _option,
    "any-of-removed": _option,
    "all-of-added": _member,
    "all-of-removed": _member,
    "all-of-added-annotation-only": _member,
    "all-of-removed-annotation-only": _member,
    "wrapped-in-one-of": _wrapped,
    "discriminator-added": lambda s: f"the regenerated client picks the option of {s.symbol} by its discriminator",
    "discriminator-removed": lambda s: f"the regenerated client tells the options of {s.symbol} apart by their shape",
    "discriminator-property-name-changed": lambda s: f"the regenerated client tells the options of {s.symbol} apart"
    " by the new property",
    "discriminator-mapping-added": lambda s: f"the discriminator of {s.symbol} also maps `{s.finding.values[0]}`",
    "discriminator-mapping-deleted": lambda s: f"the discriminator of {s.symbol} no longer maps"
    f" `{s.finding.values[0]}`: values tagged with it fall back to matching by shape",
    "discriminator-mapping-changed": lambda s: f"the discriminator value `{s.finding.values[0]}` of {s.symbol}"
    " now selects another option",
    "deprecated": _deprecated,
    "deprecated-with-sunset": _deprecated,
    "deprecated-sunset-missing": _deprecated,
    "deprecated-sunset-invalid": _deprecated,
    "sunset-date-too-small": _deprecated,
    "reactivated": lambda s: f"{s.symbol} is no longer deprecated",
    "stability-decreased": _stability,
    "stability-increased": _stability,
    "content-media-type-changed": _content,
    "content-encoding-changed": _content,
    "default-value-added": _default,
    "default-value-removed": _default,
    "default-value-changed": _default,
    "property-added": lambda s: f"{s.symbol} is new and " + ("required" if s.finding.required else "optional"),
    "property-removed": lambda s: f"{s.symbol} is gone: the server ignores or rejects it",
    "became-read-only": lambda s: "none",
    "became-not-read-only": lambda s: "none",
    "became-write-only": lambda s: "none",
    "became-not-write-only": lambda s: "none",
}
# every kind without its own text is a rule on values: bounds, patterns and the 2020-12 keywords
EFFECTS.update({kind: _bound for kind in KIND_LEVELS if kind not in EFFECTS})


def _effect(
    f: Finding,
    symbol: str,
    direction: str,
    types: tuple[str, str],
    enum: str,
    *,
    checked: bool,
) -> str:
    """What a schema change does to ``symbol``; ``checked``: the request model validates it before sending."""
    hidden, _, kind = f.kind.partition(":")
    if hidden == "header":
        f, hidden, kind = replace(f, kind=kind), "", ""
    if kind:
        verb, flag = ("send", "read-only") if hidden == "read-only" else ("receive", "write-only")
        return f"none: the client does not {verb} {symbol} ({flag})"
    effect = EFFECTS.get(f.kind)
    return effect(Subject(f, symbol, direction == "request", types, enum, checked)) if effect else ""


def _value(value: Any) -> str:
    return f"`{value!r}`"


def _auth_text(auth: ir.Auth) -> str:
    if auth.kind == "header":
        return f"in the `{auth.param_name}` header" + (f" with the prefix `{auth.prefix}`" if auth.prefix else "")
    if auth.kind in ("query", "cookie"):
        return f"in the {auth.kind} parameter `{auth.param_name}`"
    if auth.kind in ("bearer", "basic"):
        return f"as HTTP {auth.kind} authentication"
    return "nowhere (no security scheme)"
