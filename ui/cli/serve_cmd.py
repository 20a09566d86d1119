"""`tpa serve`: one process — the chat at /, the HTTP API under /v1, bots under /bots."""

from __future__ import annotations

import ipaddress
from datetime import date
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape

from ui.cli.model_cmds import ModelOption
from ui.cli.options import AsOfOption, DbOption

err = Console(stderr=True, highlight=False, soft_wrap=True)

HostOption = Annotated[
    str, typer.Option("--host", help="Interface to listen on (loopback by default).")
]
PortOption = Annotated[int, typer.Option("--port", min=1, max=65535, help="Port to listen on.")]
ChatRoleOption = Annotated[
    str | None,
    typer.Option(
        "--chat-role",
        envvar="TPA_CHAT_ROLE",
        help="Access role of the chat at / (default: the model's default role).",
    ),
]


def serve(
    host: HostOption = "127.0.0.1",
    port: PortOption = 7860,
    *,
    db: DbOption = None,
    model: ModelOption = None,
    as_of: AsOfOption = None,
    chat_role: ChatRoleOption = None,
) -> None:
    """Serve the assistant: the chat at / (sign-in with an API key or a TPA_CHAT_USERS user when
    either is set; otherwise loopback only), the HTTP API under /v1 (API keys from TPA_API_KEYS,
    "key:role,…"), the messaging bots under /bots (TPA_SLACK_*, TPA_FEISHU_*, TPA_DINGTALK_*,
    TPA_WECOM_*; see docs/bots.md), answer links at /a/{id} (docs/api.md), OpenAPI docs at /docs,
    /healthz and /metrics. Nothing is fetched from the internet."""
    run_server(host, port, db=db, model=model, as_of=as_of, chat_role=chat_role)


def run_server(
    host: str,
    port: int,
    *,
    db: Path | None,
    model: Path | None,
    as_of: date | None,
    chat_role: str | None = None,
) -> None:
    """Open the service and serve it with uvicorn until interrupted (`ui.chat` and
    `assistant.retrieval` switch off Gradio's analytics and chromadb's telemetry on import)."""
    import uvicorn

    from assistant.config import AssistantConfig
    from assistant.service import AssistantService
    from semantic_layer.errors import UserError
    from ui.api import ServerSettings

    service: AssistantService | None = None
    try:
        settings = ServerSettings.from_env(host=host, port=port)
        if not settings.chat_sign_in and not _loopback(settings.host):
            raise UserError(
                f"the chat has no sign-in, so it may not listen on {settings.host}",
                hint="set TPA_API_KEYS or TPA_CHAT_USERS (docs/api.md), or serve on 127.0.0.1",
            )
        service = AssistantService.open(AssistantConfig.from_env(db=db, model=model, as_of=as_of))
        from ui.server import build_server  # the web stack loads only once the data opened

        app = build_server(service, settings, chat_role=chat_role)
    except Exception as exc:
        if service is not None:
            service.close()
        if isinstance(exc, UserError):
            err.print(f"[bold red]error:[/] {escape(exc.render())}", markup=True)
            raise typer.Exit(2) from None
        if type(exc).__module__.startswith(("connectors", "assistant")):
            err.print(
                f"[bold red]error:[/] {escape(str(exc))}", markup=True
            )  # start-up errors name the file
            raise typer.Exit(2) from None
        raise
    if not settings.api_keys:
        err.print("note: no API keys (TPA_API_KEYS): the /v1 API refuses every request")
    if settings.chat_sign_in:
        err.print("chat: sign-in required (API keys, TPA_CHAT_USERS or a trusted proxy header)")
    else:
        err.print(
            f"chat: no sign-in configured, so it serves loopback only ({settings.host}) as the "
            f"'{chat_role or 'default'}' role; set TPA_API_KEYS or TPA_CHAT_USERS to serve others"
        )
    err.print(f"chat on http://{settings.host}:{settings.port}/  (API docs: /docs)")
    try:
        uvicorn.run(
            app, host=settings.host, port=settings.port, log_level="warning",
            http="h11", h11_max_incomplete_event_size=settings.max_header_bytes,
        )  # fmt: skip
    finally:
        service.close()


def _loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


__all__ = ["run_server", "serve"]
