"""``ir.Api`` → ``{relative_path: source text}``; Jinja templates see only IR, never the disk."""

from __future__ import annotations

import json
import keyword
import re
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable
from urllib.parse import quote

import jinja2

from generator import ir
from generator.build.format import FRAGMENT, LINE_LENGTH
from generator.ir.examples import Synthesizer, constrained
from generator.ir.spelling import annotation, pyrepr
from generator.parse import names

TYPING_NAMES = ("Any", "Dict", "List", "Literal", "Optional", "Union", "Annotated", "Sequence", "Mapping")
_DROP = {"Cc", "Cf", "Co", "Cs", "Cn", "Zl", "Zp"}


# ----------------------------------------------------------------- escapers, one per place


def clean_text(value: Any) -> str:
    """Spec text without control, bidi or zero-width characters; newlines and tabs kept."""
    s = value if isinstance(value, str) else ("" if value is None else str(value))
    s = s.replace("\r\n", "\n").replace("\r", "\n")
    if s.isascii():
        return _ASCII_CONTROL.sub("", s)
    return "".join(ch for ch in s if ch in "\n\t" or not _dropped(ch))


_ASCII_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


@lru_cache(maxsize=4096)
def _dropped(ch: str) -> bool:
    return unicodedata.category(ch) in _DROP


def docblock(value: Any, indent: int = 4) -> str:
    """A whole triple-quoted docstring at ``indent`` spaces, written as black writes it.

    No escape sequence, closing quotes or stray character survives from the text; lines after
    the first lose their common indentation and get the docstring's; blank edges go.
    """
    text = clean_text(value).replace("\t", "    ").replace("\\", "\\\\").replace('"""', '\\"\\"\\"')
    lines = [line.rstrip() for line in text.strip().split("\n")]
    first, rest = lines[0].lstrip(), lines[1:]
    margin = min((len(line) - len(line.lstrip()) for line in rest if line), default=0)
    pad = " " * indent
    rest = [pad + line[margin:] if line else "" for line in rest]
    if first.startswith('"'):
        first = " " + first
    if not rest:
        if not first or first.endswith('"'):
            first += " "
        return f'"""{first}"""'
    return '"""' + "\n".join([first, *rest]) + "\n" + pad + '"""'


def docline(value: Any) -> str:
    """One line of text inside a docstring: no newline, backslash or double quote survives."""
    return comment(value).replace("\\", "\\\\").replace('"', '\\"')


def comment(value: Any) -> str:
    """One line safe after ``#``."""
    return " ".join(clean_text(value).split())


def field_doc(f: ir.Field) -> str:
    """The text under a model attribute: description, server default, flags; "" when nothing to say."""
    parts = [clean_text(f.description or f.title).strip()]
    if f.default.present:
        parts.append(f"Server default: `{pyrepr(f.default.value)}`.")
    if f.read_only:
        parts.append("Read-only.")
    if f.deprecated:
        parts.append("Deprecated.")
    return "\n\n".join(p for p in parts if p)


def call_source(head: str, args: Iterable[str], indent: int, tail: str = "") -> str:
    """``head(arg, ...)tail`` on one line when it fits at column ``indent``, else one argument per
    line with a magic trailing comma: either way the form black keeps."""
    args = list(args)
    line = f"{head}({', '.join(args)}){tail}"
    if not args or indent + len(line) <= LINE_LENGTH:
        return line
    inner = " " * (indent + 4)
    return f"{head}(\n" + "".join(f"{inner}{a},\n" for a in args) + " " * indent + f"){tail}"


def optional_param(name: str, annotation_text: str, indent: int = 8) -> str:
    """``name: Union[T, NotGiven] = NOT_GIVEN,`` as black writes it when the line is too long."""
    return subscript_param(name, "Union", [annotation_text, "NotGiven"], "NOT_GIVEN", indent)


def subscript_param(name: str, head: str, items: list[str], default: str, indent: int = 8) -> str:
    """``name: head[items] = default,`` in the form black keeps: one line when it fits, else the
    subscript's contents on one line of their own, else one item per line with a magic comma."""
    inner = ", ".join(items)
    line = f"{name}: {head}[{inner}] = {default},"
    pad, deeper = " " * indent, " " * (indent + 4)
    if fits(line, indent):
        return line
    if fits(inner, indent + 4):
        return f"{name}: {head}[\n{deeper}{inner}\n{pad}] = {default},"
    return f"{name}: {head}[\n" + "".join(f"{deeper}{item},\n" for item in items) + f"{pad}] = {default},"


def fits(line: str, indent: int = 0) -> bool:
    return indent + len(line) <= LINE_LENGTH


def encoded_path(template: str) -> str:
    """A path template with its literal text percent-encoded (placeholders kept), as the client
    must send it: httpx would take a ``#`` or ``?`` for the end of the path and drop ``..``."""
    parts = names.PATH_PLACEHOLDER.split(template)
    text = "".join("{" + part + "}" if i % 2 else quote(part, safe=_PATH_SAFE) for i, part in enumerate(parts))
    return "/".join({".": "%2E", "..": "%2E%2E"}.get(segment, segment) for segment in text.split("/"))


_PATH_SAFE = "/:@!$&'()*+,;=-._~"  # RFC 3986 pchar and "/", less "%"


def path_args(op: ir.Operation) -> list[str]:
    """The arguments of an operation's ``path_template`` call: the template, the styles of the
    parameters that are not plain ``simple`` ones, each parameter by its wire name."""
    params = [p for p in op.parameters if p.location == "path"]
    args = [pyrepr(encoded_path(op.request_path))]
    styled = {p.wire_name: (p.style, p.explode) for p in params if (p.style or "simple") != "simple" or p.explode}
    if styled:
        args.append("{" + ", ".join(f"{pyrepr(k)}: ({pyrepr(s)}, {e})" for k, (s, e) in styled.items()) + "}")
    for p in params:
        named = p.wire_name.isidentifier() and not keyword.iskeyword(p.wire_name)
        args.append(f"{p.wire_name}={p.name}" if named else f"**{{{pyrepr(p.wire_name)}: {p.name}}}")
    return args


def operation_doc(op: ir.Operation) -> str:
    """The text of an operation method's docstring: summary, description, the request line, arguments."""
    request_line = f"`{op.http_method.upper()} {comment(op.path)}`" + (" (deprecated)" if op.deprecated else "")
    head = clean_text(op.summary or op.description).strip()
    parts = [head] if head else []
    if op.summary and op.description:
        parts.append(clean_text(op.description).strip())
    parts.append(request_line)
    args = [(p.name, clean_text(p.description or p.wire_name).strip(), p.default) for p in op.parameters]
    if op.body:
        args += [(bf.arg, clean_text(bf.field.description or bf.field.title or bf.field.wire_name).strip(), bf.field.default) for bf in op.body.fields]
        if op.body.media_arg:
            offered = ", ".join(f"`{m}`" for m in (op.body.media_type, *op.body.alternatives))
            args.append((op.body.media_arg, f"How the body is sent: {comment(offered)}.", ir.Default()))
    lines = ["Args:"]
    for name, described, default in args:
        described += f" Server default: `{pyrepr(default.value)}`." if default.present else ""
        lines.append(f"  {name}: " + described.replace("\n", "\n    "))
    if len(lines) > 1:
        lines.append("")
    lines += [f"  {name}: {text}" for name, text in EXTRA_ARGS]
    parts.append("\n".join(lines))
    return "\n\n".join(parts)


EXTRA_ARGS = (
    ("extra_headers", "Send extra headers."),
    ("extra_query", "Add additional query parameters to the request."),
    ("extra_body", "Add additional JSON properties to the request."),
    ("timeout", "Override the client-level default timeout for this request, in seconds."),
    ("max_retries", "Override the client-level retry count for this request."),
)


def md(value: Any) -> str:
    """One line of Markdown text: no HTML, no table breaks."""
    return comment(value).replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;")


# ----------------------------------------------------------------- type annotations


def field_annotation(f: ir.Field, is_request: bool) -> str:
    """A model field's annotation: constraints (requests only) on the inner type, Optional outside."""
    inner = f.type.inner if isinstance(f.type, ir.Nullable) else f.type
    text = annotation(inner, validated=True)
    args = constraint_args(inner, f.constraints) if is_request else []
    if args:
        text = f"Annotated[{text}, Field({', '.join(args)})]"
    if f.nullable or not f.required:
        text = f"Optional[{text}]"
    return text


def constraint_args(t: ir.TypeRef, c: ir.Constraints) -> list[str]:
    """pydantic ``Field`` arguments for the constraints that apply to this kind of value."""
    if isinstance(t, ir.Primitive) and t.name == "str":
        pairs = [("min_length", c.min_length), ("max_length", c.max_length), ("pattern", c.pattern if _pattern_ok(c.pattern) else None)]
    elif (isinstance(t, ir.Primitive) and t.name in ("int", "float")) or t == ir.DateTime("Decimal"):
        pairs = [("ge", c.minimum), ("le", c.maximum), ("gt", c.exclusive_minimum), ("lt", c.exclusive_maximum)]
    elif isinstance(t, ir.ListOf):
        pairs = [("min_length", c.min_items), ("max_length", c.max_items)]
    else:
        pairs = []
    return [f"{k}={pyrepr(v)}" for k, v in pairs if v is not None]


def _pattern_ok(pattern: str | None) -> bool:
    if pattern is None:
        return False
    try:
        re.compile(pattern)
    except (re.error, TypeError, RecursionError, OverflowError):
        return False
    return True


def walk_types(t: ir.TypeRef | None) -> Iterable[ir.TypeRef]:
    if t is None:
        return
    yield t
    if isinstance(t, ir.ListOf):
        yield from walk_types(t.item)
    elif isinstance(t, ir.MapOf):
        yield from walk_types(t.value)
    elif isinstance(t, ir.Nullable):
        yield from walk_types(t.inner)
    elif isinstance(t, ir.UnionOf):
        for o in t.options:
            yield from walk_types(o)


def needed_imports(types: Iterable[ir.TypeRef | None]) -> tuple[set[str], set[str], set[ir.ModelRef]]:
    """typing names, stdlib aliases (``_dt``…) and model references the annotations need."""
    typing_names: set[str] = set()
    stdlib: set[str] = set()
    models: set[ir.ModelRef] = set()
    for top in types:
        for t in walk_types(top):
            text = annotation(t, param=True) + " " + annotation(t, validated=True)
            typing_names.update(n for n in TYPING_NAMES if re.search(rf"\b{n}\[|\b{n}\b", text))
            if isinstance(t, ir.UnionOf) and t.tags:
                stdlib.update(("_pydantic", "_discriminate"))
            if isinstance(t, ir.DateTime):
                stdlib.add({"datetime": "_dt", "date": "_dt", "time": "_dt", "UUID": "_uuid", "Decimal": "_decimal"}[t.name])
            if isinstance(t, ir.ModelRef):
                models.add(t)
    return typing_names, stdlib, models


# the modules annotations refer to by an underscored alias (no model or field name can shadow it)
ALIAS_IMPORTS = {
    "_dt": "import datetime as _dt",
    "_uuid": "import uuid as _uuid",
    "_decimal": "import decimal as _decimal",
    "_pydantic": "import pydantic as _pydantic",
    "_discriminate": "from .._models import discriminate as _discriminate",
}


# ----------------------------------------------------------------- module graph


def import_cycles(api: ir.Api) -> set[str]:
    """Modules under ``types/`` that sit in an import cycle (Kosaraju's SCC, iterative)."""
    edges: dict[str, list[str]] = {}
    for s in api.schemas:
        if isinstance(s, ir.Model):
            refs = needed_imports([f.type for f in s.fields] + [s.additional_properties])[2]
            edges[s.module] = sorted({r.module for r in refs})
    order: list[str] = []
    seen: set[str] = set()
    for root in sorted(edges):
        if root in seen:
            continue
        seen.add(root)
        work = [(root, iter(edges.get(root, [])))]
        while work:
            node, it = work[-1]
            nxt = next(it, None)
            if nxt is None:
                work.pop()
                order.append(node)
            elif nxt not in seen:
                seen.add(nxt)
                work.append((nxt, iter(edges.get(nxt, []))))
    reverse: dict[str, list[str]] = {}
    for src, targets in edges.items():
        for t in targets:
            reverse.setdefault(t, []).append(src)
    assigned: set[str] = set()
    cyclic: set[str] = set()
    for root in reversed(order):
        if root in assigned:
            continue
        component, todo = [], [root]
        assigned.add(root)
        while todo:
            node = todo.pop()
            component.append(node)
            for prev in reverse.get(node, []):
                if prev not in assigned:
                    assigned.add(prev)
                    todo.append(prev)
        if len(component) > 1 or root in edges.get(root, []):
            cyclic.update(component)
    return cyclic


# ----------------------------------------------------------------- rendering


def template_root() -> Path:
    """Templates ship inside the installed package; in a source checkout they sit beside it."""
    package = Path(__file__).resolve().parent.parent
    for candidate in (package / "templates", package.parent / "templates"):
        if (candidate / "runtime").is_dir():
            return candidate
    raise FileNotFoundError("spiritme-gen templates are missing from the installation")


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(template_root())),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        autoescape=False,
    )
    env.filters.update(
        pyrepr=pyrepr, docblock=docblock, docline=docline, comment=comment, md=md,
        annotation=annotation, field_annotation=field_annotation, field_doc=field_doc, operation_doc=operation_doc,
    )
    env.globals["call"] = call_source
    env.globals["fragment"] = FRAGMENT.rstrip("\n")
    env.globals["optional_param"] = optional_param
    env.globals["subscript_param"] = subscript_param
    env.tests["fitting"] = fits
    env.filters["path_args"] = path_args
    env.filters["zip"] = lambda left, right: list(zip(left, right))
    env.tests["model"] = lambda s: isinstance(s, ir.Model)
    env.tests["enum"] = lambda s: isinstance(s, ir.Enum)
    env.tests["identifier"] = lambda s: isinstance(s, str) and s.isidentifier() and not keyword.iskeyword(s)
    env.tests["nullable"] = lambda t: isinstance(t, ir.Nullable)
    env.tests["modelref"] = lambda t: isinstance(t, ir.ModelRef)
    env.tests["listof"] = lambda t: isinstance(t, ir.ListOf)
    env.tests["mapof"] = lambda t: isinstance(t, ir.MapOf)
    return env


def render_package(api: ir.Api) -> dict[str, str]:
    """Every file of the generated project, by relative path."""
    env = environment()
    pkg = api.client.package
    out: dict[str, str] = {}
    runtime = template_root() / "runtime"
    for path in sorted(runtime.glob("*.jinja")):
        out[f"{pkg}/{path.name[: -len('.jinja')]}"] = env.get_template(f"runtime/{path.name}").render(api=api)
    cycles = import_cycles(api)
    for schema in api.schemas:
        out[f"{pkg}/types/{schema.module}.py"] = _render_schema(env, api, schema, cycles)
    out[f"{pkg}/types/__init__.py"] = env.get_template("types_init.py.jinja").render(
        api=api, rebuild=[s for s in api.schemas if isinstance(s, ir.Model) and s.module in cycles]
    )
    synth = Synthesizer(api)
    for resource in api.resources:
        types = [t for op in resource.operations for t in _operation_types(op)]
        typing_names, stdlib, models = needed_imports(types)
        if any(op.body and op.body.media_arg for op in resource.operations):
            typing_names.add("Literal")
        out[f"{pkg}/resources/{resource.module}.py"] = env.get_template("resource.py.jinja").render(
            api=api, resource=resource, typing_names=sorted(typing_names),
            aliases=[ALIAS_IMPORTS[s] for s in sorted(stdlib)],
            models=sorted({m.class_name for m in models} | ({resource.wait.model.class_name} if resource.wait else set())),
        )
        cases = [stub_case(synth, op) for op in resource.operations]
        out[f"tests/test_{resource.module}.py"] = env.get_template("test_resource.py.jinja").render(
            api=api, resource=resource, cases=cases,
        )
        # response bodies are data, not code: JSON beside the tests, loaded by name
        responses = {c["op"].method_name: c["response"] for c in cases if c["json_response"]}
        out[f"tests/responses/{resource.module}.json"] = json.dumps(responses, indent=2, ensure_ascii=True) + "\n"
    for name in ("resources_init.py", "pyproject.toml", "README.md", "api.md"):
        target = f"{pkg}/resources/__init__.py" if name == "resources_init.py" else name
        out[target] = env.get_template(f"{name}.jinja").render(api=api)
    out["tests/__init__.py"] = ""
    out["tests/conftest.py"] = env.get_template("conftest.py.jinja").render(api=api)
    return out


def _render_schema(env: jinja2.Environment, api: ir.Api, schema: ir.Model | ir.Enum, cycles: set[str]) -> str:
    if isinstance(schema, ir.Enum):
        return env.get_template("enum.py.jinja").render(api=api, enum=schema)
    typing_names, stdlib, models = needed_imports([f.type for f in schema.fields] + [schema.additional_properties])
    if any(not f.required or f.nullable for f in schema.fields):
        typing_names.add("Optional")
    if schema.additional_properties is not None:
        typing_names.add("Dict")
    if schema.is_request and any(constraint_args(f.type.inner if isinstance(f.type, ir.Nullable) else f.type, f.constraints) for f in schema.fields):
        typing_names.add("Annotated")
    if any(m.module in cycles and m.module != schema.module for m in models):
        typing_names.add("TYPE_CHECKING")
    direct = sorted((m for m in models if m.module != schema.module and m.module not in cycles), key=lambda m: m.module)
    deferred = sorted((m for m in models if m.module != schema.module and m.module in cycles), key=lambda m: m.module)
    return env.get_template("model.py.jinja").render(
        api=api, model=schema, typing_names=sorted(typing_names),
        aliases=[ALIAS_IMPORTS[s] for s in sorted(stdlib)], direct=direct, deferred=deferred,
    )


def _operation_types(op: ir.Operation) -> list[ir.TypeRef | None]:
    types: list[ir.TypeRef | None] = [p.type for p in op.parameters]
    if op.body:
        types += [bf.field.type for bf in op.body.fields] if op.body.fields else [op.body.type]
        if op.body.model:
            types.append(op.body.model)
    if op.pagination:
        types.append(op.pagination.item_type)
    elif op.success:
        types.append(op.success.type)
    return types


def stub_case(synth: Synthesizer, op: ir.Operation) -> dict[str, Any]:
    """What the generated stub test of ``op`` sends and expects: argument source, path, response."""
    args: list[str] = []
    path = encoded_path(op.request_path or op.path)
    for p in op.parameters:
        if p.location == "path":
            item_type = _strip(p.type).item if isinstance(_strip(p.type), ir.ListOf) else p.type  # type: ignore[union-attr]
            value = synth.value(item_type)
            value = value if isinstance(value, (int, str)) and _plain_segment(str(value)) else 1 if _is_int(item_type) else "x1"
            source = pyrepr(value) if not isinstance(_strip(item_type), ir.ModelRef) else f"{annotation(item_type)}({pyrepr(value)})"
            args.append(f"[{source}]" if item_type is not p.type else source)
            segment = {"label": f".{value}", "matrix": f";{p.wire_name}={value}"}.get(p.style, str(value))
            path = path.replace("{" + p.wire_name + "}", segment)
    query: dict[str, Any] = dict(op.fixed_query)
    for p in op.parameters:
        if p.location != "path" and p.required:
            value = synth.value(p.type)
            args.append(f"{p.name}={arg_source(synth, p.type, value)}")
            if p.location == "query" and isinstance(value, (str, int)) and not isinstance(value, bool):
                query[p.wire_name] = str(value)
    body_keys: list[str] = []
    if op.body and op.body.fields:
        for bf in op.body.fields:
            if bf.field.required:
                value = constrained(synth.value(bf.field.type, required_only=True), bf.field.constraints)
                args.append(f"{bf.arg}={arg_source(synth, bf.field.type, value)}")
                body_keys.append(bf.field.wire_name)
    elif op.body and op.body.required:
        value = synth.value(op.body.type, required_only=True)
        args.append(f"body={arg_source(synth, op.body.type, value)}")
    sends_body = op.body is not None and (bool(body_keys) or (not op.body.fields and op.body.required))
    response: Any = None
    status = 200
    if op.success is not None:
        status = int(op.success.status) if op.success.status.isdigit() else 200
        response = synth.value(op.success.type)
        if op.pagination and isinstance(response, dict):
            response[op.pagination.next_field] = None if op.pagination.next_field else response.get("next")
            response.pop("", None)
    return {
        "op": op,
        "args": args,
        "path": path,
        "query": query,
        "body_keys": body_keys,
        "encoding": op.body.encoding if op.body is not None and sends_body else "none",
        "status": status,
        "response": response,
        "json_response": op.success is not None and op.success.type is not None and op.success.media_type.endswith("json"),
    }


def _plain_segment(text: str) -> bool:
    """A value the stub test can expect verbatim in its path (nothing to percent-encode)."""
    return bool(re.fullmatch(r"[A-Za-z0-9_\-]+", text))


def _is_int(t: ir.TypeRef) -> bool:
    inner = _strip(t)
    return isinstance(inner, ir.Primitive) and inner.name == "int"


def _strip(t: ir.TypeRef) -> ir.TypeRef:
    return t.inner if isinstance(t, ir.Nullable) else t


def arg_source(synth: Synthesizer, t: ir.TypeRef, value: Any) -> str:
    """Python source that builds ``value`` as type ``t`` (models via ``model_validate``)."""
    t = _strip(t)
    if isinstance(t, ir.ModelRef):
        target = synth.index.get(t.class_name)
        if isinstance(target, ir.Enum):
            return f"{t.class_name}({pyrepr(value)})"
        return f"{t.class_name}.model_validate({pyrepr(value)})"
    if isinstance(t, ir.ListOf) and isinstance(value, list):
        return "[" + ", ".join(arg_source(synth, t.item, v) for v in value) + "]"
    if isinstance(t, ir.MapOf) and isinstance(value, dict):
        return "{" + ", ".join(f"{pyrepr(k)}: {arg_source(synth, t.value, v)}" for k, v in value.items()) + "}"
    if isinstance(t, ir.DateTime):
        return {"datetime": f"_dt.datetime.fromisoformat({pyrepr(str(value).replace('Z', '+00:00'))})",
                "date": f"_dt.date.fromisoformat({pyrepr(value)})", "time": f"_dt.time.fromisoformat({pyrepr(value)})",
                "UUID": f"_uuid.UUID({pyrepr(value)})", "Decimal": f"_decimal.Decimal({pyrepr(value)})"}[t.name]
    if isinstance(t, ir.Primitive) and t.name in ("File", "bytes"):
        return 'b"content"'
    if isinstance(t, ir.UnionOf):
        return arg_source(synth, t.options[0], value)
    return pyrepr(value)


# ----------------------------------------------------------------- rendering planned, not done


class PlannedFile:
    """One file of ``render_package`` before its template runs: ``key`` names everything its text
    depends on (the templates' sources, the template's arguments, of ``api`` only the parts the
    template reads), so a build can reuse the text of an earlier build, or render it elsewhere."""

    def __init__(
        self, path: str, key: str, template: str | None, arguments: dict[str, Any], text: str, weight: int = 0
    ) -> None:
        self.path, self.key, self.template, self.arguments, self.text = path, key, template, arguments, text
        self.weight = weight  # how much the template is given: a measure of the work of rendering it

    def render(self) -> str:
        if self.template is None:
            return self.text
        return environment().get_template(self.template).render(**self.arguments)


def render_plan(api: ir.Api) -> list[PlannedFile]:
    """``render_package``'s files, each with its key and its template unrendered.

    ``render_package`` runs with templates that record their arguments instead of rendering;
    a file whose text is not exactly one recorded template's output (the text was changed
    after rendering) is rendered on the spot, keyed by its text.
    """
    recorded: dict[str, tuple[str, dict[str, Any]]] = {}
    real = environment
    globals()["environment"] = lambda: _Recorder(real(), recorded)
    try:
        texts = render_package(api)
    finally:
        globals()["environment"] = real
    digest = _templates_digest()
    api_keys: dict[bool, str] = {}
    planned = []
    for path, text in texts.items():
        if text in recorded:
            name, arguments = recorded[text]
            light = _reads_only_light_api(name)
            if light not in api_keys:
                api_keys[light] = _digest(repr(_light_api(api)) if light else repr(api))
            shown = {k: (api_keys[light] if k == "api" and v is api else repr(v)) for k, v in sorted(arguments.items())}
            material = repr(shown)
            planned.append(PlannedFile(path, _digest(digest, path, name, material), name, arguments, "", len(material)))
        elif _TOKEN in text:
            whole = _TOKENS.sub(lambda m: _rendered(real(), *recorded[m.group(0)]), text)
            planned.append(PlannedFile(path, _digest(digest, path, whole), None, {}, whole))
        else:
            planned.append(PlannedFile(path, _digest(digest, path, text), None, {}, text))
    return planned


_TOKEN = "\x00planned:"  # spec text never holds a NUL: the escapers drop or escape it
_TOKENS = re.compile(re.escape(_TOKEN) + r"\d+\x00")
_LIGHT_API = ("title", "version", "description", "openapi_version", "client", "auth", "servers")
_API_USE = re.compile(r"\bapi\b(\.\w+)?")


def _rendered(env: jinja2.Environment, name: str, arguments: dict[str, Any]) -> str:
    return env.get_template(name).render(**arguments)


class _Recorder:
    """Stands in for the environment: ``get_template(name).render(**arguments)`` returns a unique
    token and records what the real template would have been given."""

    def __init__(self, env: jinja2.Environment, recorded: dict[str, tuple[str, dict[str, Any]]]) -> None:
        self.env, self.recorded = env, recorded

    def get_template(self, name: str) -> _Recorder:
        self.name = name
        return self

    def render(self, **arguments: Any) -> str:
        token = f"{_TOKEN}{len(self.recorded)}\x00"
        self.recorded[token] = (self.name, arguments)
        return token


@lru_cache(maxsize=1)
def _templates_digest() -> str:
    root = template_root()
    texts = (f"{p.relative_to(root)}\x00{p.read_text(encoding='utf-8')}" for p in sorted(root.rglob("*.jinja")))
    return _digest(*texts)


@lru_cache(maxsize=None)
def _reads_only_light_api(name: str) -> bool:
    """Whether a template (with the macro templates it may import) reads only the small parts of
    ``api``: then a file's key needs only those, not every schema and operation."""
    root = template_root()
    texts = [(root / name).read_text(encoding="utf-8")]
    texts += [p.read_text(encoding="utf-8") for p in sorted(root.glob("_*.jinja"))]
    # "{% if api.schemas %}" reads only whether there are any: the light key has that
    uses = {m.group(1) for text in texts for m in _API_USE.finditer(_ANY_SCHEMAS.sub("", text))}
    return all(use is not None and use[1:] in _LIGHT_API for use in uses)


_ANY_SCHEMAS = re.compile(r"\{%-? if api\.schemas -?%\}")


def _light_api(api: ir.Api) -> tuple[Any, ...]:
    return (*(getattr(api, name) for name in _LIGHT_API), bool(api.schemas))


def _digest(*parts: str) -> str:
    import hashlib

    h = hashlib.sha256()
    for part in parts:
        h.update(part.encode("utf-8", "surrogatepass") + b"\x00\x01")
    return h.hexdigest()
