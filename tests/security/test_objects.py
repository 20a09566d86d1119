"""Objects belong to the principal that created them (issue 14, leak 1): another caller's
session, answer, chart or feedback is 404, even for a role that sees everything; a role granted
`read_all_sessions` may read (never write) them."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from assistant.config import AssistantConfig
from assistant.service import AssistantService
from semantic_layer.model import DEMO_MODEL_PATH
from ui.api import ServerSettings, create_app

ANALYST = {"Authorization": "Bearer k-analyst"}
OTHER_ANALYST = {"Authorization": "Bearer k-analyst-2"}  # same role, another key
SERVICE = {"X-API-Key": "k-service"}
AUDITOR = {"X-API-Key": "k-auditor"}


def audited_model(path: Path) -> Path:
    text = DEMO_MODEL_PATH.read_text(encoding="utf-8")
    role = '\npolicies:\n  auditor:\n    metrics: "*"\n    read_all_sessions: true\n'
    path.write_text(text.replace("\npolicies:\n", role, 1), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def client(small_demo: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    home = tmp_path_factory.mktemp("objects")
    config = AssistantConfig(
        db=small_demo,
        model=audited_model(home / "model.yaml"),
        home=home,
        as_of=date(2026, 11, 23),
        retrieval=False,
    )
    keys = {"k-analyst": "analyst", "k-analyst-2": "analyst", "k-service": "service_team",
            "k-auditor": "auditor"}  # fmt: skip
    settings = ServerSettings(api_keys=keys, rate_per_minute=1000)
    with AssistantService.open(config) as service, TestClient(create_app(service, settings)) as c:
        yield c


@pytest.fixture(scope="module")
def analysts(client: TestClient) -> dict[str, Any]:
    """An analyst's answer with a chart: revenue by region (the service team may not see it)."""
    body = {"question": "revenue by region last month"}
    answer = client.post("/v1/ask", json=body, headers=ANALYST).json()
    assert answer["error"] is None and answer["chart"] is not None
    return dict(answer)


@pytest.mark.parametrize("headers", [SERVICE, OTHER_ANALYST])
def test_another_callers_session_is_404(
    client: TestClient, analysts: dict[str, Any], headers: dict[str, str]
) -> None:
    response = client.get(f"/v1/sessions/{analysts['session_id']}", headers=headers)
    assert response.status_code == 404, response.text
    assert "revenue" not in response.text
    assert client.get(f"/v1/sessions/{analysts['session_id']}", headers=ANALYST).status_code == 200


@pytest.mark.parametrize("headers", [SERVICE, OTHER_ANALYST])
def test_another_callers_chart_is_404(
    client: TestClient, analysts: dict[str, Any], headers: dict[str, str]
) -> None:
    response = client.get(f"/v1/answers/{analysts['id']}/chart.png", headers=headers)
    assert response.status_code == 404 and response.json()["error"]["code"] == "not_found"


def test_feedback_on_another_callers_answer_is_404(
    client: TestClient, analysts: dict[str, Any]
) -> None:
    body = {"answer_id": analysts["id"], "rating": "up"}
    assert client.post("/v1/feedback", json=body, headers=SERVICE).status_code == 404
    assert client.post("/v1/feedback", json=body, headers=OTHER_ANALYST).status_code == 404
    assert client.post("/v1/feedback", json=body, headers=ANALYST).status_code == 200


@pytest.mark.parametrize("stream", [False, True])
def test_a_follow_up_in_another_callers_session_is_404_and_appends_nothing(
    client: TestClient, analysts: dict[str, Any], stream: bool
) -> None:
    body = {"question": "and by channel", "session_id": analysts["session_id"]}
    response = client.post("/v1/ask/stream" if stream else "/v1/ask", json=body, headers=SERVICE)
    assert response.status_code == 404
    turns = client.get(f"/v1/sessions/{analysts['session_id']}", headers=ANALYST).json()["turns"]
    assert [t["question"] for t in turns] == ["revenue by region last month"]


def test_an_auditor_reads_every_session_but_writes_none(
    client: TestClient, analysts: dict[str, Any]
) -> None:
    session = client.get(f"/v1/sessions/{analysts['session_id']}", headers=AUDITOR)
    assert session.status_code == 200 and session.json()["turns"]
    body = {"question": "and by channel", "session_id": analysts["session_id"]}
    assert client.post("/v1/ask", json=body, headers=AUDITOR).status_code == 404
    feedback = {"answer_id": analysts["id"], "rating": "down"}
    assert client.post("/v1/feedback", json=feedback, headers=AUDITOR).status_code == 404
