"""`/v1/watches` and `/v1/digests`: create from a question or an answer, list, pause, resume,
delete; owned by the API key that made them (another key gets 404); clear errors in English or
Chinese. And `tpa watch` on the command line."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from assistant.config import AssistantConfig
from assistant.service import AssistantService
from assistant.watches import Watches, WatchStore
from ui.api import ServerSettings, create_app
from ui.api.watches import watches_router
from ui.bots import BotsConfig
from ui.bots.deliver import Sender
from ui.cli.app import app as tpa

A, B, EAST = ({"Authorization": f"Bearer {k}"} for k in ("k-a", "k-b", "k-east"))
HOOK = "webhook:https://hooks.example.test/tpa"


@dataclass
class Api:
    client: TestClient
    watches: Watches


@pytest.fixture(scope="module")
def api(small_demo: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Api]:
    home = tmp_path_factory.mktemp("watch-api")
    config = AssistantConfig(db=small_demo, home=home, as_of=date(2026, 11, 23), retrieval=False)
    settings = ServerSettings(
        api_keys={"k-a": "analyst", "k-b": "analyst", "k-east": "east_marketing"},
        rate_per_minute=1000,
    )
    with AssistantService.open(config) as service:
        watches = Watches(service, WatchStore.beside(home), Sender(BotsConfig()))
        app = create_app(service, settings)
        app.include_router(watches_router(watches, settings))
        with TestClient(app) as client:
            yield Api(client, watches)


def test_create_list_pause_resume_delete(api: Api) -> None:
    made = api.client.post(
        "/v1/watches", json={"question": "checkout conversion", "to": [HOOK, "feishu:oc_1"]},
        headers=A,
    )  # fmt: skip
    assert made.status_code == 201, made.text
    watch = made.json()
    assert watch["kind"] == "watch" and watch["grain"] == "week" and watch["role"] == "analyst"
    assert watch["plan"]["kind"] == "metric" and watch["plan"]["metrics"] == ["checkout_conversion"]
    assert watch["to"] == [HOOK, "feishu:oc_1"]
    listed = api.client.get("/v1/watches", headers=A).json()["watches"]
    assert watch["id"] in [w["id"] for w in listed]
    paused = api.client.post(f"/v1/watches/{watch['id']}/pause", headers=A).json()
    assert paused["paused"] is True
    report = api.watches.run_due(dry_run=True)
    assert not any(line.startswith(watch["id"]) for line in report.lines)
    assert api.client.post(f"/v1/watches/{watch['id']}/resume", headers=A).json()["paused"] is False
    assert api.client.delete(f"/v1/watches/{watch['id']}", headers=A).status_code == 204
    assert api.client.get(f"/v1/watches/{watch['id']}", headers=A).status_code == 404


def test_watches_belong_to_the_key_that_made_them(api: Api) -> None:
    watch = api.client.post("/v1/watches", json={"question": "revenue", "to": [HOOK]},
                            headers=A).json()  # fmt: skip
    wid = watch["id"]
    assert wid not in [w["id"] for w in api.client.get("/v1/watches", headers=B).json()["watches"]]
    for method, path in (("get", ""), ("post", "/pause"), ("post", "/resume"), ("delete", "")):
        other = api.client.request(method.upper(), f"/v1/watches/{wid}{path}", headers=B)
        assert other.status_code == 404 and other.json()["error"]["code"] == "not_found"
        unknown = api.client.request(method.upper(), f"/v1/watches/nope{path}", headers=B)
        assert unknown.status_code == 404 and unknown.json()["error"]["code"] == "not_found"
    assert api.client.get(f"/v1/watches/{wid}", headers=A).status_code == 200
    assert api.client.get("/v1/watches", headers={}).status_code == 401


def test_watch_an_answer_already_given(api: Api) -> None:
    answer = api.client.post("/v1/ask", json={"question": "结账转化率"}, headers=A).json()
    made = api.client.post("/v1/watches", json={"answer_id": answer["id"], "to": [HOOK],
                                                "grain": "day"}, headers=A)  # fmt: skip
    assert made.status_code == 201
    assert made.json()["language"] == "zh" and made.json()["grain"] == "day"


def test_a_drop_off_watch_pins_the_step_that_lost_most(api: Api) -> None:
    question = "which touchpoint lost the most users last week"
    made = api.client.post("/v1/watches", json={"question": question, "to": [HOOK]}, headers=A)
    assert made.status_code == 201, made.text
    assert made.json()["plan"]["kind"] == "dropoff" and len(made.json()["plan"]["steps"]) == 2


@pytest.mark.parametrize(
    ("body", "code", "zh"),
    [
        ({"question": "revenue", "to": ["carrier-pigeon:roof"]}, "invalid_destination", "平台"),
        ({"question": "revenue", "to": ["webhook:ftp://x"]}, "invalid_destination", "网址"),
        ({"question": "what do users do after the product page", "to": [HOOK]},
         "not_watchable", "无法设置监控"),
    ],
)  # fmt: skip
def test_bad_requests_say_what_to_fix_in_both_languages(
    api: Api, body: dict[str, object], code: str, zh: str
) -> None:
    en = api.client.post("/v1/watches", json=body, headers=A)
    assert en.status_code == 422 and en.json()["error"]["code"] == code
    cn = api.client.post("/v1/watches", json=body, headers={**A, "Accept-Language": "zh-CN"})
    assert zh in cn.json()["error"]["message"]


def test_missing_fields_and_both_sources_are_refused(api: Api) -> None:
    assert (
        api.client.post("/v1/watches", json={"question": "revenue"}, headers=A).status_code == 422
    )
    both = {"question": "revenue", "answer_id": "x", "to": [HOOK]}
    assert api.client.post("/v1/watches", json=both, headers=A).status_code == 422


def test_the_role_policy_applies(api: Api) -> None:
    denied = api.client.post("/v1/watches", json={"question": "first response time",
                                                  "to": [HOOK]}, headers=EAST)  # fmt: skip
    assert denied.status_code == 422
    digest = api.client.post("/v1/digests", json={"to": [HOOK], "language": "zh"}, headers=EAST)
    assert digest.status_code == 201 and digest.json()["role"] == "east_marketing"


def test_cli_add_list_pause_delete_and_dry_run(small_demo: Path, tmp_path: Path) -> None:
    env = {"TPA_HOME": str(tmp_path), "TPA_AS_OF": "2026-11-23", "TPA_RETRIEVAL": "off"}
    run = CliRunner().invoke
    db = ["--db", str(small_demo)]
    added = run(tpa, ["watch", "add", "checkout conversion", "--to", HOOK, *db], env=env)
    assert added.exit_code == 0, added.output
    wid = added.output.split()[1].rstrip(":")
    listed = run(tpa, ["watch", "list", *db], env=env)
    assert wid in listed.output and "active" in listed.output
    dry = run(tpa, ["watch", "run-due", "--dry-run", *db], env=env)
    assert dry.exit_code == 0 and wid in dry.output
    assert run(tpa, ["watch", "pause", wid, *db], env=env).exit_code == 0
    assert "paused" in run(tpa, ["watch", "list", *db], env=env).output
    bad = run(tpa, ["watch", "add", "revenue", "--to", "nowhere", *db], env=env)
    assert bad.exit_code == 2 and "PLATFORM:ADDRESS" in bad.output
    assert run(tpa, ["watch", "delete", wid, *db], env=env).exit_code == 0
    assert run(tpa, ["watch", "delete", wid, *db], env=env).exit_code == 2


def test_watch_help_lists_every_command() -> None:
    shown = CliRunner().invoke(tpa, ["watch", "--help"]).output
    for command in ("add", "digest", "list", "pause", "resume", "delete", "run-due"):
        assert command in shown


def test_watch_this_in_the_chat(api: Api) -> None:
    from ui.chat.handlers import ChatHandlers
    from ui.chat.state import ChatState

    chat = ChatHandlers(api.watches.service, None, api.watches)
    early = list(chat.ask("watch this → " + HOOK, ChatState()))[-1].state
    assert early.turns[-1].answer.error is not None  # nothing to watch yet
    state = list(chat.ask("checkout conversion", ChatState()))[-1].state
    nowhere = list(chat.ask("watch this", state))[-1].state.turns[-1].answer
    assert nowhere.error is not None and "feishu:oc_1234" in nowhere.text
    done = list(chat.ask(f"watch this daily → {HOOK}", state))[-1].state.turns[-1].answer
    assert done.error is None and "Watching" in done.text and "every day" in done.text
    zh = list(chat.ask(f"监控这个 {HOOK}", state))[-1].state.turns[-1].answer
    assert "已设置监控" in zh.text
    made = [s for s in api.watches.store.list("chat") if s.question == "checkout conversion"]
    assert {s.grain for s in made} == {"day", "week"}


def test_a_watch_runs_with_its_owners_row_filters(
    api: Api, east_only_demo: Path, tmp_path: Path
) -> None:
    """The east_marketing key's watch sees East rows only: its value is the East-only truth."""
    from assistant.watches.evaluate import latest_period, run_watch

    made = api.client.post("/v1/watches", json={"question": "revenue", "to": [HOOK]}, headers=EAST)
    service = api.watches.service
    sub = api.watches.store.get(made.json()["id"], None)
    week = latest_period(service.time_context(), "week")
    seen = run_watch(service, sub, week)["value"]
    truth_config = AssistantConfig(db=east_only_demo, home=tmp_path, as_of=date(2026, 11, 23),
                                   retrieval=False)  # fmt: skip
    with AssistantService.open(truth_config) as truth:
        assert seen == pytest.approx(run_watch(truth, replace(sub, role=None), week)["value"])
    assert seen < run_watch(service, replace(sub, role=None), week)["value"]


def test_another_keys_answer_cannot_be_watched(api: Api) -> None:
    """Answers belong to the key that asked (issue 14): watching another's is 404, and the
    same key's principal owns both its sessions and its watches."""
    answer = api.client.post("/v1/ask", json={"question": "revenue by region last month"},
                             headers=A).json()  # fmt: skip
    body = {"answer_id": answer["id"], "to": [HOOK]}
    stolen = api.client.post("/v1/watches", json=body, headers=B)
    assert stolen.status_code == 404 and stolen.json()["error"]["code"] == "not_found"
    assert api.client.post("/v1/watches", json=body, headers=A).status_code == 201
