"""The mock server's data: DRF-style request validation over IR types, collections kept in memory, job lifecycles."""

from __future__ import annotations

import datetime as dt
import decimal
import json
import random
import re
import uuid
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from generator import ir
from generator.ir.examples import Synthesizer

REQUIRED = "This field is required."
NOT_NULL = "This field may not be null."
NOT_A_FILE = "The submitted data was not a file. Check the encoding type on the form."
TYPE_MESSAGES = {
    "str": "Not a valid string.",
    "int": "A valid integer is required.",
    "float": "A valid number is required.",
    "bool": "Must be a valid boolean.",
    "None": "This field must be null.",
}
FORMAT_MESSAGES = {
    "datetime": "Datetime has wrong format. Use one of these formats instead: "
    "YYYY-MM-DDThh:mm[:ss[.uuuuuu]][+HH:MM|-HH:MM|Z].",
    "date": "Date has wrong format. Use one of these formats instead: YYYY-MM-DD.",
    "time": "Time has wrong format. Use one of these formats instead: hh:mm[:ss[.uuuuuu]].",
    "UUID": "Must be a valid UUID.",
    "Decimal": "A valid number is required.",
    "uri": "Enter a valid URL.",
    "url": "Enter a valid URL.",
    "email": "Enter a valid email address.",
}
SEEDED = 3  # objects each collection starts with
FAILURE_TRIGGER = "fail"  # a created job whose request holds this text (any case) ends in failure
PARAM = re.compile(r"\{[^}/]*\}")
ITEM_SHAPE = re.compile(r"^(.*/)\{\}(/?)$")


@dataclass(frozen=True)
class Upload:
    """A file part of a multipart request."""

    filename: str
    content_type: str
    size: int


def shape_of(path: str) -> str:
    """``/api/videos/{id}/`` → ``/api/videos/{}/``: a path template with its parameter names dropped."""
    return PARAM.sub("{}", path)


def _type_name(value: Any) -> str:
    return type(value).__name__


def _number(n: float) -> str:
    return str(int(n)) if float(n).is_integer() else str(n)


def _is_choice(value: Any, choices: tuple[Any, ...]) -> bool:
    return any(value == c and isinstance(value, bool) == isinstance(c, bool) for c in choices)


def _choice_error(value: Any) -> list[str]:
    return [f'"{value}" is not a valid choice.']


class Values:
    """Checks JSON values against IR types (DRF messages), reads form text as typed values, and shapes data."""

    def __init__(self, api: ir.Api) -> None:
        self.index: dict[str, ir.Schema] = {s.class_name: s for s in api.schemas}
        self.synthesizer = Synthesizer(api)

    def target(self, t: ir.TypeRef) -> ir.Schema | None:
        """The model or enum a reference names, or None."""
        return self.index.get(t.class_name) if isinstance(t, ir.ModelRef) else None

    def resolved(self, t: ir.TypeRef) -> ir.TypeRef:
        """``t`` with nullability taken off."""
        return ir.non_null(t)

    def model(self, t: ir.TypeRef | None) -> ir.Model | None:
        found = self.target(ir.non_null(t)) if t is not None else None
        return found if isinstance(found, ir.Model) else None

    def enum_values(self, t: ir.TypeRef) -> tuple[Any, ...]:
        """The values of an enum or literal type, or () for any other type."""
        t = self.resolved(t)
        if isinstance(t, ir.LiteralOf):
            return t.values
        found = self.target(t)
        return tuple(m.value for m in found.members) if isinstance(found, ir.Enum) else ()

    # ------------------------------------------------------------ validation

    def errors(self, value: Any, t: ir.TypeRef) -> Any:
        """DRF-style errors of ``value`` as a ``t`` (a list of messages, or a dict/list for nested data); None if valid."""
        if isinstance(t, ir.Nullable):
            return None if value is None else self.errors(value, t.inner)
        if isinstance(t, ir.ModelRef):
            return self._reference_errors(value, t)
        if value is None:
            return None if isinstance(t, ir.Primitive) and t.name in ("Any", "None") else [NOT_NULL]
        if isinstance(t, ir.Primitive):
            return self._primitive_errors(value, t)
        if isinstance(t, ir.DateTime):
            return None if _parses(value, t.name) else [FORMAT_MESSAGES[t.name]]
        if isinstance(t, ir.LiteralOf):
            return None if _is_choice(value, t.values) else _choice_error(value)
        if isinstance(t, ir.UnionOf):
            found = [self.errors(value, option) for option in t.options]
            return None if any(e is None for e in found) or not found else found[0]
        if isinstance(t, ir.ListOf):
            return self._list_errors(value, t)
        if not isinstance(value, dict):
            return [f'Expected a dictionary of items but got type "{_type_name(value)}".']
        nested = {str(k): e for k, v in value.items() if (e := self.errors(v, t.value))}
        return nested or None

    def _reference_errors(self, value: Any, t: ir.ModelRef) -> Any:
        found = self.index.get(t.class_name)
        if value is None:
            return [NOT_NULL]
        if isinstance(found, ir.Enum):
            return None if _is_choice(value, tuple(m.value for m in found.members)) else _choice_error(value)
        if isinstance(found, ir.Model):
            return self.model_errors(value, found)
        return None

    def _primitive_errors(self, value: Any, t: ir.Primitive) -> list[str] | None:
        name = t.name
        if name == "Any":
            return None
        if name in ("bytes", "File"):
            return None if isinstance(value, (Upload, str)) else [NOT_A_FILE]
        ok = {
            "str": isinstance(value, str),
            "int": not isinstance(value, bool)
            and (isinstance(value, int) or (isinstance(value, float) and value.is_integer())),
            "float": isinstance(value, (int, float)) and not isinstance(value, bool),
            "bool": isinstance(value, bool),
            "None": False,
        }[name]
        if not ok:
            return [TYPE_MESSAGES[name]]
        if name == "str" and t.format in FORMAT_MESSAGES and not _parses(value, t.format):
            return [FORMAT_MESSAGES[t.format]]
        return None

    def _list_errors(self, value: Any, t: ir.ListOf) -> Any:
        if not isinstance(value, list):
            return [f'Expected a list of items but got type "{_type_name(value)}".']
        found = [self.errors(item, t.item) for item in value]
        if not any(found):
            return None
        if self.model(t.item) is not None:
            return [e or {} for e in found]
        return {str(i): e for i, e in enumerate(found) if e}

    def model_errors(self, value: Any, model: ir.Model, *, partial: bool = False) -> Any:
        """Errors by wire name for an object sent as ``model`` (read-only fields ignored); None if valid."""
        if not isinstance(value, dict):
            return {"non_field_errors": [f"Invalid data. Expected a dictionary, but got {_type_name(value)}."]}
        out: dict[str, Any] = {}
        for f in model.fields:
            if f.read_only:
                continue
            if f.wire_name not in value:
                if f.required and not partial:
                    out[f.wire_name] = [REQUIRED]
                continue
            found = self.field_errors(value[f.wire_name], f)
            if found:
                out[f.wire_name] = found
        return out or None

    def field_errors(self, value: Any, f: ir.Field) -> Any:
        if value is None and f.nullable:
            return None
        return self.errors(value, f.type) or constraint_errors(value, f.constraints)

    # ------------------------------------------------------------ text (query, form) → values

    def from_text(self, raw: list[str], t: ir.TypeRef) -> Any:
        """Form or query text read as a value of ``t`` where it can be; otherwise the text, for the validator to refuse."""
        t = self.resolved(t)
        if isinstance(t, ir.ListOf):
            return [self.from_text([r], t.item) for r in raw]
        text = raw[-1]
        if isinstance(t, ir.UnionOf):
            for option in t.options:
                value = self.from_text(raw, option)
                if self.errors(value, option) is None:
                    return value
            return text
        choices = self.enum_values(t)
        if choices:
            return next(
                (c for c in choices if str(c) == text or (isinstance(c, bool) and str(c).lower() == text)), text
            )
        if isinstance(t, ir.Primitive) and t.name in ("int", "float"):
            return _number_from(text, t.name)
        if isinstance(t, ir.Primitive) and t.name == "bool":
            return {"true": True, "1": True, "false": False, "0": False}.get(text.lower(), text)
        if isinstance(t, (ir.MapOf, ir.ModelRef)):
            try:
                return json.loads(text)
            except ValueError:
                return text
        return text

    # ------------------------------------------------------------ data

    def sample(self, t: ir.TypeRef | None) -> Any:
        """A synthesized value of ``t`` (spec examples first)."""
        if t is None:
            return None
        target = self.target(ir.non_null(t)) if isinstance(ir.non_null(t), ir.ModelRef) else None
        if isinstance(target, ir.Model):
            return self.synthesizer.model(target)
        if isinstance(target, ir.Enum):
            return target.members[0].value if target.members else None
        return self.synthesizer.value(self.resolved(t))

    def shaped(self, value: Any, t: ir.TypeRef | None) -> Any:
        """``value`` as a ``t``: known fields that fit are kept, everything else is synthesized."""
        if t is None:
            return None
        if isinstance(t, ir.Nullable):
            return None if value is None else self.shaped(value, t.inner)
        model = self.model(t)
        if model is not None and isinstance(value, dict):
            out = self.sample(t)
            out = out if isinstance(out, dict) else {}
            for f in model.fields:
                if f.wire_name in value:
                    given = value[f.wire_name]
                    out[f.wire_name] = None if given is None and f.nullable else self.shaped(given, f.type)
            return out
        resolved = self.resolved(t)
        if isinstance(resolved, ir.ListOf) and isinstance(value, list):
            return [self.shaped(v, resolved.item) for v in value]
        if isinstance(resolved, ir.MapOf) and isinstance(value, dict):
            return {k: self.shaped(v, resolved.value) for k, v in value.items()}
        return value if self.errors(value, t) is None else self.sample(t)

    def varied(self, obj: Any, model: ir.Model | None, rng: random.Random, keep: str) -> Any:
        """``obj`` with its top-level choices, free text and free integers drawn from ``rng`` (``keep`` untouched)."""
        if model is None or not isinstance(obj, dict):
            return obj
        for f in model.fields:
            if f.wire_name == keep or f.wire_name not in obj or obj[f.wire_name] is None:
                continue
            t = self.resolved(f.type)
            choices = self.enum_values(t)
            plain = f.constraints.is_empty() and isinstance(t, ir.Primitive) and not t.format
            if choices:
                obj[f.wire_name] = rng.choice(choices)
            elif plain and isinstance(t, ir.Primitive) and t.name == "str" and isinstance(obj[f.wire_name], str):
                obj[f.wire_name] = f"{obj[f.wire_name]} {rng.randint(1, 999)}"
            elif plain and isinstance(t, ir.Primitive) and t.name == "int":
                obj[f.wire_name] = rng.randint(1, 1000)
        return obj


def constraint_errors(value: Any, c: ir.Constraints) -> list[str] | None:
    """DRF's messages for the length, range, pattern and item-count constraints ``value`` breaks."""
    if c.is_empty():
        return None
    found: list[str] = []
    if isinstance(value, str):
        if c.min_length and not value:
            found.append("This field may not be blank.")
        elif c.min_length is not None and len(value) < c.min_length:
            found.append(f"Ensure this field has at least {c.min_length} characters.")
        if c.max_length is not None and len(value) > c.max_length:
            found.append(f"Ensure this field has no more than {c.max_length} characters.")
        if c.pattern and not _matches(c.pattern, value):
            found.append("This value does not match the required pattern.")
    elif isinstance(value, (int, float)) and not isinstance(value, bool):
        bounds = (
            (c.minimum, value < (c.minimum or 0), "greater than or equal to"),
            (c.maximum, value > (c.maximum or 0), "less than or equal to"),
            (c.exclusive_minimum, value <= (c.exclusive_minimum or 0), "greater than"),
            (c.exclusive_maximum, value >= (c.exclusive_maximum or 0), "less than"),
        )
        found += [
            f"Ensure this value is {words} {_number(bound)}."
            for bound, broken, words in bounds
            if bound is not None and broken
        ]
    elif isinstance(value, list):
        if c.min_items is not None and len(value) < c.min_items:
            found.append(f"Ensure this field has at least {c.min_items} elements.")
        if c.max_items is not None and len(value) > c.max_items:
            found.append(f"Ensure this field has no more than {c.max_items} elements.")
    return found or None


def _matches(pattern: str, value: str) -> bool:
    try:
        return re.search(pattern, value) is not None
    except re.error:
        return True  # a pattern Python cannot read is not the client's fault


def _number_from(text: str, kind: str) -> Any:
    try:
        return int(text) if kind == "int" else float(text)
    except ValueError:
        return text


def _parses(value: Any, kind: str) -> bool:
    """Whether ``value`` is text in the format ``kind`` (date-time, date, time, UUID, Decimal, uri, email)."""
    if kind == "Decimal":
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            return False
        try:
            return decimal.Decimal(str(value)).is_finite()
        except decimal.InvalidOperation:
            return False
    if not isinstance(value, str):
        return False
    if kind in ("uri", "url"):
        parts = urlsplit(value)
        return bool(parts.scheme and parts.netloc)
    if kind == "email":
        return re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", value) is not None
    readers: dict[str, Any] = {
        "datetime": dt.datetime.fromisoformat,
        "date": dt.date.fromisoformat,
        "time": dt.time.fromisoformat,
        "UUID": uuid.UUID,
    }
    try:
        readers[kind](value)
    except ValueError:
        return False
    return True


# ----------------------------------------------------------------- collections and jobs


@dataclass(frozen=True)
class JobSpec:
    """A status enum that moves one step per read: the non-terminal values in order, then success or failure."""

    status_field: str  # wire name
    steps: tuple[str, ...]
    success: str
    failure: str

    def first(self, failing: bool) -> str:
        return (self.steps or (self.failure if failing else self.success,))[0]

    def after(self, status: Any, failing: bool) -> Any:
        """The status one read after ``status`` (terminal values stay)."""
        if status in (self.success, self.failure):
            return status
        path = self.steps + (self.failure if failing else self.success,)
        return path[path.index(status) + 1] if status in self.steps else path[0]


@dataclass(frozen=True)
class CollectionSpec:
    """A resource collection: the list/create path, the item path, what its items are and how they are named."""

    shape: str  # ``/api/videos/`` (path parameters as ``{}``)
    item_shape: str  # ``/api/videos/{}/``, or "" when items cannot be addressed
    item_type: ir.TypeRef
    id_field: str  # wire name of the identifier in an item, or ""
    id_type: ir.TypeRef
    job: JobSpec | None = None


@dataclass
class Collection:
    """One concrete collection (a nested one per parent): items by identifier text, in creation order."""

    items: dict[str, Any]
    next_id: int
    failing: set[str] = field(default_factory=set)


def job_specs(api: ir.Api, values: Values) -> dict[str, JobSpec]:
    """Job lifecycles by the class name of the model that carries the status."""
    jobs: dict[str, JobSpec] = {}
    for resource in api.resources:
        wait = resource.wait
        model = values.model(wait.model) if wait else None
        if wait is None or model is None:
            continue
        status = next((f for f in model.fields if f.name == wait.status_field), None)
        if status is None:
            continue
        members = [str(v) for v in values.enum_values(status.type)]
        terminal = wait.success_values + wait.failure_values
        steps = tuple(v for v in members if v not in terminal)
        jobs[wait.model.class_name] = JobSpec(status.wire_name, steps, wait.success_values[0], wait.failure_values[0])
    return jobs


def list_item_type(op: ir.Operation, values: Values) -> ir.TypeRef | None:
    """The item type of a list operation: its pagination's, or that of the array it returns."""
    if op.http_method != "get":
        return None
    if op.pagination is not None:
        return op.pagination.item_type
    returned = values.resolved(op.success.type) if op.success and op.success.type else None
    return returned.item if isinstance(returned, ir.ListOf) else None


def collection_specs(api: ir.Api, values: Values) -> dict[str, CollectionSpec]:
    """Collections by shape: every list path, and every path whose item path ``…/{id}`` has operations."""
    jobs = job_specs(api, values)
    item_ops: dict[str, list[ir.Operation]] = {}
    for op in api.operations:
        m = ITEM_SHAPE.match(shape_of(op.request_path))
        if m:
            item_ops.setdefault(m.group(1), []).append(op)
    lists = {shape_of(op.request_path): t for op in api.operations if (t := list_item_type(op, values)) is not None}
    creates = {
        shape_of(op.request_path): op.success.type
        for op in api.operations
        if op.http_method == "post" and op.success and op.success.type
    }
    specs: dict[str, CollectionSpec] = {}
    for shape in list(lists) + [s for s in item_ops if s not in lists]:
        items = item_ops.get(shape, [])
        reads = [op.success.type for op in items if op.http_method == "get" and op.success and op.success.type]
        item_type = next(iter(reads), None) or lists.get(shape) or creates.get(shape)
        if item_type is None:
            continue
        param = next((p for op in items for p in reversed(op.parameters) if p.location == "path"), None)
        model = values.model(item_type)
        wire_names = {f.wire_name: f for f in model.fields} if model else {}
        id_field = next((n for n in ((param.wire_name if param else ""), "id", "pk", "uuid") if n in wire_names), "")
        id_type = wire_names[id_field].type if id_field else (param.type if param else ir.Primitive("int"))
        job = jobs.get(model.class_name) if model else None
        specs[shape] = CollectionSpec(
            shape, shape_of(items[0].request_path) if items else "", item_type, id_field, id_type, job
        )
    return specs


def _id_kind(t: ir.TypeRef) -> str:
    t = ir.non_null(t)
    if isinstance(t, ir.Primitive) and t.name in ("int", "float"):
        return "int"
    if (isinstance(t, ir.DateTime) and t.name == "UUID") or (isinstance(t, ir.Primitive) and t.format == "uuid"):
        return "uuid"
    return "str"


def identifier(n: int, t: ir.TypeRef) -> Any:
    """The ``n``-th identifier of type ``t``: the integer, a UUID made from it, or its text."""
    kind = _id_kind(t)
    return n if kind == "int" else str(uuid.UUID(int=n)) if kind == "uuid" else str(n)


def id_key(raw: str, t: ir.TypeRef) -> str | None:
    """A path parameter as the key items are stored under; None when it cannot name an item (``abc`` for an integer)."""
    kind = _id_kind(t)
    try:
        return str(int(raw)) if kind == "int" else str(uuid.UUID(raw)) if kind == "uuid" else raw
    except ValueError:
        return None


def wants_failure(body: Any) -> bool:
    """Whether any text in a request body contains the failure trigger, in any case."""
    if isinstance(body, str):
        return FAILURE_TRIGGER in body.lower()
    if isinstance(body, dict):
        return any(wants_failure(v) for v in body.values())
    if isinstance(body, list):
        return any(wants_failure(v) for v in body)
    return False


def now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")


class Store:
    """Every concrete collection, seeded on first use with ``SEEDED`` deterministic objects (varied by ``seed``)."""

    def __init__(self, values: Values, *, seed: int = 0) -> None:
        self.values = values
        self.seed = seed
        self.collections: dict[str, Collection] = {}

    def collection(self, spec: CollectionSpec, key: str) -> Collection:
        """The collection at concrete path ``key`` (``/api/files/7/children/``), seeded when first seen."""
        found = self.collections.get(key)
        if found is None:
            found = self.collections[key] = Collection({}, 1)
            rng = random.Random(f"{self.seed}:{key}")
            model = self.values.model(spec.item_type)
            for _ in range(SEEDED):
                obj = self.values.varied(self.values.sample(spec.item_type), model, rng, spec.id_field)
                self._add(spec, found, obj)
        return found

    def _add(self, spec: CollectionSpec, collection: Collection, obj: Any) -> str:
        ident = identifier(collection.next_id, spec.id_type)
        collection.next_id += 1
        if spec.id_field and isinstance(obj, dict):
            obj[spec.id_field] = ident
        collection.items[str(ident)] = obj
        return str(ident)

    def create(self, spec: CollectionSpec, key: str, body: Any) -> Any:
        """A new item from the request body: synthesized, the body merged in, read-only times now, jobs at their first step."""
        collection = self.collection(spec, key)
        obj = self.values.shaped(body, spec.item_type)
        model = self.values.model(spec.item_type)
        for f in model.fields if model and isinstance(obj, dict) else ():
            if f.read_only and f.type == ir.DateTime("datetime"):
                obj[f.wire_name] = now()
        failing = spec.job is not None and wants_failure(body)
        if spec.job is not None and isinstance(obj, dict):
            obj[spec.job.status_field] = spec.job.first(failing)
        ident = self._add(spec, collection, obj)
        if failing:
            collection.failing.add(ident)
        return obj

    def read(self, spec: CollectionSpec, key: str, ident: str) -> Any:
        """The item (a job moved one step on), or None."""
        collection = self.collection(spec, key)
        obj = collection.items.get(ident)
        job = spec.job
        if job is not None and isinstance(obj, dict) and job.status_field in obj:
            obj[job.status_field] = job.after(obj[job.status_field], ident in collection.failing)
        return obj

    def update(self, spec: CollectionSpec, key: str, ident: str, body: Any) -> Any:
        """The item with the body's fields merged in (identifier kept), or None."""
        collection = self.collection(spec, key)
        obj = collection.items.get(ident)
        model = self.values.model(spec.item_type)
        if not isinstance(obj, dict) or model is None or not isinstance(body, dict):
            return obj
        for f in model.fields:
            if f.wire_name in body and not f.read_only and f.wire_name != spec.id_field:
                given = body[f.wire_name]
                obj[f.wire_name] = None if given is None and f.nullable else self.values.shaped(given, f.type)
        return obj

    def delete(self, spec: CollectionSpec, key: str, ident: str) -> bool:
        collection = self.collection(spec, key)
        collection.failing.discard(ident)
        return collection.items.pop(ident, None) is not None
