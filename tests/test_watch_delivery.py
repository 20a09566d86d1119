"""Alerts delivered through the bots' API clients to local fakes of Slack, Feishu, DingTalk, WeCom
and a webhook: text and chart image in each platform's format, once per period however often the
scheduler runs, failures retried with back-off and counted in /metrics."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import ExitStack
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from pydantic import SecretStr

from assistant.config import AssistantConfig
from assistant.service import AssistantService
from assistant.watches import Watches, WatchStore
from assistant.watches.metrics import WATCH_METRICS
from tests.fakes.platforms import (
    TINY_PNG,
    FakeDingTalk,
    FakeFeishu,
    FakeSlack,
    FakeWebhook,
    FakeWeCom,
    fake_chart_png,
)
from ui.api.app import create_app
from ui.api.settings import ServerSettings
from ui.bots import (
    BotsConfig,
    DingTalkSettings,
    FeishuSettings,
    SlackSettings,
    WeComSettings,
)
from ui.bots.deliver import Sender

AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG"


@dataclass
class Fakes:
    slack: FakeSlack
    feishu: FakeFeishu
    dingtalk: FakeDingTalk
    wecom: FakeWeCom
    hook: FakeWebhook

    def bots(self) -> BotsConfig:
        return BotsConfig(
            slack=SlackSettings(signing_secret=SecretStr("s"), bot_token=SecretStr("xoxb-t"),
                                api_base=self.slack.api_base),
            feishu=FeishuSettings(app_id="cli_a", app_secret=SecretStr("fs"),
                                  verification_token=SecretStr("v"), api_base=self.feishu.base_url),
            dingtalk=DingTalkSettings(app_key="dk", app_secret=SecretStr("ds"),
                                      api_base=self.dingtalk.base_url,
                                      oapi_base=self.dingtalk.base_url),
            wecom=WeComSettings(corp_id="ww1", agent_id=1000002, secret=SecretStr("ws"),
                                token=SecretStr("t"), encoding_aes_key=SecretStr(AES_KEY),
                                api_base=self.wecom.base_url),
        )  # fmt: skip

    def to(self) -> list[str]:
        return ["slack:C0123", "feishu:oc_team", "dingtalk:cidGroup==", "wecom:ZhangSan",
                f"webhook:{self.hook.url}"]  # fmt: skip

    def counts(self) -> dict[str, int]:
        return {
            "slack": len(self.slack.messages), "slack_files": len(self.slack.files),
            "feishu": len(self.feishu.sent), "dingtalk": len(self.dingtalk.markdowns),
            "dingtalk_images": len(self.dingtalk.images),
            "wecom": len([m for m in self.wecom.sent if m["msgtype"] == "markdown"]),
            "wecom_images": len([m for m in self.wecom.sent if m["msgtype"] == "image"]),
            "webhook": len(self.hook.posts),
        }  # fmt: skip


@pytest.fixture
def fakes() -> Iterator[Fakes]:
    with ExitStack() as stack:
        enter = stack.enter_context
        yield Fakes(
            enter(FakeSlack("xoxb-t")), enter(FakeFeishu("cli_a", "fs")),
            enter(FakeDingTalk("dk", "ds")), enter(FakeWeCom("ww1", "ws")), enter(FakeWebhook()),
        )  # fmt: skip


@pytest.fixture(scope="module")
def service(
    watch_demo: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[AssistantService]:
    home = tmp_path_factory.mktemp("deliver")
    config = AssistantConfig(db=watch_demo, home=home, as_of=date(2026, 11, 23), retrieval=False)
    with AssistantService.open(config) as opened:
        yield opened


def make(service: AssistantService, fakes: Fakes, home: Path, **sender: object) -> Watches:
    return Watches(service, WatchStore.beside(home), Sender(fakes.bots(), **sender),  # type: ignore[arg-type]
                   chart_png=fake_chart_png)  # fmt: skip


def test_an_alert_reaches_every_platform_once_with_its_chart(
    service: AssistantService, fakes: Fakes, tmp_path: Path
) -> None:
    watches = make(service, fakes, tmp_path)
    sub = watches.create("checkout conversion", owner="t", role=None, grain="week", to=fakes.to())
    report = watches.run_due()
    assert report.sent == 5 and report.failed == 0, report.lines
    assert fakes.counts() == {
        "slack": 1,
        "slack_files": 1,
        "feishu": 1,
        "dingtalk": 1,
        "dingtalk_images": 1,
        "wecom": 1,
        "wecom_images": 1,
        "webhook": 1,
    }
    assert "Checkout conversion rate" in fakes.slack.messages[0]["text"]
    assert (
        fakes.slack.files[0]["data"] == TINY_PNG and fakes.slack.files[0]["channel_id"] == "C0123"
    )
    card = fakes.feishu.sent[0]
    assert card["receive_id"] == "oc_team" and card["msg_type"] == "interactive"
    assert [e["tag"] for e in card["content"]["elements"]] == ["markdown", "img"]
    assert fakes.dingtalk.markdowns[0]["body"]["openConversationId"] == "cidGroup=="
    assert fakes.dingtalk.images[0]["data"] == TINY_PNG
    assert fakes.wecom.sent[0]["touser"] == "ZhangSan"
    post = fakes.hook.posts[0]
    assert post["status"] == "alert" and post["watch_id"] == sub.id and post["z"] < -3.5
    assert set(post["text"]) == {"en", "zh"} and post["chart_png_base64"]
    for _ in range(3):  # the scheduler runs again and again: nothing more is sent
        assert watches.run_due().sent == 0
    assert fakes.counts()["webhook"] == 1
    fresh = make(service, fakes, tmp_path)  # a restarted process, same store
    assert fresh.run_due().sent == 0 and fakes.counts()["slack"] == 1


def test_failures_are_retried_with_back_off_and_counted(
    service: AssistantService, fakes: Fakes, tmp_path: Path
) -> None:
    waits: list[float] = []
    watches = make(service, fakes, tmp_path, attempts=3, backoff_s=0.5, sleep=waits.append)
    watches.create("checkout conversion", owner="t", role=None, grain="week",
                   to=[f"webhook:{fakes.hook.url}"])  # fmt: skip
    before = WATCH_METRICS.render()
    fakes.hook.fail_next = 3
    report = watches.run_due()
    assert report.failed == 1 and waits == [0.5, 1.0] and fakes.hook.posts == []
    assert watches.run_due().sent == 0  # waiting for its next try (5 minutes by default)
    soon = make(service, fakes, tmp_path / "soon", attempts=3, backoff_s=0.5, sleep=waits.append)
    soon.retry_after_s = 0
    soon.create("checkout conversion", owner="t", role=None, grain="week",
                to=[f"webhook:{fakes.hook.url}"])  # fmt: skip
    fakes.hook.fail_next = 3
    assert soon.run_due().failed == 1
    sent = soon.run_due()  # the platform is back: the next run sends it, once
    assert sent.sent == 1 and len(fakes.hook.posts) == 1
    assert soon.run_due().sent == 0
    app = create_app(service, ServerSettings())
    from fastapi.testclient import TestClient

    metrics = TestClient(app).get("/metrics").text
    assert metrics != before
    assert 'tpa_watch_deliveries_total{platform="webhook",status="failed"}' in metrics
    assert 'tpa_watch_delivery_retries_total{platform="webhook"}' in metrics
    history = soon.store.deliveries(soon.store.list("t")[0].id)
    assert history[0]["status"] == "sent" and history[0]["attempts"] == 2


def test_an_unconfigured_platform_fails_clearly(service: AssistantService, tmp_path: Path) -> None:
    watches = Watches(service, WatchStore.beside(tmp_path), Sender(BotsConfig()))
    watches.create("checkout conversion", owner="t", role=None, grain="week", to=["slack:C1"])
    report = watches.run_due()
    assert report.failed == 1 and "slack bot is not configured" in "\n".join(report.lines)


def test_dry_run_prints_and_sends_nothing(
    service: AssistantService, fakes: Fakes, tmp_path: Path
) -> None:
    watches = make(service, fakes, tmp_path)
    watches.create("checkout conversion", owner="t", role=None, grain="week", to=fakes.to())
    watches.create("events per user", owner="t", role=None, grain="week", to=fakes.to())
    report = watches.run_due(dry_run=True)
    shown = "\n".join(report.lines)
    assert "dry run, not sent" in shown and "robust standard deviations" in shown
    assert "normal, nothing to send" in shown
    assert sum(fakes.counts().values()) == 0
    assert watches.run_due().sent == 5  # the dry run recorded nothing
    assert json.loads(json.dumps(report.lines))
