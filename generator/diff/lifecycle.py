"""Lifecycle rules, as oasdiff rules them: ``deprecated`` with an ``x-sunset`` date, and an operation's
``x-stability-level`` (draft < alpha < beta < stable; none counts as stable).

A deprecated thing may be removed once its sunset date has passed; before it, removal is breaking.
With ``--deprecation-days-beta/stable`` above 0, deprecating needs a sunset date at least that many
days away. Draft and alpha operations may change freely: only their stability level is compared.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

from generator.diff.context import Context, Op, Pair, Policy

STABILITY_LEVELS = ("draft", "alpha", "beta", "stable")
SUNSET = "x-sunset"
STABILITY = "x-stability-level"
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_RFC3339 = re.compile(r"\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})")


def sunset_date(value: Any) -> date | None:
    """The day an ``x-sunset`` names (a date, or an RFC 3339 date-time); None when it names none."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        return None
    try:
        if _DAY.fullmatch(value):
            return date.fromisoformat(value)
        if _RFC3339.fullmatch(value):
            return datetime.fromisoformat(value.upper().replace("Z", "+00:00")).date()
    except ValueError:
        return None
    return None


def stability_of(node: dict[str, Any]) -> str | None:
    """The ``x-stability-level`` of an operation: "" when absent, None when it is not a known level."""
    value = node.get(STABILITY)
    if value is None:
        return ""
    return value if value in STABILITY_LEVELS else None


def in_scope(stability: str | None) -> bool:
    """Whether an operation's changes are judged (draft and alpha ones may change freely)."""
    return stability not in ("draft", "alpha")


def deprecation_days(policy: Policy, stability: str) -> int:
    """How far away a new sunset date must be, by stability level."""
    if stability in ("draft", "alpha"):
        return 0
    return policy.deprecation_days_beta if stability == "beta" else policy.deprecation_days_stable


def deprecated(node: dict[str, Any]) -> bool:
    return node.get("deprecated") is True


def shown(value: Any) -> str:
    return f"`{value}`" if isinstance(value, str) else f"`{value!r}`"


# ----------------------------------------------------------------- operations


def removal(ctx: Context, op: Op, whole_path: bool) -> None:
    """An operation (or its whole path) that is gone: breaking unless deprecated and past its sunset."""
    stability = stability_of(op.node)
    if stability is None:
        invalid_stability(ctx, op, "old")
        return
    if not in_scope(stability):
        return
    what = "the path and its operation were removed" if whole_path else "the operation was removed"
    prefix = "api-path-" if whole_path else "api-"
    if not deprecated(op.node):
        ctx.add(prefix + "removed-without-deprecation", op, op.pointer, what, "operation")
        return
    if SUNSET not in op.node:
        ctx.add(prefix + "removed-with-deprecation", op, op.pointer, what + " (it was deprecated)", "operation")
        return
    day = sunset_date(op.node[SUNSET])
    if day is None:
        message = f"the sunset date {shown(op.node[SUNSET])} of the removed operation is not a date"
        ctx.add("api-path-sunset-parse", op, op.pointer, message, "operation")
    elif ctx.policy.today < day:
        ctx.add(prefix + "removed-before-sunset", op, op.pointer, f"{what} before its sunset date {day}", "operation")


def invalid_stability(ctx: Context, op: Op, side: str) -> None:
    value = op.node.get(STABILITY)
    message = f"the {side} `x-stability-level` {shown(value)} is not one of draft, alpha, beta, stable"
    ctx.add("api-invalid-stability-level", op, op.pointer, message, "operation")


def operation(ctx: Context, ops: Pair[Op]) -> bool:
    """Stability, deprecation and sunset of an operation in both documents; False: compare nothing more."""
    old, new = stability_of(ops.old.node), stability_of(ops.new.node)
    for side, value, op in (("old", old, ops.old), ("new", new, ops.new)):
        if value is None:
            invalid_stability(ctx, op, side)
    if old is not None and new is not None:
        _stability_change(ctx, ops.new, old or "stable", new or "stable")
    if not in_scope(new):
        return False
    _deprecation(ctx, ops, new)
    _sunset_change(ctx, ops, new)
    return True


def _stability_change(ctx: Context, op: Op, old: str, new: str) -> None:
    if old == new or not in_scope(old):
        return
    lower = STABILITY_LEVELS.index(new) < STABILITY_LEVELS.index(old)
    rule = "api-stability-decreased" if lower else "api-stability-increased"
    message = f"the stability level went from {old} to {new}"
    ctx.add(rule, op, op.pointer, message, "operation")


def _deprecation(ctx: Context, ops: Pair[Op], stability: str | None) -> None:
    op = ops.new
    if deprecated(ops.old.node) == deprecated(op.node):
        return
    if not deprecated(op.node):
        ctx.add("endpoint-reactivated", op, op.pointer, "the operation is no longer deprecated", "operation")
        return
    if stability is None:
        return
    rule, message = deprecation_rule(ctx.policy, op.node, stability, "endpoint-deprecated", "api")
    ctx.add(rule, op, op.pointer, "the operation " + message, "operation")


def deprecation_rule(policy: Policy, node: dict[str, Any], stability: str, info: str, prefix: str) -> tuple[str, str]:
    """The check and message for something that became deprecated (an operation or a parameter)."""
    days = deprecation_days(policy, stability)
    if SUNSET not in node:
        if days > 0:
            return f"{prefix}-deprecated-sunset-missing", f"was deprecated without a sunset date ({days} days required)"
        return info, "was deprecated"
    day = sunset_date(node[SUNSET])
    if day is None:
        parse = "api-deprecated-sunset-parse" if prefix == "api" else f"{prefix}-sunset-parse"
        return parse, f"was deprecated with the sunset date {shown(node[SUNSET])}, which is not a date"
    if (day - policy.today).days < days:
        return (
            f"{prefix}-sunset-date-too-small",
            f"was deprecated with the sunset date {day}, less than {days} days away",
        )
    return (info + "-with-sunset" if prefix == "api" else info), f"was deprecated with the sunset date {day}"


def _sunset_change(ctx: Context, ops: Pair[Op], stability: str | None) -> None:
    found = sunset_change(ctx.policy, ops.old.node, ops.new.node, stability, "api", "sunset-deleted")
    if found:
        rule, message = found
        ctx.add(rule, ops.new, ops.new.pointer, "the operation's " + message, "operation")


def sunset_change(
    policy: Policy, old: dict[str, Any], new: dict[str, Any], stability: str | None, prefix: str, deleted: str
) -> tuple[str, str] | None:
    """A sunset date deleted or moved earlier on something that stays deprecated."""
    if not deprecated(new) or old.get(SUNSET) == new.get(SUNSET) or SUNSET not in old:
        return None
    if SUNSET not in new:
        return deleted, "sunset date was deleted while it stays deprecated"
    parse = "api-path-sunset-parse" if prefix == "api" else f"{prefix}-sunset-parse"
    was, now = sunset_date(old[SUNSET]), sunset_date(new[SUNSET])
    if now is None or was is None:
        bad = new[SUNSET] if now is None else old[SUNSET]
        return parse, f"sunset date {shown(bad)} is not a date"
    if stability is None:
        return None
    days = deprecation_days(policy, stability)
    if was > now and (now - policy.today).days < days:
        return (
            f"{prefix}-sunset-date-changed-too-small",
            f"sunset date moved earlier, from {was} to {now}, less than {days} days away",
        )
    return None


# ----------------------------------------------------------------- parameters


def parameter_removal(node: dict[str, Any], today: date) -> tuple[str, str] | None:
    """The check for a removed parameter and what to add to its message; None: removed after its sunset."""
    if not deprecated(node):
        return "request-parameter-removed", ""
    if SUNSET not in node:
        return "request-parameter-removed-with-deprecation", " (it was deprecated)"
    day = sunset_date(node[SUNSET])
    if day is None:
        return "request-parameter-sunset-parse", f" (its sunset date {shown(node[SUNSET])} is not a date)"
    if today < day:
        return "request-parameter-removed-before-sunset", f" before its sunset date {day}"
    return None
