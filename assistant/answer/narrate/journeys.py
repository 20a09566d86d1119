"""Answers to `paths` (next steps, top paths) and `retention` plans."""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from typing import Any

from assistant.answer.narrate.numbers import as_float
from assistant.answer.narrate.say import PSEUDO, Say
from semantic_layer.plan import PathsPlan, RetentionPlan

Row = dict[str, Any]
ARROW = " → "


# -- paths -------------------------------------------------------------------------------------
def paths_text(say: Say, plan: PathsPlan) -> list[str]:
    """The most common next (or previous) step or path, with its share of the anchor's visits."""
    rows = [r for r in say.table.records() if _count(r.get("occurrences")) > 0]
    if not rows:
        return [say.t("paths_empty", anchor=say.touchpoint(plan.touchpoint), when=say.when())]
    rows.sort(key=lambda r: -_count(r["occurrences"]))
    if plan.mode == "top_paths":
        return _top_paths(say, plan, rows)
    return _next(say, plan, rows)


def _count(value: Any) -> int:
    if type(value) is int:  # what the engine returns for counts: no float round trip
        return value
    number = as_float(value)
    return int(number) if number is not None else 0


def _total(rows: list[Row]) -> int:
    """Every visit to the anchor: occurrences / share of a row (shares are of all visits)."""
    for r in rows:
        share = as_float(r.get("share"))
        if share:
            return round(_count(r["occurrences"]) / share)
    return sum(_count(r["occurrences"]) for r in rows)


def _next(say: Say, plan: PathsPlan, rows: list[Row]) -> list[str]:
    after = plan.direction == "after"
    pseudo = "(exit)" if after else "(start)"
    real = [r for r in rows if r["touchpoint"] not in PSEUDO]
    ended = next((r for r in rows if r["touchpoint"] == pseudo), None)
    common = {
        "anchor": say.touchpoint(plan.touchpoint),
        "when": say.when(),
        "total": say.num.number(_total(rows)),
    }
    if ended is not None and ended is rows[0]:
        lead = say.t(
            "exit_top" if after else "start_top", share=say.num.percent(ended["share"]), **common
        )
        if not real:
            return [lead]
        top = real[0]
        then = "then_next" if after else "then_prev"
        return [
            lead,
            say.t(then, top=say.touchpoint(top["touchpoint"]), share=say.num.percent(top["share"])),
        ]
    top = real[0]
    lead = say.t(
        "next_after" if after else "next_before",
        top=say.touchpoint(top["touchpoint"]),
        share=say.num.percent(top["share"]),
        **common,
    )
    others = [
        say.t("share_item", name=say.touchpoint(r["touchpoint"]), share=say.num.percent(r["share"]))
        for r in real[1:3]
    ]
    tail = say.t("others", items=say.join(others)) if others else ""
    note = ""
    if ended is not None:
        key = "exit_note" if after else "start_note"
        note = say.t(key, share=say.num.percent(ended["share"]), anchor=common["anchor"])
    return [lead, tail, note]


def _path(say: Say, path: Any) -> str:
    return ARROW.join(say.touchpoint(step) for step in str(path).split(ARROW))


def _top_paths(say: Say, plan: PathsPlan, rows: list[Row]) -> list[str]:
    common = {
        "anchor": say.touchpoint(plan.touchpoint),
        "when": say.when(),
        "total": say.num.number(_total(rows)),
        "direction": say.t(plan.direction),
    }
    top = rows[0]
    longer = [r for r in rows if ARROW in str(r["path"])]
    if ARROW not in str(top["path"]) and longer:
        key = "path_alone_after" if plan.direction == "after" else "path_alone_before"
        return [
            say.t(
                key,
                share=say.num.percent(top["share"]),
                path=_path(say, longer[0]["path"]),
                share2=say.num.percent(longer[0]["share"]),
                **common,
            )
        ]
    path = _path(say, top["path"])
    return [say.t("path_top", path=path, share=say.num.percent(top["share"]), **common)]


# -- retention ---------------------------------------------------------------------------------
def retention_text(say: Say, plan: RetentionPlan) -> list[str]:
    """Average period-1 and last-period retention over the cohorts, and the best cohort."""
    # column by column: a daily retention table has thousands of rows
    table = say.table
    counted = table.column("cohort_size") if table.has("cohort_size") else []
    kept = [i for i, n in enumerate(counted) if _count(n) > 0]
    if not kept:
        return [say.t("retention_empty", when=say.when())]
    cohort, period = table.column("cohort"), table.column("period")
    retained = table.column("retained")
    rate = table.column("rate") if table.has("rate") else [None] * len(counted)
    sizes = {cohort[i]: _count(counted[i]) for i in kept}
    grain = plan.cohort_grain
    words = {
        "n": len(sizes),
        "size": say.num.number(sum(sizes.values())),
        "when": say.when(),
        "grainly": say.word(f"cohort_{grain}"),
        "grain": say.word(grain),
        "unit": say.word(grain),
        "in_grain": say.word(f"in_{grain}"),
    }
    by_period: dict[int, list[int]] = defaultdict(list)  # row numbers by period
    for i in kept:
        by_period[_count(period[i])].append(i)
    later = sorted(p for p in by_period if p > 0)
    if not later:
        return [say.t("retention_young", **words)]
    first, last = later[0], later[-1]

    def average(rows: list[int]) -> float:
        """Retention weighted by cohort size: retained / cohort users, over the cohorts seen."""
        size = sum(_count(counted[i]) for i in rows)
        return sum(_count(retained[i]) for i in rows) / size if size else 0.0

    r1, rk = average(by_period[first]), average(by_period[last])
    if first == last:
        head = say.t("retention_one", r1=say.num.percent(r1), k1=first, **words)
    else:
        head = say.t(
            "retention", r1=say.num.percent(r1), rk=say.num.percent(rk), k1=first, k=last, **words
        )
    best = max(by_period[first], key=lambda i: (as_float(rate[i]) or 0.0, -_ts(cohort[i])))
    tail = ""
    if len(by_period[first]) > 1:
        tail = say.t(
            "retention_best",
            cohort=say.period(cohort[best], grain),
            rate=say.num.percent(rate[best]),
            k1=first,
            **words,
        )
    return [head, tail]


def _ts(cohort: Any) -> int:
    return cohort.toordinal() if isinstance(cohort, date) else 0


__all__ = ["paths_text", "retention_text"]
