"""Small charts for alerts and digest cards: the recent periods as a line, the expected range as
a band, the latest period as a dot (red when worse, green when better). A plotly figure spec like
every answer's chart, so the chat shows it and `render_png` makes the bots' image."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Final

from assistant.answer.charts_base import BAD, COLORS, FONT_FAMILY, GOOD, MUTED, TEMPLATE
from assistant.watches.detect import Finding, Point

SMALL: Final = {"width": 480, "height": 240}


def spark(
    points: Sequence[Point],
    *,
    title: str,
    percent: bool,
    band: tuple[float, float] | None = None,
    worse: bool | None = None,
) -> dict[str, Any]:
    """A small line chart of `points`; `band` shades the expected range."""
    shown = [p for p in points if p.value is not None]
    xs = [p.start.isoformat() for p in shown]
    ys = [p.value for p in shown]
    data: list[dict[str, Any]] = []
    if band is not None and xs:
        low, high = band
        data.append({
            "type": "scatter", "x": [xs[0], xs[-1], xs[-1], xs[0]], "y": [low, low, high, high],
            "fill": "toself", "fillcolor": "rgba(154,160,166,0.18)", "line": {"width": 0},
            "hoverinfo": "skip", "showlegend": False, "mode": "lines",
        })  # fmt: skip
    data.append({"type": "scatter", "mode": "lines+markers", "x": xs, "y": ys,
                 "line": {"color": COLORS[0], "width": 2}, "marker": {"size": 5},
                 "showlegend": False})  # fmt: skip
    if xs:
        color = MUTED if worse is None else (BAD if worse else GOOD)
        data.append({"type": "scatter", "mode": "markers", "x": xs[-1:], "y": ys[-1:],
                     "marker": {"size": 11, "color": color}, "showlegend": False})  # fmt: skip
    layout = {
        "template": TEMPLATE, "title": {"text": title, "font": {"size": 14}},
        "font": {"family": FONT_FAMILY, "size": 11}, "margin": {"l": 50, "r": 16, "t": 40, "b": 36},
        "height": SMALL["height"], "xaxis": {"type": "date", "tickformat": "%m-%d"},
        "yaxis": {"tickformat": ".0%" if percent else ",.4~g", "rangemode": "tozero"},
    }  # fmt: skip
    return {"data": data, "layout": layout}


def band_of(finding: Finding) -> tuple[float, float] | None:
    """The expected range of a judged period, for the chart's band."""
    if finding.low is None or finding.high is None:
        return None
    return finding.low, finding.high


__all__ = ["SMALL", "band_of", "spark"]
