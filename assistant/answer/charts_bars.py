"""Bar and line figures from categories and series: the shapes most answers draw."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Final

from assistant.answer.charts_base import (
    COLORS,
    HEIGHT,
    MAX_BARS,
    MAX_SERIES,
    ChartContext,
    Figure,
    NumberFormat,
    Trace,
    capped,
    category_axis,
    figure,
    is_long,
    num,
    unique,
    value_axis,
)

DATE_FORMATS: Final = {
    "day": "%Y-%m-%d",
    "week": "%Y-%m-%d",
    "month": "%Y-%m",
    "quarter": "%Y-Q%q",
    "year": "%Y",
}


@dataclass(frozen=True)
class Series:
    """One trace's name and values (one per category or x), plus extra trace properties."""

    name: str
    values: list[Any]
    extra: dict[str, Any] = field(default_factory=dict)


def bar_figure(
    ctx: ChartContext,
    categories: Sequence[str],
    series: Sequence[Series],
    *,
    title: str,
    category_title: str,
    value_title: str,
    fmt: NumberFormat,
    horizontal: bool | None = None,
) -> Figure:
    """Bars in the order of `categories` (the first at the top when horizontal), grouped when
    there are several series. Horizontal when there are more than 6 categories or long labels.
    Only the first `MAX_BARS` categories and `MAX_SERIES` series are drawn; the title says so."""
    cats = unique(list(categories))[:MAX_BARS]
    drawn = list(series)[:MAX_SERIES]
    title = capped(ctx, title, len(categories), MAX_BARS)
    title = capped(ctx, title, len(series), MAX_SERIES)
    flat = len(cats) > 6 or is_long(cats) if horizontal is None else horizontal
    data = [_bar(s, cats, fmt, flat, single=len(drawn) == 1) for s in drawn]
    # a horizontal category axis title would sit on the labels; the chart title names them
    cat_axis = category_axis("" if flat else category_title, cats, reverse=flat)
    val_axis = value_axis(value_title, fmt)
    if flat:
        rows = len(cats) * (1 if len(drawn) == 1 else min(len(drawn), 3) * 0.7)
        height = int(min(460, max(300, 110 + 24 * rows)))
        return figure(
            ctx, data, title, height=height, xaxis=val_axis, yaxis=cat_axis, barmode="group"
        )
    return figure(ctx, data, title, xaxis=cat_axis, yaxis=val_axis, barmode="group")


def _bar(s: Series, cats: list[str], fmt: NumberFormat, flat: bool, *, single: bool) -> Trace:
    values = [num(v) for v in s.values[: len(cats)]]
    trace: Trace = {"type": "bar", "name": s.name}
    if flat:
        trace.update(orientation="h", x=values, y=cats)
    else:
        trace.update(x=cats, y=values)
    if single:
        trace.update(
            texttemplate=fmt.template("x" if flat else "y"),
            textposition="outside",
            cliponaxis=False,
        )
    trace.update(s.extra)
    return trace


def line_figure(
    ctx: ChartContext,
    x: Sequence[str],
    series: Sequence[Series],
    *,
    title: str,
    grain: str | None,
    value_title: str,
    fmt: NumberFormat,
    right: tuple[str, NumberFormat] | None = None,
    partial: Mapping[str, str] | None = None,
) -> Figure:
    """Lines over ISO dates, one per series (at most `MAX_SERIES`; points without a value are
    left out, so a line joins its neighbours). A series with
    `extra={"yaxis": "y2"}` is drawn against a right axis titled and formatted by `right`.
    `partial` maps the x of each incomplete period to its note: the line reaches those points
    with a dashed segment and open markers whose hover shows the note."""
    drawn = list(series)[:MAX_SERIES]
    title = capped(ctx, title, len(series), MAX_SERIES)
    data: list[Trace] = []
    for i, s in enumerate(drawn):
        line = _line(s, x)
        if partial and any(xi in partial for xi in line["x"]):
            shown = right[1] if right is not None and s.extra.get("yaxis") == "y2" else fmt
            traces = _with_partial(line, partial, COLORS[i % len(COLORS)], shown)
            if not any(t.get("legendgroup") == "incomplete" for t in data):
                incomplete = ctx.t("bars_incomplete_period")
                traces[-1].update(showlegend=True, legendgroup="incomplete", name=incomplete)
            data.extend(traces)
        else:
            data.append(line)
    date_format = DATE_FORMATS.get(grain or "", "%Y-%m-%d")
    x_axis: dict[str, Any] = {"type": "date", "tickformat": date_format, "hoverformat": date_format}
    x_axis["automargin"] = True
    ticks = sorted({xi for xi in x if xi is not None})
    if len(ticks) <= 12:  # a tick per point, not plotly's in-between dates
        x_axis.update(tickmode="array", tickvals=ticks)
    layout: dict[str, Any] = {"xaxis": x_axis, "yaxis": value_axis(value_title, fmt)}
    layout["hovermode"] = "x unified"
    if right is not None:
        layout["yaxis2"] = value_axis(
            right[0], right[1], overlaying="y", side="right", showgrid=False
        )
    return figure(ctx, data, title, height=HEIGHT, **layout)


def _with_partial(
    line: Trace, partial: Mapping[str, str], color: str, fmt: NumberFormat
) -> list[Trace]:
    """A line split at its incomplete periods: a solid trace over the complete points, a dashed
    segment from each incomplete point to its complete neighbour, open markers with the note."""
    xs, ys = line["x"], line["y"]
    keep = [i for i, xi in enumerate(xs) if xi not in partial]
    name, group = line["name"], line["name"]
    dash = "dot" if line.get("line", {}).get("dash") else "dash"
    solid = {**line, "x": [xs[i] for i in keep], "y": [ys[i] for i in keep], "legendgroup": group}
    solid["line"] = {**line.get("line", {}), "color": color}
    solid["marker"] = {"color": color}
    seg_x: list[Any] = []
    seg_y: list[Any] = []
    for i, xi in enumerate(xs):
        if xi not in partial:
            continue
        near = i - 1 if i > 0 and xs[i - 1] not in partial else i + 1
        if 0 <= near < len(xs) and xs[near] not in partial:
            seg_x += [xs[near], xi, None]
            seg_y += [ys[near], ys[i], None]
    marked = [i for i, xi in enumerate(xs) if xi in partial]
    segment: Trace = {
        **{k: v for k, v in line.items() if k in ("yaxis", "opacity")},
        "type": "scatter", "mode": "lines", "x": seg_x, "y": seg_y, "name": name,
        "legendgroup": group, "showlegend": False, "hoverinfo": "skip",
        "line": {"color": color, "dash": dash},
    }  # fmt: skip
    points: Trace = {
        **{k: v for k, v in line.items() if k in ("yaxis", "opacity")},
        "type": "scatter", "mode": "markers", "name": name, "legendgroup": group,
        "showlegend": False, "x": [xs[i] for i in marked], "y": [ys[i] for i in marked],
        "customdata": [partial[xs[i]] for i in marked],
        "hovertemplate": f"{name}: {fmt.template('y')} (%{{customdata}})<extra></extra>",
        "marker": {"color": "white", "size": 8, "line": {"color": color, "width": 2}},
    }  # fmt: skip
    return [solid, *([segment] if seg_x else []), points]


def _line(s: Series, x: Sequence[str]) -> Trace:
    pairs = zip(x, (num(v) for v in s.values), strict=False)
    points = [(xi, v) for xi, v in pairs if xi is not None and v is not None]
    trace: Trace = {
        "type": "scatter",
        "mode": "lines+markers" if len(points) <= 60 else "lines",
        "name": s.name,
        "x": [p[0] for p in points],
        "y": [p[1] for p in points],
    }
    trace.update(s.extra)
    return trace
