"""Watches on the demo data's planted stories (docs/demo-data.md): the iOS checkout incident and
the South service slowdown fire, the weeks before do not, and flat metrics never fire in 400
days. Questions are planned by the service, as a user's would be."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest

from assistant.config import AssistantConfig
from assistant.service import AssistantService
from assistant.watches import Destination, Rule, Subscription, scan
from assistant.watches.evaluate import latest_period, run_watch
from assistant.watches.series import series
from assistant.watches.target import target_of
from connectors.demo import stories
from semantic_layer.plan import parse_plan

AS_OF = date(2026, 11, 23)
STORIES = {s.id: s for s in stories(AS_OF)}


@pytest.fixture(scope="module")
def service(
    watch_demo: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[AssistantService]:
    home = tmp_path_factory.mktemp("watch-home")
    config = AssistantConfig(db=watch_demo, home=home, retrieval=False, as_of=AS_OF)
    with AssistantService.open(config) as opened:
        yield opened


def watch(service: AssistantService, question: str, grain: str = "week") -> Subscription:
    answer = service.ask(question)
    assert answer.error is None, answer.text
    return Subscription(
        id="w1", kind="watch", owner="test", role=None, grain=grain,  # type: ignore[arg-type]
        destinations=(Destination.parse("webhook:http://127.0.0.1:9/x"),),
        language=answer.language, created_at="", question=question, plan=answer.plan,
    )  # fmt: skip


def test_checkout_conversion_fires_for_the_ios_incident_week_only(
    service: AssistantService, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TPA_PUBLIC_URL", "https://tpa.example.test/")
    sub = watch(service, "checkout conversion")
    incident = STORIES["checkout_incident"]
    week = latest_period(service.time_context(), "week")
    assert week == incident.start
    found = run_watch(service, sub, week)
    assert found["status"] == "alert" and found["direction"] == "down" and found["z"] <= -3.5
    assert found["since"] == incident.start.isoformat()
    before = [run_watch(service, sub, week - timedelta(weeks=k))["status"] for k in range(1, 9)]
    assert before == ["normal"] * 8
    text = found["text"]["en"]
    for part in ("74.", "expected", "robust standard deviations below", "since", "Why:", "iOS"):
        assert part in text, (part, text)
    assert "稳健标准差" in found["text"]["zh"] and "iOS" in found["text"]["zh"]
    drivers = found["drivers"]["en"]
    stored = service.store.answer(drivers["answer_id"])
    assert stored.plan is not None and stored.plan["kind"] == "drivers"
    assert stored.plan["metric"] == "checkout_conversion"
    for lang in ("en", "zh"):  # the question in the alert asks the same why, in the chat
        asked = service.ask(found["drivers"][lang]["question"])
        assert asked.plan is not None and asked.plan["kind"] == "drivers", asked.text
        assert asked.plan["metric"] == "checkout_conversion" and asked.language == lang
        assert asked.time_range is not None and asked.time_range.start == date(2026, 11, 16)
        url = found["drivers"][lang]["url"]
        assert url.startswith("https://tpa.example.test/?q=") and url in found["text"][lang]


def test_south_service_slowdown_fires_on_first_response_time(service: AssistantService) -> None:
    sub = watch(service, "first response time in the South region")
    assert sub.plan is not None and sub.plan["filters"][0]["values"] == ["South"]
    found = run_watch(service, sub, latest_period(service.time_context(), "week"))
    assert found["status"] == "alert" and found["direction"] == "up" and found["worse"]
    assert found["since"] == STORIES["south_service_slowdown"].start.isoformat()
    assert "min" in found["text"]["en"] and "分钟" in found["text"]["zh"]


def test_other_regions_first_response_time_stays_quiet(service: AssistantService) -> None:
    sub = watch(service, "first response time in the East region")
    assert run_watch(service, sub, latest_period(service.time_context(), "week"))["status"] == (
        "normal"
    )


def fired_over_400_days(service: AssistantService, question: str, grain: str) -> list[date]:
    target = target_of(parse_plan(service.ask(question).plan or {}), service.model)
    step = 1 if grain == "day" else 7
    first = date(2025, 10, 20)  # the first full week of the 400 days
    starts = [first + timedelta(days=step * i) for i in range((AS_OF - first).days // step)]
    points = series(target, starts, grain, model=service.model, engine=service.engine,  # type: ignore[arg-type]
                    ctx=service.time_context(), role=None)  # fmt: skip
    rule = Rule(grain=grain, kind=target.kind, higher_is_better=target.higher_is_better)  # type: ignore[arg-type]
    findings = scan(points, rule)
    judged = [f for f in findings if f.status != "skipped"]
    assert len(judged) >= (300 if grain == "day" else 45)
    return [f.start for f in judged if f.fired]


@pytest.mark.parametrize("grain", ["day", "week"])
def test_a_flat_metric_never_fires_over_400_days(service: AssistantService, grain: str) -> None:
    assert fired_over_400_days(service, "events per user", grain) == []


def test_average_order_value_fires_only_for_the_promotion(service: AssistantService) -> None:
    """Flat but for the flash-sale weekend's cheaper baskets: only that week fires."""
    promotion = STORIES["promotion"]
    for week in fired_over_400_days(service, "average order value", "week"):
        assert week <= promotion.start < week + timedelta(weeks=1)


def test_daily_checkout_watch_fires_in_the_incident_week_not_before(
    service: AssistantService,
) -> None:
    target = target_of(parse_plan(service.ask("checkout conversion").plan or {}), service.model)
    starts = [date(2026, 6, 1) + timedelta(days=i) for i in range((AS_OF - date(2026, 6, 1)).days)]
    points = series(target, starts, "day", model=service.model, engine=service.engine,
                    ctx=service.time_context(), role=None)  # fmt: skip
    fired = [f.start for f in scan(points, Rule(grain="day", kind=target.kind)) if f.fired]
    incident = STORIES["checkout_incident"]
    assert fired and all(incident.start <= d < incident.end for d in fired)
