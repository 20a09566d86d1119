"""WeCom (企业微信): a self-built app's callback mode ("receive messages" by API).

Every callback carries `msg_signature`, `timestamp` and `nonce` in the query: msg_signature =
SHA-1 of the sorted, concatenated token, timestamp, nonce and encrypted text. `GET` verifies
the URL: the decrypted `echostr` is the answer. `POST` brings XML whose `Encrypt` decrypts
(AES-256-CBC, key = base64(EncodingAESKey + "="), IV its first 16 bytes) to the message XML,
addressed to our corp id. Stale timestamps and reused nonces are refused. Answers are sent to the
user with `message/send` (and the chart via `media/upload`), with the app's access token. Each
user's chat with the app is one session.
"""

from __future__ import annotations

import time
import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Final

import defusedxml.ElementTree as SafeET
import httpx
from defusedxml import DTDForbidden, EntitiesForbidden, ExternalReferenceForbidden
from fastapi import Request
from fastapi.responses import PlainTextResponse

from ui.bots.aes import wecom_decrypt
from ui.bots.common import (
    BotError,
    SeenCache,
    TokenCache,
    errcode_json,
    read_body,
)
from ui.bots.config import WeComSettings
from ui.bots.dispatch import Dispatcher
from ui.bots.files import TableFile
from ui.bots.replies import clip
from ui.bots.signing import WECOM_WINDOW_S, SignatureError, verify_wecom

PLATFORM: Final = "wecom"
MAX_TEXT_BYTES: Final = 2048  # message/send: text content is at most 2048 bytes


class WeComApi:
    """Access token, media upload and `message/send` for one app (AgentId)."""

    def __init__(self, settings: WeComSettings) -> None:
        self.base = settings.api_base.rstrip("/") + "/cgi-bin"
        self.agent_id = settings.agent_id
        self._app = {"corpid": settings.corp_id, "corpsecret": settings.secret.get_secret_value()}
        self._tokens = TokenCache(self._access_token)

    def _access_token(self, http: httpx.Client) -> tuple[str, float]:
        sent = http.get(f"{self.base}/gettoken", params=self._app)
        data = errcode_json(sent, "WeCom", "gettoken")
        return str(data["access_token"]), float(data.get("expires_in", 7200))

    def send(self, http: httpx.Client, user: str, msgtype: str, content: dict[str, Any]) -> None:
        body = {"touser": user, "msgtype": msgtype, "agentid": self.agent_id, msgtype: content}
        params = {"access_token": self._tokens.get(http)}
        sent = http.post(f"{self.base}/message/send", params=params, json=body)
        errcode_json(sent, "WeCom", "message/send")

    def upload_image(self, http: httpx.Client, png: bytes) -> str:
        return self.upload(http, "image", name="chart.png", data=png, media_type="image/png")

    def upload(self, http: httpx.Client, kind: str, *, name: str, data: bytes, media_type: str
               ) -> str:  # fmt: skip
        """`media/upload` of an image or a file (`kind`); the media id."""
        params = {"access_token": self._tokens.get(http), "type": kind}
        files = {"media": (name, data, media_type)}
        sent = http.post(f"{self.base}/media/upload", params=params, files=files)
        return str(errcode_json(sent, "WeCom", "media/upload")["media_id"])


@dataclass(frozen=True)
class WeComUser:
    """A member's chat with the app."""

    api: WeComApi
    user: str
    platform: str = PLATFORM

    def thread_key(self, http: httpx.Client) -> str:
        return self.user

    def post_text(self, http: httpx.Client, text: str) -> None:
        self.api.send(http, self.user, "text", {"content": clip(text, MAX_TEXT_BYTES)})

    def post_image(self, http: httpx.Client, png: bytes) -> None:
        self.api.send(http, self.user, "image", {"media_id": self.api.upload_image(http, png)})

    def post_file(self, http: httpx.Client, file: TableFile) -> None:
        media_id = self.api.upload(
            http, "file", name=file.name, data=file.data, media_type=file.media_type
        )
        self.api.send(http, self.user, "file", {"media_id": media_id})


class WeComAdapter:
    """`GET /wecom/callback` (URL verification) and `POST /wecom/callback` (messages)."""

    def __init__(self, settings: WeComSettings, dispatcher: Dispatcher,
                 clock: Callable[[], float] = time.time) -> None:  # fmt: skip
        self.api, self.dispatcher, self.clock = WeComApi(settings), dispatcher, clock
        self._token = settings.token.get_secret_value()
        self._aes_key = settings.encoding_aes_key.get_secret_value()
        self._corp_id, self._agent_id = settings.corp_id, str(settings.agent_id)
        self._nonces = SeenCache(ttl_s=2 * WECOM_WINDOW_S)
        self._messages = SeenCache(ttl_s=24 * 3600)

    async def verify_url(self, request: Request) -> PlainTextResponse:
        query = dict(request.query_params)
        echostr = query.get("echostr")
        if not echostr:
            raise BotError(400, "bad_request", "echostr is missing")
        verify_wecom(self._token, query, echostr, self.clock())
        echo = wecom_decrypt(self._aes_key, echostr, self._corp_id)
        return PlainTextResponse(echo.decode(errors="replace"))

    async def callback(self, request: Request) -> PlainTextResponse:
        body = await read_body(request)
        query = dict(request.query_params)
        encrypt = _xml(body).get("Encrypt", "")
        verify_wecom(self._token, query, encrypt, self.clock())
        if not self._nonces.first(f"{query.get('timestamp')}:{query.get('nonce')}"):
            raise SignatureError("this nonce was already used (a replay)")
        message = _xml(wecom_decrypt(self._aes_key, encrypt, self._corp_id))
        user, msg_id = message.get("FromUserName", ""), message.get("MsgId", "")
        if message.get("MsgType") != "text" or not user or not msg_id:
            return PlainTextResponse("")
        if message.get("AgentID", self._agent_id) != self._agent_id:
            return PlainTextResponse("")
        if self._messages.first(msg_id):
            question = " ".join(message.get("Content", "").split())
            self.dispatcher.submit(question, WeComUser(self.api, user))
        return PlainTextResponse("")


def _xml(data: bytes) -> dict[str, str]:
    """The child elements of a flat WeCom XML document.

    defusedxml refuses a DTD, entities and external references as the parser meets them, in
    whatever encoding the document declares (UTF-16, UTF-32, EBCDIC…), before anything expands;
    the envelope is read this way only to find `Encrypt`, whose signature is checked before the
    message inside is parsed (the same way)."""
    try:
        root = SafeET.fromstring(data, forbid_dtd=True)
    except (DTDForbidden, EntitiesForbidden, ExternalReferenceForbidden):
        raise BotError(400, "bad_request", "XML with a DTD or entities is not accepted") from None
    except (ET.ParseError, ValueError, LookupError):
        raise BotError(400, "bad_request", "the body is not XML") from None
    return {child.tag: (child.text or "").strip() for child in root}


__all__ = ["WeComAdapter", "WeComApi", "WeComUser"]
