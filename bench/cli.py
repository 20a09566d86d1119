"""`tpa ask` from the shell: wall time of one answer per process, warm (the OS file cache and
the retrieval index already built), the embedded planner.

    .venv/bin/python bench/cli.py                 # 20 questions on data/demo.duckdb, target 1 s
    .venv/bin/python bench/cli.py --runs 40 --db data/demo.duckdb --target 1.0

Runs `tpa ask QUESTION` once to warm up, then the catalog's example questions (English and
Chinese, in turn) each in a new process, as a person at a terminal would. Prints each question's
wall time and the CPU time of its process (user + system: less sensitive than wall time to other
work on a shared machine), then the medians. Exits 1 when the median wall time is above
`--target` seconds.

Warm includes Python's bytecode cache (`__pycache__`), which Python writes on a first run unless
`PYTHONDONTWRITEBYTECODE` is set: the script takes that variable out of the children's
environment so that the warm-up writes it, as any second run of a person's `tpa` finds it.
`--no-bytecode` keeps the variable (every run then compiles each module it imports that has no
cache yet), to measure that case (docs/benchmarks.md, "Seventh pass").
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assistant.catalog import EXAMPLES  # noqa: E402

TPA = ROOT / ".venv" / "bin" / "tpa"


def questions(n: int) -> list[str]:
    every = [texts[key] for key in next(iter(EXAMPLES.values())) for texts in EXAMPLES.values()]
    return [every[i % len(every)] for i in range(n)]


def ask(question: str, db: Path, tpa: Path, env: dict[str, str]) -> tuple[float, float, int]:
    """(wall seconds, CPU seconds, exit code) of one `tpa ask`."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(
        [str(tpa), "ask", question, "--db", str(db)], capture_output=True, env=env, check=False
    )
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, done.returncode


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=20, help="questions to ask (default 20)")
    parser.add_argument("--db", type=Path, default=ROOT / "data" / "demo.duckdb")
    parser.add_argument("--tpa", type=Path, default=TPA, help="the tpa command to time")
    parser.add_argument("--target", type=float, default=1.0, help="median wall seconds allowed")
    parser.add_argument(
        "--no-bytecode",
        dest="bytecode",
        action="store_false",
        help="keep PYTHONDONTWRITEBYTECODE in the children's environment when it is set",
    )
    args = parser.parse_args()
    if not args.db.is_file():
        raise SystemExit(f"{args.db}: build it first with `tpa demo --no-serve`")
    env = {**os.environ, "TPA_LLM_BASE_URL": ""}
    if args.bytecode:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
    writes = "no" if env.get("PYTHONDONTWRITEBYTECODE") else "yes"
    print(f"bytecode cache written: {writes}")
    qs = questions(args.runs)
    ask(qs[0], args.db, args.tpa, env)  # warm: the index and bytecode exist, files are cached
    walls, cpus, failed = [], [], 0
    for q in qs:
        wall, cpu, code = ask(q, args.db, args.tpa, env)
        walls.append(wall)
        cpus.append(cpu)
        failed += code not in (0, 1)  # 1: answered that it could not answer (said why)
        print(f"{wall * 1000:7.0f} ms wall {cpu * 1000:6.0f} ms cpu  exit {code}  {q}")
    median = statistics.median(walls)
    print(
        f"tpa ask × {len(qs)}: median wall {median * 1000:.0f} ms "
        f"(min {min(walls) * 1000:.0f}, max {max(walls) * 1000:.0f}), "
        f"median cpu {statistics.median(cpus) * 1000:.0f} ms, target {args.target * 1000:.0f} ms, "
        f"load average {os.getloadavg()[0]:.1f}, crashes {failed}"
    )
    return 1 if median > args.target or failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
