"""Scale: the six heavy analyses on 10M and 100M demo events, for a week and for a quarter, each
compiled query beside its hand-written twin, with the peak memory of each.

    .venv/bin/python bench/scale.py --events 10000000
    .venv/bin/python bench/scale.py --events 100000000 --runs 3

For funnel, drop-off, paths, attribution (the main query and Markov's transition counts: the
answer runs both), retention and drivers, the plan for last week and for last quarter (today
2026-11-23) is compiled with `compile_plan` and run on the locked-down `Engine` (as answers are),
next to the matching hand-written query of `bench/hand_sql/` with its dates moved to the same
range. Both must return the same rows. Each query runs once to warm up, then `--runs` times
(compiled and hand alternating); the medians are shown. Peak memory is the highest resident size
of this process while the query ran (sampled every 5 ms), and DuckDB's own peak buffer use.

`--aggregates with|without|both` (default both) compiles each plan with the database's exact
pre-aggregated tables (`semantic_layer/compile/aggregates.py`; the compiler reads one only where
it is exact for the plan), without them, or both ways, one row each; a database built before they
existed gets them first, the demo model's per-conversion attribution table among them (built under
the memory limit below; the time that took is printed).

DuckDB's memory limit is set from the machine: `--memory-fraction` (default 0.5) of its physical
memory, and it spills to disk beyond it. Targets at 100M events: every week answer < 2 s, every
quarter answer < 10 s. Results also go to `bench/out/scale_<size>_<spans>.json`. The databases
are built on first use (`bench/out/demo_<size>.duckdb`, shared with bench/compiler.py).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import sys
import threading
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import duckdb  # noqa: E402
from compiler import AS_OF, CTX, HAND, OUT, database, same_rows, size_label  # noqa: E402

from connectors.aggregates import current, ensure  # noqa: E402
from connectors.engine import Engine, EngineError  # noqa: E402
from semantic_layer.compile.aggregates import ALL  # noqa: E402
from semantic_layer.compile.compiler import compile_plan  # noqa: E402
from semantic_layer.compile.touches import model_key  # noqa: E402
from semantic_layer.model import demo_model  # noqa: E402
from semantic_layer.plan import parse_plan  # noqa: E402

TARGET_S = {"week": 2.0, "quarter": 10.0}
MINI = [{"dimension": "acquisition_channel", "values": ["mini_program"]}]

# Date literals of the hand queries, moved to each range (all replaced at once).
WEEK_FILES = {"week": {}, "quarter": {"2026-11-16": "2026-07-01", "2026-11-23": "2026-10-01",
                                      "2026-11-09": "2026-04-01"}}  # fmt: skip
MONTH_FILES = {"week": {"2026-10-01": "2026-11-16", "2026-11-01": "2026-11-23"},
               "quarter": {"2026-10-01": "2026-07-01", "2026-11-01": "2026-10-01"}}  # fmt: skip
RETENTION = {"week": {"2026-07-01": "2026-11-16", "2026-10-01": "2026-11-23",
                      "'month'": "'day'", "to_months": "to_days"},
             "quarter": {}}  # fmt: skip


@dataclass(frozen=True)
class Case:
    kind: str
    file: str  # bench/hand_sql/<file>.sql
    plan: dict[str, Any]
    moves: dict[str, dict[str, str]]
    extra: str | None = None  # time Compiled.extra[extra] (a second query of the same answer)

    def for_range(self, span: str) -> dict[str, Any]:
        plan = {**self.plan, "time": f"last_{span}"}
        if self.kind == "retention":
            plan.update(cohort_grain="day" if span == "week" else "month")
        return plan


CASES = (
    Case("funnel", "funnel", {"kind": "funnel"}, WEEK_FILES),
    Case("dropoff", "dropoff", {"kind": "dropoff"}, WEEK_FILES),
    Case("paths", "paths_after", {"kind": "paths", "touchpoint": "product_page"}, WEEK_FILES),
    Case("attribution", "attribution", {"kind": "attribution", "model": "all"}, MONTH_FILES),
    Case(
        "attribution",
        "attribution_transitions",
        {"kind": "attribution", "model": "all"},
        MONTH_FILES,
        extra="transitions",
    ),
    Case(
        "retention",
        "retention",
        {"kind": "retention", "cohort_grain": "month", "periods": 3, "filters": MINI},
        RETENTION,
    ),
    Case(
        "drivers",
        "drivers",
        {
            "kind": "drivers",
            "metric": "checkout_conversion",
            "dimensions": ["channel", "device", "region"],
        },
        WEEK_FILES,
    ),
)


@dataclass
class Row:
    kind: str
    query: str
    span: str
    aggregates: str = "without"  # which of the database's pre-aggregates it read, or "without"
    compiled_s: float | None = None
    hand_s: float | None = None
    equal: bool = False
    rss_peak_mb: float = 0.0
    duckdb_peak_mb: float = 0.0
    note: str = ""
    runs: dict[str, list[float]] = field(default_factory=dict)
    mode: str = "without"  # how it was compiled: "with" the database's pre-aggregates or not


class Sampler:
    """The highest resident set size of this process while it is active (sampled every 5 ms)."""

    def __init__(self) -> None:
        self.peak = 0
        self._stop = threading.Event()
        self._page = os.sysconf("SC_PAGE_SIZE")
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _rss(self) -> int:
        return int(Path("/proc/self/statm").read_text().split()[1]) * self._page

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, self._rss())
            self._stop.wait(0.005)

    def __enter__(self) -> Sampler:
        self.peak = self._rss()
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def hand_sql(case: Case, span: str) -> str:
    text = (HAND / f"{case.file}.sql").read_text(encoding="utf-8")
    moves = case.moves[span]
    if not moves:
        return text
    pattern = re.compile("|".join(re.escape(k) for k in sorted(moves, key=len, reverse=True)))
    return pattern.sub(lambda m: moves[m.group(0)], text)


def compiled_sql(case: Case, span: str, aggregates: frozenset[str]) -> tuple[str, str]:
    """The SQL of the case and the pre-aggregates it reads ("without" for none)."""
    plan = parse_plan(case.for_range(span))
    compiled = compile_plan(plan, demo_model(), CTX, aggregates=aggregates)
    if case.extra is not None:
        sql: str | None = compiled.extra[case.extra].sql("duckdb")
    else:
        sql = compiled.sql()
    assert sql is not None
    # an answer's pre-aggregates may serve only one of its queries (Markov's, not the credits')
    read = {
        re.sub(r"^_tpa_touches_\w+$", "_tpa_touches", name)  # one key's: the demo model's
        for name in compiled.aggregates
        if re.search(rf"\b{name}\b", sql)
    }
    return sql, ",".join(sorted(read)) or "without"


def duckdb_peak_mb(engine: Engine) -> float:
    rows = engine.run(
        "SELECT coalesce(sum(memory_usage_bytes), 0) FROM duckdb_memory()", row_cap=10
    ).rows
    return float(rows[0][0]) / 2**20


def bench(
    engine: Engine,
    case: Case,
    span: str,
    runs: int,
    hand: bool = True,
    aggregates: frozenset[str] = frozenset(),
) -> Row:
    """Warm-up (and the equality check), then `runs` timed runs; without `hand`, the compiled
    query alone, its first run timed too (for sizes where every run takes minutes)."""
    row = Row(case.kind, case.file, span)
    try:
        sql, row.aggregates = compiled_sql(case, span, aggregates)
        sqls = {"compiled": sql}
        if hand:
            sqls["hand"] = hand_sql(case, span)
        times: dict[str, list[float]] = {k: [] for k in sqls}
        with Sampler() as sampler:
            first = {k: engine.run(s) for k, s in sqls.items()}
            row.duckdb_peak_mb = duckdb_peak_mb(engine)
        if hand:
            diff = same_rows(first["compiled"].rows, first["hand"].rows)
            row.equal, row.note = diff is None, diff or ""
        else:
            times["compiled"].append(first["compiled"].seconds)
            row.equal, row.note = True, "not compared (--no-hand)"
        with Sampler() as timed:
            for i in range(runs if hand else runs - 1):
                for k in ("compiled", "hand") if i % 2 == 0 else ("hand", "compiled"):
                    if k in sqls:
                        times[k].append(engine.run(sqls[k]).seconds)
        row.rss_peak_mb = max(sampler.peak, timed.peak) / 2**20
        row.runs = times
        row.compiled_s = statistics.median(times["compiled"])
        row.hand_s = statistics.median(times["hand"]) if hand else None
    except (EngineError, OSError, KeyError, AssertionError) as exc:
        row.note = f"{type(exc).__name__}: {exc}"
    return row


def memory_limit(fraction: float) -> str:
    total = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    return f"{int(total * fraction / 2**20)}MB"


def ensure_aggregates(path: Path, limit: str) -> None:
    """Build the pre-aggregates of a database made before they existed (as a load would), the
    demo model's per-conversion attribution table among them."""
    with Engine(path) as engine:
        held = current(engine)
    key = model_key(demo_model().spec)
    if held >= ALL and (key is None or key.table in held):
        return
    started = time.perf_counter()
    if not ensure(path, demo_model().spec, memory_limit=limit):
        raise SystemExit(f"{path} is open elsewhere: its pre-aggregates cannot be built now")
    print(f"built the pre-aggregates of {path.name} in {time.perf_counter() - started:.1f} s")


def answers(rows: list[Row]) -> dict[tuple[str, str, str], float | None]:
    """Seconds of each answer's SQL: attribution's answer runs both of its queries."""
    out: dict[tuple[str, str, str], float | None] = {}
    for r in rows:
        key = (r.kind, r.span, r.mode)
        if r.compiled_s is None:
            out[key] = None
        elif key not in out or out[key] is not None:
            out[key] = (out.get(key) or 0.0) + r.compiled_s
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=10_000_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--memory-fraction", type=float, default=0.5)
    parser.add_argument("--span", choices=("week", "quarter"), action="append")
    parser.add_argument(
        "--no-hand", action="store_true", help="time the compiled queries alone (no twins)"
    )
    parser.add_argument(
        "--kind",
        action="append",
        choices=sorted({c.kind for c in CASES}),
        help="only these analyses (default: all six)",
    )
    parser.add_argument(
        "--aggregates",
        choices=("with", "without", "both"),
        default="both",
        help="compile with the database's exact pre-aggregated tables, without, or both ways",
    )
    args = parser.parse_args()
    path = database(args.events)
    modes = ["without", "with"] if args.aggregates == "both" else [args.aggregates]
    limit = memory_limit(args.memory_fraction)
    if "with" in modes:
        ensure_aggregates(path, limit)
    spans = args.span or ["week", "quarter"]
    rows: list[Row] = []
    load = os.getloadavg()[0]
    print(f"{path.name}: duckdb {duckdb.__version__}, memory_limit {limit}, threads "
          f"{os.cpu_count()}, median of {args.runs} runs, load average {load:.1f}")  # fmt: skip
    print(f"{'kind':<12} {'query':<24} {'range':<8} {'reads':<17} {'compiled s':>10} "
          f"{'hand s':>8} {'ratio':>6} {'RSS MB':>8} {'duckdb MB':>9} equal")  # fmt: skip
    with Engine(path, timeout_s=900, row_cap=1_000_000, memory_limit=limit) as engine:
        held = current(engine)
        for span, case, mode in ((s, c, m) for s in spans for c in CASES for m in modes):
            if args.kind and case.kind not in args.kind:
                continue
            aggregates = held if mode == "with" else frozenset()
            r = bench(engine, case, span, args.runs, not args.no_hand, aggregates)
            r.mode = mode
            rows.append(r)
            ratio = f"{r.compiled_s / r.hand_s:6.2f}" if r.compiled_s and r.hand_s else "     -"
            c = f"{r.compiled_s:10.2f}" if r.compiled_s is not None else f"{'-':>10}"
            h = f"{r.hand_s:8.2f}" if r.hand_s is not None else f"{'-':>8}"
            print(f"{r.kind:<12} {r.query:<24} {span:<8} {r.aggregates:<17} {c} {h} {ratio} "
                  f"{r.rss_peak_mb:8.0f} {r.duckdb_peak_mb:9.0f} "
                  f"{'✓' if r.equal else '✗ ' + r.note[:80]}", flush=True)  # fmt: skip
    print("answers (SQL seconds; attribution = main + transitions):")
    misses = 0
    for (kind, span, mode), seconds in answers(rows).items():
        ok = seconds is not None and seconds < TARGET_S[span]
        misses += not ok and mode == modes[-1]  # the target counts for the last way asked
        shown = f"{seconds:.2f} s" if seconds is not None else "failed"
        print(f"  {kind:<12} {span:<8} {mode + ' pre-aggregates':<24} {shown:>9}  "
              f"target < {TARGET_S[span]:g} s{'' if ok else '  MISS'}")  # fmt: skip
    OUT.mkdir(parents=True, exist_ok=True)
    report = {"database": str(path), "events": args.events, "memory_limit": limit,
              "as_of": AS_OF.isoformat(), "rows": [asdict(r) for r in rows]}  # fmt: skip
    kinds = "_".join(args.kind) + "_" if args.kind else ""
    name = f"scale_{size_label(args.events)}_{kinds}{'_'.join(spans)}.json"
    (OUT / name).write_text(json.dumps(report, indent=2))
    return 1 if misses or not all(r.equal for r in rows) else 0


if __name__ == "__main__":
    raise SystemExit(main())
