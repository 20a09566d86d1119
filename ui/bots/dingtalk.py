"""DingTalk: an internal app's robot in HTTP mode (messages posted to a callback URL).

Each callback has `timestamp` (ms) and `sign` headers, sign = base64(HMAC-SHA256(app secret,
timestamp + "\\n" + app secret)); a timestamp more than an hour off, or a timestamp/sign pair
seen before, is refused. The text answer goes to the `sessionWebhook` of the message (only
accepted on the configured DingTalk host); the chart is uploaded with `media/upload` and sent as
a `sampleImageMsg` by the robot API (group or one-to-one). A one-to-one chat is one session; in
a group, each member's messages are.
"""

from __future__ import annotations

import json
import posixpath
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Final
from urllib.parse import quote, unquote, urlsplit, urlunsplit

import httpx
from fastapi import Request
from fastapi.responses import JSONResponse

from ui.bots.common import (
    BotError,
    PlatformError,
    SeenCache,
    TokenCache,
    errcode_json,
    json_body,
    json_of,
    read_body,
)
from ui.bots.config import DingTalkSettings
from ui.bots.dispatch import Dispatcher
from ui.bots.files import TableFile
from ui.bots.replies import clip
from ui.bots.signing import DINGTALK_WINDOW_S, SignatureError, verify_dingtalk

PLATFORM: Final = "dingtalk"
MAX_TEXT_BYTES: Final = 18_000


class DingTalkApi:
    """Access token, session-webhook replies, media upload and robot image messages."""

    def __init__(self, settings: DingTalkSettings) -> None:
        self.api, self.oapi = settings.api_base.rstrip("/"), settings.oapi_base.rstrip("/")
        self.robot = settings.robot
        self._app = {
            "appKey": settings.app_key,
            "appSecret": settings.app_secret.get_secret_value(),
        }
        self._tokens = TokenCache(self._access_token)

    def _access_token(self, http: httpx.Client) -> tuple[str, float]:
        url = f"{self.api}/v1.0/oauth2/accessToken"
        data = json_of(http.post(url, json=self._app), "DingTalk", "oauth2/accessToken")
        if not data.get("accessToken"):
            raise PlatformError(f"DingTalk gave no access token: {data.get('message', '')}")
        return str(data["accessToken"]), float(data.get("expireIn", 7200))

    def owns(self, webhook: str) -> bool:
        """Whether a sessionWebhook is on the configured DingTalk host (we post nowhere else)."""
        return self.webhook_url(webhook) is not None

    def webhook_url(self, webhook: str) -> str | None:
        """The sessionWebhook rebuilt from its parsed parts when its scheme, host and port are
        the configured DingTalk ones and its normalised path is under /robot/; None otherwise.

        The path is percent-decoded and its `.`/`..` segments resolved before the check, so
        `/robot/../other` or `/robot/%2e%2e/other` is refused; user info, backslashes, control
        characters and fragments are refused outright. What is posted to is the rebuilt URL,
        never the text as received."""
        if any(c in webhook for c in "\\\r\n\t @") or any(ord(c) < 32 for c in webhook):
            return None
        try:
            url, mine = urlsplit(webhook), urlsplit(self.oapi)
            port, my_port = url.port, mine.port
        except ValueError:
            return None
        if url.fragment or url.username or url.password or url.scheme != mine.scheme:
            return None
        if (url.hostname, port) != (mine.hostname, my_port) or not url.hostname:
            return None
        path = posixpath.normpath(unquote(url.path)) if url.path else ""
        base = posixpath.normpath(unquote(mine.path or "/")).rstrip("/")
        if not path.startswith(f"{base}/robot/") or "%" in path:
            return None
        return urlunsplit((mine.scheme, mine.netloc, quote(path), url.query, ""))

    def send_text(self, http: httpx.Client, webhook: str, text: str) -> None:
        url = self.webhook_url(webhook)
        if url is None:
            raise PlatformError("the sessionWebhook is not on the configured DingTalk host")
        body = {"msgtype": "text", "text": {"content": clip(text, MAX_TEXT_BYTES)}}
        errcode_json(http.post(url, json=body), "DingTalk", "sessionWebhook")

    def upload_image(self, http: httpx.Client, png: bytes) -> str:
        return self.upload(http, "image", name="chart.png", data=png, media_type="image/png")

    def upload(self, http: httpx.Client, kind: str, *, name: str, data: bytes, media_type: str
               ) -> str:  # fmt: skip
        """`media/upload` of an image or a file (`kind`); the media id."""
        params = {"access_token": self._tokens.get(http), "type": kind}
        files = {"media": (name, data, media_type)}
        sent = http.post(f"{self.oapi}/media/upload", params=params, files=files)
        return str(errcode_json(sent, "DingTalk", "media/upload")["media_id"])

    def send_image(self, http: httpx.Client, media_id: str, chat: DingTalkChat) -> None:
        self.send_robot(http, chat, "sampleImageMsg", {"photoURL": media_id})

    def send_file(self, http: httpx.Client, file: TableFile, chat: DingTalkChat) -> None:
        media_id = self.upload(
            http, "file", name=file.name, data=file.data, media_type=file.media_type
        )
        param = {"mediaId": media_id, "fileName": file.name, "fileType": file.fmt}
        self.send_robot(http, chat, "sampleFile", param)

    def send_robot(self, http: httpx.Client, chat: DingTalkChat, msg_key: str,
                   param: dict[str, Any]) -> None:  # fmt: skip
        """A robot message (`sampleImageMsg`, `sampleMarkdown`, …) to a group or one person."""
        body: dict[str, Any] = {
            "robotCode": self.robot,
            "msgKey": msg_key,
            "msgParam": json.dumps(param, ensure_ascii=False),
        }
        if chat.group:
            path, body["openConversationId"] = "groupMessages/send", chat.conversation_id
        else:
            path, body["userIds"] = "oToMessages/batchSend", [chat.user_id]
        auth = {"x-acs-dingtalk-access-token": self._tokens.get(http)}
        json_of(http.post(f"{self.api}/v1.0/robot/{path}", json=body, headers=auth),
                "DingTalk", f"robot/{path}")  # fmt: skip


@dataclass(frozen=True)
class DingTalkChat:
    """A DingTalk conversation: text through its session webhook, images through the robot."""

    api: DingTalkApi
    webhook: str
    key: str
    conversation_id: str
    group: bool
    user_id: str
    platform: str = PLATFORM

    @property
    def user(self) -> str:
        return self.user_id

    @property
    def channel(self) -> str:
        return self.conversation_id

    def thread_key(self, http: httpx.Client) -> str:
        return self.key

    def post_text(self, http: httpx.Client, text: str) -> None:
        self.api.send_text(http, self.webhook, text)

    def post_image(self, http: httpx.Client, png: bytes) -> None:
        self.api.send_image(http, self.api.upload_image(http, png), self)

    def post_file(self, http: httpx.Client, file: TableFile) -> None:
        self.api.send_file(http, file, self)


class DingTalkAdapter:
    """`POST /dingtalk/callback`."""

    def __init__(self, settings: DingTalkSettings, dispatcher: Dispatcher,
                 clock: Callable[[], float] = time.time) -> None:  # fmt: skip
        self.api, self.dispatcher, self.clock = DingTalkApi(settings), dispatcher, clock
        self._secret = settings.app_secret.get_secret_value()
        self._signatures = SeenCache(ttl_s=2 * DINGTALK_WINDOW_S)
        self._messages = SeenCache(ttl_s=2 * DINGTALK_WINDOW_S)

    async def callback(self, request: Request) -> JSONResponse:
        body = await read_body(request)
        timestamp, sign = request.headers.get("timestamp"), request.headers.get("sign")
        verify_dingtalk(self._secret, timestamp, sign, self.clock())
        if not self._signatures.first(f"{timestamp}:{sign}"):
            raise SignatureError("this signed request was already received (a replay)")
        payload = json_body(body)
        msg_id = str(payload.get("msgId") or "")
        if not msg_id or not self._messages.first(msg_id):
            return JSONResponse({"ignored": "duplicate delivery, or no message id"})
        found = self._question(payload)
        if found is not None:
            self.dispatcher.submit(*found)
        return JSONResponse({})

    def _question(self, payload: dict[str, Any]) -> tuple[str, DingTalkChat] | None:
        text = payload.get("text")
        webhook = str(payload.get("sessionWebhook") or "")
        if payload.get("msgtype") != "text" or not isinstance(text, dict) or not webhook:
            return None
        if not self.api.owns(webhook):
            raise BotError(400, "bad_webhook", "the sessionWebhook is not on the configured "
                           "DingTalk host (TPA_DINGTALK_OAPI_BASE)")  # fmt: skip
        conversation = str(payload.get("conversationId") or "")
        user = str(payload.get("senderStaffId") or payload.get("senderId") or "")
        group = str(payload.get("conversationType")) == "2"
        key = f"{conversation}:{user}" if group else conversation
        chat = DingTalkChat(self.api, webhook, key, conversation, group, user)
        return " ".join(str(text.get("content") or "").split()), chat


__all__ = ["DingTalkAdapter", "DingTalkApi", "DingTalkChat"]
