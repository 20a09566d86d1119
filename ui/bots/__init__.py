"""Messaging bots: Slack, Feishu/Lark, DingTalk and WeCom webhooks that answer in the chat.

`bots_router(service, BotsConfig.from_env(), chart_png=render_png)` is mounted under `/bots`;
docs/bots.md says how to set up each platform.
"""

from __future__ import annotations

from ui.bots.config import (
    BotsConfig,
    DingTalkSettings,
    FeishuSettings,
    SlackSettings,
    WeComSettings,
)
from ui.bots.router import bots_router

__all__ = [
    "BotsConfig",
    "DingTalkSettings",
    "FeishuSettings",
    "SlackSettings",
    "WeComSettings",
    "bots_router",
]
