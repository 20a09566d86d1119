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
        values: dict[str, object] = {"api_keys": keys}
        if env.get("TPA_RATE_PER_MINUTE"):
            values["rate_per_minute"] = int(env["TPA_RATE_PER_MINUTE"])
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls.model_validate(values)


__all__ = ["ServerSettings"]
