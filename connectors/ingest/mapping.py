"""Mapping and cleaning a source's rows onto its target table, in one set-based SELECT.

The result `_tpa_map_<i>` holds, per raw row: its position (`_tpa_row` = rowid in the raw table,
`_tpa_file_id`), every target column cleaned and typed, the row's identifiers (`_tpa_id_<n>`), a
content hash for duplicate detection, and `_tpa_reason` / `_tpa_kind` when it cannot be accepted.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from .config import TIME_TYPES, SourceConfig
from .config_rules import GENERATED, PERSON_TABLES, column_type
from .readers import FILE_ID, RawTable
from .sqltext import Scalar, ident, string_lit, text_lit
from .timestamps import describe_formats, time_sql

ROW, REASON, KIND, HASH = "_tpa_row", "_tpa_reason", "_tpa_kind", "_tpa_hash"
_SHOWN = 80  # characters of a bad value quoted in a reason


@dataclass(frozen=True)
class ColumnPlan:
    """How one target column is computed from the raw row."""

    target: str
    type: str
    value_sql: str  # the source value after value mapping (NULL when empty)
    clean_sql: str  # the typed value, computed from `_v<j>`
    failure: str  # SQL text of the reason when a present value cannot be converted ('' if never)
    label: str  # short reason kind for the report
    required: bool


@dataclass(frozen=True)
class MappingPlan:
    """Everything the mapping SELECT needs for one source."""

    index: int
    source: SourceConfig
    columns: tuple[ColumnPlan, ...]
    identifiers: tuple[tuple[str, str], ...]  # (kind, source column)

    @property
    def table(self) -> str:
        return f"_tpa_map_{self.index}"

    @property
    def id_columns(self) -> tuple[str, ...]:
        return tuple(f"_tpa_id_{n}" for n in range(len(self.identifiers)))

    @property
    def content(self) -> tuple[str, ...]:
        """Columns whose values make a row what it is (duplicates share all of them)."""
        return tuple(c.target for c in self.columns) + self.id_columns


def plan_mapping(
    source: SourceConfig, index: int, *, raw: RawTable, model_tz: str, actual: dict[str, str]
) -> MappingPlan:
    """Build the plan; `actual` maps configured source columns to their real names in the file."""
    plans: list[ColumnPlan] = []
    for target, spec in source.columns.items():
        if target == "user_id":
            continue  # becomes the stitched person id
        if spec.is_constant:
            value, source_type = text_lit(spec.value), "VARCHAR"
        else:
            name = actual[str(spec.column)]
            value, source_type = _source_value(raw.ref(name), raw.columns[name])
        if target in source.values:
            value, source_type = _value_map(value, source.values[target]), "VARCHAR"
        plans.append(
            _column_plan(
                source,
                target,
                value=value,
                source_type=source_type,
                model_tz=model_tz,
                j=len(plans),
                scale=spec.scale,
            )
        )
    ids = tuple((kind, actual[col]) for kind, col in source.identifier_columns().items())
    return MappingPlan(index, source, tuple(plans), ids)


def _source_value(ref: str, source_type: str) -> tuple[str, str]:
    return (f"NULLIF({ref}, '')" if source_type == "VARCHAR" else ref), source_type


def _value_map(value: str, mapping: Mapping[str, Scalar]) -> str:
    cases = " ".join(f"WHEN {string_lit(k)} THEN {text_lit(v)}" for k, v in mapping.items())
    return f"(CASE CAST({value} AS VARCHAR) {cases} ELSE CAST({value} AS VARCHAR) END)"


def _column_plan(
    source: SourceConfig,
    target: str,
    *,
    value: str,
    source_type: str,
    model_tz: str,
    j: int,
    scale: float | None = None,
) -> ColumnPlan:
    kind = column_type(source, target)
    required = target in source.target.required and target not in GENERATED
    v = f"_v{j}"
    shown = f"left(CAST({v} AS VARCHAR), {_SHOWN})"
    if kind in TIME_TYPES:
        spec = source.timestamp_spec(target)
        clean = time_sql(v, source_type, target_type=kind, spec=spec, model_tz=model_tz)
        tried = string_lit(f"' (formats tried: {describe_formats(spec)})")
        failure = f"'unparseable {target} ''' || {shown} || {tried}"
        return ColumnPlan(target, kind, value, clean, failure, f"unparseable {target}", required)
    if kind == "VARCHAR":
        return ColumnPlan(target, kind, value, f"CAST({v} AS VARCHAR)", "", "", required)
    to_type = string_lit(f"' to {kind}")
    failure = f"'cannot cast {target} ''' || {shown} || {to_type}"
    clean = f"TRY_CAST({v} AS {kind})"
    if scale is not None:  # cents to units: the number as read, times the scale, then the type
        clean = f"TRY_CAST(TRY_CAST({v} AS DOUBLE) {_times(scale)} AS {kind})"
    return ColumnPlan(target, kind, value, clean, failure, f"cannot cast {target}", required)


def _times(scale: float) -> str:
    """`* scale`, or `/ n` when the scale is 1/n: 1990 / 100 is 19.9, 1990 * 0.01 is not quite."""
    inverse = round(1 / scale) if scale else 0
    if inverse > 1 and abs(inverse * scale - 1) < 1e-12:
        return f"/ {inverse}"
    return f"* {float(scale)!r}"


def mapping_sql(plan: MappingPlan, raw: RawTable) -> str:
    """CREATE the map table: values → cleaned values → reasons, in one pass over the raw rows."""
    values = [f"{c.value_sql} AS _v{j}" for j, c in enumerate(plan.columns)]
    ids = [
        f"NULLIF(trim(CAST({raw.ref(col)} AS VARCHAR)), '') AS {ident(name)}"
        for (_, col), name in zip(plan.identifiers, plan.id_columns, strict=True)
    ]
    cleaned = [f"{c.clean_sql} AS _c{j}" for j, c in enumerate(plan.columns)]
    checks = _checks(plan)
    outputs = [f"_c{j} AS {ident(c.target)}" for j, c in enumerate(plan.columns)]
    reason = f"NULLIF(concat_ws('; ', {', '.join(q for q, _ in checks)}), '')" if checks else "NULL"
    kind = (
        (
            "CASE "
            + " ".join(f"WHEN {q} IS NOT NULL THEN {string_lit(label)}" for q, label in checks)
            + " END"
        )
        if checks
        else "NULL"
    )
    content = [f"_c{j}" for j in range(len(plan.columns))] + list(plan.id_columns)
    id_pass = [ident(n) for n in plan.id_columns]
    return f"""
        CREATE OR REPLACE TEMP TABLE {plan.table} AS
        WITH v AS (
          SELECT r.rowid AS {ROW}, r.{FILE_ID} {_lead(values)} {_lead(ids)}
          FROM {raw.table} r),
        c AS (SELECT * {_lead(cleaned)} FROM v)
        SELECT {ROW}, {FILE_ID} {_lead(outputs)} {_lead(id_pass)},
               {reason} AS {REASON}, {kind} AS {KIND},
               hash({", ".join(content) or "NULL"}) AS {HASH}
        FROM c"""


def _lead(items: list[str]) -> str:
    return "".join(f", {i}" for i in items)


def _checks(plan: MappingPlan) -> list[tuple[str, str]]:
    """(reason expression, label) per check, in the order reasons are reported."""
    checks = []
    for j, c in enumerate(plan.columns):
        if c.failure:
            checks.append(
                (f"CASE WHEN _v{j} IS NOT NULL AND _c{j} IS NULL THEN {c.failure} END", c.label)
            )
        if c.required:
            label = f"missing required column {c.target}"
            checks.append((f"CASE WHEN _v{j} IS NULL THEN {string_lit(label)} END", label))
    if plan.id_columns and plan.source.table in (*PERSON_TABLES, "identity_links"):
        kinds = ", ".join(k for k, _ in plan.identifiers)
        empty = " AND ".join(f"{ident(n)} IS NULL" for n in plan.id_columns)
        label = "no person identifier"
        text = string_lit(f"{label} ({kinds} empty)")
        checks.append((f"CASE WHEN {empty} THEN {text} END", label))
    return checks


def raw_json_sql(raw: RawTable) -> str:
    """The raw row `r` as a JSON object of its source columns."""
    if not raw.columns:
        return "'{}'"
    pairs = ", ".join(f"{string_lit(name)}, {raw.ref(name)}" for name in raw.columns)
    return f"CAST(json_object({pairs}) AS VARCHAR)"
