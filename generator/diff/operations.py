"""Document comparison for ``diff``: operations under ``paths``, 3.1 ``webhooks`` and callbacks matched by
(method, path with parameter names ignored), each compared section by section (lifecycle, parameters,
request body, responses, security), then the document-wide sections (security, servers, components,
version).
"""

from __future__ import annotations

from typing import Any

from generator.diff import bodies, document, lifecycle, parameters, responses, security
from generator.diff.context import Context, Op, Pair, Policy
from generator.diff.rules import RawChange, mapping
from generator.diff.schemas import Views
from generator.parse.schemas import walk_refs
from generator.spec.refs import child
from generator.spec.structure import HTTP_METHODS

dirty_components = document.dirty_components  # re-exported: the components a change reaches


def _operations_of(
    table: dict[str, Any], base: str, views: Views, label: str = "{}", found: dict[tuple[str, str], Op] | None = None
) -> dict[tuple[str, str], Op]:
    """Operations of a path table (``paths``, ``webhooks`` or a callback) by (method, normalized path)."""
    found = {} if found is None else found
    for path, item in table.items():
        item_ptr = child(base, str(path))
        item, _ = views.target(item, item_ptr)
        if not isinstance(item, dict):
            continue
        for method in HTTP_METHODS:
            if isinstance(item.get(method), dict):
                op = Op(method, label.format(path), item[method], child(item_ptr, method), item)
                found.setdefault(op.key, op)
    return found


def operations(views: Views) -> dict[tuple[str, str], Op]:
    """Every operation of a document: paths, webhooks (``webhook:NAME``) and their callbacks.

    The first wins when two paths normalize alike.
    """
    doc = views.resolver.document
    found = _operations_of(mapping(doc.get("paths")), "/paths", views)
    _operations_of(mapping(doc.get("webhooks")), "/webhooks", views, "webhook:{}", found)
    for op in list(found.values()):
        for name, callback in mapping(op.node.get("callbacks")).items():
            ptr = child(op.pointer, "callbacks", str(name))
            target, ptr = views.target(callback, ptr)
            label = f"callback:{op.label} {name} ".replace("{", "{{").replace("}", "}}") + "{}"
            _operations_of(mapping(target), ptr, views, label, found)
    return found


class DocumentComparer:
    """Compares two whole documents; ``changes()`` lists what differs, classified."""

    def __init__(
        self,
        old: dict[str, Any],
        new: dict[str, Any],
        *,
        old_source: str = "",
        new_source: str = "",
        policy: Policy | None = None,
    ) -> None:
        self.ctx = Context(Pair(old, new), Pair(old_source, new_source), policy or Policy())
        self.dirty = dirty_components(old, new)
        names = mapping(mapping(old.get("components")).get("schemas"))
        self.ctx.schemas.unchanged = {child("/components/schemas", n) for n in names} - self.dirty

    def changes(self) -> list[RawChange]:
        ctx = self.ctx
        olds, news = operations(ctx.views.old), operations(ctx.views.new)
        self._paths(olds, news)
        security.document(ctx)
        document.servers(ctx)
        document.components(ctx)
        document.version(ctx)
        return ctx.out

    def _paths(self, olds: dict[tuple[str, str], Op], news: dict[tuple[str, str], Op]) -> None:
        ctx = self.ctx
        new_paths = {k[1] for k in news}
        webhooks = Pair(mapping(ctx.docs.old.get("webhooks")), mapping(ctx.docs.new.get("webhooks")))
        for name in webhooks.old.keys() - webhooks.new.keys():
            ptr = child("/webhooks", str(name))
            ctx.add("webhook-removed", None, ptr, f"the webhook `{name}` was removed", "webhook", name=str(name))
        for name in webhooks.new.keys() - webhooks.old.keys():
            ptr = child("/webhooks", str(name))
            ctx.add("webhook-added", None, ptr, f"the webhook `{name}` was added", "webhook", name=str(name))
        for key, op in olds.items():
            if key not in news and not self._in_gone_webhook(op, webhooks.new):
                lifecycle.removal(ctx, op, whole_path=key[1] not in new_paths)
        for key, op in news.items():
            if key not in olds:
                if not self._in_gone_webhook(op, webhooks.old):
                    ctx.add("endpoint-added", op, op.pointer, "the operation was added", "operation")
            elif not self._same_operation(Pair(olds[key], op)):
                self._operation(Pair(olds[key], op))

    @staticmethod
    def _in_gone_webhook(op: Op, other: dict[str, Any]) -> bool:
        """An operation of a webhook the other document does not have (reported as the webhook)."""
        return op.path.startswith("webhook:") and op.path[len("webhook:") :] not in other

    def _same_operation(self, ops: Pair[Op]) -> bool:
        """Equal text at the same place, referring only to components that did not change."""
        old, new = ops.old, ops.new
        if (
            old.pointer != new.pointer
            or old.node != new.node
            or old.item.get("parameters") != new.item.get("parameters")
        ):
            return False
        refs = list(walk_refs(new.node)) + list(walk_refs(new.item.get("parameters")))
        return not any(r in self.dirty or not r.startswith("/components/") for r in refs)

    def _operation(self, ops: Pair[Op]) -> None:
        ctx, op = self.ctx, ops.new
        if not lifecycle.operation(ctx, ops):
            return
        old_id, new_id = ops.old.node.get("operationId"), op.node.get("operationId")
        if old_id and old_id != new_id:
            message = f"the operationId `{old_id}` was replaced by `{new_id or '(none)'}`"
            ctx.add("api-operation-id-removed", op, op.pointer, message, "operation")
        elif new_id and not old_id:
            ctx.add("api-operation-id-added", op, op.pointer, f"the operationId `{new_id}` was added", "operation")
        self._tags(ops)
        parameters.compare(ctx, ops)
        security.operation(ctx, ops)
        bodies.request_body(ctx, ops)
        responses.compare(ctx, ops)

    def _tags(self, ops: Pair[Op]) -> None:
        def tags(op: Op) -> list[str]:
            listed = op.node.get("tags")
            return [str(t) for t in listed] if isinstance(listed, list) else []

        olds, news = tags(ops.old), tags(ops.new)
        for verb, have, lack in (("removed", olds, news), ("added", news, olds)):
            for tag in (t for t in have if t not in lack):
                message = f"the tag `{tag}` was {verb}"
                self.ctx.add(f"api-tag-{verb}", ops.new, child(ops.new.pointer, "tags"), message, "operation", name=tag)


def compare_documents(
    old: dict[str, Any],
    new: dict[str, Any],
    *,
    old_source: str = "",
    new_source: str = "",
    policy: Policy | None = None,
) -> list[RawChange]:
    """Every difference between two documents, classified by rule, without client impact."""
    return DocumentComparer(old, new, old_source=old_source, new_source=new_source, policy=policy).changes()
