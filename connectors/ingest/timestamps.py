"""Timestamp parsing as SQL: formats tried in order, converted from the source to the model tz.

Values are stored as naive TIMESTAMPs in the model's timezone. A naive source value is read in the
source's timezone; a value with its own offset (`+08:00`, `Z`, a `%z` format) is an instant.
"""

from __future__ import annotations

from itertools import groupby

from .config import TimestampSpec
from .progress import Runner
from .sqltext import list_lit, string_lit

# An offset right after a time of day: 10:00:00+08:00, 10:00Z, 10:00:00.123 +0800.
_OFFSET_RE = r":\d\d(\.\d+)?\s*(Z|z|UTC|[+-]\d\d(:?\d\d)?)$"
ISO = "ISO 8601"
CANDIDATE_FORMATS = (
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%Y/%m/%d %H:%M:%S",
    "%Y/%m/%d %H:%M",
    "%Y-%m-%d",
    "%Y/%m/%d",
    "%d/%m/%Y %H:%M:%S",
    "%m/%d/%Y %H:%M:%S",
    "%d/%m/%Y %H:%M",
    "%m/%d/%Y %H:%M",
    "%d/%m/%Y",
    "%m/%d/%Y",
    "%d.%m.%Y %H:%M:%S",
    "%d.%m.%Y",
    "%Y%m%d%H%M%S",
    "%Y%m%d",
    "%Y年%m月%d日 %H:%M:%S",
    "%Y年%m月%d日 %H:%M",
    "%Y年%m月%d日",
    "%Y-%m-%dT%H:%M:%S.%f",
    "%d-%b-%Y %H:%M:%S",
    "%b %d %Y %H:%M:%S",
    "%a, %d %b %Y %H:%M:%S %z",
)


def _aware(fmt: str) -> bool:
    return "%z" in fmt or "%Z" in fmt


def describe_formats(spec: TimestampSpec) -> str:
    return ", ".join(spec.formats) if spec.formats else ISO


def time_sql(
    value: str, source_type: str, *, target_type: str, spec: TimestampSpec, model_tz: str
) -> str:
    """SQL turning `value` (a source column or mapped value) into the target time type."""
    source_tz = spec.timezone or model_tz
    upper = source_type.upper()
    if upper.startswith("TIMESTAMP WITH TIME ZONE") or upper == "TIMESTAMPTZ":
        instant = f"timezone({string_lit(model_tz)}, {value})"
        return f"CAST({instant} AS DATE)" if target_type == "DATE" else instant
    if upper.startswith("TIMESTAMP") or upper == "DATE":
        if target_type == "DATE":
            return f"CAST({value} AS DATE)"
        return _to_model(f"CAST({value} AS TIMESTAMP)", source_tz, model_tz)
    text = f"trim(CAST({value} AS VARCHAR))"
    if target_type == "DATE":
        if spec.formats:
            return f"CAST({_parse_formats(text, spec.formats, source_tz, source_tz)} AS DATE)"
        return f"coalesce(try_cast({text} AS DATE), CAST(try_cast({text} AS TIMESTAMP) AS DATE))"
    if spec.formats:
        return _parse_formats(text, spec.formats, source_tz, model_tz)
    return (
        f"CASE WHEN regexp_matches({text}, {string_lit(_OFFSET_RE)}) "
        f"THEN timezone({string_lit(model_tz)}, try_cast({text} AS TIMESTAMPTZ)) "
        f"ELSE {_to_model(f'try_cast({text} AS TIMESTAMP)', source_tz, model_tz)} END"
    )


def _parse_formats(text: str, formats: tuple[str, ...], source_tz: str, model_tz: str) -> str:
    """try_strptime per run of formats (with/without offsets), first success wins."""
    parts = []
    for aware, run in groupby(formats, key=_aware):
        parsed = f"try_strptime({text}, {list_lit(list(run))})"
        parts.append(
            f"timezone({string_lit(model_tz)}, {parsed})"
            if aware
            else _to_model(parsed, source_tz, model_tz)
        )
    return parts[0] if len(parts) == 1 else f"coalesce({', '.join(parts)})"


def _to_model(naive: str, source_tz: str, model_tz: str) -> str:
    if source_tz == model_tz:
        return naive
    return f"timezone({string_lit(model_tz)}, timezone({string_lit(source_tz)}, {naive}))"


def suggest_format(runner: Runner, samples: list[str]) -> str | None:
    """The first common format that parses every sample value (for error messages)."""
    if not samples:
        return None
    values = ", ".join(f"({string_lit(s.strip())})" for s in samples)
    for fmt in CANDIDATE_FORMATS:
        ok = runner.scalar(
            f"SELECT count(*) = count(try_strptime(v, {string_lit(fmt)})) "
            f"FROM (VALUES {values}) t(v)"
        )
        if ok:
            return fmt
    return None
