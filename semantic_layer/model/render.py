"""A proposed model as YAML with comments: a header with what to review, a line before each
section, and a note of what the data showed above each dimension and touchpoint."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import yaml

from .profile import DataProfile

Row = dict[str, Any]

SECTION_NOTES = {
    "settings": "Settings: timezone, week start, windows, the purchase touchpoint, row limit.",
    "tables": "Tables: the time column that places a row in a period, the person (entity), joins.",
    "dimensions": "Dimensions: what metrics are broken down by. Add Chinese labels and synonyms.",
    "measures": "Measures: aggregations over one table, with structured filters.",
    "metrics": "Metrics: what people ask for. Add the words your users say to 'synonyms'.",
    "touchpoints": "Touchpoints: the values of events.touchpoint. Check each 'stage'.",
    "journeys": "Journeys: ordered steps for funnels and drop-off; exactly one is the default.",
    "periods": "Periods: your own sales, seasons and events by date, so questions can name them.",
    "policies": "Policies: what each role may see (see docs/semantic-layer.md).",
}


def render_proposal(data: Row, profile: DataProfile, source: str, notes: list[str]) -> str:
    """The model file text for `data` (a mapping in the file's format)."""
    lines = [
        f"# Semantic model proposed by `tpa init`{f' from {source}' if source else ''}.",
        "# Review it, then check it with `tpa validate`. The format: docs/semantic-layer.md.",
    ]
    if notes:
        lines += ["#", "# To review:"] + [f"#  - {n}" for n in notes]
    lines += ["", _dump(_Block(version=data["version"], name=data["name"]))]
    describe: dict[str, Callable[[Row], str]] = {
        "dimensions": lambda d: _dimension_note(d, profile),
        "touchpoints": lambda t: _touchpoint_note(t, profile),
    }
    for section, value in data.items():
        if section in ("version", "name") or value in ([], {}):
            continue
        lines += ["", f"# {SECTION_NOTES.get(section, section)}"]
        if isinstance(value, list):
            lines.append(f"{section}:")
            note = describe.get(section)
            for item in value:
                if note is not None and note(item):
                    lines.append(f"  # {note(item)}")
                lines.append(_indent(_dump([item]) if isinstance(item, dict) else str(item)))
        else:
            lines.append(_dump(_Block({section: value})))
    return "\n".join(lines).rstrip() + "\n"


class _Dumper(yaml.SafeDumper):
    """Block style, with lists indented under their key and short leaf collections inline."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


def _scalar(value: Any) -> bool:
    return not isinstance(value, dict | list)


def _leaf(value: Any) -> bool:
    if isinstance(value, list):
        return all(_scalar(v) for v in value)
    if isinstance(value, dict):
        return all(_scalar(v) or (isinstance(v, list) and _leaf(v)) for v in value.values())
    return True


def _represent_dict(dumper: yaml.SafeDumper, data: dict[Any, Any]) -> yaml.Node:
    inline = _leaf(data) and len(repr(data)) <= 70
    return dumper.represent_mapping("tag:yaml.org,2002:map", data.items(), flow_style=inline)


def _represent_list(dumper: yaml.SafeDumper, data: list[Any]) -> yaml.Node:
    return dumper.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=_leaf(data))


class _Block(dict[str, Any]):
    """A mapping always written in block style (the top level of the file)."""


def _represent_block(dumper: yaml.SafeDumper, data: _Block) -> yaml.Node:
    return dumper.represent_mapping("tag:yaml.org,2002:map", data.items(), flow_style=False)


_Dumper.add_representer(dict, _represent_dict)
_Dumper.add_representer(_Block, _represent_block)
_Dumper.add_representer(list, _represent_list)


def _dump(value: Any) -> str:
    text: str = yaml.dump(value, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100)
    return text.rstrip()


def _indent(text: str) -> str:
    return "\n".join(f"  {line}" if line else line for line in text.splitlines())


def _dimension_note(dim: Row, profile: DataProfile) -> str:
    if dim.get("type") == "time":
        return ""
    table = profile.table(str(dim.get("table")))
    column = table.column(str(dim.get("column"))) if table is not None else None
    if column is None:
        return ""
    where = f"{dim['table']}.{dim['column']}"
    if column.values is None:
        return f"{where}: about {column.distinct:,} values"
    return f"{where}: {len(column.values)} values, {column.nulls:,} rows without one"


def _touchpoint_note(tp: Row, profile: DataProfile) -> str:
    found = next((t for t in profile.touchpoints if t.id == tp.get("id")), None)
    if found is None:
        return ""
    where = f"step {found.person_rank:g} of a person's journey"
    if found.rank_unit == "session":
        where = f"step {found.median_rank:g} of a session, {where}"
    note = f"{found.events:,} events, {found.users:,} people; usually {where}"
    if "labels" not in tp:
        note += " — TODO: label it (its id is pinyin or a code; init does not guess what it means)"
    return note


__all__ = ["render_proposal"]
