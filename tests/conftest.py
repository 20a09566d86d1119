"""Shared fixtures: the demo databases (each built once, cached in `.cache/tests/` and copied
per session, tests/demo_cache.py), and the golden-file flag. Every test process, and every
command a test starts, shares one file of e5 vectors (`TPA_EMBEDDING_CACHE`,
assistant/retrieval/vectors.py): a model's names are embedded once, not in every worker and
every index a test builds; the tests that measure embedding itself turn it off."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import duckdb
import pytest

from connectors.aggregates import build_statements
from tests.demo_cache import AS_OF, CACHE, demo_copy

CACHE.mkdir(parents=True, exist_ok=True)
os.environ.setdefault("TPA_EMBEDDING_CACHE", str(CACHE / "embeddings.sqlite"))

if TYPE_CHECKING:
    from assistant.service import AssistantService


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="rewrite the golden SQL files under tests/golden/ instead of comparing with them",
    )


@pytest.fixture(scope="session")
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture(scope="session")
def small_demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A 30k-event demo database (seed 7, as_of 2026-11-23), a copy of its own per session."""
    return demo_copy(tmp_path_factory, "demo", events=30_000)


@pytest.fixture(scope="session")
def demo_200k(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A 200k-event demo database (seed 7, as_of 2026-11-23) with its pre-aggregates, for the
    tests that compare rows read with and without them; a copy of its own per session."""
    return demo_copy(tmp_path_factory, "demo200k", events=200_000)


@pytest.fixture(scope="module")
def small_demo_service(
    small_demo: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[AssistantService]:
    """The assistant over the small demo (no retrieval), with a home of its own per module."""
    from assistant.config import AssistantConfig
    from assistant.service import AssistantService

    home = tmp_path_factory.mktemp("home")
    config = AssistantConfig(db=small_demo, home=home, as_of=AS_OF, retrieval=False)
    with AssistantService.open(config) as svc:
        yield svc


@pytest.fixture(scope="session")
def east_only_demo(small_demo: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The same database with every row of people outside the East region deleted: the truth a
    role limited to `region = 'East'` must see."""
    path = tmp_path_factory.mktemp("east") / "east.duckdb"
    shutil.copy(small_demo, path)
    with duckdb.connect(str(path)) as con:
        for table in ("events", "feedback", "tickets", "identity_links"):
            con.execute(
                f"DELETE FROM {table} WHERE user_id NOT IN "
                "(SELECT user_id FROM users WHERE region = 'East')"
            )
        con.execute("DELETE FROM users WHERE region IS DISTINCT FROM 'East'")
        for statement in build_statements():  # the pre-aggregates of what is left, not of all
            con.execute(statement)
    return path


@pytest.fixture(scope="session")
def watch_demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The default-size demo (1M events, seed 7, as_of 2026-11-23), a copy per session: the
    planted incidents are measured at this size (docs/demo-data.md), and watches need the weekly
    base sizes of a real shop."""
    return demo_copy(tmp_path_factory, "watch-demo", events=1_000_000)
