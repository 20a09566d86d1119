"""The DingTalk adapter end to end: signed robot callbacks in, the answer posted to the message's
sessionWebhook and the chart sent by the robot API of a local fake of DingTalk (built from its
documented payloads, not the real service)."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from pydantic import SecretStr

from assistant.answer.model import Answer
from assistant.config import AssistantConfig
from assistant.service import AssistantService
from tests.fakes.platforms import TINY_PNG, FakeDingTalk, dingtalk_signed, fake_chart_png
from ui.bots import BotsConfig, DingTalkSettings, bots_router

APP_KEY, APP_SECRET = "dingabcdefghijklmn", "ding-app-secret-0123456789"
GROUP = "cidp4Vj8Wx5HEfqnxbs1nMULA=="
QUESTION = "which touchpoint lost the most users last week"

Reply = Any  # a TestClient response (starlette's TestClient uses httpx2 when installed)


@dataclass
class Bot:
    client: TestClient
    ding: FakeDingTalk
    service: AssistantService
    asked: list[tuple[str, dict[str, Any]]]

    def post(self, payload: dict[str, Any], *, secret: str = APP_SECRET,
             headers: dict[str, str] | None = None) -> Reply:  # fmt: skip
        signed = headers if headers is not None else dingtalk_signed(secret)
        return self.client.post("/bots/dingtalk/callback", content=json.dumps(payload).encode(),
                                headers={"Content-Type": "application/json", **signed})  # fmt: skip


@pytest.fixture
def bot(small_demo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Bot]:
    config = AssistantConfig(
        db=small_demo, home=tmp_path, as_of=date(2026, 11, 23), retrieval=False
    )
    with AssistantService.open(config) as service, FakeDingTalk(APP_KEY, APP_SECRET) as ding:
        asked: list[tuple[str, dict[str, Any]]] = []
        real = service.ask

        def spy(question: str, **kwargs: Any) -> Answer:
            asked.append((question, kwargs))
            return real(question, **kwargs)

        monkeypatch.setattr(service, "ask", spy)
        settings = DingTalkSettings(app_key=APP_KEY, app_secret=SecretStr(APP_SECRET),
                                    api_base=ding.base_url, oapi_base=ding.base_url)  # fmt: skip
        app = FastAPI()
        router = bots_router(
            service, BotsConfig(dingtalk=settings, role="analyst"), chart_png=fake_chart_png
        )
        app.include_router(router, prefix="/bots")
        with TestClient(app) as client:
            yield Bot(client, ding, service, asked)


def callback(bot: Bot, text: str, msg_id: str, *, group: bool = True, sender: str = "manager1",
             webhook: str | None = None) -> dict[str, Any]:  # fmt: skip
    """A robot message as DingTalk documents it (the bot's @-mention already removed)."""
    now = int(time.time() * 1000)
    return {
        "conversationId": GROUP if group else "cidSingleChat0001==",
        "atUsers": [{"dingtalkId": "$:LWCP_v1:$robot"}] if group else [],
        "chatbotCorpId": "dinge8a565xxxx",
        "chatbotUserId": "$:LWCP_v1:$Cxxxxx",
        "msgId": msg_id,
        "senderNick": "杨经理",
        "isAdmin": True,
        "senderStaffId": sender,
        "sessionWebhookExpiredTime": now + 90 * 60 * 1000,
        "createAt": now,
        "senderCorpId": "dinge8a565xxxx",
        "conversationType": "2" if group else "1",
        "senderId": f"$:LWCP_v1:${sender}",
        "conversationTitle": "增长分析群",
        "isInAtList": True,
        "sessionWebhook": webhook or bot.ding.session_webhook(f"s-{msg_id}"),
        "text": {"content": f" {text}"},
        "robotCode": APP_KEY,
        "msgtype": "text",
    }


def test_group_message_is_answered_with_text_and_chart(bot: Bot) -> None:
    assert bot.post(callback(bot, QUESTION, "msg001")).status_code == 200
    bot.ding.wait_for(lambda: bot.ding.images)

    (text,) = bot.ding.texts
    assert text["session"] == "s-msg001"
    assert text["content"].startswith("Product page lost the most users")
    assert "What was computed:" in text["content"]
    (image,) = bot.ding.images
    assert image["path"] == "/v1.0/robot/groupMessages/send"
    assert image["body"]["openConversationId"] == GROUP
    assert image["body"]["robotCode"] == APP_KEY and image["data"] == TINY_PNG
    session = bot.service.store.session_for("dingtalk", f"{GROUP}:manager1")
    assert bot.asked == [
        (
            QUESTION,
            {
                "session_id": session.id,
                "role": "analyst",
                "channel": "dingtalk",
                "principal": session.owner,
            },
        )
    ]


def test_follow_up_from_the_same_person_continues_the_conversation(bot: Bot) -> None:
    bot.post(callback(bot, QUESTION, "msg010"))
    bot.ding.wait_for(lambda: bot.ding.images)
    bot.post(callback(bot, "and the week before?", "msg011"))
    bot.ding.wait_for(lambda: len(bot.ding.images) == 2)
    assert "9–15 Nov 2026" in bot.ding.texts[1]["content"]
    assert bot.ding.texts[1]["session"] == "s-msg011"
    assert len({kw["session_id"] for _, kw in bot.asked}) == 1


def test_one_to_one_chat_gets_the_chart_by_batch_send(bot: Bot) -> None:
    bot.post(callback(bot, "上周哪个触点流失用户最多", "msg020", group=False))
    bot.ding.wait_for(lambda: bot.ding.images)
    assert bot.ding.texts[0]["content"].startswith("上周（2026年11月16日–22日）")
    (image,) = bot.ding.images
    assert image["path"] == "/v1.0/robot/oToMessages/batchSend"
    assert image["body"]["userIds"] == ["manager1"]


def test_bad_stale_and_replayed_signatures_are_refused_before_anything_runs(bot: Bot) -> None:
    first = bot.post(callback(bot, QUESTION, "msg030"), secret="not-the-secret")
    assert first.status_code == 401 and first.json()["error"]["code"] == "bad_signature"
    assert bot.post(callback(bot, QUESTION, "msg031"), headers={}).status_code == 401
    two_hours_ago = int(time.time() * 1000) - 2 * 3600 * 1000
    stale = dingtalk_signed(APP_SECRET, two_hours_ago)
    assert bot.post(callback(bot, QUESTION, "msg032"), headers=stale).status_code == 401
    assert bot.asked == [] and bot.ding.received == []

    headers = dingtalk_signed(APP_SECRET)
    assert bot.post(callback(bot, QUESTION, "msg033"), headers=headers).status_code == 200
    replayed = bot.post(callback(bot, "conversion rate by channel", "msg034"), headers=headers)
    assert replayed.status_code == 401  # the same timestamp and sign again
    retried = bot.post(callback(bot, QUESTION, "msg033"))  # a new signature, the same msgId
    assert retried.status_code == 200 and "duplicate" in retried.json()["ignored"]
    bot.ding.wait_for(lambda: bot.ding.images)
    assert [q for q, _ in bot.asked] == [QUESTION]


def test_a_session_webhook_on_another_host_is_refused(bot: Bot) -> None:
    elsewhere = "https://attacker.example/robot/sendBySession?session=x"
    response = bot.post(callback(bot, QUESTION, "msg040", webhook=elsewhere))
    assert response.status_code == 400
    assert "TPA_DINGTALK_OAPI_BASE" in response.json()["error"]["message"]
    assert bot.asked == [] and bot.ding.received == []


def test_excel_sends_the_last_table_as_a_file_by_the_robot(bot: Bot) -> None:
    bot.post(callback(bot, QUESTION, "msg030"))
    bot.ding.wait_for(lambda: bot.ding.images)
    bot.post(callback(bot, "导出表格", "msg031"))
    bot.ding.wait_for(lambda: bot.ding.files)
    (file,) = bot.ding.files
    assert file["path"] == "/v1.0/robot/groupMessages/send"
    assert file["param"]["fileType"] == "xlsx" and file["param"]["fileName"].endswith(".xlsx")
    assert file["data"][:2] == b"PK"
    assert len(bot.asked) == 1


@pytest.mark.parametrize(
    "path", ["/robot/../other-path", "/robot/%2e%2e/v1.0/oauth2", "/robot/..%2fx", "//robot/x"]
)
def test_a_session_webhook_that_leaves_robot_after_normalising_is_refused(
    bot: Bot, path: str
) -> None:
    """Found by the attack run: the prefix check accepted /robot/../other-path on the host."""
    host = bot.ding.base_url.rstrip("/")
    response = bot.post(callback(bot, QUESTION, f"msg-{len(path)}", webhook=f"{host}{path}"))
    assert response.status_code == 400
    assert bot.asked == [] and bot.ding.received == []
