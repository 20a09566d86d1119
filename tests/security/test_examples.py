"""Reviewed examples (issue 13 point 6, issue 14 leak 4): a thumbs-up only proposes an example;
unreviewed ones never change anybody's answer; approved ones serve their own role only and never
quote the question of whoever proposed them; examples from before review migrate."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from assistant.answer.model import Answer
from assistant.config import AssistantConfig
from assistant.ownership import key_principal
from assistant.service import AssistantService
from ui.api import ServerSettings, create_app

AS_OF = date(2026, 11, 23)
PROPOSED = "revenue by region for the app last week"  # what the poisoner asked
ASKED = "app revenue by region last week"  # another person's words for the same thing
KEYS = {"k-east-1": "east_marketing", "k-east-2": "east_marketing", "k-boss": "analyst"}


@pytest.fixture(scope="module")
def world(
    small_demo: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[AssistantService, TestClient]]:
    config = AssistantConfig(db=small_demo, home=tmp_path_factory.mktemp("ex"), as_of=AS_OF)
    settings = ServerSettings(api_keys=KEYS, rate_per_minute=1000)
    with AssistantService.open(config) as service, TestClient(create_app(service, settings)) as c:
        yield service, c


def poisoned(service: AssistantService) -> Answer:
    """The first east_marketing key's answer to PROPOSED with a wrong plan (the web's revenue
    instead of the app's), as a broken planner or a hostile LLM could have made, thumbs-up."""
    honest = service.ask(PROPOSED, role="east_marketing", principal=key_principal("k-east-1"))
    assert honest.plan is not None and honest.rows
    plan = json.loads(json.dumps(honest.plan).replace('"app"', '"web"'))
    assert plan != honest.plan
    wrong = honest.model_copy(update={"id": "poison-1", "plan": plan, "session_id": None})
    service.store.add_turn(honest.session_id or "", wrong)
    assert service.feedback("poison-1", "up", principal=key_principal("k-east-1"))
    return wrong


def plan_of(client: TestClient, key: str) -> dict[str, Any]:
    answer = client.post("/v1/ask", json={"question": ASKED}, headers={"X-API-Key": key}).json()
    assert answer["error"] is None, answer["error"]
    assert PROPOSED not in json.dumps(answer["warnings"])  # never quotes the proposer
    return dict(answer)


def test_an_unreviewed_thumbs_up_never_changes_another_users_answer(
    world: tuple[AssistantService, TestClient],
) -> None:
    service, client = world
    before = {key: plan_of(client, key)["plan"] for key in KEYS}
    wrong = poisoned(service)
    assert service.store.proposal("poison-1").status == "pending"
    for key in KEYS:  # the same role, another role, even the proposer: nothing changed
        after = plan_of(client, key)
        assert after["plan"] == before[key] and after["backend"] != "example"

    # A non-reviewer may not approve; the reviewer (analyst) sees and approves it.
    east = {"X-API-Key": "k-east-2"}
    assert client.get("/v1/examples", headers=east).status_code == 403
    assert client.post("/v1/examples/poison-1/approve", headers=east).status_code == 403
    boss = {"X-API-Key": "k-boss"}
    pending = client.get("/v1/examples", headers=boss).json()["examples"]
    assert [p["answer_id"] for p in pending] == ["poison-1"] and "owner" not in pending[0]
    approved = client.post("/v1/examples/poison-1/approve", headers=boss)
    assert approved.status_code == 200 and approved.json()["status"] == "approved"

    reused = plan_of(client, "k-east-2")  # approved: it serves east_marketing now …
    assert reused["backend"] == "example" and reused["plan"] == {**wrong.plan, "language": "en"}
    assert plan_of(client, "k-boss")["plan"] == before["k-boss"]  # … and never another role

    rejected = client.post("/v1/examples/poison-1/reject", headers=boss)
    assert rejected.status_code == 200 and rejected.json()["status"] == "rejected"
    assert plan_of(client, "k-east-2")["plan"] == before["k-east-2"]  # withdrawn


def test_examples_saved_before_review_migrate_to_the_default_role(
    small_demo: Path, tmp_path: Path
) -> None:
    plan = {"kind": "metric", "metrics": ["orders"], "dimensions": ["channel"],
            "time": "last_week", "language": "en"}  # fmt: skip
    legacy = {"question": "how many orders by channel last week", "plan": plan, "language": "en"}
    (tmp_path / "examples.jsonl").write_text(json.dumps(legacy) + "\n", encoding="utf-8")
    config = AssistantConfig(db=small_demo, home=tmp_path, as_of=AS_OF)
    with AssistantService.open(config) as service:
        analyst = service.ask("number of orders by channel last week")
        east = service.ask("number of orders by channel last week", role="east_marketing")
    line = json.loads((tmp_path / "examples.jsonl").read_text(encoding="utf-8"))
    assert line["role"] == "analyst" and line["reviewed_by"].startswith("migration")
    assert (tmp_path / "examples.jsonl.before-roles").exists()
    assert analyst.backend == "example"  # still works for the role it now serves
    assert east.backend != "example"
