"""Never a dead end: every error a user can see is in the question's language, says what was
understood and offers two to four questions that do work."""

from __future__ import annotations

import re
from datetime import date

import pytest

from assistant.answer.assemble import failed
from assistant.answer.failure import Failure
from assistant.answer.model import Answer
from assistant.service import AssistantService
from connectors.engine import QueryTimeout
from semantic_layer.compile.compiler import compile_plan
from semantic_layer.errors import UserError
from semantic_layer.plan import parse_plan
from semantic_layer.time import TimeContext

AS_OF = date(2026, 11, 23)
ENGLISH = re.compile(r"[A-Za-z]{2,}[ ,']+[A-Za-z]{2,}")  # two English words in a row


@pytest.fixture(scope="module")
def service(small_demo_service: AssistantService) -> AssistantService:
    return small_demo_service


def works_everywhere(service: AssistantService, answer: Answer, role: str | None) -> None:
    assert answer.error is not None
    assert 2 <= len(answer.suggestions) <= 4
    assert answer.error.suggestions == answer.suggestions
    assert [c.question for c in answer.choices] == answer.suggestions
    for question in answer.suggestions:
        offered = service.ask(question, role=role)
        assert offered.error is None and offered.kind not in ("clarify", "unsupported"), question


def chinese_only(answer: Answer) -> None:
    assert answer.error is not None
    for text in (answer.text, answer.error.message, *answer.warnings):
        assert not ENGLISH.search(text), text


@pytest.mark.parametrize(
    ("question", "role", "said"),
    [
        ("上个月各区域的首次响应时间", "east_marketing", "你的角色无权使用“首次响应时间”"),
        ("上周的收入", "ceo", "没有名为“ceo”的角色"),
        ("上个月各渠道的投资回报率", "service_team", "你的角色无权使用“投资回报率”"),
    ],
)
def test_chinese_questions_never_get_english_errors(
    service: AssistantService, question: str, role: str, said: str
) -> None:
    answer = service.ask(question, role=role)
    assert answer.language == "zh" and answer.error is not None
    assert answer.text.startswith(said) and "我的理解：" in answer.text
    chinese_only(answer)
    assert all(re.search("[\u4e00-\u9fff]", q) for q in answer.suggestions)
    if role != "ceo":  # an unknown role can run nothing: the model's verified questions are offered
        works_everywhere(service, answer, role)


def test_english_errors_keep_the_detail_and_say_what_was_understood(
    service: AssistantService,
) -> None:
    answer = service.ask("first response time by region last month", role="east_marketing")
    assert answer.error is not None and answer.error.code == "access_denied"
    assert answer.text.startswith(
        "“first response time” ('first_response_time') is not available to the role "
        "'east_marketing'."
    )
    assert "active_users" not in answer.text  # no list of the model's ids
    assert "I understood: First response time by region, last month." in answer.text
    works_everywhere(service, answer, "east_marketing")


def test_a_timeout_in_chinese(service: AssistantService, monkeypatch: pytest.MonkeyPatch) -> None:
    def slow(sql: str, **_: object) -> None:
        raise QueryTimeout("the query ran longer than 15 s and was stopped")

    monkeypatch.setattr(service.engine, "run", slow)
    answer = service.ask("过去一年每天各渠道各设备的活跃用户数")
    assert answer.error is not None and answer.error.code == "query_timeout"
    assert answer.text.startswith("查询耗时过长，已被停止")
    chinese_only(answer)


def test_empty_question_offers_verified_questions(service: AssistantService) -> None:
    answer = service.ask("   ")
    assert answer.error is not None and answer.error.code == "empty_question"
    assert answer.text == answer.error.message and len(answer.suggestions) >= 2


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_breakdown_on_an_unlinked_table_is_explained_with_ways_forward(
    service: AssistantService, lang: str
) -> None:
    # complaint rate = complaint tickets / orders: orders (events) carry no ticket category
    plan = parse_plan(
        {
            "kind": "metric",
            "metrics": ["complaint_rate"],
            "dimensions": ["ticket_category"],
            "time": "last_month",
            "language": lang,
        }
    )
    ctx = TimeContext(today=AS_OF)
    with pytest.raises(UserError) as raised:
        compile_plan(plan, service.model, ctx)
    base = Answer(id="x", question="?", language=lang, text="")  # type: ignore[arg-type]
    answer = failed(
        base, {}, failure=Failure.of_user_error(raised.value, "invalid_plan"), plan=plan,
        model=service.model, works=service._works(ctx, None),
    )  # fmt: skip
    if lang == "zh":
        assert answer.text.startswith("投诉率无法按工单类别拆分：工单类别记录在 tickets 数据中")
        chinese_only(answer)
    else:
        assert answer.text.startswith(
            "Complaint rate cannot be split by ticket category: ticket category is recorded in"
            " the tickets data"
        )
    works_everywhere(service, answer, None)
    assert any(("ticket category" in q) or ("工单类别" in q) for q in answer.suggestions)
