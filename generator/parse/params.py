"""Plain-dict argument types: every model an operation sends gets a ``TypedDict`` (``SlideParam``).

Stainless's ``types/*_params.py``: the user writes ``{"voice": {"id": 1}}`` and the type checker
checks the keys and values; the request model still validates the dict before it is sent. The
models reachable from an operation's arguments (parameters, body fields, a whole body) get a
``ParamsDict`` each; enums among them are accepted as the ``Literal`` of their values. Every
``ModelRef`` of the API then carries that ``param`` form, which ``annotation(param=True)`` spells.
"""

from __future__ import annotations

import functools
from dataclasses import replace
from typing import Iterable

from generator import ir
from generator.parse import names
from generator.parse.replay import Deriving, made_anew

ANY_MAPPING = ir.MapOf(ir.primitive("Any"))


def with_params(
    api: ir.Api, classes: names.Namespace, modules: names.Namespace, derived: Deriving | None = None
) -> ir.Api:
    """``api`` with a ``ParamsDict`` for every model its operations send, and refs that point to them.
    ``derived`` (a replaying parse's) hands back what the last build made of the same objects."""
    index: dict[str, ir.Model | ir.Enum] = {s.class_name: s for s in api.schemas}
    sent = _sent_schemas(api, index)
    forms: dict[str, ir.TypeRef] = {}
    for schema in sent:
        forms[schema.class_name] = _param_form(schema, classes, modules)
    attach = _Attach(forms)
    made = derived("params", forms) if derived is not None else made_anew

    def params_of(schema: ir.Model, form: ir.ModelRef) -> ir.ParamsDict:
        return ir.ParamsDict(
            class_name=form.class_name,
            module=form.module,
            model=schema.class_name,
            pointer=schema.pointer,
            fields=tuple(f if (t := attach(f.type)) is f.type else replace(f, type=t) for f in schema.fields),
            description=schema.description,
        )

    params: tuple[ir.ParamsDict, ...] = tuple(
        sorted(
            (
                made((schema,), functools.partial(params_of, schema, form))
                for schema in sent
                if isinstance(schema, ir.Model) and isinstance(form := forms[schema.class_name], ir.ModelRef)
            ),
            key=lambda p: p.module,
        )
    )
    resources = tuple(
        replace(
            r,
            operations=tuple(made((op,), functools.partial(_attached_operation, op, attach)) for op in r.operations),
        )
        for r in api.resources
    )
    return replace(api, resources=resources, params=params)


def param_name(model_class: str) -> str:
    """``SlideRequest`` → ``SlideParam``, ``Pet`` → ``PetParam``."""
    base = (
        model_class[: -len("Request")] if model_class.endswith("Request") and model_class != "Request" else model_class
    )
    return base + "Param"


def _param_form(schema: ir.Model | ir.Enum, classes: names.Namespace, modules: names.Namespace) -> ir.TypeRef:
    """What an argument of this schema's type accepts: a TypedDict, a Literal, or any mapping."""
    if isinstance(schema, ir.Enum):
        return ir.LiteralOf(tuple(m.value for m in schema.members)) if schema.members else ir.primitive(schema.base)
    if not schema.fields or schema.additional_properties is not None:
        return ANY_MAPPING  # keys the document does not list are part of the value
    candidates = [param_name(schema.class_name), schema.class_name + "Param", schema.class_name + "Dict"]
    class_name = next((c for c in candidates if not classes.taken(c)), candidates[0])
    class_name = classes.claim(class_name)
    return ir.ModelRef(class_name, modules.claim(names.module_name(class_name)))


def _sent_schemas(api: ir.Api, index: dict[str, ir.Model | ir.Enum]) -> list[ir.Model | ir.Enum]:
    """Models and enums reachable from some operation's arguments, in first-met order."""
    todo: list[ir.TypeRef] = []
    for op in api.operations:
        todo.extend(p.type for p in op.parameters)
        if op.body is not None:
            todo.extend(bf.field.type for bf in op.body.fields) if op.body.fields else todo.append(op.body.type)
    seen: dict[str, ir.Model | ir.Enum] = {}
    while todo:
        for t in _walk(todo.pop()):
            if isinstance(t, ir.ModelRef) and t.class_name not in seen and t.class_name in index:
                schema = seen[t.class_name] = index[t.class_name]
                if isinstance(schema, ir.Model):
                    todo.extend(f.type for f in schema.fields)
    return list(seen.values())


def _walk(t: ir.TypeRef) -> Iterable[ir.TypeRef]:
    stack = [t]
    while stack:
        cur = stack.pop()
        yield cur
        if isinstance(cur, ir.ListOf):
            stack.append(cur.item)
        elif isinstance(cur, ir.MapOf):
            stack.append(cur.value)
        elif isinstance(cur, ir.Nullable):
            stack.append(cur.inner)
        elif isinstance(cur, ir.UnionOf):
            stack.extend(cur.options)


class _Attach:
    """Rebuilds a type with each ``ModelRef`` carrying its param form (memoized: types repeat)."""

    def __init__(self, forms: dict[str, ir.TypeRef]) -> None:
        self.forms = forms
        self.memo: dict[ir.TypeRef, ir.TypeRef] = {}

    def __call__(self, t: ir.TypeRef) -> ir.TypeRef:
        if isinstance(t, (ir.Primitive, ir.DateTime, ir.LiteralOf)):
            return t
        done = self.memo.get(t)
        if done is None:
            done = self.memo[t] = self._attached(t)
        return done

    def _attached(self, t: ir.TypeRef) -> ir.TypeRef:
        """``t`` itself when no model in it is sent (most types): nothing is copied."""
        if isinstance(t, ir.ModelRef):
            form = self.forms.get(t.class_name)
            return ir.ModelRef(t.class_name, t.module, form) if form is not None else t
        if isinstance(t, ir.ListOf):
            item = self(t.item)
            return t if item is t.item else ir.ListOf(item)
        if isinstance(t, ir.MapOf):
            value = self(t.value)
            return t if value is t.value else ir.MapOf(value)
        if isinstance(t, ir.Nullable):
            inner = self(t.inner)
            return t if inner is t.inner else ir.Nullable(inner)
        if isinstance(t, ir.UnionOf):
            options = tuple(self(o) for o in t.options)
            return t if all(a is b for a, b in zip(options, t.options)) else replace(t, options=options)
        return t


def _attached_operation(op: ir.Operation, attach: _Attach) -> ir.Operation:
    """``op`` with its arguments' types carrying their param forms (``op`` itself if none changes)."""
    parameters = tuple(p if (t := attach(p.type)) is p.type else replace(p, type=t) for p in op.parameters)
    body = op.body
    if body is not None:
        fields = tuple(
            bf if (t := attach(bf.field.type)) is bf.field.type else replace(bf, field=replace(bf.field, type=t))
            for bf in body.fields
        )
        body_type = attach(body.type)
        if body_type is not body.type or any(a is not b for a, b in zip(fields, body.fields)):
            body = replace(body, type=body_type, fields=fields)
    if body is op.body and all(a is b for a, b in zip(parameters, op.parameters)):
        return op
    return replace(op, parameters=parameters, body=body)
