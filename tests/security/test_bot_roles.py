"""Bot users get the role configuration maps them to, never the analyst's by default
(issue 14, leak 5): rules by user, then channel, then platform, then the default role; nobody
mapped is refused politely; each message runs under its own asker's role."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import httpx
import pytest

from assistant.config import AssistantConfig
from assistant.service import AssistantService
from semantic_layer.errors import UserError
from ui.bots import BotsConfig
from ui.bots.dispatch import Dispatcher

ENV = {
    "TPA_BOTS_ROLES": "slack:user:U_BOSS=analyst, slack:channel:C_EAST=east_marketing,"
    "wecom:*=service_team",
}
REVENUE = "revenue last week"


@dataclass
class Target:
    user: str
    channel: str
    platform: str = "slack"
    texts: list[str] = field(default_factory=list)

    def thread_key(self, http: httpx.Client) -> str:
        return f"{self.channel}:thread"

    def post_text(self, http: httpx.Client, text: str) -> None:
        self.texts.append(text)

    def post_image(self, http: httpx.Client, png: bytes) -> None:
        pass


@pytest.fixture(scope="module")
def service(small_demo: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    config = AssistantConfig(
        db=small_demo, home=tmp_path_factory.mktemp("bots"), as_of=date(2026, 11, 23),
        retrieval=False,
    )  # fmt: skip
    with AssistantService.open(config) as svc:
        yield svc


def test_rules_apply_by_user_then_channel_then_platform_then_default() -> None:
    config = BotsConfig.from_env(ENV)
    assert config.role_for("slack", "U_BOSS", "C_EAST") == "analyst"
    assert config.role_for("slack", "U_ANY", "C_EAST") == "east_marketing"
    assert config.role_for("wecom", "zhangsan", "") == "service_team"
    assert config.role_for("slack", "U_ANY", "C_OTHER") is None  # least privilege: no role
    with_default = BotsConfig.from_env({**ENV, "TPA_BOTS_ROLE": "service_team"})
    assert with_default.role_for("slack", "U_ANY", "C_OTHER") == "service_team"


@pytest.mark.parametrize(
    "bad", ["slack:U1=analyst", "teams:*=analyst", "slack:user:=analyst", "slack:user:U1"]
)
def test_a_malformed_rule_is_a_start_up_error(bad: str) -> None:
    with pytest.raises(UserError, match="TPA_BOTS_ROLES"):
        BotsConfig.from_env({"TPA_BOTS_ROLES": bad})


def test_an_unmapped_user_is_refused_and_a_mapped_one_gets_their_role(service: object) -> None:
    config = BotsConfig.from_env(ENV)
    dispatcher = Dispatcher(service, None, config.role_for)  # type: ignore[arg-type]
    stranger = Target("U_ANY", "C_OTHER")
    dispatcher.run(REVENUE, stranger)
    assert stranger.texts == [
        "You have no access role here yet: ask the administrator to map your user or channel "
        "to a role (TPA_BOTS_ROLES)."
    ]
    east = Target("U_ANY", "C_EAST")
    dispatcher.run("first response time last week", east)
    assert "east_marketing" in east.texts[0]  # the access denial names the role
    boss = Target("U_BOSS", "C_EAST")  # the same thread, another asker: their own role
    dispatcher.run("first response time last week", boss)
    assert boss.texts[0].startswith("First response time was")
    dispatcher.close()
