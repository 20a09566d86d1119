"""`chart_spec`: the chart of an answer, chosen by the result's shape (docs/design.md "Answers").

The chart is a Plotly figure as a plain JSON-safe dict (`{"data": [...], "layout": {...}}`) that
`plotly.graph_objects.Figure(spec)` loads and plotly.js draws: declarative, nothing is executed.

| plan | chart |
|---|---|
| metric with a grain | line: a trace per metric (per dimension value with one dimension); a comparison adds the baseline as a dashed trace |
| metric by dimensions | bar (horizontal with > 6 categories or long labels), in row order; with a comparison, grouped bars current vs previous |
| metric, one row | an indicator with the change when compared, else None (the text says the number) |
| funnel | a `funnel` trace (one per segment); time to convert: bars of median/mean/p90 hours |
| dropoff | bars of users lost per step, the loss rate as text |
| paths | bars of the next touchpoint; top paths: a Sankey |
| retention | heatmap of cohorts × periods |
| attribution | bars of credit per channel, one series per attribution model compared |
| drivers | horizontal bars of each segment's contribution to the change |
| sql | a bar (one text and one numeric column) or a line (a date column), else None |

Labels are the model's, in the question's language. Charts cap themselves (the first 20 bars,
8 series, 20 paths in row order) and then say "top N" in the title.
"""  # noqa: E501

from __future__ import annotations

import re
from collections.abc import Callable

from assistant.answer.charts_bars import Series, bar_figure, line_figure
from assistant.answer.charts_base import (
    MAX_SERIES,
    ChartContext,
    Figure,
    NumberFormat,
)
from assistant.answer.table import ResultTable, json_value
from semantic_layer.model.labels import ModelLabels
from semantic_layer.model.semantic import SemanticModel
from semantic_layer.time import Language

_NUMERIC = re.compile(
    r"^(U?(TINY|SMALL|BIG|HUGE)?INT(EGER)?|INT\d*|DOUBLE|FLOAT\d*|REAL|DECIMAL|NUMERIC)",
    re.IGNORECASE,
)
_TEMPORAL = re.compile(r"^(DATE|TIMESTAMP)", re.IGNORECASE)
_TEXT = re.compile(r"^(VARCHAR|TEXT|STRING|CHAR|BPCHAR|ENUM)", re.IGNORECASE)


ChartBuilder = Callable[[ChartContext], Figure | None]


def chart_spec(
    table: ResultTable, labels: ModelLabels, model: SemanticModel, lang: Language
) -> Figure | None:
    """The figure for `table` in `lang`, or None when a chart would not help (a single number,
    an empty result, clarify/unsupported plans, SQL results of no chartable shape)."""
    if not table.rows:
        return None
    from assistant.kinds import kind_of  # the registry imports the chart builders

    build = kind_of(table.plan.kind).chart
    return None if build is None else build(ChartContext(table, labels, model, lang))


def sql_chart(ctx: ChartContext) -> Figure | None:
    """Unverified SQL: a line when there is a date column and numeric columns (a line per value
    of one text column, if any), a bar for one text and one numeric column, else None."""
    cols = ctx.table.columns
    kinds = [_kind(t) for t in ctx.table.types]
    numeric = [c for c, k in zip(cols, kinds, strict=True) if k == "number"]
    dates = [c for c, k in zip(cols, kinds, strict=True) if k == "date"]
    texts = [c for c, k in zip(cols, kinds, strict=True) if k == "text"]
    if dates and numeric and len(texts) <= 1:
        return _sql_line(ctx, dates[0], numeric, texts[0] if texts else None)
    if len(texts) == 1 and len(numeric) == 1 and not dates:
        x, y = texts[0], numeric[0]
        cats = ["" if v is None else str(v) for v in ctx.table.column(x)]
        title = ctx.say("by", what=ctx.metric(y), by=ctx.metric(x))
        series = [Series(ctx.metric(y), ctx.table.column(y))]
        return bar_figure(
            ctx, cats, series, title=title, category_title=ctx.metric(x),
            value_title=ctx.metric(y), fmt=_sql_format(ctx, y),
        )  # fmt: skip
    return None


def _sql_line(ctx: ChartContext, x: str, numeric: list[str], split: str | None) -> Figure:
    records = sorted(ctx.table.records(), key=lambda r: str(json_value(r[x])))
    xs = [json_value(r[x]) for r in records]
    if split is None:
        series = [Series(ctx.metric(c), [r[c] for r in records]) for c in numeric]
        title = ctx.join(ctx.metric(c) for c in numeric[:MAX_SERIES])
    else:
        y = numeric[0]
        names = list(dict.fromkeys(r[split] for r in records))
        series = [Series(str(n), [r[y] if r[split] == n else None for r in records]) for n in names]
        title = ctx.say("by", what=ctx.metric(y), by=ctx.metric(split))
    return line_figure(
        ctx, [str(v) for v in xs], series, title=title, grain=None,
        value_title=ctx.metric(numeric[0]) if len(numeric) == 1 or split else "",
        fmt=_sql_format(ctx, numeric[0]),
    )  # fmt: skip


def _sql_format(ctx: ChartContext, column: str) -> NumberFormat:
    """A model metric's format when the column is named like one, else plain numbers."""
    return ctx.metric_format(column, ctx.table.column(column))


def _kind(duckdb_type: str) -> str:
    if _NUMERIC.match(duckdb_type):
        return "number"
    if _TEMPORAL.match(duckdb_type):
        return "date"
    if _TEXT.match(duckdb_type):
        return "text"
    return "other"


__all__ = ["ChartBuilder", "ChartContext", "chart_spec", "sql_chart"]
