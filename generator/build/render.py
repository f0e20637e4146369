"""``ir.Api`` → ``{relative_path: source text}``; Jinja templates see only IR, never the disk."""

from __future__ import annotations

import json
import keyword
import os
import re
import textwrap
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Iterable
from urllib.parse import quote

import jinja2

from generator import ir
from generator.build.format import FRAGMENT, LINE_LENGTH, PLAIN_STRING, fits_in_parentheses
from generator.config import cache_dir
from generator.ir.examples import Synthesizer, constrained
from generator.ir.spelling import STDLIB_ALIASES, annotation, pyrepr, stdlib_type
from generator.spec.structure import PATH_PLACEHOLDER

TYPING_NAMES = (
    "Any",
    "Dict",
    "List",
    "Literal",
    "Optional",
    "Union",
    "Annotated",
    "Sequence",
    "Mapping",
    "Iterable",
)
_DROP = {"Cc", "Cf", "Co", "Cs", "Cn", "Zl", "Zp"}


# ----------------------------------------------------------------- escapers, one per place


def clean_text(value: Any) -> str:
    """Spec text without control, bidi or zero-width characters; newlines and tabs kept."""
    s = value if isinstance(value, str) else ("" if value is None else str(value))
    s = s.replace("\r\n", "\n").replace("\r", "\n")
    if s.isascii():
        return _ASCII_CONTROL.sub("", s)
    return s.translate(_KEPT)


_ASCII_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


class _Kept(dict[int, "int | None"]):
    """``str.translate``'s table for ``clean_text``: each code point met is looked up once (by
    its Unicode category) and then found by the dictionary, not by a call per character."""

    def __missing__(self, point: int) -> int | None:
        char = chr(point)
        kept = None if char not in "\n\t" and unicodedata.category(char) in _DROP else point
        self[point] = kept
        return kept


_KEPT = _Kept()


def docblock(value: Any, indent: int = 4) -> str:
    """A whole triple-quoted docstring at ``indent`` spaces, written as black writes it.

    No escape sequence, closing quotes or stray character survives from the text; lines after
    the first lose their common indentation and get the docstring's; blank edges go.
    """
    return _docblock(value, indent) if isinstance(value, str) else _docblock.__wrapped__(value, indent)


@lru_cache(maxsize=1 << 14)
def _docblock(value: Any, indent: int) -> str:
    """``docblock``, once per text and indentation: the same descriptions come back (a model's
    request and response views, a parameter shared by every list operation), and wrapping is slow."""
    text = clean_text(value).replace("\t", "    ").replace("\\", "\\\\").replace('"""', '\\"\\"\\"')
    lines = [line.rstrip() for line in text.strip().split("\n")]
    first, rest = lines[0].lstrip(), lines[1:]
    margin = min((len(line) - len(line.lstrip()) for line in rest if line), default=0)
    pad = " " * indent
    rest = [line[margin:] for line in rest]
    if len(first) + indent + 3 > LINE_LENGTH:
        first, *more = wrapped(first, LINE_LENGTH - indent - 3)
        rest = more + rest
    rest = [pad + part if part else "" for line in rest for part in wrapped(line, LINE_LENGTH - indent)]
    if first.startswith('"'):
        first = " " + first
    if not rest:
        if not first or first.endswith('"'):
            first += " "
        return f'"""{first}"""'
    return '"""' + "\n".join([first, *rest]) + "\n" + pad + '"""'


_ARG_LINE = re.compile(r"  [A-Za-z_][A-Za-z0-9_]*: ")


def wrapped(line: str, width: int) -> list[str]:
    """A docstring line too long for ``width`` broken at spaces (never inside a word); an ``Args:``
    entry continues four spaces in, any other line at its own indentation."""
    if len(line) <= width:
        return [line]
    lead = line[: len(line) - len(line.lstrip())]
    more = "    " if _ARG_LINE.match(line) else lead
    parts = textwrap.wrap(
        line.strip(),
        width,
        initial_indent=lead,
        subsequent_indent=more,
        break_long_words=False,
        break_on_hyphens=False,
    )
    return parts or [line]


def docline(value: Any) -> str:
    """One line of text inside a docstring: no newline, backslash or double quote survives."""
    return comment(value).replace("\\", "\\\\").replace('"', '\\"')


def comment(value: Any) -> str:
    """One line safe after ``#``."""
    return " ".join(clean_text(value).split())


def field_doc(f: ir.Field) -> str:
    """The text under a model attribute: description, server default, flags; "" when nothing to say."""
    parts = [field_text(f)]
    if f.default.present:
        parts.append(f"Server default: `{pyrepr(f.default.value)}`.")
    if f.read_only:
        parts.append("Read-only.")
    if f.deprecated:
        parts.append("Deprecated.")
    return "\n\n".join(p for p in parts if p)


def field_text(f: ir.Field) -> str:
    """What the document says of a field: its description, else its title unless that only
    repeats the field's name (drf-spectacular's ``title: Name`` for ``name``)."""
    if f.description.strip():
        return clean_text(f.description).strip()
    title = clean_text(f.title).strip()
    return "" if _words_of(title) == _words_of(f.wire_name) else title


def _words_of(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.lower())


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
    """``name: Union[T, NotGiven] = NOT_GIVEN,`` as black writes it (one ``Union``, however ``T`` reads)."""
    items = bracket_parts(annotation_text)[2] if annotation_text.startswith("Union[") else [annotation_text]
    return annotated(f"{name}: ", "Union[" + ", ".join([*items, "NotGiven"]) + "]", " = NOT_GIVEN,", indent)


def subscript_param(name: str, head: str, items: list[str], default: str, indent: int = 8) -> str:
    """``name: head[items] = default,`` in the form black keeps."""
    return annotated(f"{name}: ", f"{head}[{', '.join(items)}]", f" = {default},", indent)


def annotated(prefix: str, text: str, suffix: str, indent: int) -> str:
    """``prefix + text + suffix`` starting at column ``indent``, with ``text`` (an annotation, a call
    or a dict display) split as black splits a bracket that does not fit: its contents on one line
    of their own when they fit there, else one item per line with a magic trailing comma (a lone
    item without one), each item split the same way in turn."""
    line = prefix + text + suffix
    if fits(line, indent):
        return line
    head, opening, items = bracket_parts(text)
    if not items:
        return line  # nothing to split: black decides
    return f"{prefix}{head}{opening}\n{_bracket_body(items, indent)}{' ' * indent}{_CLOSING[opening]}{suffix}"


def _bracket_body(items: list[str], indent: int) -> str:
    """The lines between a split bracket opened at column ``indent`` and its closing line."""
    deeper = " " * (indent + 4)
    inner = ", ".join(items)
    if fits(inner, indent + 4):
        return deeper + inner + "\n"
    if len(items) == 1:
        return deeper + annotated("", items[0], "", indent + 4) + "\n"
    return "".join(deeper + annotated("", item, ",", indent + 4) + "\n" for item in items)


_CLOSING = {"[": "]", "(": ")", "{": "}"}


def bracket_parts(text: str) -> tuple[str, str, list[str]]:
    """``Union[A, B[C, D]]`` → ``("Union", "[", ["A", "B[C, D]"])``, a call ``f(a, b=1)`` → ``("f", "(", ...)``,
    a dict display ``{"a": 1}`` → ``("", "{", ['"a": 1'])``; no items when ``text`` is not one of them
    (its first bracket must close at its end)."""
    start = min((i for i in (text.find("["), text.find("("), text.find("{")) if i >= 0), default=-1)
    if start < 0 or not text or text[-1] != _CLOSING[text[start]]:
        return text, "", []
    head = text[:start]
    if bool(head) if text[start] == "{" else not head.replace(".", "").isidentifier():
        return text, "", []  # a dict display stands alone; a subscript or call follows a (dotted) name
    items: list[str] = []
    depth, quote, begin, i = 0, "", start + 1, start + 1
    while i < len(text) - 1:
        ch = text[i]
        if quote:
            if ch == "\\":
                i += 1
            elif ch == quote:
                quote = ""
        elif ch in "\"'":
            quote = ch
        elif ch in "[({":
            depth += 1
        elif ch in "])}":
            depth -= 1
            if depth < 0:
                return text, "", []  # the first bracket closes before the end: not one bracket
        elif ch == "," and depth == 0:
            items.append(text[begin:i].strip())
            begin = i + 1
        i += 1
    if depth or quote:
        return text, "", []
    items.append(text[begin : len(text) - 1].strip())
    return head, text[start], [item for item in items if item]


def field_line(name: str, annotation_text: str, arguments: list[str], indent: int = 4) -> str:
    """``name: annotation = Field(arguments)`` (no ``= ...`` without arguments) at column ``indent``
    as black writes it: the call's arguments split off when the line up to its bracket fits, else
    the call alone in parentheses when that fits, else the annotation split."""
    if not arguments:
        return annotated(f"{name}: ", annotation_text, "", indent)
    call = f"Field({', '.join(arguments)})"
    line = f"{name}: {annotation_text} = {call}"
    if fits(line, indent):
        return line
    head = f"{name}: {annotation_text} = Field("
    if fits(head, indent):
        return f"{head}\n{_bracket_body(arguments, indent)}{' ' * indent})"
    if fits(f"{name}: {annotation_text} = (", indent) and fits(call, indent + 4):
        return f"{name}: {annotation_text} = (\n{' ' * (indent + 4)}{call}\n{' ' * indent})"
    return annotated(f"{name}: ", annotation_text, f" = {call}", indent)


def assignment(name: str, value: str, indent: int) -> str:
    """``name = value`` at column ``indent`` as black writes it. A string literal too long for the
    line goes in parentheses on a line of its own when it fits there, else stays (black cannot split
    it); a call is split after its bracket (one argument per line, magic trailing comma) when the line
    up to there fits, else goes in parentheses, split there in turn."""
    line = f"{name} = {value}"
    if indent + len(line) <= LINE_LENGTH:
        return line
    if _PLAIN_STRING.fullmatch(value):
        return _parenthesized(name, value, indent) if fits_in_parentheses(value, indent) else line
    head, opening, items = bracket_parts(value)
    if opening != "(" or not items:
        return line  # black decides
    if fits(f"{name} = {head}(", indent):
        return call_source(f"{name} = {head}", items, indent)
    if fits(f"{name} = (", indent):
        return _parenthesized(name, annotated("", value, "", indent + 4), indent)
    return line


def _parenthesized(name: str, value: str, indent: int) -> str:
    return f"{name} = (\n{' ' * (indent + 4)}{value}\n{' ' * indent})"


_PLAIN_STRING = re.compile(PLAIN_STRING)


def import_source(module: str, names: Iterable[str], indent: int = 0) -> str:
    """``from module import names`` at column ``indent`` as black writes it: on one line when it
    fits, else in parentheses, one name per line with a trailing comma."""
    names = list(names)
    line = f"from {module} import {', '.join(names)}"
    if indent + len(line) <= LINE_LENGTH:
        return line
    inner = " " * (indent + 4)
    return f"from {module} import (\n" + "".join(f"{inner}{n},\n" for n in names) + " " * indent + ")"


def fits(line: str, indent: int = 0) -> bool:
    return indent + len(line) <= LINE_LENGTH


def encoded_path(template: str) -> str:
    """A path template with its literal text percent-encoded (placeholders kept), as the client
    must send it: httpx would take a ``#`` or ``?`` for the end of the path and drop ``..``."""
    parts = PATH_PLACEHOLDER.split(template)
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
    """The text of an operation method's docstring: summary, description, the request line, and
    the arguments in signature order, each with what the document says of it (none without)."""
    request_line = f"`{op.http_method.upper()} {comment(op.path)}`" + (" (deprecated)" if op.deprecated else "")
    head = clean_text(op.summary or op.description).strip()
    parts = [head] if head else []
    if op.summary and op.description:
        parts.append(clean_text(op.description).strip())
    parts.append(request_line)
    lines = ["Args:"]
    for name, described, default in signature_args(op):
        described += f" Server default: `{pyrepr(default.value)}`." if default.present else ""
        if described.strip():
            lines.append(f"  {name}: " + described.strip().replace("\n", "\n    "))
    if len(lines) > 1:
        lines.append("")
    lines += [f"  {name}: {text}" for name, text in EXTRA_ARGS]
    parts.append("\n".join(lines))
    return "\n\n".join(parts)


def signature_args(op: ir.Operation) -> list[tuple[str, str, ir.Default]]:
    """(argument, description, server default) in the order the method's signature lists them."""
    path = [p for p in op.parameters if p.location == "path"]
    required = [p for p in op.parameters if p.location != "path" and p.required]
    optional = [p for p in op.parameters if p.location != "path" and not p.required]
    fields = op.body.fields if op.body else ()

    described = field_text

    args = [(p.name, clean_text(p.description).strip(), p.default) for p in path]
    args += [(bf.arg, described(bf.field), bf.field.default) for bf in fields if bf.field.required]
    if op.body and not fields and op.body.required:
        args.append(("body", clean_text(op.body.description).strip(), ir.Default()))
    args += [(p.name, clean_text(p.description).strip(), p.default) for p in required]
    args += [(bf.arg, described(bf.field), bf.field.default) for bf in fields if not bf.field.required]
    if op.body and not fields and not op.body.required:
        args.append(("body", clean_text(op.body.description).strip(), ir.Default()))
    args += [(p.name, clean_text(p.description).strip(), p.default) for p in optional]
    if op.body and op.body.media_arg:
        offered = ", ".join(f"`{m}`" for m in (op.body.media_type, *op.body.alternatives))
        args.append((op.body.media_arg, f"How the body is sent: {comment(offered)}.", ir.Default()))
    return args


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
    inner = ir.non_null(f.type)
    text = annotation(inner, validated=True)
    args = constraint_args(inner, f.constraints) if is_request else []
    if args:
        text = f"Annotated[{text}, Field({', '.join(args)})]"
    if f.nullable or not f.required:
        text = f"Optional[{text}]"
    return text


def constraint_args(t: ir.TypeRef, c: ir.Constraints) -> list[str]:
    """pydantic ``Field`` arguments for the constraints that apply to this kind of value."""
    pairs: list[tuple[str, str | float | None]]
    if isinstance(t, ir.Primitive) and t.name == "str":
        pairs = [
            ("min_length", c.min_length),
            ("max_length", c.max_length),
            ("pattern", c.pattern if _pattern_ok(c.pattern) else None),
        ]
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


def model_refs(types: Iterable[ir.TypeRef | None]) -> set[ir.ModelRef]:
    """The models and enums the validated annotations of ``types`` name."""
    return {t for top in types for t in walk_types(top) if isinstance(t, ir.ModelRef)}


_STRING_LITERAL = re.compile(r'"(?:[^"\\]|\\.)*"|\'(?:[^\'\\]|\\.)*\'')
_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def names_in(texts: Iterable[str]) -> set[str]:
    """Every name the source fragments ``texts`` use (string literals left out)."""
    found: set[str] = set()
    for text in texts:
        found.update(_IDENTIFIER.findall(_STRING_LITERAL.sub("", text)))
    return found


@dataclass(frozen=True)
class Imports:
    """What a module's annotations need: typing names, stdlib aliases, classes under ``types/``."""

    typing_names: tuple[str, ...]
    aliases: tuple[str, ...]  # import lines
    classes: tuple[tuple[str, str], ...]  # (module, class name), sorted by module


def imports_for(texts: Iterable[str], classes: dict[str, str], *, here: str = "") -> Imports:
    """The imports the source fragments ``texts`` use; ``classes`` maps class names to their modules."""
    used = names_in(texts)
    return Imports(
        typing_names=tuple(sorted(n for n in TYPING_NAMES if n in used)),
        aliases=tuple(ALIAS_IMPORTS[a] for a in sorted(ALIAS_IMPORTS) if a in used),
        classes=tuple(sorted((classes[n], n) for n in used if n in classes and classes[n] != here)),
    )


def class_modules(api: ir.Api) -> dict[str, str]:
    """Every class under ``types/`` (models, enums, plain-dict types) → its module."""
    found = {s.class_name: s.module for s in api.schemas}
    found.update((p.class_name, p.module) for p in api.params)
    return found


# the modules annotations refer to by an underscored alias (no model or field name can shadow it)
ALIAS_IMPORTS = {
    **STDLIB_ALIASES,
    "_pydantic": "import pydantic as _pydantic",
    "_discriminate": "from .._models import discriminate as _discriminate",
}


# ----------------------------------------------------------------- module graph


def import_cycles(api: ir.Api) -> set[str]:
    """Modules under ``types/`` that sit in an import cycle (Kosaraju's SCC, iterative)."""
    edges: dict[str, list[str]] = {}
    for s in api.schemas:
        if isinstance(s, ir.Model):
            refs = model_refs([f.type for f in s.fields] + [s.additional_properties])
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


class CompiledTemplates(jinja2.BytecodeCache):
    """Templates compiled once and kept in the cache folder (compiling all of them costs 0.2 s),
    checked against their source by Jinja; written atomically, and an unreadable entry is only
    compiled again."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        try:
            bucket.bytecode_from_string((self.folder / f"{bucket.key}.bin").read_bytes())
        except (OSError, ValueError, EOFError, TypeError):
            bucket.reset()

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        target = self.folder / f"{bucket.key}.bin"
        tmp = target.with_name(f".{target.name}.{os.getpid()}")
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            tmp.write_bytes(bucket.bytecode_to_string())
            os.replace(tmp, target)
        except (OSError, ValueError):
            tmp.unlink(missing_ok=True)


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(template_root())),
        bytecode_cache=CompiledTemplates(cache_dir() / "templates"),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        autoescape=False,
    )
    env.filters.update(
        pyrepr=pyrepr,
        docblock=docblock,
        docline=docline,
        comment=comment,
        md=md,
        annotation=annotation,
        field_annotation=field_annotation,
        field_doc=field_doc,
        operation_doc=operation_doc,
        json_document=json_document,
    )
    env.globals["call"] = call_source
    env.globals["fragment"] = FRAGMENT.rstrip("\n")
    env.globals["optional_param"] = optional_param
    env.globals["subscript_param"] = subscript_param
    env.globals["annotated"] = annotated
    env.globals["assignment"] = assignment
    env.globals["field_line"] = field_line
    env.globals["import_line"] = import_source
    env.tests["fitting"] = fits
    env.filters["path_args"] = path_args
    env.filters["zip"] = lambda left, right: list(zip(left, right))
    env.tests["model"] = lambda s: isinstance(s, ir.Model)
    env.tests["modelref"] = lambda t: isinstance(t, ir.ModelRef)
    return env


def render_package(api: ir.Api, env: jinja2.Environment | None = None, blocks: Blocks | None = None) -> dict[str, str]:
    """Every file of the generated project, by relative path.

    The files made from one part of the API each (a schema's module, a resource's module and
    tests) go through ``blocks`` with what they are made from: planning a rebuild skips those whose
    inputs are as the last build's (``generator.build.plan``).
    """
    env = env or environment()
    blocks = blocks or Blocks()
    pkg = api.client.package
    out: dict[str, str] = {}

    def add(block: Block) -> None:
        out[block.path] = blocks(block, env)

    runtime = template_root() / "runtime"
    for path in sorted(runtime.glob("*.jinja")):
        out[f"{pkg}/{path.name[: -len('.jinja')]}"] = env.get_template(f"runtime/{path.name}").render(api=api)
    cycles = import_cycles(api)
    schema_modules = {s.class_name: s.module for s in api.schemas}
    shared = blocks.shared(sorted(cycles), schema_modules)
    for schema in api.schemas:
        template = "enum.py.jinja" if isinstance(schema, ir.Enum) else "model.py.jinja"
        add(
            Block(
                f"{pkg}/types/{schema.module}.py",
                (schema, shared),
                (template,),
                lambda e, schema=schema: _render_schema(e, api, schema, cycles, schema_modules),  # type: ignore[misc]
            )
        )
    # given the names only: a model's fields do not change this module (nor its key)
    out[f"{pkg}/types/__init__.py"] = env.get_template("types_init.py.jinja").render(
        api=api,
        exported=[ir.ModelRef(s.class_name, s.module) for s in (*api.schemas, *api.params)],
        rebuild=any(isinstance(s, ir.Model) and s.module in cycles for s in api.schemas),
    )
    classes = class_modules(api)
    shared = blocks.shared(classes)
    for params in api.params:
        add(
            Block(
                f"{pkg}/types/{params.module}.py",
                (params, shared),
                ("params.py.jinja",),
                lambda e, params=params: _render_params(e, params, classes),  # type: ignore[misc]
            )
        )
    synth = Synthesizer(api)
    cases_of = _Cases(synth)
    for resource in api.resources:
        add(
            Block(
                f"{pkg}/resources/{resource.module}.py",
                (resource, shared),
                ("resource.py.jinja",),
                lambda e, resource=resource: _render_resource(e, api, resource, classes),  # type: ignore[misc]
            )
        )
        # the tests' and responses' values are made from the models the synthesizer looks up
        add(
            Block(
                f"tests/test_{resource.module}.py",
                (resource,),
                ("test_resource.py.jinja",),
                lambda e, resource=resource: _render_tests(e, api, resource, cases_of(resource)),  # type: ignore[misc]
                synth,
            )
        )
        # response bodies are data, not code: JSON beside the tests, loaded by name
        add(
            Block(
                f"tests/responses/{resource.module}.json",
                (resource,),
                ("responses.json.jinja",),
                lambda e, resource=resource: _responses_json(e, cases_of(resource)),  # type: ignore[misc]
                synth,
            )
        )
    for name in ("resources_init.py", "pyproject.toml", "api.md"):
        target = f"{pkg}/resources/__init__.py" if name == "resources_init.py" else name
        out[target] = env.get_template(f"{name}.jinja").render(api=api)
    add(
        Block(
            "README.md",
            (api.resources,),
            ("README.md.jinja",),
            lambda e: e.get_template("README.md.jinja").render(api=api, sent=plain_data_example(api, synth)),
            synth,
        )
    )
    out["tests/__init__.py"] = ""
    out["tests/conftest.py"] = env.get_template("conftest.py.jinja").render(api=api)
    return out


class _Cases:
    """The stub cases of a resource's operations, made once per build whichever file asks first,
    with the class names the synthesizer looked up to make them (added to what a block records)."""

    def __init__(self, synth: Synthesizer) -> None:
        self.synth = synth
        self.made: dict[int, tuple[ir.Resource, list[dict[str, Any]], frozenset[str]]] = {}

    def __call__(self, resource: ir.Resource) -> list[dict[str, Any]]:
        found = self.made.get(id(resource))
        if found is None or found[0] is not resource:
            outer, self.synth.looked = self.synth.looked, set()
            try:
                cases = [stub_case(self.synth, op) for op in resource.operations]
                found = self.made[id(resource)] = (resource, cases, frozenset(self.synth.looked))
            finally:
                self.synth.looked = outer
        if self.synth.looked is not None:
            self.synth.looked |= found[2]
        return found[1]


@dataclass(frozen=True)
class Block:
    """A file made from one part of the API: ``make(env)`` reads ``inputs`` (and what ``api`` gives
    ``templates``, and what ``synth`` looks up) and nothing else."""

    path: str
    inputs: tuple[Any, ...]
    templates: tuple[str, ...]
    make: Callable[[jinja2.Environment], str]
    synth: Synthesizer | None = None


class Blocks:
    """How ``render_package`` makes a block: here, by making it; planning (``generator.build.plan``)
    may instead take its key from the last build's when its inputs are the same."""

    def shared(self, *values: Any) -> Any:
        """What several blocks are made from besides their own part (a digest when planning)."""
        return None

    def __call__(self, block: Block, env: jinja2.Environment) -> str:
        return block.make(env)


def _render_resource(env: jinja2.Environment, api: ir.Api, resource: ir.Resource, classes: dict[str, str]) -> str:
    texts = resource_texts(resource)
    imports = imports_for(texts, classes)
    return env.get_template("resource.py.jinja").render(
        api=api,
        resource=resource,
        imports=imports,
        paginated=any(op.pagination for op in resource.operations),
        casts=any(not op.pagination for op in resource.operations),
        path_params=any(p.location == "path" for op in resource.operations for p in op.parameters),
        strips=any(_strips(op) for op in resource.operations),
        file_types="FileTypes" in names_in(texts),
    )


def _render_tests(env: jinja2.Environment, api: ir.Api, resource: ir.Resource, cases: list[dict[str, Any]]) -> str:
    # the tests read the JSON bodies from the responses file: the template is not given them, so that
    # a changed example changes that file's key and not the tests'
    shown = [
        {**c, "response": None, "body": None if c["encoding"] in ("json", "form", "multipart") else c["body"]}
        for c in cases
    ]
    return env.get_template("test_resource.py.jinja").render(
        api=api,
        resource=resource,
        cases=shown,
        aliases=sorted({line for c in cases for line in c["aliases"]}),
        responses=any(c["json_response"] or c["encoding"] in ("json", "form", "multipart") for c in cases),
        checks_parsed=any(c["parsed"] in ("json", "page") for c in cases),
    )


def _responses_json(env: jinja2.Environment, cases: list[dict[str, Any]]) -> str:
    responses = {c["op"].method_name: c["response"] for c in cases if c["json_response"]}
    responses.update(
        (f"{c['op'].method_name} request", c["body"]) for c in cases if c["encoding"] in ("json", "form", "multipart")
    )
    # through a template: planning digests the values (pickled) instead of writing the JSON (slow with indent)
    return env.get_template("responses.json.jinja").render(responses=responses)


def json_document(value: Any) -> str:
    """A JSON file's text: two-space indents, ASCII only."""
    return json.dumps(value, indent=2, ensure_ascii=True)


def _render_schema(
    env: jinja2.Environment, api: ir.Api, schema: ir.Model | ir.Enum, cycles: set[str], modules: dict[str, str]
) -> str:
    if isinstance(schema, ir.Enum):
        return env.get_template("enum.py.jinja").render(api=api, enum=schema)
    texts = [field_annotation(f, schema.is_request) for f in schema.fields]
    if schema.additional_properties is not None:
        texts.append(f"Dict[str, {annotation(schema.additional_properties, validated=True)}]")
    imports = imports_for(texts, modules, here=schema.module)
    direct = [(m, c) for m, c in imports.classes if m not in cycles]
    deferred = [(m, c) for m, c in imports.classes if m in cycles]
    typing_names = list(imports.typing_names) + (["TYPE_CHECKING"] if deferred else [])
    needs_field = (
        "Field" in names_in(texts)
        or schema.additional_properties is not None
        or any(not f.required or f.name != f.wire_name for f in schema.fields)
    )
    return env.get_template("model.py.jinja").render(
        api=api,
        model=schema,
        typing_names=sorted(typing_names),
        aliases=imports.aliases,
        direct=direct,
        deferred=deferred,
        needs_field=needs_field,
    )


def _render_params(env: jinja2.Environment, params: ir.ParamsDict, classes: dict[str, str]) -> str:
    """A ``TypedDict`` module; the class statement unless a key cannot be a class attribute."""
    keys = [(f, param_key_annotation(f)) for f in params.fields]
    imports = imports_for([text for _, text in keys], classes, here=params.module)
    used = names_in(text for _, text in keys)
    functional = any(not _attribute_key(f.wire_name, used) for f in params.fields)
    typing_names = list(imports.typing_names) + (["TYPE_CHECKING"] if imports.classes else [])
    return env.get_template("params.py.jinja").render(
        params=params,
        keys=keys,
        functional=functional,
        typing_names=sorted(typing_names),
        aliases=imports.aliases,
        deferred=imports.classes,
        description=clean_text(params.description).strip(),
        required=any(f.required for f in params.fields),
        optional=any(not f.required for f in params.fields),
        file_types="FileTypes" in used,
    )


def param_key_annotation(f: ir.Field) -> str:
    """``Required[T]`` / ``NotRequired[T]`` for one key of a plain-dict type (null allowed when nullable)."""
    inner = annotation(f.type, param=True)
    if f.nullable and not inner.startswith("Optional["):
        inner = f"Optional[{inner}]"
    return f"{'Required' if f.required else 'NotRequired'}[{inner}]"


def _attribute_key(wire: str, used: set[str]) -> bool:
    """Whether a key can be written as a class attribute: an identifier that no annotation in the
    class names (it would shadow it), not private (``__x`` would be mangled)."""
    return wire.isidentifier() and not keyword.iskeyword(wire) and not wire.startswith("_") and wire not in used


def resource_texts(resource: ir.Resource) -> list[str]:
    """Every annotation a resource module writes: arguments, return types, what the client parses."""
    texts: list[str] = []
    for op in resource.operations:
        texts += [annotation(p.type, param=True) for p in op.parameters]
        if op.body is not None:
            if op.body.fields:
                texts += [annotation(bf.field.type, param=True) for bf in op.body.fields]
            else:
                texts.append(annotation(op.body.type, param=True))
            if op.body.model is not None:
                texts.append(op.body.model.class_name)
            if op.body.media_arg:
                texts.append("Literal")
        if op.pagination:
            texts += [annotation(op.pagination.item_type), annotation(op.pagination.item_type, validated=True)]
        elif op.success is not None and op.success.type is not None:
            texts += [annotation(op.success.type), annotation(op.success.type, validated=True)]
    if resource.wait is not None:
        texts.append(resource.wait.model.class_name)
    return texts


def _strips(op: ir.Operation) -> bool:
    """Whether the method passes a dict of its optional arguments (``strip_not_given``)."""
    return any(p.location != "path" for p in op.parameters) or bool(op.body and op.body.fields)


def plain_data_example(api: ir.Api, synth: Synthesizer) -> dict[str, Any] | None:
    """The first call whose body holds a model, with plain data, for the README (None: no such call)."""
    calls = [(r, op) for r in api.resources for op in r.operations if op.body is not None]
    for resource, op in sorted(calls, key=lambda c: not any(_sends_dict(bf.field.type) and bf.field.required for bf in c[1].body.fields)):  # type: ignore[union-attr]
        params = [bf for bf in op.body.fields if _sends_dict(bf.field.type)]  # type: ignore[union-attr]
        if params:
            case = stub_case(synth, op)
            args = [a for a in case["args"] if not any(a.startswith(f"{bf.arg}=") for bf in params)]
            for bf in params[:2]:  # the nested values a little filled in, not only what is required
                value = synth.value(bf.field.type, depth=Synthesizer.MAX_DEPTH - 3)
                args.append(f"{bf.arg}={arg_source(synth, bf.field.type, value)}")
            call = f"client.{resource.attr}.{op.method_name}"
            names = ", ".join(f"`{n}`" for n in sorted(_param_names(params)))
            return {"call": call_source(call, args, 0), "params": names}
    return None


def _sends_dict(t: ir.TypeRef) -> bool:
    return any(isinstance(x, ir.ModelRef) and isinstance(x.param, ir.ModelRef) for x in walk_types(t))


def _param_names(fields: list[ir.BodyField]) -> set[str]:
    return {
        x.param.class_name
        for bf in fields
        for x in walk_types(bf.field.type)
        if isinstance(x, ir.ModelRef) and isinstance(x.param, ir.ModelRef)
    }


def stub_case(synth: Synthesizer, op: ir.Operation) -> dict[str, Any]:
    """What the generated stub test of ``op`` passes, what the client must send, what it must parse."""
    args: list[str] = []
    path = encoded_path(op.request_path or op.path)
    for p in op.parameters:
        if p.location == "path":
            item_type = ir.non_null(p.type).item if isinstance(ir.non_null(p.type), ir.ListOf) else p.type  # type: ignore[union-attr]
            value = synth.value(item_type)
            value = (
                value
                if isinstance(value, (int, str)) and _plain_segment(str(value))
                else 1 if _is_int(item_type) else "x1"
            )
            source = arg_source(synth, item_type, value)
            args.append(f"[{source}]" if item_type is not p.type else source)
            segment = {"label": f".{value}", "matrix": f";{p.wire_name}={value}"}.get(p.style, str(value))
            path = path.replace("{" + p.wire_name + "}", segment)
    query: dict[str, list[str]] = {k: [v] for k, v in op.fixed_query}
    for p in op.parameters:
        if p.location != "path" and p.required:
            value = synth.value(p.type)
            args.append(f"{p.name}={arg_source(synth, p.type, value)}")
            sent = query_spelling(value, p.style, p.explode) if p.location == "query" else None
            if sent is not None:
                query[p.wire_name] = sent
    body: Any = None
    sends_body = False
    if op.body and op.body.fields:
        body = {}
        for bf in op.body.fields:
            if bf.field.required:
                value = constrained(synth.value(bf.field.type, required_only=True), bf.field.constraints)
                args.append(f"{bf.arg}={arg_source(synth, bf.field.type, value)}")
                body[bf.field.wire_name] = sent_value(bf.field.type, value)
        sends_body = bool(body)
    elif op.body and op.body.required:
        value = synth.value(op.body.type, required_only=True)
        args.append(f"body={arg_source(synth, op.body.type, value)}")
        body = b"content" if _has_file(op.body.type) else value
        sends_body = True
    encoding = op.body.encoding if op.body is not None and sends_body else "none"
    if encoding in ("form", "multipart") and isinstance(body, dict):
        files = set(op.body.file_fields) if op.body else set()
        body = {k: v if isinstance(v, (str, int, float, bool)) and k not in files else None for k, v in body.items()}
    response: Any = None
    status = 200
    success_type = op.success.type if op.success is not None else None
    if op.success is not None:
        status = int(op.success.status) if op.success.status.isdigit() else 200
        response = synth.value(success_type)
        if op.pagination and isinstance(response, dict):
            response[op.pagination.next_field] = None if op.pagination.next_field else response.get("next")
            response.pop("", None)
    # the answer's bytes, whatever they are
    raw = isinstance(success_type, ir.Primitive) and success_type.name in ("bytes", "File")
    json_response = (
        success_type is not None
        and not raw
        and op.success is not None
        and (json_media(op.success.media_type) or op.success.media_type.endswith("*"))
    )
    if success_type is None:
        parsed = "none"
    elif json_response:
        parsed = "page" if op.pagination else "json"
    else:
        parsed = "text" if success_type == ir.Primitive("str") else "bytes"
    sources = args + [pyrepr(body)] if body is not None else args
    return {
        "op": op,
        "args": args,
        "path": path,
        "query": query,
        "body": body,
        "encoding": encoding,
        "status": status,
        "response": response,
        "json_response": json_response,
        "parsed": parsed,
        "aliases": sorted(ALIAS_IMPORTS[a] for a in STDLIB_ALIASES if a in names_in(sources)),
    }


def json_media(media: str) -> bool:
    m = media.split(";")[0].strip().lower()
    return m == "application/json" or m.endswith("+json")


def query_spelling(value: Any, style: str, explode: bool) -> list[str] | None:
    """The values of a query parameter as the stub test expects them on the wire (None: not checked)."""
    if isinstance(value, (str, int, float, bool)):
        return [_scalar_spelling(value)]
    if isinstance(value, list) and all(isinstance(v, (str, int, float, bool)) for v in value) and style == "form":
        spelled = [_scalar_spelling(v) for v in value]
        return spelled if explode else [",".join(spelled)]
    return None


def _scalar_spelling(value: str | int | float | bool) -> str:
    return ("true" if value else "false") if isinstance(value, bool) else str(value)


def sent_value(t: ir.TypeRef, value: Any) -> Any:
    """``value`` as the client sends it: a file given as ``b"content"`` goes as that text in JSON."""
    t = ir.non_null(t)
    if isinstance(t, ir.Primitive) and t.name in ("File", "bytes"):
        return "content"
    if isinstance(t, ir.ListOf) and isinstance(value, list):
        return [sent_value(t.item, v) for v in value]
    if isinstance(t, ir.UnionOf):  # the test passes a value of the first option (see arg_source)
        return sent_value(t.options[0], value)
    return value


def _has_file(t: ir.TypeRef) -> bool:
    return any(isinstance(x, ir.Primitive) and x.name in ("File", "bytes") for x in walk_types(t))


def _plain_segment(text: str) -> bool:
    """A value the stub test can expect verbatim in its path (nothing to percent-encode)."""
    return bool(re.fullmatch(r"[A-Za-z0-9_\-]+", text))


def _is_int(t: ir.TypeRef) -> bool:
    inner = ir.non_null(t)
    return isinstance(inner, ir.Primitive) and inner.name == "int"



def arg_source(synth: Synthesizer, t: ir.TypeRef, value: Any) -> str:
    """Python source of ``value`` given as an argument of type ``t``: plain data (models as dicts,
    enums as their values), dates and the like as their Python objects, files as bytes."""
    t = ir.non_null(t)
    if isinstance(t, ir.ModelRef):
        target = synth.schema(t.class_name)
        if isinstance(target, ir.Model) and isinstance(value, dict):
            by_wire = {f.wire_name: f.type for f in target.fields}
            items = (
                f"{pyrepr(k)}: {arg_source(synth, by_wire[k], v) if k in by_wire else pyrepr(v)}"
                for k, v in value.items()
            )
            return "{" + ", ".join(items) + "}"
        return pyrepr(value)
    if isinstance(t, ir.ListOf) and isinstance(value, list):
        return "[" + ", ".join(arg_source(synth, t.item, v) for v in value) + "]"
    if isinstance(t, ir.MapOf) and isinstance(value, dict):
        return "{" + ", ".join(f"{pyrepr(k)}: {arg_source(synth, t.value, v)}" for k, v in value.items()) + "}"
    if isinstance(t, ir.DateTime) and isinstance(value, str):
        if t.name in ("datetime", "date", "time"):
            text = value.replace("Z", "+00:00") if t.name == "datetime" else value
            return f"{stdlib_type(t.name)}.fromisoformat({pyrepr(text)})"
        return f"{stdlib_type(t.name)}({pyrepr(value)})"
    if isinstance(t, ir.Primitive) and t.name in ("File", "bytes"):
        return 'b"content"'
    if isinstance(t, ir.UnionOf):
        return arg_source(synth, t.options[0], value)
    return pyrepr(value)


# ----------------------------------------------------------------- rendering planned, not done
