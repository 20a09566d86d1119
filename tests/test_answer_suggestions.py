"""`suggestions`: 2–3 follow-ups per answer, in the question's language, that the embedded planner
reads back into the intended plans, chosen by plan kind and result, never repeating a breakdown.

Plans run on the small demo (as of Mon 23 Nov 2026) so result-driven picks (the touchpoint that
lost the most users, the most common next step, the segment that explains a change) are real.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from assistant.answer.narrate import suggestions, time_words
from assistant.answer.table import ResultTable
from assistant.nlu.planner import EmbeddedPlanner
from connectors.engine import Engine
from semantic_layer.compile.compiler import compile_plan
from semantic_layer.model import demo_model
from semantic_layer.model.labels import ModelLabels
from semantic_layer.plan import QueryPlan, parse_plan
from semantic_layer.time import Language, TimeContext, TimeSpec, resolve

AS_OF = date(2026, 11, 23)
CTX = TimeContext(today=AS_OF)
MODEL = demo_model()
LABELS = ModelLabels(MODEL)
PLANNER = EmbeddedPlanner(MODEL)
LANGS: tuple[Language, ...] = ("en", "zh")

PLANS: dict[str, dict[str, Any]] = {
    "metric": {"kind": "metric", "metrics": ["revenue"], "time": "last_week"},
    "metric_by": {
        "kind": "metric",
        "metrics": ["conversion_rate"],
        "dimensions": ["channel"],
        "time": "this_month",
    },
    "series": {"kind": "metric", "metrics": ["revenue"], "time": "last_4_weeks", "grain": "week"},
    "funnel": {"kind": "funnel", "time": "last_week"},
    "funnel_by": {"kind": "funnel", "time": "last_week", "breakdown": "device"},
    "ttc": {"kind": "funnel", "time": "last_week", "measure": "time_to_convert"},
    "dropoff": {"kind": "dropoff", "time": "last_week", "limit": 1},
    "paths": {"kind": "paths", "touchpoint": "checkout", "time": "last_week"},
    "top_paths": {
        "kind": "paths",
        "touchpoint": "checkout",
        "time": "last_week",
        "mode": "top_paths",
    },
    "retention": {"kind": "retention", "time": "last_4_weeks", "periods": 3},
    "attribution": {"kind": "attribution", "time": "last_month"},
    "attribution_all": {"kind": "attribution", "time": "last_month", "model": "all"},
    "drivers": {
        "kind": "drivers",
        "metric": "checkout_conversion",
        "time": "last_week",
        "dimensions": ["channel", "device"],
    },
}


@pytest.fixture(scope="module")
def results(small_demo: Path) -> Iterator[dict[str, ResultTable]]:
    out = {}
    with Engine(small_demo) as engine:
        for name, raw in PLANS.items():
            plan = parse_plan(raw)
            compiled = compile_plan(plan, MODEL, CTX)
            sql = compiled.sql()
            assert sql is not None
            r = engine.run(sql)
            out[name] = ResultTable(
                plan,
                r.columns,
                r.types,
                tuple(map(tuple, r.rows)),
                r.truncated,
                compiled.time_range,
                compiled.baseline_range,
            )
    yield out


def suggest(t: ResultTable, lang: Language) -> list[str]:
    plan = t.plan.model_copy(update={"language": lang})
    return suggestions(plan, MODEL, lang, t)


def read(question: str, previous: QueryPlan | None = None) -> QueryPlan:
    return PLANNER.plan(question, CTX, previous).plan


def get(plan: QueryPlan, field: str) -> Any:
    """A field of whichever plan kind the planner returned (None when it has no such field)."""
    return getattr(plan, field, None)


def has_cjk(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


@pytest.mark.parametrize("name", list(PLANS))
@pytest.mark.parametrize("lang", LANGS)
def test_two_or_three_in_the_language_and_understood(
    results: dict[str, ResultTable], name: str, lang: Language
) -> None:
    t = results[name]
    found = suggest(t, lang)
    assert 2 <= len(found) <= 3
    assert len(set(found)) == len(found)
    assert found == suggest(t, lang)  # deterministic
    for question in found:
        assert has_cjk(question) == (lang == "zh"), question
        for previous in (None, t.plan):  # typed fresh, or clicked after this answer
            plan = read(question, previous)
            assert plan.kind not in ("clarify", "unsupported"), question
            assert plan.language == lang


def test_after_dropoff_follow_the_losing_touchpoint(results: dict[str, ResultTable]) -> None:
    t = results["dropoff"]
    top = t.records()[0]["touchpoint"]
    en, zh = suggest(t, "en"), suggest(t, "zh")
    assert en[0] == f"what do users do after {LABELS.touchpoint(top, 'en')} last week?"
    assert zh[0] == f"上周用户在{LABELS.touchpoint(top, 'zh')}之后做了什么？"
    plans = [read(q) for q in en]
    assert any(p.kind == "paths" and get(p, "touchpoint") == top for p in plans)
    assert any(p.kind == "funnel" and get(p, "breakdown") == "device" for p in plans)


def test_after_metric_by_channel_trend_and_why(results: dict[str, ResultTable]) -> None:
    en = suggest(results["metric_by"], "en")
    assert en[:2] == [
        "conversion rate by channel by week this month to date",
        "why did conversion rate change this month to date?",
    ]
    plans = [read(q) for q in en]
    assert [p.kind for p in plans] == ["metric", "drivers", "metric"]
    assert get(plans[0], "grain") == "week"
    assert get(plans[2], "dimensions") == ["device"]
    assert suggest(results["metric_by"], "zh")[1] == "本月至今转化率为什么变化？"


@pytest.mark.parametrize("name", ["metric", "metric_by", "series", "funnel_by"])
def test_never_the_same_breakdown_again(results: dict[str, ResultTable], name: str) -> None:
    t = results[name]
    own = set(getattr(t.plan, "dimensions", []) or [getattr(t.plan, "breakdown", None)]) - {None}
    for lang in LANGS:
        for question in suggest(t, lang):
            plan = read(question, t.plan)
            if plan.kind == "metric" and plan.grain is None:
                assert not own & set(plan.dimensions), question
            if plan.kind == "funnel":
                assert plan.breakdown not in own, question


def test_suggestions_differ_by_kind(results: dict[str, ResultTable]) -> None:
    kinds = ["metric", "funnel", "dropoff", "paths", "retention", "attribution", "drivers"]
    sets = {k: set(suggest(results[k], "en")) for k in kinds}
    for i, a in enumerate(kinds):
        for b in kinds[i + 1 :]:
            assert sets[a] != sets[b], (a, b)
    read_kinds = {k: {read(q).kind for q in sets[k]} for k in kinds}
    assert "paths" in read_kinds["dropoff"] and "paths" in read_kinds["paths"]
    assert "drivers" in read_kinds["metric"]
    assert "retention" in read_kinds["retention"]
    assert "attribution" in read_kinds["attribution"]


def test_paths_follow_the_most_common_next_step(results: dict[str, ResultTable]) -> None:
    t = results["paths"]
    real = [r for r in t.records() if not r["touchpoint"].startswith("(")]
    nxt = max(real, key=lambda r: r["occurrences"])["touchpoint"]
    en = suggest(t, "en")
    assert en[0] == f"what do users do after {LABELS.touchpoint(nxt, 'en')} last week?"
    assert {get(read(q), "direction") for q in en} == {"after", "before"}
    assert "top_paths" in {get(read(q), "mode") for q in en}
    assert "top_paths" not in {get(read(q), "mode") for q in suggest(results["top_paths"], "en")}


def test_drivers_break_down_by_the_dimension_that_explains_most(
    results: dict[str, ResultTable],
) -> None:
    t = results["drivers"]
    lead = max(t.records(), key=lambda r: abs(r["contribution"]))
    zh_dim = LABELS.dimension(lead["dimension"], "zh")
    assert suggest(t, "zh")[0] == f"上周各{zh_dim}的结账转化率"
    first = read(suggest(t, "en")[0])
    assert first.kind == "metric" and first.dimensions == [lead["dimension"]]
    assert suggest(t, "en")[1] == "weekly checkout conversion rate over the last 8 weeks"


def test_attribution_compares_models_and_switches_grouping(results: dict[str, ResultTable]) -> None:
    one, every = suggest(results["attribution"], "en"), suggest(results["attribution_all"], "en")
    assert get(read(one[0]), "model") == "all" and get(read(one[1]), "by") == "touchpoint"
    assert get(read(every[0]), "model") == "markov"
    top = max(results["attribution"].records(), key=lambda r: r["last_touch"])["key"]
    cohort = read(one[2])
    assert cohort.kind == "retention"
    assert cohort.filters[0].values == [top]


def test_retention_switches_grain_and_cohort(results: dict[str, ResultTable]) -> None:
    zh = suggest(results["retention"], "zh")
    assert zh[0] == "每月留存"
    plans = [read(q) for q in zh]
    assert get(plans[0], "cohort_grain") == "month"
    assert plans[1].kind == "retention" and get(plans[1], "filters")


@pytest.mark.parametrize("lang", LANGS)
def test_sql_and_clarify_offer_verified_questions(lang: Language) -> None:
    sql = parse_plan({"kind": "sql", "sql": "select 1", "rationale": "outside the layer"})
    found = suggestions(sql, MODEL, lang)
    assert 2 <= len(found) <= 3
    assert all(has_cjk(q) == (lang == "zh") for q in found)
    verified = {q for vq in MODEL.spec.verified_queries for q in vq.questions}
    assert set(found) <= verified


@pytest.mark.parametrize(
    ("spec", "lang", "expected"),
    [
        ("last_week", "en", "last week"),
        ("last_week", "zh", "上周"),
        ("2026-10", "en", "in October 2026"),
        ("2026-10-03", "en", "on 2026-10-03"),
        (
            {"kind": "between", "first": "2026-10-03", "last": "2026-10-09"},
            "zh",
            "2026-10-03至2026-10-09",
        ),
        (
            {"kind": "range", "start": "2026-10-03", "end": "2026-10-10"},
            "en",
            "from 2026-10-03 to 2026-10-09",
        ),
    ],
)
def test_time_words_read_back_to_the_same_range(spec: Any, lang: Language, expected: str) -> None:
    parsed = TimeSpec.parse(spec)
    assert time_words(parsed, lang) == expected
    question = ("revenue by channel " + expected) if lang == "en" else (expected + "各渠道的销售额")
    assert resolve(get(read(question), "time"), CTX) == resolve(parsed, CTX)
