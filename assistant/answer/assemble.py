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
from semantic_layer.plan import ClarifyPlan, QueryPlan, UnsupportedPlan
from semantic_layer.plan.describe import describe
from semantic_layer.time import Language

_COLUMNS: Final[dict[str, tuple[str, str]]] = {
    "period": ("period", "时间"),
    "step": ("step", "步骤"),
    "touchpoint": ("touchpoint", "触点"),
    "reached": ("users reached", "到达人数"),
    "conversion": ("conversion from step 1", "累计转化率"),
    "step_conversion": ("conversion from previous step", "步骤转化率"),
    "lost": ("users lost", "流失人数"),
    "lost_rate": ("lost rate", "流失率"),
    "segment": ("segment", "分组"),
    "entrants": ("users who started", "进入人数"),
    "converters": ("users who converted", "转化人数"),
    "median_hours": ("median hours", "中位用时（小时）"),
    "mean_hours": ("mean hours", "平均用时（小时）"),
    "p90_hours": ("90th percentile hours", "P90 用时（小时）"),
    "occurrences": ("occurrences", "次数"),
    "users": ("users", "人数"),
    "share": ("share", "占比"),
    "path": ("path", "路径"),
    "cohort": ("cohort", "同期群"),
    "cohort_size": ("cohort size", "群组人数"),
    "retained": ("retained", "留存人数"),
    "rate": ("rate", "比率"),
    "key": ("key", "对象"),
    "first_touch": ("first touch", "首次触点"),
    "last_touch": ("last touch", "末次触点"),
    "linear": ("linear", "线性"),
    "time_decay": ("time decay", "时间衰减"),
    "position_based": ("position based", "位置归因"),
    "markov": ("Markov (data-driven)", "马尔可夫（数据驱动）"),
    "dimension": ("dimension", "维度"),
    "value": ("value", "当期值"),
    "value_previous": ("previous value", "上期值"),
    "change": ("change", "变化"),
    "contribution": ("contribution", "贡献"),
    "rate_effect": ("rate effect", "比率效应"),
    "mix_effect": ("mix effect", "结构效应"),
    "share_of_change": ("share of change", "占变化比例"),
    "segments_left_out": ("segments left out", "未纳入的细分数"),
    "dimensions_left_out": ("dimensions left out", "未纳入的维度数"),
    "note": ("note", "备注"),
}
_RATES: Final = frozenset(
    {"conversion", "step_conversion", "lost_rate", "share", "rate", "share_of_change"}
)
_DRIVER_VALUES: Final = frozenset(
    {"value", "value_previous", "change", "contribution", "rate_effect", "mix_effect"}
)
_ATTRIBUTION: Final = frozenset(
    {"first_touch", "last_touch", "linear", "time_decay", "position_based", "markov"}
)
_SUFFIXES: Final[dict[str, tuple[str, str]]] = {
    "__previous": ("previous", "上期"),
    "__change_pct": ("change %", "变化率"),
    "__change": ("change", "变化"),
}


def plan_json(plan: QueryPlan) -> dict[str, Any]:
    """The plan as JSON with `kind` first (what the API returns and sessions store)."""
    data = plan.model_dump(mode="json")
    return {"kind": data.pop("kind"), **data}


def column_label(name: str, model: SemanticModel, lang: Language) -> str:
    """A column's name for people: metric and dimension labels, else the known result columns."""
    labels = ModelLabels(model)
    for suffix, words in _SUFFIXES.items():
        if name.endswith(suffix):
            base = column_label(name.removesuffix(suffix), model, lang)
            return f"{base}（{words[1]}）" if lang == "zh" else f"{base} ({words[0]})"
    if name in model.metrics:
        return labels.metric(name, lang)
    split = split_part(name)
    if split is not None and split[0] in model.metrics:
        return part_label(model, split[0], split[1], lang)
    if name.startswith("d_") and name[2:] in model.dimensions:
        return labels.dimension(name[2:], lang)
    known = _COLUMNS.get(name)
    return name if known is None else known[1 if lang == "zh" else 0]


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
        warnings.append(
            "这条 SQL 由大模型直接生成，未经语义层验证，请核对。"
            if compiled.plan.language == "zh"
            else "This SQL was written by the LLM outside the semantic layer: it is unverified."
        )
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
