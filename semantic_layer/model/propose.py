"""`tpa init`: a first semantic model proposed from a profile of the data.

Tables with their time and entity columns, dimensions from low-cardinality columns (with their
values, named in both languages when the words are common; yes/no values named after their
column), touchpoints with a stage from their words or their position in people's journeys, a
default journey along the most common path to the purchase touchpoint, and the standard metrics
the tables allow. The result validates; the user reviews the guesses the comments point out.
Columns whose names are not identifiers (Chinese ones) keep their name in `column` and get an
identifier as the dimension's `name`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from semantic_layer.errors import UserError

from .base import pretty
from .lexicon import CHANNELS, COLUMNS, TOUCHPOINTS, VALUES, Words, words_for
from .pinyin import reads_as_pinyin
from .profile import DataProfile, TableProfile
from .propose_columns import unproposed_notes
from .propose_funnels import journey_rows
from .propose_journey import Placement, place_touchpoints
from .propose_merges import MIN_SHARED, counts, people_and_events, rehomed
from .propose_metrics import propose_metrics
from .propose_names import (
    TRUE_WORDS,
    Namer,
    column_labels,
    flag_value_labels,
    has_cjk,
    is_flag,
    is_identifier,
    is_opaque,
    translate,
)
from .render import render_proposal
from .rules.database import type_kind
from .spec import ModelSpec

Row = dict[str, Any]
TABLE_ORDER = ("events", "users", "tickets", "feedback", "marketing_costs")
TIME_COLUMNS = ("ts", "timestamp", "event_time", "opened_ts", "first_seen_ts", "date", "day")
GENERIC_COLUMNS = ("kind", "type", "category", "status", "source", "name", "level")
FREE_TEXT = ("comment", "comments", "text", "note", "notes", "message", "description", "title")


class ProposalError(UserError, ValueError):
    """The data leads to a model that does not validate: says which table or column."""


@dataclass(frozen=True)
class Proposal:
    """A proposed model: the parsed spec, the file text (YAML with comments) and what to review."""

    spec: ModelSpec
    text: str
    notes: tuple[str, ...]


def propose_model(profile: DataProfile, name: str = "my_model", source: str = "") -> Proposal:
    """Propose a model for the profiled database (`source` names it in the header comment).

    Raises:
        ProposalError: a part of the data cannot be modelled (one line naming it).
    """
    notes: list[str] = []
    tables = _usable_tables(profile, notes)
    placement = place_touchpoints(profile)
    metrics = propose_metrics(profile, placement)
    namer = Namer({"date", "main_journey", *(m["name"] for m in metrics.metrics)})
    data: Row = {
        "version": 1,
        "name": name,
        "settings": _settings(profile, placement.purchase, notes),
        "tables": _tables(tables, profile),
        "dimensions": _dimensions(tables, namer, notes),
        "measures": metrics.measures,
        "metrics": metrics.metrics,
        "touchpoints": _touchpoints(profile, placement, notes),
        "journeys": journey_rows(placement, profile, namer, notes),
        "policies": {"analyst": {"description": "everything", "metrics": "*", "dimensions": "*"}},
    }
    notes += metrics.notes + unproposed_notes(data, tables) + _opaque_notes(data)
    spec = _validated(data)
    return Proposal(spec, render_proposal(data, profile, source, notes), tuple(notes))


def _opaque_notes(data: Row) -> list[str]:
    """A note on the touchpoints and values whose label is a code that reads as nothing."""
    codes = [
        t["id"]
        for t in data["touchpoints"]
        if is_opaque(t["id"]) and t.get("labels", {}).get("en", "") in ("", pretty(t["id"]))
    ]
    pinyin = [t["id"] for t in data["touchpoints"] if "labels" not in t and t["id"] not in codes]
    notes = [
        f"ids in pinyin, left without a label (init does not guess their English): "
        f"{', '.join(pinyin)}; add labels: {{en: …, zh: …}} (TODO comments mark them)"
    ] if pinyin else []  # fmt: skip
    codes += [
        f"{d['name']}={v['value']}"
        for d in data["dimensions"]
        for v in d.get("values", [])
        if "labels" not in v and is_opaque(str(v["value"]))
    ]
    if not codes:
        return notes
    listed = ", ".join(codes[:20]) + (", …" if len(codes) > 20 else "")
    return [f"codes that need a label (people will not ask for them by code): {listed}", *notes]


def _validated(data: Row) -> ModelSpec:
    try:
        return ModelSpec.model_validate(data)
    except ValidationError as e:
        error = e.errors()[0]
        loc = tuple(error["loc"])
        node: Any = data
        for part in loc[:2]:
            if isinstance(node, dict):
                node = node.get(part)
            elif isinstance(node, list) and isinstance(part, int) and part < len(node):
                node = node[part]
        value = repr(error.get("input"))
        value = value if len(value) <= 60 else f"{value[:57]}..."
        raise ProposalError(
            f"{_describe(loc, node)}: {error['msg']} (at {'.'.join(map(str, loc))}, value {value})",
            hint="rename it in the database, or leave it out and write this part of the model "
            "by hand",
        ) from None


def _describe(loc: tuple[Any, ...], node: Any) -> str:
    """What the failing part of the proposal was made from: a table, column or touchpoint."""
    if loc[0] == "tables":
        return f"table '{_shown(loc[1])}'" if len(loc) > 1 else "the tables"
    if isinstance(node, dict) and "column" in node and "table" in node:
        return f"the dimension for column {_shown(node['table'])}.{_shown(node['column'])}"
    if isinstance(node, dict) and "id" in node:
        return f"touchpoint '{_shown(node['id'])}'"
    if isinstance(node, dict) and "name" in node:
        return f"{str(loc[0]).rstrip('s')} '{_shown(node['name'])}'"
    return str(loc[0])


def _shown(name: Any) -> str:
    """A name as printed: control characters escaped, so a message stays one line."""
    text = str(name)
    return text if text.isprintable() else repr(text)[1:-1]


def _usable_tables(profile: DataProfile, notes: list[str]) -> list[TableProfile]:
    usable = [t for t in _ordered(profile.tables) if is_identifier(t.name)]
    left_out = [t.name for t in profile.tables if not is_identifier(t.name)]
    if left_out:
        notes.append(
            f"tables left out (their names are not identifiers: letters, digits, _): "
            f"{', '.join(left_out)}; rename them or create views with such names"
        )
    return usable


def _settings(profile: DataProfile, purchase: str | None, notes: list[str]) -> Row:
    if profile.timezone is None:
        notes.append("settings.timezone is UTC: set the timezone your timestamps are in")
    settings: Row = {"timezone": profile.timezone or "UTC", "week_start": "monday"}
    settings.update(funnel_window_days=7, attribution_lookback_days=30, session_gap_minutes=30)
    if purchase is not None:
        settings["purchase_touchpoint"] = purchase
    else:
        notes.append("no purchase touchpoint found: set settings.purchase_touchpoint")
    settings.update(channel_rule="first_touch", row_limit=5000, default_role="analyst")
    return settings


def _tables(tables: list[TableProfile], profile: DataProfile) -> Row:
    users = profile.table("users")
    joinable = users is not None and users.column("user_id") is not None
    out: Row = {}
    for table in tables:
        spec: Row = {"description": table.description or pretty(table.name)}
        time = _time_column(table)
        if time is not None:
            spec["time"] = time
        if table.column("user_id") is not None:
            spec["entity"] = "user_id"
            if joinable and table.name not in ("users", "identity_links"):
                spec["joins"] = [{"table": "users", "on": "user_id"}]
        out[table.name] = spec
    return out


def _ordered(tables: tuple[TableProfile, ...]) -> list[TableProfile]:
    rank = {name: i for i, name in enumerate(TABLE_ORDER)}
    return sorted(tables, key=lambda t: (rank.get(t.name, len(rank)), t.name))


def _time_column(table: TableProfile) -> str | None:
    times = [
        c.name
        for c in table.columns
        if type_kind(c.type) == "time" and table.has_data(c.name) and _nameable(c.name)
    ]
    preferred = [c for c in TIME_COLUMNS if c in times]
    found = preferred or times
    return found[0] if found else None


def _dimensions(tables: list[TableProfile], namer: Namer, notes: list[str]) -> list[Row]:
    dims: list[Row] = []
    events = next((t for t in tables if t.name == "events"), None)
    if events is not None and _time_column(events) is not None:
        also = {
            t.name: _time_column(t)
            for t in tables
            if t.name != "events" and _time_column(t) is not None
        }
        date = {"name": "date", "type": "time", "table": "events", "column": _time_column(events)}
        dims.append(_with_words({**date, "also_in": also} if also else date, COLUMNS["date"]))
    by_key: dict[str, list[tuple[TableProfile, str]]] = {}
    for table in tables:
        if table.name == "identity_links":
            continue
        for column in table.columns:
            if _is_dimension(table, column.name):
                by_key.setdefault(_merge_key(table, column.name), []).append((table, column.name))
    for key, places, own in _split_apart(rehomed(by_key, notes)):
        if key != "touchpoint" and len(counts(places)) < 2:
            continue  # listed among the columns not proposed
        first, column_name = places[0]
        name = namer.name(key, f"{first.name}.{column_name}", prefix=_singular(first.name))
        dims.append(_categorical(name, places, own))
        notes += _only_elsewhere(name, places) + people_and_events(name, places)
    spaced = [f"{t.name}.'{c.name}'" for t in tables for c in t.columns if not _nameable(c.name)]
    if spaced:
        notes.append(
            f"columns left out (spaces around their names): {', '.join(spaced)}; rename them"
        )
    if namer.made_up:
        made = ", ".join(f"{n} ({what})" for n, what in namer.made_up)
        notes.append(f"dimension names given to columns that are not identifiers: {made}")
    return dims


def _nameable(column: str) -> bool:
    """Whether a model can name the column (its format strips spaces around names)."""
    return bool(column.strip()) and column == column.strip()


def _is_dimension(table: TableProfile, name: str) -> bool:
    column = table.column(name)
    if not _nameable(name):
        return False
    if name == "touchpoint" and column is not None:
        return True  # its values are the touchpoints section, however many
    if column is None or column.values is None or not column.values:
        return False
    if type_kind(column.type) not in ("text", "bool"):
        return False
    lowered = name.lower()
    return not (lowered == "id" or lowered.endswith("_id") or lowered in FREE_TEXT)


def _singular(table: str) -> str:
    return table[:-1] if table.endswith("s") else table


def _merge_key(table: TableProfile, column: str) -> str:
    """Columns with the same key in several tables are one dimension (`also_in`)."""
    if column.lower() not in GENERIC_COLUMNS or table.name == "events":
        return column
    return f"{_singular(table.name)}_{column}"


def _split_apart(
    by_key: dict[str, list[tuple[TableProfile, str]]],
) -> list[tuple[str, list[tuple[TableProfile, str]], bool]]:
    """(key, columns, whether split off) for each dimension: the merged columns, with a column
    of another table whose values barely overlap the first one's (fewer than half its rows or
    half its distinct values: ticket channels beside event channels) made a dimension of its
    own, named after its table."""
    out: list[tuple[str, list[tuple[TableProfile, str]], bool]] = []
    for key, places in by_key.items():
        first = counts(places[:1])
        kept, apart = places[:1], []
        for table, column in places[1:]:
            values = counts([(table, column)])
            shared = sum(n for v, n in values.items() if v in first)
            common = sum(1 for v in values if v in first)
            rows, kinds = sum(values.values()), len(values)
            if first and values and (shared < MIN_SHARED * rows or common < MIN_SHARED * kinds):
                apart.append((f"{_singular(table.name)}_{column}", [(table, column)], True))
            else:
                kept.append((table, column))
        out += [(key, kept, False), *apart]
    return out


def _only_elsewhere(name: str, places: list[tuple[TableProfile, str]]) -> list[str]:
    """A note on the values of a merged dimension that only its other tables have."""
    first = counts(places[:1])
    notes = []
    for table, column in places[1:]:
        only = [v for v in counts([(table, column)]) if v not in first]
        if first and only:
            listed = ", ".join(only[:10]) + (", …" if len(only) > 10 else "")
            notes.append(
                f"values of {name} in {table.name}.{column} never seen in "
                f"{places[0][0].name}.{places[0][1]}: {listed}; not listed among its values: check "
                f"they are {pretty(name)} values (not fees or other costs) before comparing them"
            )
    return notes


def _categorical(name: str, places: list[tuple[TableProfile, str]], own: bool = False) -> Row:
    """A dimension over `places` (its columns); `own` when it was named after its table (a
    ticket's channel): the lexicon's words for the column are the other dimension's."""
    (table, column), others = places[0], places[1:]
    dim: Row = {"name": name, "table": table.name, "column": column}
    if others:
        dim["also_in"] = {t.name: c for t, c in others}
    words = words_for(COLUMNS, name) or (None if own else words_for(COLUMNS, column))
    labels = column_labels(column)
    if own and labels is None:
        labels = {"en": pretty(name)}
    if words is not None:
        labels = {"en": words.en, "zh": column if has_cjk(column) else words.zh}
    if name == "touchpoint":
        return _with_words(dim, words)
    seen = counts(places)
    found = table.column(column)
    boolean = found is not None and type_kind(found.type) == "bool"
    flag = boolean or is_flag(seen)  # true/false, or text such as 是/否, Y/N
    yes: Row = {}
    no: Row = {}
    if flag:
        labels, yes, no = flag_value_labels(column, labels)
    values: list[Row] = []
    main = counts(places[:1])  # values only another table has are in a note instead
    for value, _ in sorted(seen.items(), key=lambda kv: -kv[1]):
        if main and value not in main:
            continue
        row: Row = {"value": value == "true" if boolean else value}
        if flag:
            named = yes if value.strip().lower() in TRUE_WORDS else no
            row.update({"labels": named} if named else {})
        else:
            row.update(_value_words(value, channels=not own))
        values.append(row)
    return {**_with_words(dim, words, labels, column), "values": values}


def _value_words(value: str, channels: bool = True) -> Row:
    words = (words_for(CHANNELS, value) if channels else None) or words_for(VALUES, value)
    if words is None:
        return {}
    row: Row = {"labels": {"en": words.en, "zh": words.zh}}
    synonyms = [*words.synonyms_en, *words.synonyms_zh]
    if synonyms:
        row["synonyms"] = synonyms
    return row


def _with_words(row: Row, words: Words | None, labels: Row | None = None, column: str = "") -> Row:
    """`row` with labels (given, else from `words`) and the synonyms of `words`."""
    if labels is None and words is not None:
        labels = {"en": words.en, "zh": words.zh}
    out = dict(row)
    if labels:
        out["labels"] = {k: v for k, v in labels.items() if v}
    if words is not None:
        zh = [*([words.zh] if has_cjk(column) and words.zh else []), *words.synonyms_zh]
        synonyms = {"en": list(words.synonyms_en), "zh": [w for w in zh if w != column]}
        out["synonyms"] = {k: list(dict.fromkeys(v)) for k, v in synonyms.items() if v}
    return out


def _touchpoints(profile: DataProfile, placement: Placement, notes: list[str]) -> list[Row]:
    rows = []
    for tp in sorted(profile.touchpoints, key=lambda t: t.order):
        row: Row = {"id": tp.id, "stage": placement.stages[tp.id]}
        if tp.main_channel is not None:
            row["channel"] = tp.main_channel
        words = words_for(TOUCHPOINTS, tp.id)
        if words is None and has_cjk(tp.id):
            english = translate(tp.id)
            labels = {"en": pretty(english) if english else "", "zh": tp.id}
            rows.append(_with_words(row, None, labels))
        elif words is None and (is_opaque(tp.id) or reads_as_pinyin(tp.id)):
            rows.append(row)  # no English made up from pinyin or a code: the user labels it
        else:
            rows.append(_with_words(row, words or Words(pretty(tp.id))))
    if placement.stages:
        guessed = ", ".join(
            f"{tp} → {stage}{' (from its position)' if tp in placement.by_position else ''}"
            for tp, stage in placement.stages.items()
        )
        notes.append(f"stages guessed from the ids' words and the order people go in: {guessed}")
    return rows


__all__ = ["Proposal", "propose_model"]
