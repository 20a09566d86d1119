"""The canonical tables of docs/design.md: the one contract for anyone's data.

Every writer (the demo generator, ingestion) creates tables from these definitions and every
reader (the semantic layer's `tpa init`, validation against a database) can rely on them. Columns
not listed here are kept by ingestion as extra attributes and become dimensions.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlglot import exp


@dataclass(frozen=True)
class Column:
    name: str
    type: str  # DuckDB type name
    required: bool = False
    doc: str = ""


@dataclass(frozen=True)
class Table:
    name: str
    columns: tuple[Column, ...]
    time_column: str | None
    doc: str = ""

    @property
    def required(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns if c.required)

    @property
    def column_names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns)

    def column(self, name: str) -> Column:
        for c in self.columns:
            if c.name == name:
                return c
        raise KeyError(name)


def _c(name: str, type_: str, required: bool = False, doc: str = "") -> Column:
    return Column(name, type_, required, doc)


EVENTS = Table(
    "events",
    (
        _c("event_id", "VARCHAR", True, "unique id of the event"),
        _c("user_id", "VARCHAR", True, "the unified person (after identity stitching)"),
        _c("ts", "TIMESTAMP", True, "local time in the model's timezone"),
        _c("channel", "VARCHAR", True, "where it happened: website, app, wechat_oa, …"),
        _c("touchpoint", "VARCHAR", True, "what happened: product_page, checkout, …"),
        _c("session_id", "VARCHAR"),
        _c("campaign", "VARCHAR"),
        _c("revenue", "DOUBLE", doc="order amount on purchase events"),
        _c("order_id", "VARCHAR"),
    ),
    "ts",
    "one row per customer interaction",
)

USERS = Table(
    "users",
    (
        _c("user_id", "VARCHAR", True),
        _c("first_seen_ts", "TIMESTAMP"),
        _c("segment", "VARCHAR"),
        _c("member_tier", "VARCHAR"),
        _c("region", "VARCHAR"),
        _c("city", "VARCHAR"),
        _c("acquisition_channel", "VARCHAR"),
    ),
    "first_seen_ts",
    "one row per unified person",
)

FEEDBACK = Table(
    "feedback",
    (
        _c("user_id", "VARCHAR", True),
        _c("ts", "TIMESTAMP", True),
        _c("channel", "VARCHAR"),
        _c("touchpoint", "VARCHAR"),
        _c("kind", "VARCHAR", True, "csat (1–5), nps (0–10) or complaint"),
        _c("score", "DOUBLE"),
        _c("comment", "VARCHAR"),
    ),
    "ts",
    "survey answers and complaints",
)

TICKETS = Table(
    "tickets",
    (
        _c("ticket_id", "VARCHAR", True),
        _c("user_id", "VARCHAR", True),
        _c("channel", "VARCHAR"),
        _c("opened_ts", "TIMESTAMP", True),
        _c("first_response_ts", "TIMESTAMP"),
        _c("resolved_ts", "TIMESTAMP"),
        _c("category", "VARCHAR"),
        _c("is_complaint", "BOOLEAN"),
        _c("csat", "DOUBLE"),
    ),
    "opened_ts",
    "customer-service tickets",
)

MARKETING_COSTS = Table(
    "marketing_costs",
    (
        _c("date", "DATE", True),
        _c("channel", "VARCHAR", True),
        _c("campaign", "VARCHAR"),
        _c("cost", "DOUBLE", True),
    ),
    "date",
    "spend per channel (and campaign) per day",
)

IDENTITY_LINKS = Table(
    "identity_links",
    (
        _c(
            "source", "VARCHAR", True, "kind of identifier: wechat_openid, member_no, phone_hash, …"
        ),
        _c("source_user_id", "VARCHAR", True),
        _c("user_id", "VARCHAR", True),
    ),
    None,
    "which source identifier belongs to which unified person",
)

TABLES: dict[str, Table] = {
    t.name: t for t in (EVENTS, USERS, FEEDBACK, TICKETS, MARKETING_COSTS, IDENTITY_LINKS)
}

QUARANTINE = Table(
    "quarantine",
    (
        _c("source", "VARCHAR", True, "name of the source in the ingest config"),
        _c("file", "VARCHAR", doc="file or table the row came from"),
        _c("line", "BIGINT", doc="line in the file (CSV, JSON Lines) or row number (other)"),
        _c("target_table", "VARCHAR"),
        _c("reason", "VARCHAR", True),
        _c("raw", "VARCHAR", doc="the row as it was read, as JSON"),
    ),
    None,
    "rows ingestion could not accept, with the reason",
)


def create_table_sql(
    table: Table, name: str | None = None, extra: dict[str, str] | None = None
) -> str:
    """`CREATE TABLE` for a canonical table (optionally under another name, with extra columns)."""
    columns = [
        exp.ColumnDef(this=exp.to_identifier(c.name), kind=exp.DataType.build(c.type))
        for c in table.columns
    ]
    for col_name, col_type in (extra or {}).items():
        columns.append(
            exp.ColumnDef(this=exp.to_identifier(col_name), kind=exp.DataType.build(col_type))
        )
    schema = exp.Schema(this=exp.to_table(name or table.name), expressions=columns)
    return exp.Create(this=schema, kind="TABLE", replace=True).sql(dialect="duckdb")


def quote_ident(name: str) -> str:
    """A safely quoted DuckDB identifier (for names that come from user configs)."""
    return exp.to_identifier(name, quoted=True).sql(dialect="duckdb")


__all__ = [
    "EVENTS",
    "FEEDBACK",
    "IDENTITY_LINKS",
    "MARKETING_COSTS",
    "QUARANTINE",
    "TABLES",
    "TICKETS",
    "USERS",
    "Column",
    "Table",
    "create_table_sql",
    "quote_ident",
]
