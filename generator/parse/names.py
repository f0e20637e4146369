"""Wire names → safe Python identifiers: one allow-list sanitizer, collisions resolved deterministically."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Collection, Iterable
from functools import lru_cache
from typing import Any

MAX_IDENTIFIER = 80

#: Python's hard keywords, the same list on every Python the generator and its clients run on
#: (3.10-3.13): fixed here, never read from the running interpreter, so that one document gives one
#: client everywhere. Soft keywords (``match``, ``case``, ``_``, and ``type`` from 3.12) are legal
#: identifiers on every version and stay as they are: ``files.list(type=...)`` on all of them.
HARD_KEYWORDS = frozenset(
    "False None True and as assert async await break class continue def del elif else except finally for"
    " from global if import in is lambda nonlocal not or pass raise return try while with yield".split()
)


def is_keyword(name: str) -> bool:
    """Whether ``name`` is a hard keyword (one no identifier may be) on every supported Python."""
    return name in HARD_KEYWORDS


# Words that split camelCase acronyms badly are kept whole ("HTTPServer" → "http_server").
_CAMEL = re.compile(r"[A-Z]+(?=[A-Z][a-z0-9])|[A-Z]?[a-z0-9]+|[A-Z]+|[0-9]+")
_NOT_ALNUM = re.compile(r"[^A-Za-z0-9]+")
# a path template's placeholder, as the generated runtime's ``path_template`` reads it

#: Names a model field must not take: pydantic's own attributes and the types used in annotations.
RESERVED_FIELDS = frozenset(
    {
        "copy",
        "dict",
        "json",
        "parse_obj",
        "parse_raw",
        "parse_file",
        "from_orm",
        "construct",
        "schema",
        "schema_json",
        "validate",
        "update_forward_refs",
        "fields",
        "to_dict",
        "to_json",
        "str",
        "int",
        "float",
        "bool",
        "bytes",
        "list",
        "object",
        "type_",
        "self",
        "cls",
        "none",
    }
)
#: Names a method argument must not take: names the generated method bodies use.
RESERVED_ARGS = frozenset(
    {
        "self",
        "cast",
        "extra_headers",
        "extra_query",
        "extra_body",
        "timeout",
        "max_retries",
        "poll_interval",
        "options",
        "path_template",
        "strip_not_given",
        "make_request_options",
        "NOT_GIVEN",
        "NotGiven",
        "httpx",
        "typing",
        "builtins",
        "str",
        "int",
        "float",
        "bool",
        "bytes",
        "list",
        "dict",
        "object",
        "_dt",
        "_decimal",
        "_uuid",
        "Any",
        "List",
        "Dict",
    }
)
#: Class names the generated modules (and their stub tests) import, so a schema must not take them.
RESERVED_CLASSES = frozenset(
    {
        "BaseModel",
        "Field",
        "Any",
        "List",
        "Dict",
        "Literal",
        "Union",
        "Optional",
        "Annotated",
        "OpenStrEnum",
        "OpenIntEnum",
        "OpenFloatEnum",
        "ConfigDict",
        "TypeAdapter",
        "NotGiven",
        "Omit",
        "FileTypes",
        "SyncPage",
        "AsyncPage",
        "AsyncPaginator",
        "PageSpec",
        "APIResponse",
        "AsyncAPIResponse",
        "SyncAPIResource",
        "AsyncAPIResource",
        "Headers",
        "Query",
        "Body",
        "Timeout",
        "Mapping",
        "Sequence",
        "Callable",
        "Awaitable",
        "TYPE_CHECKING",
        "None",
        "True",
        "False",
        "Enum",
        "Recorded",
        "StubServer",
    }
)
#: Attributes of the client and of resources that generated names must not shadow.
RESERVED_ATTRS = frozenset(
    {
        "with_options",
        "copy",
        "close",
        "api_key",
        "base_url",
        "timeout",
        "max_retries",
        "with_raw_response",
        "with_streaming_response",
        "webhooks",
        "aclose",
        "default_headers",
        "default_query",
        "http_client",
        "is_closed",
        "auth_headers",
        "client",
    }
)
#: Methods of the generated client (not of its resources): a resource attribute must not take them.
CLIENT_METHODS = frozenset(
    {"request", "get", "post", "put", "patch", "delete", "get_page", "poll", "strict_response_validation"}
)
RESERVED_MODULES = frozenset({"__init__", "__main__", "py", "typing", "types"})
#: File stems Windows refuses whatever the extension: a package holding ``con.py`` cannot be checked out there.
WINDOWS_DEVICES = frozenset(
    {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10))}
)


@lru_cache(maxsize=1 << 16)
def ascii_words(wire: str) -> tuple[str, ...]:
    """Split any string into ASCII words: unicode folded (NFKD), separators and case changes break words.
    (Names are made from the same few thousand words again and again: each is split once.)"""
    folded = unicodedata.normalize("NFKD", str(wire)).encode("ascii", "ignore").decode("ascii")
    words: list[str] = []
    for chunk in _NOT_ALNUM.split(folded):
        words.extend(_CAMEL.findall(chunk))
    return tuple(words)


def _clip(name: str) -> str:
    return name[:MAX_IDENTIFIER].rstrip("_") or name[:MAX_IDENTIFIER]


def snake(wire: str, *, fallback: str = "value", digit_prefix: str = "field") -> str:
    """``videoStatus`` → ``video_status``; empty → fallback; a leading digit gets a prefix; keywords get ``_``."""
    words = [w.lower() for w in ascii_words(wire)]
    name = "_".join(words) or fallback
    if name[0].isdigit():
        name = f"{digit_prefix}_{name}"
    name = _clip(name)
    if is_keyword(name):
        name += "_"
    return name


def pascal(wire: str, *, fallback: str = "Model", digit_prefix: str = "Model") -> str:
    """``batch-video_template`` → ``BatchVideoTemplate``."""
    words = ascii_words(wire)
    name = "".join(w[:1].upper() + w[1:] for w in words) or fallback
    if name[0].isdigit():
        name = digit_prefix + name
    return _clip(name)


def upper(wire: str, *, fallback: str = "EMPTY", digit_prefix: str = "VALUE") -> str:
    """Enum member names: ``in-queue`` → ``IN_QUEUE``; ``1`` → ``VALUE_1``."""
    words = [w.upper() for w in ascii_words(wire)]
    name = "_".join(words) or fallback
    if name[0].isdigit():
        name = f"{digit_prefix}_{name}"
    name = _clip(name)
    if is_keyword(name) or name.startswith("_"):
        name = f"{digit_prefix}_{name}"
    return name


class Namespace:
    """Hands out distinct names in one scope; a taken or reserved name gets ``_2``, ``_3``…

    ``casefold=True`` treats names that differ only by case as equal (file names on
    case-insensitive file systems).
    """

    def __init__(self, reserved: Iterable[str] = (), *, casefold: bool = False) -> None:
        self._casefold = casefold
        self._taken: set[str] = {self._key(r) for r in reserved}
        # where claims are noted when a parse records what it does (``generator.parse.replay``)
        self.journal: list[tuple[Any, ...]] | None = None
        self.label = ""

    def _key(self, name: str) -> str:
        return name.casefold() if self._casefold else name

    def claim(self, name: str) -> str:
        return self.claim_family(name, lambda n: (n,))

    def claim_family(self, name: str, family: Callable[[str], Iterable[str]]) -> str:
        """``claim`` for a name that brings others with it (``Videos`` → ``AsyncVideos``): all must be free."""
        candidate, n = name, 1
        while any(self.taken(m) for m in family(candidate)):
            n += 1
            candidate = f"{name}_{n}" if not name.endswith("_") else f"{name}{n}"
        keys = tuple(self._key(m) for m in family(candidate))
        self._taken.update(keys)
        if self.journal is not None:
            self.journal.append(("claim", self.label, keys))
        return candidate

    def take(self, keys: Iterable[str]) -> None:
        """Mark names taken as a recorded claim did (a replayed part of a parse)."""
        self._taken.update(keys)

    def state(self) -> frozenset[str]:
        return frozenset(self._taken)

    def taken(self, name: str) -> bool:
        return self._key(name) in self._taken


def field_name(wire: str) -> str:
    """A model attribute: snake case, not a pydantic attribute or an annotation type, not private."""
    name = snake(wire, fallback="field", digit_prefix="field")
    if name in RESERVED_FIELDS or name.startswith("model_") or name.startswith("_"):
        name = f"{name}_"
    return name


def arg_name(wire: str) -> str:
    name = snake(wire, fallback="arg", digit_prefix="arg")
    if name in RESERVED_ARGS or name.startswith("_"):
        name = f"{name}_"
    return name


def class_name(wire: str, *, suffix: str = "", reserved: Collection[str] = ()) -> str:
    """A class: PascalCase; a name the generated modules import, or one in ``reserved``, gets ``Model``."""
    name = pascal(wire) + suffix
    if name in RESERVED_CLASSES or name in reserved:
        name += "Model"
    return name


def module_name(wire: str) -> str:
    name = snake(wire, fallback="module", digit_prefix="m")
    if name in RESERVED_MODULES or is_keyword(name.rstrip("_")):
        name = f"{name.rstrip('_')}_"
    return file_stem(name)


def file_stem(name: str) -> str:
    """A module name every file system accepts: a Windows device name (``con``, ``nul``, ``com1``…) gets ``_``."""
    return f"{name}_" if name in WINDOWS_DEVICES else name


def attr_name(wire: str) -> str:
    name = snake(wire, fallback="default", digit_prefix="r")
    if name in RESERVED_ATTRS:
        name = f"{name}_"
    return name


def package_name(wire: str) -> str:
    """Import name of the generated package; refuses nothing, sanitizes everything."""
    name = snake(wire, fallback="client", digit_prefix="pkg")
    return name.rstrip("_") + ("_" if is_keyword(name.rstrip("_")) else "")
