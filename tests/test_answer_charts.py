"""Chart specs for every result shape, on real results of the small demo and on hand-made tables:
the trace type, the labels in English and Chinese, the order, the number formats."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

import plotly.graph_objects as go  # type: ignore[import-untyped]
import pytest

from assistant.answer.charts import chart_spec
from assistant.answer.charts_paths import path_graph
from assistant.answer.table import ResultTable, json_value
from connectors.engine import Engine
from semantic_layer.compile.compiler import compile_plan
from semantic_layer.model import demo_model
from semantic_layer.model.labels import ModelLabels
from semantic_layer.plan import parse_plan
from semantic_layer.time import Language, TimeContext

AS_OF = date(2026, 11, 23)
MODEL = demo_model()
LABELS = ModelLabels(MODEL)
Run = Callable[..., ResultTable]


@pytest.fixture(scope="module")
def run(small_demo: Path) -> Iterator[Run]:
    """Compile a plan (a dict) for the small demo, run it, and wrap the rows as a ResultTable."""
    ctx = TimeContext(today=AS_OF, timezone=MODEL.settings.timezone)
    with Engine(small_demo) as engine:

        def run_plan(plan: dict[str, Any], **extra: Any) -> ResultTable:
            parsed = parse_plan(plan)
            compiled = compile_plan(parsed, MODEL, ctx)
            sql = compiled.sql() or str(plan["sql"])
            result = engine.run(sql)
            return ResultTable(
                parsed,
                result.columns,
                result.types,
                tuple(tuple(r) for r in result.rows),
                result.truncated,
                compiled.time_range,
                compiled.baseline_range,
            )

        yield run_plan


def spec_of(table: ResultTable, lang: Language = "en") -> dict[str, Any]:
    """The chart, checked to be JSON and to load in plotly."""
    spec = chart_spec(table, LABELS, MODEL, lang)
    assert spec is not None
    assert json.loads(json.dumps(spec)) == spec
    go.Figure(spec)  # raises on any property plotly does not know
    layout = spec["layout"]
    assert layout["font"]["family"].startswith('"Noto Sans CJK SC"')
    assert layout["font"]["family"].endswith("sans-serif")
    assert 240 <= layout["height"] <= 460
    return spec


def hand(
    plan: dict[str, Any], columns: list[str], types: list[str], rows: list[tuple[Any, ...]]
) -> ResultTable:
    return ResultTable(parse_plan(plan), tuple(columns), tuple(types), tuple(rows))


SHAPES: dict[str, tuple[dict[str, Any], list[str]]] = {
    "bar": ({"kind": "metric", "metrics": ["revenue"], "dimensions": ["channel"]}, ["bar"]),
    "line": ({"kind": "metric", "metrics": ["revenue"], "grain": "day"}, ["scatter"]),
    "funnel": ({"kind": "funnel", "time": "last_week"}, ["funnel"]),
    "ttc": ({"kind": "funnel", "time": "last_week", "measure": "time_to_convert"}, ["bar"]),
    "dropoff": ({"kind": "dropoff", "time": "last_week"}, ["bar"]),
    "next": ({"kind": "paths", "touchpoint": "product_page"}, ["bar"]),
    "top": ({"kind": "paths", "touchpoint": "product_page", "mode": "top_paths"}, ["sankey"]),
    "retention": ({"kind": "retention", "time": "last_4_weeks", "periods": 3}, ["heatmap"]),
    "attribution": ({"kind": "attribution", "time": "last_month"}, ["bar"]),
    "drivers": ({"kind": "drivers", "metric": "checkout_conversion"}, ["bar"]),
}


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_every_shape_makes_a_plotly_figure(run: Run, shape: str, lang: Language) -> None:
    plan, types = SHAPES[shape]
    spec = spec_of(run({**plan, "language": lang}), lang)
    assert [t["type"] for t in spec["data"]] == types
    title = spec["layout"]["title"]["text"]
    has_cjk = any("\u4e00" <= ch <= "\u9fff" for ch in title)
    assert has_cjk == (lang == "zh"), title


def test_bar_by_channel_keeps_row_order_with_labels_and_percent(run: Run) -> None:
    table = run({"kind": "metric", "metrics": ["conversion_rate"], "dimensions": ["channel"]})
    en, zh = spec_of(table, "en"), spec_of(table, "zh")
    bar = en["data"][0]
    channels = table.column("d_channel")
    assert bar["orientation"] == "h"  # 9 channels: horizontal, first row on top
    assert en["layout"]["yaxis"]["autorange"] == "reversed"
    assert bar["y"] == [LABELS.value("channel", c, "en") for c in channels]
    assert bar["x"] == pytest.approx(table.column("conversion_rate"))
    assert "offline stores" in bar["y"] and "线下门店" in zh["data"][0]["y"]
    assert en["layout"]["xaxis"]["tickformat"] == ".0%"
    assert en["layout"]["xaxis"]["title"]["text"] == "conversion rate"
    assert zh["layout"]["xaxis"]["title"]["text"] == "转化率"
    assert zh["layout"]["title"]["text"] == "各渠道的转化率"


def test_few_short_categories_stand_as_vertical_bars_with_currency(run: Run) -> None:
    table = run({"kind": "metric", "metrics": ["revenue"], "dimensions": ["device"]})
    spec = spec_of(table, "zh")
    bar = spec["data"][0]
    assert "orientation" not in bar
    assert bar["x"] == [LABELS.value("device", d, "zh") for d in table.column("d_device")]
    assert spec["layout"]["yaxis"]["tickprefix"] == "¥"  # CNY
    assert bar["texttemplate"] == "¥%{y:,.0f}"


def test_time_series_has_a_line_per_metric_and_a_right_axis_for_another_format(run: Run) -> None:
    plan = {"kind": "metric", "metrics": ["active_users", "revenue"], "grain": "week"}
    table = run({**plan, "time": "last_4_weeks"})
    spec = spec_of(table)
    users, revenue = spec["data"]
    assert users["x"] == ["2026-10-26", "2026-11-02", "2026-11-09", "2026-11-16"]
    assert users["y"] == table.column("active_users")
    assert (users["name"], revenue["name"]) == ("active users", "revenue")
    assert revenue["yaxis"] == "y2" and "yaxis" not in users
    assert spec["layout"]["yaxis2"]["tickprefix"] == "¥"
    assert spec["layout"]["xaxis"]["tickvals"] == users["x"]


def test_compared_time_series_draws_the_baseline_dashed(run: Run) -> None:
    plan = {"kind": "metric", "metrics": ["revenue"], "grain": "week", "time": "last_4_weeks"}
    table = run({**plan, "compare": "previous_period"})
    en, zh = spec_of(table, "en"), spec_of(table, "zh")
    current, previous = en["data"]
    assert previous["line"]["dash"] == "dash" and "line" not in current
    assert previous["name"] == "revenue (previous period)"
    assert zh["data"][1]["name"] == "销售额（上期）"
    assert previous["y"] == pytest.approx(table.column("revenue__previous"))


def test_time_series_by_dimension_has_a_line_per_value_biggest_first(run: Run) -> None:
    plan = {"kind": "metric", "metrics": ["revenue"], "grain": "week", "time": "last_4_weeks"}
    table = run({**plan, "dimensions": ["device"]})
    spec = spec_of(table, "zh")
    totals: dict[str, float] = {}
    for rec in table.records():
        totals[rec["d_device"]] = totals.get(rec["d_device"], 0) + rec["revenue"]
    ranked = sorted(totals, key=lambda d: -totals[d])
    assert [t["name"] for t in spec["data"]] == [LABELS.value("device", d, "zh") for d in ranked]
    weeks = {
        d: [json_value(r["period"]) for r in table.records() if r["d_device"] == d] for d in ranked
    }
    assert [t["x"] for t in spec["data"]] == [weeks[d] for d in ranked]  # a missing week: no point


def test_single_number_has_no_chart_but_a_compared_one_is_an_indicator(run: Run) -> None:
    assert chart_spec(run({"kind": "metric", "metrics": ["revenue"]}), LABELS, MODEL, "en") is None
    table = run({"kind": "metric", "metrics": ["revenue"], "compare": "previous_period"})
    (indicator,) = spec_of(table, "zh")["data"]
    assert indicator["type"] == "indicator"
    assert indicator["value"] == pytest.approx(table.column("revenue")[0])
    assert indicator["delta"]["reference"] == pytest.approx(table.column("revenue__previous")[0])
    assert indicator["number"]["prefix"] == "¥" and indicator["title"]["text"] == "销售额"


def test_compared_breakdown_is_grouped_bars_current_vs_previous(run: Run) -> None:
    plan = {"kind": "metric", "metrics": ["revenue"], "dimensions": ["device"]}
    table = run({**plan, "time": "last_week", "compare": "previous_period"})
    spec = spec_of(table, "en")
    current, previous = spec["data"]
    assert spec["layout"]["barmode"] == "group"
    assert (current["name"], previous["name"]) == ("16–22 Nov 2026", "9–15 Nov 2026")
    axis = "y" if current.get("orientation") == "h" else "x"
    values = "x" if axis == "y" else "y"
    assert previous[values] == pytest.approx(table.column("revenue__previous"))
    assert current[values] == pytest.approx(table.column("revenue"))
    devices = [LABELS.value("device", d, "en") for d in table.column("d_device")]
    assert current[axis] == previous[axis] == devices


def test_funnel_steps_in_order_with_chinese_labels(run: Run) -> None:
    table = run({"kind": "funnel", "time": "last_week", "language": "zh"})
    (funnel,) = spec_of(table, "zh")["data"]
    assert funnel["y"][:3] == ["广告点击", "落地页", "商品详情页"]
    assert funnel["x"] == table.column("reached")
    assert funnel["textinfo"] == "value+percent initial"


def test_funnel_by_segment_is_one_trace_per_segment(run: Run) -> None:
    table = run({"kind": "funnel", "time": "last_week", "breakdown": "device"})
    spec = spec_of(table, "en")
    names = [t["name"] for t in spec["data"]]
    assert names == [
        LABELS.value("device", s, "en") for s in dict.fromkeys(table.column("segment"))
    ]
    assert all(t["type"] == "funnel" and t["y"][0] == "ad click" for t in spec["data"])
    assert spec["layout"]["title"]["text"] == "Purchase journey funnel by device"


def test_time_to_convert_bars_median_mean_p90(run: Run) -> None:
    table = run({"kind": "funnel", "time": "last_week", "measure": "time_to_convert"})
    en, zh = spec_of(table, "en"), spec_of(table, "zh")
    assert en["data"][0]["x"] == ["median", "mean", "90th percentile"]
    assert zh["data"][0]["x"] == ["中位数", "平均", "P90"]
    row = table.records()[0]
    assert en["data"][0]["y"] == pytest.approx(
        [row["median_hours"], row["mean_hours"], row["p90_hours"]]
    )
    assert zh["layout"]["yaxis"]["ticksuffix"] == " 小时"


def test_dropoff_bars_lost_in_ranked_order_with_the_rate(run: Run) -> None:
    table = run({"kind": "dropoff", "time": "last_week"})
    (bar,) = spec_of(table, "zh")["data"]
    assert bar["x"] == table.column("lost")
    assert bar["x"] == sorted(bar["x"], reverse=True)
    assert bar["y"][0] == LABELS.touchpoint(table.column("touchpoint")[0], "zh")
    assert bar["customdata"] == pytest.approx(table.column("lost_rate"))


def test_paths_next_names_the_exit_in_the_language(run: Run) -> None:
    table = run({"kind": "paths", "touchpoint": "product_page", "time": "last_week"})
    en, zh = spec_of(table, "en"), spec_of(table, "zh")
    assert "(exit)" in table.column("touchpoint")
    assert "exit" in en["data"][0]["y"] and "离开" in zh["data"][0]["y"]
    assert en["data"][0]["x"] == table.column("occurrences")
    assert en["layout"]["title"]["text"] == "What users do after product page"


def test_start_pseudo_touchpoint_is_a_word() -> None:
    plan = {"kind": "paths", "touchpoint": "checkout", "direction": "before"}
    rows = [("(start)", 5, 5, 0.5), ("(entry)", 3, 3, 0.3), ("cart_view", 2, 2, 0.2)]
    table = hand(
        plan,
        ["touchpoint", "occurrences", "users", "share"],
        ["VARCHAR", "BIGINT", "BIGINT", "DOUBLE"],
        rows,
    )
    assert spec_of(table, "en")["data"][0]["y"][:2] == ["start", "entry"]
    assert spec_of(table, "zh")["data"][0]["y"][:2] == ["进入", "进入 (2)"]


def test_top_paths_sankey_conserves_every_occurrence(run: Run) -> None:
    table = run(
        {"kind": "paths", "touchpoint": "product_page", "time": "last_week", "mode": "top_paths"}
    )
    (sankey,) = spec_of(table, "zh")["data"]
    labels, link = sankey["node"]["label"], sankey["link"]
    anchor = labels.index("商品详情页")
    out_of_anchor = sum(
        v for s, v in zip(link["source"], link["value"], strict=True) if s == anchor
    )
    assert out_of_anchor == sum(table.column("occurrences"))
    assert "离开" in labels and labels.count("离开") >= 2  # exits at two depths are two nodes


def test_path_graph_splits_repeated_touchpoints_by_depth() -> None:
    graph = path_graph([("a → b → a", 5.0), ("a → b", 2.0), ("a", 1.0)], depth=3, after=True)
    assert set(graph.nodes) == {(0, "a"), (1, "b"), (2, "a"), (2, "(exit)"), (1, "(exit)")}
    assert all(src[0] < dst[0] for src, dst in _edges(graph))  # left to right: no cycles
    a0, b1 = graph.nodes[(0, "a")], graph.nodes[(1, "b")]
    assert graph.links[(a0, b1)] == 7.0
    before = path_graph([("x → y → c", 4.0), ("y → c", 1.0)], depth=3, after=False)
    assert set(before.nodes) == {(0, "x"), (1, "y"), (2, "c"), (0, "(entry)")}


def _edges(graph: Any) -> list[tuple[tuple[int, str], tuple[int, str]]]:
    key = {i: k for k, i in graph.nodes.items()}
    return [(key[s], key[t]) for s, t in graph.links]


def test_retention_heatmap_cohorts_by_period(run: Run) -> None:
    table = run({"kind": "retention", "time": "last_4_weeks", "periods": 3})
    en, zh = spec_of(table, "en"), spec_of(table, "zh")
    heat = en["data"][0]
    assert heat["x"] == ["week 0", "week 1", "week 2", "week 3"]
    assert zh["data"][0]["x"][0] == "第0周"
    assert heat["y"][0].startswith("2026-10-26 (")
    assert len(heat["z"]) == 4 and heat["z"][0][0] == 1.0
    assert heat["z"][3][1] is None and heat["text"][3][1] == ""  # not yet observed
    assert heat["text"][0][0] == "100%" and en["layout"]["yaxis"]["autorange"] == "reversed"
    assert heat["colorbar"]["tickformat"] == ".0%"


def test_attribution_one_model_or_every_model_present(run: Run) -> None:
    one = spec_of(run({"kind": "attribution", "time": "last_month"}), "zh")
    assert [t["name"] for t in one["data"]] == ["末次触点"]
    table = run({"kind": "attribution", "time": "last_month", "model": "all"})
    markov = ResultTable(
        table.plan,
        (*table.columns, "markov"),
        (*table.types, "DOUBLE"),
        tuple((*row, 1.0) for row in table.rows),
        time_range=table.time_range,
    )
    names = [t["name"] for t in spec_of(markov, "en")["data"]]
    assert names == [
        "first touch",
        "last touch",
        "linear",
        "time decay",
        "position-based",
        "data-driven (Markov)",
    ]
    bar = spec_of(markov, "en")["data"][0]
    assert bar["y"] == [LABELS.value("channel", k, "en") for k in table.column("key")]


def test_drivers_horizontal_contributions_colored_by_direction(run: Run) -> None:
    plan = {"kind": "drivers", "metric": "checkout_conversion", "dimensions": ["channel", "device"]}
    table = run({**plan, "time": "last_week"})
    spec = spec_of(table, "zh")
    (bar,) = spec["data"]
    first = table.records()[0]
    assert bar["orientation"] == "h"
    dim = first["dimension"]
    expected = f"{LABELS.dimension(dim, 'zh')}：{LABELS.value(dim, first['segment'], 'zh')}"
    assert bar["y"][0] == expected
    assert bar["x"] == pytest.approx(table.column("contribution"))
    colors = bar["marker"]["color"]
    assert all((c == "#2e8b57") == (x >= 0) for c, x in zip(colors, bar["x"], strict=True))
    assert spec["layout"]["xaxis"]["tickformat"] in (".0%", ".1%")


def test_sql_results_bar_line_or_nothing() -> None:
    sql = {"kind": "sql", "sql": "select 1", "rationale": "outside the layer"}
    bar = hand(
        sql, ["city", "revenue"], ["VARCHAR", "DOUBLE"], [("Shanghai", 3.0), ("Beijing", 2.0)]
    )
    spec = spec_of(bar, "zh")
    assert spec["data"][0]["x"] == ["Shanghai", "Beijing"] and spec["data"][0]["type"] == "bar"
    assert spec["layout"]["yaxis"]["title"]["text"] == "销售额"  # a model metric's label
    days = [(datetime(2026, 11, d), float(d)) for d in (3, 1, 2)]
    line = spec_of(hand(sql, ["day", "n"], ["TIMESTAMP", "BIGINT"], days))
    assert line["data"][0]["x"] == ["2026-11-01", "2026-11-02", "2026-11-03"]
    assert line["data"][0]["y"] == [1.0, 2.0, 3.0]
    many = hand(sql, ["a", "b", "n"], ["VARCHAR", "VARCHAR", "BIGINT"], [("x", "y", 1)])
    assert chart_spec(many, LABELS, MODEL, "en") is None


def test_many_categories_are_capped_and_the_title_says_so() -> None:
    plan = {"kind": "metric", "metrics": ["complaint_rate"], "dimensions": ["city"]}
    rows = [(f"city {i}", 0.05 - i / 1000) for i in range(30)]
    spec = spec_of(hand(plan, ["d_city", "complaint_rate"], ["VARCHAR", "DOUBLE"], rows))
    assert len(spec["data"][0]["y"]) == 20 and spec["data"][0]["y"][0] == "city 0"
    assert spec["layout"]["title"]["text"].endswith("(top 20)")
    assert spec["layout"]["xaxis"]["tickformat"] == ".1%"  # every value under 10%


def test_no_chart_for_empty_results_or_plans_without_rows() -> None:
    plan = {"kind": "metric", "metrics": ["revenue"], "dimensions": ["channel"]}
    assert (
        chart_spec(
            hand(plan, ["d_channel", "revenue"], ["VARCHAR", "DOUBLE"], []), LABELS, MODEL, "en"
        )
        is None
    )
    clarify = {
        "kind": "clarify",
        "reason": "which one",
        "choices": [{"label": "a", "question": "a?"}, {"label": "b", "question": "b?"}],
    }
    assert chart_spec(hand(clarify, ["x"], ["VARCHAR"], [("a",)]), LABELS, MODEL, "en") is None
