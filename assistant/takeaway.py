"""Taking an answer away: who may open a stored answer (its link, its table as a file), and the
users behind a count.

An answer belongs to the role its conversation ran under. Another role may open it only when its
own policy would have allowed the same plan and its row filters are all among the owner's (so the
answer shows no row the viewer could not see itself). Anything else is "unknown answer", the same
404 as an id that does not exist, so a link reveals nothing about answers the viewer may not see.

Listing the user ids behind a number needs `export: true` in the role's policy; it reruns the
count as a list of distinct ids (`semantic_layer.compile.members`), under the caller's row filters,
capped, and records who exported what in the session store."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Final

from assistant.answer.model import Answer
from assistant.kinds import kind_called
from assistant.ownership import own_answer
from assistant.service import AssistantService
from assistant.sessions.records import UnknownAnswer
from semantic_layer import guard
from semantic_layer.compile.access import AccessDenied, check_access
from semantic_layer.compile.dialects import render
from semantic_layer.compile.members import MembersQuery, counted_measure, members
from semantic_layer.compile.scope import DimFilter
from semantic_layer.errors import UserError
from semantic_layer.model.semantic import SemanticModel
from semantic_layer.plan import MetricPlan, parse_plan

MAX_USERS: Final = 10_000  # ids one export may list; more are cut and the export says so


class ExportDenied(AccessDenied):
    """The role may not export the users behind a number (no `export: true` in its policy)."""


@dataclass(frozen=True)
class UsersExport:
    """The ids behind one number of an answer (sorted; at most `cap`, `capped` when cut)."""

    answer_id: str
    metric: str
    row: int | None
    values: dict[str, Any]
    user_ids: tuple[str, ...]
    capped: bool
    cap: int

    def as_json(self) -> dict[str, Any]:
        return {
            "answer_id": self.answer_id, "metric": self.metric, "row": self.row,
            "values": self.values, "count": len(self.user_ids), "capped": self.capped,
            "cap": self.cap, "user_ids": list(self.user_ids),
        }  # fmt: skip


def link_path(answer_id: str) -> str:
    """The answer's stable link, relative to the server's root (served by `ui.links`)."""
    return f"/a/{answer_id}"


def role_name(model: SemanticModel, role: str | None) -> str:
    return model.settings.default_role if role is None else role


def may_view(model: SemanticModel, answer: Answer, owner: str | None, viewer: str | None) -> bool:
    """Whether `viewer` may see an answer made under the role `owner` (None: the default)."""
    owner, viewer = role_name(model, owner), role_name(model, viewer)
    if owner == viewer:
        return True
    try:
        theirs, mine = model.policy(owner), model.policy(viewer)
        if answer.plan is None:  # no plan, no data: still the owner's words, for wide roles only
            return mine.metrics == mine.dimensions == mine.analyses == "*" and not mine.row_filters
        check_access(parse_plan(answer.plan), model, viewer)
    except (UserError, ValueError):
        return False
    return all(f in theirs.row_filters for f in mine.row_filters)


def visible_answer(
    service: AssistantService, answer_id: str, viewer: str | None, principal: str | None = None
) -> Answer:
    """The stored answer when `viewer` may see it — and, for a known `principal`, when it is
    theirs (or their role audits: `ownership.own_answer`); otherwise `UnknownAnswer`, as if it
    did not exist."""
    if principal is not None:
        own_answer(service.store, answer_id, principal, model=service.model, role=viewer)
    answer = service.store.answer(answer_id)
    owner = service.store.session(answer.session_id).role if answer.session_id else None
    if not may_view(service.model, answer, owner, viewer):
        raise UnknownAnswer(answer_id)
    return answer


def users_behind(
    service: AssistantService,
    answer_id: str,
    role: str | None,
    *,
    row: int | None = None,
    metric: str | None = None,
    principal: str | None = None,
    cap: int = MAX_USERS,
) -> UsersExport:
    """The user ids behind the number in `row` of a count-of-users answer, recorded as exported
    by `principal` (an API key's name, "chat", …) under `role`.

    Raises:
        UnknownAnswer: no such answer, or one `role` may not see.
        ExportDenied: the role has no `export` permission.
        UserError: the answer is not a count of users, or `row` / `metric` do not fit it."""
    model = service.model
    answer = visible_answer(service, answer_id, role)
    name = role_name(model, role)
    if not model.policy(role).export:
        raise ExportDenied(
            f"the role '{name}' may not export the users behind a number",
            hint="ask an administrator for a role with `export: true` in its policy",
        )
    plan = _metric_plan(answer)
    check_access(plan, model, role)  # the policy may have changed since the answer
    chosen = _metric(model, plan, metric)
    index, values, period = _row(answer, plan, row)
    rng = answer.time_range
    if rng is None:
        raise UserError("this answer has no period, so its users cannot be listed")
    query = MembersQuery(
        metric=chosen, start=rng.start, end=rng.end, values=values, grain=plan.grain,
        period=period, week_start=service.time_context().week_start, cap=cap,
        filters=tuple(DimFilter(f.dimension, f.op, tuple(f.values)) for f in plan.filters),
        row_filters=_row_filters(service, answer, role),
    )  # fmt: skip
    tree = members(model.spec, query)
    guard.check(tree, set(model.tables), max_nodes=guard.MAX_COMPILED_NODES)
    result = service.engine.run(render(tree, service.engine.dialect), row_cap=cap + 1)
    ids = tuple(str(r[0]) for r in result.rows[:cap])
    capped = len(result.rows) > cap or result.truncated
    service.store.add_export(
        answer.id, role=name, principal=principal, metric=chosen, row=index,
        values=values, users=len(ids), capped=capped,
    )  # fmt: skip
    return UsersExport(answer.id, chosen, index, values, ids, capped, cap)


def exportable_metric(model: SemanticModel, answer: Answer) -> str | None:
    """The first count-of-users metric of a metric answer with data (None: nothing to export)."""
    kind = kind_called(answer.kind)
    if answer.error is not None or not answer.rows or kind is None or not kind.exports_users:
        return None
    try:
        plan = _metric_plan(answer)
    except UserError:
        return None
    return next((m for m in plan.metrics if counted_measure(model.spec, m) is not None), None)


def _row_filters(service: AssistantService, answer: Answer, role: str | None) -> tuple[Any, ...]:
    """The owner's row filters (so the ids are the people the number counted) and the caller's
    (so no id the caller may not see is listed)."""
    owner = service.store.session(answer.session_id).role if answer.session_id else None
    filters = (*service.model.policy(owner).row_filters, *service.model.policy(role).row_filters)
    return tuple(dict.fromkeys(filters))


def _metric_plan(answer: Answer) -> MetricPlan:
    plan = parse_plan(answer.plan) if answer.plan is not None else None
    if not isinstance(plan, MetricPlan) or answer.error is not None:
        raise UserError(
            "only an answer that counts users (such as active users by channel) has users "
            "behind its numbers",
            hint="ask for a count of users first, then export its users",
        )
    return plan


def _metric(model: SemanticModel, plan: MetricPlan, metric: str | None) -> str:
    counted = [m for m in plan.metrics if counted_measure(model.spec, m) is not None]
    if metric is not None and metric not in counted:
        raise UserError(
            f"metric '{metric}' is not a count of users in this answer",
            names=[metric],
            hint=f"choose one of: {', '.join(counted)}" if counted else "",
        )
    if not counted:
        raise UserError(
            f"this answer's metrics ({', '.join(plan.metrics)}) are not counts of users",
            hint="export the users behind a count such as active users, new users or purchasers",
        )
    return metric or counted[0]


def _row(
    answer: Answer, plan: MetricPlan, row: int | None
) -> tuple[int | None, dict[str, Any], date | None]:
    """The row's index, its dimension values and its period (for a series)."""
    grouped = bool(plan.dimensions) or plan.grain is not None
    if not grouped:
        return None, {}, None
    if row is None:
        if len(answer.rows) != 1:
            raise UserError(
                f"this answer has {len(answer.rows)} rows: say which one (row 0 to "
                f"{len(answer.rows) - 1})"
            )
        row = 0
    if not 0 <= row < len(answer.rows):
        raise UserError(f"row {row} is out of range: the answer has {len(answer.rows)} rows")
    cells = dict(zip(answer.columns, answer.rows[row], strict=False))
    values = {d: cells.get(f"d_{d}") for d in plan.dimensions}
    period = None
    if plan.grain is not None:
        raw = cells.get("period")
        if raw is None:
            raise UserError("this row has no period")
        period = date.fromisoformat(str(raw)[:10])
    return row, values, period


__all__ = [
    "MAX_USERS",
    "ExportDenied",
    "UsersExport",
    "exportable_metric",
    "link_path",
    "may_view",
    "role_name",
    "users_behind",
    "visible_answer",
]
