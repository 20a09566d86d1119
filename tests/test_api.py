"""The HTTP API: every route and every error code, on the small demo (issue 6)."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient

from assistant.config import AssistantConfig
from assistant.service import AssistantService
from tests.fakes.served import TpaServer
from ui.api import ServerSettings, create_app

KEY, EAST = {"Authorization": "Bearer k-analyst"}, {"X-API-Key": "k-east"}


@pytest.fixture(scope="module")
def client(small_demo: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    config = AssistantConfig(
        db=small_demo,
        home=tmp_path_factory.mktemp("api"),
        as_of=date(2026, 11, 23),
        retrieval=False,
    )
    settings = ServerSettings(
        api_keys={"k-analyst": "analyst", "k-east": "east_marketing", "k-slow": "analyst"},
        rate_per_minute=1000,
        max_body_bytes=4096,
    )
    with AssistantService.open(config) as service, TestClient(create_app(service, settings)) as c:
        yield c


def test_health_docs_and_unknown_routes(client: TestClient) -> None:
    health = client.get("/healthz").json()
    assert health["status"] == "ok" and health["today"] == "2026-11-23"
    assert client.get("/docs").status_code == 200
    assert "/v1/ask" in client.get("/openapi.json").json()["paths"]
    missing = client.get("/v1/nothing", headers=KEY)
    assert missing.status_code == 404 and missing.json()["error"]["code"] == "not_found"


@pytest.mark.parametrize("headers", [{}, {"Authorization": "Bearer wrong"}, {"X-API-Key": ""}])
def test_requests_without_a_valid_key_get_401(client: TestClient, headers: dict[str, str]) -> None:
    response = client.post("/v1/ask", json={"question": "revenue last week"}, headers=headers)
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "unauthorized"


def test_ask_returns_the_answer_and_follow_ups_continue(client: TestClient) -> None:
    first = client.post("/v1/ask", json={"question": "revenue by channel last week"}, headers=KEY)
    assert first.status_code == 200
    answer = first.json()
    expected = "id question text interpretation plan sql columns rows chart time_range backend"
    for key in [*expected.split(), "timings", "warnings", "suggestions", "error"]:
        assert key in answer
    assert answer["plan"]["kind"] == "metric" and answer["time_range"]["start"] == "2026-11-16"
    body = {"question": "只看微信", "session_id": answer["session_id"]}
    second = client.post("/v1/ask", json=body, headers=KEY).json()
    assert second["plan"]["dimensions"] == ["channel"] and second["language"] == "zh"
    session = client.get(f"/v1/sessions/{answer['session_id']}", headers=KEY).json()
    assert [t["question"] for t in session["turns"]] == ["revenue by channel last week", "只看微信"]


def test_the_keys_role_policy_applies(client: TestClient) -> None:
    body = {"question": "first response time by region last month"}
    denied = client.post("/v1/ask", json=body, headers=EAST).json()
    assert denied["error"]["code"] == "access_denied"
    catalog = client.get("/v1/catalog", headers=EAST).json()
    assert catalog["role"] == "east_marketing"
    assert "first_response_time" not in {m["name"] for m in catalog["metrics"]}


@pytest.mark.parametrize(
    ("body", "status", "code"),
    [
        (b"{not json", 422, "invalid_request"),
        (json.dumps({"question": "x", "extra": 1}).encode(), 422, "invalid_request"),
        (json.dumps({}).encode(), 422, "invalid_request"),
        (json.dumps({"question": "y" * 5000}).encode(), 413, "body_too_large"),
    ],
)
def test_malformed_and_oversized_bodies(
    client: TestClient, body: bytes, status: int, code: str
) -> None:
    headers = {**KEY, "Content-Type": "application/json"}
    response = client.post("/v1/ask", content=body, headers=headers)
    assert response.status_code == status
    assert response.json()["error"]["code"] == code and response.json()["error"]["message"]


def test_an_unknown_session_is_404(client: TestClient) -> None:
    body = {"question": "revenue", "session_id": "nope"}
    assert client.post("/v1/ask", json=body, headers=KEY).status_code == 404
    assert client.get("/v1/sessions/nope", headers=KEY).json()["error"]["code"] == "not_found"


def test_stream_sends_stages_then_the_answer(client: TestClient) -> None:
    with client.stream(
        "POST", "/v1/ask/stream", json={"question": "上周各渠道转化率"}, headers=KEY
    ) as r:
        assert r.headers["content-type"].startswith("text/event-stream")
        text = "".join(r.iter_text())
    events = [block.split("\n")[0].removeprefix("event: ") for block in text.strip().split("\n\n")]
    assert events == ["stage", "stage", "stage", "answer"]
    assert '"understanding"' in text and '"kind": "metric"' in text


def test_feedback(client: TestClient) -> None:
    answer = client.post("/v1/ask", json={"question": "orders last week"}, headers=KEY).json()
    ok = client.post("/v1/feedback", json={"answer_id": answer["id"], "rating": "up"}, headers=KEY)
    assert ok.status_code == 200 and ok.json()["ok"] is True
    bad = client.post("/v1/feedback", json={"answer_id": "zzz", "rating": "up"}, headers=KEY)
    assert bad.status_code == 404
    wrong = client.post("/v1/feedback", json={"answer_id": "a", "rating": "meh"}, headers=KEY)
    assert wrong.status_code == 422


@pytest.mark.skipif(shutil.which("chromium") is None, reason="Chromium renders PNGs (make sysdeps)")
def test_chart_png(client: TestClient) -> None:
    answer = client.post(
        "/v1/ask", json={"question": "revenue by channel last week"}, headers=KEY
    ).json()
    png = client.get(f"/v1/answers/{answer['id']}/chart.png", headers=KEY)
    assert png.status_code == 200 and png.content.startswith(b"\x89PNG")
    single = client.post("/v1/ask", json={"question": "orders yesterday"}, headers=KEY).json()
    none = client.get(f"/v1/answers/{single['id']}/chart.png", headers=KEY)
    assert none.status_code == 404 and none.json()["error"]["code"] == "no_chart"


def test_metrics(client: TestClient) -> None:
    client.post("/v1/ask", json={"question": "revenue last week"}, headers=KEY)
    text = client.get("/metrics").text
    assert 'tpa_requests_total{method="POST",route="/v1/ask",status="200"}' in text
    assert 'tpa_answers_total{kind="metric"}' in text and "tpa_llm_fallbacks_total" in text


def test_rate_limited_keys_get_429(small_demo: Path, tmp_path: Path) -> None:
    config = AssistantConfig(
        db=small_demo, home=tmp_path, as_of=date(2026, 11, 23), retrieval=False
    )
    settings = ServerSettings(api_keys={"k": "analyst"}, rate_per_minute=2)
    with AssistantService.open(config) as service, TestClient(create_app(service, settings)) as c:
        codes = [c.get("/v1/catalog", headers={"X-API-Key": "k"}).status_code for _ in range(3)]
    assert codes == [200, 200, 429]


def test_no_configured_keys_means_no_api(small_demo: Path, tmp_path: Path) -> None:
    config = AssistantConfig(
        db=small_demo, home=tmp_path, as_of=date(2026, 11, 23), retrieval=False
    )
    with (
        AssistantService.open(config) as service,
        TestClient(create_app(service, ServerSettings())) as c,
    ):
        response = c.get("/v1/catalog", headers={"X-API-Key": "anything"})
    assert response.status_code == 401 and "TPA_API_KEYS" in response.json()["error"]["message"]


def test_a_bug_is_a_json_500_and_ends_the_stream(
    small_demo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = AssistantConfig(
        db=small_demo, home=tmp_path, as_of=date(2026, 11, 23), retrieval=False
    )
    settings = ServerSettings(api_keys={"k": "analyst"})
    with AssistantService.open(config) as service:

        def broken(*args: object, **kwargs: object) -> None:
            raise RuntimeError("secret detail of a bug")

        monkeypatch.setattr(service, "ask", broken)
        monkeypatch.setattr(service, "ask_json", broken)  # what the routes call
        with TestClient(create_app(service, settings), raise_server_exceptions=False) as c:
            response = c.post("/v1/ask", json={"question": "revenue"}, headers={"X-API-Key": "k"})
            streamed = c.post(
                "/v1/ask/stream", json={"question": "revenue"}, headers={"X-API-Key": "k"}
            ).text
            assert c.get("/healthz").status_code == 200  # the server carries on
    assert response.status_code == 500
    assert response.json()["error"]["code"] == "internal_error"
    assert "secret detail" not in response.text  # the traceback goes to the log only
    assert "event: error" in streamed and "internal_error" in streamed
    assert "secret detail" not in streamed


def test_tpa_serve_runs_one_server(small_demo: Path, tmp_path: Path) -> None:
    with TpaServer(small_demo, tmp_path, {"TPA_API_KEYS": "k:analyst"}) as server:
        assert httpx.get(f"{server.url}/healthz", timeout=10).json()["status"] == "ok"
        question = {"question": "orders last week"}
        asked = httpx.post(
            f"{server.url}/v1/ask", json=question, headers={"X-API-Key": "k"}, timeout=30
        )
    assert asked.json()["plan"]["kind"] == "metric"
