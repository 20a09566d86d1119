"""The HTTP API: /v1, /healthz and /metrics (DESIGN.md "Interfaces"); `create_app` builds it."""

from __future__ import annotations

from assistant.api.app import create_app
from assistant.api.settings import ServerSettings

__all__ = ["ServerSettings", "create_app"]
