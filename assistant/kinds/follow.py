"""`FollowUp`: how a follow-up question changes a plan of one kind.

A follow-up ("and by channel?", "the week before?", "只看微信", "why?") changes the previous plan
instead of starting over (`assistant/nlu/followup.py`). What the words do depends on the plan's
kind — "by channel" adds a breakdown to a metric, splits a funnel's steps, credits an attribution
by channel — and each kind says so here, in its unit, so that the planner asks `kind_of(name)`
and a new kind states its own rules without an edit to the planner. The defaults change nothing
of a kind's own: a new time and new filters still apply to every analysis.

    kind_of("metric").follow.split      # "add": "by channel" adds channel to its dimensions
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Split = Literal["add", "breakdown", "replace", "by"]
"""What "by <dimension>" does: `add` the dimensions to the plan's own (each one its metrics can be
split by; "instead" replaces them; at most five, an order by a name no longer shown is dropped);
the first as its `breakdown` (every step of every segment: no limit); `replace` its dimensions;
the first as its `by` when it is a channel or a touchpoint."""

Rank = Literal["order", "limit"]
"""How "top 5", "highest first" rank it: an `order` and limit on its first metric, or only a
`limit` on its rows ("top 5" only)."""

JOURNEY_KEYS: tuple[str, ...] = ("journey", "steps", "window_days")
"""The keys of a plan that walks a journey's steps (see `FollowUp.steps`)."""


@dataclass(frozen=True)
class FollowUp:
    """One kind's follow-up rules; every field says what the follow-up's words do to its plan."""

    why: bool = False
    """ "why?" (no metric of its own) asks what drove the change in its first metric: a drivers
    plan with its time, filters, comparison and breakdown."""
    revenue: bool = False
    """ "what about revenue?" measures revenue instead of conversions (its `value`)."""
    own_time: bool = False
    """A follow-up that becomes a plan of this kind keeps its own time, not the previous plan's
    (retention: its cohorts' time is its own)."""
    view: tuple[str, ...] = ()
    """After a plan of the same kind, a new one that names no breakdown of its own keeps these
    keys of the previous one that it does not say (its breakdown first): "and sessions?" after
    revenue by channel by week is sessions by channel by week."""
    steps: bool = False
    """It walks a journey's steps (its `JOURNEY_KEYS`): after another such plan it keeps the
    journey, steps and window when the question names no journey or touchpoint, and a value or a
    word that names another journey switches to it ("换成酒店的呢" after the flight funnel)."""
    touch_rule: str | None = None
    """The field "first touch" / "last touch" sets (a metric's `channel_rule`, an attribution's
    `model`); None: the words change nothing."""
    compare: bool = False
    """ "vs last week", "环比" sets its `compare`."""
    cohort: bool = False
    """Its people are cohorts: a channel in a filter is the channel they were acquired on."""
    narrows: bool = False
    """A new filter that names a narrower metric of its single metric switches to that metric
    ("其中投诉的呢" after tickets: complaint tickets) instead of filtering."""
    grain: bool = False
    """ "by week", "每天" makes it a series at that grain (its order and limit are dropped)."""
    rank: Rank | None = None
    """How "top 5", "highest first" rank it (see `Rank`); None: they change nothing."""
    direction: bool = False
    """ "and before it?" turns it round: its `direction` becomes after or before."""
    split: Split | None = None
    """What "by <dimension>" does to it (see `Split`); None: nothing."""


__all__ = ["JOURNEY_KEYS", "FollowUp", "Rank", "Split"]
