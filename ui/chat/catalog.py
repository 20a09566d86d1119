"""The side panel's contents: the catalog (`AssistantService.catalog`) as short lists naming every
metric, touchpoint and journey in English and Chinese, and the example questions by role."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from semantic_layer.phrasebook import CATALOGUES
from ui.chat.labels import group_name, ui_language, word
from ui.chat.render import Chip

SECTIONS = ("metrics", "touchpoints", "journeys", "dimensions")


@dataclass(frozen=True)
class CatalogSection:
    """One list of the catalog: its title and its Markdown bullet list."""

    key: str
    title: str
    markdown: str


@dataclass(frozen=True)
class ExampleGroup:
    """Example questions of one group of askers (marketing, operations, …)."""

    key: str
    title: str
    chips: tuple[Chip, ...]


@dataclass(frozen=True)
class CatalogView:
    """The side panel in one interface language."""

    sections: tuple[CatalogSection, ...]
    examples: tuple[ExampleGroup, ...]


def catalog_view(catalog: Mapping[str, Any], lang: str) -> CatalogView:
    """The panel for `catalog` with titles and example questions in `lang`."""
    sections = tuple(
        CatalogSection(key, word(key, lang), _bullets(catalog, key, lang))
        for key in SECTIONS
        if catalog.get(key)
    )
    examples = tuple(
        ExampleGroup(group, group_name(group, lang), _chips(items, lang))
        for group, items in dict(catalog.get("examples") or {}).items()
        if items
    )
    return CatalogView(sections, examples)


def both_names(item: Mapping[str, Any], lang: str) -> str:
    """ "Conversion rate · 转化率": the interface language's name first, then the other."""
    label = dict(item.get("label") or {})
    first = ui_language(lang)  # the interface language's name first, then the others
    names = [str(label.get(code) or "") for code in sorted(CATALOGUES, key=lambda c: c != first)]
    names = [n for n in names if n] or [str(item.get("name", ""))]
    if len(names) == 2 and names[0].casefold() == names[1].casefold():
        names = names[:1]
    return " · ".join(_capitalised(n) for n in names)


def _bullets(catalog: Mapping[str, Any], key: str, lang: str) -> str:
    items: Sequence[Mapping[str, Any]] = catalog.get(key) or []
    lines = [f"- {both_names(item, lang)}{_extra(catalog, key, item, lang)}" for item in items]
    return "\n".join(lines)


def _extra(catalog: Mapping[str, Any], key: str, item: Mapping[str, Any], lang: str) -> str:
    """Journeys also list their steps (by touchpoint name) and mark the default one."""
    if key != "journeys":
        return ""
    names = {
        str(t.get("name")): dict(t.get("label") or {}) for t in catalog.get("touchpoints") or []
    }
    code = ui_language(lang)
    steps = [str(names.get(s, {}).get(code) or s) for s in item.get("steps") or []]
    default = f" ({word('default_journey', lang)})" if item.get("default") else ""
    return f"{default}: {' → '.join(steps)}" if steps else default


def _chips(items: Sequence[Mapping[str, str]], lang: str) -> tuple[Chip, ...]:
    code = ui_language(lang)
    chips = []
    for item in items:
        text = item.get(code) or item.get("en") or next(iter(item.values()), "")
        if text:
            chips.append(Chip(text, text))
    return tuple(chips)


def _capitalised(name: str) -> str:
    return name[:1].upper() + name[1:] if name[:1].isascii() else name


__all__ = ["CatalogSection", "CatalogView", "ExampleGroup", "both_names", "catalog_view"]
