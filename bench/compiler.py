"""Benchmark the compiler's SQL against hand-written DuckDB SQL for the same answers.

    .venv/bin/python bench/compiler.py                      # every case, 10M events, 5 runs
    .venv/bin/python bench/compiler.py --case 'funnel*' --runs 9
    .venv/bin/python bench/compiler.py --events 1000000

For each analysis kind, the plan is compiled with `compile_plan` (demo model, today 2026-11-23,
Asia/Shanghai) and run next to `bench/hand_sql/<case>.sql` — the fastest query we could write by
hand for the same answer, from docs/design.md's meanings and the raw tables. Both must give the same
rows (sorted; numbers compared as floats rounded to 6 places, or equal to 1e-9 relative, since
sums of doubles depend on the order DuckDB adds them in; column names may differ, column order may
not). Each query is run once to warm up, then `--runs` times, compiled and hand alternating (which
goes first alternates too) to spread noise; the table shows the medians and compiled / hand.

The target is every ratio <= 1.3. The exit status is 1 when any result differs (or a query
fails), whatever the ratios. The demo database (`bench/out/demo_<size>.duckdb`) is built on first
use and reused while it matches. Results are also written to `bench/out/compiler.json`.
"""

from __future__ import annotations

import argparse
import fnmatch
import json
import math
import statistics
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import duckdb  # noqa: E402

from connectors.demo import build_demo, existing_demo  # noqa: E402
from connectors.engine import Engine, EngineError  # noqa: E402
from semantic_layer.compile.compiler import compile_plan  # noqa: E402
from semantic_layer.model import demo_model  # noqa: E402
from semantic_layer.plan import parse_plan  # noqa: E402
from semantic_layer.time import TimeContext  # noqa: E402

AS_OF = date(2026, 11, 23)  # the hand SQL's dates are written for this "today"
CTX = TimeContext(today=AS_OF, timezone="Asia/Shanghai")
HAND = ROOT / "bench" / "hand_sql"
OUT = ROOT / "bench" / "out"
TARGET = 1.3


@dataclass(frozen=True)
class Case:
    name: str  # also the hand query's file name
    plan: dict[str, Any]  # as in tests/test_compile_plan.py CASES where it exists there
    extra: str | None = (
        None  # time a post-processing query (Compiled.extra) instead of the main one
    )


CASES: tuple[Case, ...] = (
    Case(
        "metric_by_channel",
        {
            "kind": "metric",
            "metrics": ["conversion_rate"],
            "dimensions": ["channel"],
            "time": "this_month",
        },
    ),
    Case(
        "metric_series_yoy",
        {
            "kind": "metric",
            "metrics": ["revenue"],
            "grain": "week",
            "time": "last_4_weeks",
            "compare": "same_period_last_year",
        },
    ),
    Case(
        "service_metrics",
        {
            "kind": "metric",
            "metrics": ["first_response_time", "csat", "nps", "complaint_rate"],
            "dimensions": ["region"],
            "time": "last_4_weeks",
        },
    ),
    Case("funnel", {"kind": "funnel", "time": "last_week"}),
    Case("funnel_4w", {"kind": "funnel", "time": "last_4_weeks"}),
    Case("funnel_by_device", {"kind": "funnel", "time": "last_week", "breakdown": "device"}),
    Case("dropoff", {"kind": "dropoff", "time": "last_week"}),
    Case(
        "time_to_convert",
        {"kind": "funnel", "time": "last_4_weeks", "measure": "time_to_convert"},
    ),
    Case("paths_after", {"kind": "paths", "touchpoint": "product_page", "time": "last_week"}),
    Case(
        "paths_before",
        {"kind": "paths", "touchpoint": "checkout", "direction": "before", "time": "last_week"},
    ),
    Case(
        "top_paths",
        {"kind": "paths", "touchpoint": "checkout", "mode": "top_paths", "time": "last_week"},
    ),
    Case(
        "retention",
        {
            "kind": "retention",
            "cohort_grain": "month",
            "periods": 3,
            "time": "last_quarter",
            "filters": [{"dimension": "acquisition_channel", "values": ["mini_program"]}],
        },
    ),
    Case("attribution", {"kind": "attribution", "model": "all", "time": "last_month"}),
    Case(
        "attribution_transitions",
        {"kind": "attribution", "model": "all", "time": "last_month"},
        extra="transitions",
    ),
    Case(
        "drivers",
        {
            "kind": "drivers",
            "metric": "checkout_conversion",
            "time": "last_week",
            "dimensions": ["channel", "device", "region"],
        },
    ),
)


@dataclass
class Outcome:
    case: str
    compiled_ms: float | None = None
    hand_ms: float | None = None
    equal: bool = False
    note: str = ""

    @property
    def ratio(self) -> float | None:
        if self.compiled_ms is None or not self.hand_ms:
            return None
        return self.compiled_ms / self.hand_ms


# -- the database and the queries -------------------------------------------------------------


def size_label(events: int) -> str:
    for unit, name in ((1_000_000, "m"), (1_000, "k")):
        if events % unit == 0:
            return f"{events // unit}{name}"
    return str(events)


def database(events: int) -> Path:
    """The demo database with `events` events, built unless an identical one is there."""
    path = OUT / f"demo_{size_label(events)}.duckdb"
    if existing_demo(path, as_of=AS_OF, events=events) is None:
        print(f"building {path} ({events:,} events) …", file=sys.stderr, flush=True)
        build_demo(path, as_of=AS_OF, events=events)
    return path


def compiled_sql(case: Case) -> str:
    compiled = compile_plan(parse_plan(case.plan), demo_model(), CTX)
    if case.extra is not None:
        return compiled.extra[case.extra].sql("duckdb")
    sql = compiled.sql()
    assert sql is not None, f"{case.name}: the plan compiled to no query"
    return sql


def hand_sql(case: Case) -> str:
    return (HAND / f"{case.name}.sql").read_text(encoding="utf-8")


# -- comparing results ------------------------------------------------------------------------


def _value(v: Any) -> Any:
    if isinstance(v, bool) or v is None:
        return v
    if isinstance(v, int | float | Decimal):
        return float(v)
    return v


def normalised(rows: Sequence[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
    """Rows with numbers as floats, sorted by their values rounded to 6 places."""
    values = [tuple(_value(v) for v in row) for row in rows]

    def key(row: tuple[Any, ...]) -> str:
        return repr(tuple(round(v, 6) if isinstance(v, float) else v for v in row))

    return sorted(values, key=key)


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, float) and isinstance(b, float):
        if math.isnan(a) or math.isnan(b):
            return math.isnan(a) and math.isnan(b)
        return round(a, 6) == round(b, 6) or math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)
    return bool(a == b)


def same_rows(a: Sequence[tuple[Any, ...]], b: Sequence[tuple[Any, ...]]) -> str | None:
    """None when equal, else what differs first."""
    left, right = normalised(a), normalised(b)
    if len(left) != len(right):
        return f"{len(left)} rows vs {len(right)}"
    for i, (x, y) in enumerate(zip(left, right, strict=True)):
        if len(x) != len(y):
            return f"{len(x)} columns vs {len(y)}"
        if not all(_same(p, q) for p, q in zip(x, y, strict=True)):
            return f"row {i}: {x} vs {y}"
    return None


# -- timing -----------------------------------------------------------------------------------


def bench(engine: Engine, case: Case, runs: int) -> Outcome:
    out = Outcome(case.name)
    try:
        sqls = {"compiled": compiled_sql(case), "hand": hand_sql(case)}
        first = {k: engine.run(s) for k, s in sqls.items()}  # the warm-up run, also compared
    except (EngineError, OSError, KeyError, AssertionError) as exc:
        out.note = f"{type(exc).__name__}: {exc}"
        return out
    if any(r.truncated for r in first.values()):
        out.note = "a result passed the row cap"
        return out
    diff = same_rows(first["compiled"].rows, first["hand"].rows)
    out.equal, out.note = diff is None, diff or ""
    times: dict[str, list[float]] = {"compiled": [], "hand": []}
    for i in range(runs):
        for k in ("compiled", "hand") if i % 2 == 0 else ("hand", "compiled"):
            times[k].append(engine.run(sqls[k]).seconds)
    out.compiled_ms = 1000 * statistics.median(times["compiled"])
    out.hand_ms = 1000 * statistics.median(times["hand"])
    return out


def selected(patterns: Sequence[str] | None) -> list[Case]:
    if not patterns:
        return list(CASES)
    names = [c.name for c in CASES]
    chosen = {n for p in patterns for n in names if fnmatch.fnmatchcase(n, p)}
    unknown = [p for p in patterns if not any(fnmatch.fnmatchcase(n, p) for n in names)]
    if unknown:
        raise SystemExit(f"no case matches {', '.join(unknown)}; cases: {', '.join(names)}")
    return [c for c in CASES if c.name in chosen]


def header(width: int) -> list[str]:
    title = f"{'case':<{width}}  {'compiled ms':>11}  {'hand ms':>8}  {'ratio':>6}  equal"
    return [title, "-" * len(title)]


def row(o: Outcome, width: int) -> str:
    c = f"{o.compiled_ms:11.1f}" if o.compiled_ms is not None else f"{'-':>11}"
    h = f"{o.hand_ms:8.1f}" if o.hand_ms is not None else f"{'-':>8}"
    r = f"{o.ratio:6.2f}" if o.ratio is not None else f"{'-':>6}"
    over = "  > target" if o.ratio is not None and o.ratio > TARGET else ""
    return f"{o.case:<{width}}  {c}  {h}  {r}  {'✓' if o.equal else '✗'}{over}"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=10_000_000, help="demo size (events)")
    parser.add_argument("--runs", type=int, default=5, help="timed runs of each query (median)")
    parser.add_argument(
        "--case", action="append", help="case name or glob (repeatable; default: every case)"
    )
    args = parser.parse_args(argv)
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    cases = selected(args.case)
    path = database(args.events)
    outcomes = []
    width = max(len(c.name) for c in cases)
    with Engine(path, timeout_s=120, row_cap=1_000_000) as engine:
        print(f"{path.name}: duckdb {duckdb.__version__}, median of {args.runs} runs")
        print("\n".join(header(width)))
        for case in cases:
            outcomes.append(bench(engine, case, args.runs))
            print(row(outcomes[-1], width), flush=True)
    for o in outcomes:
        if not o.equal:
            print(f"✗ {o.case}: {o.note}")
    ratios = [o for o in outcomes if o.ratio is not None]
    if ratios:
        worst = max(ratios, key=lambda o: o.ratio or 0.0)
        over = [o.case for o in ratios if (o.ratio or 0.0) > TARGET]
        print(f"worst ratio: {worst.ratio:.2f} ({worst.case}); target <= {TARGET}", end="")
        print(f"; over: {', '.join(over)}" if over else "; all within")
    OUT.mkdir(parents=True, exist_ok=True)
    report = {
        "database": str(path),
        "events": args.events,
        "runs": args.runs,
        "duckdb": duckdb.__version__,
        "cases": [{**vars(o), "ratio": o.ratio} for o in outcomes],
    }
    (OUT / "compiler.json").write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    return 0 if all(o.equal for o in outcomes) else 1


if __name__ == "__main__":
    raise SystemExit(main())
