"""Charts of paths plans: bars of the next (previous) touchpoint, a Sankey of the top paths."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Final

from assistant.answer.charts_bars import Series, bar_figure
from assistant.answer.charts_base import (
    COLORS,
    COUNT,
    MAX_BARS,
    MUTED,
    PSEUDO_TOUCHPOINTS,
    ChartContext,
    Figure,
    Trace,
    capped,
    figure,
    num,
)
from semantic_layer.plan import PathsPlan

ARROW: Final = " → "
MAX_PATHS: Final = 20
EXIT, ENTRY = "(exit)", "(entry)"


def paths_chart(ctx: ChartContext) -> Figure | None:
    """Bars for `next`, a Sankey for `top_paths`."""
    plan = ctx.table.plan
    assert isinstance(plan, PathsPlan)
    if not ctx.table.rows:
        return None
    if plan.mode == "top_paths" and ctx.table.has("path"):
        return _sankey(ctx, plan)
    if not ctx.table.has("touchpoint"):
        return None
    return _next(ctx, plan)


def _next(ctx: ChartContext, plan: PathsPlan) -> Figure:
    """Occurrences of each next (previous) touchpoint in row order, the share as text."""
    records = ctx.table.records()
    anchor = ctx.touchpoint(plan.touchpoint)
    if plan.direction == "after":
        title = ctx.t("paths_what_users_do_after", anchor=anchor)
    else:
        title = ctx.t("paths_what_users_do_before", anchor=anchor)
    cats = [ctx.touchpoint(r["touchpoint"]) for r in records]
    share = {
        "customdata": [num(r.get("share")) for r in records],
        "texttemplate": "%{customdata:.0%}",
        "hovertemplate": "%{y}: %{x:,.0f} (%{customdata:.1%})<extra></extra>",
        "marker": {"color": [MUTED if r["touchpoint"] in PSEUDO_TOUCHPOINTS[ctx.lang] else COLORS[0]
                             for r in records][:MAX_BARS]},
    }  # fmt: skip
    occurrences = ctx.t("paths_occurrences")
    series = [Series(occurrences, ctx.table.column("occurrences"), share)]
    return bar_figure(
        ctx, cats, series, title=title, category_title="", value_title=occurrences, fmt=COUNT,
        horizontal=True,
    )  # fmt: skip


@dataclass
class _Graph:
    """Sankey nodes keyed by (column, touchpoint) so a touchpoint seen at two depths is two
    nodes (no cycles), and links summed per (source, target)."""

    nodes: dict[tuple[int, str], int] = field(default_factory=dict)
    links: dict[tuple[int, int], float] = field(default_factory=dict)

    def node(self, column: int, touchpoint: str) -> int:
        return self.nodes.setdefault((column, touchpoint), len(self.nodes))

    def link(self, a: tuple[int, str], b: tuple[int, str], value: float) -> None:
        key = (self.node(*a), self.node(*b))
        self.links[key] = self.links.get(key, 0.0) + value


def path_graph(paths: Sequence[tuple[str, float]], depth: int, after: bool) -> _Graph:
    """The graph of `paths` ("a → b → c", occurrences). After the anchor, paths start at column
    0; before it they end at column `depth - 1`. A path shorter than `depth` stopped at the
    session's end (start): it gets an exit (entry) node, so every occurrence flows through."""
    graph = _Graph()
    for path, count in paths:
        steps = [s.strip() for s in path.split(ARROW.strip()) if s.strip()]
        first = 0 if after else depth - len(steps)
        columns = [(first + i, s) for i, s in enumerate(steps)]
        if len(steps) < depth:
            if after:
                columns.append((first + len(steps), EXIT))
            else:
                columns.insert(0, (first - 1, ENTRY))
        for a, b in pairwise(columns):
            graph.link(a, b, count)
    return graph


def _sankey(ctx: ChartContext, plan: PathsPlan) -> Figure | None:
    records = ctx.table.records()[:MAX_PATHS]
    paths = [(str(r["path"]), num(r["occurrences"]) or 0.0) for r in records if r["path"]]
    depth = max(plan.depth, *(len(p.split(ARROW.strip())) for p, _ in paths)) if paths else 0
    graph = path_graph(paths, depth, plan.direction == "after")
    if not graph.links:
        return None
    keys = sorted(graph.nodes, key=graph.nodes.__getitem__)
    palette = {
        tp: COLORS[i % len(COLORS)] for i, tp in enumerate(dict.fromkeys(t for _, t in keys))
    }
    node_colors = [MUTED if tp in (EXIT, ENTRY) else palette[tp] for _, tp in keys]
    sources, targets = zip(*graph.links, strict=True)
    trace: Trace = {
        "type": "sankey",
        "arrangement": "snap",
        "valueformat": ",.0f",
        "node": {
            "label": [ctx.touchpoint(tp) for _, tp in keys],
            "color": node_colors,
            "pad": 14,
            "thickness": 14,
            "line": {"width": 0},
        },
        "link": {
            "source": list(sources),
            "target": list(targets),
            "value": list(graph.links.values()),
            "color": [_fade(node_colors[s]) for s in sources],
        },
    }
    anchor = ctx.touchpoint(plan.touchpoint)
    if plan.direction == "after":
        title = ctx.t("paths_top_paths_after", anchor=anchor)
    else:
        title = ctx.t("paths_top_paths_before", anchor=anchor)
    title = capped(ctx, title, len(ctx.table.rows), MAX_PATHS)
    return figure(ctx, [trace], title, height=440, legend=False)


def _fade(color: str, alpha: float = 0.35) -> str:
    """`#rrggbb` as a translucent `rgba(...)` for links."""
    r, g, b = (int(color[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgba({r},{g},{b},{alpha})"


__all__ = ["path_graph", "paths_chart"]
