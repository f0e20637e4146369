"""Structural type checks: where OpenAPI fixes a node's JSON type, a node of another type is a located error.

Only the document's frame is checked here (the root, ``info``, ``servers``, ``paths`` and path items,
operations, parameters, request bodies, responses, media types, ``components`` and its maps): a client
cannot be generated from a frame of the wrong shape. What is wrong inside a schema stays a warning
(reported by the JSON Schema validation), as schemas in the wild are often loose but still usable.
"""

from __future__ import annotations

import re
from typing import Any

from generator.errors import Diagnostic, Level, join_pointer

# the operations a path item may hold (OpenAPI 3.x; Swagger 2.0 has all but trace): the one list
# a path template's placeholder, ``{name}``: the one pattern (the generated runtime's copy is tested against it)
PATH_PLACEHOLDER = re.compile(r"\{([^{}]+)\}")
HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
# components/<section>: what each entry is
COMPONENT_SECTIONS = {
    "schemas": "schema",
    "responses": "response",
    "parameters": "parameter",
    "examples": "example",
    "requestBodies": "request body",
    "headers": "header",
    "securitySchemes": "security scheme",
    "links": "link",
    "callbacks": "callback",
    "pathItems": "path item",
}
_MAPPING, _LIST, _STRING = "a mapping", "a list", "a string"


def structure_findings(data: Any) -> list[Diagnostic]:
    """An error for every frame node of the wrong JSON type, in document order."""
    checker = _Checker(data.get("openapi", "") if isinstance(data, dict) else "")
    checker.root(data)
    return checker.found


def kind_of(value: Any) -> str:
    """``a mapping``, ``a list``, ``a string``, ``a number``... as a message says it."""
    if isinstance(value, dict):
        return _MAPPING
    if isinstance(value, list):
        return _LIST
    if isinstance(value, str):
        return _STRING
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    return "null" if value is None else f"a {type(value).__name__}"


class _Checker:
    def __init__(self, version: Any) -> None:
        self.found: list[Diagnostic] = []
        self.is_31 = str(version).startswith("3.1")

    def expect(self, value: Any, wanted: str, what: str, *tokens: str | int) -> bool:
        """Whether ``value`` is of the ``wanted`` kind; an error when it is not."""
        ok = {_MAPPING: dict, _LIST: list, _STRING: str}[wanted]
        if isinstance(value, ok):
            return True
        self.found.append(
            Diagnostic(Level.ERROR, f"{what} must be {wanted}, not {kind_of(value)}", join_pointer(*tokens))
        )
        return False

    def optional(self, node: dict[str, Any], key: str, wanted: str, *at: str | int) -> Any:
        """``node[key]`` when present and of the wanted kind, else None (an error when of another kind)."""
        if key not in node:
            return None
        value = node[key]
        return value if self.expect(value, wanted, f"'{key}'", *at, key) else None

    def root(self, data: Any) -> None:
        if not self.expect(data, _MAPPING, "the document"):
            return
        info = self.optional(data, "info", _MAPPING)
        if info is not None:
            for key in ("title", "version"):
                if key in info and not isinstance(info[key], str):
                    self.expect(info[key], _STRING, f"'info.{key}'", "info", key)
        self.servers(data, ())
        self.optional(data, "tags", _LIST)
        self.security(data, ())
        for key in ("paths", "webhooks"):
            items = self.optional(data, key, _MAPPING)
            for path, item in (items or {}).items():
                if not path.startswith("x-"):
                    self.path_item(item, key, path)
        components = self.optional(data, "components", _MAPPING)
        if components is not None:
            self.components(components)

    def servers(self, node: dict[str, Any], at: tuple[str | int, ...]) -> None:
        servers = self.optional(node, "servers", _LIST, *at)
        for i, server in enumerate(servers or ()):
            if self.expect(server, _MAPPING, "a server", *at, "servers", i):
                if "url" in server:
                    self.expect(server["url"], _STRING, "a server's 'url'", *at, "servers", i, "url")
                self.optional(server, "variables", _MAPPING, *at, "servers", i)

    def security(self, node: dict[str, Any], at: tuple[str | int, ...]) -> None:
        requirements = self.optional(node, "security", _LIST, *at)
        for i, requirement in enumerate(requirements or ()):
            self.expect(requirement, _MAPPING, "a security requirement", *at, "security", i)

    def path_item(self, item: Any, *at: str | int) -> None:
        if not self.expect(item, _MAPPING, "a path item", *at):
            return
        if "$ref" in item:
            self.expect(item["$ref"], _STRING, "'$ref'", *at, "$ref")
        self.parameters(item, at)
        self.servers(item, at)
        for method in HTTP_METHODS:
            if method in item:
                self.operation(item[method], *at, method)

    def operation(self, op: Any, *at: str | int) -> None:
        if not self.expect(op, _MAPPING, "an operation", *at):
            return
        for key in ("tags",):
            self.optional(op, key, _LIST, *at)
        if "operationId" in op:
            self.expect(op["operationId"], _STRING, "'operationId'", *at, "operationId")
        self.parameters(op, at)
        body = self.optional(op, "requestBody", _MAPPING, *at)
        if body is not None:
            self.request_body(body, *at, "requestBody")
        responses = self.optional(op, "responses", _MAPPING, *at)
        for code, response in (responses or {}).items():
            if not str(code).startswith("x-"):
                self.response(response, *at, "responses", code)
        callbacks = self.optional(op, "callbacks", _MAPPING, *at)
        for name, callback in (callbacks or {}).items():
            self.callback(callback, *at, "callbacks", name)
        self.security(op, at)
        self.servers(op, at)

    def parameters(self, node: dict[str, Any], at: tuple[str | int, ...]) -> None:
        params = self.optional(node, "parameters", _LIST, *at)
        for i, param in enumerate(params or ()):
            self.parameter(param, *at, "parameters", i)

    def parameter(self, param: Any, *at: str | int) -> None:
        if not self.expect(param, _MAPPING, "a parameter", *at) or "$ref" in param:
            return
        for key in ("name", "in"):
            if key in param:
                self.expect(param[key], _STRING, f"a parameter's '{key}'", *at, key)
        self.content(param, at)

    def request_body(self, body: dict[str, Any], *at: str | int) -> None:
        if "$ref" not in body:
            self.content(body, at)

    def response(self, response: Any, *at: str | int) -> None:
        if not self.expect(response, _MAPPING, "a response", *at) or "$ref" in response:
            return
        self.content(response, at)
        headers = self.optional(response, "headers", _MAPPING, *at)
        for name, header in (headers or {}).items():
            self.header(header, *at, "headers", name)
        self.optional(response, "links", _MAPPING, *at)

    def header(self, header: Any, *at: str | int) -> None:
        if self.expect(header, _MAPPING, "a header", *at) and "$ref" not in header:
            self.content(header, at)

    def content(self, node: dict[str, Any], at: tuple[str | int, ...]) -> None:
        content = self.optional(node, "content", _MAPPING, *at)
        for media_type, media in (content or {}).items():
            if self.expect(media, _MAPPING, "a media type object", *at, "content", media_type):
                self.optional(media, "encoding", _MAPPING, *at, "content", media_type)

    def callback(self, callback: Any, *at: str | int) -> None:
        if not self.expect(callback, _MAPPING, "a callback", *at) or "$ref" in callback:
            return
        for expression, item in callback.items():
            if not str(expression).startswith("x-"):
                self.path_item(item, *at, expression)

    def components(self, components: dict[str, Any]) -> None:
        for section, entry_name in COMPONENT_SECTIONS.items():
            entries = self.optional(components, section, _MAPPING, "components")
            for name, entry in (entries or {}).items():
                at = ("components", section, name)
                if section == "schemas" and self.is_31 and isinstance(entry, bool):
                    continue  # a boolean schema is a schema in 3.1
                if not self.expect(entry, _MAPPING, f"a {entry_name}", *at) or "$ref" in entry:
                    continue
                if section == "responses":
                    self.response(entry, *at)
                elif section == "parameters":
                    self.parameter(entry, *at)
                elif section == "requestBodies":
                    self.request_body(entry, *at)
                elif section == "headers":
                    self.header(entry, *at)
                elif section == "callbacks":
                    self.callback(entry, *at)
                elif section == "pathItems":
                    self.path_item(entry, *at)


# what a node needs to serve as each kind of component when a $ref puts it in the wrong place
_SHAPE_NEEDS: dict[str, tuple[str, ...]] = {
    "responses": ("content",),  # a request body's content is a response's content (description defaults)
    "requestBodies": ("content",),  # and the other way round
    "headers": ("schema",),  # a parameter's schema makes a header; its name and location are ignored
    "parameters": ("name", "in"),  # a header lacks both: never a parameter
}


def wrong_kind_level(wanted: str | None, target: Any) -> Level:
    """How bad a ``$ref`` to the wrong kind of component is: a warning when the target's shape still
    fits where it is used (a ``requestBodies`` entry used as a response: both carry ``content``, as
    openapi-python-client accepts), an error when it cannot."""
    needs = _SHAPE_NEEDS.get(wanted or "")
    if needs is not None and isinstance(target, dict) and all(isinstance(target.get(k), (dict, str)) for k in needs):
        return Level.WARNING
    return Level.ERROR
