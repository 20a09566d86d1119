"""The Feishu/Lark adapter end to end: event subscription requests (plain with a verification
token, or encrypted and signed with an encrypt key) in, replies posted to a local fake of the
Feishu Open API (built from its documented payloads, not the real service)."""

from __future__ import annotations

import base64
import json
import sys
import time
from collections.abc import Callable, Iterator
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
    FakeFeishu,
    fake_chart_png,
    feishu_encrypt,
    feishu_signed,
)
from ui.bots import BotsConfig, FeishuSettings, bots_router

APP_ID, APP_SECRET = "cli_a1b2c3d4e5f6", "feishu-app-secret"
VTOKEN = "v-token-0123456789"
ENCRYPT_KEY = "feishu-encrypt-key-abc"
CHAT = "oc_5ad11d72b830411d72b836c20"
QUESTION = "which touchpoint lost the most users last week"

Reply = Any  # a TestClient response (starlette's TestClient uses httpx2 when installed)


@dataclass
class Bot:
    client: TestClient
    feishu: FakeFeishu
    service: AssistantService
    asked: list[tuple[str, dict[str, Any]]]

    def post(
        self,
        payload: dict[str, Any],
        *,
        encrypt_with: str | None = None,
        sign_with: str | None = None,
        timestamp: int | None = None,
    ) -> Reply:
        """POST an event the way Feishu sends it (encrypted and signed when asked)."""
        body = json.dumps(payload).encode()
        if encrypt_with is not None:
            body = json.dumps({"encrypt": feishu_encrypt(encrypt_with, body)}).encode()
        headers = {"Content-Type": "application/json"}
        if sign_with is not None:
            headers.update(feishu_signed(sign_with, body, timestamp))
        return self.client.post("/bots/feishu/events", content=body, headers=headers)


BotFactory = Callable[[str | None], Bot]


@pytest.fixture
def make_bot(
    small_demo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[BotFactory]:
    config = AssistantConfig(
        db=small_demo, home=tmp_path, as_of=date(2026, 11, 23), retrieval=False
    )
    with AssistantService.open(config) as service, FakeFeishu(APP_ID, APP_SECRET) as feishu:
        asked: list[tuple[str, dict[str, Any]]] = []
        real, clients = service.ask, []

        def spy(question: str, **kwargs: Any) -> Answer:
            asked.append((question, kwargs))
            return real(question, **kwargs)

        monkeypatch.setattr(service, "ask", spy)

        def make(encrypt_key: str | None) -> Bot:
            settings = FeishuSettings(
                app_id=APP_ID, app_secret=SecretStr(APP_SECRET),
                verification_token=SecretStr(VTOKEN),
                encrypt_key=SecretStr(encrypt_key) if encrypt_key else None,
                api_base=feishu.base_url,
            )  # fmt: skip
            app = FastAPI()
            router = bots_router(
                service, BotsConfig(feishu=settings, role="analyst"), chart_png=fake_chart_png
            )
            app.include_router(router, prefix="/bots")
            client = TestClient(app).__enter__()
            clients.append(client)
            return Bot(client, feishu, service, asked)

        yield make
        for client in clients:
            client.__exit__(None, None, None)


@pytest.fixture
def bot(make_bot: BotFactory) -> Bot:
    return make_bot(None)


@pytest.fixture
def encrypted(make_bot: BotFactory) -> Bot:
    pytest.importorskip("cryptography", reason="encrypted Feishu events need cryptography")
    return make_bot(ENCRYPT_KEY)


def message(text: str, message_id: str, *, chat_type: str = "group", root_id: str | None = None,
            event_id: str | None = None, token: str = VTOKEN, sender_type: str = "user",
            age_s: float = 0.0) -> dict[str, Any]:  # fmt: skip
    """An `im.message.receive_v1` event (schema 2.0) as Feishu documents it, @-mentioning the
    bot in group chats."""
    ms = str(int((time.time() - age_s) * 1000))
    mentions = [{"key": "@_user_1", "id": {"open_id": "ou_bot", "union_id": "on_bot"},
                 "name": "Touchpoint Assistant", "tenant_key": "736588c9260f175d"}]  # fmt: skip
    group = chat_type == "group"
    msg: dict[str, Any] = {
        "message_id": message_id, "create_time": ms, "update_time": ms, "chat_id": CHAT,
        "chat_type": chat_type, "message_type": "text",
        "content": json.dumps({"text": f"@_user_1 {text}" if group else text}),
        "mentions": mentions if group else [],
    }  # fmt: skip
    if root_id:
        msg.update(root_id=root_id, parent_id=root_id)
    sender = {"sender_id": {"open_id": "ou_alice", "union_id": "on_alice", "user_id": "alice"},
              "sender_type": sender_type, "tenant_key": "736588c9260f175d"}  # fmt: skip
    header = {"event_id": event_id or f"ev_{message_id}", "token": token, "create_time": ms,
              "event_type": "im.message.receive_v1", "tenant_key": "736588c9260f175d",
              "app_id": APP_ID}  # fmt: skip
    return {"schema": "2.0", "header": header, "event": {"sender": sender, "message": msg}}


def challenge(token: str = VTOKEN) -> dict[str, Any]:
    return {"challenge": "ajls384kdjx98XX", "token": token, "type": "url_verification"}


def test_url_verification_needs_the_verification_token(bot: Bot) -> None:
    response = bot.post(challenge())
    assert response.status_code == 200 and response.json() == {"challenge": "ajls384kdjx98XX"}
    refused = bot.post(challenge(token="not-ours"))
    assert refused.status_code == 401
    assert refused.json()["error"]["code"] == "bad_signature"


def test_group_mention_is_answered_in_a_thread_with_text_then_chart(bot: Bot) -> None:
    assert bot.post(message(QUESTION, "om_first")).status_code == 200
    bot.feishu.wait_for(lambda: len(bot.feishu.replies) == 2)

    text, image = bot.feishu.replies
    assert (text["message_id"], text["msg_type"], text["reply_in_thread"]) == (
        "om_first", "text", True
    )  # fmt: skip
    assert text["content"]["text"].startswith("Product page lost the most users")
    assert "You could also ask:" in text["content"]["text"]
    assert (image["message_id"], image["msg_type"]) == ("om_first", "image")
    assert bot.feishu.images[image["content"]["image_key"]] == TINY_PNG
    session = bot.service.store.session_for("feishu", f"{CHAT}:om_first")
    assert bot.asked == [
        (
            QUESTION,
            {
                "session_id": session.id,
                "role": "analyst",
                "channel": "feishu",
                "principal": session.owner,
            },
        )
    ]


def test_follow_up_in_the_thread_continues_the_conversation(bot: Bot) -> None:
    bot.post(message(QUESTION, "om_first"))
    bot.feishu.wait_for(lambda: len(bot.feishu.replies) == 2)
    bot.post(message("and the week before?", "om_second", root_id="om_first"))
    bot.feishu.wait_for(lambda: len(bot.feishu.replies) == 4)

    follow_up = bot.feishu.replies[2]
    assert (follow_up["message_id"], follow_up["reply_in_thread"]) == ("om_second", True)
    assert "9–15 Nov 2026" in follow_up["content"]["text"]
    assert len({kwargs["session_id"] for _, kwargs in bot.asked}) == 1
    tokens = [r for r in bot.feishu.received if r.path.endswith("tenant_access_token/internal")]
    assert len(tokens) == 1  # the tenant token is reused until it expires


def test_a_direct_chat_is_one_conversation(bot: Bot) -> None:
    bot.post(message(QUESTION, "om_p1", chat_type="p2p"))
    bot.feishu.wait_for(lambda: len(bot.feishu.replies) == 2)
    bot.post(message("and the week before?", "om_p2", chat_type="p2p"))
    bot.feishu.wait_for(lambda: len(bot.feishu.replies) == 4)
    assert not any(r["reply_in_thread"] for r in bot.feishu.replies)
    session = bot.service.store.session_for("feishu", CHAT)
    assert [kw["session_id"] for _, kw in bot.asked] == [session.id, session.id]


def test_bad_token_replays_duplicates_and_bot_messages_run_nothing(bot: Bot) -> None:
    assert bot.post(message(QUESTION, "om_x", token="forged")).status_code == 401
    assert bot.post(message(QUESTION, "om_old", age_s=8 * 3600)).status_code == 401
    own = bot.post(message("a bot's own message", "om_bot", sender_type="app"))
    assert own.status_code == 200
    encrypted = bot.client.post("/bots/feishu/events", json={"encrypt": "abc"})
    assert encrypted.status_code == 400
    assert "TPA_FEISHU_ENCRYPT_KEY" in encrypted.json()["error"]["message"]
    assert bot.asked == [] and bot.feishu.received == []

    bot.post(message(QUESTION, "om_once"))
    again = bot.post(message(QUESTION, "om_once"))  # Feishu's retry: the same event_id
    assert again.status_code == 200 and "duplicate" in again.json()["ignored"]
    bot.feishu.wait_for(lambda: len(bot.feishu.replies) == 2)
    assert [q for q, _ in bot.asked] == [QUESTION]


def test_decrypts_the_documented_example() -> None:
    pytest.importorskip("cryptography", reason="encrypted Feishu events need cryptography")
    from ui.bots.aes import feishu_decrypt

    assert feishu_decrypt("test key", "P37w+VZImNgPEO1RBhJ6RtKl7n6zymIbEG1pReEzghk=") == (
        b"hello world"
    )


def test_encrypted_handshake_and_signed_event_are_answered(encrypted: Bot) -> None:
    response = encrypted.post(challenge(), encrypt_with=ENCRYPT_KEY)  # Feishu does not sign it
    assert response.json() == {"challenge": "ajls384kdjx98XX"}
    forged = encrypted.post(challenge(token="nope"), encrypt_with=ENCRYPT_KEY)
    assert forged.status_code == 401

    event = message(QUESTION, "om_enc")
    assert encrypted.post(event, encrypt_with=ENCRYPT_KEY, sign_with=ENCRYPT_KEY).status_code == 200
    encrypted.feishu.wait_for(lambda: len(encrypted.feishu.replies) == 2)
    assert encrypted.feishu.replies[0]["content"]["text"].startswith("Product page lost")


def test_encrypted_mode_refuses_unsigned_forged_stale_and_plain_events(encrypted: Bot) -> None:
    event = message(QUESTION, "om_enc2")
    stale = int(time.time()) - 10 * 60
    refused = [
        encrypted.post(event, encrypt_with=ENCRYPT_KEY),  # no X-Lark-Signature
        encrypted.post(event, encrypt_with=ENCRYPT_KEY, sign_with="another-key"),
        encrypted.post(event, encrypt_with=ENCRYPT_KEY, sign_with=ENCRYPT_KEY, timestamp=stale),
        encrypted.post(event, encrypt_with="another-key", sign_with=ENCRYPT_KEY),
        encrypted.post(event, sign_with=ENCRYPT_KEY),  # plaintext although a key is configured
    ]
    assert [r.status_code for r in refused] == [401] * 5
    assert encrypted.asked == [] and encrypted.feishu.received == []


def test_without_cryptography_encrypted_events_get_503(
    make_bot: BotFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "cryptography.hazmat.primitives.ciphers", None)
    bot = make_bot(ENCRYPT_KEY)
    body = json.dumps({"encrypt": base64.b64encode(bytes(48)).decode()}).encode()
    headers = {"Content-Type": "application/json", **feishu_signed(ENCRYPT_KEY, body)}
    response = bot.client.post("/bots/feishu/events", content=body, headers=headers)
    assert response.status_code == 503
    assert "cryptography" in response.json()["error"]["message"]
    assert bot.asked == []


def test_excel_in_the_thread_replies_with_the_table_as_a_file(bot: Bot) -> None:
    bot.post(message(QUESTION, "om_table"))
    bot.feishu.wait_for(lambda: len(bot.feishu.replies) == 2)
    bot.post(message("excel", "om_excel", root_id="om_table"))
    bot.feishu.wait_for(lambda: len(bot.feishu.replies) == 3)
    reply = bot.feishu.replies[2]
    assert (reply["message_id"], reply["msg_type"]) == ("om_excel", "file")
    stored = bot.feishu.files[reply["content"]["file_key"]]
    assert stored["type"] == "xls" and stored["name"].endswith(".xlsx")
    assert stored["data"][:2] == b"PK"  # a zip: an XLSX workbook
    assert len(bot.asked) == 1
