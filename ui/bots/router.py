"""`bots_router`: the webhooks of the four messaging platforms, mounted under `/bots`.

    app.include_router(bots_router(service, BotsConfig.from_env(), chart_png=render_png),
                       prefix="/bots")

Every adapter checks the platform's signature (and decrypts) before anything else: a bad,
missing or replayed signature is answered 401 and nothing runs. A platform that is not
configured answers 404 naming the variables to set. Errors are JSON {"error": {code, message}}.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from typing import Any, TypeVar

from fastapi import APIRouter, Request, Response

from assistant.service import AssistantService
from ui.bots.aes import CryptoUnavailable, DecryptError
from ui.bots.common import BotError
from ui.bots.config import (
    BotsConfig,
    DingTalkSettings,
    FeishuSettings,
    SlackSettings,
    WeComSettings,
)
from ui.bots.dingtalk import DingTalkAdapter
from ui.bots.dispatch import ChartPng, Dispatcher
from ui.bots.feishu import FeishuAdapter
from ui.bots.signing import SignatureError
from ui.bots.slack import SlackAdapter
from ui.bots.wecom import WeComAdapter
from ui.requests import error_response

log = logging.getLogger("assistant.bots")
A = TypeVar("A")
Section = type[SlackSettings] | type[FeishuSettings] | type[DingTalkSettings] | type[WeComSettings]


def bots_router(
    service: AssistantService, config: BotsConfig, *, chart_png: ChartPng | None = None
) -> APIRouter:
    """The bot webhooks for `service`; `chart_png(answer.chart)` renders the chart image
    (`assistant.answer.png.render_png`), or None to post text only."""
    dispatcher = Dispatcher(service, chart_png, config.role_for, config.workers)

    @asynccontextmanager
    async def lifespan(app: Any) -> AsyncIterator[None]:
        yield
        dispatcher.close()

    router = APIRouter(tags=["bots"], lifespan=lifespan)
    _slack(router, SlackAdapter(config.slack, dispatcher) if config.slack else None)
    _feishu(router, FeishuAdapter(config.feishu, dispatcher) if config.feishu else None)
    ding = DingTalkAdapter(config.dingtalk, dispatcher) if config.dingtalk else None
    _dingtalk(router, ding)
    _wecom(router, WeComAdapter(config.wecom, dispatcher) if config.wecom else None)
    return router


def _slack(router: APIRouter, adapter: SlackAdapter | None) -> None:
    @router.post("/slack/events", summary="Slack Events API (mentions, direct messages)")
    async def slack_events(request: Request) -> Response:
        return await _handle(adapter, SlackSettings, lambda a: a.events(request))

    @router.post("/slack/commands", summary="Slack slash command")
    async def slack_commands(request: Request) -> Response:
        return await _handle(adapter, SlackSettings, lambda a: a.command(request))


def _feishu(router: APIRouter, adapter: FeishuAdapter | None) -> None:
    @router.post("/feishu/events", summary="Feishu/Lark event subscription")
    async def feishu_events(request: Request) -> Response:
        return await _handle(adapter, FeishuSettings, lambda a: a.events(request))


def _dingtalk(router: APIRouter, adapter: DingTalkAdapter | None) -> None:
    @router.post("/dingtalk/callback", summary="DingTalk robot messages (HTTP mode)")
    async def dingtalk_callback(request: Request) -> Response:
        return await _handle(adapter, DingTalkSettings, lambda a: a.callback(request))


def _wecom(router: APIRouter, adapter: WeComAdapter | None) -> None:
    @router.get("/wecom/callback", summary="WeCom callback URL verification")
    async def wecom_verify(request: Request) -> Response:
        return await _handle(adapter, WeComSettings, lambda a: a.verify_url(request))

    @router.post("/wecom/callback", summary="WeCom app messages (callback mode)")
    async def wecom_callback(request: Request) -> Response:
        return await _handle(adapter, WeComSettings, lambda a: a.callback(request))


async def _handle(
    adapter: A | None, section: Section, call: Callable[[A], Awaitable[Response]]
) -> Response:
    """Run an adapter's handler, turning refusals into JSON errors."""
    if adapter is None:
        variables = ", ".join(section.required_env())
        message = f"the {section.NAME} bot is not configured: set {variables} (see docs/bots.md)"
        return error_response(404, "bot_not_configured", message)
    try:
        return await call(adapter)
    except (SignatureError, DecryptError) as exc:
        log.warning("%s webhook refused: %s", section.NAME, exc)
        return error_response(401, "bad_signature", f"{section.NAME}: {exc}")
    except BotError as exc:
        return exc.response()
    except CryptoUnavailable as exc:
        return error_response(503, "crypto_unavailable", exc.render())


__all__ = ["bots_router"]
