"""Benchmark the embedded planner: latency per question, excluding SQL (issue 4's target: median
under 20 ms on the demo model).

    .venv/bin/python bench/planner.py                        # the gold suite's questions, 20 rounds
    .venv/bin/python bench/planner.py --questions FILE --rounds 50   # one question per line
    .venv/bin/python bench/planner.py --no-retrieval         # rules only, no example look-up

Each question is planned once to warm up, then `--rounds` times; the table gives the median and
p95 over every (question, round) for the rules alone and for the planner as the service runs it
(with retrieval: verified-example look-up and the paraphrase fallback; the embedding cache is
cleared before each question, so every question that is embedded is embedded as if new; a
question naming no stored example's set of objects is not embedded at all). The retrieval index is
built in a temporary folder first (not timed). Prints the ratio of the median to the 20 ms target.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

from assistant.nlu import EmbeddedPlanner  # noqa: E402
from semantic_layer.model import demo_model  # noqa: E402
from semantic_layer.time import TimeContext  # noqa: E402

TARGET_MS = 20.0


def questions(path: Path | None) -> list[str]:
    """Every question of the gold evaluation suite (each turn of a conversation), or the lines
    of a text file."""
    if path is None:
        from evals.suite import load_suite

        suite = load_suite(ROOT / "evals" / "gold")
        return [q for _, case in suite.cases for q in case.questions]
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def measure(
    planner: EmbeddedPlanner, qs: list[str], rounds: int, before: Callable[[], None] = lambda: None
) -> list[float]:
    ctx = TimeContext(today=date(2026, 11, 23))
    for q in qs:
        planner.plan(q, ctx)
    times = []
    for _ in range(rounds):
        for q in qs:
            before()
            start = time.perf_counter()
            planner.plan(q, ctx)
            times.append((time.perf_counter() - start) * 1000)
    return times


def report(name: str, times: list[float]) -> None:
    median = statistics.median(times)
    p95 = statistics.quantiles(times, n=20)[-1]
    print(f"{name:<28} median {median:7.2f} ms   p95 {p95:7.2f} ms   "
          f"median / target {median / TARGET_MS:5.2f}")  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--questions", type=Path, default=None, help="default: evals/gold")
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--no-retrieval", action="store_true")
    args = parser.parse_args()
    qs = questions(args.questions)
    model = demo_model()
    print(f"{len(qs)} questions × {args.rounds} rounds, demo model, today 2026-11-23")
    report("rules only", measure(EmbeddedPlanner(model), qs, args.rounds))
    if not args.no_retrieval:
        from assistant.retrieval import EXAMPLE_THRESHOLD, Retriever
        from assistant.retrieval.embedding import clear_cache

        with tempfile.TemporaryDirectory() as tmp:
            retriever = Retriever.open(Path(tmp) / "index", model)
            planner = EmbeddedPlanner(
                model, retrieval=retriever, example_threshold=EXAMPLE_THRESHOLD
            )
            # Forget cached query vectors before each question: every question is new to it.
            report("with retrieval (service)", measure(planner, qs, args.rounds, clear_cache))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
