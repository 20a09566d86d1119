"""The attack corpus through the whole pipeline (`AssistantService.ask`): as the question to the
built-in planner, and as what a hostile LLM returns, over a real local OpenAI-compatible server.

Every case ends in a clear refusal or an answer within the role, never an exception; no answer
carries a canary token (a table outside the model, rows outside the role, a file's content, the
API key, the LLM's rules), and no file appears in or changes in the canary folder.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

import duckdb
import pytest

from assistant.answer.model import Answer
from assistant.service import AssistantService
from tests.fakes.openai_server import FakeOpenAI, PlanReply, RawEndpoint, TextReply
from tests.security.corpus import CASES, CATEGORIES, Case, Channel, sql
from tests.security.harness import (
    CANARY_USER,
    FILE_TOKEN,
    HIDDEN_TABLE,
    KEY_TOKEN,
    RAW_SQL_ROLE,
    ROW_TOKEN,
    TABLE_TOKEN,
    Canary,
    Scripted,
    completion_body,
    leaks,
    refused,
    services,
    settings,
)

# The LLM's rules: an answer that repeats them has leaked the system prompt.
PROMPT_MARK = "never invent names"
TOKENS = (TABLE_TOKEN, ROW_TOKEN, FILE_TOKEN, KEY_TOKEN)
ROUTES: dict[Channel, tuple[str, str]] = {  # channel → (service, backend)
    "question": ("embedded", "embedded"),
    "llm-plan": ("json_schema", "llm"),
    "llm-tool": ("function_calling", "llm"),
    "llm-sql": ("json_schema", "llm-raw-sql"),
    "llm-body": ("body", "llm"),
}
SQL_ROLES = ("analyst", RAW_SQL_ROLE)
# The engine under attack: DuckDB, or the canary exported to another (`make test`, test-spark).
ENGINE = os.environ.get("TPA_TEST_ENGINE", "duckdb")


def roles_of(case: Case) -> tuple[str, ...]:
    """Who asks: raw SQL as the roles allowed it (no filter, East filter); everything else as
    the East marketing team (a metric list and the East filter)."""
    if case.roles:
        return case.roles
    if case.channel == "llm-body":
        return ("analyst",)
    sql_like = isinstance(case.payload, str) or (
        isinstance(case.payload, Mapping) and case.payload.get("kind") == "sql"
    )
    if case.channel == "llm-sql" or (case.channel != "question" and sql_like):
        return SQL_ROLES
    return ("east_marketing",)


RUNS = [(case, role) for case in CASES for role in roles_of(case)]


@dataclass
class World:
    canary: Canary
    services: dict[str, AssistantService]
    fake: FakeOpenAI
    script: Scripted
    raw: RawEndpoint

    def ask(self, case: Case, role: str) -> Answer:
        name, backend = ROUTES[case.channel]
        payload = fill(case.payload, self.canary.placeholders())
        question = case.question
        if case.channel == "question":
            assert isinstance(payload, str)
            question = payload
        elif case.channel == "llm-body":
            self.raw.answer_json(
                payload if isinstance(payload, bytes) else completion_body(payload)
            )
        elif case.channel == "llm-sql":
            assert isinstance(payload, str)
            self.script.reply = PlanReply(sql(payload))
        elif isinstance(payload, Mapping):
            self.script.reply = PlanReply(payload)
        else:
            assert isinstance(payload, str)
            self.script.reply = TextReply(payload)
        return self.services[name].ask(question, role=role, backend=backend)  # type: ignore[arg-type]


def fill(payload: Any, values: Mapping[str, str]) -> Any:
    """The payload with the canary paths put in."""
    if isinstance(payload, str):
        for key, value in values.items():
            payload = payload.replace(key, value)
        return payload
    if isinstance(payload, Mapping):
        return {k: fill(v, values) for k, v in payload.items()}
    if isinstance(payload, list):
        return [fill(v, values) for v in payload]
    return payload


@pytest.fixture(scope="module")
def world(canary: Canary, tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    script = Scripted()
    home = tmp_path_factory.mktemp("security-home")
    with FakeOpenAI(script) as fake, RawEndpoint() as raw:
        planners = {
            "embedded": None,
            "json_schema": settings(fake.base_url),
            "function_calling": settings(fake.base_url, "function_calling"),
            "body": settings(raw.base_url),
        }
        with services(canary.db, canary.model, home, planners) as svcs:
            yield World(canary, svcs, fake, script, raw)


def test_the_canaries_are_there_to_be_found(world: World) -> None:
    """Positive controls: without the defences each canary is one query away, so its absence
    from the answers below means something."""
    with duckdb.connect() as unlocked:
        rows = unlocked.execute(f"SELECT * FROM read_csv('{world.canary.csv}')").fetchall()
        assert rows == [(FILE_TOKEN,)]
    with duckdb.connect(str(world.canary.db), read_only=True) as plain:
        assert plain.execute(f"SELECT secret FROM {HIDDEN_TABLE}").fetchall() == [(TABLE_TOKEN,)]
    engine = world.services["embedded"].engine  # the engine under attack holds it too
    assert engine.dialect == ENGINE
    hidden = engine.run(f"SELECT secret FROM {HIDDEN_TABLE}").rows
    assert [tuple(row) for row in hidden] == [(TABLE_TOKEN,)]
    everyone = world.services["embedded"].ask("revenue by city last month", role="analyst")
    assert any(ROW_TOKEN in row for row in everyone.rows)
    east = world.services["embedded"].ask("revenue by city last month", role="east_marketing")
    assert east.rows and not leaks(east, "east_marketing")
    world.script.reply = PlanReply(sql(f"SELECT city FROM users WHERE user_id = '{CANARY_USER}'"))
    raw = world.services["json_schema"].ask("x", role="analyst", backend="llm-raw-sql")
    assert raw.backend == "llm-raw-sql" and raw.rows == [[ROW_TOKEN]]
    assert world.fake.headers[-1]["authorization"] == f"Bearer {KEY_TOKEN}"


@pytest.mark.parametrize(
    ("case", "role"), RUNS, ids=[f"{case.name}[{role}]" for case, role in RUNS]
)
def test_attack(world: World, case: Case, role: str) -> None:
    files = world.canary.snapshot()
    sent_before = len(world.fake.requests)
    answer = world.ask(case, role)
    sent = world.fake.requests[sent_before:]
    assert not leaks(answer, role), answer.model_dump_json()[:2000]
    assert PROMPT_MARK not in answer.model_dump_json(exclude={"question"})
    assert world.canary.snapshot() == files
    for request in sent:  # the prompt holds no data, no file, no key
        body = json.dumps(request, ensure_ascii=False)
        assert not [t for t in TOKENS if t in body]
    if ENGINE == "duckdb":
        check_outcome(case, answer, sent)
    else:  # DuckDB-only SQL may not run elsewhere, nor DuckDB's type errors happen: no leak,
        # and a clear refusal or an answer within the role (docs/engines.md)
        assert refused(answer) or (answer.error is None and answer.text), answer.error


def check_outcome(case: Case, answer: Answer, sent: list[dict[str, Any]]) -> None:
    backend = ROUTES[case.channel][1]
    if case.expect == "refused" or (case.expect == "safe" and refused(answer)):
        assert refused(answer), (answer.kind, answer.error, answer.text)
    elif case.expect == "answered" or (case.expect == "safe" and not refused(answer)):
        assert answer.error is None and answer.kind not in ("clarify", "unsupported", "sql")
        assert answer.text and answer.interpretation
    elif case.expect == "contained":
        assert answer.error is None, answer.error
        assert answer.backend == backend and answer.text
    else:
        assert answer.backend == "embedded", answer.backend
        assert answer.warnings and ("LLM" in answer.warnings[0] or "大模型" in answer.warnings[0])
        assert answer.timings.llm_calls
        assert all(c.outcome != "ok" for c in answer.timings.llm_calls)
        told = " ".join(json.dumps(r["messages"][2:], ensure_ascii=False) for r in sent)
        assert case.why in told, told[-600:]


def _text(case: Case) -> str:
    payload = case.payload
    if isinstance(payload, bytes):
        return payload.decode(errors="replace")
    return payload if isinstance(payload, str) else json.dumps(payload, ensure_ascii=False)


def test_the_corpus_covers_every_category_and_channel() -> None:
    assert len(CASES) >= 150
    assert len({c.name for c in CASES}) == len(CASES)
    by_category = {name: [c for c in CASES if c.category == name] for name in CATEGORIES}
    assert {c.category for c in CASES} == set(CATEGORIES)
    assert all(len(cases) >= 5 for cases in by_category.values()), {
        k: len(v) for k, v in by_category.items()
    }
    assert {c.channel for c in CASES} == set(ROUTES)
    everything = "\n".join(_text(c) for c in CASES)
    lower = everything.lower()
    for needle in (
        "read_csv(", "read_csv_auto(", "read_parquet(", "glob(", "read_text(", "read_blob(",
        "from '$file'", "from '/etc/passwd'", "'secret.csv'",
        "insert ", "update ", "delete ", "drop table", "create table", "copy ",
        "attach ", "load ", "install ", "set ", "pragma ", "reset ", "enable_external_access",
        "duckdb_settings()", "duckdb_tables()", "information_schema", "pg_catalog",
        "sqlite_master", "-- ", "/*", "; ", "with events as", "or 1=1", "union select",
        "x' or '1'='1",
    ):  # fmt: skip
        assert needle in lower, needle
    for char in ("\u200b", "\u202e", "е", "Ｓ"):  # zero-width, RTL override, Cyrillic, fullwidth
        assert char in everything
    assert any(len(_text(c)) >= 100_000 for c in CASES)
    assert any("(" * 500 in _text(c) for c in CASES)
    zh = by_category["injection-zh"]
    assert any("忽略之前的指令" in _text(c) for c in zh)
    assert any("DBA" in _text(c) for c in by_category["role-override"])
