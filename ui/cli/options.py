"""Options every `tpa` command shares, from flags or environment (docs/design.md "Interfaces")."""

from __future__ import annotations

import os
from datetime import date, datetime
from pathlib import Path
from typing import Annotated
from zoneinfo import ZoneInfo

import typer

DEMO_TIMEZONE = "Asia/Shanghai"


def home() -> Path:
    """Where the demo database and other working files live: `TPA_HOME`, else the current folder."""
    return Path(os.environ.get("TPA_HOME") or ".")


def default_db() -> Path:
    return home() / "data" / "demo.duckdb"


def parse_as_of(value: str | None) -> date | None:
    if value is None or value == "":
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(
            f"{value!r} is not a date; use YYYY-MM-DD, e.g. 2026-11-23"
        ) from None


def today(as_of: date | None, timezone: str = DEMO_TIMEZONE) -> date:
    """ "Today" as docs/design.md defines it: the pinned `as_of`, else the real date in the zone."""
    return as_of if as_of is not None else datetime.now(ZoneInfo(timezone)).date()


DbOption = Annotated[
    Path | None,
    typer.Option(
        "--db",
        envvar="TPA_DB",
        metavar="PATH",
        help="DuckDB database file. [default: data/demo.duckdb]",
        show_default=False,
        dir_okay=False,
    ),
]
AsOfOption = Annotated[
    date | None,
    typer.Option(
        "--as-of",
        envvar="TPA_AS_OF",
        parser=parse_as_of,
        metavar="DATE",
        help="Pin 'today' to this date (YYYY-MM-DD). [default: the real date]",
        show_default=False,
    ),
]
EngineOption = Annotated[
    str | None,
    typer.Option(
        "--engine",
        envvar="TPA_ENGINE",
        metavar="ENGINE",
        help="Read the tables in this engine: duckdb, clickhouse or spark (docs/engines.md). "
        "[default: duckdb]",
        show_default=False,
    ),
]
EngineUrlOption = Annotated[
    str | None,
    typer.Option(
        "--url",
        envvar="TPA_ENGINE_URL",
        metavar="URL",
        help="Where the engine's tables are: a chdb folder, a Parquet folder (Spark), "
        "http(s)://… (a ClickHouse server) or sc://… (Spark Connect).",
        show_default=False,
    ),
]
