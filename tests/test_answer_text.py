"""`answer_text`: the answer first, numbers formatted, exact dates, the rule used — both languages.

Real plans run on the small demo database (as of Mon 23 Nov 2026: last week = 16–22 Nov 2026);
the expected facts are worked out from the returned rows here, independently of the narrator.
Hand-built tables pin exact sentences (the issue's examples), empty and truncated results.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest

from assistant.answer.narrate import Numbers, answer_text
from assistant.answer.table import ResultTable
from connectors.engine import Engine
from semantic_layer.compile.compiler import compile_plan
from semantic_layer.compile.markov import removal_credits
from semantic_layer.model import demo_model
from semantic_layer.model.labels import ModelLabels
from semantic_layer.model.semantic import SemanticModel
from semantic_layer.plan import parse_plan
from semantic_layer.time import DateRange, Language, TimeContext

AS_OF = date(2026, 11, 23)
LAST_WEEK = DateRange(date(2026, 11, 16), date(2026, 11, 23))
WEEK_BEFORE = DateRange(date(2026, 11, 9), date(2026, 11, 16))
MODEL = demo_model()
LABELS = ModelLabels(MODEL)
EN_ZH: tuple[Language, ...] = ("en", "zh")


@pytest.fixture(scope="module")
def engine(small_demo: Path) -> Iterator[Engine]:
    with Engine(small_demo) as eng:
        yield eng


def run(engine: Engine, plan: dict[str, Any], row_cap: int | None = None) -> ResultTable:
    """Compile and run a plan as the service does (Markov credits added as a `markov` column)."""
    parsed = parse_plan(plan)
    compiled = compile_plan(parsed, MODEL, TimeContext(today=AS_OF))
    sql = compiled.sql()
    assert sql is not None
    result = engine.run(sql, row_cap=row_cap)
    columns, rows = result.columns, [tuple(r) for r in result.rows]
    if "transitions" in compiled.extra:
        transitions = engine.run(compiled.extra["transitions"].sql(dialect="duckdb")).rows
        total = sum(r[columns.index("last_touch")] for r in rows)
        credits = removal_credits(transitions, total)
        columns, rows = (*columns, "markov"), [(*r, credits.get(r[0], 0.0)) for r in rows]
    return ResultTable(
        parsed,
        columns,
        (*result.types, "DOUBLE")[: len(columns)],
        tuple(rows),
        result.truncated,
        compiled.time_range,
        compiled.baseline_range,
    )


def table(
    plan: dict[str, Any], columns: tuple[str, ...], rows: list[tuple[Any, ...]], **kw: Any
) -> ResultTable:
    """A hand-built result for `plan` over last week (baseline: the week before)."""
    return ResultTable(
        parse_plan(plan),
        columns,
        ("DOUBLE",) * len(columns),
        tuple(rows),
        kw.get("truncated", False),
        kw.get("time_range", LAST_WEEK),
        kw.get("baseline_range"),
    )


def text(t: ResultTable, lang: Language, model: SemanticModel = MODEL) -> str:
    return answer_text(t, ModelLabels(model), model, lang)


def with_currency(code: str | None) -> SemanticModel:
    settings = MODEL.spec.settings.model_copy(update={"currency": code})
    return SemanticModel.create(MODEL.spec.model_copy(update={"settings": settings}))


# -- numbers -----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("lang", "method", "value", "expected"),
    [
        ("en", "number", 4812, "4,812"),
        ("en", "number", 1234567, "1,234,567"),
        ("zh", "number", 9930, "9,930"),
        ("zh", "number", 123_456, "12.3万"),
        ("zh", "number", 250_000_000, "2.5亿"),
        ("en", "number", 38.58, "38.6"),
        ("en", "number", 2.834, "2.83"),
        ("en", "number", 252.6, "253"),
        ("en", "number", None, "n/a"),
        ("zh", "number", float("nan"), "无数据"),
        ("en", "percent", 0.4847, "48.5%"),
        ("en", "percent", -0.00001, "0.0%"),
        ("en", "money", 216157.61, "¥216,158"),
        ("en", "money", 252.601, "¥252.60"),
        ("en", "money", -1296.45, "-¥1,296"),
        ("zh", "money", 216157.61, "¥21.6万"),
        ("en", "minutes", 12.5, "12.5 min"),
        ("zh", "minutes", 12.5, "12.5分钟"),
        ("en", "hours", 3.21, "3.2 h"),
        ("zh", "hours", 3.21, "3.2小时"),
        ("en", "elapsed", 0.09125, "5.5 min"),
        ("en", "elapsed", 30, "30.0 h"),
        ("en", "elapsed", 101.75, "4.2 days"),
        ("zh", "elapsed", 101.75, "4.2天"),
        ("en", "signed_percent", -0.107, "-10.7%"),
        ("en", "signed_percent", 1.3346, "+133.5%"),
    ],
)
def test_numbers(lang: Language, method: str, value: Any, expected: str) -> None:
    assert getattr(Numbers.of(MODEL, lang), method)(value) == expected


@pytest.mark.parametrize(
    ("lang", "fmt", "delta", "expected"),
    [
        ("en", "percent", 0.021, "+2.1 pts"),
        ("zh", "percent", -0.1353, "-13.5个百分点"),
        ("en", "currency", 1473.31, "+¥1,473"),
        ("en", "number", -6, "-6"),
        ("en", "number", 0.001, "0"),
        ("en", "duration_minutes", -0.5, "-0.5 min"),
    ],
)
def test_changes(lang: Language, fmt: Any, delta: float, expected: str) -> None:
    assert Numbers.of(MODEL, lang).change(fmt, delta) == expected


@pytest.mark.parametrize(
    ("code", "expected"),
    [("USD", "$216,158"), ("EUR", "€216,158"), ("CHF", "CHF 216,158"), (None, "216,158")],
)
def test_currency_comes_from_the_model(code: str | None, expected: str) -> None:
    model = with_currency(code)
    t = table(
        {"kind": "metric", "metrics": ["revenue"], "time": "last_week"},
        ("revenue",),
        [(216157.61,)],
    )
    assert text(t, "en", model) == f"Revenue was {expected} last week (16–22 Nov 2026)."


# -- the examples, exactly -------------------------------------------------------------
REVENUE_CMP = {
    "kind": "metric",
    "metrics": ["revenue"],
    "time": "last_week",
    "compare": "previous_period",
}
REVENUE_ROW = (216157.61, 242059.02, -25901.41, -0.1070045)
REVENUE_COLS = ("revenue", "revenue__previous", "revenue__change", "revenue__change_pct")


def test_metric_with_comparison_sentence() -> None:
    t = table(REVENUE_CMP, REVENUE_COLS, [REVENUE_ROW], baseline_range=WEEK_BEFORE)
    assert text(t, "en") == (
        "Revenue was ¥216,158 last week (16–22 Nov 2026), down 10.7% from ¥242,059 the week "
        "before (9–15 Nov 2026)."
    )
    assert text(t, "zh") == (
        "上周（2026年11月16日–22日）销售额为 ¥21.6万，较前一周（2026年11月9日–15日）的 ¥24.2万 "
        "下降 10.7%。"
    )


DROPOFF_COLS = (
    "step",
    "touchpoint",
    "reached",
    "conversion",
    "step_conversion",
    "lost",
    "lost_rate",
)


def test_dropoff_sentence() -> None:
    plan = {"kind": "dropoff", "time": "last_week", "limit": 1}
    t = table(plan, DROPOFF_COLS, [(5, "checkout", 9930, 0.3, 0.8, 4812, 4812 / 9930)])
    assert text(t, "en") == (
        "Checkout lost the most users in the purchase journey last week (16–22 Nov 2026): "
        "4,812 of 9,930 who reached it (48.5%) did not go on to payment (purchase) within 7 days."
    )
    assert text(t, "zh") == (
        "上周（2026年11月16日–22日）购买旅程中流失用户最多的触点是结算：到达的 9,930 人中有 "
        "4,812 人（48.5%）在 7 天内未进入下一步支付（购买）。"
    )


def test_lower_is_better_metric_says_improvement() -> None:
    plan = {**REVENUE_CMP, "metrics": ["first_response_time"]}
    cols = tuple(c.replace("revenue", "first_response_time") for c in REVENUE_COLS)
    t = table(plan, cols, [(5.5, 6.0, -0.5, -0.0833)], baseline_range=WEEK_BEFORE)
    assert text(t, "en") == (
        "First response time was 5.5 min last week (16–22 Nov 2026), down 8.3% from 6.0 min the "
        "week before (9–15 Nov 2026), an improvement."
    )
    assert text(t, "zh").endswith("的 6.0分钟 下降 8.3%，有所改善。")


def test_percent_changes_are_in_points_and_hours_have_units() -> None:
    plan = {**REVENUE_CMP, "metrics": ["conversion_rate", "resolution_time"]}
    cols = (
        "conversion_rate", "conversion_rate__previous", "conversion_rate__change",
        "conversion_rate__change_pct", "resolution_time", "resolution_time__previous",
        "resolution_time__change", "resolution_time__change_pct",
    )  # fmt: skip
    row = (0.273, 0.25, 0.023, 0.092, 3.21, 3.0, 0.21, 0.07)
    t = table(plan, cols, [row], baseline_range=WEEK_BEFORE)
    assert text(t, "en") == (
        "Last week (16–22 Nov 2026): conversion rate 27.3% (up 2.3 pts), resolution time 3.2 h "
        "(up 7.0%)."
    )
    assert text(t, "zh") == (
        "上周（2026年11月16日–22日）：转化率 27.3%（上升 2.3个百分点），"
        "解决时长 3.2小时（上升 7.0%）。"
    )


# -- real plans on the small demo ---------------------------------------------------------------
def test_ranking_by_channel_names_top_bottom_and_the_rule(engine: Engine) -> None:
    plan = {
        "kind": "metric",
        "metrics": ["conversion_rate"],
        "dimensions": ["channel"],
        "time": "this_month",
    }
    t = run(engine, plan)
    rows = sorted(t.records(), key=lambda r: -r["conversion_rate"])
    top, second, bottom = rows[0], rows[1], rows[-1]
    pct = Numbers("en").percent
    en = text(t, "en")
    head = LABELS.value("channel", top["d_channel"], "en")
    assert en.startswith(f"{head[0].upper()}{head[1:]} has the highest conversion rate this month ")
    assert "(1–22 Nov 2026)" in en
    assert f": {pct(top['conversion_rate'])}, ahead of " in en
    assert (
        f"{LABELS.value('channel', second['d_channel'], 'en')} ({pct(second['conversion_rate'])})"
        in en
    )
    assert f"is the lowest of the {len(rows)} compared ({pct(bottom['conversion_rate'])})" in en
    assert "counted under the channel of their first touch" in en
    zh = text(t, "zh")
    assert zh.startswith(
        "本月（2026年11月1日–22日）转化率最高的渠道是"
        + LABELS.value("channel", top["d_channel"], "zh")
    )
    assert (
        f"共 {len(rows)} 个渠道，最低的是{LABELS.value('channel', bottom['d_channel'], 'zh')}" in zh
    )
    assert "首次触达" in zh


def test_last_touch_rule_is_named(engine: Engine) -> None:
    plan = {
        "kind": "metric",
        "metrics": ["conversion_rate"],
        "dimensions": ["channel"],
        "time": "this_month",
        "channel_rule": "last_touch",
    }
    assert "of their last touch in the range" in text(run(engine, plan), "en")
    assert "最后一次触达" in text(run(engine, plan), "zh")


def test_counts_broken_down_state_no_user_rule(engine: Engine) -> None:
    plan = {
        "kind": "metric",
        "metrics": ["revenue"],
        "dimensions": ["channel"],
        "time": "last_week",
        "compare": "previous_period",
    }
    t = run(engine, plan)
    moved = [r for r in t.records() if r["revenue__change"] is not None]
    gainer = max(moved, key=lambda r: r["revenue__change"])
    loser = min(moved, key=lambda r: r["revenue__change"])
    en = text(t, "en")
    assert "counted under" not in en
    assert "Compared with the week before (9–15 Nov 2026), " in en
    assert f"{LABELS.value('channel', gainer['d_channel'], 'en')} rose the most (+¥" in en
    assert f"{LABELS.value('channel', loser['d_channel'], 'en')} fell the most (-¥" in en
    assert f"增长最多（+¥{Numbers('zh').number(round(gainer['revenue__change']))}" in text(t, "zh")


def test_time_series_latest_change_and_peak(engine: Engine) -> None:
    plan = {
        "kind": "metric",
        "metrics": ["active_users", "revenue"],
        "time": "last_4_weeks",
        "grain": "week",
    }
    t = run(engine, plan)
    rows = sorted(t.records(), key=lambda r: r["period"])
    first, last = rows[0], rows[-1]
    peak = max(rows, key=lambda r: r["active_users"])
    en = text(t, "en")
    assert en.startswith("Weekly active users over the last 4 weeks (26 Oct – 22 Nov 2026): ")
    assert f"{last['active_users']} in the latest week (week of 16 Nov 2026)" in en
    assert f"from {first['active_users']} in the first (week of 26 Oct 2026)" in en
    assert f"the peak was {peak['active_users']} (week of {peak['period'].day} " in en
    assert f"Latest week: revenue {Numbers.of(MODEL, 'en').money(last['revenue'])}." in en
    assert "最近一周（2026年11月16日当周）为" in text(t, "zh")


def test_single_metric_on_demo(engine: Engine) -> None:
    t = run(engine, REVENUE_CMP)
    revenue = t.records()[0]["revenue"]
    en = text(t, "en")
    assert en.startswith(
        f"Revenue was {Numbers.of(MODEL, 'en').money(revenue)} last week (16–22 Nov 2026), "
    )
    assert "the week before (9–15 Nov 2026)" in en
    assert "较前一周（2026年11月9日–15日）的" in text(t, "zh")


def test_funnel_overall_and_biggest_drop(engine: Engine) -> None:
    t = run(engine, {"kind": "funnel", "time": "last_week"})
    steps = sorted(t.records(), key=lambda r: r["step"])
    entrants, converted = steps[0]["reached"], steps[-1]["reached"]
    worst = max(steps[:-1], key=lambda r: r["lost"])
    nxt = steps[worst["step"]]["touchpoint"]
    en = text(t, "en")
    pct = Numbers("en").percent
    assert en.startswith(
        f"Of {entrants} users who started the purchase journey last week (16–22 Nov 2026), "
    )
    assert (
        f"{converted} reached payment (purchase) within the 7-day window: "
        f"{pct(converted / entrants)} overall." in en
    )
    assert (
        f"The biggest drop was after {LABELS.touchpoint(worst['touchpoint'], 'en')}: "
        f"{worst['lost']} of "
        f"{worst['reached']} who reached it ({pct(worst['lost_rate'])}) did not go on to "
        f"{LABELS.touchpoint(nxt, 'en')}."
    ) in en
    assert (
        f"进入购买旅程的 {entrants} 位用户中，有 {converted} 人在 7 天窗口内到达支付（购买）"
        in text(t, "zh")
    )


def test_funnel_by_segment_best_and_worst(engine: Engine) -> None:
    t = run(engine, {"kind": "funnel", "time": "last_week", "breakdown": "device"})
    segments: dict[str, tuple[int, int]] = {}
    for r in sorted(t.records(), key=lambda r: r["step"]):
        entered = segments.get(r["segment"], (r["reached"], 0))[0]
        segments[r["segment"]] = (entered, r["reached"])
    rates = {s: conv / n for s, (n, conv) in segments.items() if n}
    best, worst = max(rates, key=lambda s: rates[s]), min(rates, key=lambda s: rates[s])
    en = text(t, "en")
    assert en.startswith(
        "Within the 7-day window, conversion through the purchase journey last week"
    )
    assert (
        f"highest for {LABELS.value('device', best, 'en')} ({Numbers('en').percent(rates[best])}"
        in en
    )
    assert (
        f"lowest for {LABELS.value('device', worst, 'en')} ({Numbers('en').percent(rates[worst])}"
        in en
    )
    total_n, total_conv = sum(n for n, _ in segments.values()), sum(c for _, c in segments.values())
    assert f"Overall: {total_conv} of {total_n}" in en
    assert f"合计：{total_n} 人中 {total_conv} 人" in text(t, "zh")


def test_time_to_convert(engine: Engine) -> None:
    t = run(engine, {"kind": "funnel", "time": "last_week", "measure": "time_to_convert"})
    row = t.records()[0]
    num = Numbers("en")
    en = text(t, "en")
    assert en.startswith(
        f"{row['converters']} of {row['entrants']} users who started the purchase journey"
    )
    assert (
        f"median time to convert {num.elapsed(row['median_hours'])}, "
        f"90th percentile {num.elapsed(row['p90_hours'])}." in en
    )
    assert f"转化时长中位数 {Numbers('zh').elapsed(row['median_hours'])}" in text(t, "zh")


def test_dropoff_on_demo_answers_with_the_first_row(engine: Engine) -> None:
    one = run(engine, {"kind": "dropoff", "time": "last_week", "limit": 1})
    every = run(engine, {"kind": "dropoff", "time": "last_week"})
    top = one.records()[0]
    label = LABELS.touchpoint(top["touchpoint"], "en")
    rate = Numbers("en").percent(top["lost_rate"])
    fact = f"{top['lost']} of {top['reached']} who reached it ({rate})"
    for t in (one, every):
        en = text(t, "en")
        assert en.startswith(
            f"{label[0].upper()}{label[1:]} lost the most users in the purchase journey last week"
        )
        assert fact in en
    assert "Next: " in text(every, "en") and "Next: " not in text(one, "en")
    zh_label = LABELS.touchpoint(top["touchpoint"], "zh")
    assert (
        f"流失用户最多的触点是{zh_label}：到达的 {top['reached']} 人中有 {top['lost']} 人"
        in text(one, "zh")
    )


def test_dropoff_by_segment_names_the_segment_of_each_step(engine: Engine) -> None:
    split = run(engine, {"kind": "dropoff", "time": "last_month", "breakdown": "device"})
    top = max(split.records(), key=lambda r: (r["lost"], -r["step"]))
    step = LABELS.touchpoint(top["touchpoint"], "en")
    device = LABELS.value("device", top["segment"], "en")
    en = text(split, "en")
    assert en.startswith(f"{step[0].upper()}{step[1:]} ({device}) lost the most users")
    assert f"{top['lost']} of {top['reached']}" in en
    zh_step = LABELS.touchpoint(top["touchpoint"], "zh")
    assert f"{LABELS.value('device', top['segment'], 'zh')}的{zh_step}" in text(split, "zh")


def test_dropoff_split_into_one_segment_says_everyone_came_through_it(engine: Engine) -> None:
    split = run(engine, {"kind": "dropoff", "time": "last_week", "breakdown": "channel"})
    segments = {r["segment"] for r in split.records()}
    assert len(segments) == 1  # the purchase journey starts with an ad click: paid ads only
    only = LABELS.value("channel", next(iter(segments)), "en")
    assert f"Everyone who started the purchase journey came through {only}." in text(split, "en")
    assert "(" + only + ")" not in text(split, "en").split(".")[0]


def test_paths_next_with_exits(engine: Engine) -> None:
    t = run(engine, {"kind": "paths", "touchpoint": "product_page", "time": "last_week"})
    rows = t.records()
    exits = next(r for r in rows if r["touchpoint"] == "(exit)")
    real = [r for r in rows if not r["touchpoint"].startswith("(")]
    pct = Numbers("en").percent
    en = text(t, "en")
    if rows[0] is exits:
        assert en.startswith(
            "Most visits to product page last week (16–22 Nov 2026) ended the session there: "
            + pct(exits["share"])
        )
        assert (
            f"The most common next step was {LABELS.touchpoint(real[0]['touchpoint'], 'en')} "
            f"({pct(real[0]['share'])})." in en
        )
    else:
        assert en.startswith(
            "Right after product page last week (16–22 Nov 2026), the most common next step "
            f"was {LABELS.touchpoint(real[0]['touchpoint'], 'en')}"
        )
        assert f"{pct(exits['share'])} of visits ended the session at product page." in en
    assert "(exit)" not in en and "(exit)" not in text(t, "zh")
    assert "结束会话" in text(t, "zh")


def test_paths_before_and_top_paths(engine: Engine) -> None:
    before = run(
        engine,
        {"kind": "paths", "touchpoint": "checkout", "direction": "before", "time": "last_week"},
    )
    top = before.records()[0]
    assert text(before, "en").startswith(
        f"Right before checkout last week (16–22 Nov 2026), the most common previous step was "
        f"{LABELS.touchpoint(top['touchpoint'], 'en')}: {Numbers('en').percent(top['share'])}"
    )
    plan = {
        "kind": "paths",
        "touchpoint": "checkout",
        "direction": "before",
        "mode": "top_paths",
        "time": "last_week",
    }
    paths = run(engine, plan)
    best = paths.records()[0]
    shown = " → ".join(LABELS.touchpoint(s, "en") for s in best["path"].split(" → "))
    assert text(paths, "en").startswith(
        f"The most common path before checkout last week (16–22 Nov 2026) was {shown}: "
    )
    assert "结算之前最常见的路径是" in text(paths, "zh")


def test_retention_averages_and_best_cohort(engine: Engine) -> None:
    t = run(engine, {"kind": "retention", "time": "last_4_weeks", "periods": 3})
    rows = t.records()
    week1 = [r for r in rows if r["period"] == 1]
    average = sum(r["retained"] for r in week1) / sum(r["cohort_size"] for r in week1)
    best = max(week1, key=lambda r: r["rate"])
    sizes = {r["cohort"]: r["cohort_size"] for r in rows}
    pct = Numbers("en").percent
    en = text(t, "en")
    assert en.startswith(
        f"{len(sizes)} weekly cohorts over the last 4 weeks (26 Oct – 22 Nov 2026), "
        f"{sum(sizes.values())} users: "
    )
    assert f"on average {pct(average)} came back in week 1" in en
    assert (
        f"The best cohort was week of {best['cohort'].day} " in en
        and f"({pct(best['rate'])} in week 1)" in en
    )
    assert f"第 1 周平均留存 {pct(average)}" in text(t, "zh")


def test_attribution_one_model(engine: Engine) -> None:
    t = run(engine, {"kind": "attribution", "time": "last_month"})
    rows = t.records()
    total = sum(r["last_touch"] for r in rows)
    top = max(rows, key=lambda r: r["last_touch"])
    en = text(t, "en")
    assert en.startswith(
        f"Under last-touch attribution, {LABELS.value('channel', top['key'], 'en')} gets the most "
        "credit "
        f"for purchases last month (October 2026): {Numbers('en').number(top['last_touch'])} of "
        f"{Numbers('en').number(total)} ({Numbers('en').percent(top['last_touch'] / total)})"
    )
    assert "Touches in the 30 days before each conversion count." in en
    assert "末次触点归因" in text(t, "zh")


def test_attribution_markov_and_all(engine: Engine) -> None:
    markov = run(
        engine, {"kind": "attribution", "time": "last_month", "model": "markov", "by": "touchpoint"}
    )
    top = max(markov.records(), key=lambda r: r["markov"])
    assert text(markov, "en").startswith(
        f"Under data-driven (Markov) attribution, {LABELS.touchpoint(top['key'], 'en')} gets the "
        "most credit"
    )
    every = run(engine, {"kind": "attribution", "time": "last_month", "model": "all"})
    en = text(every, "en")
    assert "under every attribution model" in en or "The attribution models disagree" in en
    assert "They differ most on " in en and " under " in en
    assert "数据驱动归因" in text(every, "zh") or "末次触点归因" in text(every, "zh")


def test_drivers_headline_and_top_contributor(engine: Engine) -> None:
    plan = {
        "kind": "drivers",
        "metric": "checkout_conversion",
        "time": "last_week",
        "dimensions": ["channel", "device"],
    }
    t = run(engine, plan)
    rows = t.records()
    lead = max(rows, key=lambda r: abs(r["contribution"]))
    total = lead["contribution"] / lead["share_of_change"]
    points = f"{abs(total) * 100:.1f} pts"
    verb = "fell" if total < 0 else "rose"
    en = text(t, "en")
    assert en.startswith(
        f"Checkout conversion rate {verb} by {points} from the week before (9–15 Nov 2026) to "
        "last week (16–22 Nov 2026)."
    )
    segment = LABELS.value(lead["dimension"], lead["segment"], "en")
    pct = Numbers("en").percent
    # in the chart's unit (points), with the share only when it is a part of the change
    amount = Numbers("en").change("percent", lead["contribution"])
    share = lead["share_of_change"]
    part = f" ({pct(share)} of it)" if 0 < share <= 1 else ""
    assert (
        f"{segment} ({lead['dimension']}) contributed {amount} of the {points} "
        f"{'drop' if total < 0 else 'rise'}{part}"
    ) in en
    assert (
        f"its own checkout conversion rate went from {pct(lead['value_previous'])} to "
        f"{pct(lead['value'])}."
    ) in en
    assert "结账转化率从前一周（2026年11月9日–15日）到上周（2026年11月16日–22日）" in text(t, "zh")


def test_drivers_of_a_median_lists_segments_without_a_false_total(engine: Engine) -> None:
    t = run(engine, {"kind": "drivers", "metric": "first_response_time", "time": "last_month"})
    en = text(t, "en")
    assert en.startswith(
        "The segments whose first response time changed most from the month before"
    )
    assert " min → " in en and "explains" not in en


def test_sql_is_flagged_unverified(engine: Engine) -> None:
    plan = {
        "kind": "sql",
        "sql": "select channel, count(*) as n from events group by 1 order by 2 desc",
        "rationale": "raw counts",
    }
    parsed = parse_plan(plan)
    result = engine.run(plan["sql"])
    t = ResultTable(parsed, result.columns, result.types, tuple(map(tuple, result.rows)))
    first = result.rows[0]
    en = text(t, "en")
    assert en.startswith(
        f"The query returned {len(result.rows)} rows. "
        f"First row: channel = {first[0]}, n = {first[1]:,}."
    )
    assert "Unverified" in en
    assert "未经验证" in text(t, "zh")
    empty = ResultTable(parsed, ("channel",), ("VARCHAR",), ())
    assert text(empty, "en").startswith("The query returned no rows. Unverified")


# -- empty and truncated results -----------------------------------------------------------------
NOPE = [{"dimension": "channel", "op": "=", "values": ["nope"]}]


JOURNEY_EMPTY = ("No users entered the purchase journey", "没有用户进入购买旅程")
EMPTY = [
    (
        {"kind": "metric", "metrics": ["revenue"], "dimensions": ["channel"]},
        "No data matched revenue last week (16–22 Nov 2026).",
        "上周（2026年11月16日–22日）没有符合条件的销售额数据。",
    ),
    (
        {"kind": "funnel"},
        "No users entered the purchase journey last week (16–22 Nov 2026).",
        "上周（2026年11月16日–22日）没有用户进入购买旅程。",
    ),
    ({"kind": "funnel", "measure": "time_to_convert"}, *JOURNEY_EMPTY),
    ({"kind": "dropoff", "limit": 1}, *JOURNEY_EMPTY),
    (
        {"kind": "paths", "touchpoint": "checkout"},
        "No sessions reached checkout last week",
        "没有会话到达结算",
    ),
    (
        {"kind": "attribution"},
        "There were no purchases to attribute last week",
        "没有可归因的购买",
    ),
    (
        {"kind": "drivers", "metric": "orders", "dimensions": ["device"]},
        "There is no orders data to explain a change last week",
        "没有可用于解释订单数变化的数据",
    ),
]


@pytest.mark.parametrize(("plan", "en", "zh"), EMPTY)
def test_empty_results_on_demo(engine: Engine, plan: dict[str, Any], en: str, zh: str) -> None:
    t = run(engine, {**plan, "time": "last_week", "filters": NOPE})
    assert text(t, "en").startswith(en)
    assert "Filter: channel is nope." in text(t, "en")  # journeys also say how people were picked
    assert zh in text(t, "zh")


def test_empty_retention_and_single_value() -> None:
    retention = table(
        {"kind": "retention", "time": "last_week"},
        ("cohort", "cohort_size", "period", "retained", "rate"),
        [],
    )
    assert (
        text(retention, "en") == "No users had a first qualifying event last week (16–22 Nov 2026)."
    )
    assert text(retention, "zh") == "上周（2026年11月16日–22日）没有符合条件的新用户同期群。"
    nothing = table(
        {"kind": "metric", "metrics": ["csat"], "time": "last_week"}, ("csat",), [(None,)]
    )
    assert (
        text(nothing, "en") == "There is no CSAT value last week (16–22 Nov 2026): no data matched."
    )
    assert text(nothing, "zh") == "上周（2026年11月16日–22日）没有客户满意度的数据。"


def test_truncated_table_is_said(engine: Engine) -> None:
    plan = {
        "kind": "metric",
        "metrics": ["revenue"],
        "dimensions": ["channel"],
        "time": "last_week",
    }
    t = run(engine, plan, row_cap=3)
    assert t.truncated
    en = text(t, "en")
    assert en.endswith("The table shows the first 3 rows.")
    assert "is the lowest of" not in en  # the bottom of a cut table is not the bottom
    assert text(t, "zh").endswith("表格仅显示前 3 行。")


def test_ranking_limit_and_ascending_order() -> None:
    plan = {
        "kind": "metric",
        "metrics": ["revenue"],
        "dimensions": ["channel"],
        "time": "last_week",
        "order": {"by": "revenue", "direction": "asc"},
        "limit": 2,
    }
    t = table(plan, ("d_channel", "revenue"), [("store", 597.45), ("app", 744.52)])
    assert text(t, "en") == (
        "Offline stores has the lowest revenue last week (16–22 Nov 2026): ¥597.45, followed by "
        "mobile app (¥744.52)."
    )
    assert (
        text(t, "zh")
        == "上周（2026年11月16日–22日）销售额最低的渠道是线下门店：¥597.45，其次是App（¥744.52）。"
    )


def test_values_and_periods_are_labelled() -> None:
    plan = {
        "kind": "metric",
        "metrics": ["orders"],
        "dimensions": ["campaign"],
        "time": "last_week",
    }
    t = table(plan, ("d_campaign", "orders"), [(None, 21), ("flash_sale", 9), ("newsletter", 2)])
    assert text(t, "en").startswith("(no campaign) has the highest orders")
    assert "flash sale (9)" in text(t, "en") and "限时抢购（9）" in text(t, "zh")
    series = table(
        {"kind": "metric", "metrics": ["orders"], "time": "last_month", "grain": "month"},
        ("period", "orders"),
        [(datetime(2026, 10, 1), 30)],
        time_range=DateRange(date(2026, 10, 1), date(2026, 11, 1)),
    )
    assert text(series, "en") == "Monthly orders last month (October 2026): 30 (October 2026)."


def test_clarify_and_unsupported_say_why() -> None:
    plan = parse_plan({"kind": "unsupported", "reason": "there is no weather data"})
    t = ResultTable(plan, (), (), ())
    assert text(t, "en") == "there is no weather data"
