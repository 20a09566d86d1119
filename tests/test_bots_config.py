"""Bot settings from the environment, the 404 of an unconfigured platform, the reply text, and
what the background worker does when answering or rendering fails."""

from __future__ import annotations

import base64
import logging
import re
import sys
import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from assistant.answer.model import Answer, AnswerError, Choice
from assistant.config import AssistantConfig
from assistant.service import AssistantService
from semantic_layer.errors import UserError
from tests.fakes.platforms import wecom_signature
from ui.bots import BotsConfig, bots_router
from ui.bots.config import DingTalkSettings, FeishuSettings, SlackSettings, WeComSettings
from ui.bots.dispatch import Dispatcher
from ui.bots.replies import clip, reply_text, strip_feishu_mentions, strip_slack_mentions

DOCS = Path(__file__).resolve().parents[1] / "docs" / "bots.md"
AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG"
FULL_ENV = {
    "TPA_SLACK_SIGNING_SECRET": "s", "TPA_SLACK_BOT_TOKEN": "xoxb-1",
    "TPA_FEISHU_APP_ID": "cli_1", "TPA_FEISHU_APP_SECRET": "fs",
    "TPA_FEISHU_VERIFICATION_TOKEN": "v",
    "TPA_FEISHU_API_BASE": "https://open.larksuite.com",
    "TPA_DINGTALK_APP_KEY": "dk", "TPA_DINGTALK_APP_SECRET": "ds",
    "TPA_WECOM_CORP_ID": "ww1", "TPA_WECOM_AGENT_ID": "1000002", "TPA_WECOM_SECRET": "ws",
    "TPA_WECOM_TOKEN": "wt", "TPA_WECOM_ENCODING_AES_KEY": AES_KEY,
    "TPA_BOTS_ROLE": "analyst", "TPA_BOTS_WORKERS": "2",
}  # fmt: skip
SECTIONS = (SlackSettings, FeishuSettings, DingTalkSettings, WeComSettings)


@pytest.fixture
def service(small_demo: Path, tmp_path: Path) -> Any:
    config = AssistantConfig(
        db=small_demo, home=tmp_path, as_of=date(2026, 11, 23), retrieval=False
    )
    with AssistantService.open(config) as svc:
        yield svc


def test_settings_come_from_the_environment() -> None:
    config = BotsConfig.from_env(FULL_ENV)
    assert config.slack is not None and config.slack.bot_token.get_secret_value() == "xoxb-1"
    assert config.slack.api_base == "https://slack.com/api"
    assert config.feishu is not None and config.feishu.api_base == "https://open.larksuite.com"
    assert config.feishu.encrypt_key is None
    assert config.dingtalk is not None and config.dingtalk.robot == "dk"
    assert config.wecom is not None and config.wecom.agent_id == 1000002
    assert (config.role, config.workers) == ("analyst", 2)
    assert "xoxb-1" not in repr(config)  # secrets never show in logs
    assert BotsConfig.from_env({}) == BotsConfig()


def test_half_configured_or_malformed_settings_name_the_variable() -> None:
    with pytest.raises(UserError, match="TPA_SLACK_BOT_TOKEN not set"):
        BotsConfig.from_env({"TPA_SLACK_SIGNING_SECRET": "s"})
    with pytest.raises(UserError, match=r"TPA_WECOM_ENCODING_AES_KEY: .*43-character"):
        BotsConfig.from_env({**FULL_ENV, "TPA_WECOM_ENCODING_AES_KEY": "short"})
    with pytest.raises(UserError, match="TPA_WECOM_AGENT_ID"):
        BotsConfig.from_env({**FULL_ENV, "TPA_WECOM_AGENT_ID": "abc"})


def test_every_variable_is_documented() -> None:
    documented = set(re.findall(r"TPA_[A-Z_]+", DOCS.read_text(encoding="utf-8")))
    wanted = {var for section in SECTIONS for var in section.ENV.values()}
    assert wanted | {"TPA_BOTS_ROLE", "TPA_BOTS_WORKERS"} <= documented


def test_an_unconfigured_platform_answers_404_naming_what_to_set(service: Any) -> None:
    app = FastAPI()
    app.include_router(bots_router(service, BotsConfig()), prefix="/bots")
    with TestClient(app) as client:
        routes = [("post", "/slack/events", "TPA_SLACK_SIGNING_SECRET, TPA_SLACK_BOT_TOKEN"),
                  ("post", "/slack/commands", "TPA_SLACK_BOT_TOKEN"),
                  ("post", "/feishu/events", "TPA_FEISHU_VERIFICATION_TOKEN"),
                  ("post", "/dingtalk/callback", "TPA_DINGTALK_APP_SECRET"),
                  ("get", "/wecom/callback", "TPA_WECOM_ENCODING_AES_KEY"),
                  ("post", "/wecom/callback", "TPA_WECOM_CORP_ID")]  # fmt: skip
        for method, path, names in routes:
            response = client.request(method, f"/bots{path}", json={})
            assert response.status_code == 404, path
            error = response.json()["error"]
            assert error["code"] == "bot_not_configured" and names in error["message"], path


def test_wecom_without_cryptography_answers_503(
    service: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "cryptography.hazmat.primitives.ciphers", None)
    config = BotsConfig.from_env(FULL_ENV)
    app = FastAPI()
    app.include_router(bots_router(service, config), prefix="/bots")
    echostr = base64.b64encode(bytes(32)).decode()
    query = {"timestamp": str(int(time.time())), "nonce": "1", "echostr": echostr}
    query["msg_signature"] = wecom_signature("wt", query["timestamp"], "1", echostr)
    with TestClient(app) as client:
        response = client.get("/bots/wecom/callback", params=query)
    assert response.status_code == 503
    assert "pip install cryptography" in response.json()["error"]["message"]


def answer(**fields: Any) -> Answer:
    base: dict[str, Any] = {"id": "a1", "question": "q", "language": "en", "text": "It is 42."}
    return Answer.model_validate({**base, **fields})


def test_reply_text_puts_the_answer_first_then_context_and_three_suggestions() -> None:
    text = reply_text(answer(
        interpretation="Users by channel, 16–22 Nov 2026", warnings=["The LLM was unreachable."],
        suggestions=["one?", "two?", "three?", "four?"],
    ))  # fmt: skip
    assert text == (
        "It is 42.\n\nWhat was computed: Users by channel, 16–22 Nov 2026\n\n"
        "Note: The LLM was unreachable.\n\nYou could also ask:\n• one?\n• two?\n• three?"
    )
    clarify = reply_text(answer(language="zh", text="您指的是哪个指标？", interpretation="x",
                                error=AnswerError(code="c", message="m"),
                                choices=[Choice(label="转化率", question="q1"),
                                         Choice(label="收入", question="q2")]))  # fmt: skip
    assert clarify == "您指的是哪个指标？\n\n1. 转化率\n2. 收入"


def test_clip_and_mention_stripping() -> None:
    assert clip("上周流失", 9) == "上周…" and clip("short", 100) == "short"
    assert len(clip("x" * 5000, 2048).encode()) <= 2048
    assert strip_slack_mentions("<@U0BOT>  which <@U12|bob> channel") == "which channel"
    assert strip_feishu_mentions("@_user_1 上周 @_all 转化率", ["@_user_1"]) == "上周 转化率"


@dataclass
class Recorder:
    texts: list[str] = field(default_factory=list)
    images: list[bytes] = field(default_factory=list)
    platform: str = "slack"

    def thread_key(self, http: httpx.Client) -> str:
        return "C1:1.0"

    def post_text(self, http: httpx.Client, text: str) -> None:
        self.texts.append(text)

    def post_image(self, http: httpx.Client, png: bytes) -> None:
        self.images.append(png)


def test_a_failing_chart_still_posts_the_text_and_a_failing_answer_says_sorry(
    service: Any, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def broken(spec: dict[str, Any]) -> bytes:
        raise RuntimeError("no browser")

    dispatcher = Dispatcher(service, broken, "analyst")
    target = Recorder()
    with caplog.at_level(logging.ERROR, logger="assistant.bots"):
        dispatcher.run("which touchpoint lost the most users last week", target)
    assert target.texts[0].startswith("Product page lost the most users") and not target.images
    assert "posting text only" in caplog.text

    def crash(question: str, **kwargs: Any) -> Answer:
        raise RuntimeError("boom")

    monkeypatch.setattr(service, "ask", crash)
    dispatcher.run("上周转化率", target)
    assert target.texts[1] == "抱歉，回答这个问题时出错了，请稍后再试。"
    dispatcher.close()
