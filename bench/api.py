"""Load the HTTP API on loopback: concurrent clients asking demo questions for a while.

    .venv/bin/python bench/api.py                          # 20 clients, 30 s, data/demo.duckdb
    .venv/bin/python bench/api.py --clients 50 --seconds 120 --db data/demo.duckdb

Starts `tpa serve` on a free port over a copy of the database (its own process, like production;
one API key per client, the rate limit lifted), waits for /healthz, then runs the clients
(asyncio + httpx) against POST /v1/ask with the catalog's example questions in English and
Chinese, each client keeping its own session so some questions are follow-ups.
Prints requests/second, median and p95 latency, and every non-200 (zero expected).
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import time
from pathlib import Path

import httpx
from loopback import ROOT, questions, served

FOLLOW_UPS = ("and by channel?", "只看微信", "what about the week before?", "按设备看")


async def client_loop(
    base: str, n: int, until: float, latencies: list[float], failures: list[str]
) -> None:
    qs = questions()
    headers = {"X-API-Key": f"bench{n}"}
    session: str | None = None
    i = n
    async with httpx.AsyncClient(timeout=60) as client:
        while time.monotonic() < until:
            follow = session is not None and i % 3 == 0
            body: dict[str, str] = {"question": FOLLOW_UPS[i % 4] if follow else qs[i % len(qs)]}
            if follow and session:
                body["session_id"] = session
            started = time.perf_counter()
            response = await client.post(f"{base}/v1/ask", json=body, headers=headers)
            latencies.append((time.perf_counter() - started) * 1000)
            if response.status_code != 200:
                failures.append(f"{response.status_code} {response.text[:120]}")
            else:
                session = response.json().get("session_id")
            i += 1


async def run(base: str, clients: int, seconds: float) -> tuple[list[float], list[str], float]:
    latencies: list[float] = []
    failures: list[str] = []
    started = time.monotonic()
    until = started + seconds
    await asyncio.gather(
        *(client_loop(base, n, until, latencies, failures) for n in range(clients))
    )
    return latencies, failures, time.monotonic() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--db", type=Path, default=ROOT / "data" / "demo.duckdb")
    args = parser.parse_args()
    if not args.db.is_file():
        raise SystemExit(f"{args.db}: build it first with `tpa demo --no-serve`")
    keys = [f"bench{n}:analyst" for n in range(args.clients)]  # a key (and rate) per client
    with served(args.db, keys) as (base, _):
        latencies, failures, elapsed = asyncio.run(run(base, args.clients, args.seconds))
    p95 = statistics.quantiles(latencies, n=20)[-1] if len(latencies) > 1 else latencies[0]
    rate = len(latencies) / elapsed
    print(f"{args.clients} clients × {args.seconds:g} s on {args.db.name}: "
          f"{len(latencies)} requests, {rate:.1f} req/s, "
          f"median {statistics.median(latencies):.0f} ms, p95 {p95:.0f} ms, "
          f"errors {len(failures)}")  # fmt: skip
    for failure in failures[:10]:
        print("  ", failure)
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
