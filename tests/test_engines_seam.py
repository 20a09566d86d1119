"""The engine is a seam (issue 17): above the engine package no code names a SQL dialect or
imports an engine's client; the compiler renders for the engine it is given; unknown engines
are refused with a clear message."""

from __future__ import annotations

import ast
import io
import tokenize
from pathlib import Path

import pytest

from assistant.config import AssistantConfig
from semantic_layer.compile import dialects
from semantic_layer.errors import UserError

ROOT = Path(__file__).parent.parent
NAMES = {"duckdb", "clickhouse", "spark", "pyspark", "chdb", "spark_sql", "sqlite"}
# Where dialects are allowed: the dialect layer, and the guard's lists of DuckDB's own functions
# for raw SQL (the language the LLM is asked to write; other engines get it transpiled).
ALLOWED = (
    "semantic_layer/compile/dialects/",
    "semantic_layer/functions.py",
    "semantic_layer/functions_denied.py",
)


def _named(path: Path) -> list[str]:
    """Code (not comments or docstrings) of `path` naming a dialect: a dialect's name given to
    a `dialect=`, `.sql(`, `read=` or `write=`, or an import of an engine's client."""
    found = []
    tokens = list(tokenize.generate_tokens(io.StringIO(path.read_text("utf-8")).readline))
    name = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path.name
    for i, tok in enumerate(tokens):
        where = f"{name}:{tok.start[0]}"
        if tok.type == tokenize.STRING and not tok.string.startswith(('"""', "'''")):
            try:
                value = str(ast.literal_eval(tok.string)).lower()
            except ValueError:  # an f-string: never a bare dialect name
                continue
            near = {t.string for t in tokens[max(0, i - 3) : i]}
            if value in NAMES and near & {"dialect", "sql", "read", "write"}:
                found.append(f"{where}: {tok.string}")
        if tok.type == tokenize.NAME and tok.string in ("import", "from"):
            starts = tok.line[: tok.start[1]].strip() == ""  # `import x` / `from x import`
            nxt = tokens[i + 1].string if i + 1 < len(tokens) else ""
            if starts and nxt.lower() in NAMES:
                found.append(f"{where}: {tok.string} {nxt}")
    return found


def test_no_dialect_is_named_above_the_engine() -> None:
    hits = []
    for folder in ("assistant", "semantic_layer", "ui", "evals"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            rel = str(path.relative_to(ROOT))
            if rel.startswith(ALLOWED) or "/domains/" in rel:
                continue
            hits += _named(path)
    assert not hits, "dialect named outside the engine package:\n" + "\n".join(hits)


def test_the_check_itself_finds_a_named_dialect(tmp_path: Path) -> None:
    # outside the tree: parallel tests, mypy and lint-imports must never see the probe
    bad = tmp_path / "_probe_for_test.py"
    bad.write_text('import duckdb\nX = tree.sql(dialect="duckdb")\n', encoding="utf-8")
    assert len(_named(bad)) == 2


def test_every_engine_has_a_dialect() -> None:
    from connectors.engines import ENGINES

    assert set(ENGINES) == set(dialects.DIALECTS)


@pytest.mark.parametrize("value", ["oracle", "duck db", ""])
def test_an_unknown_engine_is_refused_by_name(value: str) -> None:
    if not value:
        assert AssistantConfig.from_env({"TPA_ENGINE": value}).engine == "duckdb"
        return
    with pytest.raises(UserError, match="is not an engine"):
        AssistantConfig.from_env({"TPA_ENGINE": value})


def test_a_server_url_is_kept_apart_from_the_working_files() -> None:
    config = AssistantConfig.from_env(
        {"TPA_ENGINE": "clickhouse", "TPA_ENGINE_URL": "http://ch:8123/shop", "TPA_HOME": "/w"}
    )
    assert config.server == "http://ch:8123/shop"
    assert config.db == Path("/w/data/http-ch-8123")  # sessions and the index are named by it
    spark = AssistantConfig.from_env({"TPA_ENGINE": "spark", "TPA_ENGINE_URL": "sc://sp:15002"})
    assert spark.server == "sc://sp:15002"


@pytest.mark.parametrize(
    ("url", "message"),
    [("s3://bucket/events", "not a folder, a file or a server URL"), ("sc://", "names no host")],
)
def test_an_unusable_url_is_refused_with_what_to_do(url: str, message: str) -> None:
    with pytest.raises(UserError, match=message):
        AssistantConfig.from_env({"TPA_ENGINE": "spark", "TPA_ENGINE_URL": url})


def test_an_engine_refuses_the_other_engines_server() -> None:
    from connectors.engine import EngineError
    from connectors.engines import open_engine

    with pytest.raises(EngineError, match="Spark takes sc://"):
        open_engine("clickhouse", Path("x"), server="sc://sp:15002")
    with pytest.raises(EngineError, match="DuckDB takes a file"):
        open_engine("duckdb", Path("x"), server="http://ch:8123")


def test_cancel_stops_a_running_duckdb_query(small_demo: Path) -> None:
    """`Engine.cancel` interrupts what runs now, from another thread."""
    import threading

    from connectors.engine import EngineError
    from connectors.engines import open_engine

    engine = open_engine("duckdb", small_demo, timeout_s=60)
    try:
        timer = threading.Timer(0.5, engine.cancel)
        timer.start()
        with pytest.raises(EngineError):
            engine.run("SELECT count(*) FROM range(100000000000) a")
        timer.cancel()
        assert engine.run("SELECT 1").rows == [(1,)]  # the engine carries on
    finally:
        engine.close()
