"""The Slack adapter end to end: signed Events API and slash-command requests in, answers posted
to a local fake of Slack's Web API (built from Slack's documented payloads, not the real one)."""

from __future__ import annotations

import io
import json
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from openpyxl import load_workbook
from pydantic import SecretStr

from assistant.answer.model import Answer
from assistant.config import AssistantConfig
from assistant.service import AssistantService
from tests.fakes.platforms import TINY_PNG, FakeSlack, fake_chart_png, slack_signed
from ui.bots import BotsConfig, SlackSettings, bots_router
from ui.bots.signing import slack_signature

SECRET = "test-signing-secret-0123456789ab"
TOKEN = "xoxb-test-bot-token"
CHANNEL = "C0TOUCHPT"

Reply = Any  # a TestClient response (starlette's TestClient uses httpx2 when installed)


@dataclass
class Bot:
    client: TestClient
    slack: FakeSlack
    service: AssistantService
    asked: list[tuple[str, dict[str, Any]]]


@pytest.fixture
def bot(small_demo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Bot]:
    config = AssistantConfig(
        db=small_demo, home=tmp_path, as_of=date(2026, 11, 23), retrieval=False
    )
    with AssistantService.open(config) as service, FakeSlack(TOKEN) as slack:
        asked: list[tuple[str, dict[str, Any]]] = []
        real = service.ask

        def spy(question: str, **kwargs: Any) -> Answer:
            asked.append((question, kwargs))
            return real(question, **kwargs)

        monkeypatch.setattr(service, "ask", spy)
        settings = SlackSettings(
            signing_secret=SecretStr(SECRET), bot_token=SecretStr(TOKEN), api_base=slack.api_base
        )
        app = FastAPI()
        router = bots_router(
            service, BotsConfig(slack=settings, role="analyst"), chart_png=fake_chart_png
        )
        app.include_router(router, prefix="/bots")
        with TestClient(app) as client:
            yield Bot(client, slack, service, asked)


def post_event(
    bot: Bot, payload: dict[str, Any], *, secret: str = SECRET, timestamp: int | None = None,
    extra: dict[str, str] | None = None,
) -> Reply:  # fmt: skip
    body = json.dumps(payload).encode()
    headers = {"Content-Type": "application/json", **slack_signed(secret, body, timestamp)}
    return bot.client.post("/bots/slack/events", content=body, headers={**headers, **(extra or {})})


def event(
    text: str,
    ts: str,
    *,
    thread_ts: str | None = None,
    kind: str = "app_mention",
    channel: str = CHANNEL,
    event_id: str | None = None,
    **more: Any,
) -> dict[str, Any]:
    """An `event_callback` envelope as Slack documents it."""
    inner: dict[str, Any] = {"type": kind, "user": "U0ALICE", "text": text, "ts": ts,
                             "channel": channel, "event_ts": ts, **more}  # fmt: skip
    if thread_ts:
        inner["thread_ts"] = thread_ts
    return {
        "token": "legacy-verification-token",
        "team_id": "T0TEAM",
        "api_app_id": "A0APP",
        "event": inner,
        "type": "event_callback",
        "event_id": event_id or f"Ev{ts.replace('.', '')}",
        "event_time": int(time.time()),
    }


def test_signature_follows_slacks_documented_example() -> None:
    """The worked example of Slack's "Verifying requests from Slack"."""
    body = (
        b"token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&"
        b"channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&"
        b"command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2F"
        b"commands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&"
        b"trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c"
    )
    expected = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503"
    secret = "8f742231b10e8888abcd99yyyzzz85a5"
    assert slack_signature(secret, "1531420618", body) == expected
    assert slack_signed(secret, body, 1531420618)["X-Slack-Signature"] == expected


def test_url_verification_echoes_the_challenge(bot: Bot) -> None:
    challenge = {"token": "Jhj5dZrVaK7ZwHHjRyZWjbDl", "type": "url_verification",
                 "challenge": "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P"}  # fmt: skip
    response = post_event(bot, challenge)
    assert response.status_code == 200
    assert response.json() == {"challenge": challenge["challenge"]}
    assert post_event(bot, challenge, secret="not-the-secret").status_code == 401


def test_mention_is_answered_in_its_thread_with_text_then_chart(bot: Bot) -> None:
    ts = "1800000000.000100"
    response = post_event(bot, event("<@U0BOT> which touchpoint lost the most users last week", ts))
    assert response.status_code == 200
    bot.slack.wait_for(lambda: bot.slack.files)

    (message,) = bot.slack.messages
    assert (message["channel"], message["thread_ts"]) == (CHANNEL, ts)
    text = message["text"]
    assert text.startswith("Product page lost the most users in the purchase journey last week")
    assert "What was computed: Users lost at each step of the purchase journey" in text
    assert "You could also ask:" in text and text.count("\n• ") == 3
    (chart,) = bot.slack.files
    assert (chart["channel_id"], chart["thread_ts"], chart["data"]) == (CHANNEL, ts, TINY_PNG)
    paths = [r.path for r in bot.slack.received]
    assert paths == ["/api/chat.postMessage", "/api/files.getUploadURLExternal",
                     f"/upload/v1/{chart['id']}", "/api/files.completeUploadExternal"]  # fmt: skip

    session = bot.service.store.session_for("slack", f"{CHANNEL}:{ts}")
    assert bot.asked == [
        ("which touchpoint lost the most users last week",
         {"session_id": session.id, "role": "analyst", "channel": "slack",
          "principal": session.owner}),
    ]  # fmt: skip


def test_follow_up_in_the_thread_continues_the_conversation(bot: Bot) -> None:
    first = "1800000001.000100"
    post_event(bot, event("<@U0BOT> which touchpoint lost the most users last week", first))
    bot.slack.wait_for(lambda: bot.slack.files)
    reply = event("<@U0BOT> and the week before?", "1800000009.000200", thread_ts=first)
    assert post_event(bot, reply).status_code == 200
    bot.slack.wait_for(lambda: len(bot.slack.files) == 2)

    follow_up = bot.slack.messages[1]
    assert follow_up["thread_ts"] == first
    assert "9–15 Nov 2026" in follow_up["text"]
    sessions = {kwargs["session_id"] for _, kwargs in bot.asked}
    assert len(sessions) == 1
    assert len(bot.service.store.turns(sessions.pop())) == 2


def test_forged_missing_and_stale_signatures_are_refused_before_anything_runs(bot: Bot) -> None:
    question = event("<@U0BOT> conversion rate by channel this month", "1800000002.000100")
    forged = post_event(bot, question, secret="someone-else")
    assert forged.status_code == 401
    assert forged.json()["error"]["code"] == "bad_signature"
    unsigned = bot.client.post("/bots/slack/events", json=question)
    assert unsigned.status_code == 401
    stale = post_event(bot, question, timestamp=int(time.time()) - 6 * 60)
    assert stale.status_code == 401
    assert "timestamp" in stale.json()["error"]["message"]
    assert bot.asked == [] and bot.slack.received == []

    assert post_event(bot, question).status_code == 200  # the same event, properly signed
    bot.slack.wait_for(lambda: bot.slack.files)
    assert [q for q, _ in bot.asked] == ["conversion rate by channel this month"]


def test_retried_delivery_is_answered_once(bot: Bot) -> None:
    question = event("<@U0BOT> which channel contributes most to purchases", "1800000003.000100")
    assert post_event(bot, question).json() == {"ok": True}
    retry = post_event(bot, question, extra={"X-Slack-Retry-Num": "1",
                                              "X-Slack-Retry-Reason": "http_timeout"})  # fmt: skip
    assert retry.status_code == 200
    assert retry.json()["ignored"] == "duplicate delivery"
    other = event("<@U0BOT> conversion rate by channel this month", "1800000004.000100")
    post_event(bot, other)
    bot.slack.wait_for(lambda: len(bot.slack.files) == 2)
    assert sorted(q for q, _ in bot.asked) == [
        "conversion rate by channel this month",
        "which channel contributes most to purchases",
    ]


def test_direct_messages_are_answered_in_the_dm_and_bot_messages_ignored(bot: Bot) -> None:
    own = event("a bot's own message", "1800000005.000100", kind="message",
                channel="D0DIRECT", channel_type="im", bot_id="B0BOT")  # fmt: skip
    assert post_event(bot, own).status_code == 200
    dm = event("conversion rate by channel this month", "1800000006.000100", kind="message",
               channel="D0DIRECT", channel_type="im")  # fmt: skip
    assert post_event(bot, dm).status_code == 200
    bot.slack.wait_for(lambda: bot.slack.files)
    assert [(m["channel"], m["thread_ts"]) for m in bot.slack.messages] == [("D0DIRECT", None)]
    session = bot.service.store.session_for("slack", "D0DIRECT")
    assert [(q, kw["session_id"]) for q, kw in bot.asked] == [
        ("conversion rate by channel this month", session.id)
    ]


def test_slash_command_acknowledges_at_once_and_answers_in_a_new_thread(
    bot: Bot, monkeypatch: pytest.MonkeyPatch
) -> None:
    gate, ask = threading.Event(), bot.service.ask

    def held(question: str, **kwargs: Any) -> Answer:
        assert gate.wait(10), "the test never let the answer through"
        return ask(question, **kwargs)

    monkeypatch.setattr(bot.service, "ask", held)
    form = {"token": "legacy", "team_id": "T0TEAM", "channel_id": CHANNEL, "user_id": "U0ALICE",
            "command": "/tpa", "text": "上周哪个触点流失用户最多",
            "response_url": "https://hooks.slack.com/commands/T0TEAM/1/abc",
            "trigger_id": "13345224609.738474920.8088930838d88f008e0"}  # fmt: skip
    body = urlencode(form).encode()
    headers = {"Content-Type": "application/x-www-form-urlencoded", **slack_signed(SECRET, body)}
    started = time.monotonic()
    ack = bot.client.post("/bots/slack/commands", content=body, headers=headers)
    assert ack.status_code == 200 and time.monotonic() - started < 3.0
    assert ack.json()["response_type"] == "ephemeral"
    assert not any(m.get("thread_ts") for m in bot.slack.messages)  # not answered yet
    gate.set()
    bot.slack.wait_for(lambda: bot.slack.files)

    opener, answer = bot.slack.messages
    assert opener["text"] == "<@U0ALICE> asked: 上周哪个触点流失用户最多"
    assert opener["thread_ts"] is None and answer["thread_ts"] == opener["ts"]
    assert answer["text"].startswith(
        "上周（2026年11月16日–22日）购买旅程中流失用户最多的触点是商品详情页"
    )
    assert "计算口径：" in answer["text"] and "还可以问：" in answer["text"]
    assert bot.slack.files[0]["thread_ts"] == opener["ts"]
    session = bot.service.store.session_for("slack", f"{CHANNEL}:{opener['ts']}")
    assert len(bot.service.store.turns(session.id)) == 1

    replay = bot.client.post("/bots/slack/commands", content=body, headers=headers)
    assert replay.status_code == 401


def test_empty_slash_command_gets_usage_and_runs_nothing(bot: Bot) -> None:
    body = urlencode({"channel_id": CHANNEL, "user_id": "U0ALICE", "command": "/tpa",
                      "text": "  "}).encode()  # fmt: skip
    headers = {"Content-Type": "application/x-www-form-urlencoded", **slack_signed(SECRET, body)}
    response = bot.client.post("/bots/slack/commands", content=body, headers=headers)
    assert response.status_code == 200
    assert "/tpa which touchpoint lost the most users last week" in response.json()["text"]
    assert bot.asked == [] and bot.slack.received == []


def test_excel_in_the_thread_posts_the_last_table_as_a_file(bot: Bot) -> None:
    ts = "1800000005.000100"
    post_event(bot, event("<@U0BOT> which touchpoint lost the most users last week", ts))
    bot.slack.wait_for(lambda: bot.slack.files)
    assert 'Reply "excel" or "csv" to get the table as a file.' in bot.slack.messages[0]["text"]
    post_event(bot, event("<@U0BOT> excel", "1800000005.000200", thread_ts=ts))
    bot.slack.wait_for(lambda: len(bot.slack.files) == 2)
    table = bot.slack.files[1]
    assert table["title"].endswith(".xlsx") and table["thread_ts"] == ts
    sheet = load_workbook(io.BytesIO(table["data"])).worksheets[0]
    assert sheet.max_row >= 3
    post_event(bot, event("<@U0BOT> CSV", "1800000005.000300", thread_ts=ts))
    bot.slack.wait_for(lambda: len(bot.slack.files) == 3)
    assert bot.slack.files[2]["data"].decode("utf-8-sig").count("\r\n") == sheet.max_row
    assert len(bot.asked) == 1  # a file request is not a question


def test_excel_before_any_table_says_what_to_do(bot: Bot) -> None:
    post_event(bot, event("<@U0BOT> 导出", "1800000006.000100"))
    bot.slack.wait_for(lambda: bot.slack.messages)
    assert "还没有带表格的回答" in bot.slack.messages[0]["text"] and not bot.slack.files
