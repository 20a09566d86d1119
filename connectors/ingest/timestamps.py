"""Timestamp parsing as SQL: formats tried in order, converted from the source to the model tz.

Values are stored as naive TIMESTAMPs in the model's timezone. A naive source value is read in the
source's timezone; a value with its own offset (`+08:00`, `Z`, a `%z` format) is an instant, and so
is a Unix time (the formats `epoch` and `epoch_ms`, or, without formats, a value of 9–10 digits as
seconds or 12–13 digits as milliseconds).
"""

from __future__ import annotations

import re
from itertools import groupby

from .config import TimestampSpec
from .progress import Runner
from .sqltext import list_lit, string_lit

# An offset right after a time of day: 10:00:00+08:00, 10:00Z, 10:00:00.123 +0800.
_OFFSET_RE = r":\d\d(\.\d+)?\s*(Z|z|UTC|[+-]\d\d(:?\d\d)?)$"
ISO = "ISO 8601"
# Unix times: seconds (`%s` is the name strftime gives them) and milliseconds, read as instants.
EPOCH_FORMATS = {"epoch": 1, "%s": 1, "epoch_ms": 1000}
_EPOCH_S = r"^\d{9,10}(\.\d+)?$"
_EPOCH_MS = r"^\d{12,13}(\.\d+)?$"
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
    return "%z" in fmt or "%Z" in fmt or fmt in EPOCH_FORMATS


def _epoch(text: str, per_second: int) -> str:
    """A Unix time (seconds, or milliseconds when `per_second` is 1000) as a TIMESTAMPTZ."""
    number = f"try_cast({text} AS DOUBLE)"
    return (
        f"to_timestamp({number} / {per_second})" if per_second != 1 else f"to_timestamp({number})"
    )


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
    here = string_lit(model_tz)
    return (
        f"CASE WHEN regexp_matches({text}, {string_lit(_OFFSET_RE)}) "
        f"THEN timezone({here}, try_cast({text} AS TIMESTAMPTZ)) "
        f"WHEN regexp_matches({text}, {string_lit(_EPOCH_S)}) "
        f"THEN timezone({here}, {_epoch(text, 1)}) "
        f"WHEN regexp_matches({text}, {string_lit(_EPOCH_MS)}) "
        f"THEN timezone({here}, {_epoch(text, 1000)}) "
        f"ELSE {_to_model(f'try_cast({text} AS TIMESTAMP)', source_tz, model_tz)} END"
    )


def _parse_formats(text: str, formats: tuple[str, ...], source_tz: str, model_tz: str) -> str:
    """try_strptime per run of formats (with/without offsets), first success wins."""
    parts: list[str] = []
    for aware, run in groupby(formats, key=_aware):
        fmts = list(run)
        epochs = [f for f in fmts if f in EPOCH_FORMATS]
        if epochs:  # one format per part: a Unix time is no strptime format
            parts.extend(
                f"timezone({string_lit(model_tz)}, {_epoch(text, EPOCH_FORMATS[f])})"
                for f in epochs
            )
            fmts = [f for f in fmts if f not in EPOCH_FORMATS]
            if not fmts:
                continue
        parsed = f"try_strptime({text}, {list_lit(fmts)})"
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
    for fmt, pattern in (("epoch", _EPOCH_S), ("epoch_ms", _EPOCH_MS)):
        if all(re.match(pattern, s.strip()) for s in samples):
            return fmt
    values = ", ".join(f"({string_lit(s.strip())})" for s in samples)
    for fmt in CANDIDATE_FORMATS:
        ok = runner.scalar(
            f"SELECT count(*) = count(try_strptime(v, {string_lit(fmt)})) "
            f"FROM (VALUES {values}) t(v)"
        )
        if ok:
            return fmt
    return None
