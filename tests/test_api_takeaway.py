"""Taking an answer away over HTTP (issue 13 point 9): `?format=csv|xlsx` on the answer routes,
`GET /v1/answers/{id}`, the users behind a count, and the stable link `/a/{id}` — each honouring
the caller's role (404 for an answer it may not see)."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from openpyxl import load_workbook

from assistant.config import AssistantConfig
from assistant.service import AssistantService
from ui.api import ServerSettings
from ui.bots import BotsConfig
from ui.server import build_server

ANALYST, EAST, SERVICE = ({"X-API-Key": k} for k in ("k-analyst", "k-east", "k-service"))
EXTERNAL = re.compile(r"""(?:src|href)=["']?(https?://(?!127\.0\.0\.1|localhost)[^"'\s>]+)""")


@pytest.fixture(scope="module")
def service(
    small_demo: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[AssistantService]:
    home = tmp_path_factory.mktemp("api-takeaway")
    config = AssistantConfig(db=small_demo, home=home, as_of=date(2026, 11, 23), retrieval=False)
    with AssistantService.open(config) as svc:
        yield svc


@pytest.fixture(scope="module")
def client(service: AssistantService) -> Iterator[TestClient]:
    keys = {"k-analyst": "analyst", "k-east": "east_marketing", "k-service": "service_team"}
    settings = ServerSettings(api_keys=keys, rate_per_minute=1000)
    with TestClient(build_server(service, settings, BotsConfig(), chat_role="east_marketing")) as c:
        yield c


def ask(client: TestClient, question: str, key: dict[str, str], **params: str) -> object:
    response = client.post("/v1/ask", json={"question": question}, headers=key, params=params)
    assert response.status_code == 200, response.text
    return response


def test_ask_can_answer_with_the_table_as_csv_or_xlsx(client: TestClient) -> None:
    response = client.post(
        "/v1/ask", json={"question": "revenue by channel last week"}, headers=ANALYST,
        params={"format": "csv"},
    )  # fmt: skip
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/csv")
    assert "attachment" in response.headers["content-disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert len(rows) > 2 and "wechat_oa" not in response.text  # channels by their names
    xlsx = client.post(
        "/v1/ask", json={"question": "各渠道上周收入"}, headers=ANALYST, params={"format": "xlsx"}
    )
    assert xlsx.status_code == 200 and "spreadsheetml" in xlsx.headers["content-type"]
    assert "filename*=UTF-8''" in xlsx.headers["content-disposition"]
    sheet = load_workbook(io.BytesIO(xlsx.content)).worksheets[0]
    assert sheet.max_row > 2 and re.search(r"[\u4e00-\u9fff]", str(sheet.cell(1, 1).value))
    bad = client.post("/v1/ask", json={"question": "x"}, headers=ANALYST, params={"format": "pdf"})
    assert bad.status_code == 422 and "format" in bad.json()["error"]["message"]


def test_a_stored_answer_as_json_csv_or_xlsx_for_whoever_may_see_it(client: TestClient) -> None:
    answer = ask(client, "revenue by region last week", ANALYST).json()  # type: ignore[attr-defined]
    got = client.get(f"/v1/answers/{answer['id']}", headers=ANALYST)
    assert got.status_code == 200 and got.json()["text"] == answer["text"]
    as_csv = client.get(f"/v1/answers/{answer['id']}", headers=ANALYST, params={"format": "csv"})
    assert as_csv.status_code == 200 and as_csv.content.startswith("\ufeff".encode())
    for key in (EAST, SERVICE):  # every region / not a service metric: as if it did not exist
        hidden = client.get(f"/v1/answers/{answer['id']}", headers=key, params={"format": "csv"})
        assert hidden.status_code == 404 and hidden.json()["error"]["code"] == "not_found"
    unknown = client.get("/v1/answers/nope", headers=EAST)
    assert unknown.status_code == 404 and unknown.json()["error"]["code"] == "not_found"
    assert client.get(f"/v1/answers/{answer['id']}").status_code == 401


def test_the_users_behind_a_count_for_a_role_with_export(
    client: TestClient, service: AssistantService
) -> None:
    answer = ask(client, "active users by channel last week", ANALYST).json()  # type: ignore[attr-defined]
    value = answer["rows"][1][answer["columns"].index("active_users")]
    url = f"/v1/answers/{answer['id']}/users"
    found = client.post(url, json={"row": 1}, headers=ANALYST)
    assert found.status_code == 200, found.text
    body = found.json()
    assert body["count"] == value == len(body["user_ids"]) and body["capped"] is False
    as_csv = client.post(url, json={"row": 1}, headers=ANALYST, params={"format": "csv"})
    assert as_csv.text.splitlines()[1:] == body["user_ids"]
    audit = service.store.exports(answer["id"])
    assert len(audit) == 2 and audit[0].principal and "k-analyst" not in str(audit[0].principal)
    which = client.post(url, json={}, headers=ANALYST)
    assert which.status_code == 422 and "say which one" in which.json()["error"]["message"]
    east = ask(client, "active users last week", EAST).json()  # type: ignore[attr-defined]
    denied = client.post(f"/v1/answers/{east['id']}/users", json={}, headers=EAST)
    assert denied.status_code == 403 and denied.json()["error"]["code"] == "export_denied"
    hidden = client.post(url, json={"row": 1}, headers=SERVICE)
    assert hidden.status_code == 404


def test_the_link_is_a_page_in_the_answers_language_that_fetches_nothing(
    client: TestClient,
) -> None:
    answer = ask(client, "各渠道上周活跃用户数", EAST).json()  # type: ignore[attr-defined]
    page = client.get(f"/a/{answer['id']}", headers={"Accept": "text/html", **EAST})
    assert page.status_code == 200 and '<html lang="zh-CN">' in page.text
    assert "<figcaption>图表：" in page.text and answer["text"][:10] in page.text
    assert "?format=csv" in page.text and "<table>" in page.text
    assert EXTERNAL.findall(page.text) == []
    assert client.get("/a-assets/plotly.min.js").status_code == 200
    as_json = client.get(f"/a/{answer['id']}", params={"format": "json"}, headers=EAST)
    assert as_json.json()["id"] == answer["id"]
    xlsx = client.get(f"/a/{answer['id']}", params={"format": "xlsx"}, headers=EAST)
    assert "spreadsheetml" in xlsx.headers["content-type"]


def test_the_link_honours_the_viewer(client: TestClient) -> None:
    """With sign-in configured (API keys here) a link needs a key: the answer is the key's own
    (issue 14: objects belong to their caller), and its role must still see it."""
    analyst = ask(client, "revenue by region last week", ANALYST).json()  # type: ignore[attr-defined]
    assert client.get(f"/a/{analyst['id']}").status_code == 401
    assert client.get(f"/a/{analyst['id']}", headers=ANALYST).status_code == 200
    assert client.get(f"/a/{analyst['id']}", headers=SERVICE).status_code == 404
    assert client.get(f"/a/{analyst['id']}", headers={"X-API-Key": "wrong"}).status_code == 401
    assert client.get("/a/does-not-exist", headers=ANALYST).status_code == 404


def test_the_links_users_csv_is_the_same_audited_export(
    client: TestClient, service: AssistantService
) -> None:
    east = ask(client, "active users by channel last week", EAST).json()  # type: ignore[attr-defined]
    denied = client.get(f"/a/{east['id']}/users.csv", params={"row": 0}, headers=EAST)
    assert denied.status_code == 403 and denied.json()["error"]["code"] == "export_denied"
    mine = ask(client, "active users by channel last week", ANALYST).json()  # type: ignore[attr-defined]
    found = client.get(f"/a/{mine['id']}/users.csv", params={"row": 0}, headers=ANALYST)
    assert found.status_code == 200 and "attachment" in found.headers["content-disposition"]
    value = mine["rows"][0][mine["columns"].index("active_users")]
    assert len(found.text.splitlines()) == value + 1  # the header, then one id a line
    (audit,) = service.store.exports(mine["id"])
    assert audit.row == 0 and audit.principal and audit.principal.startswith("key:")
