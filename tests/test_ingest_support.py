"""Helpers shared by the test_ingest_* modules (this module holds no tests)."""

from __future__ import annotations

import textwrap
from pathlib import Path
from typing import Any

import duckdb
import pytest

from connectors.ingest import IngestError, IngestReport, ingest


def write(folder: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(textwrap.dedent(text).lstrip("\n").encode(encoding))
    return path


def config(
    folder: Path, *sources: str, timezone: str = "Asia/Shanghai", name: str = "ingest.yaml"
) -> Path:
    """An ingest config loading into `folder/shop.duckdb`; each of `sources` is YAML list items."""
    items = "\n".join(textwrap.dedent(s).strip("\n") for s in sources)
    body = textwrap.indent(items, "  ")
    text = f"database: shop.duckdb\ntimezone: {timezone}\nsources:\n{body}\n"
    return write(folder, name, text)


def run(path: Path, db: Path | None = None) -> IngestReport:
    return ingest(path, db)


def fails(path: Path, db: Path | None = None) -> str:
    """Run an ingest that must fail with an `IngestError`; return its message."""
    with pytest.raises(IngestError) as caught:
        ingest(path, db)
    return str(caught.value)


def rows(db: Path, sql: str) -> list[tuple[Any, ...]]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(sql).fetchall()


def table(db: Path, name: str) -> list[tuple[Any, ...]]:
    """All rows of a table in a stable order."""
    return rows(db, f'SELECT * FROM "{name}" ORDER BY ALL')


def quarantine(db: Path) -> list[tuple[Any, ...]]:
    """(source, file, line, reason) of every quarantined row."""
    return rows(db, "SELECT source, file, line, reason FROM quarantine ORDER BY source, file, line")


EVENTS_CSV = """\
    event_time,member,page,src,amount,device
    2024-03-01 00:30:00,M1,home,公众号,,ios
    2024-03-01 00:31:00,M1,product_page,web,,ios
    2024-03-01 00:32:00,M2,cart,web,19.9,android
    """

EVENTS_SOURCE = """\
    - name: web
      path: events.csv
      table: events
      columns:
        ts: event_time
        touchpoint: page
        channel: src
        revenue: amount
        device: device
      values:
        channel: {公众号: wechat_oa, web: website}
      timestamps: {timezone: UTC}
      identifiers: {member_no: member}
    """
