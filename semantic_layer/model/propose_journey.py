"""Where touchpoints sit in people's journeys, for `tpa init`: the purchase touchpoint, each
touchpoint's stage, and the default journey.

The purchase is the revenue-bearing touchpoint people do first and once: of those with revenue
(not negative in total, as refunds are) and reached by enough people, the fewest events per
person, then the earliest in people's journeys, so a first payment wins over the renewals or
instalments after it even when those are more common rows.

Stages come from the words of the id (`stages.guess_stage`) within what its position relative
to the purchase allows: usually after it → retention or advocacy (whatever the words say);
before it → the words' stage, or, when the words say nothing or say retention/advocacy (a
sign-up), interest (the earlier half) or consideration (the later half). The default journey is
the most common ordered path, per person and by first occurrence, that ends at the purchase
touchpoint (else at the touchpoint most people reach last): built backwards, each step is the
touchpoint most of the people on the path did before it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import pairwise

from semantic_layer.errors import normalise

from .profile import DataProfile, TouchpointProfile
from .spec import Stage
from .stages import guess_stage

PURCHASE_NAMES = ("payment", "purchase", "pay", "paid", "order_paid", "buy")
MIN_STEP_REACH = 0.05  # every step of the default journey: at least 5% of people …
KEEP_SHARE = 0.5  # … and most of the people who go on along the rest of it
MAX_STEPS = 8
MIN_PURCHASE_REACH = 0.2  # the purchase: paid by at least a fifth as many people as the most
AFTER_PURCHASE: tuple[Stage, ...] = ("retention", "advocacy")


class Paths:
    """People's paths (touchpoints by first occurrence) with how many people took each."""

    def __init__(self, paths: tuple[tuple[tuple[str, ...], int], ...]) -> None:
        self.positions = [({tp: i for i, tp in enumerate(p)}, n) for p, n in paths]
        self.people = sum(n for _, n in paths)

    def _along(self, steps: tuple[str, ...]) -> Iterator[tuple[dict[str, int], int]]:
        """The paths (as positions) that pass through `steps` in this order."""
        for pos, n in self.positions:
            at = [pos.get(s, -1) for s in steps]
            if min(at) >= 0 and all(a < b for a, b in pairwise(at)):
                yield pos, n

    def reach(self, steps: tuple[str, ...]) -> int:
        """People whose path passes through `steps` in this order."""
        return sum(n for _, n in self._along(steps))

    def predecessors(self, steps: tuple[str, ...]) -> dict[str, tuple[int, float]]:
        """touchpoint → (people who reach it before going through `steps` in order, how many
        touchpoints before the first step it comes on average)."""
        found: dict[str, tuple[int, int]] = {}
        for pos, n in self._along(steps):
            head = pos[steps[0]]
            for tp, i in pos.items():
                if i < head:
                    people, gaps = found.get(tp, (0, 0))
                    found[tp] = (people + n, gaps + n * (head - i))
        return {tp: (people, gaps / people) for tp, (people, gaps) in found.items()}

    def before(self, first: str, then: str) -> tuple[int, int]:
        """(people who reach both, people who reach `first` before `then`)."""
        both = ahead = 0
        for pos, n in self.positions:
            if first in pos and then in pos:
                both += n
                ahead += n if pos[first] < pos[then] else 0
        return both, ahead

    def most_often_last(self) -> str | None:
        """The touchpoint that is the last one of the most people's paths."""
        counts: dict[str, int] = {}
        for pos, n in self.positions:
            if pos:
                last = max(pos, key=lambda tp: pos[tp])
                counts[last] = counts.get(last, 0) + n
        return max(sorted(counts), key=lambda tp: counts[tp]) if counts else None


@dataclass(frozen=True)
class Placement:
    """The purchase touchpoint, the journey's end, stages (and which came from position)."""

    purchase: str | None
    end: str | None
    stages: dict[str, Stage]
    by_position: dict[str, Stage] = field(default_factory=dict)  # not what the words say
    steps: tuple[str, ...] = ()


def place_touchpoints(profile: DataProfile) -> Placement:
    """Stages of every touchpoint and the default journey's steps."""
    ordered = sorted(profile.touchpoints, key=lambda t: t.order)
    worded = {t.id: guess_stage(t.id) for t in ordered}
    paths = Paths(profile.paths)
    purchase = _purchase(ordered, worded)
    end = purchase or paths.most_often_last() or (ordered[-1].id if ordered else None)
    stages: dict[str, Stage] = {}
    by_position: dict[str, Stage] = {}
    anchor = next((t for t in ordered if t.id == end), None)
    before = [t.id for t in ordered if anchor and t.id != end and _is_before(t, anchor, paths)]
    for tp in ordered:
        stage = _stage(tp.id, worded[tp.id], purchase=purchase, end=end, before=before)
        if stage != worded[tp.id] and tp.id != purchase:
            by_position[tp.id] = stage
        stages[tp.id] = stage
    steps = _main_path(paths, end, stages)
    return Placement(purchase, end, stages, by_position, steps)


def _purchase(ordered: list[TouchpointProfile], worded: dict[str, Stage | None]) -> str | None:
    """The revenue-bearing touchpoint people do first and once (a first purchase, not the
    renewals or instalments after it, nor refunds), else one named like a purchase."""
    paying = [t for t in ordered if t.with_revenue > 0 and t.revenue >= 0 and t.users > 0]
    if paying:
        reach = max(t.users for t in paying)
        common = [t for t in paying if t.users >= MIN_PURCHASE_REACH * reach]
        once = [t for t in common if worded[t.id] not in AFTER_PURCHASE] or common
        return min(once, key=lambda t: (round(t.events / t.users, 1), t.order)).id
    ids = {normalise(t.id): t.id for t in ordered}
    named = next((ids[n] for n in map(normalise, PURCHASE_NAMES) if n in ids), None)
    worded_purchase = [t.id for t in ordered if worded[t.id] == "purchase"]
    return named or (worded_purchase[-1] if worded_purchase else ids.get("order"))


def _is_before(tp: TouchpointProfile, anchor: TouchpointProfile, paths: Paths) -> bool:
    both, ahead = paths.before(tp.id, anchor.id)
    if both:
        return ahead >= both / 2
    return tp.order < anchor.order


def _stage(
    tp: str, worded: Stage | None, *, purchase: str | None, end: str | None, before: list[str]
) -> Stage:
    """The stage from the words of the id, unless its position relative to the purchase says
    otherwise: after the purchase only retention or advocacy, before it never those two."""
    if tp == purchase:
        return "purchase"
    if purchase is None or end is None:
        return worded or _by_position(tp, end, before)
    if tp not in before:
        return worded if worded in AFTER_PURCHASE else "retention"
    if worded is None or worded in AFTER_PURCHASE:
        return _by_position(tp, end, before)
    return worded


def _by_position(tp: str, end: str | None, before: list[str]) -> Stage:
    if end is None or tp == end:
        return "consideration" if end is not None else "interest"
    if tp in before:
        return "interest" if before.index(tp) < len(before) / 2 else "consideration"
    return "retention"


def _main_path(paths: Paths, end: str | None, stages: dict[str, Stage]) -> tuple[str, ...]:
    if end is None or not paths.people:
        return ()
    eligible = [tp for tp, stage in stages.items() if tp != end and stage not in AFTER_PURCHASE]
    steps = _extend(paths, (end,), eligible=eligible, share=KEEP_SHARE, limit=MAX_STEPS)
    if len(steps) < 2:  # always a journey: the most common touchpoint before the end
        steps = _extend(
            paths, (end,), eligible=[tp for tp in stages if tp != end], share=0.0, limit=2
        )
    return steps if len(steps) >= 2 else ()


def _extend(
    paths: Paths, steps: tuple[str, ...], *, eligible: list[str], share: float, limit: int
) -> tuple[str, ...]:
    """Prepend, while the path stays common enough, the nearest of the touchpoints most people
    on it did before it (`share` of them, and at least MIN_STEP_REACH of everyone); with
    `share` 0, the most common one."""
    floor = max(MIN_STEP_REACH * paths.people, 1) if share else 1
    while len(steps) < limit:
        needed = max(floor, share * paths.reach(steps))
        before = paths.predecessors(steps)
        common = [
            (gap, -people, tp) if share else (-people, gap, tp)
            for tp, (people, gap) in before.items()
            if tp in eligible and tp not in steps and people >= needed
        ]
        if not common:
            break
        steps = (min(common)[2], *steps)
    return steps


__all__ = ["Paths", "Placement", "place_touchpoints"]
