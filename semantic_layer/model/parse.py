"""From located YAML data to a `ModelSpec`, keeping every item that is well-formed.

pydantic checks the whole file at once and every complaint becomes a problem. Then, so that the
semantic rules can still check everything else in the same run, unknown keys are dropped and
items with any other complaint are left out (their names are remembered, so that references to
them do not raise a second, misleading problem), and the rest is parsed again.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from semantic_layer.errors import InternalError

from .problems import Problem
from .pydantic_errors import FormatProblem, problems_from
from .spec import LIST_SECTIONS, MAP_SECTIONS, ModelSpec
from .yaml_lines import Loc, LocatedYaml

SECTIONS = tuple(ModelSpec.model_fields)


@dataclass
class Parsed:
    """The parsed model (None when too broken to check further) and what was wrong."""

    spec: ModelSpec | None
    problems: list[Problem] = field(default_factory=list)
    where: dict[int, Loc] = field(default_factory=dict)  # id(item) → its path in the file
    broken: set[tuple[str, str]] = field(default_factory=set)  # (section, name) left out


def parse_located(located: LocatedYaml, file: str | None) -> Parsed:
    """Parse the model, returning every format problem with its line."""
    data = located.data
    if not isinstance(data, dict):
        what = "empty" if data is None else f"a {type(data).__name__}, not a mapping"
        hint = "start with 'version: 1', 'name: …', 'settings:' and 'tables:'"
        return Parsed(None, [Problem(f"the model is {what}", hint, file, 1, rule="format")])
    try:
        return _parsed(ModelSpec.model_validate(data), data, {})
    except ValidationError as e:
        found = problems_from(e.errors(), located, file)
    cleaned, kept, broken = _recover(data, found)
    try:
        parsed = _parsed(ModelSpec.model_validate(cleaned), data, kept)
    except ValidationError:
        parsed = Parsed(None)  # a top-level part is unusable: nothing more to check
    parsed.problems = [f.problem for f in found]
    parsed.broken = broken
    return parsed


def _parsed(spec: ModelSpec, data: dict[str, Any], kept: dict[str, list[int]]) -> Parsed:
    """The parse result, with each item's path in the file (`kept`: original list indexes)."""
    result = Parsed(spec)
    for section in LIST_SECTIONS:
        items: tuple[Any, ...] = getattr(spec, section)
        indexes = kept.get(section, list(range(len(items))))
        if len(items) != len(indexes):
            raise InternalError(f"lost track of the items of '{section}'")
        for item, index in zip(items, indexes, strict=True):
            result.where[id(item)] = (section, index)
    for section in MAP_SECTIONS:
        for key, item in getattr(spec, section).items():
            result.where[id(item)] = (section, key)
    result.where[id(spec.settings)] = ("settings",)
    result.where[id(spec)] = ()
    return result


def _recover(
    data: dict[str, Any], found: list[FormatProblem]
) -> tuple[dict[str, Any], dict[str, list[int]], set[tuple[str, str]]]:
    """`data` without unknown keys and without the items that have other problems; the indexes
    of the list items kept; and the names of the items left out."""
    cleaned: dict[str, Any] = {k: copy.deepcopy(v) for k, v in data.items() if k in SECTIONS}
    for f in found:
        if f.type == "extra_forbidden" and len(f.path) > 1:
            _drop_key(cleaned, f.path)
    cleaned.update(_placeholders(cleaned, found))
    for f in found:  # an optional section of the wrong shape: check the rest without it
        optional = f.path and f.path[0] in (*LIST_SECTIONS, "policies")
        if len(f.path) == 1 and optional and f.type != "extra_forbidden":
            cleaned.pop(str(f.path[0]), None)
    bad_items = {f.path[:2] for f in found if f.type != "extra_forbidden" and len(f.path) >= 2}
    kept: dict[str, list[int]] = {}
    broken: set[tuple[str, str]] = set()
    for section, name_key in LIST_SECTIONS.items():
        items = cleaned.get(section)
        if not isinstance(items, list):
            continue
        kept[section] = [i for i in range(len(items)) if (section, i) not in bad_items]
        for i in set(range(len(items))) - set(kept[section]):
            name = items[i].get(name_key) if isinstance(items[i], dict) and name_key else None
            if isinstance(name, str):
                broken.add((section, name))
        cleaned[section] = [items[i] for i in kept[section]]
    for section in MAP_SECTIONS:
        items = cleaned.get(section)
        if isinstance(items, dict):
            broken |= {(section, str(k)) for k in items if (section, k) in bad_items}
            cleaned[section] = {k: v for k, v in items.items() if (section, k) not in bad_items}
    return cleaned, kept, broken


def _drop_key(data: Any, path: Loc) -> None:
    node = data
    for part in path[:-1]:
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            return
    if isinstance(node, dict):
        node.pop(path[-1], None)


def _placeholders(data: dict[str, Any], found: list[FormatProblem]) -> dict[str, Any]:
    """Stand-ins for broken top-level values, so that the other sections can still be checked."""
    out: dict[str, Any] = {}
    heads = {f.path[:1] for f in found if f.type != "extra_forbidden"}
    if ("version",) in heads:
        out["version"] = 1
    if ("name",) in heads:
        out["name"] = "model"
    settings = data.get("settings")
    if ("settings",) in heads and isinstance(settings, dict):
        wrong = {f.path[1] for f in found if len(f.path) > 1 and f.path[0] == "settings"}
        fixed = {k: v for k, v in settings.items() if k not in wrong}
        fixed.setdefault("timezone", "UTC")
        out["settings"] = fixed
    return out


__all__ = ["SECTIONS", "Parsed", "parse_located"]
