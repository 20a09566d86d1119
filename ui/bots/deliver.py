"""Sending an alert or a digest: text plus the chart image, through the bots' own API clients.

- Slack: `chat.postMessage` to the channel, then the chart as a PNG file in it.
- Feishu/Lark: the chart uploaded (`im/v1/images`), then one interactive card (markdown and the
  image) sent to the chat (`im/v1/messages?receive_id_type=chat_id`).
- DingTalk: the chart uploaded (`media/upload`), then a `sampleMarkdown` and a `sampleImageMsg`
  robot message to the group (`openConversationId`).
- WeCom: a `markdown` app message, then the chart as an `image` message (`message/send`).
- Webhook: one JSON POST with the texts in both languages, the chart spec and the PNG (base64).

Each send is tried `attempts` times with exponential back-off (`backoff_s`, doubling); what
finally failed raises `DeliveryFailed`, and the scheduler tries again on a later run.
"""

from __future__ import annotations

import base64
import logging
import time
from collections.abc import Callable
from typing import Any, Final

import httpx

from assistant.watches.metrics import WATCH_METRICS
from assistant.watches.outbox import DeliveryFailed, Message
from assistant.watches.records import Destination
from ui.bots.common import API_TIMEOUT_S, PlatformError
from ui.bots.config import BotsConfig
from ui.bots.dingtalk import DingTalkApi, DingTalkChat
from ui.bots.feishu import FeishuApi
from ui.bots.replies import clip
from ui.bots.slack import SlackApi
from ui.bots.wecom import WeComApi

log = logging.getLogger("assistant.watches")
WECOM_MARKDOWN_BYTES: Final = 4096


class Sender:
    """Sends messages to destinations with the configured bots, retrying with back-off."""

    def __init__(self, bots: BotsConfig, *, attempts: int = 3, backoff_s: float = 1.0,
                 sleep: Callable[[float], None] = time.sleep) -> None:  # fmt: skip
        self.bots, self.attempts, self.backoff_s, self.sleep = bots, attempts, backoff_s, sleep
        self._slack = SlackApi(bots.slack) if bots.slack else None
        self._feishu = FeishuApi(bots.feishu) if bots.feishu else None
        self._dingtalk = DingTalkApi(bots.dingtalk) if bots.dingtalk else None
        self._wecom = WeComApi(bots.wecom) if bots.wecom else None

    def configured(self, dest: Destination) -> bool:
        return dest.platform == "webhook" or getattr(self, f"_{dest.platform}") is not None

    def send(self, dest: Destination, message: Message) -> None:
        """Send, retrying; `DeliveryFailed` when every try failed."""
        if not self.configured(dest):
            WATCH_METRICS.delivery(dest.platform, "failed")
            raise DeliveryFailed(f"the {dest.platform} bot is not configured (see docs/bots.md)")
        error = ""
        for attempt in range(1, self.attempts + 1):
            try:
                with httpx.Client(timeout=API_TIMEOUT_S) as http:
                    self._send(http, dest, message)
                WATCH_METRICS.delivery(dest.platform, "sent")
                return
            except (httpx.HTTPError, PlatformError) as exc:
                error = str(exc) or type(exc).__name__
                log.warning("sending to %s failed (try %d of %d): %s", dest, attempt,
                            self.attempts, error)  # fmt: skip
                if attempt < self.attempts:
                    WATCH_METRICS.retry(dest.platform)
                    self.sleep(self.backoff_s * 2 ** (attempt - 1))
        WATCH_METRICS.delivery(dest.platform, "failed")
        raise DeliveryFailed(error)

    def _send(self, http: httpx.Client, dest: Destination, message: Message) -> None:
        to = dest.address
        if dest.platform == "slack":
            assert self._slack is not None
            self._slack.post_message(http, to, f"*{message.title}*\n{message.text}", None)
            if message.png:
                self._slack.upload_png(http, to, thread_ts=None, png=message.png, title="chart.png")
        elif dest.platform == "feishu":
            assert self._feishu is not None
            key = self._feishu.upload_image(http, message.png) if message.png else None
            self._feishu.send(http, to, "interactive", feishu_card(message, key))
        elif dest.platform == "dingtalk":
            assert self._dingtalk is not None
            chat = DingTalkChat(self._dingtalk, "", to, to, group=True, user_id="")
            markdown = {"title": message.title, "text": f"### {message.title}\n\n{message.text}"}
            self._dingtalk.send_robot(http, chat, "sampleMarkdown", markdown)
            if message.png:
                self._dingtalk.send_image(http, self._dingtalk.upload_image(http, message.png),
                                          chat)  # fmt: skip
        elif dest.platform == "wecom":
            assert self._wecom is not None
            content = clip(f"**{message.title}**\n{message.text}", WECOM_MARKDOWN_BYTES)
            self._wecom.send(http, to, "markdown", {"content": content})
            if message.png:
                media = self._wecom.upload_image(http, message.png)
                self._wecom.send(http, to, "image", {"media_id": media})
        else:
            body = dict(message.payload)
            if message.png:
                body["chart_png_base64"] = base64.b64encode(message.png).decode()
            sent = http.post(to, json=body)
            if sent.status_code >= 400:
                raise PlatformError(f"the webhook answered HTTP {sent.status_code}")


def feishu_card(message: Message, image_key: str | None) -> dict[str, Any]:
    """A Feishu interactive card: a header, the text as markdown, the chart image."""
    elements: list[dict[str, Any]] = [{"tag": "markdown", "content": message.text}]
    if image_key:
        elements.append({"tag": "img", "img_key": image_key,
                         "alt": {"tag": "plain_text", "content": message.title}})  # fmt: skip
    return {
        "config": {"wide_screen_mode": True},
        "header": {"title": {"tag": "plain_text", "content": message.title}},
        "elements": elements,
    }


__all__ = ["Sender", "feishu_card"]
