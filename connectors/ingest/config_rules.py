"""Checks on a parsed config that pydantic alone cannot express; each rule is one small function."""

from __future__ import annotations

import codecs
import functools
import re
from collections.abc import Callable, Iterator

import duckdb

from semantic_layer import errors as semantic
from semantic_layer.errors import nearest
from semantic_layer.model.yaml_lines import Loc

from ..canonical import TABLES
from .config import DEFAULT_TS, TIME_TYPES, IngestConfig, SourceConfig
from .errors import did_you_mean
from .timestamps import EPOCH_FORMATS

Issue = tuple[Loc, str, str]  # where, what, how to fix
SourceRule = Callable[[SourceConfig, Loc], Iterator[Issue]]

EXTRA_TYPES = ("VARCHAR", "BOOLEAN", "INTEGER", "BIGINT", "DOUBLE", "DATE", "TIMESTAMP")
COMMON_ENCODINGS = (
    "utf-8",
    "utf-8-sig",
    "gb18030",
    "gbk",
    "gb2312",
    "big5",
    "utf-16",
    "latin-1",
    "shift_jis",
    "euc-kr",
    "cp1252",
)
_KIND = re.compile(r"^[a-z][a-z0-9_]*$")
_DECIMAL = re.compile(r"^DECIMAL\(\s*\d+\s*,\s*\d+\s*\)$")
# Target tables whose rows belong to a person (and so need an identifier).
PERSON_TABLES = tuple(name for name, t in TABLES.items() if "user_id" in t.column_names)
GENERATED = ("event_id", "user_id")  # filled by ingestion when not mapped


def is_numeric(kind: str) -> bool:
    """Whether a stored type is a number (what `scale` may multiply)."""
    return kind in ("INTEGER", "BIGINT", "DOUBLE") or kind.startswith("DECIMAL")


@functools.cache
def timezone_names() -> frozenset[str]:
    """IANA names DuckDB's ICU knows (the ones ingest can convert between)."""
    with duckdb.connect() as con:
        return frozenset(
            row[0] for row in con.execute("SELECT name FROM pg_timezone_names()").fetchall()
        )


def normalise_type(name: str) -> str | None:
    """The DuckDB type name for an extra column, or None when it is not supported."""
    upper = " ".join(name.upper().split())
    aliases = {
        "STRING": "VARCHAR",
        "TEXT": "VARCHAR",
        "INT": "INTEGER",
        "FLOAT": "DOUBLE",
        "BOOL": "BOOLEAN",
        "DATETIME": "TIMESTAMP",
    }
    upper = aliases.get(upper, upper)
    return upper if upper in EXTRA_TYPES or _DECIMAL.match(upper) else None


def column_type(source: SourceConfig, column: str) -> str:
    """The type a target column is stored as (canonical type, or the extra column's type)."""
    table = source.target
    if column in table.column_names:
        return table.column(column).type
    spec = source.columns.get(column)
    return (normalise_type(spec.type) if spec and spec.type else None) or "VARCHAR"


def check_config(config: IngestConfig) -> list[Issue]:
    issues = list(_check_timezone(config.timezone, ("timezone",)))
    issues += _check_unique_names(config)
    issues += _check_extra_types_agree(config)
    for i, source in enumerate(config.sources):
        loc: Loc = ("sources", i)
        for rule in SOURCE_RULES:
            issues += [
                (where, f"source '{source.name}': {what}", hint)
                for where, what, hint in rule(source, loc)
            ]
    return issues


def _check_timezone(name: str, loc: Loc) -> Iterator[Issue]:
    if name not in timezone_names():
        yield loc, f"unknown timezone '{name}'", did_you_mean(name, timezone_names(), listing=False)


def _check_unique_names(config: IngestConfig) -> Iterator[Issue]:
    seen: set[str] = set()
    for i, source in enumerate(config.sources):
        if source.name in seen:
            yield ("sources", i, "name"), f"two sources are named '{source.name}'", "rename one"
        seen.add(source.name)


def _check_extra_types_agree(config: IngestConfig) -> Iterator[Issue]:
    seen: dict[tuple[str, str], str] = {}
    for i, source in enumerate(config.sources):
        if source.table not in TABLES:
            continue
        for column in source.columns:
            if column in source.target.column_names:
                continue
            kind = column_type(source, column)
            earlier = seen.setdefault((source.table, column), kind)
            if earlier != kind:
                yield (
                    ("sources", i, "columns", column),
                    f"extra column {source.table}.{column} is {kind} here but {earlier} in an "
                    "earlier source",
                    f"give it `type: {earlier}` in both",
                )


def _rule_table(source: SourceConfig, loc: Loc) -> Iterator[Issue]:
    if source.table not in TABLES:
        yield (
            (*loc, "table"),
            f"unknown target table '{source.table}'",
            did_you_mean(source.table, TABLES),
        )


def _rule_location(source: SourceConfig, loc: Loc) -> Iterator[Issue]:
    if (source.path is None) == (source.database is None):
        yield loc, "give either `path` (files) or `database` + `source_table`", ""
    elif source.database is not None:
        if not source.source_table:
            yield loc, "a `database` source needs `source_table`", "name the table to read"
        if source.format in ("csv", "parquet", "jsonl"):
            yield (*loc, "format"), f"format {source.format} is for files", "use duckdb or sqlite"
    else:
        if source.source_table:
            yield (*loc, "source_table"), "`source_table` needs `database`", "remove it or add it"
        if source.format in ("duckdb", "sqlite"):
            yield (*loc, "format"), f"format {source.format} needs `database:`", "use csv/jsonl"


def _rule_text_options(source: SourceConfig, loc: Loc) -> Iterator[Issue]:
    if source.encoding is not None:
        try:
            codecs.lookup(source.encoding)
        except LookupError:
            yield (
                (*loc, "encoding"),
                f"unknown encoding '{source.encoding}'",
                did_you_mean(source.encoding, COMMON_ENCODINGS),
            )
    if source.delimiter is not None and not 1 <= len(source.delimiter) <= 4:
        yield (*loc, "delimiter"), "the delimiter must be 1 to 4 characters", "e.g. ',' or '\\t'"


def _rule_columns(source: SourceConfig, loc: Loc) -> Iterator[Issue]:
    if source.table not in TABLES:
        return
    table = source.target
    if source.table == "identity_links" and source.columns:
        yield (*loc, "columns"), "an identity_links source only has `identifiers`", "remove columns"
        return
    for name, spec in source.columns.items():
        where = (*loc, "columns", name)
        if name.startswith("_tpa_") or not name.strip():
            yield where, f"'{name}' is not a usable column name", "rename it"
        if spec.type is not None and name in table.column_names:
            yield (
                (*where, "type"),
                f"{table.name}.{name} is canonical ({table.column(name).type})",
                ("remove `type`"),
            )
        elif spec.type is not None and normalise_type(spec.type) is None:
            yield (
                (*where, "type"),
                f"unsupported type '{spec.type}'",
                did_you_mean(spec.type.upper(), EXTRA_TYPES),
            )
        if spec.scale is not None and not is_numeric(column_type(source, name)):
            yield (
                (*where, "scale"),
                f"`scale` multiplies numbers, but {name} is {column_type(source, name)}",
                "remove `scale`, or give the extra column a numeric `type` (DOUBLE)",
            )
        elif spec.scale is not None and spec.is_constant:
            yield (*where, "scale"), "`scale` applies to a source column", "remove `scale`"


def _rule_required(source: SourceConfig, loc: Loc) -> Iterator[Issue]:
    if source.table not in TABLES or source.table == "identity_links":
        return
    extras = [c for c in source.columns if c not in source.target.column_names]
    for column in source.target.required:
        if column in source.columns or column in GENERATED:
            continue
        close = nearest(column, extras)
        hint = semantic.did_you_mean((close,)) if close else f"add `{column}: SOURCE_COLUMN`"
        yield (
            (*loc, "columns"),
            f"{source.table} needs column '{column}' but it is not mapped",
            hint,
        )


def _rule_identifiers(source: SourceConfig, loc: Loc) -> Iterator[Issue]:
    if source.table not in TABLES:
        return
    for kind in source.identifiers:
        if not _KIND.match(kind):
            yield (
                (*loc, "identifiers", kind),
                f"identifier kind '{kind}' must be lower_snake_case",
                "e.g. wechat_openid, member_no, phone_hash",
            )
    if "user_id" in source.identifiers and "user_id" in source.columns:
        yield (
            (*loc, "identifiers", "user_id"),
            "user_id is both a column and an identifier",
            "keep one: a mapped user_id column already counts as identifier kind user_id",
        )
    needs_person = source.table in PERSON_TABLES or source.table == "identity_links"
    if needs_person and not source.identifier_columns():
        yield (
            (*loc, "identifiers"),
            f"{source.table} rows belong to a person but no identifier is mapped",
            "add `identifiers: {member_no: SOURCE_COLUMN}` or map user_id",
        )
    if not needs_person and source.identifiers:
        yield (*loc, "identifiers"), f"{source.table} has no persons", "remove `identifiers`"
    for kind, spec in source.columns.items():
        if kind == "user_id" and spec.is_constant:
            yield (*loc, "columns", kind), "user_id cannot be a constant", "map a source column"


def _rule_values(source: SourceConfig, loc: Loc) -> Iterator[Issue]:
    for column in source.values:
        spec = source.columns.get(column)
        if spec is None or spec.is_constant:
            yield (
                (*loc, "values", column),
                f"values for '{column}', which is not mapped from a source column",
                did_you_mean(column, source.columns, listing=False),
            )


def _rule_timestamps(source: SourceConfig, loc: Loc) -> Iterator[Issue]:
    if source.table not in TABLES:
        return
    time_columns = [c for c in source.columns if column_type(source, c) in TIME_TYPES]
    for column, spec in source.timestamps.items():
        where: Loc = (*loc, "timestamps", column) if column != DEFAULT_TS else (*loc, "timestamps")
        if column != DEFAULT_TS and column not in time_columns:
            yield (
                where,
                f"'{column}' is not a mapped time column",
                did_you_mean(column, time_columns),
            )
        if spec.timezone is not None:
            yield from _check_timezone(spec.timezone, (*where, "timezone"))
        for i, fmt in enumerate(spec.formats):
            if "%" not in fmt and fmt not in EPOCH_FORMATS:
                yield (
                    (*where, "formats", i),
                    f"'{fmt}' has no % codes",
                    "e.g. '%Y-%m-%d %H:%M:%S', or epoch / epoch_ms for Unix seconds / milliseconds",
                )


SOURCE_RULES: tuple[SourceRule, ...] = (
    _rule_table,
    _rule_location,
    _rule_text_options,
    _rule_columns,
    _rule_required,
    _rule_identifiers,
    _rule_values,
    _rule_timestamps,
)


def config_warnings(config: IngestConfig) -> list[str]:
    """Things that are allowed but probably not meant (shown in the report)."""
    warnings = []
    for source in config.sources:
        canonical = source.target.column_names
        for column in source.columns:
            if column in canonical:
                continue
            close = nearest(column, canonical, cutoff=0.8)
            if close and close not in source.columns:
                warnings.append(
                    f"source '{source.name}': '{column}' is kept as an extra column; "
                    f"did you mean the canonical '{close}'?"
                )
    return warnings
