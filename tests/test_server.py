"""The one server `tpa serve` runs (issue 6): the chat at /, the API under /v1, the bots under
/bots, /docs, /healthz and /metrics, all from one app, with nothing fetched from the internet."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from assistant.config import AssistantConfig
from assistant.service import AssistantService
from semantic_layer.errors import UserError
from ui.api import ServerSettings
from ui.bots import BotsConfig
from ui.server import build_server

KEY = {"Authorization": "Bearer k-analyst"}
EXTERNAL = re.compile(r"""(?:src|href)=["']?(https?://(?!127\.0\.0\.1|localhost)[^"'\s>]+)""")


@pytest.fixture(scope="module")
def service(
    small_demo: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[AssistantService]:
    home = tmp_path_factory.mktemp("server")
    config = AssistantConfig(db=small_demo, home=home, as_of=date(2026, 11, 23), retrieval=False)
    with AssistantService.open(config) as svc:
        yield svc


@pytest.fixture(scope="module")
def client(service: AssistantService) -> Iterator[TestClient]:
    settings = ServerSettings(api_keys={"k-analyst": "analyst"}, rate_per_minute=1000)
    app = build_server(service, settings, BotsConfig())
    with TestClient(app) as c:
        yield c


def test_every_surface_is_served_by_one_app(client: TestClient) -> None:
    assert client.get("/healthz").json()["status"] == "ok"
    paths = client.get("/openapi.json").json()["paths"]
    for path in ("/v1/ask", "/v1/catalog", "/bots/slack/events", "/bots/wecom/callback"):
        assert path in paths
    docs = client.get("/docs")
    assert docs.status_code == 200 and EXTERNAL.findall(docs.text) == []
    for asset in re.findall(r"""(?:src|href)=["'](/docs-assets/[^"']+)""", docs.text):
        assert client.get(asset).status_code == 200, asset
    assert "/docs-assets/swagger-ui-bundle.js" in docs.text
    assert client.get("/redoc").status_code != 200  # no offline ReDoc bundle: not served
    answer = client.post("/v1/ask", json={"question": "revenue last week"}, headers=KEY)
    assert answer.status_code == 200 and answer.json()["rows"]
    assert "tpa_requests_total" in client.get("/metrics").text


def test_the_chat_is_at_the_root_and_fetches_nothing_from_outside(client: TestClient) -> None:
    assert client.get("/", follow_redirects=False).headers["location"] == "/login"
    login = client.get("/login")
    assert login.status_code == 200 and EXTERNAL.findall(login.text) == []
    client.post("/login", data={"name": "", "secret": "k-analyst"}, follow_redirects=False)
    page = client.get("/")
    assert page.status_code == 200 and "gradio" in page.text.lower()
    assert EXTERNAL.findall(page.text) == []
    config = client.get("/config")
    assert config.status_code == 200
    assert config.json().get("analytics_enabled") is False


def test_an_unconfigured_bot_names_the_variables_to_set(client: TestClient) -> None:
    response = client.post("/bots/slack/events", json={"type": "url_verification"})
    assert response.status_code == 404
    error = response.json()["error"]
    assert error["code"] == "bot_not_configured"
    assert "TPA_SLACK_SIGNING_SECRET" in error["message"]


def test_an_unknown_role_fails_at_start_up(service: AssistantService) -> None:
    with pytest.raises(UserError, match="role"):
        build_server(service, ServerSettings(), BotsConfig(role="nobody"))
    with pytest.raises(UserError, match="role"):
        build_server(service, ServerSettings(), BotsConfig(), chat_role="analsyt")
