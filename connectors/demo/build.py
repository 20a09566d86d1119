"""`build_demo`: generate the demo data set chunk by chunk and write it atomically to DuckDB."""

from __future__ import annotations

import math
import os
import shutil
import time
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import duckdb

from connectors import aggregates
from connectors.demo import store
from connectors.demo.catalog import GENERATOR_VERSION, TIMEZONE
from connectors.demo.chunk import Counters, generate_chunk
from connectors.demo.costs import write_marketing_costs
from connectors.demo.identity import write_identity_links
from connectors.demo.progress import Bar, Reporter, Silent
from connectors.demo.stories import MIN_DAYS, Story, stories
from connectors.demo.timeline import Timeline
from semantic_layer.model import demo_model

CHUNK_EVENTS = 1_000_000  # events per chunk: bounds memory whatever the total
FIRST_GUESS = 8.0  # events per generated user, refined after each chunk
MEMORY_LIMIT = "2GB"  # DuckDB spills to disk beyond this (100M events fit)
TABLES = ("events", "users", "feedback", "tickets", "marketing_costs", "identity_links")


@dataclass(frozen=True)
class DemoSummary:
    """What `build_demo` wrote."""

    db_path: Path
    as_of: date
    start: date
    end: date  # exclusive (= as_of)
    rows: dict[str, int]
    users: int
    seconds: float
    stories: tuple[Story, ...]
    seed: int

    def lines(self) -> list[str]:
        """Human-readable summary: tables and rows, date range, planted stories."""
        last = self.end.toordinal() - 1
        out = [
            f"Demo data: {self.db_path} (seed {self.seed}"
            + (f", built in {self.seconds:.1f} s)" if self.seconds else ")"),
            f"Dates: {self.start} – {date.fromordinal(last)} "
            f"({(self.end - self.start).days} days before as_of {self.as_of}, {TIMEZONE} time)",
            "Tables:",
        ]
        out += [f"  {name:<16}{count:>14,} rows" for name, count in self.rows.items()]
        out.append("Planted stories:")
        out += [f"  - {s.line()}" for s in self.stories]
        return out


def build_demo(
    db_path: Path,
    *,
    as_of: date,
    seed: int = 7,
    events: int = 1_000_000,
    days: int = 400,
    progress: bool = False,
) -> DemoSummary:
    """Build the demo DuckDB file at `db_path` (replaced atomically) with about `events` events
    over the `days` days before `as_of`; the same arguments give the same data."""
    _check(seed, events, days)
    started = time.perf_counter()
    db_path = Path(db_path)
    db_path.parent.mkdir(parents=True, exist_ok=True)
    tmp = db_path.with_suffix(".duckdb.tmp")
    spill = tmp.with_name(tmp.name + ".spill")
    _remove(tmp, spill)
    tl = Timeline.create(as_of, days)
    try:
        with Bar(events) if progress else Silent() as reporter:
            rows = _build(tmp, spill, tl=tl, seed=seed, events=events, reporter=reporter)
        _remove(Path(f"{db_path}.wal"))  # a stale log must not be replayed onto the new file
        os.replace(tmp, db_path)
    finally:
        _remove(tmp, spill)
    return _summary(
        db_path, as_of, days=days, seed=seed, rows=rows, seconds=time.perf_counter() - started
    )


def existing_demo(
    db_path: Path, *, as_of: date, seed: int = 7, events: int = 1_000_000, days: int = 400
) -> DemoSummary | None:
    """The summary of the demo already at `db_path` if it was built with exactly these
    arguments by this generator version, else None (missing, different or unreadable). A demo
    built before the pre-aggregated tables existed gets them (`connectors.aggregates.ensure`)."""
    wanted = _meta(as_of, days, seed, events)
    if days < MIN_DAYS or not Path(db_path).is_file():
        return None
    try:
        with duckdb.connect(str(db_path), read_only=True) as con:
            if dict(con.execute("SELECT key, value FROM _tpa_meta").fetchall()) != wanted:
                return None
            rows = {t: _count(con, t) for t in TABLES}
    except duckdb.Error:
        return None
    aggregates.ensure(Path(db_path), demo_model().spec)
    return _summary(Path(db_path), as_of, days=days, seed=seed, rows=rows, seconds=0.0)


def _summary(
    db_path: Path, as_of: date, *, days: int, seed: int, rows: dict[str, int], seconds: float
) -> DemoSummary:
    return DemoSummary(
        db_path=db_path,
        as_of=as_of,
        start=as_of - timedelta(days=days),
        end=as_of,
        rows=rows,
        users=rows["users"],
        seconds=seconds,
        stories=tuple(stories(as_of)),
        seed=seed,
    )


def _check(seed: int, events: int, days: int) -> None:
    if seed < 0:
        raise ValueError(f"seed must be ≥ 0, got {seed}")
    if events < 1_000:
        raise ValueError(f"events must be at least 1,000, got {events:,}")
    if days < MIN_DAYS:
        raise ValueError(f"days must be at least {MIN_DAYS} so every story fits, got {days}")


def _build(
    tmp: Path, spill: Path, *, tl: Timeline, seed: int, events: int, reporter: Reporter
) -> dict[str, int]:
    con = store.connect(tmp, MEMORY_LIMIT, spill)
    try:
        _generate(con, tl, seed=seed, target=events, reporter=reporter)
        reporter.phase("sorting and writing tables")
        store.finalise(con)
        write_marketing_costs(con, seed)
        write_identity_links(con, seed)
        store.write_meta(con, _meta(tl.as_of, tl.days, seed, events))
        store.drop_stages(con)
        rows = {t: _count(con, t) for t in TABLES}
        con.execute("CHECKPOINT")
        return rows
    finally:
        con.close()


def _generate(
    con: duckdb.DuckDBPyConnection, tl: Timeline, *, seed: int, target: int, reporter: Reporter
) -> Counters:
    """Append chunks until about `target` events exist (each chunk ≈ CHUNK_EVENTS)."""
    counters, per_user, generated, chunk = Counters(), FIRST_GUESS, 0, 0
    while counters.event < target - target // 500:
        remaining = target - counters.event
        want = min(remaining, CHUNK_EVENTS)
        if chunk == 0:
            want //= 2  # a first half-size chunk measures the events per user
        elif want == remaining:
            want = math.ceil(want * 0.95)  # approach the target from below, then top up
        n_users = math.ceil(want / per_user) + 10
        out = generate_chunk(n_users, tl, seed=seed, chunk=chunk, c=counters)
        for stage in store.STAGES:
            store.append(con, stage, getattr(out, stage), first=chunk == 0)
        counters, generated, chunk = out.counters, generated + n_users, chunk + 1
        per_user = max(counters.event / generated, 0.5)
        reporter.advance(counters.event)
    return counters


def _meta(as_of: date, days: int, seed: int, events: int) -> dict[str, str]:
    return {
        "generator": "touchpoint-assistant demo",
        "generator_version": GENERATOR_VERSION,
        "seed": str(seed),
        "as_of": as_of.isoformat(),
        "start": (as_of - timedelta(days=days)).isoformat(),
        "end": as_of.isoformat(),
        "days": str(days),
        "events": str(events),
        "timezone": TIMEZONE,
    }


def _count(con: duckdb.DuckDBPyConnection, table: str) -> int:
    return int(con.execute(f"SELECT count(*) FROM {table}").fetchall()[0][0])


def _remove(*paths: Path) -> None:
    for path in paths:
        if path.is_dir():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink(missing_ok=True)
        Path(f"{path}.wal").unlink(missing_ok=True)
