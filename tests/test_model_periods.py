"""A model's own named periods (`periods:`): the business's sales, seasons and closures, read as
time words before the built-in calendar, on a model that is not the demo's
(tests/fixtures/models/clinic.yaml plus periods)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from assistant.nlu import EmbeddedPlanner
from semantic_layer.errors import UserError
from semantic_layer.model.loader import load_model
from semantic_layer.time import TimeContext, TimeSpec, resolve

CTX = TimeContext(today=date(2026, 11, 10), timezone="Asia/Shanghai")
CLINIC = Path(__file__).parent / "fixtures" / "models" / "clinic.yaml"
PERIODS: list[dict[str, Any]] = [
    {"name": "promo_618", "labels": {"en": "618 sale", "zh": "618大促"},
     "synonyms": {"zh": ["618"]},
     "dates": [{"first": "2025-06-01", "last": "2025-06-20"},
               {"first": "2026-06-01", "last": "2026-06-18"}]},
    {"name": "golden_week", "labels": {"en": "Golden Week", "zh": "黄金周"},
     "yearly": {"first": "04-29", "last": "05-06"}},
    {"name": "winter_sale", "labels": {"en": "winter sale", "zh": "冬季特卖"},
     "yearly": {"first": "12-20", "last": "01-05"}},
    {"name": "new_wing", "labels": {"en": "new wing opening", "zh": "新院区开业"},
     "dates": [{"first": "2027-03-01", "last": "2027-03-07"}]},
]  # fmt: skip


def _model_with(tmp_path: Path, periods: list[dict[str, Any]]) -> Path:
    added = yaml.safe_dump({"periods": periods}, allow_unicode=True, sort_keys=False)
    path = tmp_path / "clinic.yaml"
    path.write_text(CLINIC.read_text(encoding="utf-8") + added, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def planner(tmp_path_factory: pytest.TempPathFactory) -> EmbeddedPlanner:
    return EmbeddedPlanner(load_model(_model_with(tmp_path_factory.mktemp("periods"), PERIODS)))


def days(planner: EmbeddedPlanner, question: str) -> tuple[str, str]:
    """The plan's first and last day (inclusive)."""
    p = planner.plan(question, CTX).plan.model_dump(mode="json", exclude_none=True)
    assert p["kind"] == "metric", p
    r = resolve(TimeSpec.parse(p["time"]), CTX)
    return r.start.isoformat(), date.fromordinal(r.end.toordinal() - 1).isoformat()


@pytest.mark.parametrize(
    ("question", "first", "last"),
    [
        ("618大促期间的缴费金额", "2026-06-01", "2026-06-18"),  # the sale, not the day 18 June
        ("fees during the 618 sale", "2026-06-01", "2026-06-18"),
        ("618缴费金额", "2026-06-01", "2026-06-18"),  # a synonym
        ("去年618大促的缴费金额", "2025-06-01", "2025-06-20"),  # the year said with it
        ("2025年618大促缴费人数", "2025-06-01", "2025-06-20"),
        ("fees in last year's 618 sale", "2025-06-01", "2025-06-20"),
        ("fees in the last 618 sale", "2025-06-01", "2025-06-20"),  # the one before the latest
        # the model's Golden Week (Japan's, to 6 May), not the built-in National Day week
        ("payers over Golden Week", "2026-04-29", "2026-05-06"),
        ("黄金周缴费人数", "2026-04-29", "2026-05-06"),
        # a yearly period that wraps the year: the latest that has started by 10 Nov 2026
        ("fees in the winter sale", "2025-12-20", "2026-01-05"),
    ],
)
def test_a_model_period_is_its_own_days(
    planner: EmbeddedPlanner, question: str, first: str, last: str
) -> None:
    assert days(planner, question) == (first, last)


def test_a_period_that_has_not_happened_is_left_unread_not_guessed(
    planner: EmbeddedPlanner,
) -> None:
    result = planner.plan("fees during the new wing opening", CTX)
    assert result.unused and "new wing opening" in " ".join(u.text for u in result.unused)


def test_without_periods_the_built_in_calendar_still_answers(tmp_path: Path) -> None:
    plain = EmbeddedPlanner(load_model(CLINIC))
    assert days(plain, "618当天的缴费金额") == ("2026-06-18", "2026-06-18")  # the shopping day
    assert days(plain, "payers over Golden Week") == ("2026-10-01", "2026-10-07")  # China's


@pytest.mark.parametrize(
    ("period", "says"),
    [
        ({"name": "p", "dates": [{"first": "2026-06-18", "last": "2026-06-01"}]},
         "is before `first`"),
        ({"name": "p", "labels": {"en": "p"}}, "a period needs `dates` or `yearly`"),
        ({"name": "p", "yearly": {"first": "6-1", "last": "06-18"}}, "first"),
    ],
)  # fmt: skip
def test_a_wrong_period_is_a_clear_error_with_its_line(
    tmp_path: Path, period: dict[str, Any], says: str
) -> None:
    with pytest.raises(UserError) as error:
        load_model(_model_with(tmp_path, [period]))
    assert says in str(error.value) and "clinic.yaml:" in str(error.value)


def test_booking_money_is_recording_it_not_the_booking_touchpoint(
    planner: EmbeddedPlanner,
) -> None:
    result = planner.plan("how much in fees did we book during the 618 sale", CTX)
    p = result.plan.model_dump(mode="json", exclude_none=True)
    assert p["metrics"] == ["fees"] and p["filters"] == [] and not result.unused, p
    bookings = planner.plan("how many bookings in March", CTX).plan.model_dump(mode="json")
    assert "预约挂号" in str(bookings)  # bookings without money are still the touchpoint
