"""The WeCom (企业微信) adapter end to end: encrypted, signed callbacks in (URL verification and
messages), answers sent to a local fake of the WeCom API (built from its documented payloads,
not the real service). Everything here needs the `cryptography` package."""

from __future__ import annotations

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
from tests.fakes.platforms import (
    TINY_PNG,
    FakeWeCom,
    WeComKeys,
    fake_chart_png,
    wecom_signature,
    wecom_text_xml,
)
from ui.bots import BotsConfig, WeComSettings, bots_router

pytest.importorskip("cryptography", reason="WeCom callbacks are encrypted: needs cryptography")

CORP_ID, AGENT_ID, SECRET = "ww1234567890abcdef", 1000002, "wecom-app-secret"
KEYS = WeComKeys("callbackToken42", "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG", CORP_ID)
QUESTION = "which touchpoint lost the most users last week"

Reply = Any  # a TestClient response (starlette's TestClient uses httpx2 when installed)


@dataclass
class Bot:
    client: TestClient
    wecom: FakeWeCom
    service: AssistantService
    asked: list[tuple[str, dict[str, Any]]]

    def send(
        self,
        content: str,
        msg_id: str,
        *,
        user: str = "ZhangSan",
        query: dict[str, str] | None = None,
        body: bytes | None = None,
    ) -> Reply:
        """POST a member's text message the way WeCom does."""
        made_query, made_body = KEYS.callback(wecom_text_xml(CORP_ID, user, content, msg_id,
                                                             AGENT_ID))  # fmt: skip
        return self.client.post("/bots/wecom/callback", params=query or made_query,
                                content=body or made_body,
                                headers={"Content-Type": "text/xml"})  # fmt: skip


@pytest.fixture
def bot(small_demo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Bot]:
    config = AssistantConfig(
        db=small_demo, home=tmp_path, as_of=date(2026, 11, 23), retrieval=False
    )
    with AssistantService.open(config) as service, FakeWeCom(CORP_ID, SECRET) as wecom:
        asked: list[tuple[str, dict[str, Any]]] = []
        real = service.ask

        def spy(question: str, **kwargs: Any) -> Answer:
            asked.append((question, kwargs))
            return real(question, **kwargs)

        monkeypatch.setattr(service, "ask", spy)
        settings = WeComSettings(
            corp_id=CORP_ID, agent_id=AGENT_ID, secret=SecretStr(SECRET),
            token=SecretStr(KEYS.token), encoding_aes_key=SecretStr(KEYS.encoding_aes_key),
            api_base=wecom.base_url,
        )  # fmt: skip
        app = FastAPI()
        router = bots_router(
            service, BotsConfig(wecom=settings, role="analyst"), chart_png=fake_chart_png
        )
        app.include_router(router, prefix="/bots")
        with TestClient(app) as client:
            yield Bot(client, wecom, service, asked)


def test_signature_and_decryption_follow_the_documented_example() -> None:
    """The URL-verification sample of WeCom's callback documentation."""
    from ui.bots.aes import wecom_decrypt
    from ui.bots.signing import verify_wecom

    echostr = (
        "P9nAzCzyDtyTWESHep1vC5X9xho/qYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp+4RPcs8TgAE7OaBO+FZXvnaqQ=="
    )
    query = {"msg_signature": "5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3",
             "timestamp": "1409659589", "nonce": "263014780"}  # fmt: skip
    assert wecom_signature("QDG6eK", "1409659589", "263014780", echostr) == query["msg_signature"]
    verify_wecom("QDG6eK", query, echostr, now=1409659589.0)
    key = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C"
    assert wecom_decrypt(key, echostr, "wx5823bf96d3bd56c7") == b"1616140317555161061"


def test_url_verification_answers_the_decrypted_echostr(bot: Bot) -> None:
    query = KEYS.verification("4861236423587648715")
    response = bot.client.get("/bots/wecom/callback", params=query)
    assert response.status_code == 200 and response.text == "4861236423587648715"
    forged = {**query, "msg_signature": "0" * 40}
    assert bot.client.get("/bots/wecom/callback", params=forged).status_code == 401


def test_message_is_answered_with_text_and_chart_and_follow_ups_continue(bot: Bot) -> None:
    response = bot.send(QUESTION, "7000000000000000001")
    assert response.status_code == 200 and response.text == ""
    bot.wecom.wait_for(lambda: len(bot.wecom.sent) == 2)
    text, image = bot.wecom.sent
    assert (text["touser"], text["agentid"], text["msgtype"]) == ("ZhangSan", AGENT_ID, "text")
    assert text["text"]["content"].startswith("Product page lost the most users")
    assert len(text["text"]["content"].encode()) <= 2048
    assert image["msgtype"] == "image"
    assert bot.wecom.media[image["image"]["media_id"]] == TINY_PNG

    bot.send("and the week before?", "7000000000000000002")
    bot.wecom.wait_for(lambda: len(bot.wecom.sent) == 4)
    assert "9–15 Nov 2026" in bot.wecom.sent[2]["text"]["content"]
    session = bot.service.store.session_for("wecom", "ZhangSan")
    assert [kw["session_id"] for _, kw in bot.asked] == [session.id, session.id]
    assert [q for q, _ in bot.asked] == [QUESTION, "and the week before?"]


def test_forged_stale_replayed_and_misaddressed_callbacks_run_nothing(bot: Bot) -> None:
    message = wecom_text_xml(CORP_ID, "LiSi", QUESTION, "7000000000000000010", AGENT_ID)
    query, body = KEYS.callback(message)
    forged = bot.send(QUESTION, "x", query={**query, "msg_signature": "0" * 40}, body=body)
    assert forged.status_code == 401 and forged.json()["error"]["code"] == "bad_signature"
    stale_query, stale_body = KEYS.callback(message, timestamp=int(time.time()) - 10 * 60)
    assert bot.send(QUESTION, "x", query=stale_query, body=stale_body).status_code == 401
    other_query, other_body = KEYS.callback(message, corp_id="ww_another_corp")
    assert bot.send(QUESTION, "x", query=other_query, body=other_body).status_code == 401
    doctype = b'<!DOCTYPE xml [<!ENTITY a "b">]><xml><Encrypt>&a;</Encrypt></xml>'
    assert bot.send(QUESTION, "x", query=query, body=doctype).status_code == 400
    assert bot.asked == [] and bot.wecom.received == []

    assert bot.send(QUESTION, "x", query=query, body=body).status_code == 200
    assert bot.send(QUESTION, "x", query=query, body=body).status_code == 401  # reused nonce
    retry_query, retry_body = KEYS.callback(message)  # WeCom's retry: new nonce, same MsgId
    assert bot.send(QUESTION, "x", query=retry_query, body=retry_body).status_code == 200
    bot.wecom.wait_for(lambda: len(bot.wecom.sent) == 2)
    assert [q for q, _ in bot.asked] == [QUESTION]


def test_csv_sends_the_last_table_as_a_file(bot: Bot) -> None:
    bot.send(QUESTION, "7000000000000000031")
    bot.wecom.wait_for(lambda: len(bot.wecom.sent) == 2)
    bot.send("csv", "7000000000000000032")
    bot.wecom.wait_for(lambda: len(bot.wecom.sent) == 3)
    sent = bot.wecom.sent[2]
    assert sent["msgtype"] == "file" and sent["touser"] == "ZhangSan"
    data = bot.wecom.media[sent["file"]["media_id"]].decode("utf-8-sig")
    assert data.splitlines()[0] and len(data.splitlines()) >= 3
    assert [q for q, _ in bot.asked] == [QUESTION]


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32", "utf-8"])
def test_a_dtd_in_any_encoding_is_refused_before_it_expands(bot: Bot, encoding: str) -> None:
    """Found by the attack run: the ASCII `<!DOCTYPE` check missed a UTF-16 body, whose
    entities the parser then expanded before the signature check."""
    entities = '<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
    text = (
        f'<?xml version="1.0" encoding="{encoding}"?><!DOCTYPE xml [{entities}]>'
        "<xml><Encrypt>&b;</Encrypt></xml>"
    )
    query, _ = KEYS.callback(wecom_text_xml(CORP_ID, "LiSi", QUESTION, "7000000000000000099",
                                            AGENT_ID))  # fmt: skip
    response = bot.send(QUESTION, "x", query=query, body=text.encode(encoding))
    assert response.status_code == 400
    message = response.json()["error"]["message"]
    # expat reads UTF-8 and UTF-16 with a BOM (and refuses the DTD); the rest it cannot read
    assert ("DTD" if encoding in ("utf-8", "utf-16") else "not XML") in message
    assert bot.asked == []
