"""pydantic's validation errors as problems a person can act on, at the line they point to.

pydantic reports a location such as `("metrics", 2, "derived", "expr", "args", 1, "Formula", "op")`
where some parts are union members rather than keys of the file. We walk the location along the
data to find the real path (and so the line), keep the errors of the union member that matches
the shape of the data, and phrase each error kind in plain words with a suggestion.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from pydantic_core import ErrorDetails

from semantic_layer.errors import close_matches, did_you_mean, one_of

from .problems import Problem
from .schema_walk import allowed_keys
from .spec import LIST_SECTIONS
from .spec_metrics import METRIC_TYPES
from .yaml_lines import Loc, LocatedYaml

SINGULAR = {
    "periods": "period",
    "dimensions": "dimension",
    "measures": "measure",
    "metrics": "metric",
    "touchpoints": "touchpoint",
    "journeys": "journey",
    "verified_queries": "verified query",
    "tables": "table",
    "policies": "policy",
}


@dataclass(frozen=True)
class Located:
    """One pydantic error placed in the file: the data path it concerns and union tags passed."""

    error: ErrorDetails
    path: Loc
    tags: tuple[str, ...]
    scalar_union: bool  # passed through a non-model member of a union (e.g. 'float', 'str')


def place(error: ErrorDetails, data: Any) -> Located | None:
    """Map the error's location onto the data; None when it belongs to a union member that does
    not match the data's shape (a mapping was given where a number would also do, and so on)."""
    path: list[str | int] = []
    tags: list[str] = []
    node, scalar_union = data, False
    for part in error["loc"]:
        if _has(node, part):
            node = node[part]
        elif part == error["loc"][-1] and error["type"] == "missing":
            continue
        else:
            tags.append(str(part))
            modelish = str(part)[:1].isupper() or part in _MODEL_TAGS
            if isinstance(node, dict) and not modelish:
                return None  # the scalar members' complaints about a mapping
            scalar_union = scalar_union or not modelish
            continue
        path.append(part)
    return Located(error, tuple(path), tuple(tags), scalar_union)


_MODEL_TAGS = frozenset((*METRIC_TYPES, "date_part", "map", "bucket"))


@dataclass(frozen=True)
class FormatProblem:
    """A problem from pydantic, with the data path it is about and pydantic's error type."""

    path: Loc
    type: str
    problem: Problem


def problems_from(
    errors: Iterable[ErrorDetails], located: LocatedYaml, file: str | None
) -> list[FormatProblem]:
    """One problem per distinct complaint, with the path of the data it is about."""
    placed = [p for p in (place(e, located.data) for e in errors) if p is not None]
    placed = [p for p in placed if not _consequence(p, placed)]
    seen: dict[tuple[Loc, str], Located] = {}
    merged: dict[Loc, list[Located]] = {}
    for p in placed:
        if p.scalar_union:
            merged.setdefault(p.path, []).append(p)
        else:
            seen.setdefault((p.path, p.error["type"]), p)
    out = [
        FormatProblem(p.path, p.error["type"], _problem(p, located, file)) for p in seen.values()
    ]
    for path, group in merged.items():
        out.append(FormatProblem(path, "union", _union_problem(group, located, file)))
    return out


def _consequence(p: Located, placed: list[Located]) -> bool:
    """A list "too short after validation" only because an item inside it failed."""
    if p.error["type"] != "too_short" or "after validation" not in p.error["msg"]:
        return False
    n = len(p.path)
    return any(len(o.path) > n and o.path[:n] == p.path for o in placed)


def _problem(p: Located, located: LocatedYaml, file: str | None) -> Problem:
    message, suggestion = _phrase(p, located.data)
    return Problem(message, suggestion, file, located.line(p.path), rule="format")


def _union_problem(group: list[Located], located: LocatedYaml, file: str | None) -> Problem:
    first = group[0]
    value = _value_at(located.data, first.path)
    expected = " or ".join(dict.fromkeys(_expected_of(g.error) for g in group))
    message = (
        f"invalid value {_show(value)} for '{_key(first.path)}'{_context(located.data, first.path)}"
    )
    return Problem(message, f"expected {expected}", file, located.line(first.path), rule="format")


def _expected_of(error: ErrorDetails) -> str:
    ctx = error.get("ctx") or {}
    if "expected" in ctx:
        return str(ctx["expected"])
    msg = error["msg"]
    return re.sub(r"^Input should be ", "", msg)


Phraser = Callable[[Located, Any], tuple[str, str]]


def _phrase(p: Located, data: Any) -> tuple[str, str]:
    phraser = _PHRASERS.get(p.error["type"], _generic)
    return phraser(p, data)


def _extra(p: Located, data: Any) -> tuple[str, str]:
    key = str(p.path[-1])
    keys = allowed_keys(p.error["loc"][:-1])
    hint = did_you_mean(close_matches(key, keys, n=1)) or one_of(keys)
    return f"unknown key '{key}'{_context(data, p.path[:-1], inner=True)}", hint


def _missing(p: Located, data: Any) -> tuple[str, str]:
    key = str(p.error["loc"][-1])
    return f"missing key '{key}'{_context(data, p.path, inner=True)}", f"add '{key}: …'"


def _literal(p: Located, data: Any) -> tuple[str, str]:
    value = _value_at(data, p.path)
    choices = re.findall(r"'([^']*)'", str((p.error.get("ctx") or {}).get("expected", "")))
    hint = did_you_mean(close_matches(str(value), choices, n=1)) or one_of(choices)
    return f"{_show(value)} is not a valid '{_key(p.path)}'{_context(data, p.path)}", hint


def _metric_type(p: Located, data: Any) -> tuple[str, str]:
    item = _value_at(data, p.path)
    where = _context(data, p.path, inner=True)
    if isinstance(item, dict) and "type" in item:
        hint = did_you_mean(close_matches(str(item["type"]), METRIC_TYPES, n=1))
        return f"unknown metric type {_show(item['type'])}{where}", hint or one_of(METRIC_TYPES)
    return (
        f"no 'type'{where}",
        "add 'type: simple' (with measure), ratio, derived or conversion",
    )


def _union_tag(p: Located, data: Any) -> tuple[str, str]:
    ctx = p.error.get("ctx") or {}
    choices = re.findall(r"'([^']*)'", str(ctx.get("expected_tags", "")))
    tag = str(ctx.get("tag", ""))
    hint = did_you_mean(close_matches(tag, choices, n=1)) or one_of(choices)
    return f"unknown kind {_show(tag)} for '{_key(p.path)}'{_context(data, p.path)}", hint


def _pattern(p: Located, data: Any) -> tuple[str, str]:
    value = _value_at(data, p.path)
    return (
        f"{_show(value)} is not a valid name for '{_key(p.path)}'{_context(data, p.path)}",
        "use letters, digits and '_', starting with a letter (e.g. conversion_rate)",
    )


def _generic(p: Located, data: Any) -> tuple[str, str]:
    msg = re.sub(r"^(Value error|Assertion failed), ", "", p.error["msg"])
    for python, plain in _PLAIN_WORDS:
        msg = msg.replace(python, plain)
    value = _value_at(data, p.path)
    shown = (
        f" (got {_show(value)})" if not isinstance(value, dict | list) and value is not None else ""
    )
    return f"'{_key(p.path)}'{_context(data, p.path)}: {msg[:1].lower()}{msg[1:]}{shown}", ""


_PLAIN_WORDS = (
    ("a valid tuple", "a list ([a, b])"),
    ("a valid list", "a list ([a, b])"),
    ("a valid dictionary", "a mapping (key: value)"),
    ("Tuple should", "it should"),
    ("List should", "it should"),
    (" after validation", ""),
)
_BOUNDS = {
    "greater_than": ">",
    "greater_than_equal": "≥",
    "less_than": "<",
    "less_than_equal": "≤",
}
_HINTS = {
    "percentile": "write it as a fraction: 0.9 for the 90th percentile",
    "window_days": "a whole number of days, at least 1",
}


def _bound(p: Located, data: Any) -> tuple[str, str]:
    ctx = p.error.get("ctx") or {}
    limit = next((v for k, v in ctx.items() if k in ("gt", "ge", "lt", "le")), "?")
    if isinstance(limit, float) and limit.is_integer():
        limit = int(limit)
    value = _value_at(data, p.path)
    key = _key(p.path)
    message = f"'{key}'{_context(data, p.path)} must be {_BOUNDS[p.error['type']]} {limit}"
    return f"{message} (got {_show(value)})", _HINTS.get(key, "")


_PHRASERS: Mapping[str, Phraser] = {
    **dict.fromkeys(_BOUNDS, _bound),
    "extra_forbidden": _extra,
    "missing": _missing,
    "literal_error": _literal,
    "metric_type": _metric_type,
    "union_tag_invalid": _union_tag,
    "string_pattern_mismatch": _pattern,
}


def _has(node: Any, part: str | int) -> bool:
    """Whether `node[part]` is a step into the data (a key of a mapping, an index of a list)."""
    if isinstance(node, dict):
        return part in node
    return isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node)


def _value_at(data: Any, path: Loc) -> Any:
    node = data
    for part in path:
        if _has(node, part):
            node = node[part]
        else:
            return None
    return node


def _key(path: Loc) -> str:
    named = [str(p) for p in path if isinstance(p, str)]
    return named[-1] if named else "model"


def _show(value: Any) -> str:
    return f"'{value}'" if isinstance(value, str) else repr(value)


def _context(data: Any, path: Loc, inner: bool = False) -> str:
    """` in metric 'x'` / ` in measure 'buyers' (filters[0])` / ` in settings` for `path`."""
    if not path:
        return "" if not inner else " at the top of the model"
    section = str(path[0])
    if len(path) == 1:
        return f" in {section}" if inner else ""
    item = _value_at(data, path[:2])
    if section in LIST_SECTIONS:
        name_key = LIST_SECTIONS[section]
        name = item.get(name_key) if isinstance(item, dict) and name_key else None
        owner = (
            f"{SINGULAR[section]} '{name}'" if name else f"{SINGULAR[section]} #{int(path[1]) + 1}"
        )
    elif section in SINGULAR:
        owner = f"{SINGULAR[section]} '{path[1]}'"
    else:
        owner = section
    rest = path[2:] if inner else path[2:-1]
    return f" in {owner}" + (f" ({_render_path(rest)})" if rest else "")


def _render_path(path: Loc) -> str:
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


__all__ = ["SINGULAR", "FormatProblem", "problems_from"]
