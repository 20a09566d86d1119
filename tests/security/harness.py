"""What the security tests share: the canaries, a model with a raw-SQL role, services, servers.

Canaries prove that nothing leaks. A copy of the demo database gets (a) a table the semantic
model does not name, holding `TABLE_TOKEN`, and (b) a customer in the North region whose city,
campaign, feedback comment and ticket category are `ROW_TOKEN` — rows a role limited to the East
must never see. A folder on disk holds files whose content is `FILE_TOKEN`. The LLM's API key is
`KEY_TOKEN`. No answer may ever contain one of them, and no file may appear in that folder.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import duckdb

from assistant.answer.model import Answer
from assistant.config import AssistantConfig
from assistant.llm import LlmPlanner, LlmSettings, Method
from assistant.service import AssistantService
from assistant.sessions import SessionStore
from connectors.engine import Engine as DuckDBEngine
from connectors.engines import Engine, export_parquet, open_engine
from semantic_layer.model import DEMO_MODEL_PATH, load_model
from semantic_layer.model.semantic import SemanticModel
from tests.fakes.openai_server import PlanReply, Reply

AS_OF = date(2026, 11, 23)
TABLE_TOKEN = "QX7-CANARY-TABLE-5d1e"
ROW_TOKEN = "QX7-CANARY-ROW-9b2c"
FILE_TOKEN = "QX7-CANARY-FILE-a4f0"
KEY_TOKEN = "sk-QX7-CANARY-KEY-77e3"
HIDDEN_TABLE = "secret_canary"
CANARY_USER = "U_QX7_CANARY"
# A role that may use everything, raw SQL included, but only the East's rows: the demo model has
# none, and raw SQL is refused to roles with a metric list, so the row filters around raw SQL are
# proved with this one.
RAW_SQL_ROLE = "east_analyst"
EAST_ROLES = frozenset({"east_marketing", RAW_SQL_ROLE})
REFUSED_KINDS = frozenset({"unsupported", "clarify"})


@dataclass(frozen=True)
class Canary:
    """The canary database, model and folder, and the file whose content is `FILE_TOKEN`."""

    db: Path
    model: Path
    folder: Path
    csv: Path
    parquet: Path

    def placeholders(self) -> dict[str, str]:
        """What `$FILE`, `$PARQUET` and `$DIR` stand for in the corpus's payloads."""
        return {"$PARQUET": str(self.parquet), "$FILE": str(self.csv), "$DIR": str(self.folder)}

    def snapshot(self) -> dict[str, tuple[int, bytes]]:
        """Every file of the folder with its modification time and content."""
        return {
            str(p): (p.stat().st_mtime_ns, p.read_bytes())
            for p in sorted(self.folder.rglob("*"))
            if p.is_file()
        }


def build_canary(demo: Path, root: Path) -> Canary:
    """Copy `demo` with the hidden table and the North canary customer; write the files."""
    folder = root / "files"
    folder.mkdir()
    csv = folder / "secret.csv"
    csv.write_text(f"secret\n{FILE_TOKEN}\n")
    parquet = folder / "secret.parquet"
    with duckdb.connect() as scratch:  # an in-memory database of its own, not the locked one
        scratch.execute(f"COPY (SELECT '{FILE_TOKEN}' AS secret) TO '{parquet}' (FORMAT parquet)")
    db = root / "canary.duckdb"
    shutil.copy(demo, db)
    with duckdb.connect(str(db)) as con:
        _add_canaries(con)
    return Canary(db, write_model(root / "model.yaml"), folder, csv, parquet)


def _add_canaries(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(f"CREATE TABLE {HIDDEN_TABLE} AS SELECT '{TABLE_TOKEN}' AS secret")
    con.execute(
        "INSERT INTO users VALUES (?, TIMESTAMP '2025-12-01 10:00:00', 'vip', 'gold', 'North', "
        "?, 'paid_ads', 'female', '25-34')",
        [CANARY_USER, ROW_TOKEN],
    )
    steps = ["ad_click", "landing_page", "product_page", "add_to_cart", "checkout", "payment"]
    channels = ["paid_ads", "website", "website", "website", "website", "website"]
    rows = []
    for day in range(1, 23):  # every day of November up to as_of, and October
        for month in (10, 11):
            for n, (step, channel) in enumerate(zip(steps, channels, strict=True)):
                revenue = 999.0 if step == "payment" else None
                order = f"O_{ROW_TOKEN}_{month}_{day}" if step == "payment" else None
                rows.append(
                    (
                        f"E_{ROW_TOKEN}_{month}_{day}_{n}",
                        CANARY_USER,
                        f"2026-{month:02d}-{day:02d} 10:{n:02d}:00",
                        channel,
                        step,
                        f"S_{ROW_TOKEN}_{month}_{day}",
                        ROW_TOKEN,
                        revenue,
                        order,
                        "ios",
                        "North",
                        ROW_TOKEN,
                    )
                )
    con.executemany("INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
    con.execute(
        "INSERT INTO feedback VALUES (?, TIMESTAMP '2026-11-10 12:00:00', 'website', 'payment', "
        "'csat', 1, ?)",
        [CANARY_USER, ROW_TOKEN],
    )
    con.execute(
        "INSERT INTO tickets VALUES (?, ?, 'service', TIMESTAMP '2026-11-10 12:00:00', "
        "TIMESTAMP '2026-11-10 13:00:00', TIMESTAMP '2026-11-11 13:00:00', ?, true, 1)",
        [f"T_{ROW_TOKEN}", CANARY_USER, ROW_TOKEN],
    )


def write_model(path: Path) -> Path:
    """The demo model plus `RAW_SQL_ROLE`: every metric and dimension, East rows only."""
    text = DEMO_MODEL_PATH.read_text(encoding="utf-8")
    assert text.count("\npolicies:\n") == 1
    role = (
        f"\npolicies:\n  {RAW_SQL_ROLE}:\n"
        "    description: everything, raw SQL included, for the East region only\n"
        '    metrics: "*"\n    dimensions: "*"\n'
        '    row_filters:\n      - {dimension: region, op: "=", value: East}\n'
    )
    path.write_text(text.replace("\npolicies:\n", role), encoding="utf-8")
    return path


class Scripted:
    """A FakeOpenAI script whose reply the test sets before each question."""

    def __init__(self) -> None:
        self.reply: Reply = PlanReply({"kind": "unsupported", "reason": "nothing scripted"})

    def __call__(self, index: int, body: dict[str, Any]) -> Reply:
        return self.reply


def settings(base_url: str, method: Method = "json_schema") -> LlmSettings:
    """Settings for a local fake: no retries (a failure is final), a secret key to look for."""
    return LlmSettings(
        base_url=base_url,
        model="fake-model",
        api_key=KEY_TOKEN,
        method=method,
        max_retries=0,
        timeout_s=5,
    )


@contextmanager
def services(
    db: Path, model_path: Path, home: Path, planners: Mapping[str, LlmSettings | None]
) -> Iterator[dict[str, AssistantService]]:
    """One service per planner name, all on one engine and one session store."""
    model = load_model(model_path)
    config = AssistantConfig(db=db, model=model_path, home=home, as_of=AS_OF, retrieval=False)
    with engine_over(db, home) as engine, SessionStore.open(home / "s.sqlite3") as store:
        made = {name: _service(config, model, engine, store, llm) for name, llm in planners.items()}
        yield made
        for service in made.values():
            if service.llm is not None:
                service.llm.close()


@contextmanager
def engine_over(db: Path, home: Path) -> Iterator[Engine]:
    """The engine the security tests attack: DuckDB over `db`, or with `TPA_TEST_ENGINE` set
    (`make test` runs `tests/security/test_security_corpus.py` so), the same data exported to
    ClickHouse or Spark."""
    kind = os.environ.get("TPA_TEST_ENGINE", "duckdb")
    if kind == "duckdb":
        with DuckDBEngine(db, timeout_s=10) as engine:
            yield engine
        return
    tables = home / "engine-tables"
    export_parquet(db, tables)
    where = tables
    if kind == "clickhouse":
        from connectors.engines.clickhouse import load

        where = home / "engine-chdb"
        load(where, tables)
    engine = open_engine(kind, where, timeout_s=30)
    try:
        yield engine
    finally:
        engine.close()


def _service(
    config: AssistantConfig,
    model: SemanticModel,
    engine: Engine,
    store: SessionStore,
    llm: LlmSettings | None,
) -> AssistantService:
    planner = LlmPlanner(llm, model) if llm is not None else None
    return AssistantService(config, model, engine, store, retriever=None, llm=planner)


def forbidden(role: str) -> tuple[str, ...]:
    """The tokens an answer to `role` must not contain."""
    tokens = (TABLE_TOKEN, FILE_TOKEN, KEY_TOKEN)
    return (*tokens, ROW_TOKEN) if role in EAST_ROLES else tokens


def leaks(answer: Answer, role: str) -> list[str]:
    """The canary tokens anywhere in the answer but the question it repeats."""
    text = answer.model_dump_json(exclude={"question"})
    return [token for token in forbidden(role) if token in text]


def refused(answer: Answer) -> bool:
    """A clear refusal: an error with a code and a message, or an unsupported/clarify answer."""
    if answer.error is not None:
        return bool(answer.error.code and answer.error.message and answer.text)
    return answer.kind in REFUSED_KINDS and bool(answer.text)


def rows_of(answer: Answer) -> list[list[Any]]:
    """The rows with floats rounded (sums in another order differ in the last bits)."""
    return [[round(v, 6) if isinstance(v, float) else v for v in row] for row in answer.rows]


def completion_body(message: Mapping[str, Any]) -> bytes:
    """A chat.completion body around one message (whatever the message holds)."""
    choice = {"index": 0, "message": dict(message), "finish_reason": "stop"}
    return json.dumps({"id": "x", "object": "chat.completion", "choices": [choice]}).encode()
