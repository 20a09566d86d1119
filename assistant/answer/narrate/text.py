"""`answer_text`: the answer to a question in words, the answer first.

One function per plan kind says what the result means (in `metric.py`, `funnel.py`,
`journeys.py`, `attribution.py`, `drivers.py`); this module asks the kind registry
(`assistant/kinds/`) for it, adds the notes every answer
shares (filters, a truncated table) and answers the kinds without a semantic result (raw SQL,
clarify, unsupported). An empty result is a sentence saying so, never an error.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Final

from assistant.answer.narrate.numbers import as_float
from assistant.answer.narrate.say import Say
from assistant.answer.table import ResultTable, json_value
from semantic_layer.compile.people import person_rule, split_filters
from semantic_layer.compile.scope import DimFilter
from semantic_layer.model.labels import ModelLabels
from semantic_layer.model.semantic import SemanticModel
from semantic_layer.phrasebook import grammar
from semantic_layer.plan import (
    AnalysisPlan,
    ClarifyPlan,
    JourneyPlan,
    RetentionPlan,
    SqlPlan,
    UnsupportedPlan,
)
from semantic_layer.time import Language

SQL_CELLS: Final = 4

Narrator = Callable[[Say, Any], list[str]]


def answer_text(
    table: ResultTable, labels: ModelLabels, model: SemanticModel, lang: Language
) -> str:
    """The answer in `lang`: the result first, with formatted numbers, the exact dates and the
    rule used (channel rule, attribution model, funnel window, journey).

    Args:
        table: the rows the engine returned for `table.plan`, with the resolved time ranges.
        labels: the model's names for metrics, dimensions, values, touchpoints and journeys.
        model: the semantic model (metric formats and directions, currency, journeys, settings).
        lang: the question's language.
    """
    say = Say.create(table, labels, model, lang)
    plan = table.plan
    if isinstance(plan, ClarifyPlan | UnsupportedPlan):
        return plan.reason
    if isinstance(plan, SqlPlan):
        return say.finish(_sql(say))
    from assistant.kinds import kind_of  # the registry imports the narrators

    narrate = kind_of(plan.kind).narrate
    assert narrate is not None, f"kind {plan.kind!r} has no narrator"  # tests/test_kinds.py
    sentences = narrate(say, plan)
    return say.finish([*sentences, say.filters(), _people_rule(say), _truncated(say)])


def _people_rule(say: Say) -> str:
    """Journey analyses filtered on an event attribute say how people were picked."""
    plan = say.plan
    from assistant.kinds import kind_of  # the registry imports the narrators

    if not kind_of(plan.kind).journey or not isinstance(plan, AnalysisPlan):
        return ""
    filters = [DimFilter(f.dimension, f.op, tuple(f.values)) for f in plan.filters]
    chosen, _ = split_filters(filters, dict(say.model.dimensions))
    if not chosen:
        return ""
    dims = say.join([say.dimension(f.dimension) for f in chosen])
    if getattr(plan, "filter_scope", None) == "steps":
        return say.t("people_steps", dim=dims)
    entry = None
    if isinstance(plan, JourneyPlan):
        entry = say.journey_steps(plan)[0]
    elif isinstance(plan, RetentionPlan):
        entry = plan.cohort_touchpoint
    rule = person_rule(say.model.spec, entry)
    key = "people_entry" if rule == "entry_step" else "people_touch"
    what = say.word("journey" if isinstance(plan, JourneyPlan) else "analysis")
    return say.t(key, dim=dims, rule=say.word(rule) if rule != "entry_step" else "", what=what)


def _truncated(say: Say) -> str:
    if not say.table.truncated:
        return ""
    return say.t("truncated", n=say.num.number(len(say.table.rows)))


def _sql(say: Say) -> list[str]:
    """Row count and the first row, flagged as unverified."""
    rows = say.table.rows
    unverified = say.t("sql_unverified")
    if not rows:
        return [say.t("sql_none"), unverified]
    cells = [
        say.t("cell", column=column, value=_cell(say, value))
        for column, value in zip(say.table.columns[:SQL_CELLS], rows[0][:SQL_CELLS], strict=False)
    ]
    summary = grammar(say.lang).comma.join(cells)
    if len(say.table.columns) > SQL_CELLS:
        summary += "…"
    if len(rows) == 1:
        head = say.t("sql_row", summary=summary)
    else:
        head = say.t("sql_rows", n=say.num.number(len(rows)), summary=summary)
    return [head, _truncated(say), unverified]


def _cell(say: Say, value: Any) -> str:
    if value is None:
        return say.num.na
    number = as_float(value)
    if number is not None:
        return say.num.number(number)
    return str(json_value(value))


__all__ = ["Narrator", "answer_text"]
