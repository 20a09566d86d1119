"""Where touchpoints sit in people's journeys, for `tpa init`: the purchase touchpoint, each
touchpoint's stage, the default journey and the journeys of other groups of people.

The purchase is the revenue-bearing touchpoint people do first and once: of those with revenue
(not negative in total, as refunds are) and reached by enough people, the fewest events per
person, then the most people, then the earliest in people's journeys, so a first payment wins
over the renewals or instalments after it even when those are more common rows, and a paid
conversion over a partner's bundle activation. When its words do not say purchase (an order
written by the billing system) and nearly all its people also do a touchpoint whose words say
a successful payment (`pay_ok`, 支付成功) about once per order, that payment is the purchase.

Failures (`payment.failed`, 启动失败, `qidong_shibai`) are never steps of a journey; their stage
is the side their words name (a failed payment: purchase), else consideration.

Touchpoints are split into groups done by the same people (`propose_paths.Paths.groups`: the
two sides of a marketplace). Within the purchase's group, stages come from the words of the id
(`stages.guess_stage`) within what the position relative to the purchase allows: after it only
retention or advocacy; before it the words' stage, or, when the words say nothing or say
retention/advocacy (a sign-up), interest (the earlier half) or consideration (the later half);
a touchpoint that carries revenue before it (the order the payment settles) is purchase.
Another group is placed the same way around its own end: the latest of its touchpoints that
enough of its people reach (a hire, for candidates).

Each group with enough people gets a journey: the most common ordered path, per person and by
first occurrence, to its end, built backwards: each step is the touchpoint most of the people on
the path did before it, and a step in the middle that many of the people going through the
steps around it skip (`OPTIONAL_SHARE`: a coupon claimed between two steps) is left out. The
default journey is the one of the group of the most people. When a column of the people table
with few values (`side`, `type`) gives each group's people a value of their own, the journeys
are named after it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from semantic_layer.errors import normalise

from .profile import DataProfile, Split, TouchpointProfile
from .propose_paths import Paths
from .spec import Stage
from .stages import guess_stage, is_failure

PURCHASE_NAMES = ("payment", "purchase", "pay", "paid", "order_paid", "buy")
MIN_STEP_REACH = 0.05  # every step of a journey: at least 5% of its group's people …
KEEP_SHARE = 0.5  # … and most of the people who go on along the rest of it
OPTIONAL_SHARE = 0.8  # a step in the middle fewer of the people around it take is a side step
MAX_STEPS = 8
MIN_PURCHASE_REACH = 0.2  # the purchase: paid by at least a fifth as many people as the most
PAID_STEP_SHARE = 0.8  # a successful payment done by this share of the order's people
MIN_GROUP_SHARE = 0.1  # a group of people this large gets its own journey
MIN_END_REACH = 0.02  # a group's journey ends at its latest touchpoint this share reaches
SIDE_SHARE = 0.8  # a people column is a side when this share of each group has its own value
BY_CONSTRUCTION = 0.97  # a step converting this well to the next one is the same event
AFTER_PURCHASE: tuple[Stage, ...] = ("retention", "advocacy")


@dataclass(frozen=True)
class Placement:
    """The purchase touchpoint, the default journey's end, stages (and which came from
    position), the journeys (the default one first) and the step whose conversion to the
    purchase is worth a metric."""

    purchase: str | None
    end: str | None
    stages: dict[str, Stage]
    by_position: dict[str, Stage] = field(default_factory=dict)  # not what the words say
    journeys: tuple[tuple[str, ...], ...] = ()
    last_step: tuple[str, str] | None = None
    same_event: tuple[tuple[str, str], ...] = ()  # steps that always follow one another
    failures: tuple[str, ...] = ()
    side: str | None = None  # the people column whose values split the journeys' groups
    sides: tuple[str, ...] = ()  # its value for each journey

    @property
    def steps(self) -> tuple[str, ...]:
        """The default journey's steps."""
        return self.journeys[0] if self.journeys else ()


def place_touchpoints(profile: DataProfile) -> Placement:
    """Stages of every touchpoint and the journeys' steps."""
    ordered = sorted(profile.touchpoints, key=lambda t: t.order)
    worded = {t.id: guess_stage(t.id) for t in ordered}
    failures = {t.id for t in ordered if is_failure(t.id)}
    paths = Paths(profile.paths)
    purchase = _purchase(ordered, worded, failures)
    groups = _with_ends(paths, ordered, purchase, failures)
    stages: dict[str, Stage] = {}
    by_position: dict[str, Stage] = {}
    for group, end in groups:
        members = [t for t in ordered if t.id in group]
        anchor = next((t for t in members if t.id == end), None)
        before = [t.id for t in members if anchor and t.id != end and _is_before(t, anchor, paths)]
        for tp in members:
            if tp.id in failures:
                stage = _failure_stage(worded[tp.id])
            elif tp.id in before and tp.with_revenue and tp.revenue > 0 and purchase is not None:
                stage = "purchase"  # paid before the purchase: an order, a partner's bundle
            else:
                stage = _stage(tp.id, worded[tp.id], end=end, before=before, sold=purchase)
            if stage != worded[tp.id] and tp.id != purchase:
                by_position[tp.id] = stage
            stages[tp.id] = stage
    journeys: list[tuple[str, ...]] = []
    walked: list[set[str]] = []
    for group, end in groups:
        if end is not None and _large(paths, group):
            eligible = {tp for tp in group if tp not in failures}
            steps = _path_to(paths, end, stages, eligible)
            if steps and steps not in journeys:
                journeys.append(steps)
                walked.append(group)
    main_end = groups[0][1] if groups else None
    last, same = _last_step(paths, purchase, journeys)
    column, sides = _sides(profile.splits, walked)
    return Placement(
        purchase,
        main_end,
        stages,
        by_position,
        tuple(journeys),
        last,
        same,
        tuple(failures),
        side=column,
        sides=sides,
    )


def _sides(splits: tuple[Split, ...], groups: list[set[str]]) -> tuple[str | None, tuple[str, ...]]:
    """(the people column whose values split the groups, each group's value): a `side` column
    when at least `SIDE_SHARE` of each group's people have a value of their own."""
    if len(groups) < 2:
        return None, ()
    best: tuple[float, str, tuple[str, ...]] | None = None
    for split in splits:
        found = [_dominant(split, group) for group in groups]
        values = tuple(v for v, _ in found)
        share = min(s for _, s in found)
        distinct = len(set(values)) == len(values)
        if share >= SIDE_SHARE and distinct and (best is None or share > best[0]):
            best = (share, split.column, values)
    return (best[1], best[2]) if best is not None else (None, ())


def _dominant(split: Split, group: set[str]) -> tuple[str, float]:
    """The value most of the group's touchpoints' people have, and its share of them."""
    counts: dict[str, int] = {}
    for value, tp, people in split.people:
        if tp in group:
            counts[value] = counts.get(value, 0) + people
    total = sum(counts.values())
    if not total:
        return "", 0.0
    value = max(sorted(counts), key=lambda v: counts[v])
    return value, counts[value] / total


def _with_ends(
    paths: Paths, ordered: list[TouchpointProfile], purchase: str | None, failures: set[str]
) -> list[tuple[set[str], str | None]]:
    """The groups of touchpoints (the most people's first), each with where its journey ends:
    the purchase in its group, else its latest touchpoint enough of its people reach. Touchpoints
    not on people's paths, and small groups (a trade show's scans), join the purchase's group
    (the first group without one)."""
    ids = {t.id for t in ordered}
    found = [g & ids for g in paths.groups() if g & ids] or [set()]
    home = next((g for g in found if purchase in g), found[0])
    small = [g for g in found if g is not home and not _large(paths, g)]
    found = [g for g in found if g is home or _large(paths, g)]
    home |= ids - set().union(*found) | set().union(*small)
    out: list[tuple[set[str], str | None]] = []
    for group in found:
        if group is home:
            end = purchase or paths.most_often_last(group) or _latest(ordered, group)
        else:
            end = _group_end(paths, ordered, group, failures)
        out.append((group, end))
    return out


def _large(paths: Paths, group: set[str]) -> bool:
    """Whether a group is a journey of its own: two touchpoints or more, done by enough people
    (a trade show's booth scans alone are not)."""
    return len(group) >= 2 and paths.people_of(group) >= MIN_GROUP_SHARE * paths.people


def _group_end(
    paths: Paths, ordered: list[TouchpointProfile], group: set[str], failures: set[str]
) -> str | None:
    people = paths.people_of(group)
    ends = [
        t.id
        for t in ordered
        if t.id in group
        and t.id not in failures
        and guess_stage(t.id) not in AFTER_PURCHASE
        and paths.reach((t.id,)) >= max(MIN_END_REACH * people, 1)
    ]
    return ends[-1] if ends else None


def _latest(ordered: list[TouchpointProfile], group: set[str]) -> str | None:
    return next((t.id for t in reversed(ordered) if t.id in group), None)


def _purchase(
    ordered: list[TouchpointProfile], worded: dict[str, Stage | None], failures: set[str]
) -> str | None:
    """The revenue-bearing touchpoint people do first and once (a first purchase, not the
    renewals or instalments after it, nor refunds), or the successful payment nearly all its
    people make; else one named like a purchase."""
    paying = [
        t
        for t in ordered
        if t.with_revenue > 0 and t.revenue >= 0 and t.users > 0 and t.id not in failures
    ]
    if paying:
        reach = max(t.users for t in paying)
        common = [t for t in paying if t.users >= MIN_PURCHASE_REACH * reach]
        once = [t for t in common if worded[t.id] not in AFTER_PURCHASE] or common
        chosen = min(once, key=lambda t: (round(t.events / t.users, 1), -t.users, t.order))
        return _paid_step(chosen, ordered, worded, failures)
    ids = {normalise(t.id): t.id for t in ordered}
    named = next((ids[n] for n in map(normalise, PURCHASE_NAMES) if n in ids), None)
    worded_purchase = [t.id for t in ordered if worded[t.id] == "purchase" and t.id not in failures]
    return named or (worded_purchase[-1] if worded_purchase else ids.get("order"))


def _paid_step(
    chosen: TouchpointProfile,
    ordered: list[TouchpointProfile],
    worded: dict[str, Stage | None],
    failures: set[str],
) -> str:
    """`chosen`, or, when its words do not say purchase (a settled order), the payment whose
    words do and that nearly all of its people make, about once per order (not the invoices
    of the renewals after it)."""
    if worded[chosen.id] == "purchase":
        return chosen.id
    paid = [
        t
        for t in ordered
        if worded[t.id] == "purchase"
        and t.id not in failures
        and t.users >= PAID_STEP_SHARE * chosen.users
        and PAID_STEP_SHARE <= t.events / max(chosen.events, 1) <= 1 / PAID_STEP_SHARE
    ]
    return max(paid, key=lambda t: t.users).id if paid else chosen.id


def _is_before(tp: TouchpointProfile, anchor: TouchpointProfile, paths: Paths) -> bool:
    both, ahead = paths.before(tp.id, anchor.id)
    if both:
        return ahead >= both / 2
    return tp.order < anchor.order


def _failure_stage(worded: Stage | None) -> Stage:
    """A failure is on the side its words name (a failed payment: purchase), else it is a
    failed attempt at a step before the purchase."""
    return worded if worded in ("purchase", *AFTER_PURCHASE) else "consideration"


def _stage(
    tp: str, worded: Stage | None, *, end: str | None, before: list[str], sold: str | None
) -> Stage:
    """The stage from the words of the id, unless its position relative to its group's end
    says otherwise: after it only retention or advocacy, before it never those two."""
    if tp == end and end is not None:
        return "purchase" if sold is not None else worded or "consideration"
    if sold is None or end is None:
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


def _path_to(paths: Paths, end: str, stages: dict[str, Stage], group: set[str]) -> tuple[str, ...]:
    if not paths.people:
        return ()
    eligible = [
        tp
        for tp, stage in stages.items()
        if tp != end and tp in group and stage not in AFTER_PURCHASE
    ]
    floor = min(MIN_STEP_REACH * paths.people_of(group | {end}), paths.reach((end,)))
    steps = _extend(paths, (end,), eligible=eligible, share=KEEP_SHARE, floor=floor)
    if len(steps) < 2:  # always a journey: the most common touchpoint before the end
        others = [tp for tp in stages if tp != end and tp in group]
        steps = _extend(paths, (end,), eligible=others, share=0.0, floor=1, limit=2)
    return steps if len(steps) >= 2 else ()


def _extend(
    paths: Paths,
    steps: tuple[str, ...],
    *,
    eligible: list[str],
    share: float,
    floor: float,
    limit: int = MAX_STEPS,
) -> tuple[str, ...]:
    """Prepend, while the path stays common enough, the nearest of the touchpoints most people
    on it did before it (`share` of them, and at least `floor` people); with `share` 0, the
    most common one."""
    floor = max(floor, 1)
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
        if share and len(steps) > 2 and _optional(paths, steps, 1):
            steps = (steps[0], *steps[2:])
    return steps


def _optional(paths: Paths, steps: tuple[str, ...], i: int) -> bool:
    """Whether many of the people going through the other steps skip step `i` (a coupon
    claimed between signing up and binding a card)."""
    without = paths.reach((*steps[:i], *steps[i + 1 :]))
    return paths.reach(steps) < OPTIONAL_SHARE * without


def _last_step(
    paths: Paths, purchase: str | None, journeys: list[tuple[str, ...]]
) -> tuple[tuple[str, str] | None, tuple[tuple[str, str], ...]]:
    """(the latest step before the purchase, on its journey, whose conversion to it is not ~100%
    by construction; the steps skipped because it is)."""
    journey = next((j for j in journeys if j and j[-1] == purchase), None)
    if purchase is None or journey is None:
        return None, ()
    same: list[tuple[str, str]] = []
    for step in reversed(journey[:-1]):
        did = paths.reach((step,))
        if did and paths.reach((step, purchase)) < BY_CONSTRUCTION * did:
            return (step, purchase), tuple(same)
        same.append((step, purchase))
    return None, tuple(same)


__all__ = ["Paths", "Placement", "place_touchpoints"]
