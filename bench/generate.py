"""Benchmark the demo generator: build time, events per second and peak memory per size.

    .venv/bin/python bench/generate.py --events 1000000 --events 10000000

Each size is built in its own process so that its peak RSS is its own.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_AS_OF = "2026-11-25"


def build_one(events: int, days: int, seed: int, as_of: str, out: Path) -> dict[str, float | int]:
    """Build one data set in this process and measure it."""
    sys.path.insert(0, str(ROOT))
    from connectors.demo import build_demo

    path = out / f"demo_{events}.duckdb"
    started = time.perf_counter()
    summary = build_demo(path, as_of=date.fromisoformat(as_of), seed=seed, events=events, days=days)
    seconds = time.perf_counter() - started
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {
        "target": events,
        "events": summary.rows["events"],
        "users": summary.users,
        "seconds": round(seconds, 2),
        "events_per_second": round(summary.rows["events"] / seconds),
        "peak_rss_mib": round(peak_kib / 1024),
        "file_mib": round(path.stat().st_size / 2**20),
    }


def measure(events: int, args: argparse.Namespace) -> dict[str, float | int]:
    """Run `build_one` in a fresh interpreter and read its JSON line."""
    command = [
        sys.executable,
        __file__,
        "--one",
        str(events),
        "--days",
        str(args.days),
        "--seed",
        str(args.seed),
        "--as-of",
        args.as_of,
        "--out",
        str(args.out),
    ]
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    result: dict[str, float | int] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, action="append", help="target events (repeatable)")
    parser.add_argument("--days", type=int, default=400)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--as-of", default=DEFAULT_AS_OF)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--keep", action="store_true", help="keep the built databases")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    if args.one:
        print(json.dumps(build_one(args.one, args.days, args.seed, args.as_of, args.out)))
        return
    header = ("events", "users", "seconds", "events/s", "peak RSS", "file")
    print("{:>12} {:>10} {:>8} {:>10} {:>9} {:>7}".format(*header))
    for events in args.events or [1_000_000]:
        r = measure(events, args)
        print(
            f"{r['events']:>12,} {r['users']:>10,} {r['seconds']:>8.1f} "
            f"{r['events_per_second']:>10,} {r['peak_rss_mib']:>6} MiB {r['file_mib']:>3} MiB",
            flush=True,
        )
        if not args.keep:
            (args.out / f"demo_{events}.duckdb").unlink(missing_ok=True)


if __name__ == "__main__":
    main()
