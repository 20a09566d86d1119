"""Load the HTTP API on loopback: concurrent clients asking demo questions for a while.

    .venv/bin/python bench/api.py                          # 20 clients, 30 s, data/demo.duckdb
    .venv/bin/python bench/api.py --clients 50 --seconds 120 --db data/demo.duckdb
    .venv/bin/python bench/api.py --repeat --target 200    # repeated questions: the answer cache

Starts `tpa serve` on a free port over a copy of the database (its own process, like production;
one API key per client, the rate limit lifted), waits for /healthz, then runs the clients
(asyncio + httpx) against POST /v1/ask with the catalog's example questions in English and
Chinese, each client keeping its own session so some questions are follow-ups.
Prints requests/second, median and p95 latency, and every non-200 (zero expected).

`--repeat` measures repeated questions: every catalog question is asked once first (filling the
server's answer cache), then the clients ask them again, each in a new session (no follow-ups),
and each answer must carry its own session and the question it was asked. With `--target N` the
run fails below N answers/s.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import time
from pathlib import Path

import httpx
from loopback import ROOT, questions, served

FOLLOW_UPS = ("and by channel?", "只看微信", "what about the week before?", "按设备看")


async def client_loop(
    base: str, n: int, until: float, latencies: list[float], failures: list[str], repeat: bool
) -> None:
    qs = questions()
    headers = {"X-API-Key": f"bench{n}"}
    session: str | None = None
    sessions: set[str] = set()
    i = n
    async with httpx.AsyncClient(timeout=60) as client:
        while time.monotonic() < until:
            if repeat:
                await _ask_again(client, base, headers, qs[i % len(qs)], latencies, failures)
                i += 1
                continue
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
                sessions.add(str(session))
            i += 1


async def _ask_again(
    client: httpx.AsyncClient,
    base: str,
    headers: dict[str, str],
    question: str,
    latencies: list[float],
    failures: list[str],
) -> None:
    """One repeated question in a new session; the answer must be this caller's own."""
    started = time.perf_counter()
    response = await client.post(f"{base}/v1/ask", json={"question": question}, headers=headers)
    latencies.append((time.perf_counter() - started) * 1000)
    if response.status_code != 200:
        failures.append(f"{response.status_code} {response.text[:120]}")
        return
    answer = response.json()
    if answer.get("question") != question or answer.get("error"):
        failures.append(f"wrong answer for {question!r}: {str(answer)[:120]}")
    elif answer.get("session_id") in _SEEN:
        failures.append(f"session {answer.get('session_id')} served twice")
    _SEEN.add(str(answer.get("session_id")))


_SEEN: set[str] = set()


async def warm(base: str) -> None:
    """Ask every catalog question once (fills the answer cache)."""
    async with httpx.AsyncClient(timeout=120) as client:
        for q in questions():
            r = await client.post(
                f"{base}/v1/ask", json={"question": q}, headers={"X-API-Key": "bench0"}
            )
            r.raise_for_status()


async def run(
    base: str, clients: int, seconds: float, repeat: bool
) -> tuple[list[float], list[str], float]:
    latencies: list[float] = []
    failures: list[str] = []
    started = time.monotonic()
    until = started + seconds
    await asyncio.gather(
        *(client_loop(base, n, until, latencies, failures, repeat) for n in range(clients))
    )
    return latencies, failures, time.monotonic() - started


def cpu_seconds(pid: int) -> float:
    """User + system CPU seconds of process `pid` (and its threads) so far, from /proc."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--db", type=Path, default=ROOT / "data" / "demo.duckdb")
    parser.add_argument("--repeat", action="store_true", help="repeated questions (cache)")
    parser.add_argument("--target", type=float, default=0.0, help="least answers/s to pass")
    args = parser.parse_args()
    if not args.db.is_file():
        raise SystemExit(f"{args.db}: build it first with `tpa demo --no-serve`")
    keys = [f"bench{n}:analyst" for n in range(args.clients)]  # a key (and rate) per client
    with served(args.db, keys) as (base, pid):
        if args.repeat:
            asyncio.run(warm(base))
        before = cpu_seconds(pid), time.process_time()
        latencies, failures, elapsed = asyncio.run(
            run(base, args.clients, args.seconds, args.repeat)
        )
        server_cpu, client_cpu = cpu_seconds(pid) - before[0], time.process_time() - before[1]
    p95 = statistics.quantiles(latencies, n=20)[-1] if len(latencies) > 1 else latencies[0]
    rate = len(latencies) / elapsed
    mode = "repeated questions, " if args.repeat else ""
    print(f"{mode}{args.clients} clients × {args.seconds:g} s on {args.db.name}: "
          f"{len(latencies)} requests, {rate:.1f} req/s, "
          f"median {statistics.median(latencies):.0f} ms, p95 {p95:.0f} ms, "
          f"errors {len(failures)}; load average {os.getloadavg()[0]:.1f}")  # fmt: skip
    per = 1000 / max(len(latencies), 1)
    print(f"CPU per answer: server {server_cpu * per:.2f} ms, clients {client_cpu * per:.2f} ms "
          f"(both processes share the machine's {os.cpu_count()} cores)")  # fmt: skip
    for failure in failures[:10]:
        print("  ", failure)
    return 1 if failures or rate < args.target else 0


if __name__ == "__main__":
    raise SystemExit(main())
