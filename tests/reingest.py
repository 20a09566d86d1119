"""Loading a database's own events again, from a date on, through `tpa ingest`: the tests of the
pre-aggregates see a load replace what they were built from."""

from __future__ import annotations

import textwrap
from pathlib import Path

import duckdb

from connectors.ingest import ingest


def reingest_events_since(db: Path, since: str, folder: Path) -> None:
    """Export `db`'s events from `since` (a 'YYYY-MM-DD' date) to a CSV in `folder` and ingest
    them back into `db` as its only events."""
    ingest(events_config(db, since, folder), db)


def events_config(db: Path, since: str, folder: Path) -> Path:
    """The ingest configuration (in `folder`) that loads `db`'s events from `since` back into
    `db` as its only events, from a CSV written beside it."""
    csv = folder / "events.csv"
    with duckdb.connect(str(db), read_only=True) as con:
        con.execute(
            "COPY (SELECT strftime(ts, '%Y-%m-%d %H:%M:%S.%f') AS ts, user_id, touchpoint, "
            f"channel, event_id FROM events WHERE ts >= TIMESTAMP '{since}') "
            f"TO '{csv}' (HEADER)"
        )
    config = folder / "ingest.yaml"
    config.write_text(
        textwrap.dedent(
            f"""\
            database: {db.name}
            timezone: Asia/Shanghai
            sources:
              - name: events
                path: {csv.name}
                table: events
                columns: {{ts: ts, touchpoint: touchpoint, channel: channel, event_id: event_id}}
                timestamps: {{formats: ["%Y-%m-%d %H:%M:%S.%f"], timezone: Asia/Shanghai}}
                identifiers: {{member_no: user_id}}
            """
        ),
        encoding="utf-8",
    )
    return config
