"""Answers to `metric` plans: one value, several, a ranking by dimensions, changes, a series."""

from __future__ import annotations

from datetime import date
from typing import Any

from assistant.answer.narrate.groups import apart, group, links, nothing_over, small
from assistant.answer.narrate.numbers import as_float
from assistant.answer.narrate.say import Say
from assistant.answer.periods import Partial, day_of, is_complete, partial_periods
from semantic_layer.model.semantic import SemanticModel
from semantic_layer.model.spec_metrics import RatioMetric, SimpleMetric
from semantic_layer.phrasebook import grammar
from semantic_layer.plan import MetricPlan
from semantic_layer.time import Grain

Row = dict[str, Any]


def metric_text(say: Say, plan: MetricPlan) -> list[str]:
    """The sentences answering a metric plan."""
    if not say.table.rows:
        return [empty_metric(say, plan)]
    if plan.grain is not None:
        return _series_by(say, plan) if plan.dimensions else _series(say, plan)
    if plan.dimensions:
        return [*_ranking(say, plan), *_changes(say, plan), _rule(say, plan), links(say, plan)]
    if len(plan.metrics) == 1:
        return [_single(say, plan)]
    return [_several(say, plan)]


def empty_metric(say: Say, plan: MetricPlan) -> str:
    metrics = say.join([say.metric(m) for m in plan.metrics])
    return say.t("empty_metric", metrics=metrics, when=say.when())


# -- one row -----------------------------------------------------------------------------------
def _single(say: Say, plan: MetricPlan) -> str:
    m = plan.metrics[0]
    row = say.table.records()[0]
    value, label = row.get(m), say.metric(m)
    if as_float(value) is None:
        return say.t("single_empty", metric=label, when=say.when())
    shown = say.metric_value(m, value)
    if plan.compare is None:
        return say.t("single", metric=label, value=shown, when=say.when())
    previous = row.get(f"{m}__previous")
    if as_float(previous) is None:
        return say.t(
            "single_nobase", metric=label, value=shown, when=say.when(), before=say.before()
        )
    change = row.get(f"{m}__change")
    return say.t(
        "single_cmp",
        metric=label,
        value=shown,
        when=say.when(),
        move=say.move(m, change, row.get(f"{m}__change_pct")),
        previous=say.metric_value(m, previous),
        before=say.before(within=True),
        verdict=say.verdict(m, change),
    )


def _several(say: Say, plan: MetricPlan) -> str:
    row = say.table.records()[0]
    return say.t("several", when=say.when(), items=_items(say, plan, row))


def _items(say: Say, plan: MetricPlan, row: Row) -> str:
    items = []
    for m in plan.metrics:
        shown = say.metric_value(m, row.get(m))
        if plan.compare is None:
            items.append(say.t("item", metric=say.metric(m), value=shown))
        else:
            move = say.move(m, row.get(f"{m}__change"), row.get(f"{m}__change_pct"))
            items.append(say.t("item_cmp", metric=say.metric(m), value=shown, move=move))
    return grammar(say.lang).comma.join(items)


# -- rankings ----------------------------------------------------------------------------------
def ranked_metric(plan: MetricPlan) -> str:
    """The metric a ranking is about: the one ordered by, else the first."""
    order = plan.order
    return order.by if order is not None and order.by in plan.metrics else plan.metrics[0]


def _ascending(plan: MetricPlan) -> bool:
    order = plan.order
    return order is not None and order.by in plan.metrics and order.direction == "asc"


def groups_word(say: Say, plan: MetricPlan) -> str:
    """What the groups are: "channel", or "channel × device combination"."""
    if len(plan.dimensions) == 1:
        return say.dimension(plan.dimensions[0])
    names = " × ".join(say.dimension(d) for d in plan.dimensions)
    return say.t("combination", names=names)


def _sorted(rows: list[Row], key: str, ascending: bool) -> list[Row]:
    valued = [r for r in rows if as_float(r.get(key)) is not None]
    return sorted(valued, key=lambda r: float(r[key]), reverse=not ascending)


def _ranking(say: Say, plan: MetricPlan) -> list[str]:
    """ "X has the highest … ahead of Y (…). Z is the lowest of the N compared (…)." Groups a
    ratio has nothing to say about (no numerator, or no base) are named apart, not ranked."""
    m, asc = ranked_metric(plan), _ascending(plan)
    rows = [r for r in _sorted(say.table.records(), m, asc) if not nothing_over(say, m, r)]
    if not rows:
        return [empty_metric(say, plan), *apart(say, plan, m)]
    dim = groups_word(say, plan)
    limited = plan.limit is not None or say.table.truncated
    top = {
        "metric": say.metric(m),
        "when": say.when(),
        "dim": dim,
        "top": group(say, plan, rows[0]),
    }
    top["value"] = say.metric_value(m, rows[0][m])
    named = [*apart(say, plan, m), *small(say, plan, m)]
    if len(rows) == 1 and not limited:
        return [say.t("rank_only", **top), *named]
    head = say.t("rank_asc" if asc else "rank_desc", **top) + _runner_up(
        say, plan, rows=rows, m=m, asc=asc
    )
    if limited or len(rows) < 3:
        return [head, *named]
    last = rows[-1]
    tail = say.t(
        "highest" if asc else "lowest",
        name=group(say, plan, last),
        n=len(rows),
        dim=dim,
        value=say.metric_value(m, last[m]),
    )
    return [head, tail, *named]


def _runner_up(say: Say, plan: MetricPlan, *, rows: list[Row], m: str, asc: bool = False) -> str:
    """ ", ahead of Y (…)." for the second row, or the sentence's end."""
    if len(rows) < 2:
        return say.t("end")
    second = group(say, plan, rows[1])
    return say.t("then" if asc else "ahead", second=second, value=say.metric_value(m, rows[1][m]))


def _changes(say: Say, plan: MetricPlan) -> list[str]:
    """With a comparison: which group rose and which fell the most."""
    if plan.compare is None:
        return []
    m = ranked_metric(plan)
    moved = [r for r in say.table.records() if as_float(r.get(f"{m}__change")) is not None]
    gainer = max(moved, key=lambda r: float(r[f"{m}__change"]), default=None)
    loser = min(moved, key=lambda r: float(r[f"{m}__change"]), default=None)
    gain = gainer if gainer is not None and float(gainer[f"{m}__change"]) > 0 else None
    loss = loser if loser is not None and float(loser[f"{m}__change"]) < 0 else None
    values = {"before": say.before(), "dim": groups_word(say, plan)}
    if gain is not None:
        values |= {"gainer": group(say, plan, gain), "gain": _change(say, m, gain)}
    if loss is not None:
        values |= {"loser": group(say, plan, loss), "loss": _change(say, m, loss)}
    key = {(True, True): "moves", (True, False): "gain_only", (False, True): "loss_only"}.get(
        (gain is not None, loss is not None), "no_moves"
    )
    return [say.t(key, **values)]


def _change(say: Say, m: str, row: Row) -> str:
    text = say.metric_change(m, row[f"{m}__change"])
    pct = row.get(f"{m}__change_pct")
    if say.fmt(m) == "percent" or as_float(pct) is None:
        return text
    return f"{text}{grammar(say.lang).comma}{say.num.signed_percent(pct)}"


def _rule(say: Say, plan: MetricPlan) -> str:
    """Which touch a user's attributes come from, when the compiler assigns users."""
    if not any(user_assigned(say.model, m) for m in plan.metrics):
        return ""
    rule = plan.channel_rule or say.model.settings.channel_rule
    dims = say.join([say.dimension(d) for d in plan.dimensions])
    return say.t("rule", dim=dims, rule=say.word(rule))


def user_assigned(model: SemanticModel, name: str) -> bool:
    """A ratio of distinct users (like conversion rate): broken down, each user is counted under
    the attributes of their first (or last) touch — the compiler's rule, stated in the answer."""
    metric = model.metrics.get(name)
    if not isinstance(metric, RatioMetric):
        return False
    sides = []
    for ref in (metric.numerator, metric.denominator):
        inner = model.metrics.get(ref)
        sides.append(model.measures.get(inner.measure if isinstance(inner, SimpleMetric) else ref))
    tables = {s.table for s in sides if s is not None}
    return len(tables) == 1 and all(
        s is not None
        and s.agg == "count_distinct"
        and s.column == (model.tables[s.table].entity or "user_id")
        for s in sides
    )


# -- series ------------------------------------------------------------------------------------
def _series(say: Say, plan: MetricPlan) -> list[str]:
    grain, m = plan.grain, plan.metrics[0]
    assert grain is not None
    rows = sorted(
        (r for r in say.table.records() if as_float(r.get(m)) is not None),
        key=lambda r: r["period"],
    )
    if not rows:
        return [empty_metric(say, plan)]
    partial = partial_periods(say.table)
    complete = [r for r in rows if is_complete(r["period"], partial)]
    compared = complete if len(complete) >= 2 or (complete and len(rows) > 1) else rows
    words = {
        "grainly": say.word(f"{grain}_ly"),
        "grain": say.word(grain),
        "unit": say.word(grain),
        "metric": say.metric(m),
        "when": say.when(),
    }
    first, last = compared[0], compared[-1]
    note = partial_note(say, partial, grain, kept=compared is rows)
    if len(compared) == 1:
        head = say.t(
            "series_one",
            value=say.metric_value(m, last[m]),
            label=say.period(last["period"], grain),
            **words,
        )
        return [head, _also(say, plan, last, words), note]
    peak = max(compared, key=lambda r: float(r[m]))
    delta = float(last[m]) - float(first[m])
    pct = delta / float(first[m]) if float(first[m]) else None
    head = say.t(
        "series",
        last=say.metric_value(m, last[m]),
        last_label=say.period(last["period"], grain),
        move=say.move(m, delta, pct),
        first=say.metric_value(m, first[m]),
        first_label=say.period(first["period"], grain),
        peak=say.metric_value(m, peak[m]),
        peak_label=say.period(peak["period"], grain),
        **words,
    )
    return [head, _also(say, plan, last, words), note]


def _latest_note(say: Say, partial: dict[date, Partial], latest: Any, grain: Grain) -> str:
    """The latest period read is incomplete, or later incomplete ones were passed over."""
    day = day_of(latest)
    if day in partial:
        return partial_note(say, {day: partial[day]}, grain, kept=True)
    skipped = {d: p for d, p in partial.items() if day is not None and d > day}
    if not skipped:
        return ""
    items = say.join([_partial_item(say, p, grain) for p in skipped.values()])
    key = "partial_latest_many" if len(skipped) > 1 else "partial_latest"
    return say.t(key, periods=items, grain=say.word(grain), grains=say.word(f"{grain}_pl"))


def _partial_item(say: Say, p: Partial, grain: Grain) -> str:
    return say.t("partial_item", label=say.period(p.start, grain), covered=p.covered, days=p.days)


def partial_note(say: Say, partial: dict[date, Partial], grain: Grain, *, kept: bool) -> str:
    """Which periods are incomplete, and that the comparison leaves them out (or, with fewer
    than two complete periods, that it could not)."""
    if not partial:
        return ""
    items = [_partial_item(say, p, grain) for p in sorted(partial.values(), key=lambda p: p.start)]
    periods, grains = say.join(items), say.word(f"{grain}_pl")
    if kept:
        many = len(items) > 1
        if len(say.table.rows) == 1 or (isinstance(say.plan, MetricPlan) and say.plan.dimensions):
            return say.t("partial_only", periods=periods)
        them = "them" if many else "it"
        return say.t("partial_kept", periods=periods, grains=grains, verb="are" if many else "is",
                     them=them)  # fmt: skip
    return say.t(
        "partial_many" if len(items) > 1 else "partial_one", periods=periods, grains=grains
    )


def _also(say: Say, plan: MetricPlan, row: Row, words: dict[str, str]) -> str:
    others = plan.metrics[1:]
    if not others:
        return ""
    sub = plan.model_copy(update={"metrics": others, "compare": None})
    return say.t("series_also", items=_items(say, sub, row), **words)


def _series_by(say: Say, plan: MetricPlan) -> list[str]:
    grain, m = plan.grain, ranked_metric(plan)
    assert grain is not None
    rows = say.table.records()
    periods = [r["period"] for r in rows if r.get("period") is not None]
    if not periods:
        return [empty_metric(say, plan)]
    partial = partial_periods(say.table)
    latest = max(p for p in periods if is_complete(p, partial) or p == min(periods))
    ranked = _sorted([r for r in rows if r.get("period") == latest], m, ascending=False)
    intro = say.t(
        "series_by",
        grainly=say.word(f"{grain}_ly"),
        metric=say.metric(m),
        dim=groups_word(say, plan),
        when=say.when(),
    )
    if not ranked:
        return [intro]
    top = ranked[0]
    head = say.t(
        "series_latest",
        grain=say.word(grain),
        unit=say.word(grain),
        label=say.period(latest, grain),
        top=group(say, plan, top),
        metric=say.metric(m),
        dim=groups_word(say, plan),
        value=say.metric_value(m, top[m]),
    )
    return [
        intro,
        head + _runner_up(say, plan, rows=ranked, m=m),
        _latest_note(say, partial, latest, grain),
    ]


__all__ = ["empty_metric", "group", "metric_text", "ranked_metric", "user_assigned"]
