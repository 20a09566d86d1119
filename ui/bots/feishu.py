"""Feishu/Lark: event subscription (`im.message.receive_v1`, schema 2.0) to a request URL.

Without an encrypt key, requests carry the app's verification token in the body. With one, the
body is `{"encrypt": …}` (AES-256-CBC, key SHA-256(encrypt key)) and every event is signed:
`X-Lark-Signature` = SHA-256(timestamp + nonce + encrypt key + body), checked before decrypting;
the URL-verification handshake (which Feishu does not sign) must still carry the token.
Answers are replies to the message (`im/v1/messages/:message_id/reply`, in a thread in group
chats) with a tenant access token; the chart is uploaded with `im/v1/images`. A direct chat is
one session; in a group, each thread is.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Final
from urllib.parse import quote

import httpx
from fastapi import Request
from fastapi.responses import JSONResponse

from ui.bots.aes import feishu_decrypt
from ui.bots.common import (
    BotError,
    PlatformError,
    SeenCache,
    TokenCache,
    json_body,
    json_of,
    read_body,
)
from ui.bots.config import FeishuSettings
from ui.bots.dispatch import Dispatcher
from ui.bots.files import TableFile
from ui.bots.replies import clip, strip_feishu_mentions
from ui.bots.signing import SignatureError, check_equal, verify_feishu

PLATFORM: Final = "feishu"
MAX_TEXT_BYTES: Final = 30_000
MAX_EVENT_AGE_S: Final = 7 * 3600  # Feishu retries a failed push for up to ~6 hours
MESSAGE_EVENT: Final = "im.message.receive_v1"


class FeishuApi:
    """Tenant access token, image upload and message reply."""

    def __init__(self, settings: FeishuSettings) -> None:
        self.base = settings.api_base.rstrip("/") + "/open-apis"
        self._app = {
            "app_id": settings.app_id,
            "app_secret": settings.app_secret.get_secret_value(),
        }
        self._tokens = TokenCache(self._tenant_token)

    def _tenant_token(self, http: httpx.Client) -> tuple[str, float]:
        url = f"{self.base}/auth/v3/tenant_access_token/internal"
        data = _ok(json_of(http.post(url, json=self._app), "Feishu", "tenant_access_token"))
        return str(data["tenant_access_token"]), float(data.get("expire", 7200))

    def call(self, http: httpx.Client, path: str, **kwargs: Any) -> dict[str, Any]:
        """POST an API path with the tenant token; `PlatformError` unless `code` is 0."""
        auth = {"Authorization": f"Bearer {self._tokens.get(http)}"}
        return _ok(json_of(http.post(self.base + path, headers=auth, **kwargs), "Feishu", path))

    def reply(self, http: httpx.Client, message_id: str, *, msg_type: str, content: dict[str, Any],
              in_thread: bool) -> None:  # fmt: skip
        body = {
            "msg_type": msg_type,
            "content": json.dumps(content, ensure_ascii=False),
            "reply_in_thread": in_thread,
        }
        self.call(http, f"/im/v1/messages/{quote(message_id, safe='')}/reply", json=body)

    def send(self, http: httpx.Client, chat_id: str, msg_type: str, content: dict[str, Any]
             ) -> None:  # fmt: skip
        """A new message (not a reply) in a chat: `im/v1/messages?receive_id_type=chat_id`."""
        body = {"receive_id": chat_id, "msg_type": msg_type,
                "content": json.dumps(content, ensure_ascii=False)}  # fmt: skip
        self.call(http, "/im/v1/messages", params={"receive_id_type": "chat_id"}, json=body)

    def upload_image(self, http: httpx.Client, png: bytes) -> str:
        files = {"image": ("chart.png", png, "image/png")}
        data = self.call(http, "/im/v1/images", data={"image_type": "message"}, files=files)
        return str(data["data"]["image_key"])

    def upload_file(self, http: httpx.Client, file: TableFile) -> str:
        """`im/v1/files`: an XLSX as file_type "xls", a CSV as "stream"."""
        form = {"file_type": "xls" if file.fmt == "xlsx" else "stream", "file_name": file.name}
        files = {"file": (file.name, file.data, file.media_type)}
        return str(self.call(http, "/im/v1/files", data=form, files=files)["data"]["file_key"])


def _ok(data: dict[str, Any]) -> dict[str, Any]:
    if data.get("code") != 0:
        raise PlatformError(f"Feishu API error {data.get('code')}: {data.get('msg', '')}")
    return data


@dataclass(frozen=True)
class FeishuReply:
    """Replies to one message (in its thread, in group chats)."""

    api: FeishuApi
    message_id: str
    key: str
    in_thread: bool
    platform: str = PLATFORM
    user: str = ""  # the sender's open_id
    channel: str = ""  # the chat_id

    def thread_key(self, http: httpx.Client) -> str:
        return self.key

    def post_text(self, http: httpx.Client, text: str) -> None:
        content = {"text": clip(text, MAX_TEXT_BYTES)}
        self.api.reply(
            http, self.message_id, msg_type="text", content=content, in_thread=self.in_thread
        )

    def post_image(self, http: httpx.Client, png: bytes) -> None:
        image_key = self.api.upload_image(http, png)
        self.api.reply(
            http,
            self.message_id,
            msg_type="image",
            content={"image_key": image_key},
            in_thread=self.in_thread,
        )

    def post_file(self, http: httpx.Client, file: TableFile) -> None:
        file_key = self.api.upload_file(http, file)
        self.api.reply(
            http,
            self.message_id,
            msg_type="file",
            content={"file_key": file_key},
            in_thread=self.in_thread,
        )


class FeishuAdapter:
    """`POST /feishu/events`."""

    def __init__(self, settings: FeishuSettings, dispatcher: Dispatcher,
                 clock: Callable[[], float] = time.time) -> None:  # fmt: skip
        self.api, self.dispatcher, self.clock = FeishuApi(settings), dispatcher, clock
        self._token = settings.verification_token.get_secret_value()
        key = settings.encrypt_key
        self._encrypt_key = key.get_secret_value() if key is not None else None
        self._events = SeenCache(ttl_s=MAX_EVENT_AGE_S + 3600)

    async def events(self, request: Request) -> JSONResponse:
        body = await read_body(request)
        payload = self._opened(dict(request.headers), body)
        if payload.get("type") == "url_verification":
            return JSONResponse({"challenge": str(payload.get("challenge", ""))})
        header = payload.get("header")
        if payload.get("schema") != "2.0" or not isinstance(header, dict):
            return JSONResponse({"ignored": "only schema 2.0 events are handled"})
        event_id = str(header.get("event_id") or "")
        if not event_id or not self._events.first(event_id):
            return JSONResponse({"ignored": "duplicate delivery, or no event id"})
        if not self._recent(header.get("create_time")):
            raise SignatureError("the event is older than Feishu's retry period (a replay)")
        if header.get("event_type") == MESSAGE_EVENT:
            found = _question(payload.get("event"), self.api)
            if found is not None:
                self.dispatcher.submit(*found)
        return JSONResponse({})

    def _opened(self, headers: dict[str, str], body: bytes) -> dict[str, Any]:
        """The event, its signature checked and decrypted; its verification token checked."""
        outer = json_body(body)
        if self._encrypt_key is None:
            if "encrypt" in outer:
                raise BotError(400, "encrypted", "the event is encrypted but no encrypt key is "
                               "configured: set TPA_FEISHU_ENCRYPT_KEY")  # fmt: skip
            payload = outer
        else:
            payload = self._decrypted(headers, body, outer, self._encrypt_key)
        head = payload.get("header")
        token = head.get("token") if isinstance(head, dict) else payload.get("token")
        check_equal(self._token, str(token or ""), "verification token")
        return payload

    def _decrypted(self, headers: dict[str, str], body: bytes, outer: dict[str, Any], key: str
                   ) -> dict[str, Any]:  # fmt: skip
        encrypted = outer.get("encrypt")
        if not isinstance(encrypted, str):
            raise SignatureError("the body is not encrypted, but an encrypt key is configured")
        signed = "x-lark-signature" in headers
        if signed:
            verify_feishu(key, headers, body, self.clock())
        payload = json_body(feishu_decrypt(key, encrypted))
        if not signed and payload.get("type") != "url_verification":
            raise SignatureError("the request has no X-Lark-Signature")
        return payload

    def _recent(self, create_time: Any) -> bool:
        try:
            return self.clock() - int(str(create_time)) / 1000 <= MAX_EVENT_AGE_S
        except ValueError:
            return False


def _question(event: Any, api: FeishuApi) -> tuple[str, FeishuReply] | None:
    """The question and where to reply, for a text message from a person."""
    if not isinstance(event, dict) or not isinstance(event.get("message"), dict):
        return None
    sender = event.get("sender")
    if not isinstance(sender, dict) or sender.get("sender_type") != "user":
        return None
    message: dict[str, Any] = event["message"]
    message_id, chat_id = str(message.get("message_id") or ""), str(message.get("chat_id") or "")
    if message.get("message_type") != "text" or not message_id or not chat_id:
        return None
    try:
        text = str(json.loads(str(message.get("content") or "{}")).get("text") or "")
    except (ValueError, AttributeError):
        return None
    keys = [str(m.get("key")) for m in message.get("mentions") or [] if isinstance(m, dict)]
    question = strip_feishu_mentions(text, keys)
    ids = sender.get("sender_id")
    user = str(ids.get("open_id") or "") if isinstance(ids, dict) else ""
    if message.get("chat_type") == "p2p":
        return question, FeishuReply(api, message_id, chat_id, False, user=user, channel=chat_id)
    key = f"{chat_id}:{message.get('root_id') or message_id}"
    return question, FeishuReply(api, message_id, key, True, user=user, channel=chat_id)


__all__ = ["FeishuAdapter", "FeishuApi", "FeishuReply"]
