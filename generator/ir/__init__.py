"""The intermediate representation: plain frozen dataclasses, no Jinja, no I/O.

Everything the renderer and the diff need is here, already sanitized: every
Python name sits beside the wire name it came from. Templates see only these
types; the order of every tuple is deterministic (document order or sorted).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Literal, Union

# ----------------------------------------------------------------- types


@dataclass(frozen=True)
class Primitive:
    """A scalar: ``str``, ``int``, ``float``, ``bool``, ``bytes`` (binary) or ``Any``."""

    name: Literal["str", "int", "float", "bool", "Any", "None", "bytes", "File"]
    format: str = ""  # date-time, uuid, uri, binary, ... (informative; uri stays str)


@lru_cache(maxsize=None)
def primitive(
    name: Literal["str", "int", "float", "bool", "Any", "None", "bytes", "File"], format: str = ""
) -> Primitive:
    """``Primitive(name, format)``, one object for each: a parse makes thousands of equal ones, and
    fewer objects are less memory and less to keep between builds (the IR is immutable)."""
    return Primitive(name, format)


@dataclass(frozen=True)
class DateTime:
    """``format: date-time`` / ``date`` / ``time`` / ``uuid`` / ``decimal``: a stdlib type."""

    name: Literal["datetime", "date", "time", "UUID", "Decimal"]


@dataclass(frozen=True)
class ModelRef:
    """A reference to a generated model or enum, by its Python class name.

    ``param`` is what an argument of that type accepts instead, when the model is sent: its
    ``TypedDict`` (a ``ModelRef`` to a ``ParamsDict``) or, for an enum, the ``Literal`` of its
    values. It takes no part in equality: the same model is the same type wherever it is met.
    """

    class_name: str
    module: str  # module under ``types/`` without the package, e.g. ``video``
    param: TypeRef | None = field(default=None, compare=False)


@dataclass(frozen=True)
class ListOf:
    item: TypeRef


@dataclass(frozen=True)
class MapOf:
    value: TypeRef


@dataclass(frozen=True)
class LiteralOf:
    """``const`` or a small inline enum: ``Literal["a", 1]``."""

    values: tuple[str | int | float | bool, ...]


@dataclass(frozen=True)
class UnionOf:
    options: tuple[TypeRef, ...]
    discriminator: str = ""  # wire property name when the document gives one
    # (value of the discriminator property, class name of the option it selects) when every option
    # is a model the document names, explicitly (``mapping``) or by its component name
    tags: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Nullable:
    inner: TypeRef


TypeRef = Union[Primitive, DateTime, ModelRef, ListOf, MapOf, LiteralOf, UnionOf, Nullable]


def non_null(t: TypeRef) -> TypeRef:
    """The type a ``Nullable`` wraps, or ``t`` itself."""
    return t.inner if isinstance(t, Nullable) else t


# ----------------------------------------------------------------- models


@dataclass(frozen=True)
class Constraints:
    """Validation that request models enforce (response models stay lenient)."""

    min_length: int | None = None
    max_length: int | None = None
    pattern: str | None = None
    minimum: float | None = None
    maximum: float | None = None
    exclusive_minimum: float | None = None
    exclusive_maximum: float | None = None
    min_items: int | None = None
    max_items: int | None = None

    def is_empty(self) -> bool:
        return all(v is None for v in self.__dict__.values())


@dataclass(frozen=True)
class Default:
    """A default value from the document, as a JSON value; ``present`` tells it was given."""

    present: bool = False
    value: Any = None


NO_DEFAULT = Default()  # the one "no default" (shared, as ``primitive`` shares scalars)
NO_CONSTRAINTS = Constraints()


@dataclass(frozen=True)
class Field:
    """One property of a model."""

    name: str  # Python attribute name (sanitized, unique in the model)
    wire_name: str  # the JSON key
    type: TypeRef
    required: bool
    nullable: bool
    description: str = ""
    title: str = ""
    read_only: bool = False
    write_only: bool = False
    deprecated: bool = False
    default: Default = NO_DEFAULT
    constraints: Constraints = NO_CONSTRAINTS
    example: Any = None
    has_example: bool = False


@dataclass(frozen=True)
class Model:
    """An object schema turned into a pydantic model."""

    class_name: str
    module: str  # file stem under ``types/``
    wire_name: str  # component name, or a derived name for inline schemas
    pointer: str  # JSON pointer of the schema in the document
    fields: tuple[Field, ...]
    description: str = ""
    is_request: bool = False  # used only to send: carries constraints, forbids nothing extra
    additional_properties: TypeRef | None = None  # typed extra keys, when declared
    deprecated: bool = False
    example: Any = None
    has_example: bool = False


@dataclass(frozen=True)
class EnumMember:
    name: str  # Python member name (sanitized, unique)
    value: str | int | float | bool


@dataclass(frozen=True)
class Enum:
    """A named enum; the generated class accepts values the document did not list."""

    class_name: str
    module: str
    wire_name: str
    pointer: str
    base: Literal["str", "int", "float"]
    members: tuple[EnumMember, ...]
    description: str = ""


Schema = Union[Model, Enum]


@dataclass(frozen=True)
class ParamsDict:
    """The plain-dict form of a request model (a ``TypedDict`` under ``types/``): wire names as keys."""

    class_name: str  # ``SlideParam``
    module: str  # ``slide_param``
    model: str  # class name of the model it mirrors (what validates it before sending)
    pointer: str
    fields: tuple[Field, ...]  # types carry ``param`` forms, so nested values are dicts too
    description: str = ""


# ----------------------------------------------------------------- operations


@dataclass(frozen=True)
class Parameter:
    name: str  # Python argument name
    wire_name: str
    location: Literal["path", "query", "header", "cookie"]
    type: TypeRef
    required: bool
    description: str = ""
    deprecated: bool = False
    style: str = ""  # form, simple, label, matrix, spaceDelimited, pipeDelimited, deepObject
    explode: bool = True
    default: Default = NO_DEFAULT
    example: Any = None
    has_example: bool = False


@dataclass(frozen=True)
class BodyField:
    """A body property exposed as a keyword argument of the method."""

    arg: str  # Python argument name, unique among the method's arguments
    field: Field


@dataclass(frozen=True)
class Body:
    """The request body chosen for the method, and the other media types offered."""

    media_type: str  # the one the method sends (JSON preferred)
    encoding: Literal["json", "form", "multipart", "binary", "text"]
    required: bool
    type: TypeRef  # what the body is as a whole
    model: ModelRef | None  # the request model when the body is an object schema
    fields: tuple[BodyField, ...]  # expanded keyword arguments (empty: one ``body=`` argument)
    file_fields: tuple[str, ...] = ()  # wire names sent as files in multipart
    other_media_types: tuple[str, ...] = ()
    description: str = ""
    # media types the same arguments can be sent as instead (same schema, an encoding that fits),
    # chosen by the caller through the argument named ``media_arg``
    alternatives: tuple[str, ...] = ()
    media_arg: str = ""


@dataclass(frozen=True)
class Response:
    status: str  # "200", "2XX", "default"
    media_type: str  # "" when there is no body
    type: TypeRef | None  # None: no body
    description: str = ""
    headers: tuple[tuple[str, TypeRef], ...] = ()


@dataclass(frozen=True)
class Pagination:
    """How a list operation pages: where the items are and how to ask for more."""

    style: Literal["offset", "page", "cursor", "next_link"]
    items_field: str  # wire name of the array of items
    item_type: TypeRef
    next_field: str = ""  # wire name of the ``next`` link or cursor, if any
    offset_param: str = ""
    limit_param: str = ""
    page_param: str = ""
    cursor_param: str = ""
    # the list response model whose page classes (``{M}Page``, ``Async{M}Page``) type its other
    # fields; "" when the response is no model or those names are taken by a schema
    page_model: str = ""


@dataclass(frozen=True)
class TypedPage:
    """A list response model with page classes of its own: ``{M}Page`` / ``Async{M}Page``."""

    model: Model
    items_field: str  # of the first operation that pages through it


@dataclass(frozen=True)
class WaitSpec:
    """A long job: poll ``retrieve`` until the status field reaches a terminal value."""

    retrieve_method: str  # method name on the same resource
    status_field: str  # Python attribute name on the returned model
    success_values: tuple[str, ...]
    failure_values: tuple[str, ...]
    model: ModelRef


@dataclass(frozen=True)
class Operation:
    method_name: str  # Python method name on the resource
    operation_id: str
    http_method: str  # lower case
    path: str  # as in the document
    pointer: str
    summary: str = ""
    description: str = ""
    deprecated: bool = False
    parameters: tuple[Parameter, ...] = ()
    body: Body | None = None
    responses: tuple[Response, ...] = ()
    success: Response | None = None  # what the method returns
    pagination: Pagination | None = None
    security: tuple[str, ...] = ()  # scheme names that apply; empty: none required
    idempotent: bool = True
    request_path: str = ""  # ``path`` without a query string some documents put in the key
    fixed_query: tuple[tuple[str, str], ...] = ()  # that query string, always sent


@dataclass(frozen=True)
class Resource:
    """One group of operations (a tag): ``client.videos`` → ``Videos`` / ``AsyncVideos``."""

    attr: str  # attribute on the client
    class_name: str  # sync class name; async is ``Async`` + class_name
    module: str  # file stem under ``resources/``
    tag: str  # wire tag
    operations: tuple[Operation, ...]
    description: str = ""
    wait: WaitSpec | None = None


# ----------------------------------------------------------------- the API


@dataclass(frozen=True)
class Auth:
    """How the client sends its credential."""

    scheme_name: str
    kind: Literal["header", "query", "cookie", "bearer", "basic", "none"]
    param_name: str = ""  # header / query / cookie name
    prefix: str = ""  # e.g. "Token" → ``Authorization: Token <key>``


@dataclass(frozen=True)
class Client:
    """Names of the generated package and client."""

    package: str  # import name, e.g. ``spiritme``
    class_name: str  # ``SpiritMe``; async is ``Async`` + class_name
    env_prefix: str  # ``SPIRITME`` → SPIRITME_API_KEY, SPIRITME_BASE_URL
    default_base_url: str
    distribution: str  # name in the generated pyproject


@dataclass(frozen=True)
class Skipped:
    """Something that could not be generated, and why (reported, never silent)."""

    pointer: str
    reason: str


@dataclass(frozen=True)
class Api:
    title: str
    version: str
    description: str
    openapi_version: str
    client: Client
    auth: Auth
    resources: tuple[Resource, ...]
    schemas: tuple[Schema, ...]  # sorted by module
    servers: tuple[str, ...] = ()
    webhook_models: tuple[ModelRef, ...] = ()
    params: tuple[ParamsDict, ...] = ()  # sorted by module
    numbered: tuple[str, ...] = ()  # class names the document gave nothing to name by: ``…Option2``
    pages: tuple[TypedPage, ...] = ()  # in the order their operations come
    skipped: tuple[Skipped, ...] = field(default_factory=tuple)

    @property
    def operations(self) -> tuple[Operation, ...]:
        return tuple(op for r in self.resources for op in r.operations)
