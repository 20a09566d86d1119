"""Digests: the marketing role's weekly digest in English and Chinese with chart images, and
`tpa serve` delivering it to each fake platform exactly once per period across a SIGKILL and a
restart."""

from __future__ import annotations

import re
import shutil
import time
from collections.abc import Iterator
from contextlib import ExitStack
from datetime import date
from pathlib import Path

import httpx
import pytest
from typer.testing import CliRunner

from assistant.answer.png import chromium_path, render_png
from assistant.config import AssistantConfig
from assistant.service import AssistantService
from assistant.watches.digest import digest_text, run_digest
from assistant.watches.evaluate import latest_period
from tests.fakes.platforms import FakeDingTalk, FakeFeishu, FakeSlack, FakeWebhook, FakeWeCom
from tests.fakes.served import TpaServer
from ui.cli.app import app as tpa

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG"
needs_chromium = pytest.mark.skipif(
    shutil.which(str(chromium_path())) is None,
    reason=f"Chromium not installed at {chromium_path()} (make sysdeps installs it)",
)


@pytest.fixture(scope="module")
def service(
    watch_demo: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[AssistantService]:
    home = tmp_path_factory.mktemp("digest")
    config = AssistantConfig(db=watch_demo, home=home, as_of=date(2026, 11, 23), retrieval=False)
    with AssistantService.open(config) as opened:
        yield opened


def test_the_marketing_digest_in_english_and_chinese(service: AssistantService) -> None:
    week = latest_period(service.time_context(), "week")
    digest = run_digest(service, "east_marketing", grain="week", period=week)
    assert 1 <= len(digest["items"]) <= 4
    assert "checkout_conversion" in [i["key"] for i in digest["items"]]  # the iOS incident
    allowed = set(service.model.policy("east_marketing").metrics) | {""}
    for item in digest["items"]:
        assert item["key"] in allowed or ">" in item["key"]  # its metrics, or journey steps
        assert set(item["text"]) == set(item["chart"]) == {"en", "zh"}
        assert re.search(r"[\u4e00-\u9fff]", item["text"]["zh"])
        assert item["chart"]["zh"]["layout"]["title"]["text"] == item["label"]["zh"]
    en, zh = digest_text(digest, "en"), digest_text(digest, "zh")
    assert en.startswith("What changed this week (16–22 Nov 2026)") and "Checkout conversion" in en
    assert zh.startswith("本周变化（2026年11月16日–22日）") and "结账转化率" in zh
    z = [abs(i["z"]) for i in digest["items"]]
    assert z == sorted(z, reverse=True)


@needs_chromium
def test_digest_charts_render_as_png_in_both_languages(service: AssistantService) -> None:
    digest = run_digest(service, "east_marketing", grain="week", period=date(2026, 11, 16))
    for lang in ("en", "zh"):
        png = render_png(digest["items"][0]["chart"][lang], width=480, height=240)
        assert png.startswith(PNG_MAGIC) and len(png) > 3000


@needs_chromium
def test_digest_reaches_each_platform_once_across_a_restart(
    watch_demo: Path, tmp_path: Path
) -> None:
    with ExitStack() as stack:
        slack = stack.enter_context(FakeSlack("xoxb-t"))
        feishu = stack.enter_context(FakeFeishu("cli_a", "fs"))
        ding = stack.enter_context(FakeDingTalk("dk", "ds"))
        wecom = stack.enter_context(FakeWeCom("ww1", "ws"))
        hook = stack.enter_context(FakeWebhook())
        env = {
            "TPA_API_KEYS": "k-mkt:east_marketing", "TPA_WATCH_INTERVAL": "1",
            "TPA_SLACK_SIGNING_SECRET": "s", "TPA_SLACK_BOT_TOKEN": "xoxb-t",
            "TPA_SLACK_API_BASE": slack.api_base,
            "TPA_FEISHU_APP_ID": "cli_a", "TPA_FEISHU_APP_SECRET": "fs",
            "TPA_FEISHU_VERIFICATION_TOKEN": "v", "TPA_FEISHU_API_BASE": feishu.base_url,
            "TPA_DINGTALK_APP_KEY": "dk", "TPA_DINGTALK_APP_SECRET": "ds",
            "TPA_DINGTALK_API_BASE": ding.base_url, "TPA_DINGTALK_OAPI_BASE": ding.base_url,
            "TPA_WECOM_CORP_ID": "ww1", "TPA_WECOM_AGENT_ID": "1000002", "TPA_WECOM_SECRET": "ws",
            "TPA_WECOM_TOKEN": "t", "TPA_WECOM_ENCODING_AES_KEY": AES_KEY,
            "TPA_WECOM_API_BASE": wecom.base_url,
        }  # fmt: skip
        to = ["slack:C0123", "feishu:oc_mkt", "dingtalk:cidMkt", "wecom:@all", hook.url]

        def counts() -> list[int]:
            images = len([m for m in wecom.sent if m["msgtype"] == "image"])
            return [len(slack.files), len(feishu.sent), len(ding.images), images, len(hook.posts)]

        server = TpaServer(watch_demo, tmp_path, env)
        with server:
            made = httpx.post(f"{server.url}/v1/digests", json={"to": to, "language": "zh"},
                              headers={"X-API-Key": "k-mkt"}, timeout=30)  # fmt: skip
            assert made.status_code == 201, made.text
            hook.wait_for(lambda: counts() == [1] * 5, timeout=120)
            server.kill()  # no clean shutdown
            server.start()
            deadline = time.monotonic() + 6  # six scheduler runs after the restart
            while time.monotonic() < deadline:
                time.sleep(0.5)
                assert counts() == [1] * 5
            metrics = httpx.get(f"{server.url}/metrics", timeout=10).text
        assert "本周变化" in slack.messages[0]["text"] and "结账转化率" in slack.messages[0]["text"]
        assert slack.files[0]["data"].startswith(PNG_MAGIC)
        card = feishu.sent[0]["content"]
        assert card["header"]["title"]["content"].startswith("本周变化")
        assert feishu.images[card["elements"][1]["img_key"]].startswith(PNG_MAGIC)
        assert hook.posts[0]["kind"] == "digest" and hook.posts[0]["role"] == "east_marketing"
        assert "tpa_watch_runs_total" in metrics


def test_cli_digest_and_dry_run(watch_demo: Path, tmp_path: Path) -> None:
    env = {"TPA_HOME": str(tmp_path), "TPA_AS_OF": "2026-11-23", "TPA_RETRIEVAL": "off"}
    db = ["--db", str(watch_demo)]
    run = CliRunner().invoke
    made = run(tpa, ["watch", "digest", "--role", "east_marketing", "--lang", "zh",
                     "--to", "webhook:https://hooks.example.test/x", *db], env=env)  # fmt: skip
    assert made.exit_code == 0, made.output
    dry = run(tpa, ["watch", "run-due", "--dry-run", *db], env=env)
    assert dry.exit_code == 0 and "本周变化" in dry.output and "dry run, not sent" in dry.output
    assert run(tpa, ["watch", "digest", "--role", "nobody", "--to", "slack:C1", *db],
               env=env).exit_code == 2  # fmt: skip
