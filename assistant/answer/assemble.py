"""Turn a result (or a plan with nothing to run) into the fields of an `Answer`.

The words come from `answer.narrate`, the chart from `answer.charts`; this module only puts them
together with the table, the SQL, the interpretation sentence and the exact date ranges.
"""

from __future__ import annotations

from typing import Any, Final

from assistant.answer.bases import part_format, part_label, split_part
from assistant.answer.charts import chart_spec
from assistant.answer.failure import Failure, Works, explain, offers
from assistant.answer.model import Answer, AnswerError, Choice, ColumnFormat, TimeRange
from assistant.answer.narrate import answer_text, suggestions
from assistant.answer.periods import period_notes
from assistant.answer.table import ResultTable
from assistant.execute import Executed
from semantic_layer.compile.compiler import Compiled
from semantic_layer.errors import UserError
from semantic_layer.model.labels import ModelLabels
from semantic_layer.model.semantic import SemanticModel
from semantic_layer.phrasebook import grammar, phrase, section
from semantic_layer.plan import ClarifyPlan, QueryPlan, UnsupportedPlan
from semantic_layer.plan.describe import describe
from semantic_layer.time import Language

_RATES: Final = frozenset(
    {"conversion", "step_conversion", "lost_rate", "share", "rate", "share_of_change"}
)
_DRIVER_VALUES: Final = frozenset(
    {"value", "value_previous", "change", "contribution", "rate_effect", "mix_effect"}
)
_ATTRIBUTION: Final = frozenset(
    {"first_touch", "last_touch", "linear", "time_decay", "position_based", "markov"}
)
_SUFFIXES: Final = ("__previous", "__change_pct", "__change")  # words: "columns", "suffix__…"


def plan_json(plan: QueryPlan) -> dict[str, Any]:
    """The plan as JSON with `kind` first (what the API returns and sessions store)."""
    data = plan.model_dump(mode="json")
    return {"kind": data.pop("kind"), **data}


def column_label(name: str, model: SemanticModel, lang: Language) -> str:
    """A column's name for people: metric and dimension labels, else the known result columns."""
    labels = ModelLabels(model)
    words = section("columns")[lang]
    for suffix in _SUFFIXES:
        if name.endswith(suffix):
            base = column_label(name.removesuffix(suffix), model, lang)
            return grammar(lang).note(base, words[f"suffix{suffix}"])
    if name in model.metrics:
        return labels.metric(name, lang)
    split = split_part(name)
    if split is not None and split[0] in model.metrics:
        return part_label(model, split[0], split[1], lang)
    if name.startswith("d_") and name[2:] in model.dimensions:
        return labels.dimension(name[2:], lang)
    return words.get(name, name)


def column_format(name: str, type_: str, table: ResultTable, model: SemanticModel) -> ColumnFormat:
    """How a column's values read: the metric's format, a rate, a date, text or a number."""
    plan = table.plan
    if name.endswith("__change_pct") or name in _RATES:
        return "percent"
    base = name.removesuffix("__previous").removesuffix("__change")
    if base in model.metrics:
        return model.metrics[base].format
    split = split_part(base)
    if split is not None and split[0] in model.metrics:
        fmt = part_format(model, *split)
        return "integer" if fmt == "number" and "INT" in type_.upper() else fmt
    if name in _DRIVER_VALUES and getattr(plan, "metric", None) in model.metrics:
        return model.metrics[plan.metric].format  # type: ignore[union-attr]
    if name in _ATTRIBUTION:
        return "currency" if getattr(plan, "value", "") == "revenue" else "number"
    upper = type_.upper()
    if upper.startswith(("DATE", "TIMESTAMP")):
        return "date"
    if upper in ("VARCHAR", "BOOLEAN") or upper.startswith("ENUM"):
        return "text"
    return "integer" if "INT" in upper else "number"


def with_data(base: Answer, fields: dict[str, Any], run: Executed, model: SemanticModel) -> Answer:
    """The full answer: text, chart, table, SQL, interpretation, ranges, suggestions."""
    return base.model_copy(
        update={**fields, **data_fields(run, model), "warnings": warnings_for(run.compiled, fields)}
    )


def data_fields(run: Executed, model: SemanticModel) -> dict[str, Any]:
    """What the data says — the same for every caller that asked the same plan with the same
    role, ranges, model and data (the answer cache keeps exactly this)."""
    table, compiled = run.table, run.compiled
    lang: Language = compiled.plan.language
    labels = ModelLabels(model)
    columns = list(table.columns)
    column_labels = [column_label(c, model, lang) for c in table.columns]
    formats = [column_format(c, t, table, model) for c, t in zip(columns, table.types, strict=True)]
    rows = table.json_rows()
    notes = period_notes(table, lang)
    if notes is not None:  # incomplete first/last periods say so in the table
        columns, column_labels = (
            [*columns, "note"],
            [*column_labels, column_label("note", model, lang)],
        )
        formats = [*formats, "text"]
        rows = [[*row, note] for row, note in zip(rows, notes, strict=True)]
    return {
        "text": answer_text(table, labels, model, lang),
        "interpretation": compiled.describe(model, lang),
        "sql": compiled.sql(pretty=True),
        "verified": compiled.verified,
        "columns": columns,
        "column_labels": column_labels,
        "column_formats": formats,
        "rows": rows,
        "truncated": table.truncated,
        "chart": chart_spec(table, labels, model, lang),
        "time_range": TimeRange.of(table.time_range, lang),
        "baseline_range": TimeRange.of(table.baseline_range, lang),
        "suggestions": suggestions(compiled.plan, model, lang, table),
    }


def warnings_for(compiled: Compiled, fields: dict[str, Any]) -> list[str]:
    """The planner's warnings, and the unverified-SQL warning for an LLM's raw SQL."""
    warnings = list(fields.get("warnings", []))
    if not compiled.verified:
        warnings.append(phrase(compiled.plan.language, "answer", "llm_sql_unverified"))
    return warnings


def without_data(
    base: Answer, fields: dict[str, Any], compiled: Compiled, model: SemanticModel
) -> Answer:
    """A clarification (its choices) or a refusal (what is missing): nothing was run."""
    plan = compiled.plan
    lang: Language = plan.language
    update: dict[str, Any] = {**fields, "interpretation": compiled.describe(model, lang)}
    if isinstance(plan, ClarifyPlan):
        update["text"] = plan.reason
        update["choices"] = [Choice(label=c.label, question=c.question) for c in plan.choices]
        update["suggestions"] = [c.question for c in plan.choices]
    elif isinstance(plan, UnsupportedPlan):
        update["text"] = plan.reason
        update["suggestions"] = suggestions(plan, model, lang, None)
    return base.model_copy(update=update)


def failed(
    base: Answer,
    fields: dict[str, Any],
    *,
    failure: Failure,
    plan: QueryPlan | None,
    model: SemanticModel,
    works: Works,
) -> Answer:
    """An answer that could not be computed: why, in the question's language, what was
    understood, and two to four questions that do work (as choices, like a clarification)."""
    lang: Language = plan.language if plan is not None else base.language
    interpretation = ""
    if plan is not None:
        try:
            interpretation = describe(plan, ModelLabels(model))
        except (UserError, KeyError, ValueError):  # a plan naming what the model lacks
            interpretation = ""
    message = explain(failure, plan, model=model, lang=lang, interpretation=interpretation)
    questions = offers(failure, plan, model=model, lang=lang, works=works)
    error = AnswerError(code=failure.code, message=message, suggestions=questions)
    update = {
        **fields,
        "text": message,
        "error": error,
        "interpretation": fields.get("interpretation") or interpretation,
        "suggestions": questions,
        "choices": [Choice(label=q, question=q) for q in questions],
    }
    return base.model_copy(update=update)


__all__ = [
    "column_format", "column_label", "data_fields", "failed", "plan_json", "warnings_for",
    "with_data", "without_data",
]  # fmt: skip
