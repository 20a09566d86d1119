"""The memo of first-turn plans (assistant/planmemo.py): a question asked again in a new
conversation is not planned again, and no key change can be missed."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path
from typing import Any

import pytest

import assistant.service as service_module
from assistant.config import AssistantConfig
from assistant.planmemo import PlanMemo, examples_version
from assistant.service import AssistantService
from assistant.understand import Planned, plan_question

AS_OF = date(2026, 11, 23)


@pytest.fixture
def service(small_demo: Path, tmp_path: Path) -> Any:
    db = tmp_path / "shop.duckdb"
    shutil.copy(small_demo, db)
    config = AssistantConfig(db=db, home=tmp_path / "home", as_of=AS_OF, retrieval=False)
    with AssistantService.open(config) as svc:
        yield svc


def _counting(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    planned: list[str] = []
    real = plan_question

    def counting(question: str, **kwargs: Any) -> Planned:
        planned.append(question)
        return real(question, **kwargs)

    monkeypatch.setattr(service_module, "plan_question", counting)
    return planned


def test_a_first_turn_asked_again_is_not_planned_again(
    service: AssistantService, monkeypatch: pytest.MonkeyPatch
) -> None:
    planned = _counting(monkeypatch)
    first = service.ask("revenue by channel last month")
    again = service.ask("revenue by channel last month")
    assert planned == ["revenue by channel last month"]
    assert again.plan == first.plan and again.rows == first.rows
    assert again.session_id != first.session_id and again.id != first.id
    service.ask("revenue by channel last month", role="east_marketing")  # another role's key
    service.ask("上个月各渠道的收入")  # another text
    assert len(planned) == 3


def test_follow_ups_are_always_planned(
    service: AssistantService, monkeypatch: pytest.MonkeyPatch
) -> None:
    planned = _counting(monkeypatch)
    first = service.ask("revenue by channel last month")
    service.ask("and by device?", session_id=first.session_id)
    other = service.ask("revenue by channel last month")
    service.ask("and by device?", session_id=other.session_id)
    assert planned.count("and by device?") == 2 and len(planned) == 3


def test_a_changed_model_or_day_or_example_file_is_another_key(tmp_path: Path) -> None:
    base = PlanMemo.key(
        "q", "analyst", backend="embedded", today=AS_OF, model_version="m1", examples="e1"
    )
    assert base != PlanMemo.key(
        "q",
        "analyst",
        backend="embedded",
        today=date(2026, 11, 24),
        model_version="m1",
        examples="e1",
    )
    assert base != PlanMemo.key(
        "q", "analyst", backend="embedded", today=AS_OF, model_version="m2", examples="e1"
    )
    assert base != PlanMemo.key(
        "q", "analyst", backend="auto", today=AS_OF, model_version="m1", examples="e1"
    )

    class Index:  # what `examples_version` reads of a retriever: its index folder
        path = tmp_path / "demo.duckdb.index"

    file = tmp_path / "examples.jsonl"
    missing = examples_version(Index())
    file.write_text('{"q": 1}\n', encoding="utf-8")
    one = examples_version(Index())
    with file.open("a", encoding="utf-8") as f:  # an approval appends
        f.write('{"q": 2}\n')
    assert len({missing, one, examples_version(Index())}) == 3
    assert examples_version(None) == "no retrieval"


def test_plans_that_needed_the_llm_are_not_kept(service: AssistantService) -> None:
    memo = PlanMemo(10, 60)
    planned = plan_question(
        "revenue by channel last month",
        ctx=service.time_context(),
        previous=None,
        planner=service.planner,
        llm=None,
        backend="embedded",
        retriever=None,
        validate=lambda plan: None,
        history=[],
    )
    memo.put(("a",), planned)
    got = memo.get(("a",))
    assert got is not None and got.result.plan == planned.result.plan and got is not planned
    memo.put(("b",), Planned(planned.result, "llm"))
    assert memo.get(("b",)) is None
