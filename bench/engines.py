"""The compiler benchmark's cases on DuckDB, ClickHouse (chdb) and Spark SQL, side by side.

    .venv/bin/python bench/engines.py --events 1000000            # all three engines
    .venv/bin/python bench/engines.py --events 10000000 --engine duckdb --engine clickhouse
    .venv/bin/python bench/engines.py --case 'funnel*' --runs 5

Each case of bench/compiler.py is compiled for each engine's dialect and run there: once to warm
up, then `--runs` times (median). Every engine must return DuckDB's rows (sorted, floats to 1e-9
relative); the exit status is 1 when one does not. The ratios are engine / DuckDB medians within
this one run. This is one 2-core machine, not a cluster: it shows what each engine costs here
(ClickHouse embedded, Spark in local mode with a 1g driver), not how they scale out.
Results are also written to bench/out/engines.json.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from compiler import CTX, OUT, Case, database, same_rows, selected  # noqa: E402

from connectors.engines import ENGINES, Engine, export_parquet, open_engine  # noqa: E402
from semantic_layer.compile.compiler import compile_plan  # noqa: E402
from semantic_layer.model import demo_model  # noqa: E402
from semantic_layer.plan import parse_plan  # noqa: E402


def sql_for(case: Case, dialect: str) -> str:
    compiled = compile_plan(parse_plan(case.plan), demo_model(), CTX, dialect=dialect)
    if case.extra is not None:
        return compiled.extra_sql(case.extra)
    sql = compiled.sql()
    assert sql is not None, f"{case.name}: the plan compiled to no query"
    return sql


def timed(engine: Engine, sql: str, runs: int) -> tuple[float, list[tuple[Any, ...]]]:
    rows = engine.run(sql, row_cap=1_000_000).rows  # warm-up, and the rows compared
    seconds = []
    for _ in range(runs):
        started = time.perf_counter()
        engine.run(sql, row_cap=1_000_000)
        seconds.append(time.perf_counter() - started)
    return statistics.median(seconds), rows


def open_all(kinds: Sequence[str], path: Path, work: Path) -> dict[str, Engine]:
    engines: dict[str, Engine] = {}
    tables = work / "tables"
    if set(kinds) - {"duckdb"}:
        export_parquet(path, tables)
    for kind in kinds:
        where = path if kind == "duckdb" else tables
        if kind == "clickhouse":
            from connectors.engines.clickhouse import load

            where = work / "chdb"
            started = time.perf_counter()
            load(where, tables)
            print(f"loaded chdb in {time.perf_counter() - started:.1f} s", file=sys.stderr)
        engines[kind] = open_engine(kind, where, timeout_s=600, row_cap=1_000_000)
    return engines


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000, help="demo size (events)")
    parser.add_argument("--runs", type=int, default=3, help="timed runs of each query (median)")
    parser.add_argument("--case", action="append", help="case name or glob (repeatable)")
    parser.add_argument(
        "--engine", action="append", choices=ENGINES, help="engines to run (default: all)"
    )
    args = parser.parse_args(argv)
    kinds = ["duckdb", *[k for k in (args.engine or ENGINES) if k != "duckdb"]]
    cases = selected(args.case)
    path = database(args.events)
    results: list[dict[str, Any]] = []
    ok = True
    with tempfile.TemporaryDirectory(prefix="tpa-engines-") as tmp:
        engines = open_all(kinds, path, Path(tmp))
        width = max(len(c.name) for c in cases)
        print(f"{path.name}: median of {args.runs} runs, seconds (ratio to duckdb)")
        print(f"{'case':<{width}}  " + "  ".join(f"{k:>18}" for k in kinds))
        for case in cases:
            line, entry = [], {"case": case.name}
            base = None
            for kind in kinds:
                try:
                    seconds, rows = timed(
                        engines[kind], sql_for(case, engines[kind].dialect), args.runs
                    )
                except Exception as exc:  # a failing engine is reported, the others still run
                    ok = False
                    line.append(f"{'error':>18}")
                    entry[kind] = {"error": str(exc).splitlines()[0][:200]}
                    continue
                if base is None:
                    base = (seconds, rows)
                differs = same_rows(rows, base[1])
                ok = ok and differs is None
                ratio = seconds / base[0] if base[0] else float("nan")
                mark = "" if differs is None else " ✗"
                line.append(f"{seconds:8.3f} ({ratio:5.2f}x){mark}")
                entry[kind] = {"seconds": seconds, "ratio": ratio, "differs": differs}
            print(f"{case.name:<{width}}  " + "  ".join(line), flush=True)
            results.append(entry)
        for engine in engines.values():
            engine.close()
    OUT.mkdir(parents=True, exist_ok=True)
    report = {"database": str(path), "events": args.events, "runs": args.runs, "cases": results}
    (OUT / "engines.json").write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
