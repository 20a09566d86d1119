"""What every chart shares: the context (table, labels, language), words, number formats and the
layout of a figure sized for a chat (see `charts.chart_spec`)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Final

from assistant.answer.table import ResultTable, json_value
from semantic_layer.model.labels import ModelLabels
from semantic_layer.model.semantic import SemanticModel
from semantic_layer.phrasebook import grammar, section
from semantic_layer.time import Language

Figure = dict[str, Any]
Trace = dict[str, Any]

MAX_BARS: Final = 20  # categories per bar chart; more are cut and the title says "top 20"
MAX_SERIES: Final = 8  # lines, funnels or grouped-bar series per chart
HEIGHT: Final = 420
FONT_FAMILY: Final = '"Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", sans-serif'
COLORS: Final = (
    "#3366cc", "#f28e2b", "#59a14f", "#e15759", "#76b7b2",
    "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac",
)  # fmt: skip
GOOD, BAD, MUTED = "#2e8b57", "#d9534f", "#9aa0a6"
# An explicit small template: plotly.py would otherwise apply its default ("plotly") template
# when a client loads the spec, and the UI and the PNG would not look alike.
TEMPLATE: Final = {
    "layout": {
        "colorway": list(COLORS),
        "paper_bgcolor": "white",
        "plot_bgcolor": "white",
        "hoverlabel": {"font": {"family": FONT_FAMILY}},
        "xaxis": {"gridcolor": "#ececec", "linecolor": "#bdbdbd", "zerolinecolor": "#bdbdbd"},
        "yaxis": {"gridcolor": "#ececec", "linecolor": "#bdbdbd", "zerolinecolor": "#bdbdbd"},
    }
}

PSEUDO_TOUCHPOINTS: Final[dict[Language, dict[str, str]]] = section("chart.pseudo")
"""The pseudo touchpoints of paths ("(exit)", "(start)", "(entry)") in words of each language."""
CURRENCY_SYMBOLS: Final = {
    "CNY": "¥", "RMB": "¥", "JPY": "¥", "USD": "$", "EUR": "€", "GBP": "£",
    "HKD": "HK$", "TWD": "NT$", "KRW": "₩", "INR": "₹", "SGD": "S$", "AUD": "A$",
}  # fmt: skip

CHART: Final[dict[Language, dict[str, str]]] = section("chart")
WORDS: Final[dict[Language, dict[str, str]]] = section("chart.words")


@dataclass(frozen=True)
class NumberFormat:
    """How numbers of one kind read: a d3 format for hover and text, an optional tick format."""

    d3: str = ",.2~f"
    tick: str | None = None
    prefix: str = ""
    suffix: str = ""

    def axis(self) -> dict[str, Any]:
        """Axis properties: tick and hover formats, prefix and suffix."""
        out: dict[str, Any] = {"hoverformat": self.d3}
        if self.tick is not None:
            out["tickformat"] = self.tick
        if self.prefix:
            out["tickprefix"] = self.prefix
        if self.suffix:
            out["ticksuffix"] = self.suffix
        return out

    def template(self, var: str) -> str:
        """A plotly text/hover template showing `%{var}` in this format."""
        return f"{self.prefix}%{{{var}:{self.d3}}}{self.suffix}"


PERCENT: Final = NumberFormat(".1%", ".0%")
COUNT: Final = NumberFormat(",.0f")


@dataclass(frozen=True)
class ChartContext:
    """One result table and how to name its parts in the question's language."""

    table: ResultTable
    labels: ModelLabels
    model: SemanticModel
    lang: Language

    def say(self, key: str, **parts: object) -> str:
        """A phrase of `WORDS` in the language, with its `{parts}` filled in."""
        return WORDS[self.lang][key].format(**parts)

    def t(self, key: str, **values: object) -> str:
        """The text `key` of the phrasebook's `chart` section in the chart's language."""
        return CHART[self.lang][key].format(**values)

    def metric(self, name: str) -> str:
        return self.labels.metric(name, self.lang)

    def dimension(self, name: str) -> str:
        return self.labels.dimension(name, self.lang)

    def value(self, dimension: str, value: Any) -> str:
        """A dimension value's label; None as "(none)"."""
        if value is None:
            return self.say("none")
        return self.labels.value(dimension, value, self.lang)

    def touchpoint(self, touchpoint_id: Any) -> str:
        """A touchpoint's label; "(exit)" / "(start)" as words of the language."""
        if touchpoint_id is None:
            return self.say("none")
        pseudo = PSEUDO_TOUCHPOINTS[self.lang].get(str(touchpoint_id))
        if pseudo is not None:
            return pseudo
        return self.labels.touchpoint(str(touchpoint_id), self.lang)

    def join(self, names: Iterable[str]) -> str:
        return self.say("and").join(names)

    def range_label(self) -> str | None:
        rng = self.table.time_range
        return None if rng is None else rng.label(self.lang)

    def metric_format(self, name: str, values: Iterable[Any] = ()) -> NumberFormat:
        """The number format of a model metric: %, the model's currency, durations, numbers."""
        spec = self.model.metrics.get(name)
        kind = spec.format if spec is not None else "number"
        if kind == "percent":
            return percent_format(values)
        if kind == "currency":
            code = (self.model.settings.currency or "").upper()
            symbol = CURRENCY_SYMBOLS.get(code, f"{code} " if code else "")
            return NumberFormat(",.0f", prefix=symbol)
        if kind == "duration_minutes":
            return NumberFormat(",.1f", suffix=self.say("min"))
        if kind == "duration_hours":
            return NumberFormat(",.1f", suffix=self.say("h"))
        if kind == "multiple":
            return NumberFormat(",.1f", suffix="×")
        return NumberFormat()


def percent_format(values: Iterable[Any] = ()) -> NumberFormat:
    """Percent ticks: whole percents, or one decimal when every value is under 10%."""
    numbers = [abs(v) for v in numbers_of(values)]
    small = bool(numbers) and max(numbers) < 0.1
    return NumberFormat(".1%", ".1%" if small else ".0%")


def numbers_of(values: Iterable[Any]) -> list[float]:
    """The values that are numbers, as floats (None, NaN and text dropped)."""
    out = []
    for value in values:
        v = json_value(value)
        if isinstance(v, int | float) and not isinstance(v, bool):
            out.append(float(v))
    return out


def num(value: Any) -> float | None:
    """One value as a JSON-safe float, or None."""
    kind = type(value)
    if kind is float:
        return None if value != value else value
    if kind is int:
        return float(value)
    found = numbers_of([value])
    return found[0] if found else None


def unique(labels: Sequence[str]) -> list[str]:
    """Labels made distinct (plotly merges equal categories): repeats get " (2)", " (3)"…"""
    seen: dict[str, int] = {}
    out = []
    for label in labels:
        seen[label] = seen.get(label, 0) + 1
        out.append(label if seen[label] == 1 else f"{label} ({seen[label]})")
    return out


def is_long(labels: Sequence[str]) -> bool:
    """Whether category labels are too long to sit side by side under bars (CJK counts double)."""
    return any(sum(2 if ord(ch) > 0x2E80 else 1 for ch in label) > 16 for label in labels)


def figure(
    ctx: ChartContext,
    data: list[Trace],
    title: str,
    *,
    height: int = HEIGHT,
    legend: bool | None = None,
    **layout: Any,
) -> Figure:
    """A figure with the house layout: short title, the range as subtitle, tight margins."""
    subtitle = ctx.range_label()
    title = grammar(ctx.lang).upper_first(title)
    title_spec: dict[str, Any] = {"text": title, "x": 0.01, "xanchor": "left"}
    title_spec["font"] = {"size": 15}
    if subtitle:
        title_spec["subtitle"] = {"text": subtitle, "font": {"size": 11, "color": "#777"}}
    show_legend = len(data) > 1 if legend is None else legend
    top = (70 if subtitle else 48) + (26 if show_legend else 0)  # the legend sits above the plot
    base: dict[str, Any] = {
        "title": title_spec,
        "height": height,
        "margin": {"l": 10, "r": 20, "t": top, "b": 10, "pad": 2},
        "font": {"family": FONT_FAMILY, "size": 12, "color": "#333"},
        "template": TEMPLATE,
        "showlegend": show_legend,
        "legend": {"orientation": "h", "x": 0, "xanchor": "left", "y": 1.0, "yanchor": "bottom"},
    }
    return {"data": data, "layout": {**base, **layout}}


def value_axis(title: str, fmt: NumberFormat, **extra: Any) -> dict[str, Any]:
    return {"title": {"text": title}, "automargin": True, **fmt.axis(), **extra}


def category_axis(
    title: str, categories: Sequence[str], *, reverse: bool = False
) -> dict[str, Any]:
    """A category axis keeping the given order (first at the top when `reverse`)."""
    axis: dict[str, Any] = {
        "title": {"text": title},
        "type": "category",
        "automargin": True,
        "categoryorder": "array",
        "categoryarray": list(categories),
    }
    if reverse:
        axis["autorange"] = "reversed"
    return axis


def capped(ctx: ChartContext, title: str, total: int, limit: int) -> str:
    """The title, saying "top N" when only the first `limit` of `total` items are drawn."""
    return ctx.say("top", title=title, n=limit) if total > limit else title
