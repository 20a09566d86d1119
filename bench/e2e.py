"""Answer cost against query cost: each catalog question answered in-process (warm) beside its own
SQL on a bare read-only DuckDB connection.

    .venv/bin/python bench/e2e.py                       # data/demo.duckdb, 15 rounds
    .venv/bin/python bench/e2e.py --db bench/out/demo_1m.duckdb --rounds 21

`AssistantService.ask` (embedded planner with retrieval, as `tpa serve` runs it; the answer cache
off, so every round plans, compiles, runs and narrates) against the median time of running the
same SQL — every query the answer ran, recorded from its engine: a drivers answer's series of the
metric and Markov's transition counts included — with `fetchall()` on
`duckdb.connect(db, read_only=True)`. Rounds alternate between the two so machine load hits both
alike. Target per question: median answer ≤ 1.2 × bare + 20 ms. Prints each question's answer
and bare medians, the ratio, the answer's own stage timings, and exits 1 when any misses.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import sys
import time
from datetime import date
from pathlib import Path
from typing import Any

import duckdb

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assistant.answer.model import Answer  # noqa: E402
from assistant.catalog import EXAMPLES  # noqa: E402
from assistant.config import AssistantConfig, index_path  # noqa: E402
from assistant.service import AssistantService  # noqa: E402

FACTOR, SLACK_MS = 1.2, 20.0
# the service's own reads (data version, demo facts); the pre-aggregates (`_tpa_first_touch`, …)
# are part of an answer's query and are timed
BOOKKEEPING = re.compile(r"\b_tpa_(loads|meta|aggregates)\b")


def catalog_questions() -> list[str]:
    return [texts[key] for key in next(iter(EXAMPLES.values())) for texts in EXAMPLES.values()]


def run_sql(path: Path, queries: list[str], rounds: int) -> list[float]:
    """Milliseconds of each round of `queries` on a bare read-only connection."""
    times = []
    with duckdb.connect(str(path), read_only=True) as con:
        for _ in range(rounds):
            started = time.perf_counter()
            for sql in queries:
                con.execute(sql).fetchall()
            times.append((time.perf_counter() - started) * 1000)
    return times


def ran_by(service: AssistantService, question: str) -> tuple[Answer, list[str]]:
    """The answer to `question` and every query its engine ran (a drivers answer reads the
    metric's series first; attribution runs Markov's transitions after), warm-up included."""
    queries: list[str] = []
    engine = service.engine
    run = engine.run

    def recording(sql: str, *args: Any, **kwargs: Any) -> Any:
        queries.append(sql)
        return run(sql, *args, **kwargs)

    engine.run = recording  # type: ignore[method-assign]
    try:
        answer = service.ask(question)
    finally:
        del engine.run  # the class's method again
    return answer, [q for q in queries if not BOOKKEEPING.search(q)]


def measure(
    service: AssistantService, db: Path, question: str, rounds: int
) -> tuple[float, float, dict[str, float]] | None:
    service.ask(question)  # warm: embeddings, DuckDB's caches
    first, queries = ran_by(service, question)
    if first.error is not None or first.plan is None or not first.rows or not queries:
        return None
    run_sql(db, queries, 1)
    answer_ms, bare_ms = [], []
    stages: dict[str, list[float]] = {"plan": [], "compile": [], "query": [], "answer": []}
    for _ in range(rounds):
        started = time.perf_counter()
        answer = service.ask(question)
        answer_ms.append((time.perf_counter() - started) * 1000)
        t = answer.timings
        for name, value in zip(
            stages, (t.plan_ms, t.compile_ms, t.query_ms, t.answer_ms), strict=True
        ):
            stages[name].append(value)
        bare_ms += run_sql(db, queries, 1)
    medians = {k: statistics.median(v) for k, v in stages.items()}
    return statistics.median(answer_ms), statistics.median(bare_ms), medians


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", type=Path, default=ROOT / "data" / "demo.duckdb")
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--as-of", type=date.fromisoformat, default=None)
    parser.add_argument(
        "--home",
        type=Path,
        default=None,
        help="where sessions.sqlite3 goes (default: beside the database); every answer is "
        "stored there with a synced commit, so a busy disk slows answers: /dev/shm shows the "
        "cost without it",
    )
    args = parser.parse_args()
    if not args.db.is_file():
        raise SystemExit(f"{args.db}: build it first with `tpa demo --no-serve`")
    index = index_path(args.db)  # the database's own index, wherever the sessions go
    config = AssistantConfig(
        db=args.db, as_of=args.as_of, home=args.home, answer_cache_s=0, index_dir=index
    )
    failures, ratios = 0, []
    print(f"{'question':<62} {'answer':>8} {'bare':>8} {'ratio':>6} {'limit':>8}  "
          "plan/compile/query/answer ms")  # fmt: skip
    with AssistantService.open(config) as service:
        for question in catalog_questions():
            found = measure(service, args.db, question, args.rounds)
            if found is None:
                print(f"{question:<62} (no data to compare)")
                continue
            answer, bare, stages = found
            limit = FACTOR * bare + SLACK_MS
            ok = answer <= limit
            failures += not ok
            ratios.append(answer / bare)
            parts = "/".join(f"{v:.1f}" for v in stages.values())
            print(f"{question[:62]:<62} {answer:8.1f} {bare:8.1f} {answer / bare:6.2f} "
                  f"{limit:8.1f}  {parts}{'' if ok else '  MISS'}")  # fmt: skip
    print(
        f"{len(ratios)} questions, median ratio {statistics.median(ratios):.2f}, "
        f"{failures} above {FACTOR} × bare + {SLACK_MS:.0f} ms; "
        f"load average {os.getloadavg()[0]:.1f}"
    )
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
