"""Who may open a stored answer, and the users behind a count (issue 13 point 9): the ids listed
are exactly the people the number counted (checked against hand-written SQL), only roles with
`export` may list them, the list is capped and every export is audited."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from assistant.config import AssistantConfig
from assistant.retell import retell
from assistant.service import AssistantService
from assistant.sessions.records import UnknownAnswer
from assistant.takeaway import ExportDenied, exportable_metric, users_behind, visible_answer
from semantic_layer.errors import UserError

HAN = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture(scope="module")
def service(
    small_demo: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[AssistantService]:
    home = tmp_path_factory.mktemp("takeaway")
    config = AssistantConfig(db=small_demo, home=home, as_of=date(2026, 11, 23), retrieval=False)
    with AssistantService.open(config) as svc:
        yield svc


def test_the_ids_behind_each_row_are_the_people_it_counted(service: AssistantService) -> None:
    answer = service.ask("active users by channel last week", role="analyst")
    assert answer.error is None and answer.kind == "metric"
    assert exportable_metric(service.model, answer) == "active_users"
    channel, users = answer.columns.index("d_channel"), answer.columns.index("active_users")
    rng = answer.time_range
    assert rng is not None and rng.start is not None
    for n, row in enumerate(answer.rows[:3]):
        export = users_behind(service, answer.id, "analyst", row=n, principal="test")
        assert len(export.user_ids) == row[users] and not export.capped
        hand = service.engine.run(
            "SELECT DISTINCT user_id FROM events WHERE channel = "
            f"'{row[channel]}' AND ts >= TIMESTAMP '{rng.start}' AND ts < TIMESTAMP '{rng.end}' "
            "ORDER BY 1",
            row_cap=100_000,
        )
        assert export.user_ids == tuple(str(r[0]) for r in hand.rows)
        assert export.values == {"channel": row[channel]}
    audit = service.store.exports(answer.id)
    assert [a.row for a in audit] == [2, 1, 0] and audit[0].principal == "test"
    assert audit[0].users == answer.rows[2][users] and audit[0].role == "analyst"


def test_a_series_row_lists_the_people_of_its_period(service: AssistantService) -> None:
    answer = service.ask("weekly new users over the last 4 weeks", role="analyst")
    assert answer.error is None and "period" in answer.columns
    value = answer.columns.index("new_users")
    last = len(answer.rows) - 1
    export = users_behind(service, answer.id, "analyst", row=last)
    assert len(export.user_ids) == answer.rows[last][value]


def test_the_cap_cuts_the_list_and_says_so(service: AssistantService) -> None:
    answer = service.ask("active users last week", role="analyst")
    export = users_behind(service, answer.id, "analyst", cap=5)
    assert len(export.user_ids) == 5 and export.capped
    assert service.store.exports(answer.id)[0].capped


def test_only_roles_with_export_may_list_users(service: AssistantService) -> None:
    answer = service.ask("active users by region last week", role="east_marketing")
    assert answer.error is None
    with pytest.raises(ExportDenied, match="may not export"):
        users_behind(service, answer.id, "east_marketing", row=0)
    assert service.store.exports(answer.id) == []


def test_what_is_not_a_count_of_users_is_refused_clearly(service: AssistantService) -> None:
    answer = service.ask("revenue by channel last week", role="analyst")
    assert exportable_metric(service.model, answer) is None
    with pytest.raises(UserError, match="not counts of users"):
        users_behind(service, answer.id, "analyst", row=0)
    grouped = service.ask("active users by channel last week", role="analyst")
    with pytest.raises(UserError, match="say which one"):
        users_behind(service, grouped.id, "analyst")
    with pytest.raises(UserError, match="out of range"):
        users_behind(service, grouped.id, "analyst", row=999)


def test_a_role_sees_another_roles_answer_only_when_it_could_have_asked_it(
    service: AssistantService,
) -> None:
    analyst = service.ask("revenue by region last week", role="analyst")
    east = service.ask("revenue by channel last week", role="east_marketing")
    service_only = service.ask("tickets by channel last week", role="service_team")
    assert visible_answer(service, analyst.id, "analyst").id == analyst.id
    assert visible_answer(service, east.id, "analyst").id == east.id  # narrower data: fine
    with pytest.raises(UnknownAnswer):  # every region, for an East-only role
        visible_answer(service, analyst.id, "east_marketing")
    with pytest.raises(UnknownAnswer):  # revenue is not a service metric
        visible_answer(service, analyst.id, "service_team")
    with pytest.raises(UnknownAnswer):  # tickets are not a marketing metric
        visible_answer(service, service_only.id, "east_marketing")
    with pytest.raises(UnknownAnswer):  # an East-only answer is not the service team's either
        visible_answer(service, east.id, "service_team")


def test_an_east_only_answer_exports_only_its_east_users(service: AssistantService) -> None:
    """The export keeps the row filters of the role that asked (the ids are the people its
    number counted), even when a wider role exports it."""
    east = service.ask("active users last week", role="east_marketing")
    everyone = service.ask("active users last week", role="analyst")
    export = users_behind(service, east.id, "analyst")
    east_value = east.rows[0][east.columns.index("active_users")]
    assert len(export.user_ids) == east_value < everyone.rows[0][0]


@pytest.mark.parametrize(
    "question",
    ["active users by channel last week", "purchase funnel last week", "weekly revenue last month"],
)
def test_an_answer_retold_in_the_other_language_has_the_same_numbers(
    service: AssistantService, question: str
) -> None:
    answer = service.ask(question, role="analyst")
    told = retell(service, answer, "zh", "analyst")
    assert told is not None and told.id == answer.id and told.language == "zh"
    assert told.columns == answer.columns
    numbers = [[v for v in row if not isinstance(v, str)] for row in answer.rows]
    assert [[v for v in row if not isinstance(v, str)] for row in told.rows] == numbers
    assert HAN.search(told.text) and HAN.search(told.interpretation)
    assert told.column_labels != answer.column_labels
    assert retell(service, answer, "en", "analyst") is answer


def test_what_cannot_be_retold_exactly_stays_as_it_was(service: AssistantService) -> None:
    unclear = service.ask("how are we doing", role="analyst")
    assert retell(service, unclear, "zh", "analyst") is None
    answer = service.ask("active users last week", role="analyst")
    moved = answer.model_copy(
        update={"time_range": answer.time_range.model_copy(update={"end": date(2020, 1, 1)})}  # type: ignore[union-attr]
    )
    assert retell(service, moved, "zh", "analyst") is None  # "last week" now means other days
