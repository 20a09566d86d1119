"""Benchmark `tpa ingest` on a generated events CSV: rows per second and peak memory.

    python bench/ingest.py              # 10M rows
    python bench/ingest.py --rows 1000000 --keep /tmp/tpa-bench

Writes the CSV with DuckDB COPY (fast), ingests it into a fresh database with identity stitching,
timestamp parsing + timezone conversion, deduplication and quarantine all switched on, and prints
the figures (the CSV's writing time is not counted).
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

import duckdb

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from connectors.ingest import ingest

CONFIG = """\
database: bench.duckdb
timezone: Asia/Shanghai
sources:
  - name: web_events
    path: events.csv
    table: events
    columns:
      event_id: event_id
      ts: event_time
      channel: channel
      touchpoint: page
      session_id: session
      revenue: revenue
      device: device
    timestamps: {formats: ["%Y-%m-%d %H:%M:%S"], timezone: UTC}
    identifiers: {member_no: member_id, device_id: cookie}
"""


def write_csv(path: Path, rows: int) -> None:
    """Events for ~rows/10 members; every 1000th row lacks a member (device id only), every
    100000th has a bad timestamp and every 50000th is an exact copy of the row before."""
    people = max(rows // 10, 1)
    with duckdb.connect() as con:
        con.execute(f"""
            COPY (
              SELECT 'e' || j AS event_id,
                     CASE WHEN i % 100000 = 7 THEN '2024-13-45 00:00:00'
                          ELSE strftime(TIMESTAMP '2024-01-01' + to_seconds(j * 3 % 31536000),
                                        '%Y-%m-%d %H:%M:%S') END AS event_time,
                     CASE WHEN i % 1000 = 3 THEN NULL ELSE 'M' || (j * 7919 % {people}) END
                       AS member_id,
                     'c' || (j * 7919 % {people}) AS cookie,
                     ['website', 'app', 'wechat_oa', 'mini_program'][1 + j % 4] AS channel,
                     ['home', 'product_page', 'cart', 'checkout', 'payment'][1 + (j // 7) % 5]
                       AS page,
                     's' || (j // 10) AS session,
                     CASE WHEN j % 20 = 0 THEN round((j % 1000) / 10.0, 2) END AS revenue,
                     ['ios', 'android', 'pc'][1 + j % 3] AS device
              FROM (SELECT i, CASE WHEN i % 50000 = 1 THEN i - 1 ELSE i END AS j
                    FROM range({rows}) t(i))
            ) TO '{path}' (HEADER)""")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000_000)
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it")
    parser.add_argument("--progress", action="store_true", help="show the progress bars")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="tpa-bench-") as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        csv = folder / "events.csv"
        started = time.perf_counter()
        write_csv(csv, args.rows)
        print(
            f"wrote {args.rows:,} rows ({csv.stat().st_size / 1e6:,.0f} MB) in "
            f"{time.perf_counter() - started:.1f}s"
        )
        (folder / "bench.yaml").write_text(CONFIG, encoding="utf-8")
        (folder / "bench.duckdb").unlink(missing_ok=True)
        report = ingest(folder / "bench.yaml", progress=args.progress)
        print("\n".join(report.lines()))
        peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(
            f"rows/s: {report.rows_read / report.seconds:,.0f}   seconds: {report.seconds:.1f}   "
            f"peak RSS: {peak_mb:,.0f} MB"
        )


if __name__ == "__main__":
    main()
