"""The HTTP API's error bodies speak the request's language: the JSON body's `lang` first, else
Accept-Language, else English — through the phrasebook's `api` section (issue 16, point 3)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from assistant.config import AssistantConfig
from assistant.nlu.text import MAX_QUESTION_CHARS
from assistant.service import AssistantService
from semantic_layer.phrasebook import phrase
from ui.api import ServerSettings, create_app
from ui.requests import body_language, header_language

KEY = {"Authorization": "Bearer k-analyst"}
ZH = {"Accept-Language": "zh-CN,zh;q=0.9,en;q=0.8"}


@pytest.fixture(scope="module")
def client(small_demo: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    config = AssistantConfig(
        db=small_demo, home=tmp_path_factory.mktemp("api"), as_of=date(2026, 11, 23),
        retrieval=False,
    )  # fmt: skip
    settings = ServerSettings(
        api_keys={"k-analyst": "analyst"}, rate_per_minute=1000, max_body_bytes=4096
    )
    with AssistantService.open(config) as service, TestClient(create_app(service, settings)) as c:
        yield c


@pytest.mark.parametrize(
    ("header", "lang"),
    [
        (None, "en"),
        ("", "en"),
        ("zh-CN", "zh"),
        ("zh-TW,en;q=0.5", "zh"),
        ("en-US,zh;q=0.9", "en"),
        ("fr-FR,zh;q=0.8,en;q=0.7", "zh"),  # the best language the phrasebook has
        ("en;q=0.2,zh;q=0.9", "zh"),  # by q-value, not by order
        ("zh;q=0", "en"),  # q=0 means "not this one"
        ("de, fr", "en"),
        ("zh;q=abc", "en"),
    ],
)
def test_the_accept_language_header_picks_a_phrasebook_language(
    header: str | None, lang: str
) -> None:
    assert header_language(header) == lang


def test_the_body_lang_is_read_only_from_a_json_object() -> None:
    assert body_language(b'{"question": "x", "lang": "zh"}') == "zh"
    assert body_language(b'{"to": "x", "language": "zh"}') == "zh"
    assert body_language(b'{"lang": "fr"}') is None
    assert body_language(b'["lang", "zh"]') is None
    assert body_language(b'{"lang": ') is None


def test_a_missing_key_is_refused_in_the_callers_language(client: TestClient) -> None:
    body = {"question": "revenue last week"}
    en = client.post("/v1/ask", json=body).json()["error"]
    zh = client.post("/v1/ask", json=body, headers=ZH).json()["error"]
    assert en == {"code": "unauthorized", "message": phrase("en", "api", "key_required")}
    assert zh == {"code": "unauthorized", "message": phrase("zh", "api", "key_required")}
    assert "API 密钥" in zh["message"]


def test_the_body_lang_wins_over_the_header(client: TestClient) -> None:
    body = {"question": "revenue", "session_id": "nope", "lang": "zh"}
    said = client.post("/v1/ask", json=body, headers=KEY)
    assert said.status_code == 404
    assert said.json()["error"]["message"] == phrase("zh", "api", "unknown_session", id="nope")
    english = client.post("/v1/ask", json={**body, "lang": "en"}, headers={**KEY, **ZH})
    assert english.json()["error"]["message"].startswith("unknown session 'nope'")


def test_unknown_sessions_routes_and_bad_bodies_in_chinese(client: TestClient) -> None:
    session = client.get("/v1/sessions/nope", headers={**KEY, **ZH}).json()["error"]
    assert session == {"code": "not_found", "message": "未知会话“nope”：请开始新会话（不传 "
                       "session_id），或使用 API 返回的会话 id"}  # fmt: skip
    route = client.get("/v1/nothing", headers={**KEY, **ZH}).json()["error"]
    assert route == {"code": "not_found", "message": "未找到"}
    assert client.get("/v1/nothing", headers=KEY).json()["error"]["message"] == "Not Found"
    headers = {**KEY, **ZH, "Content-Type": "application/json"}
    broken = client.post("/v1/ask", content=b'{"question": ', headers=headers).json()["error"]
    assert broken["code"] == "invalid_request" and broken["message"].startswith(
        "请求体不是有效的 JSON"
    )
    assert '{"question": "上周销售额"}' in broken["message"]
    empty = client.post("/v1/ask", content=b"", headers=headers).json()["error"]
    assert empty["message"].startswith("请求体为空")
    big = client.post("/v1/ask", content=b"x" * 5000, headers=headers)
    assert big.status_code == 413
    assert big.json()["error"]["message"].startswith("请求体超过 4,096 字节")


def test_english_error_bodies_are_unchanged(client: TestClient) -> None:
    """The English messages are the ones the API said before the phrasebook held them."""
    headers = {**KEY, "Content-Type": "application/json"}
    broken = client.post("/v1/ask", content=b'{"question": ', headers=headers).json()["error"]
    assert broken["message"].endswith('send UTF-8 JSON such as {"question": "revenue last week"}')
    big = client.post("/v1/ask", content=b"x" * 5000, headers=headers).json()["error"]
    assert big["message"] == (
        "the request body is over 4,096 bytes: send less "
        f"(a question may be at most {MAX_QUESTION_CHARS:,} characters)"
    )
    refused = client.post("/v1/ask", json={"question": "x"}).json()["error"]["message"]
    assert refused == "a valid API key is required (Authorization: Bearer KEY)"
