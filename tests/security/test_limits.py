"""Bounded execution (issue 14, "hangs and resource abuse"): planning is timed like running, the
serving connection has a memory and a spill limit, answers and stored turns are capped, and
request headers are limited."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from assistant.answer.model import Answer
from assistant.config import AssistantConfig
from assistant.service import AssistantService
from assistant.sessions import SessionStore
from connectors.engine import Engine, QueryTimeout, ResultTooLarge
from semantic_layer.errors import UserError
from ui.api import ServerSettings, create_app

# Constant folding at planning time: quadratic work inside EXPLAIN (54 s against a 20 s limit).
FOLDED = "SELECT levenshtein(lpad('a', 60000, 'x'), lpad('b', 60000, 'y')) AS d FROM events"


@pytest.fixture(scope="module")
def engine(small_demo: Path) -> Iterator[Engine]:
    with Engine(small_demo, timeout_s=0.5, max_result_bytes=1_000_000) as opened:
        yield opened


def test_explain_runs_under_the_query_timer(engine: Engine) -> None:
    with pytest.raises(QueryTimeout, match=r"longer than 0\.5 s"):
        engine.explain(FOLDED)
    assert engine.run("SELECT count(*) FROM events").rows[0][0] > 0  # the engine carries on


def test_the_serving_connection_has_memory_and_spill_limits(engine: Engine) -> None:
    row = engine.run(
        "SELECT current_setting('memory_limit'), current_setting('max_temp_directory_size')"
    ).rows[0]
    assert row == ("1.8 GiB", "3.7 GiB")  # the defaults: 2GB and 4GB


def test_a_result_over_the_byte_cap_is_refused(engine: Engine) -> None:
    with pytest.raises(ResultTooLarge, match="too large for an answer"):
        engine.run("SELECT lpad('x', 400000, 'y') AS big FROM events LIMIT 5", timeout_s=10)


def test_a_huge_answer_is_stored_without_its_rows(tmp_path: Path) -> None:
    rows = [["x" * 1000] for _ in range(5000)]  # 5 MB of table
    answer = Answer(id="a1", question="q", language="en", text="t", columns=["c"], rows=rows)
    with SessionStore.open(tmp_path / "s.sqlite3") as store:
        session = store.new_session()
        store.add_turn(session.id, answer)
        kept = store.answer("a1")
    assert kept.rows == [] and "too large to keep" in kept.warnings[-1]
    size = sum(f.stat().st_size for f in tmp_path.glob("s.sqlite3*"))
    assert size < 3 * 1024 * 1024


@pytest.mark.parametrize(
    ("var", "value"), [("TPA_MEMORY_LIMIT", "lots"), ("TPA_TEMP_LIMIT", "1; DROP")]
)
def test_limits_from_the_environment_are_checked(var: str, value: str) -> None:
    with pytest.raises(UserError, match=f"{var} '.*' is not a size"):
        AssistantConfig.from_env({**os.environ, var: value})
    config = AssistantConfig.from_env({"TPA_MEMORY_LIMIT": "512MB", "TPA_TEMP_LIMIT": "1GiB"})
    assert (config.memory_limit, config.temp_limit) == ("512MB", "1GiB")


def test_request_headers_over_the_limit_get_431(
    small_demo: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    config = AssistantConfig(
        db=small_demo, home=tmp_path_factory.mktemp("h"), as_of=date(2026, 11, 23), retrieval=False
    )
    settings = ServerSettings(api_keys={"k": "analyst"}, max_header_bytes=4096)
    with AssistantService.open(config) as service, TestClient(create_app(service, settings)) as c:
        big = {"Authorization": "Bearer k", "X-Junk": "j" * 5000}
        for response in (c.get("/healthz", headers=big), c.get("/v1/catalog", headers=big)):
            assert response.status_code == 431
            assert response.json()["error"]["code"] == "headers_too_large"
        assert c.get("/v1/catalog", headers={"Authorization": "Bearer k"}).status_code == 200


def test_healthz_shows_no_paths(small_demo: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    config = AssistantConfig(
        db=small_demo, home=tmp_path_factory.mktemp("hz"), as_of=date(2026, 11, 23), retrieval=False
    )
    with (
        AssistantService.open(config) as service,
        TestClient(create_app(service, ServerSettings())) as c,
    ):
        health = c.get("/healthz").json()
    assert health["status"] == "ok" and "database" not in health
    assert str(small_demo.parent) not in str(health) and "/" not in "".join(map(str, health))
