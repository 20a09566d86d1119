"""The HTTP API: /v1, /healthz, /metrics (docs/design.md "Interfaces"); `create_app` builds it."""

from __future__ import annotations

from ui.api.app import create_app
from ui.api.settings import ServerSettings

__all__ = ["ServerSettings", "create_app"]
