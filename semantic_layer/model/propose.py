"""`tpa init`: a first semantic model proposed from a profile of the data.

Tables with their time and entity columns, dimensions from low-cardinality columns (with their
values, named in both languages when the words are common), touchpoints with a guessed stage, a
default journey along the main path to the purchase touchpoint, and the standard metrics the
tables allow. The result validates; the user reviews the guesses the comments point out.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from semantic_layer.errors import normalise

from .base import pretty
from .lexicon import CHANNELS, COLUMNS, TOUCHPOINTS, VALUES, Words, guess_stage, words_for
from .profile import DataProfile, TableProfile, TouchpointProfile
from .propose_metrics import propose_metrics
from .render import render_proposal
from .rules.database import type_kind
from .spec import ModelSpec

Row = dict[str, Any]
TABLE_ORDER = ("events", "users", "tickets", "feedback", "marketing_costs")
TIME_COLUMNS = ("ts", "timestamp", "event_time", "opened_ts", "first_seen_ts", "date", "day")
GENERIC_COLUMNS = ("kind", "type", "category", "status", "source", "name", "level")
FREE_TEXT = ("comment", "comments", "text", "note", "notes", "message", "description", "title")
PURCHASE_NAMES = ("payment", "purchase", "pay", "paid", "order_paid", "buy", "order")
MIN_STEP_REACH = 0.05  # a journey step is reached by at least 5% of people


@dataclass(frozen=True)
class Proposal:
    """A proposed model: the parsed spec, the file text (YAML with comments) and what to review."""

    spec: ModelSpec
    text: str
    notes: tuple[str, ...]


def propose_model(profile: DataProfile, name: str = "my_model", source: str = "") -> Proposal:
    """Propose a model for the profiled database (`source` names it in the header comment)."""
    notes: list[str] = []
    touchpoints = _touchpoints(profile, notes)
    purchase = _purchase_touchpoint(profile)
    steps = _main_path(profile, purchase)
    metrics = propose_metrics(profile, purchase, steps[-2:])
    data: Row = {
        "version": 1,
        "name": name,
        "settings": _settings(profile, purchase, notes),
        "tables": _tables(profile),
        "dimensions": _dimensions(profile, notes),
        "measures": metrics.measures,
        "metrics": metrics.metrics,
        "touchpoints": touchpoints,
        "journeys": _journeys(steps, notes),
        "policies": {"analyst": {"description": "everything", "metrics": "*", "dimensions": "*"}},
    }
    spec = ModelSpec.model_validate(data)
    return Proposal(spec, render_proposal(data, profile, source, notes), tuple(notes))


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


def _tables(profile: DataProfile) -> Row:
    users = profile.table("users")
    tables: Row = {}
    for table in _ordered(profile.tables):
        spec: Row = {"description": f"{table.rows:,} rows"}
        time = _time_column(table)
        if time is not None:
            spec["time"] = time
        if table.column("user_id") is not None:
            spec["entity"] = "user_id"
            joinable = users is not None and users.column("user_id") is not None
            if joinable and table.name not in ("users", "identity_links"):
                spec["joins"] = [{"table": "users", "on": "user_id"}]
        tables[table.name] = spec
    return tables


def _ordered(tables: tuple[TableProfile, ...]) -> list[TableProfile]:
    rank = {name: i for i, name in enumerate(TABLE_ORDER)}
    return sorted(tables, key=lambda t: (rank.get(t.name, len(rank)), t.name))


def _time_column(table: TableProfile) -> str | None:
    times = [
        c.name for c in table.columns if type_kind(c.type) == "time" and table.has_data(c.name)
    ]
    preferred = [c for c in TIME_COLUMNS if c in times]
    found = preferred or times
    return found[0] if found else None


def _dimensions(profile: DataProfile, notes: list[str]) -> list[Row]:
    dims: list[Row] = []
    events = profile.table("events")
    if events is not None and _time_column(events) is not None:
        also = {
            t.name: _time_column(t)
            for t in _ordered(profile.tables)
            if t.name != "events" and _time_column(t) is not None
        }
        date = {"name": "date", "type": "time", "table": "events", "column": _time_column(events)}
        dims.append(_named({**date, "also_in": also} if also else date, COLUMNS["date"]))
    by_name: dict[str, list[tuple[TableProfile, str]]] = {}
    for table in _ordered(profile.tables):
        if table.name == "identity_links":
            continue
        for column in table.columns:
            if _is_dimension(table, column.name):
                by_name.setdefault(_dimension_name(table, column.name), []).append(
                    (table, column.name)
                )
    for name, places in by_name.items():
        dims.append(_categorical(name, places))
    skipped = _skipped_text_columns(profile)
    if skipped:
        notes.append(f"not proposed as dimensions (too many values or free text): {skipped}")
    return dims


def _is_dimension(table: TableProfile, name: str) -> bool:
    column = table.column(name)
    if name == "touchpoint" and column is not None:
        return True  # its values are the touchpoints section, however many
    if column is None or column.values is None or not column.values:
        return False
    if type_kind(column.type) not in ("text", "bool"):
        return False
    lowered = name.lower()
    return not (lowered == "id" or lowered.endswith("_id") or lowered in FREE_TEXT)


def _dimension_name(table: TableProfile, column: str) -> str:
    if column.lower() not in GENERIC_COLUMNS or table.name == "events":
        return column
    singular = table.name[:-1] if table.name.endswith("s") else table.name
    return f"{singular}_{column}"


def _categorical(name: str, places: list[tuple[TableProfile, str]]) -> Row:
    (table, column), others = places[0], places[1:]
    dim: Row = {"name": name, "table": table.name, "column": column}
    if others:
        dim["also_in"] = {t.name: c for t, c in others}
    if name != "touchpoint":
        dim["values"] = _values(places)
    return _named(dim, words_for(COLUMNS, name))


def _values(places: list[tuple[TableProfile, str]]) -> list[Row]:
    counts: dict[str, int] = {}
    boolean = False
    for table, column in places:
        profile = table.column(column)
        if profile is None:
            continue
        boolean = boolean or type_kind(profile.type) == "bool"
        for value, n in profile.values or ():
            counts[value] = counts.get(value, 0) + n
    rows = []
    for value, _ in sorted(counts.items(), key=lambda kv: -kv[1]):
        words = words_for(CHANNELS, value) or words_for(VALUES, value)
        row: Row = {"value": value == "true" if boolean else value}
        if words is not None:
            row["labels"] = {"en": words.en, "zh": words.zh}
            synonyms = [*words.synonyms_en, *words.synonyms_zh]
            if synonyms:
                row["synonyms"] = synonyms
        rows.append(row)
    return rows


def _named(row: Row, words: Words | None) -> Row:
    if words is None:
        return row
    out = {k: v for k, v in row.items() if k != "values"}
    out["labels"] = {"en": words.en, "zh": words.zh} if words.zh else {"en": words.en}
    synonyms = {"en": list(words.synonyms_en), "zh": list(words.synonyms_zh)}
    out["synonyms"] = {k: v for k, v in synonyms.items() if v}
    if "values" in row:
        out["values"] = row["values"]
    return out


def _skipped_text_columns(profile: DataProfile) -> str:
    skipped = [
        f"{t.name}.{c.name}"
        for t in profile.tables
        for c in t.columns
        if type_kind(c.type) == "text"
        and not _is_dimension(t, c.name)
        and not c.name.lower().endswith("_id")
        and c.name.lower() not in ("id", "touchpoint")
        and t.has_data(c.name)
        and t.name != "identity_links"
    ]
    return ", ".join(skipped)


def _touchpoints(profile: DataProfile, notes: list[str]) -> list[Row]:
    rows = []
    guessed = []
    for tp in sorted(profile.touchpoints, key=lambda t: (t.median_rank, t.mean_rank, t.id)):
        stage = guess_stage(tp.id)
        if stage is None:
            stage = "interest"
            guessed.append(tp.id)
        row: Row = {"id": tp.id, "stage": stage}
        if tp.main_channel is not None:
            row["channel"] = tp.main_channel
        rows.append(_named(row, words_for(TOUCHPOINTS, tp.id) or Words(pretty(tp.id))))
    if guessed:
        notes.append(f"stage 'interest' is a guess for: {', '.join(guessed)}")
    return rows


def _purchase_touchpoint(profile: DataProfile) -> str | None:
    """The touchpoint that carries revenue, else one named like a purchase."""
    paying = [t for t in profile.touchpoints if t.with_revenue > 0]
    if paying:
        return max(paying, key=lambda t: t.with_revenue).id
    ids = {normalise(t.id): t.id for t in profile.touchpoints}
    return next((ids[n] for n in PURCHASE_NAMES if n in ids), None)


def _main_path(profile: DataProfile, purchase: str | None) -> tuple[str, ...]:
    """Consideration-to-purchase touchpoints that enough people reach, in their usual order,
    ending at the purchase touchpoint; each step reached by at least as many as the next."""
    if purchase is None or not profile.users:
        return ()
    by_id = {t.id: t for t in profile.touchpoints}
    end = by_id[purchase]
    candidates = [
        t
        for t in profile.touchpoints
        if t.id != purchase
        and guess_stage(t.id) in ("consideration", "purchase")
        and t.users >= MIN_STEP_REACH * profile.users
        and (t.median_rank, t.mean_rank) < (end.median_rank, end.mean_rank)
    ]
    ordered = sorted(candidates, key=lambda t: (t.median_rank, t.mean_rank))
    kept: list[TouchpointProfile] = [end]
    for tp in reversed(ordered):
        if tp.users >= kept[0].users:
            kept.insert(0, tp)
    return tuple(t.id for t in kept) if len(kept) >= 2 else ()


def _journeys(steps: tuple[str, ...], notes: list[str]) -> list[Row]:
    if not steps:
        notes.append("no journey proposed: add one with the steps of your main funnel")
        return []
    notes.append(f"the default journey ({' → '.join(steps)}) is the usual order in the data")
    return [
        {
            "name": "main_journey",
            "labels": {"en": "main journey", "zh": "主要转化路径"},
            "synonyms": {"en": ["funnel", "main funnel"], "zh": ["漏斗", "转化漏斗"]},
            "steps": list(steps),
            "window_days": 7,
            "default": True,
        }
    ]


__all__ = ["Proposal", "propose_model"]
