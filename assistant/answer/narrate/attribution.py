"""Answers to `attribution` plans: who gets the most credit, and where the models disagree."""

from __future__ import annotations

from typing import Any, Final

from assistant.answer.narrate.numbers import as_float
from assistant.answer.narrate.say import Say
from semantic_layer.phrasebook import grammar
from semantic_layer.plan import AttributionPlan

MODELS: Final = ("first_touch", "last_touch", "linear", "time_decay", "position_based", "markov")
FALLBACK: Final = "last_touch"
Row = dict[str, Any]


def attribution_text(say: Say, plan: AttributionPlan) -> list[str]:
    """The top key under the plan's model (share of the total), or every model compared."""
    rows = say.table.records()
    models = [m for m in MODELS if say.table.has(m)]
    lookback = plan.lookback_days or say.model.settings.attribution_lookback_days
    rule = say.t("attr_lookback", days=lookback)
    if not models or not any(_total(rows, m) > 0 for m in models):
        return [say.t("attr_empty", conversions=_conversions(say, plan), when=say.when())]
    if plan.model == "all":
        return [*_compare(say, plan, rows, models), rule]
    used = plan.model if plan.model in models else (FALLBACK if FALLBACK in models else models[0])
    note = ""
    if used != plan.model:
        note = say.t(
            "attr_missing", model=_model(say, plan, plan.model), used=_model(say, plan, used)
        )
    return [_one(say, plan, rows, used), rule, note]


def _credit(row: Row, model: str) -> float:
    return as_float(row.get(model)) or 0.0


def _total(rows: list[Row], model: str) -> float:
    return sum(_credit(r, model) for r in rows)


def _model(say: Say, plan: AttributionPlan, model: str) -> str:
    return say.word(f"model_{model}", days=plan.half_life_days)


def _conversions(say: Say, plan: AttributionPlan) -> str:
    if plan.value == "revenue":
        return say.t("revenue")
    target = plan.conversion_touchpoint
    if target is None or target == say.model.settings.purchase_touchpoint:
        return say.t("purchases")
    return say.t("conversions_of", touchpoint=say.touchpoint(target))


def _key(say: Say, plan: AttributionPlan, key: Any) -> str:
    return say.value("channel", key) if plan.by == "channel" else say.touchpoint(key)


def _amount(say: Say, plan: AttributionPlan, value: float) -> str:
    return say.num.money(value) if plan.value == "revenue" else say.num.number(value)


def _one(say: Say, plan: AttributionPlan, rows: list[Row], model: str) -> str:
    total = _total(rows, model)
    ranked = sorted(rows, key=lambda r: -_credit(r, model))
    top = ranked[0]
    head = say.t(
        "attr",
        model=_model(say, plan, model),
        top=_key(say, plan, top["key"]),
        conversions=_conversions(say, plan),
        by=say.word(plan.by),
        when=say.when(),
        credit=_amount(say, plan, _credit(top, model)),
        total=_amount(say, plan, total),
        share=say.num.percent(_credit(top, model) / total),
    )
    if len(ranked) < 2 or _credit(ranked[1], model) <= 0:
        return head + say.t("end")
    second = ranked[1]
    share = say.num.percent(_credit(second, model) / total)
    return head + say.t("ahead", second=_key(say, plan, second["key"]), value=share)


def _shares(rows: list[Row], models: list[str]) -> dict[str, dict[Any, float]]:
    """Each model's share of its total per key."""
    out: dict[str, dict[Any, float]] = {}
    for m in models:
        total = _total(rows, m)
        out[m] = {r["key"]: _credit(r, m) / total if total else 0.0 for r in rows}
    return out


def _compare(say: Say, plan: AttributionPlan, rows: list[Row], models: list[str]) -> list[str]:
    shares = _shares(rows, models)
    tops: dict[Any, list[str]] = {}
    for m in models:
        if _total(rows, m) > 0:
            tops.setdefault(max(shares[m], key=lambda k: shares[m][k]), []).append(m)
    common = {"conversions": _conversions(say, plan), "when": say.when(), "by": say.word(plan.by)}
    if len(tops) == 1:
        key = next(iter(tops))
        values = [shares[m][key] for m in tops[key]]
        head = say.t(
            "attr_agree",
            top=_key(say, plan, key),
            low=say.num.percent(min(values)),
            high=say.num.percent(max(values)),
            **common,
        )
    else:
        items = [
            say.t(
                "attr_item",
                key=_key(say, plan, key),
                models=say.join([_model(say, plan, m) for m in ms]),
                shares=_range(say, [shares[m][key] for m in ms]),
            )
            for key, ms in tops.items()
        ]
        head = say.t(
            "attr_disagree",
            items=grammar(say.lang).semicolon.join(items),
            **common,
        )
    return [head, _spread(say, plan, shares)]


def _range(say: Say, values: list[float]) -> str:
    low, high = say.num.percent(min(values)), say.num.percent(max(values))
    return low if low == high else f"{low}–{high}"


def _spread(say: Say, plan: AttributionPlan, shares: dict[str, dict[Any, float]]) -> str:
    """The key whose share differs most between models."""
    models = [m for m in shares if any(shares[m].values())]
    if len(models) < 2:
        return ""
    keys = list(shares[models[0]])

    def gap(key: Any) -> float:
        values = [shares[m][key] for m in models]
        return max(values) - min(values)

    key = max(keys, key=gap)
    if gap(key) < 0.001:
        return ""
    high = max(models, key=lambda m: shares[m][key])
    low = min(models, key=lambda m: shares[m][key])
    return say.t(
        "attr_spread",
        key=_key(say, plan, key),
        high=say.num.percent(shares[high][key]),
        high_model=_model(say, plan, high),
        low=say.num.percent(shares[low][key]),
        low_model=_model(say, plan, low),
    )


__all__ = ["MODELS", "attribution_text"]
