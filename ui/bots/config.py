"""`BotsConfig`: each messaging platform's secrets and API base URL, from `TPA_*` variables.

A platform is on when its required variables are set; a platform with only some of them set is a
mistake, reported with the names of the missing ones. Base URLs default to the real services and
are configurable so tests (and private deployments, e.g. Lark instead of Feishu) can point
elsewhere. docs/bots.md lists every variable.
"""

from __future__ import annotations

import base64
import binascii
import os
from collections.abc import Mapping
from typing import Any, ClassVar

from pydantic import BaseModel, ConfigDict, Field, SecretStr, ValidationError, field_validator

from semantic_layer.errors import UserError


class _Section(BaseModel):
    """One platform's settings; `ENV` maps each field to its variable."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    ENV: ClassVar[dict[str, str]] = {}
    NAME: ClassVar[str] = ""

    @classmethod
    def required_env(cls) -> list[str]:
        return [cls.ENV[name] for name, f in cls.model_fields.items() if f.is_required()]

    @classmethod
    def from_env(cls, env: Mapping[str, str]) -> Any:
        """The section when its variables are set, None when none is; a partial set is an error."""
        given = {field: env[var] for field, var in cls.ENV.items() if env.get(var)}
        if not given:
            return None
        missing = [var for var in cls.required_env() if not env.get(var)]
        if missing:
            raise UserError(
                f"the {cls.NAME} bot is half configured: {', '.join(missing)} not set",
                hint="set them too, or unset the others (see docs/bots.md)",
            )
        try:
            return cls.model_validate(given)
        except ValidationError as exc:
            first = exc.errors()[0]
            var = cls.ENV.get(str(first["loc"][0]), cls.NAME) if first["loc"] else cls.NAME
            raise UserError(f"{var}: {first['msg']}", hint="see docs/bots.md") from None


class SlackSettings(_Section):
    """A Slack app: its signing secret (Basic Information) and bot token (OAuth & Permissions)."""

    NAME: ClassVar[str] = "Slack"
    ENV: ClassVar[dict[str, str]] = {
        "signing_secret": "TPA_SLACK_SIGNING_SECRET",
        "bot_token": "TPA_SLACK_BOT_TOKEN",
        "api_base": "TPA_SLACK_API_BASE",
    }
    signing_secret: SecretStr
    bot_token: SecretStr
    api_base: str = "https://slack.com/api"


class FeishuSettings(_Section):
    """A Feishu/Lark custom app: credentials, the verification token and the optional encrypt
    key (both under Events and Callbacks > Encryption Strategy)."""

    NAME: ClassVar[str] = "Feishu"
    ENV: ClassVar[dict[str, str]] = {
        "app_id": "TPA_FEISHU_APP_ID",
        "app_secret": "TPA_FEISHU_APP_SECRET",
        "verification_token": "TPA_FEISHU_VERIFICATION_TOKEN",
        "encrypt_key": "TPA_FEISHU_ENCRYPT_KEY",
        "api_base": "TPA_FEISHU_API_BASE",
    }
    app_id: str
    app_secret: SecretStr
    verification_token: SecretStr
    encrypt_key: SecretStr | None = None
    api_base: str = "https://open.feishu.cn"


class DingTalkSettings(_Section):
    """A DingTalk internal app with a robot (HTTP mode): AppKey/AppSecret and the robot code
    (for internal apps usually the AppKey)."""

    NAME: ClassVar[str] = "DingTalk"
    ENV: ClassVar[dict[str, str]] = {
        "app_key": "TPA_DINGTALK_APP_KEY",
        "app_secret": "TPA_DINGTALK_APP_SECRET",
        "robot_code": "TPA_DINGTALK_ROBOT_CODE",
        "api_base": "TPA_DINGTALK_API_BASE",
        "oapi_base": "TPA_DINGTALK_OAPI_BASE",
    }
    app_key: str
    app_secret: SecretStr
    robot_code: str | None = None
    api_base: str = "https://api.dingtalk.com"
    oapi_base: str = "https://oapi.dingtalk.com"

    @property
    def robot(self) -> str:
        return self.robot_code or self.app_key


class WeComSettings(_Section):
    """A WeCom (企业微信) self-built app in callback mode: the corp id, the app's AgentId and
    Secret, and the callback Token and EncodingAESKey."""

    NAME: ClassVar[str] = "WeCom"
    ENV: ClassVar[dict[str, str]] = {
        "corp_id": "TPA_WECOM_CORP_ID",
        "agent_id": "TPA_WECOM_AGENT_ID",
        "secret": "TPA_WECOM_SECRET",
        "token": "TPA_WECOM_TOKEN",
        "encoding_aes_key": "TPA_WECOM_ENCODING_AES_KEY",
        "api_base": "TPA_WECOM_API_BASE",
    }
    corp_id: str
    agent_id: int
    secret: SecretStr
    token: SecretStr
    encoding_aes_key: SecretStr
    api_base: str = "https://qyapi.weixin.qq.com"

    @field_validator("encoding_aes_key")
    @classmethod
    def _aes_key(cls, value: SecretStr) -> SecretStr:
        raw = value.get_secret_value()
        try:
            ok = len(raw) == 43 and len(base64.b64decode(raw + "=", validate=True)) == 32
        except (binascii.Error, ValueError):
            ok = False
        if not ok:
            raise ValueError("EncodingAESKey must be the 43-character key WeCom generated")
        return value


class BotsConfig(BaseModel):
    """Which bots are on, with their settings; `role` is the access role of bot conversations
    (None: the model's default, unrestricted)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    slack: SlackSettings | None = None
    feishu: FeishuSettings | None = None
    dingtalk: DingTalkSettings | None = None
    wecom: WeComSettings | None = None
    role: str | None = None  # the default role of people and chats no rule in `roles` maps
    roles: dict[str, str] = Field(default_factory=dict, description="who → role")
    workers: int = Field(default=4, ge=1, le=64, description="answers worked on at once")

    @field_validator("roles")
    @classmethod
    def _who(cls, roles: dict[str, str]) -> dict[str, str]:
        for who in roles:
            parts = who.split(":")
            kind_ok = len(parts) == 3 and parts[1] in ("user", "channel") and parts[2]
            if parts[0] not in PLATFORMS or not (kind_ok or parts[1:] == ["*"]):
                raise ValueError(
                    f"'{who}' is not PLATFORM:user:ID, PLATFORM:channel:ID or PLATFORM:* "
                    f"(platforms: {', '.join(PLATFORMS)})"
                )
        return roles

    def role_for(self, platform: str, user: str, channel: str) -> str | None:
        """The role of a message: its user's rule, its channel's, the platform's, then the
        default (`role`); None when nothing grants one (the bot then refuses politely)."""
        for who in (f"{platform}:user:{user}", f"{platform}:channel:{channel}", f"{platform}:*"):
            if who in self.roles and (user or channel or who.endswith("*")):
                return self.roles[who]
        return self.role

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> BotsConfig:
        """Settings from `TPA_SLACK_*`, `TPA_FEISHU_*`, `TPA_DINGTALK_*`, `TPA_WECOM_*`,
        `TPA_BOTS_ROLE` and `TPA_BOTS_WORKERS`."""
        env = os.environ if environ is None else environ
        values: dict[str, Any] = {
            "slack": SlackSettings.from_env(env),
            "feishu": FeishuSettings.from_env(env),
            "dingtalk": DingTalkSettings.from_env(env),
            "wecom": WeComSettings.from_env(env),
            "role": env.get("TPA_BOTS_ROLE") or None,
            "roles": _roles(env.get("TPA_BOTS_ROLES", "")),
        }
        if env.get("TPA_BOTS_WORKERS"):
            values["workers"] = env["TPA_BOTS_WORKERS"]
        try:
            return cls.model_validate(values)
        except ValidationError as exc:
            first = exc.errors()[0]
            var = {
                "workers": "TPA_BOTS_WORKERS",
                "role": "TPA_BOTS_ROLE",
                "roles": "TPA_BOTS_ROLES",
            }.get(str(first["loc"][0]) if first["loc"] else "", "bots")
            raise UserError(f"{var}: {first['msg']}", hint="see docs/bots.md") from None


PLATFORMS = ("slack", "feishu", "dingtalk", "wecom")


def _roles(text: str) -> dict[str, str]:
    """`slack:user:U1=analyst,feishu:channel:oc_9=east_marketing,wecom:*=service_team`."""
    roles: dict[str, str] = {}
    for item in filter(None, (p.strip() for p in text.split(","))):
        who, sep, role = item.rpartition("=")
        if not sep or not who or not role:
            raise UserError(
                f"TPA_BOTS_ROLES entry '{item}' is not WHO=ROLE",
                hint='write e.g. TPA_BOTS_ROLES="slack:user:U123=analyst,wecom:*=service_team"',
            )
        roles[who.strip()] = role.strip()
    return roles


__all__ = ["BotsConfig", "DingTalkSettings", "FeishuSettings", "SlackSettings", "WeComSettings"]
