"""The chat's review list (issue 13 point 6) without a browser: who may see it, what each
pending example shows (question, plan in words, who saved it, for which role) in English and
Chinese, and what Approve / Reject do — the same review as `tpa examples` and `/v1/examples`."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from assistant.config import AssistantConfig
from assistant.service import AssistantService
from ui.chat import ChatHandlers, ChatState
from ui.chat.reviewing import plan_words, review_list, saved_by

AS_OF = date(2026, 11, 23)
QUESTION = "revenue by region last week"


@pytest.fixture(scope="module")
def service(
    small_demo: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[AssistantService]:
    """With retrieval, as served: without it a thumbs-up proposes nothing."""
    config = AssistantConfig(db=small_demo, home=tmp_path_factory.mktemp("review"), as_of=AS_OF)
    with AssistantService.open(config) as svc:
        yield svc


def proposed(service: AssistantService, question: str) -> str:
    """An east_marketing person asks `question` in the chat and gives it a thumbs-up."""
    east = ChatHandlers(service, role="east_marketing")
    answer = list(east.ask(question, ChatState()))[-1].state.turns[-1].answer
    assert answer.error is None, answer.error
    said = east.rate(answer.id, "up", "en")
    assert "reviewer checks it" in said
    assert service.store.proposal(answer.id).status == "pending"
    return answer.id


def test_only_a_reviewer_role_gets_the_list(service: AssistantService) -> None:
    assert ChatHandlers(service, role="analyst").reviews(None) is not None  # reviewer: true
    assert ChatHandlers(service, role="east_marketing").reviews(None) is None
    assert ChatHandlers(service, role="no_such_role").reviews(None) is None


def test_a_pending_example_shows_question_plan_and_who_saved_it_in_both_languages(
    service: AssistantService,
) -> None:
    answer_id = proposed(service, QUESTION)
    en = {i.answer_id: i for i in review_list(service, "en").items}[answer_id]
    assert en.question == QUESTION
    assert en.plan == "Revenue by region, last week"  # as reused: relative to the day asked
    assert en.role == "east_marketing" and en.saved_by == "the chat (no sign-in)"
    zh = {i.answer_id: i for i in review_list(service, "zh").items}[answer_id]
    assert "销售额" in zh.plan and "上周" in zh.plan and "Revenue" not in zh.plan
    assert zh.saved_by == "对话（未登录）"


def test_a_non_reviewer_cannot_decide_and_a_reviewer_approves_then_it_is_done(
    service: AssistantService,
) -> None:
    answer_id = proposed(service, "orders by channel last week")
    east = ChatHandlers(service, role="east_marketing")
    assert east.review(answer_id, True, "zh") == "你的角色没有审核示例的权限。"
    assert service.store.proposal(answer_id).status == "pending"

    analyst = ChatHandlers(service, role="analyst")
    said = analyst.review(answer_id, True, "en")
    assert said.startswith("Approved: “orders by channel last week”") and "east_marketing" in said
    done = service.store.proposal(answer_id)
    assert done.status == "approved" and done.reviewer == "chat"
    assert answer_id not in {i.answer_id for i in review_list(service, "en").items}
    again = analyst.review(answer_id, False, "en")  # a second click (or another reviewer's)
    assert again == "Someone already decided on this example (approved)."
    assert service.store.proposal(answer_id).status == "approved"


def test_reject_keeps_it_out_and_says_so_in_chinese(service: AssistantService) -> None:
    answer_id = proposed(service, "new users last week")
    said = ChatHandlers(service, role="analyst").review(answer_id, False, "zh")
    assert said == "已驳回：“new users last week”不会被复用。"
    assert service.store.proposal(answer_id).status == "rejected"
    unknown = ChatHandlers(service, role="analyst").review("no-such-answer", True, "en")
    assert unknown.startswith("The review was not saved:")


def test_who_saved_it_is_readable_and_never_a_key() -> None:
    assert saved_by("user:alice", "en") == "alice"
    assert saved_by("key:0123456789abcdef", "en") == "API key 01234567…"
    assert saved_by("key:0123456789abcdef", "zh") == "API 密钥 01234567…"
    assert saved_by("local", "zh") == "对话（未登录）" and saved_by(None, "en").startswith(
        "the chat"
    )
    assert saved_by("slack:U123", "en") == "slack:U123"


def test_a_plan_that_no_longer_fits_the_model_is_still_shown(service: AssistantService) -> None:
    stale = {"kind": "metric", "metrics": ["gone_metric"], "time": "last_week"}
    said = plan_words(service, stale, "en")
    assert said.startswith("metric (") and "gone_metric" in said and "no longer fits" in said
    assert "已与当前模型不符" in plan_words(service, stale, "zh")
