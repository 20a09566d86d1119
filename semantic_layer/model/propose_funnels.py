"""The journeys `tpa init` proposes, as file rows: the default one (the path of the group of the
most people) and one for each other large group of people, each with a window from the time
people took along it."""

from __future__ import annotations

import re
from typing import Any

from .base import pretty
from .profile import DataProfile
from .propose_journey import Placement
from .propose_names import Namer, has_cjk, is_identifier, translate

Row = dict[str, Any]
DEFAULT_WINDOW_DAYS = 7
WINDOWS = (1, 3, 7, 14, 30, 60, 90, 180, 365)  # the window: the observed gap rounded up to one


def window_days(days: float) -> int:
    """`days` rounded up to a sensible window (1, 3, 7, 14, 30, 60, 90, 180 or 365 days)."""
    return next((w for w in WINDOWS if days <= w), WINDOWS[-1])


def journey_rows(
    placement: Placement, profile: DataProfile, namer: Namer, notes: list[str]
) -> list[Row]:
    """The proposed journeys, the default one first, with what to review in `notes`."""
    if not placement.journeys:
        notes.append("no journey proposed: add one with the steps of your main funnel")
        return []
    steps = placement.steps
    ends = "" if steps[-1] == placement.purchase else f", ending at {steps[-1]}"
    notes.append(
        f"the default journey ({' → '.join(steps)}) is the path most people follow{ends}; side "
        "steps that 20% or more of the people around them skip are left out"
    )
    rows = []
    sides = placement.sides or ("",) * len(placement.journeys)
    for i, (path, side) in enumerate(zip(placement.journeys, sides, strict=True)):
        row = _main(path) if i == 0 else _other(path, namer, side)
        row["window_days"] = _window(path, profile, notes, str(row["name"]))
        rows.append(row)
    if placement.purchase is None:
        notes.append(f"the default journey ends at {steps[-1]}, the touchpoint most people reach "
                     "last (there is no purchase touchpoint)")  # fmt: skip
    elif steps[-1] != placement.purchase:
        notes.append(
            f"the default journey ends at {steps[-1]}, not at the purchase ({placement.purchase}):"
            " most people are in another group that never reaches it (the other side of a "
            "marketplace?); the purchase has its own journey"
        )
    if len(rows) > 1:
        others = "; ".join(f"{r['name']}: {' → '.join(r['steps'])}" for r in rows[1:])
        notes.append(f"journeys of other groups of people (who do other touchpoints): {others}")
    if placement.side is not None:
        named = ", ".join(f"{v} → {r['name']}" for v, r in zip(sides, rows, strict=True))
        notes.append(f"users.{placement.side} splits people's paths: {named}")
    if placement.failures:
        notes.append(f"failures are not journey steps: {', '.join(placement.failures)}")
    return rows


def _main(steps: tuple[str, ...]) -> Row:
    return {
        "name": "main_journey",
        "labels": {"en": "main journey", "zh": "主要转化路径"},
        "synonyms": {"en": ["funnel", "main funnel"], "zh": ["漏斗", "转化漏斗"]},
        "steps": list(steps),
        "default": True,
    }


def _other(steps: tuple[str, ...], namer: Namer, side: str = "") -> Row:
    """A journey named after its group's side (`employer_journey`), else after its end."""
    end = side or steps[-1]
    words = _identifier(end)
    name = namer.name(f"{words}_journey" if words else "journey", f"the journey to {end}")
    labels = {"en": f"{pretty(words)} journey"} if words and not has_cjk(end) else {}
    if has_cjk(end):
        labels["zh"] = f"{end}路径"
    return {"name": name, **({"labels": labels} if labels else {}), "steps": list(steps)}


def _identifier(text: str) -> str | None:
    """`text` as identifier words: itself, its Chinese words translated, or its words joined."""
    if is_identifier(text):
        return text
    found = translate(text)
    if found is None and not has_cjk(text):
        found = "_".join(re.findall(r"[a-z0-9]+", text.lower())) or None
    return found if found is None or is_identifier(found) else None


def _window(steps: tuple[str, ...], profile: DataProfile, notes: list[str], name: str) -> int:
    gap = profile.journey_gap(steps)
    if gap is None or gap.people == 0:
        return DEFAULT_WINDOW_DAYS
    window = window_days(gap.p90_days)
    through = " through its steps in order" if gap.steps else ""
    notes.append(
        f"{name}: its window is {window} days: 90% of the people who reach {steps[-1]} after "
        f"{steps[0]}{through} do so within {gap.p90_days:.1f} days (median "
        f"{gap.median_days:.1f})"
    )
    return window


__all__ = ["DEFAULT_WINDOW_DAYS", "journey_rows", "window_days"]
