"""`build_server`: the one app `tpa serve` runs — the API under /v1, /healthz, /metrics, /docs,
the bots under /bots, answer links at /a/{id}, the watches' scheduler (docs/watches.md) and
the Gradio chat at /.

The chat is mounted last: Gradio's app at "/" would otherwise shadow the routes added after it.
Gradio's analytics and chromadb's telemetry are switched off where those libraries are imported
(`ui.chat`, `assistant.retrieval`).
"""

from __future__ import annotations

from fastapi import FastAPI

from assistant.answer.png import render_png
from assistant.service import AssistantService
from assistant.watches import Watches, WatchStore
from assistant.watches.scheduler import Scheduler, interval_from_env
from ui.api import ServerSettings, create_app
from ui.api.watches import watches_router
from ui.bots import BotsConfig, bots_router
from ui.bots.deliver import Sender
from ui.chat import build_chat, mount_chat
from ui.links import add_links
from ui.signin import ChatGate, SignIn, signin_router


def build_server(
    service: AssistantService,
    settings: ServerSettings,
    bots: BotsConfig | None = None,
    *,
    chat_role: str | None = None,
) -> FastAPI:
    """Everything served for `service`; `bots` defaults to the `TPA_*` variables (docs/bots.md).
    With sign-in configured (`settings.chat_sign_in`) the chat answers with the signed-in person's
    role; without, with `chat_role`'s access policy (None: the model's default role).

    Raises:
        UserError: a bot is half configured, or a role is not in the model's policies."""
    config = bots if bots is not None else BotsConfig.from_env()
    roles = (config.role, chat_role, *config.roles.values())
    for role in roles:  # an unknown role fails now, not at the first question
        service.model.policy(role)
    app = create_app(service, settings)
    app.include_router(bots_router(service, config, chart_png=render_png), prefix="/bots")
    add_links(app, service, settings, chat_role)
    watches = Watches(service, WatchStore.beside(service.config.work_dir), Sender(config),
                      chart_png=render_png)  # fmt: skip
    scheduler = Scheduler(watches, interval_from_env())  # `tpa serve` runs due watches, digests
    app.include_router(watches_router(watches, settings, scheduler))
    signin = SignIn(settings, chat_role)
    app.include_router(signin_router(signin))
    chat = build_chat(service, role=chat_role, watches=watches, signin=signin)
    served = mount_chat(app, chat)
    served.add_middleware(ChatGate, signin=signin, per_minute=settings.rate_per_minute)
    return served


__all__ = ["build_server"]
