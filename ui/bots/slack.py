"""Slack: the Events API (`app_mention` in channels, direct messages) and a slash command.

Inbound requests are signed with the app's signing secret (`X-Slack-Signature`, v0 HMAC-SHA256
over `v0:{timestamp}:{body}`, `X-Slack-Request-Timestamp` within 5 minutes); the URL
verification handshake echoes the challenge. Answers go back with `chat.postMessage` in the
message's thread, and the chart as a PNG file through `files.getUploadURLExternal` and
`files.completeUploadExternal`. Each thread (a DM without thread: the DM) is one session. A slash
command posts the question to the channel and answers in that message's thread.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qs

import httpx
from fastapi import Request
from fastapi.responses import JSONResponse

from ui.bots.common import PlatformError, SeenCache, json_body, json_of, read_body
from ui.bots.config import SlackSettings
from ui.bots.dispatch import Dispatcher
from ui.bots.files import TableFile
from ui.bots.replies import clip, slack_escape, strip_slack_mentions
from ui.bots.signing import SLACK_WINDOW_S, SignatureError, verify_slack

MAX_TEXT_BYTES = 36_000  # chat.postMessage truncates text over 40,000 characters
PLATFORM = "slack"


class SlackApi:
    """The few Web API methods the bot calls, with its bot token."""

    def __init__(self, settings: SlackSettings) -> None:
        self.base = settings.api_base.rstrip("/")
        self._auth = {"Authorization": f"Bearer {settings.bot_token.get_secret_value()}"}

    def call(self, http: httpx.Client, method: str, **kwargs: Any) -> dict[str, Any]:
        """POST a method (`json=` or `data=`); `PlatformError` unless Slack says ok."""
        response = http.post(f"{self.base}/{method}", headers=self._auth, **kwargs)
        data = json_of(response, "Slack", method)
        if not data.get("ok"):
            raise PlatformError(f"Slack {method} failed: {data.get('error', 'unknown error')}")
        return data

    def post_message(self, http: httpx.Client, channel: str, text: str, thread_ts: str | None
                     ) -> str:  # fmt: skip
        payload: dict[str, Any] = {"channel": channel, "text": clip(text, MAX_TEXT_BYTES)}
        if thread_ts:
            payload["thread_ts"] = thread_ts
        return str(self.call(http, "chat.postMessage", json=payload).get("ts", ""))

    def upload_png(self, http: httpx.Client, channel: str, *, thread_ts: str | None, png: bytes,
                   title: str = "chart.png", media_type: str = "image/png") -> None:  # fmt: skip
        form = {"filename": title, "length": str(len(png))}
        ticket = self.call(http, "files.getUploadURLExternal", data=form)
        sent = http.post(str(ticket["upload_url"]), content=png,
                         headers={"Content-Type": media_type})  # fmt: skip
        if sent.status_code >= 400:
            raise PlatformError(f"Slack file upload answered HTTP {sent.status_code}")
        done: dict[str, Any] = {"files": [{"id": ticket["file_id"], "title": title}]}
        done["channel_id"] = channel
        if thread_ts:
            done["thread_ts"] = thread_ts
        self.call(http, "files.completeUploadExternal", json=done)


@dataclass
class SlackThread:
    """A Slack thread to answer in; with `opener`, a new thread started by posting it first."""

    api: SlackApi
    channel: str
    thread_ts: str | None
    key: str = ""
    opener: str | None = None
    user: str = ""  # who asked (roles are mapped by user or channel, docs/bots.md)
    platform: str = PLATFORM

    def thread_key(self, http: httpx.Client) -> str:
        if self.opener is not None:
            self.thread_ts = self.api.post_message(http, self.channel, self.opener, None)
            self.key = f"{self.channel}:{self.thread_ts}"
        return self.key

    def post_text(self, http: httpx.Client, text: str) -> None:
        self.api.post_message(http, self.channel, slack_escape(text), self.thread_ts)

    def post_image(self, http: httpx.Client, png: bytes) -> None:
        self.api.upload_png(http, self.channel, thread_ts=self.thread_ts, png=png)

    def post_file(self, http: httpx.Client, file: TableFile) -> None:
        self.api.upload_png(
            http, self.channel, thread_ts=self.thread_ts, png=file.data, title=file.name,
            media_type=file.media_type,
        )  # fmt: skip


class SlackAdapter:
    """`POST /slack/events` and `POST /slack/commands`."""

    def __init__(self, settings: SlackSettings, dispatcher: Dispatcher,
                 clock: Callable[[], float] = time.time) -> None:  # fmt: skip
        self.api, self.dispatcher, self.clock = SlackApi(settings), dispatcher, clock
        self._secret = settings.signing_secret.get_secret_value()
        self._events = SeenCache(ttl_s=24 * 3600)
        self._signatures = SeenCache(ttl_s=2 * SLACK_WINDOW_S)

    async def events(self, request: Request) -> JSONResponse:
        body = await self._verified(request)
        payload = json_body(body)
        if payload.get("type") == "url_verification":
            return JSONResponse({"challenge": str(payload.get("challenge", ""))})
        event_id = str(payload.get("event_id") or "")
        if payload.get("type") != "event_callback" or not event_id:
            return JSONResponse({"ok": True, "ignored": "not an event callback"})
        if not self._events.first(event_id):
            return JSONResponse({"ok": True, "ignored": "duplicate delivery"})
        found = _question(payload.get("event"), self.api)
        if found is not None:
            self.dispatcher.submit(*found)
        return JSONResponse({"ok": True})

    async def command(self, request: Request) -> JSONResponse:
        body = await self._verified(request)
        if not self._signatures.first(request.headers.get("x-slack-signature", "")):
            raise SignatureError("this signed request was already received (a replay)")
        form = {k: v[0] for k, v in parse_qs(body.decode(errors="replace")).items()}
        question = strip_slack_mentions(form.get("text", ""))
        channel, user = form.get("channel_id", ""), form.get("user_id", "")
        if not question or not channel:
            command = form.get("command", "/tpa")
            usage = (
                f"Ask a question, e.g. `{command} which touchpoint lost the most users last week`"
            )
            return JSONResponse({"response_type": "ephemeral", "text": usage})
        opener = f"<@{user}> asked: {slack_escape(question)}" if user else slack_escape(question)
        thread = SlackThread(self.api, channel, None, opener=opener, user=user)
        self.dispatcher.submit(question, thread)
        return JSONResponse({"response_type": "ephemeral", "text": "Working on it…"})

    async def _verified(self, request: Request) -> bytes:
        body = await read_body(request)
        headers = request.headers
        verify_slack(
            self._secret, headers.get("x-slack-request-timestamp"),
            signature=headers.get("x-slack-signature"), body=body, now=self.clock(),
        )  # fmt: skip
        return body


def _question(event: Any, api: SlackApi) -> tuple[str, SlackThread] | None:
    """The question and its thread, for a mention or a direct message from a person."""
    if not isinstance(event, dict) or event.get("bot_id") or event.get("subtype"):
        return None
    channel, ts = str(event.get("channel") or ""), str(event.get("ts") or "")
    thread = str(event.get("thread_ts") or "")
    if not channel or not ts:
        return None
    if event.get("type") == "app_mention":
        thread = thread or ts
    elif event.get("type") != "message" or event.get("channel_type") != "im":
        return None
    key = f"{channel}:{thread}" if thread else channel
    text = strip_slack_mentions(str(event.get("text") or ""))
    user = str(event.get("user") or "")
    return text, SlackThread(api, channel, thread or None, key=key, user=user)


__all__ = ["SlackAdapter", "SlackApi", "SlackThread"]
