"""`ServerSettings`: where to listen, which API keys map to which roles, and the limits."""

from __future__ import annotations

import os
from collections.abc import Mapping

from pydantic import BaseModel, ConfigDict, Field

from semantic_layer.errors import UserError


class ServerSettings(BaseModel):
    """`TPA_API_KEYS="key1:analyst,key2:east_marketing"` maps keys to roles; without keys every
    `/v1` request is refused (401): the API never runs open by accident."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    host: str = "127.0.0.1"
    port: int = Field(default=7860, ge=1, le=65535)
    api_keys: dict[str, str] = Field(default_factory=dict, description="key → role")
    rate_per_minute: int = Field(default=120, ge=1, description="requests per key per minute")
    max_body_bytes: int = Field(default=64 * 1024, ge=1024)
    max_header_bytes: int = Field(default=16 * 1024, ge=1024, description="request headers")
    chat_users: dict[str, tuple[str, str]] = Field(
        default_factory=dict, description="chat user → (password, role)"
    )
    proxy_header: str | None = Field(default=None, description="a trusted proxy's user header")
    proxy_role: str | None = Field(default=None, description="role of proxy users not listed")
    trusted_proxies: tuple[str, ...] = ("127.0.0.1", "::1")

    @property
    def chat_sign_in(self) -> bool:
        """Whether the chat asks who is there (a key, a user, or a trusted proxy's header)."""
        return bool(self.api_keys or self.chat_users or self.proxy_header)

    @classmethod
    def from_env(
        cls, environ: Mapping[str, str] | None = None, **overrides: object
    ) -> ServerSettings:
        env = os.environ if environ is None else environ
        keys: dict[str, str] = {}
        for item in filter(None, (p.strip() for p in env.get("TPA_API_KEYS", "").split(","))):
            key, sep, role = item.partition(":")
            if not sep or not key or not role:
                raise UserError(
                    f"TPA_API_KEYS entry {item[:4]}… is not KEY:ROLE",
                    hint='write TPA_API_KEYS="key1:analyst,key2:east_marketing"',
                )
            keys[key] = role
        values: dict[str, object] = {"api_keys": keys, "chat_users": _users(env)}
        if env.get("TPA_RATE_PER_MINUTE"):
            values["rate_per_minute"] = int(env["TPA_RATE_PER_MINUTE"])
        if env.get("TPA_CHAT_PROXY_HEADER", "").strip():
            values["proxy_header"] = env["TPA_CHAT_PROXY_HEADER"].strip().lower()
            values["proxy_role"] = env.get("TPA_CHAT_PROXY_ROLE", "").strip() or None
        if env.get("TPA_TRUSTED_PROXIES", "").strip():
            proxies = (p.strip() for p in env["TPA_TRUSTED_PROXIES"].split(","))
            values["trusted_proxies"] = tuple(filter(None, proxies))
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls.model_validate(values)


def _users(env: Mapping[str, str]) -> dict[str, tuple[str, str]]:
    """`TPA_CHAT_USERS="alice:PASSWORD:analyst,bob:PASSWORD:east_marketing"`."""
    users: dict[str, tuple[str, str]] = {}
    for item in filter(None, (p.strip() for p in env.get("TPA_CHAT_USERS", "").split(","))):
        name, _, rest = item.partition(":")
        password, _, role = rest.rpartition(":")
        if not name or not password or not role:
            raise UserError(
                f"TPA_CHAT_USERS entry {name[:12] or item[:4]}… is not NAME:PASSWORD:ROLE",
                hint='write TPA_CHAT_USERS="alice:long-secret:analyst,bob:other:service_team"',
            )
        users[name] = (password, role)
    return users


__all__ = ["ServerSettings"]
