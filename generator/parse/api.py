"""The loaded document → ``ir.Api``: operations grouped into resources, schemas via ``SchemaBuilder``."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any
from urllib.parse import parse_qsl

from generator import ir
from generator.config import Settings
from generator.errors import Diagnostic, GeneratorError, Level
from generator.parse import names
from generator.parse.params import with_params
from generator.parse.replay import Deriving, NodeDigests, Record, Replay, made_anew
from generator.parse.schemas import SchemaBuilder, example_of, text
from generator.spec.refs import Resolver, child
from generator.spec.structure import HTTP_METHODS, PATH_PLACEHOLDER

IDEMPOTENT = frozenset({"get", "put", "delete", "options", "head", "trace"})
NO_BODY_STATUSES = frozenset({"204", "205", "304"})
IGNORED_HEADERS = frozenset({"accept", "content-type", "authorization"})
# drf-spectacular operationId suffixes (``<path>_<action>``) → the verb our method starts with
DRF_ACTIONS = {
    "list": "list",
    "create": "create",
    "retrieve": "retrieve",
    "update": "update",
    "partial_update": "partial_update",
    "destroy": "delete",
}
ITEMS_FIELDS = ("results", "items", "data", "records", "entries", "values", "objects")
NEXT_FIELDS = ("next", "next_cursor", "nextCursor", "next_page_token", "nextPageToken", "cursor")
SUCCESS_STATES = ("success", "succeeded", "completed", "complete", "done", "finished")
FAILURE_STATES = ("error", "failed", "failure", "cancelled", "canceled", "errored")
WEBHOOK_FIELDS = ("webhook", "webhook_url", "callback", "callback_url", "notify_url")
# what a header or cookie name may hold (RFC 9110 token); httpx refuses to send any other
HTTP_TOKEN = re.compile(r"[!#$%&'*+.^_`|~0-9A-Za-z-]+")
# names the plain-dict argument modules and resources import beside the models
TYPED_DICT_NAMES = ("TypedDict", "Required", "NotRequired", "Iterable", "cast")


@dataclass(frozen=True)
class ClientSettings:
    package: str
    class_name: str
    env_prefix: str
    base_url: str  # "" → the document's first absolute server, else a placeholder


def build_ir(
    document: dict[str, Any], settings: ClientSettings, *, source: str = ""
) -> tuple[ir.Api, list[Diagnostic]]:
    """Parse a validated document into the IR; returns it with the warnings met on the way."""
    return _Parser(document, settings, source).api()


def build_ir_replaying(
    document: dict[str, Any], settings: ClientSettings, *, source: str, key: str, earlier: Record | None
) -> tuple[ir.Api, list[Diagnostic], Replay]:
    """``build_ir``, reusing the parts of the ``earlier`` parse whose inputs did not change (see
    ``generator.parse.replay``); also returns what it did, whose ``finish()`` is the record of
    this parse for the next. ``key`` names the generator's code: another key, nothing reused."""
    parser = _Parser(document, settings, source)
    parser.replaying = (f"{key}\x00{settings!r}", earlier)
    api, diagnostics = parser.api()
    assert parser.replay is not None
    return api, diagnostics, parser.replay


def json_media(media: str) -> bool:
    m = media.split(";")[0].strip().lower()
    return m == "application/json" or m.endswith("+json") or m == "*/*" and False


def wildcard_media(media: str) -> bool:
    """``*/*``, ``application/*``: the server may answer in any (sub)type."""
    return media.split(";")[0].strip().endswith("*")


def text_media(media: str) -> bool:
    """A media type whose body is text the client returns as ``str`` (text, XML, YAML, CSV, ...)."""
    m = media.split(";")[0].strip().lower()
    return m.startswith("text/") or m.endswith(("xml", "yaml", "yml", "csv", "javascript", "ndjson", "html"))


def _answer_rank(media: str) -> int:
    """Which answer the method returns when several are offered: JSON, any type, text, bytes."""
    return 0 if json_media(media) else 1 if wildcard_media(media) else 2 if text_media(media) else 3


def _union_with_text(t: ir.TypeRef) -> ir.TypeRef:
    inner = ir.non_null(t)
    options = inner.options if isinstance(inner, ir.UnionOf) else (inner,)
    text_option = ir.primitive("str")
    union = ir.UnionOf(options + (text_option,)) if text_option not in options else inner
    return ir.Nullable(union) if isinstance(t, ir.Nullable) else union


def _sendable_as(content: dict[str, Any], chosen: str, other: str) -> bool:
    """Whether the arguments of the ``chosen`` media type can be sent as ``other`` too: the same
    schema, and both structured (JSON, form, multipart) or both the same raw encoding."""
    structured = ("json", "form", "multipart")
    a, b = body_encoding(chosen), body_encoding(other)
    if not (a in structured and b in structured or a == b):
        return False
    first, second = content.get(chosen), content.get(other)
    return isinstance(first, dict) and isinstance(second, dict) and first.get("schema") == second.get("schema")


def body_encoding(media: str) -> str:
    m = media.split(";")[0].strip().lower()
    if json_media(m):
        return "json"
    if m == "multipart/form-data" or m.startswith("multipart/"):
        return "multipart"
    if m == "application/x-www-form-urlencoded":
        return "form"
    if m.startswith("text/"):
        return "text"
    return "binary"


class _Parser:
    def __init__(self, document: dict[str, Any], settings: ClientSettings, source: str) -> None:
        self.doc = document
        self.settings = settings
        self.source = source
        self.diagnostics: list[Diagnostic] = []
        self.skipped: list[ir.Skipped] = []
        self.resolver = Resolver(document, source)
        client = settings.class_name
        self.schemas = SchemaBuilder(
            self.resolver, self.diagnostics, reserved=frozenset({client, "Async" + client, *TYPED_DICT_NAMES})
        )
        self.replaying: tuple[str, Record | None] | None = None  # (key, earlier record): record the parts
        self.replay: Replay | None = None

    def warn(self, message: str, pointer: str) -> None:
        self.diagnostics.append(Diagnostic(Level.WARNING, message, pointer, self.source))

    # ------------------------------------------------------------ the whole document

    def api(self) -> tuple[ir.Api, list[Diagnostic]]:
        comps = self.doc.get("components")
        comps = comps if isinstance(comps, dict) else {}
        schemas = comps.get("schemas")
        schemas = schemas if isinstance(schemas, dict) else {}
        raw_ops = list(self._raw_operations())
        roots: list[tuple[Any, Any]] = []
        for _, _, op, _, path_item, _ in raw_ops:
            roots.append(
                ({"p": op.get("parameters"), "q": path_item.get("parameters"), "b": op.get("requestBody")}, "request")
            )
            roots.append((op.get("responses"), "response"))
            for cb in (op.get("callbacks") or {}).values() if isinstance(op.get("callbacks"), dict) else ():
                roots.append((cb, "response"))
        webhooks = self.doc.get("webhooks")
        if isinstance(webhooks, dict):
            roots.append((webhooks, "response"))
        nodes = NodeDigests()
        if self.replaying is not None:
            key, earlier = self.replaying
            self.schemas.walked = earlier.walked if earlier is not None and earlier.key == key else {}
            self.schemas.node_digest = nodes.of
        self.schemas.prepare(schemas, roots)
        replay = self._start_replay(nodes)

        groups: dict[str, list[ir.Operation]] = {}
        group_tags: dict[str, str] = {}
        group_ns = names.Namespace(names.RESERVED_ATTRS | names.CLIENT_METHODS)
        group_attr: dict[str, str] = {}
        method_ns: dict[str, names.Namespace] = {}
        for path, method, op, pointer, path_item, item_source in raw_ops:
            tag = self._group_of(op, path)
            if tag not in group_attr:
                group_attr[tag] = group_ns.claim(names.attr_name(tag))
                method_ns[tag] = names.Namespace({"with_raw_response", "wait"} | names.RESERVED_ATTRS)
                group_tags[tag] = tag
                if replay is not None:
                    replay.add_namespace("method:" + tag, method_ns[tag])

            def work(
                path: str = path,
                method: str = method,
                op: dict[str, Any] = op,
                pointer: str = pointer,
                path_item: dict[str, Any] = path_item,
                tag: str = tag,
            ) -> ir.Operation:
                return self._operation(path, method, op, pointer, path_item, tag, method_ns[tag])

            try:
                if replay is None:
                    operation = work()
                else:  # the path item (its parameters), where it was $ref'd from, the default security
                    reads = (pointer.rsplit("/", 1)[0], item_source, "/security")
                    operation = replay.run(("operation", pointer, tag), reads, work)
            except GeneratorError as exc:
                d = exc.diagnostics[0]
                self.warn(f"operation skipped: {d.message}", d.pointer or pointer)
                self.skipped.append(ir.Skipped(pointer, d.message))
                continue
            groups.setdefault(tag, []).append(operation)
        self.schemas.build_components(None if replay is None else lambda part, work: replay.run(part, (), work))
        webhook_models = self._webhook_models(groups)
        resources = tuple(self._resource(tag, group_attr[tag], ops) for tag, ops in groups.items())
        all_schemas = tuple(sorted(self.schemas.schemas.values(), key=lambda s: s.module))
        info: dict[str, Any] = self.doc["info"] if isinstance(self.doc.get("info"), dict) else {}
        servers = tuple(
            text(s.get("url")) for s in self.doc.get("servers") or [] if isinstance(s, dict) and text(s.get("url"))
        )
        api = ir.Api(
            title=text(info.get("title")) or "API",
            version=str(info.get("version") or ""),
            description=text(info.get("description")),
            openapi_version=str(self.doc.get("openapi") or ""),
            client=ir.Client(
                package=self.settings.package,
                class_name=self.settings.class_name,
                env_prefix=self.settings.env_prefix,
                default_base_url=self.settings.base_url or _default_server(servers),
                distribution=self.settings.package.replace("_", "-"),
            ),
            auth=self._auth(),
            resources=resources,
            schemas=all_schemas,
            servers=servers,
            webhook_models=webhook_models,
            skipped=tuple(self.skipped),
            numbered=numbered_names(all_schemas, self.schemas.numbered_hints),
        )
        derived = self.replay.derived if self.replay is not None else None
        return (
            with_typed_pages(with_params(api, self.schemas.classes, self.schemas.modules, derived), derived),
            self.diagnostics,
        )

    def _start_replay(self, nodes: NodeDigests) -> Replay | None:
        if self.replaying is None:
            return None
        key, earlier = self.replaying
        record = Record(key, self.source, self.schemas.prepared(), walked=self.schemas.walked_now)
        self.replay = Replay(earlier, record, self.schemas, self.diagnostics, nodes)
        return self.replay

    def _raw_operations(self) -> Any:
        """(path, method, operation, its pointer, its path item, where the path item is written)."""
        paths = self.doc.get("paths")
        if not isinstance(paths, dict):
            return
        for path, item in paths.items():
            item_ptr = child("/paths", str(path))
            source = item_ptr
            if not isinstance(item, dict):
                self.warn("path item is not an object; skipped", item_ptr)
                continue
            if "$ref" in item:
                try:
                    item, source = self.resolver.deref(item, item_ptr)
                except GeneratorError as exc:
                    self.warn(exc.diagnostics[0].message, item_ptr)
                    continue
            for method in HTTP_METHODS:
                op = item.get(method)
                if isinstance(op, dict):
                    yield str(path), method, op, child(item_ptr, method), item, source

    # ------------------------------------------------------------ naming

    @staticmethod
    def _group_of(op: dict[str, Any], path: str) -> str:
        tags = op.get("tags")
        if isinstance(tags, list) and tags and isinstance(tags[0], str) and tags[0].strip():
            return tags[0]
        for segment in path.strip("/").split("/"):
            if segment and not segment.startswith("{") and not re.fullmatch(r"api|v\d+(\.\d+)*", segment):
                return segment
        return "default"

    @staticmethod
    def method_name(operation_id: str, tag: str, method: str, path: str) -> str:
        """``videos_publish_create`` (tag videos) → ``publish``; ``files_children_list`` → ``list_children``."""
        if not operation_id:
            words = [method] + [w for w in re.split(r"[/{}]+", path) if w]
            return names.snake("_".join(words))
        words = names.snake(operation_id, fallback="call", digit_prefix="op").split("_")
        tag_words = names.snake(tag).split("_")
        if words[: len(tag_words)] == tag_words and len(words) > len(tag_words):
            words = words[len(tag_words) :]
        rest = "_".join(words)
        for suffix, verb in sorted(DRF_ACTIONS.items(), key=lambda kv: -len(kv[0])):
            if rest == suffix:
                return verb
            if rest.endswith("_" + suffix):
                noun = rest[: -len(suffix) - 1]
                return noun if suffix == "create" else f"{verb}_{noun}"
        return rest

    # ------------------------------------------------------------ operations

    def _operation(
        self,
        path: str,
        method: str,
        op: dict[str, Any],
        pointer: str,
        path_item: dict[str, Any],
        tag: str,
        ns: names.Namespace,
    ) -> ir.Operation:
        operation_id = text(op.get("operationId"))
        base = self.method_name(operation_id, tag, method, path)
        if base in names.RESERVED_ATTRS or base.startswith("_"):
            base += "_"
        method_name = ns.claim(names.snake(base, fallback="call", digit_prefix="op"))
        hint = names.pascal(operation_id or f"{method}_{path}", fallback="Operation")
        args = names.Namespace(names.RESERVED_ARGS)
        params = self._parameters(op, path_item, pointer, args, hint)
        declared = {p.wire_name for p in params if p.location == "path"}
        for missing in sorted(set(PATH_PLACEHOLDER.findall(path)) - declared):
            self.warn(f"path parameter {missing!r} is not declared; assumed a string", pointer)
            params.insert(
                0, ir.Parameter(args.claim(names.arg_name(missing)), missing, "path", ir.primitive("str"), True)
            )
        path_params = [p for p in params if p.location == "path"]
        others = [p for p in params if p.location != "path"]
        body = self._body(op, pointer, args, hint)
        responses = self._responses(op, pointer, hint)
        success = _success_response(responses)
        security = op.get("security", self.doc.get("security"))
        schemes = tuple(sorted({name for req in security or [] if isinstance(req, dict) for name in req}))
        return ir.Operation(
            method_name=method_name,
            operation_id=operation_id,
            http_method=method,
            path=path,
            pointer=pointer,
            summary=text(op.get("summary")),
            description=text(op.get("description")),
            deprecated=op.get("deprecated") is True,
            parameters=tuple(path_params + others),
            body=body,
            responses=responses,
            success=success,
            pagination=self._pagination(method, others, success, body),
            security=schemes,
            idempotent=method in IDEMPOTENT,
            request_path=path.partition("?")[0],
            fixed_query=tuple(parse_qsl(path.partition("?")[2], keep_blank_values=True)),
        )

    def _parameters(
        self, op: dict[str, Any], path_item: dict[str, Any], pointer: str, args: names.Namespace, hint: str
    ) -> list[ir.Parameter]:
        merged: dict[tuple[str, str], tuple[dict[str, Any], str]] = {}
        for owner, owner_ptr in ((path_item, pointer.rsplit("/", 1)[0]), (op, pointer)):
            raw = owner.get("parameters")
            for i, p in enumerate(raw if isinstance(raw, list) else []):
                node, ptr = self.resolver.deref(p, child(owner_ptr, "parameters", i))
                if (
                    not isinstance(node, dict)
                    or not isinstance(node.get("name"), str)
                    or node.get("in") not in ("path", "query", "header", "cookie")
                ):
                    self.warn("parameter without a name or a valid location; skipped", ptr)
                    continue
                merged[(node["name"], node["in"])] = (node, ptr)
        order = {"path": 0, "query": 1, "header": 2, "cookie": 3}
        result = []
        for (wire, location), (node, ptr) in sorted(merged.items(), key=lambda kv: (order[kv[0][1]], 0)):
            if location == "header" and wire.lower() in IGNORED_HEADERS:
                continue
            if location in ("header", "cookie") and not HTTP_TOKEN.fullmatch(wire):
                self.warn(
                    f"{location} name {wire!r} is not an HTTP token, so it cannot be sent; parameter skipped", ptr
                )
                continue
            schema, schema_ptr = node.get("schema"), child(ptr, "schema")
            if schema is None and isinstance(node.get("content"), dict) and node["content"]:
                media, content = next(iter(node["content"].items()))
                schema, schema_ptr = (content or {}).get("schema"), child(ptr, "content", media, "schema")
            self.schemas.literal_enums = True
            try:
                t = (
                    self.schemas.type_of(
                        schema, schema_ptr, hint=hint + names.pascal(wire, fallback="Param"), mode="request"
                    )
                    if schema is not None
                    else ir.primitive("str")
                )
            finally:
                self.schemas.literal_enums = False
            required = node.get("required") is True or location == "path"
            style = text(node.get("style")) or ("form" if location in ("query", "cookie") else "simple")
            explode = node.get("explode") if isinstance(node.get("explode"), bool) else style == "form"
            sch = schema if isinstance(schema, dict) else {}
            has_ex, example = example_of(node)
            if not has_ex:
                has_ex, example = example_of(sch)
            result.append(
                ir.Parameter(
                    name=args.claim(names.arg_name(wire)),
                    wire_name=wire,
                    location=location,  # type: ignore[arg-type]  # one of the four, checked above
                    type=t,
                    required=required,
                    description=text(node.get("description")),
                    deprecated=node.get("deprecated") is True,
                    style=style,
                    explode=explode is True,
                    default=ir.Default(True, sch["default"]) if "default" in sch else ir.NO_DEFAULT,
                    example=example,
                    has_example=has_ex,
                )
            )
        return result

    def _body(self, op: dict[str, Any], pointer: str, args: names.Namespace, hint: str) -> ir.Body | None:
        raw = op.get("requestBody")
        if raw is None:
            return None
        node, ptr = self.resolver.deref(raw, child(pointer, "requestBody"))
        content = node.get("content") if isinstance(node, dict) else None
        if not isinstance(content, dict) or not content:
            self.warn("requestBody has no content; the method takes no body", ptr)
            return None
        medias = [str(m) for m in content]
        chosen = min(
            medias,
            key=lambda m: (["json", "multipart", "form", "binary", "text"].index(body_encoding(m)), medias.index(m)),
        )
        encoding = body_encoding(chosen)
        media_node = content.get(chosen) or {}
        schema = media_node.get("schema") if isinstance(media_node, dict) else None
        schema_ptr = child(ptr, "content", chosen, "schema")
        required = node.get("required") is True
        if schema is None:
            schema = {"type": "string", "format": "binary"} if encoding == "binary" else {}
        t = self.schemas.type_of(schema, schema_ptr, hint=hint + "Body", mode="request")
        if encoding in ("binary",) and t != ir.primitive("File", "binary"):
            t = ir.primitive("File", "binary")
        model = t if isinstance(t, ir.ModelRef) else None
        target = self.schemas.model_for(model) if model else None
        fields: tuple[ir.BodyField, ...] = ()
        file_fields: tuple[str, ...] = ()
        if isinstance(target, ir.Model) and encoding in ("json", "form", "multipart"):
            fields = tuple(ir.BodyField(args.claim(names.arg_name(f.wire_name)), f) for f in target.fields)
            file_fields = tuple(f.wire_name for f in target.fields if _is_file(f.type))
        else:
            model = None
        alternatives = tuple(m for m in medias if m != chosen and _sendable_as(content, chosen, m))
        return ir.Body(
            media_type=chosen,
            encoding=encoding,  # type: ignore[arg-type]
            required=required,
            type=t,
            model=model,
            fields=fields,
            file_fields=file_fields,
            other_media_types=tuple(m for m in medias if m != chosen),
            description=text(node.get("description")),
            alternatives=alternatives,
            media_arg=args.claim("media_type") if alternatives else "",
        )

    def _responses(self, op: dict[str, Any], pointer: str, hint: str) -> tuple[ir.Response, ...]:
        raw = op.get("responses")
        if not isinstance(raw, dict):
            return ()
        result = []
        for status, resp in raw.items():
            status = str(status)
            rptr = child(pointer, "responses", status)
            node, rptr = self.resolver.deref(resp, rptr)
            if not isinstance(node, dict):
                continue
            content = node.get("content") if isinstance(node.get("content"), dict) else {}
            if content and status in NO_BODY_STATUSES:
                self.warn(f"a {status} response cannot carry a body; its content is ignored", rptr)
                content = {}
            media, t = "", None
            if content:
                medias = [str(m) for m in content]
                media = min(medias, key=lambda m: (_answer_rank(m), medias.index(m)))
                mnode = content.get(media) or {}
                schema = mnode.get("schema") if isinstance(mnode, dict) else None
                suffix = "Response" if status.startswith("2") else f"Response{names.pascal(status)}"
                if schema is not None and (json_media(media) or wildcard_media(media)):
                    t = self.schemas.type_of(
                        schema, child(rptr, "content", media, "schema"), hint=hint + suffix, mode="response"
                    )
                    if wildcard_media(media) and t not in (ir.primitive("Any"), ir.primitive("str")):
                        # whatever arrives: JSON is parsed as the schema says, anything else is its text
                        t = _union_with_text(t)
                elif json_media(media):
                    t = ir.primitive("Any")  # JSON, of no declared shape
                else:
                    t = ir.primitive("str") if text_media(media) else ir.primitive("bytes")
            headers: dict[str, Any] = node["headers"] if isinstance(node.get("headers"), dict) else {}
            result.append(
                ir.Response(
                    status=status,
                    media_type=media,
                    type=t,
                    description=text(node.get("description")),
                    headers=tuple(
                        (str(h), self._header_type(hv, child(rptr, "headers", str(h)), hint))
                        for h, hv in headers.items()
                    ),
                )
            )
        return tuple(result)

    def _header_type(self, header: Any, pointer: str, hint: str) -> ir.TypeRef:
        node, ptr = self.resolver.deref(header, pointer)
        schema = node.get("schema") if isinstance(node, dict) else None
        if schema is None:
            return ir.primitive("str")
        return self.schemas.type_of(schema, child(ptr, "schema"), hint=hint + "Header", mode="response")

    def _pagination(
        self, method: str, params: list[ir.Parameter], success: ir.Response | None, body: ir.Body | None
    ) -> ir.Pagination | None:
        """How a GET pages; none when it takes a body (the next page could not send it again)."""
        if method != "get" or body is not None or success is None or not isinstance(success.type, ir.ModelRef):
            return None
        model = self.schemas.model_for(success.type)
        if not isinstance(model, ir.Model):
            return None
        by_wire = {f.wire_name: f for f in model.fields}
        items = next(
            (by_wire[n] for n in ITEMS_FIELDS if n in by_wire and isinstance(ir.non_null(by_wire[n].type), ir.ListOf)),
            None,
        )
        if items is None:
            return None
        item_type = ir.non_null(items.type).item  # type: ignore[union-attr]
        query = {p.wire_name for p in params if p.location == "query"}
        next_field = next((n for n in NEXT_FIELDS if n in by_wire), "")

        def pick(*cands: str) -> str:
            return next((c for c in cands if c in query), "")

        offset, limit = pick("offset", "skip", "start"), pick("limit", "page_size", "per_page", "size", "count")
        page = pick("page", "page_number", "pageNumber")
        cursor = pick(
            "cursor", "after", "starting_after", "page_token", "pageToken", "next_token", "continuation_token"
        )
        if offset:
            style = "offset"
        elif page:
            style = "page"
        elif cursor and next_field:
            style = "cursor"
        elif next_field == "next":
            style = "next_link"
        else:
            return None
        return ir.Pagination(style, items.wire_name, item_type, next_field, offset, limit, page, cursor)  # type: ignore[arg-type]

    # ------------------------------------------------------------ resources

    def _resource(self, tag: str, attr: str, ops: list[ir.Operation]) -> ir.Resource:
        class_name = names.class_name(tag, suffix="")
        if class_name in ("Async", ""):
            class_name += "Resource"
        desc = ""
        for t in self.doc.get("tags") or []:
            if isinstance(t, dict) and t.get("name") == tag:
                desc = text(t.get("description"))
        return ir.Resource(
            attr=attr,
            class_name=self._resource_class(class_name),
            module=names.file_stem(attr),
            tag=tag,
            operations=tuple(ops),
            description=desc,
            wait=self._wait_spec(ops),
        )

    def _resource_class(self, name: str) -> str:
        """A class name free together with the names the templates derive from it (``Async…``, ``…WithRawResponse``)."""
        classes = self.schemas.classes
        clash = any(classes.taken(n) for n in resource_classes(name))
        return classes.claim_family(name + "Resource" if clash else name, resource_classes)

    def _wait_spec(self, ops: list[ir.Operation]) -> ir.WaitSpec | None:
        for op in sorted(ops, key=lambda o: o.method_name != "retrieve"):
            path_params = [p for p in op.parameters if p.location == "path"]
            required_other = [p for p in op.parameters if p.location != "path" and p.required]
            if (
                op.http_method != "get"
                or len(path_params) != 1
                or required_other
                or op.pagination
                or op.success is None
            ):
                continue
            if not isinstance(op.success.type, ir.ModelRef):
                continue
            model = self.schemas.model_for(op.success.type)
            if not isinstance(model, ir.Model):
                continue
            for f in model.fields:
                enum = self.schemas.model_for(ir.non_null(f.type)) if isinstance(ir.non_null(f.type), ir.ModelRef) else None  # type: ignore[arg-type]
                if not isinstance(enum, ir.Enum) or enum.base != "str":
                    continue
                values = [str(m.value) for m in enum.members]
                success = tuple(v for v in values if v.lower() in SUCCESS_STATES)
                failure = tuple(v for v in values if v.lower() in FAILURE_STATES)
                if success and failure:
                    return ir.WaitSpec(op.method_name, f.name, success, failure, op.success.type)
        return None

    def _webhook_models(self, groups: dict[str, list[ir.Operation]]) -> tuple[ir.ModelRef, ...]:
        """Models the server posts back: 3.1 ``webhooks``, or what a create call with a webhook URL returns."""
        found: list[ir.ModelRef] = []
        hooks = self.doc.get("webhooks")
        for name, item in (hooks.items() if isinstance(hooks, dict) else ()):
            for method in HTTP_METHODS:
                op = item.get(method) if isinstance(item, dict) else None
                body = op.get("requestBody") if isinstance(op, dict) else None
                if body is None:
                    continue
                node, ptr = self.resolver.deref(body, child("/webhooks", str(name), method, "requestBody"))
                for media, mnode in (node.get("content") or {}).items():
                    if json_media(str(media)) and isinstance(mnode, dict) and "schema" in mnode:
                        t = self.schemas.type_of(
                            mnode["schema"],
                            child(ptr, "content", str(media), "schema"),
                            hint=names.pascal(str(name)) + "Event",
                            mode="response",
                        )
                        if isinstance(t, ir.ModelRef) and t not in found:
                            found.append(t)
        for ops in groups.values():
            for op in ops:
                if op.body and any(bf.field.wire_name in WEBHOOK_FIELDS for bf in op.body.fields):
                    answer = op.success.type if op.success else None
                    if isinstance(answer, ir.ModelRef) and answer not in found:
                        found.append(answer)
        return tuple(found)

    def _auth(self) -> ir.Auth:
        comps: dict[str, Any] = self.doc["components"] if isinstance(self.doc.get("components"), dict) else {}
        schemes: dict[str, Any] = comps["securitySchemes"] if isinstance(comps.get("securitySchemes"), dict) else {}
        used: list[str] = []
        for req in self.doc.get("security") or []:
            used.extend(k for k in (req if isinstance(req, dict) else {}) if k not in used)
        for _, _, op, _, _, _ in self._raw_operations():
            for req in op.get("security") or []:
                used.extend(k for k in (req if isinstance(req, dict) else {}) if k not in used)
        used.extend(k for k in schemes if k not in used)
        candidates = []
        for name in used:
            node = schemes.get(name)
            if isinstance(node, dict) and "$ref" in node:
                node = self.resolver.deref(node, child("/components/securitySchemes", name))[0]
            if not isinstance(node, dict):
                continue
            auth = _auth_of(name, node)
            if auth is not None and auth.kind in ("header", "cookie") and not HTTP_TOKEN.fullmatch(auth.param_name):
                self.warn(
                    f"{auth.kind} name {auth.param_name!r} is not an HTTP token, so it cannot be sent; scheme ignored",
                    child("/components/securitySchemes", name),
                )
            elif auth is not None:
                candidates.append(auth)
        rank = {"header": 0, "bearer": 1, "basic": 2, "query": 3, "cookie": 4}
        if not candidates:
            return ir.Auth("", "none")
        return min(candidates, key=lambda a: (rank[a.kind], candidates.index(a)))


def _auth_of(name: str, node: dict[str, Any]) -> ir.Auth | None:
    kind = node.get("type")
    if kind == "apiKey":
        where = node.get("in")
        param = text(node.get("name"))
        if where == "header" and param:
            prefix = ""
            m = re.search(r'prefix\s+\\?["\']?([A-Za-z][\w-]*)', text(node.get("description")))
            if m and param.lower() == "authorization":
                prefix = m.group(1)
            return ir.Auth(name, "header", param, prefix)
        if where in ("query", "cookie") and param:
            return ir.Auth(name, where, param)
        return None
    if kind == "http":
        scheme = text(node.get("scheme")).lower()
        if scheme == "bearer":
            return ir.Auth(name, "bearer", "Authorization", "Bearer")
        if scheme == "basic":
            return ir.Auth(name, "basic", "Authorization", "Basic")
        return None
    if kind in ("oauth2", "openIdConnect"):
        return ir.Auth(name, "bearer", "Authorization", "Bearer")
    return None


def with_typed_pages(api: ir.Api, derived: Deriving | None = None) -> ir.Api:
    """``api`` with the list operations whose response model gets page classes of its own marked
    (``Pagination.page_model``) and those models listed once each (``Api.pages``). ``derived`` (a
    replaying parse's) hands back what the last build made of the same objects."""
    index = {s.class_name: s for s in api.schemas}
    taken = index.keys() | {"SyncPage", "AsyncPage"}  # a page class may take neither a schema's nor a base's name
    pages: dict[str, ir.TypedPage] = {}
    made = derived("pages", frozenset(taken)) if derived is not None else made_anew

    def marked(op: ir.Operation) -> ir.Operation:
        success = op.success.type if op.success is not None else None
        if op.pagination is None or not isinstance(success, ir.ModelRef):
            return op
        model = index.get(success.class_name)
        if not isinstance(model, ir.Model):
            return op
        if f"{model.class_name}Page" in taken or f"Async{model.class_name}Page" in taken:
            return op
        pagination, name = op.pagination, model.class_name
        if name not in pages:
            items = pagination.items_field
            pages[name] = made((model, items), lambda: ir.TypedPage(model, items))
        marked_op: ir.Operation = made(
            (op, model), lambda: replace(op, pagination=replace(pagination, page_model=name))
        )
        return marked_op

    resources = tuple(replace(r, operations=tuple(marked(op) for op in r.operations)) for r in api.resources)
    return replace(api, resources=resources, pages=tuple(pages.values()))


def numbered_names(schemas: tuple[ir.Schema, ...], hints: set[str]) -> tuple[str, ...]:
    """Classes named after a union option's position (``…Option2``, and what is nested in it)."""
    if not hints:
        return ()
    found = []
    for s in schemas:
        for m in re.finditer(r"Option\d+", s.wire_name):
            if s.wire_name[: m.end()] in hints:
                found.append(s.class_name)
                break
    return tuple(found)


def resource_classes(name: str) -> tuple[str, ...]:
    """The classes a resource named ``name`` brings into its module and the client's."""
    return (name, "Async" + name, name + "WithRawResponse", "Async" + name + "WithRawResponse")


def _default_server(servers: tuple[str, ...]) -> str:
    for url in servers:
        if url.startswith(("https://", "http://")) and "{" not in url:
            return url.rstrip("/")
    return "http://localhost"


def _is_file(t: ir.TypeRef) -> bool:
    t = ir.non_null(t)
    if isinstance(t, ir.ListOf):
        return _is_file(t.item)
    return isinstance(t, ir.Primitive) and t.name == "File"


def _success_response(responses: tuple[ir.Response, ...]) -> ir.Response | None:
    ok = sorted((r for r in responses if r.status.startswith("2")), key=lambda r: (r.type is None, r.status))
    if ok:
        return ok[0]
    return next((r for r in responses if r.status == "default"), None)


def client_settings(settings: Settings) -> ClientSettings:
    package = names.package_name(str(settings.get("package-name")))
    class_name = names.class_name(str(settings.get("client-name")))
    base_url = str(settings.get("base-url") or "")
    return ClientSettings(package, class_name, package.upper(), base_url)
