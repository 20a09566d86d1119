"""The standard measures and metrics `tpa init` proposes for the tables and columns there are."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .base import pretty
from .lexicon import METRICS
from .profile import DataProfile, TableProfile
from .propose_journey import Placement
from .propose_names import has_cjk, is_identifier, translate
from .stages import is_undone

Row = dict[str, Any]


@dataclass
class MetricPlan:
    """Measures and metrics being proposed (as plain mappings in the file's format)."""

    measures: list[Row] = field(default_factory=list)
    metrics: list[Row] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # what to review

    def measure(self, name: str, table: str, agg: str, **more: Any) -> None:
        self.measures.append({"name": name, "table": table, "agg": agg, **more})

    def metric(self, name: str, kind: str, **more: Any) -> None:
        row: Row = {"name": name, "type": kind, **more}
        words = METRICS.get(name)
        if words is not None:
            row["labels"] = {"en": words.en, "zh": words.zh}
            row["synonyms"] = {"en": list(words.synonyms_en), "zh": list(words.synonyms_zh)}
        self.metrics.append(row)

    def has(self, name: str) -> bool:
        return any(m["name"] == name for m in self.metrics)


def _is(column: str, value: Any) -> Row:
    return {"column": column, "op": "=", "value": value}


def propose_metrics(profile: DataProfile, placement: Placement) -> MetricPlan:
    """Measures and metrics for every table that has the columns they need."""
    plan = MetricPlan()
    events = profile.table("events")
    if events is not None:
        refunds = any(t.revenue < 0 for t in profile.touchpoints)
        undone = [t.id for t in profile.touchpoints if t.revenue > 0 and is_undone(t.id)]
        _events(plan, events, placement.purchase, refunds=refunds, undone=undone)
        if placement.last_step is not None and events.has_data("user_id"):
            _last_step(plan, *placement.last_step)
        if placement.same_event:
            skipped = ", ".join(f"{a} → {b}" for a, b in placement.same_event)
            plan.notes.append(
                f"no conversion metric for {skipped}: nearly everyone who does the first does "
                "the second (~100% by construction, as when every finished session writes an "
                "order)"
            )
    users = profile.table("users")
    if users is not None and users.has_data("user_id"):
        plan.measure("new_users", "users", "count_distinct", column="user_id")
        plan.metric("new_users", "simple", measure="new_users")
    feedback = profile.table("feedback")
    if feedback is not None:
        _feedback(plan, feedback)
    tickets = profile.table("tickets")
    if tickets is not None:
        _tickets(plan, tickets)
    costs = profile.table("marketing_costs")
    if costs is not None and costs.has_data("cost"):
        _costs(plan)
    return plan


def _events(
    plan: MetricPlan,
    events: TableProfile,
    purchase: str | None,
    *,
    refunds: bool,
    undone: list[str],
) -> None:
    if events.has_data("user_id"):
        plan.measure("users", "events", "count_distinct", column="user_id")
        plan.metric("active_users", "simple", measure="users", description="distinct people")
    plan.measure("events", "events", "count")
    plan.metric("events", "simple", measure="events")
    if events.has_data("session_id"):
        plan.measure("sessions", "events", "count_distinct", column="session_id")
        plan.metric("sessions", "simple", measure="sessions")
    if purchase is None or not events.has_data("touchpoint"):
        return
    bought = [_is("touchpoint", purchase)]
    if events.has_data("user_id"):
        plan.measure("purchasers", "events", "count_distinct", column="user_id", filters=bought)
        plan.metric("purchasers", "simple", measure="purchasers")
        plan.measure(
            "first_time_buyers",
            "events",
            "count_distinct",
            column="user_id",
            filters=bought,
            first_only=True,
        )
        plan.metric(
            "first_time_buyers",
            "simple",
            measure="first_time_buyers",
            description="people whose first purchase falls in the period",
        )
        plan.metric(
            "conversion_rate",
            "ratio",
            numerator="purchasers",
            denominator="active_users",
            format="percent",
            description="purchasers / active users",
        )
    _orders(plan, events, bought, refunds=refunds, undone=undone)


def _last_step(plan: MetricPlan, before: str, after: str) -> None:
    """The conversion from the journey's second-to-last step to the purchase."""
    words = before if is_identifier(before) else translate(before)
    name = f"{words or 'last_step'}_conversion"
    labels = {"en": f"{pretty(words)} conversion rate"} if words else {}
    if has_cjk(before):
        labels["zh"] = f"{before}转化率"
    plan.metric(
        name if is_identifier(name) else "last_step_conversion",
        "conversion",
        base={"touchpoint": before},
        conversion={"touchpoint": after},
        entity="user_id",
        format="percent",
        **({"labels": labels} if labels else {}),
        description=f"share of people who reach {before} and then {after} within the window",
    )


def _orders(
    plan: MetricPlan, events: TableProfile, bought: list[Row], *, refunds: bool, undone: list[str]
) -> None:
    if events.has_data("order_id"):
        plan.measure("orders", "events", "count_distinct", column="order_id", filters=bought)
        plan.metric("orders", "simple", measure="orders")
    if events.has_data("revenue"):
        # every revenue row (renewals, instalments; refunds count as they are signed), not only
        # the purchase touchpoint's — but not the amounts of cancelled, voided or failed sales,
        # which were never taken
        kept = {"filters": [{"column": "touchpoint", "op": "not_in", "values": undone}]}
        plan.measure("revenue", "events", "sum", column="revenue", **(kept if undone else {}))
        plan.metric(
            "revenue",
            "simple",
            measure="revenue",
            format="currency",
            description="revenue of every event that carries one"
            + (f", except {', '.join(undone)} (never taken)" if undone else "")
            + (" (refunds are negative)" if refunds else ""),
        )
        if plan.has("orders"):
            plan.measure("purchase_revenue", "events", "sum", column="revenue", filters=bought)
            plan.metric(
                "aov",
                "ratio",
                numerator="purchase_revenue",
                denominator="orders",
                format="currency",
                description="revenue of the purchase touchpoint / its orders",
            )


def _feedback(plan: MetricPlan, feedback: TableProfile) -> None:
    kind = feedback.column("kind")
    kinds = {v for v, _ in kind.values or ()} if kind is not None else set()
    if not feedback.has_data("score"):
        return
    answered = {"column": "score", "op": "not_null"}
    if "csat" in kinds:
        csat = _is("kind", "csat")
        plan.measure("csat_responses", "feedback", "count", filters=[csat, answered])
        good = {"column": "score", "op": ">=", "value": 4}
        plan.measure("csat_satisfied", "feedback", "count", filters=[csat, good])
        plan.measure("csat_score_mean", "feedback", "avg", column="score", filters=[csat])
        plan.metric(
            "csat",
            "ratio",
            numerator="csat_satisfied",
            denominator="csat_responses",
            format="percent",
            description="share of CSAT answers of 4 or 5",
        )
        plan.metric("csat_average", "simple", measure="csat_score_mean")
    if "nps" in kinds:
        _nps(plan)


def _nps(plan: MetricPlan) -> None:
    nps = _is("kind", "nps")
    plan.measure(
        "nps_responses", "feedback", "count", filters=[nps, {"column": "score", "op": "not_null"}]
    )
    plan.measure(
        "nps_promoters",
        "feedback",
        "count",
        filters=[nps, {"column": "score", "op": ">=", "value": 9}],
    )
    plan.measure(
        "nps_detractors",
        "feedback",
        "count",
        filters=[nps, {"column": "score", "op": "<=", "value": 6}],
    )
    for part in ("promoter", "detractor"):
        plan.metric(
            f"nps_{part}_share",
            "ratio",
            numerator=f"nps_{part}s",
            denominator="nps_responses",
            format="percent",
            higher_is_better=part == "promoter",
        )
    formula = {"op": "subtract", "args": ["nps_promoter_share", "nps_detractor_share"]}
    plan.metric(
        "nps",
        "derived",
        expr={"op": "multiply", "args": [100, formula]},
        description="% promoters (9–10) − % detractors (0–6)",
    )


def _tickets(plan: MetricPlan, tickets: TableProfile) -> None:
    plan.measure("tickets", "tickets", "count")
    plan.metric("tickets", "simple", measure="tickets", higher_is_better=False)
    if tickets.has_data("is_complaint"):
        flag = [_is("is_complaint", True)]
        plan.measure("complaint_tickets", "tickets", "count", filters=flag)
        plan.metric(
            "complaint_tickets", "simple", measure="complaint_tickets", higher_is_better=False
        )
        per = "orders" if plan.has("orders") else "active_users"
        if plan.has(per):
            plan.metric(
                "complaint_rate",
                "ratio",
                numerator="complaint_tickets",
                denominator=per,
                format="percent",
                higher_is_better=False,
                description=f"complaint tickets / {per.replace('_', ' ')}",
            )
    if tickets.has_data("csat"):
        _ticket_csat(plan, tickets)
    for name, end, unit, fmt in (
        ("first_response_time", "first_response_ts", "minutes", "duration_minutes"),
        ("resolution_time", "resolved_ts", "hours", "duration_hours"),
    ):
        if tickets.has_data(end) and tickets.has_data("opened_ts"):
            duration = {"start": "opened_ts", "end": end, "unit": unit}
            plan.measure(f"{name}_{unit}", "tickets", "median", duration=duration)
            plan.metric(
                name, "simple", measure=f"{name}_{unit}", format=fmt, higher_is_better=False
            )


def _ticket_csat(plan: MetricPlan, tickets: TableProfile) -> None:
    """The share of satisfied ticket ratings (the top 20% of the scale) and their average."""
    answered = {"column": "csat", "op": "not_null"}
    plan.measure("ticket_csat_responses", "tickets", "count", filters=[answered])
    plan.measure("ticket_csat_mean", "tickets", "avg", column="csat")
    column = tickets.column("csat")
    scores = [float(v) for v, _ in column.values or ()] if column is not None else []
    if scores:
        top = max(scores)
        scale = 5 if top <= 5 else 10 if top <= 10 else 100
        good = {"column": "csat", "op": ">=", "value": scale * 4 // 5}
        plan.measure("ticket_csat_satisfied", "tickets", "count", filters=[good])
        plan.metric(
            "ticket_csat",
            "ratio",
            numerator="ticket_csat_satisfied",
            denominator="ticket_csat_responses",
            format="percent",
            description=f"share of ticket ratings of {scale * 4 // 5} or more (of {scale})",
        )
        plan.notes.append(
            f"ticket_csat counts ratings of {scale * 4 // 5}+ as satisfied, for a 1–{scale} "
            "scale: check tickets.csat's scale"
        )
    plan.metric("ticket_csat_average", "simple", measure="ticket_csat_mean")


def _costs(plan: MetricPlan) -> None:
    plan.measure("marketing_cost", "marketing_costs", "sum", column="cost")
    plan.metric(
        "marketing_cost",
        "simple",
        measure="marketing_cost",
        format="currency",
        higher_is_better=False,
    )
    if plan.has("revenue"):
        plan.metric("roi", "ratio", numerator="revenue", denominator="marketing_cost")
    if plan.has("first_time_buyers"):
        plan.metric(
            "cac",
            "ratio",
            numerator="marketing_cost",
            denominator="first_time_buyers",
            format="currency",
            higher_is_better=False,
            description="marketing cost / first-time buyers (people whose first purchase falls "
            "in the period)",
        )
    elif plan.has("new_users"):
        plan.metric(
            "cac",
            "ratio",
            numerator="marketing_cost",
            denominator="new_users",
            format="currency",
            higher_is_better=False,
            description="marketing cost / new users (there is no purchase touchpoint)",
        )


__all__ = ["MetricPlan", "propose_metrics"]
