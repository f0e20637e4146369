"""Swagger 2.0 → OpenAPI 3.0.3, in memory: the converted document, its findings and where each part came from."""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Callable

from generator.errors import (
    Diagnostic,
    GeneratorError,
    Level,
    escape_pointer_token,
    join_pointer,
    unescape_pointer_token,
)
from generator.spec.structure import HTTP_METHODS

if TYPE_CHECKING:
    from generator.spec.load import Document

TARGET_VERSION = "3.0.3"
SWAGGER2_METHODS = tuple(m for m in HTTP_METHODS if m != "trace")
DEFAULT_MEDIA_TYPE = "application/json"
FORM_URLENCODED = "application/x-www-form-urlencoded"
MULTIPART = "multipart/form-data"
MAX_VALIDATOR_FINDINGS = 50

# 2.0 prefix of a local $ref → its 3.0 prefix
_REF_PREFIXES = (
    ("#/definitions/", "#/components/schemas/"),
    ("#/parameters/", "#/components/parameters/"),
    ("#/responses/", "#/components/responses/"),
)
# keywords a 2.0 non-body parameter, header or items object shares with a JSON schema
_SIMPLE_SCHEMA_KEYS = (
    "type",
    "format",
    "default",
    "maximum",
    "exclusiveMaximum",
    "minimum",
    "exclusiveMinimum",
    "maxLength",
    "minLength",
    "pattern",
    "maxItems",
    "minItems",
    "uniqueItems",
    "enum",
    "multipleOf",
)
# collectionFormat → (style, explode) per parameter location; None: no OpenAPI 3 equivalent
_STYLES: dict[str, dict[str, tuple[str, bool]]] = {
    "query": {
        "csv": ("form", False),
        "ssv": ("spaceDelimited", False),
        "pipes": ("pipeDelimited", False),
        "multi": ("form", True),
    },
    "path": {"csv": ("simple", False)},
    "header": {"csv": ("simple", False)},
    "cookie": {"csv": ("form", False)},
    "formData": {
        "csv": ("form", False),
        "ssv": ("spaceDelimited", False),
        "pipes": ("pipeDelimited", False),
        "multi": ("form", True),
    },
}
_OPERATION_KEYS = frozenset("tags summary description externalDocs operationId deprecated security".split())
_OAUTH2_FLOWS = {
    "implicit": ("implicit", ("authorizationUrl",)),
    "password": ("password", ("tokenUrl",)),
    "application": ("clientCredentials", ("tokenUrl",)),
    "accessCode": ("authorizationCode", ("authorizationUrl", "tokenUrl")),
}


def is_swagger2(data: Any) -> bool:
    """Whether ``data`` is a Swagger 2.0 document (it says ``swagger:`` at the top)."""
    return isinstance(data, dict) and "swagger" in data and "openapi" not in data


@dataclass(frozen=True)
class Conversion:
    """An OpenAPI 3.0 document made from a Swagger 2.0 one."""

    data: dict[str, Any]
    findings: tuple[Diagnostic, ...]  # pointers into the 2.0 document
    # (pointer in the converted document, pointer of what it came from in the 2.0 one)
    origins: tuple[tuple[str, str], ...]


def convert(original: dict[str, Any]) -> Conversion:
    """The OpenAPI 3.0.3 equivalent of a Swagger 2.0 document (``original`` is left untouched)."""
    version = original.get("swagger")
    if str(version) not in ("2.0", "2"):
        raise GeneratorError(
            f"unsupported Swagger version {version!r}; supported: Swagger 2.0 (converted), OpenAPI 3.0.x and 3.1.x",
            pointer="/swagger",
        )
    converter = _Converter(copy.deepcopy(original))
    data = converter.document()
    return Conversion(data, tuple(converter.findings), tuple(converter.origins.items()))


def rewritten_ref(ref: str) -> str:
    """``#/definitions/X`` → ``#/components/schemas/X`` (and parameters, responses); others unchanged."""
    for old, new in _REF_PREFIXES:
        if ref.startswith(old):
            return new + ref[len(old) :]
        if "#" in ref and ref.partition("#")[2].startswith(old[1:]):
            uri, _, fragment = ref.partition("#")
            return uri + new + ("#" + fragment)[len(old) :]
    return ref


@dataclass
class _Converter:
    source: dict[str, Any]
    findings: list[Diagnostic] = field(default_factory=list)
    origins: dict[str, str] = field(default_factory=dict)

    # ------------------------------------------------------------------ document

    def document(self) -> dict[str, Any]:
        src = self.source
        out: dict[str, Any] = {"openapi": TARGET_VERSION}
        for key in ("info",):
            if key in src:
                out[key] = src[key]
        servers = self._servers()
        if servers:
            out["servers"] = servers
            self.origins["/servers"] = "/host" if "host" in src else "/basePath"
        for key, value in src.items():
            if key.startswith("x-") or key in ("tags", "externalDocs", "security"):
                out[key] = value
        out["paths"] = self._paths(src.get("paths", {}))
        components = self._components()
        if components:
            out["components"] = components
        return out

    def _servers(self) -> list[dict[str, Any]]:
        src = self.source
        host, base = src.get("host"), src.get("basePath", "")
        base = base if isinstance(base, str) else ""
        if base and not base.startswith("/"):
            self._warn("basePath must start with '/'", "basePath")
            base = "/" + base
        if not isinstance(host, str) or not host:
            return [{"url": base}] if base and base != "/" else []
        schemes = src.get("schemes")
        schemes = [s for s in schemes if isinstance(s, str)] if isinstance(schemes, list) else []
        if not schemes:
            schemes = ["https"]
        # https first: the first server is the client's default
        ordered = sorted(dict.fromkeys(s.lower() for s in schemes), key=lambda s: (s != "https", s != "http", s))
        return [{"url": f"{scheme}://{host}{base.rstrip('/') if base != '/' else ''}"} for scheme in ordered]

    def _components(self) -> dict[str, Any]:
        src = self.source
        out: dict[str, Any] = {}
        definitions = src.get("definitions")
        if definitions is not None:
            if isinstance(definitions, dict):
                out["schemas"] = {
                    name: self._schema(schema, join_pointer("definitions", name))
                    for name, schema in definitions.items()
                }
            else:
                out["schemas"] = definitions
            self.origins["/components/schemas"] = "/definitions"
        parameters = src.get("parameters")
        if isinstance(parameters, dict):
            kept = {}
            for name, param in parameters.items():
                at = join_pointer("parameters", name)
                if isinstance(param, dict) and param.get("in") in ("body", "formData"):
                    continue  # folded into each operation's requestBody where it is used
                kept[name] = self._parameter(param, at)
            if kept:
                out["parameters"] = kept
                self.origins["/components/parameters"] = "/parameters"
        elif parameters is not None:
            out["parameters"] = parameters
        responses = src.get("responses")
        if isinstance(responses, dict):
            produces = _media_types(src.get("produces"))
            out["responses"] = {
                name: self._response(response, join_pointer("responses", name), produces)
                for name, response in responses.items()
            }
            self.origins["/components/responses"] = "/responses"
        elif responses is not None:
            out["responses"] = responses
        schemes = src.get("securityDefinitions")
        if isinstance(schemes, dict):
            out["securitySchemes"] = {
                name: self._security_scheme(scheme, join_pointer("securityDefinitions", name))
                for name, scheme in schemes.items()
            }
            self.origins["/components/securitySchemes"] = "/securityDefinitions"
        elif schemes is not None:
            out["securitySchemes"] = schemes
        return out

    def _security_scheme(self, scheme: Any, at: str) -> Any:
        if not isinstance(scheme, dict):
            return scheme
        kind = scheme.get("type")
        extras = {k: v for k, v in scheme.items() if k == "description" or k.startswith("x-")}
        if kind == "basic":
            return {"type": "http", "scheme": "basic", **extras}
        if kind == "apiKey":
            return {"type": "apiKey", "name": scheme.get("name"), "in": scheme.get("in"), **extras}
        if kind == "oauth2":
            flow = scheme.get("flow")
            if flow not in _OAUTH2_FLOWS:
                self._warn(f"unknown oauth2 flow {flow!r}; kept as an implicit flow", at + "/flow")
                flow = "implicit"
            name, urls = _OAUTH2_FLOWS[str(flow)]
            body: dict[str, Any] = {url: scheme.get(url, "") for url in urls}
            body["scopes"] = scheme.get("scopes") if isinstance(scheme.get("scopes"), dict) else {}
            return {"type": "oauth2", "flows": {name: body}, **extras}
        self._warn(f"unknown security scheme type {kind!r}", at + "/type")
        return scheme

    # ------------------------------------------------------------------ paths

    def _paths(self, paths: Any) -> Any:
        if not isinstance(paths, dict):
            return paths  # the structure check reports it
        out: dict[str, Any] = {}
        for path, item in paths.items():
            if path.startswith("x-") or not isinstance(item, dict):
                out[path] = item
                continue
            out[path] = self._path_item(item, join_pointer("paths", path))
        return out

    def _path_item(self, item: dict[str, Any], at: str) -> dict[str, Any]:
        out: dict[str, Any] = {}
        shared = self._resolved_parameters(item.get("parameters"), at + "/parameters")
        for key, value in item.items():
            if key in SWAGGER2_METHODS:
                out[key] = self._operation(value, f"{at}/{key}", shared) if isinstance(value, dict) else value
            elif key == "parameters" and not isinstance(value, list):
                out[key] = value  # the structure check refuses it
            elif key == "parameters":
                # body and formData parameters go into each operation's request body
                kept = [(i, p) for i, (p, resolved) in enumerate(shared) if not _is_body_like(resolved)]
                for new_index, (i, _p) in enumerate(kept):
                    self.origins[f"{at}/parameters/{new_index}"] = f"{at}/parameters/{i}"
                if kept:
                    out[key] = [self._parameter(p, f"{at}/parameters/{i}") for i, p in kept]
            elif key == "$ref" or key.startswith("x-"):
                out[key] = value
        return out

    def _resolved_parameters(self, params: Any, at: str) -> list[tuple[Any, Any]]:
        """Each parameter as written, with what it resolves to (a ``#/parameters/X`` followed)."""
        if not isinstance(params, list):
            return []
        out = []
        for i, param in enumerate(params):
            resolved = param
            if isinstance(param, dict) and isinstance(param.get("$ref"), str):
                ref = param["$ref"]
                if ref.startswith("#/parameters/"):
                    name = unescape_pointer_token(ref[len("#/parameters/") :])
                    globals_ = self.source.get("parameters")
                    resolved = globals_.get(name) if isinstance(globals_, dict) else None
                    if resolved is None:
                        self._warn(f"$ref {ref!r}: no such parameter", f"{at}/{i}/$ref")
                        resolved = param
            out.append((param, resolved))
        return out

    def _operation(self, op: dict[str, Any], at: str, shared: list[tuple[Any, Any]]) -> dict[str, Any]:
        src = self.source
        consumes = _media_types(op.get("consumes", src.get("consumes")))
        produces = _media_types(op.get("produces", src.get("produces")))
        own = self._resolved_parameters(op.get("parameters", []), at + "/parameters")
        own_keys = {_param_key(r) for _p, r in own}
        # the path item's parameters apply unless the operation redefines them (same name and location)
        body_like = [
            (f"{at.rsplit('/', 1)[0]}/parameters/{i}", p, r)
            for i, (p, r) in enumerate(shared)
            if _is_body_like(r) and _param_key(r) not in own_keys
        ]
        out: dict[str, Any] = {}
        params_out: list[Any] = []
        for key, value in op.items():
            if key in ("consumes", "produces", "schemes"):
                if key == "schemes":
                    self._warn("per-operation schemes have no OpenAPI 3 equivalent; dropped", f"{at}/schemes")
                continue
            if key == "parameters":
                if not isinstance(value, list):
                    out[key] = value
                    continue
                for i, (param, resolved) in enumerate(own):
                    if _is_body_like(resolved):
                        body_like.append((f"{at}/parameters/{i}", param, resolved))
                        continue
                    self.origins[f"{at}/parameters/{len(params_out)}"] = f"{at}/parameters/{i}"
                    params_out.append(self._parameter(param, f"{at}/parameters/{i}"))
                if params_out:
                    out["parameters"] = params_out
            elif key == "responses":
                out[key] = self._responses(value, f"{at}/responses", produces)
            elif key in _OPERATION_KEYS or key.startswith("x-"):
                out[key] = value
            # anything else is not Swagger 2.0: its validator reports it on the document as written
        body = self._request_body(body_like, consumes, at) if body_like else None
        if body is None:
            return out
        # the request body where a reader expects it: before the responses
        keys = list(out)
        place = keys.index("responses") if "responses" in keys else len(keys)
        return {**{k: out[k] for k in keys[:place]}, "requestBody": body, **{k: out[k] for k in keys[place:]}}

    # ------------------------------------------------------------------ request bodies

    def _request_body(self, params: list[tuple[str, Any, Any]], consumes: list[str], at: str) -> dict[str, Any] | None:
        bodies = [(where, r) for where, _p, r in params if isinstance(r, dict) and r.get("in") == "body"]
        forms = [(where, r) for where, _p, r in params if isinstance(r, dict) and r.get("in") == "formData"]
        if bodies and forms:
            self._warn(
                "an operation has both a body parameter and formData parameters; the formData ones are dropped", at
            )
            forms = []
        if len(bodies) > 1:
            self._warn("more than one body parameter; only the first is kept", bodies[1][0])
        if bodies:
            where, param = bodies[0]
            schema = self._schema(param.get("schema", {}), where + "/schema") if "schema" in param else {}
            if "schema" not in param:
                self._warn("a body parameter without a schema", where)
            types = [t for t in consumes if t not in (FORM_URLENCODED, MULTIPART)] or consumes or [DEFAULT_MEDIA_TYPE]
            body: dict[str, Any] = {"content": {t: {"schema": schema} for t in types}}
            if isinstance(param.get("description"), str):
                body["description"] = param["description"]
            if param.get("required") is True:
                body["required"] = True
            body.update({k: v for k, v in param.items() if k.startswith("x-") and k != "x-nullable"})
            self.origins[at + "/requestBody"] = where
            for t in types:
                self.origins[f"{at}/requestBody/content/{escape_pointer_token(t)}/schema"] = where + "/schema"
            return body
        if not forms:
            return None
        has_file = any(r.get("type") == "file" for _w, r in forms)
        form_types = [t for t in consumes if t in (FORM_URLENCODED, MULTIPART)]
        if has_file and MULTIPART not in form_types:
            if consumes and FORM_URLENCODED in consumes:
                self._warn("a file parameter needs multipart/form-data; sent as multipart", forms[0][0])
            form_types = [MULTIPART]
        if not form_types:
            if consumes:
                self._warn(f"formData parameters with consumes {consumes!r}: sent as {FORM_URLENCODED}", forms[0][0])
            form_types = [FORM_URLENCODED]
        properties: dict[str, Any] = {}
        required: list[str] = []
        encoding: dict[str, Any] = {}
        for where, param in forms:
            name = param.get("name")
            if not isinstance(name, str):
                self._warn("a formData parameter without a name", where)
                continue
            schema = self._simple_schema(param, where)
            if isinstance(param.get("description"), str):
                schema["description"] = param["description"]
            properties[name] = schema
            if param.get("required") is True:
                required.append(name)
            style = self._style(param, "formData", where)
            if style is not None:
                encoding[name] = {"style": style[0], "explode": style[1]}
        schema_out: dict[str, Any] = {"type": "object", "properties": properties}
        if required:
            schema_out["required"] = required
        content: dict[str, Any] = {}
        for t in form_types:
            media: dict[str, Any] = {"schema": schema_out}
            if encoding and t == FORM_URLENCODED:
                media["encoding"] = encoding
            content[t] = media
        self.origins[at + "/requestBody"] = forms[0][0]
        body = {"content": content}
        if required:
            body["required"] = True
        return body

    # ------------------------------------------------------------------ parameters

    def _parameter(self, param: Any, at: str) -> Any:
        if not isinstance(param, dict):
            return param
        if isinstance(param.get("$ref"), str):
            return {**param, "$ref": rewritten_ref(param["$ref"])}
        location = param.get("in")
        out: dict[str, Any] = {}
        for key in ("name", "in", "description", "required", "allowEmptyValue", "deprecated"):
            if key in param:
                out[key] = param[key]
        if location == "path":
            out["required"] = True
        if location == "query" and "allowEmptyValue" not in param:
            out.pop("allowEmptyValue", None)
        elif location != "query":
            out.pop("allowEmptyValue", None)
        if location not in ("query", "header", "path"):
            self._warn(f"parameter location {location!r} is not one of query, header, path, formData, body", at + "/in")
        out["schema"] = self._simple_schema(param, at)
        style = self._style(param, str(location), at)
        if style is not None and isinstance(param.get("collectionFormat"), str):
            out["style"], out["explode"] = style
        if "x-example" in param:
            out["example"] = param["x-example"]
        out.update({k: v for k, v in param.items() if k.startswith("x-") and k not in ("x-example", "x-nullable")})
        self.origins[at + "/schema"] = at
        return out

    def _style(self, param: dict[str, Any], location: str, at: str) -> tuple[str, bool] | None:
        if param.get("type") != "array":
            return None
        collection = param.get("collectionFormat", "csv")
        style = _STYLES.get(location, {}).get(str(collection))
        if style is None and "collectionFormat" in param:
            fallback = _STYLES.get(location, {}).get("csv")
            self._warn(
                f"collectionFormat {collection!r} has no OpenAPI 3 equivalent in {location}; sent comma-separated",
                at + "/collectionFormat",
            )
            return fallback
        return style

    def _simple_schema(self, node: dict[str, Any], at: str) -> dict[str, Any]:
        """The JSON schema of a non-body parameter, a header or an ``items`` object."""
        out: dict[str, Any] = {k: node[k] for k in _SIMPLE_SCHEMA_KEYS if k in node}
        if out.get("type") == "file":
            out["type"], out["format"] = "string", "binary"
        if isinstance(node.get("items"), dict):
            items = node["items"]
            out["items"] = (
                {"$ref": rewritten_ref(items["$ref"])}
                if isinstance(items.get("$ref"), str)
                else self._simple_schema(items, at + "/items")
            )
            if "collectionFormat" in items and items["collectionFormat"] != "csv":
                self._warn("a nested collectionFormat has no OpenAPI 3 equivalent", at + "/items/collectionFormat")
        elif out.get("type") == "array":
            out["items"] = {}
        if node.get("x-nullable") is True:
            out["nullable"] = True
        return out

    # ------------------------------------------------------------------ responses

    def _responses(self, responses: Any, at: str, produces: list[str]) -> Any:
        if not isinstance(responses, dict):
            return responses  # the structure check refuses it
        return {
            code: (
                value
                if code.startswith("x-")
                else self._response(value, f"{at}/{escape_pointer_token(code)}", produces)
            )
            for code, value in responses.items()
        }

    def _response(self, response: Any, at: str, produces: list[str]) -> Any:
        if not isinstance(response, dict):
            return response
        if isinstance(response.get("$ref"), str):
            return {**response, "$ref": rewritten_ref(response["$ref"])}
        out: dict[str, Any] = {}
        if "description" not in response:
            self._warn("a response without a description", at)
        out["description"] = response.get("description", "")
        if "schema" in response:
            schema = self._schema(response["schema"], at + "/schema")
            given = response.get("examples")
            examples: dict[str, Any] = given if isinstance(given, dict) else {}
            types = produces or [DEFAULT_MEDIA_TYPE]
            out["content"] = {}
            for t in types:
                media: dict[str, Any] = {"schema": schema}
                if t in examples:
                    media["example"] = examples[t]
                out["content"][t] = media
                self.origins[f"{at}/content/{escape_pointer_token(t)}/schema"] = at + "/schema"
        headers = response.get("headers")
        if isinstance(headers, dict):
            out["headers"] = {}
            for name, header in headers.items():
                where = f"{at}/headers/{escape_pointer_token(name)}"
                if not isinstance(header, dict):
                    out["headers"][name] = header
                    continue
                converted: dict[str, Any] = {"schema": self._simple_schema(header, where)}
                if isinstance(header.get("description"), str):
                    converted["description"] = header["description"]
                out["headers"][name] = converted
                self.origins[where + "/schema"] = where
        out.update({k: v for k, v in response.items() if k.startswith("x-")})
        return out

    # ------------------------------------------------------------------ schemas

    def _schema(self, schema: Any, at: str) -> Any:
        """A 2.0 schema object as an OpenAPI 3.0 one (recursively; data values untouched)."""
        if isinstance(schema, list):
            return [self._schema(s, f"{at}/{i}") for i, s in enumerate(schema)]
        if not isinstance(schema, dict):
            return schema
        out: dict[str, Any] = {}
        for key, value in schema.items():
            if key == "$ref" and isinstance(value, str):
                out[key] = rewritten_ref(value)
            elif key == "x-nullable":
                if value is True:
                    out["nullable"] = True
            elif key == "type" and value == "file":
                out["type"], out["format"] = "string", "binary"
            elif key == "discriminator" and isinstance(value, str):
                out[key] = {"propertyName": value}
            elif key in ("properties", "patternProperties") and isinstance(value, dict):
                out[key] = {
                    name: self._schema(sub, f"{at}/{key}/{escape_pointer_token(name)}") for name, sub in value.items()
                }
            elif key in ("items", "additionalProperties", "not") or key in ("allOf", "anyOf", "oneOf"):
                out[key] = self._schema(value, f"{at}/{key}")
            elif key == "format" and value == "file":
                out[key] = "binary"
            else:
                out[key] = value
        if out.get("format") == "binary" and "type" not in out:
            out["type"] = "string"
        return out

    # ------------------------------------------------------------------ findings

    def _warn(self, message: str, pointer: str) -> None:
        pointer = pointer if pointer.startswith("/") or not pointer else "/" + pointer
        self.findings.append(Diagnostic(Level.WARNING, f"Swagger 2.0 conversion: {message}", pointer))


def _media_types(value: Any) -> list[str]:
    """The media types a ``consumes``/``produces`` list names, once each, in its order."""
    if not isinstance(value, list):
        return []
    return list(dict.fromkeys(v for v in value if isinstance(v, str) and v))


def _is_body_like(param: Any) -> bool:
    return isinstance(param, dict) and param.get("in") in ("body", "formData")


def _param_key(param: Any) -> tuple[Any, Any]:
    return (param.get("name"), param.get("in")) if isinstance(param, dict) else (None, None)


def source_pointer(origins: tuple[tuple[str, str], ...] | dict[str, str], pointer: str) -> str:
    """The 2.0 pointer a converted document's ``pointer`` came from (its nearest recorded ancestor moved)."""
    table = origins if isinstance(origins, dict) else dict(origins)
    probe = pointer
    while True:
        if probe in table:
            return table[probe] + pointer[len(probe) :]
        if not probe:
            return pointer
        probe = probe[: probe.rfind("/")]


def validator_findings(original: dict[str, Any], line_of: Callable[[str], int | None]) -> list[Diagnostic]:
    """openapi-spec-validator's Swagger 2.0 findings on the document as written, as located warnings."""
    try:
        from openapi_spec_validator import OpenAPIV2SpecValidator
    except ImportError:  # pragma: no cover - a dependency of the generator
        return []
    offline = type("OfflineV2Validator", (OpenAPIV2SpecValidator,), {"resolver_handlers": {}})
    found: list[Diagnostic] = []
    total = 0
    try:
        for error in offline(original).iter_errors():
            total += 1
            if total > MAX_VALIDATOR_FINDINGS:
                continue
            path = list(getattr(error, "absolute_path", ()) or ())
            pointer = join_pointer(*path) if path else ""
            message = " ".join(str(getattr(error, "message", error)).split())[:200]
            found.append(Diagnostic(Level.WARNING, f"Swagger 2.0: {message}", pointer, "", line_of(pointer)))
    except Exception as exc:  # noqa: BLE001 - a third-party validator must not end the build
        found.append(Diagnostic(Level.WARNING, f"Swagger 2.0 validator stopped early: {type(exc).__name__}: {exc}"))
    if total > MAX_VALIDATOR_FINDINGS:
        found.append(
            Diagnostic(Level.WARNING, f"... and {total - MAX_VALIDATOR_FINDINGS} more from the Swagger 2.0 validator")
        )
    return found


def swagger2_findings(doc: Document) -> list[Diagnostic]:
    """For a document converted from Swagger 2.0: the conversion's findings and the 2.0 validator's."""
    if doc.original is None:
        return []
    return [*doc.conversion_findings, *validator_findings(doc.original, doc.source_line)]
