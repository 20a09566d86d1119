"""sqlglot's ClickHouse and Spark dialects load on first use; each still spells the funnel fold.

`semantic_layer.compile.dialects` used to import both (and Spark's parents, Hive and Spark2:
25–40 ms of every `tpa ask` on DuckDB). Their generators now take the fold from sqlglot's base
generator when they are made, so `tree.sql(dialect=…)` of sqlglot itself writes the same SQL as
`render` whichever loads first.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

SCRIPT = """
import json, sys
from sqlglot import exp
from semantic_layer.compile import dialects
from semantic_layer.compile.dialects.base import StepFold
loaded = sorted(m for m in sys.modules if m.startswith("sqlglot.dialects."))
tree = exp.select(StepFold(ts=exp.column("ts"), step=exp.column("step"))).from_("e")
direct = {name: tree.sql(dialect=name) for name in ("clickhouse", "spark", "duckdb", "postgres")}
rendered = {name: dialects.render(tree, name) for name in dialects.DIALECTS}
print(json.dumps({"loaded": loaded, "direct": direct, "rendered": rendered}))
"""


def test_other_engines_dialects_load_on_use_and_spell_the_fold() -> None:
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT], cwd=ROOT, capture_output=True, text=True, check=True
    )
    out = json.loads(done.stdout)
    assert out["loaded"] == ["sqlglot.dialects.dialect", "sqlglot.dialects.duckdb"]
    for name, sql in out["rendered"].items():
        assert out["direct"][name] == sql, name  # sqlglot's own writer folds as `render` does
        assert "STEP_FOLD" not in sql.upper()
    assert "arrayFold" in out["rendered"]["clickhouse"]
    assert "STEP_FOLD(ts, step)" in out["direct"]["postgres"]  # no dialect of ours: as before
