"""The result-size check of the DuckDB engine: fixed-width cells count 8 bytes each unread,
text and nested cells are measured; either way a result over the limit is refused."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from connectors.engine import Engine, ResultTooLarge


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("size") / "t.duckdb"
    with duckdb.connect(str(path)) as con:
        con.execute("CREATE TABLE t AS SELECT range AS n, repeat('x', 100) AS s FROM range(1000)")
    return path


def test_fixed_width_cells_count_eight_bytes(db: Path) -> None:
    with Engine(db, max_result_bytes=16_000) as engine:  # 1,000 rows × 2 numbers = 16,000
        assert len(engine.run("SELECT n, n * 1.5 FROM t").rows) == 1000
    with Engine(db, max_result_bytes=15_999) as engine, pytest.raises(ResultTooLarge):
        engine.run("SELECT n, n * 1.5 FROM t")


def test_text_and_lists_are_measured(db: Path) -> None:
    with Engine(db, max_result_bytes=50_000) as engine:  # 1,000 × (8 + 100) = 108,000
        assert len(engine.run("SELECT n FROM t").rows) == 1000
        with pytest.raises(ResultTooLarge):
            engine.run("SELECT n, s FROM t")
        with pytest.raises(ResultTooLarge):
            engine.run("SELECT n, [s, s] FROM t")
