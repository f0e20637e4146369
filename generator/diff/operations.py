"""Document and operation rules for ``diff``: paths, operations, parameters, bodies, responses,
headers, security and servers, matched by (method, path with parameter names ignored).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from generator.diff.rules import (
    RULES,
    SCHEMA_AREAS,
    Direction,
    RawChange,
    mapping,
    normalized_path,
    schema_rule_id,
    schema_subject,
)
from generator.diff.schemas import NO_DEFAULT, SchemaComparer, Views, shape_of
from generator.parse.api import HTTP_METHODS, IGNORED_HEADERS
from generator.parse.schemas import walk_refs
from generator.spec.refs import child


@dataclass(frozen=True)
class _Op:
    method: str
    path: str
    node: dict[str, Any]
    pointer: str
    item: dict[str, Any]

    @property
    def label(self) -> str:
        return f"{self.method.upper()} {self.path}"


def operations(views: Views) -> dict[tuple[str, str], _Op]:
    """Operations by (method, normalized path); the first wins when two paths normalize alike."""
    found: dict[tuple[str, str], _Op] = {}
    paths = views.resolver.document.get("paths")
    for path, item in (paths.items() if isinstance(paths, dict) else ()):
        item_ptr = child("/paths", str(path))
        item, _ = views.target(item, item_ptr)
        if not isinstance(item, dict):
            continue
        for method in HTTP_METHODS:
            if isinstance(item.get(method), dict):
                found.setdefault(
                    (method, normalized_path(str(path))),
                    _Op(method, str(path), item[method], child(item_ptr, method), item),
                )
    return found


def dirty_components(old: dict[str, Any], new: dict[str, Any]) -> set[str]:
    """Pointers of ``/components/<kind>/<name>`` entries that differ, or reach one that does."""

    def entries(doc: dict[str, Any]) -> dict[str, Any]:
        comps = doc.get("components")
        return {
            child("/components", kind, name): node
            for kind, group in (comps.items() if isinstance(comps, dict) else ())
            if isinstance(group, dict)
            for name, node in group.items()
        }

    old_entries, new_entries = entries(old), entries(new)
    dirty = {
        p
        for p in old_entries.keys() | new_entries.keys()
        if old_entries.get(p, NO_DEFAULT) != new_entries.get(p, NO_DEFAULT)
    }
    users: dict[str, set[str]] = {}
    for table in (old_entries, new_entries):
        for ptr, node in table.items():
            for target in walk_refs(node):
                users.setdefault(target, set()).add(ptr)
    todo = list(dirty)
    while todo:
        for user in users.get(todo.pop(), ()):
            if user not in dirty:
                dirty.add(user)
                todo.append(user)
    return dirty


class DocumentComparer:
    """Compares two whole documents; ``changes()`` lists what differs, classified."""

    def __init__(
        self,
        old: dict[str, Any],
        new: dict[str, Any],
        *,
        old_source: str = "",
        new_source: str = "",
    ) -> None:
        self.old_doc, self.new_doc = old, new
        self.old, self.new = Views(old, old_source), Views(new, new_source)
        self.schemas = SchemaComparer(self.old, self.new)
        self.dirty = dirty_components(old, new)
        old_comps = mapping(old.get("components"))
        names = mapping(old_comps.get("schemas"))
        self.schemas.unchanged = {child("/components/schemas", n) for n in names} - self.dirty
        self.out: list[RawChange] = []

    def changes(self) -> list[RawChange]:
        old_ops, new_ops = operations(self.old), operations(self.new)
        new_paths = {k[1] for k in new_ops}
        for key, op in old_ops.items():
            if key not in new_ops:
                whole = "path" if key[1] not in new_paths else ""
                rule = f"api-{whole + '-' if whole else ''}removed-{'with' if op.node.get('deprecated') is True else 'without'}-deprecation"
                what = "the path and its operation were removed" if whole else "the operation was removed"
                self._add(rule, op, op.pointer, what, "operation")
        for key, op in new_ops.items():
            if key not in old_ops:
                self._add(
                    "endpoint-added",
                    op,
                    op.pointer,
                    "the operation was added",
                    "operation",
                )
            elif not self._same_operation(old_ops[key], op):
                self._operation(old_ops[key], op)
        self._global_security()
        self._security_schemes()
        self._servers()
        self._components()
        return self.out

    # ------------------------------------------------------------ helpers

    def _add(
        self,
        rule: str,
        op: _Op | None,
        pointer: str,
        message: str,
        area: str,
        **extra: Any,
    ) -> None:
        self.out.append(
            RawChange(
                id=rule,
                level=RULES[rule],
                operation=op.label if op else "",
                pointer=pointer,
                message=message,
                area=area,
                op_key=(op.method, normalized_path(op.path)) if op else None,
                **extra,
            )
        )

    def _same_operation(self, old: _Op, new: _Op) -> bool:
        """Equal text at the same place, referring only to components that did not change."""
        if (
            old.pointer != new.pointer
            or old.node != new.node
            or old.item.get("parameters") != new.item.get("parameters")
        ):
            return False
        refs = list(walk_refs(new.node)) + list(walk_refs(new.item.get("parameters")))
        return not any(r in self.dirty or not r.startswith("/components/") for r in refs)

    def _schema(
        self,
        op: _Op,
        old: tuple[Any, str],
        new: tuple[Any, str],
        direction: Direction,
        root: str,
        **extra: Any,
    ) -> None:
        """Classify the differences between two schemas reached from ``op``."""
        areas = SCHEMA_AREAS[direction]
        root_area, nested_area = {
            "body": areas[:2],
            "parameter": areas[2:],
            "header": (areas[2], areas[2]),
        }[root]
        for f in self.schemas.findings(old, new, direction):
            area = nested_area if any(p not in ("[]", "{}") for p in f.path) else root_area
            rule = schema_rule_id(area, f, direction)
            self._add(
                rule,
                op,
                f.pointer,
                f"{schema_subject(area, f, extra)} {f.detail}",
                area,
                finding=f,
                **extra,
            )

    # ------------------------------------------------------------ one operation

    def _operation(self, old: _Op, new: _Op) -> None:
        was, now = (
            old.node.get("deprecated") is True,
            new.node.get("deprecated") is True,
        )
        if was != now:
            self._add(
                "endpoint-deprecated" if now else "endpoint-reactivated",
                new,
                new.pointer,
                ("the operation was deprecated" if now else "the operation is no longer deprecated"),
                "operation",
            )
        old_id, new_id = old.node.get("operationId"), new.node.get("operationId")
        if old_id and old_id != new_id:
            self._add(
                "api-operation-id-removed",
                new,
                new.pointer,
                f"the operationId `{old_id}` was replaced by `{new_id or '(none)'}`",
                "operation",
            )
        self._parameters(old, new)
        if "security" in old.node or "security" in new.node:
            self._security(
                new,
                self._requirements(old.node, self.old_doc),
                self._requirements(new.node, self.new_doc),
                "api-security",
                new.pointer,
            )
        self._request_body(old, new)
        self._responses(old, new)

    def _params(self, op: _Op, views: Views) -> dict[tuple[str, str], tuple[dict[str, Any], str]]:
        """Parameters by (location, key): path ones by position in the path, headers case-blind."""
        positions = {name: str(i) for i, name in enumerate(re.findall(r"{([^}]*)}", op.path))}
        merged: dict[tuple[str, str], tuple[dict[str, Any], str]] = {}
        for owner, owner_ptr in (
            (op.item, op.pointer.rsplit("/", 1)[0]),
            (op.node, op.pointer),
        ):
            listed = owner.get("parameters")
            for i, p in enumerate(listed if isinstance(listed, list) else []):
                node, ptr = views.target(p, child(owner_ptr, "parameters", i))
                if not isinstance(node, dict) or not isinstance(node.get("name"), str):
                    continue
                where, name = str(node.get("in")), str(node["name"])
                if where == "header" and name.lower() in IGNORED_HEADERS:
                    continue
                key = positions.get(name, name) if where == "path" else name.lower() if where == "header" else name
                merged[(where, key)] = (node, ptr)
        return merged

    def _parameters(self, old: _Op, new: _Op) -> None:
        olds, news = self._params(old, self.old), self._params(new, self.new)
        moved = {k[1]: k for k in news if k not in olds}
        for key, (node, ptr) in olds.items():
            if key in news:
                continue
            target = moved.pop(key[1], None) if key[0] != "path" else None
            name = node["name"]
            if target is not None:
                self._add(
                    "request-parameter-location-changed",
                    new,
                    news[target][1],
                    f"the parameter `{name}` moved from the {key[0]} to the {target[0]}",
                    "parameter",
                    param=(target[0], news[target][0]["name"]),
                )
                news = {k: v for k, v in news.items() if k != target}
                continue
            deprecated = node.get("deprecated") is True
            self._add(
                "request-parameter-removed" + ("-with-deprecation" if deprecated else ""),
                new,
                ptr,
                f"the {key[0]} parameter `{name}` was removed",
                "parameter",
                param=(key[0], name),
            )
        for key, (node, ptr) in news.items():
            name, where = node["name"], key[0]
            if key not in olds:
                required = node.get("required") is True or where == "path"
                self._add(
                    f"new-{'required' if required else 'optional'}-request-parameter",
                    new,
                    ptr,
                    f"the {where} parameter `{name}` was added" + (" as required" if required else ""),
                    "parameter",
                    param=(where, name),
                )
                continue
            old_node, old_ptr = olds[key]
            param = (where, name)
            if old_node["name"] != name:
                self._add(
                    "request-path-parameter-renamed",
                    new,
                    ptr,
                    f"the path parameter `{old_node['name']}` was renamed `{name}`",
                    "parameter",
                    param=param,
                )
            was = old_node.get("required") is True or where == "path"
            now = node.get("required") is True or where == "path"
            if was != now:
                self._add(
                    "request-parameter-became-" + ("required" if now else "optional"),
                    new,
                    ptr,
                    f"the {where} parameter `{name}` became {'required' if now else 'optional'}",
                    "parameter",
                    param=param,
                )
            was, now = (
                old_node.get("deprecated") is True,
                node.get("deprecated") is True,
            )
            if was != now:
                self._add(
                    ("request-parameter-deprecated" if now else "request-parameter-reactivated"),
                    new,
                    ptr,
                    f"the {where} parameter `{name}` {'was deprecated' if now else 'is no longer deprecated'}",
                    "parameter",
                    param=param,
                )
            old_schema, new_schema = _param_schema(old_node, old_ptr), _param_schema(node, ptr)
            if old_schema and new_schema:
                self._schema(new, old_schema, new_schema, "request", "parameter", param=param)

    def _request_body(self, old: _Op, new: _Op) -> None:
        ob = self._body(old, self.old)
        nb = self._body(new, self.new)
        if ob is None and nb is None:
            return
        if ob is None or nb is None:
            if nb is not None:
                required = nb[0].get("required") is True
                self._add(
                    f"request-body-added-{'required' if required else 'optional'}",
                    new,
                    nb[1],
                    "a " + ("required " if required else "") + "request body was added",
                    "request-body",
                )
            elif ob is not None:
                self._add(
                    "request-body-removed",
                    new,
                    ob[1],
                    "the request body was removed",
                    "request-body",
                )
            return
        (onode, optr), (nnode, nptr) = ob, nb
        was, now = onode.get("required") is True, nnode.get("required") is True
        if was != now:
            self._add(
                f"request-body-became-{'required' if now else 'optional'}",
                new,
                nptr,
                f"the request body became {'required' if now else 'optional'}",
                "request-body",
            )
        self._content(new, onode, optr, nnode, nptr, "request", {})

    def _body(self, op: _Op, views: Views) -> tuple[dict[str, Any], str] | None:
        if "requestBody" not in op.node:
            return None
        node, ptr = views.target(op.node["requestBody"], child(op.pointer, "requestBody"))
        return (node, ptr) if isinstance(node, dict) else None

    def _content(
        self,
        op: _Op,
        onode: dict[str, Any],
        optr: str,
        nnode: dict[str, Any],
        nptr: str,
        direction: Direction,
        extra: dict[str, Any],
    ) -> None:
        old_media = mapping(onode.get("content"))
        new_media = mapping(nnode.get("content"))
        prefix = "request-body" if direction == "request" else "response"
        where = "the request body" if direction == "request" else f"the {extra.get('status')} response"
        area = "request-body" if direction == "request" else "response-status"
        for verb, ptr, have, lack in (
            ("removed", optr, old_media, new_media),
            ("added", nptr, new_media, old_media),
        ):
            for media in (m for m in have if m not in lack):
                what = "no longer offers" if verb == "removed" else "now offers"
                self._add(
                    f"{prefix}-media-type-{verb}",
                    op,
                    child(ptr, "content", media),
                    f"{where} {what} `{media}`",
                    area,
                    name=str(media),
                    **extra,
                )
        compared: set[tuple[str, str]] = set()
        for media in (m for m in new_media if m in old_media):
            om, nm = old_media[media], new_media[media]
            if not (isinstance(om, dict) and isinstance(nm, dict) and "schema" in om and "schema" in nm):
                continue
            old_schema = (om["schema"], child(optr, "content", media, "schema"))
            new_schema = (nm["schema"], child(nptr, "content", media, "schema"))
            pair = (self.old.target(*old_schema)[1], self.new.target(*new_schema)[1])
            if pair not in compared:
                compared.add(pair)
                self._schema(op, old_schema, new_schema, direction, "body", **extra)

    def _responses(self, old: _Op, new: _Op) -> None:
        olds = _by_text(old.node.get("responses"))
        news = _by_text(new.node.get("responses"))
        for status in olds:
            if status not in news:
                kind = "success" if status.startswith("2") else "non-success"
                self._add(
                    f"response-{kind}-status-removed",
                    new,
                    child(old.pointer, "responses", status),
                    f"the {status} response was removed",
                    "response-status",
                    status=status,
                )
        for status in news:
            ptr = child(new.pointer, "responses", status)
            if status not in olds:
                kind = "success" if status.startswith("2") else "non-success"
                self._add(
                    f"response-{kind}-status-added",
                    new,
                    ptr,
                    f"the {status} response was added",
                    "response-status",
                    status=status,
                )
                continue
            onode, optr = self.old.target(olds[status], child(old.pointer, "responses", status))
            nnode, nptr = self.new.target(news[status], ptr)
            if isinstance(onode, dict) and isinstance(nnode, dict):
                self._headers(new, onode, optr, nnode, nptr, status)
                self._content(new, onode, optr, nnode, nptr, "response", {"status": status})

    def _headers(
        self,
        op: _Op,
        onode: dict[str, Any],
        optr: str,
        nnode: dict[str, Any],
        nptr: str,
        status: str,
    ) -> None:
        def table(node: dict[str, Any], ptr: str, views: Views) -> dict[str, tuple[str, dict[str, Any], str]]:
            headers = mapping(node.get("headers"))
            found = {}
            for name, h in headers.items():
                target, tptr = views.target(h, child(ptr, "headers", str(name)))
                if isinstance(target, dict):
                    found[str(name).lower()] = (str(name), target, tptr)
            return found

        olds, news = table(onode, optr, self.old), table(nnode, nptr, self.new)
        for key, (name, node, ptr) in olds.items():
            if key not in news:
                req = "required" if node.get("required") is True else "optional"
                self._add(
                    f"{req}-response-header-removed",
                    op,
                    ptr,
                    f"the {status} response header `{name}` was removed",
                    "response-header",
                    status=status,
                    name=name,
                )
        for key, (name, node, ptr) in news.items():
            if key not in olds:
                self._add(
                    "response-header-added",
                    op,
                    ptr,
                    f"the {status} response header `{name}` was added",
                    "response-header",
                    status=status,
                    name=name,
                )
                continue
            old_node, old_ptr = olds[key][1], olds[key][2]
            was, now = old_node.get("required") is True, node.get("required") is True
            if was != now:
                self._add(
                    f"response-header-became-{'required' if now else 'optional'}",
                    op,
                    ptr,
                    f"the {status} response header `{name}` became {'required' if now else 'optional'}",
                    "response-header",
                    status=status,
                    name=name,
                )
            if "schema" in old_node and "schema" in node:
                self._schema(
                    op,
                    (old_node["schema"], child(old_ptr, "schema")),
                    (node["schema"], child(ptr, "schema")),
                    "response",
                    "header",
                    status=status,
                    name=name,
                )

    # ------------------------------------------------------------ security, servers, components

    @staticmethod
    def _requirements(
        owner: dict[str, Any], document: dict[str, Any]
    ) -> dict[frozenset[str], dict[str, frozenset[str]]]:
        """Alternatives of an operation's (or the document's) security, keyed by their scheme names."""
        listed = owner.get("security") if "security" in owner else document.get("security")
        alternatives: dict[frozenset[str], dict[str, frozenset[str]]] = {}
        for req in listed if isinstance(listed, list) else []:
            if isinstance(req, dict):
                scopes = {
                    str(k): (frozenset(str(s) for s in v) if isinstance(v, list) else frozenset())
                    for k, v in req.items()
                }
                alternatives[frozenset(scopes)] = scopes
        return alternatives or {frozenset(): {}}

    def _security(
        self,
        op: _Op | None,
        olds: dict[frozenset[str], dict[str, frozenset[str]]],
        news: dict[frozenset[str], dict[str, frozenset[str]]],
        prefix: str,
        pointer: str,
    ) -> None:
        def shown(names: frozenset[str]) -> str:
            return " + ".join(f"`{n}`" for n in sorted(names)) if names else "anonymous access"

        for names in olds:
            if names not in news:
                what = (
                    "anonymous access is no longer allowed"
                    if not names
                    else f"the security requirement {shown(names)} was removed"
                )
                self._add(
                    f"{prefix}-removed",
                    op,
                    pointer,
                    what,
                    "security",
                    name=",".join(sorted(names)),
                )
        for names, scopes in news.items():
            if names not in olds:
                what = (
                    "anonymous access is now allowed"
                    if not names
                    else f"the security requirement {shown(names)} was added"
                )
                self._add(
                    f"{prefix}-added",
                    op,
                    pointer,
                    what,
                    "security",
                    name=",".join(sorted(names)),
                )
                continue
            for scheme in sorted(names):
                for verb, diff in (
                    ("added", scopes[scheme] - olds[names][scheme]),
                    ("removed", olds[names][scheme] - scopes[scheme]),
                ):
                    for scope in sorted(diff):
                        self._add(
                            f"{prefix}-scope-{verb}",
                            op,
                            pointer,
                            f"the scope `{scope}` was {verb} {'to' if verb == 'added' else 'from'} `{scheme}`",
                            "security",
                            name=scheme,
                        )

    def _global_security(self) -> None:
        olds, news = self._requirements({}, self.old_doc), self._requirements({}, self.new_doc)
        if olds != news:
            self._security(None, olds, news, "api-global-security", "/security")

    def _security_schemes(self) -> None:
        def schemes(doc: dict[str, Any], views: Views) -> dict[str, tuple[dict[str, Any], str]]:
            comps = mapping(doc.get("components"))
            table = mapping(comps.get("securitySchemes"))
            found = {}
            for name, node in table.items():
                target, ptr = views.target(node, child("/components/securitySchemes", str(name)))
                if isinstance(target, dict):
                    found[str(name)] = (target, ptr)
            return found

        olds, news = schemes(self.old_doc, self.old), schemes(self.new_doc, self.new)
        for name in olds.keys() - news.keys():
            self._add(
                "api-security-component-removed",
                None,
                olds[name][1],
                f"the security scheme `{name}` was removed",
                "security-scheme",
                name=name,
            )
        for name in sorted(news.keys() - olds.keys()):
            self._add(
                "api-security-component-added",
                None,
                news[name][1],
                f"the security scheme `{name}` was added",
                "security-scheme",
                name=name,
            )
        for name in sorted(olds.keys() & news.keys()):
            (o, _), (n, ptr) = olds[name], news[name]
            kind_of = (o.get("type"), str(o.get("scheme", "")).lower()), (
                n.get("type"),
                str(n.get("scheme", "")).lower(),
            )
            if kind_of[0] != kind_of[1]:
                self._add(
                    "api-security-component-type-changed",
                    None,
                    ptr,
                    f"the security scheme `{name}` changed from {_scheme_label(o)} to {_scheme_label(n)}",
                    "security-scheme",
                    name=name,
                )
            elif (o.get("in"), o.get("name")) != (n.get("in"), n.get("name")):
                self._add(
                    "api-security-component-location-changed",
                    None,
                    ptr,
                    f"the security scheme `{name}` moved from {_scheme_label(o)} to {_scheme_label(n)}",
                    "security-scheme",
                    name=name,
                )
            self._oauth(name, o, n, ptr)

    def _oauth(self, name: str, old: dict[str, Any], new: dict[str, Any], ptr: str) -> None:
        old_flows = mapping(old.get("flows"))
        new_flows = mapping(new.get("flows"))
        for flow in sorted(old_flows.keys() & new_flows.keys()):
            of, nf = old_flows[flow], new_flows[flow]
            if not (isinstance(of, dict) and isinstance(nf, dict)):
                continue
            for key, rule in (
                ("authorizationUrl", "oauth-url"),
                ("tokenUrl", "oauth-token-url"),
            ):
                if of.get(key) != nf.get(key):
                    self._add(
                        f"api-security-component-{rule}-changed",
                        None,
                        child(ptr, "flows", flow),
                        f"the {flow} flow of `{name}` changed its {key} from `{of.get(key)}` to `{nf.get(key)}`",
                        "security-scheme",
                        name=name,
                    )
            old_scopes = set(of.get("scopes") or {}) if isinstance(of.get("scopes"), dict) else set()
            new_scopes = set(nf.get("scopes") or {}) if isinstance(nf.get("scopes"), dict) else set()
            for verb, diff in (
                ("added", new_scopes - old_scopes),
                ("removed", old_scopes - new_scopes),
            ):
                for scope in sorted(diff):
                    self._add(
                        f"api-security-component-oauth-scope-{verb}",
                        None,
                        child(ptr, "flows", flow),
                        f"the {flow} flow of `{name}` {verb} the scope `{scope}`",
                        "security-scheme",
                        name=name,
                    )

    def _servers(self) -> None:
        def urls(doc: dict[str, Any]) -> list[str]:
            listed = doc.get("servers")
            return (
                [s["url"] for s in listed if isinstance(s, dict) and isinstance(s.get("url"), str)]
                if isinstance(listed, list)
                else []
            )

        olds, news = urls(self.old_doc), urls(self.new_doc)
        for url in olds:
            if url not in news:
                self._add(
                    "api-server-removed",
                    None,
                    "/servers",
                    f"the server `{url}` was removed",
                    "server",
                    name=url,
                )
        for url in news:
            if url not in olds:
                self._add(
                    "api-server-added",
                    None,
                    "/servers",
                    f"the server `{url}` was added",
                    "server",
                    name=url,
                )

    def _renamed(self, old_ptr: str, new_ptr: str) -> bool:
        old, new = self.old.view({"$ref": "#" + old_ptr}, old_ptr), self.new.view({"$ref": "#" + new_ptr}, new_ptr)
        return shape_of(old) == shape_of(new) and self.schemas.equivalent((None, old_ptr), (None, new_ptr))

    def _components(self) -> None:
        def table(doc: dict[str, Any]) -> dict[str, Any]:
            comps = mapping(doc.get("components"))
            schemas = comps.get("schemas")
            return {str(k): v for k, v in schemas.items()} if isinstance(schemas, dict) else {}

        olds, news = table(self.old_doc), table(self.new_doc)
        added = [n for n in news if n not in olds]
        for name in (n for n in olds if n not in news):
            ptr = child("/components/schemas", name)
            twin = next(
                (n for n in added if self._renamed(ptr, child("/components/schemas", n))),
                None,
            )
            if twin is not None:
                added.remove(twin)
                self._add(
                    "api-schema-renamed",
                    None,
                    child("/components/schemas", twin),
                    f"the schema `{name}` was renamed `{twin}`",
                    "schema",
                    name=f"{name}>{twin}",
                )
            else:
                self._add(
                    "api-schema-removed",
                    None,
                    ptr,
                    f"the schema `{name}` was removed",
                    "schema",
                    name=name,
                )
        for name in added:
            self._add(
                "api-schema-added",
                None,
                child("/components/schemas", name),
                f"the schema `{name}` was added",
                "schema",
                name=name,
            )


def _by_text(table: Any) -> dict[str, Any]:
    """A mapping with its keys as text (YAML reads ``200:`` as a number, JSON never does)."""
    return {str(k): v for k, v in table.items()} if isinstance(table, dict) else {}


def _param_schema(node: dict[str, Any], ptr: str) -> tuple[Any, str] | None:
    if "schema" in node:
        return node["schema"], child(ptr, "schema")
    content = node.get("content")
    if isinstance(content, dict) and content:
        media, entry = next(iter(content.items()))
        if isinstance(entry, dict) and "schema" in entry:
            return entry["schema"], child(ptr, "content", str(media), "schema")
    return None


def _scheme_label(node: dict[str, Any]) -> str:
    kind = node.get("type")
    if kind == "apiKey":
        return f"an API key in the {node.get('in')} `{node.get('name')}`"
    if kind == "http":
        return f"HTTP {node.get('scheme')} authentication"
    return f"`{kind}`"


def compare_documents(
    old: dict[str, Any],
    new: dict[str, Any],
    *,
    old_source: str = "",
    new_source: str = "",
) -> list[RawChange]:
    """Every difference between two documents, classified by rule, without client impact."""
    return DocumentComparer(old, new, old_source=old_source, new_source=new_source).changes()
