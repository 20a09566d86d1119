"""Settings, touchpoints' channels and verified queries use words the model knows."""

from __future__ import annotations

import functools
import re
import zoneinfo
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from semantic_layer.plan import PlanError, References, parse_plan

from ..problems import Problem
from ..spec import VerifiedQuery
from .base import RuleContext, suggest

_PATH_PART = re.compile(r"([^.\[\]]+)|\[(\d+)\]")


@functools.cache
def timezones() -> frozenset[str]:
    return frozenset(zoneinfo.available_timezones())


@dataclass(frozen=True)
class KnownTimezone:
    """The timezone is an IANA name such as Asia/Shanghai."""

    def check(self, ctx: RuleContext) -> Iterator[Problem]:
        tz = ctx.spec.settings.timezone
        known = timezones()
        if known and tz not in known:
            yield ctx.problem(
                ctx.spec.settings,
                ("timezone",),
                message=f"unknown timezone '{tz}'",
                suggestion=suggest(tz, known)
                if "/" in tz
                else "use an IANA name such as Asia/Shanghai",
            )


@dataclass(frozen=True)
class TouchpointChannels:
    """A touchpoint's channel is one of the channel dimension's values (when it lists them)."""

    def check(self, ctx: RuleContext) -> Iterator[Problem]:
        channel = next((d for d in ctx.spec.dimensions if d.name == "channel"), None)
        if channel is None or not channel.values:
            return
        known = {str(v.value) for v in channel.values}
        for tp in ctx.spec.touchpoints:
            if tp.channel is not None and tp.channel not in known:
                yield ctx.problem(
                    tp,
                    ("channel",),
                    message=(
                        f"touchpoint '{tp.id}' is on channel '{tp.channel}', which is not a value "
                        "of dimension 'channel'"
                    ),
                    suggestion=suggest(tp.channel, known),
                )


@dataclass(frozen=True)
class VerifiedPlans:
    """Each verified plan is a valid QueryPlan that names things the model defines."""

    def check(self, ctx: RuleContext) -> Iterator[Problem]:
        for query in ctx.spec.verified_queries:
            try:
                plan = parse_plan(query.plan)
            except PlanError as e:
                for p in e.problems:
                    where = ("plan", *_json_path(p.path))
                    yield ctx.problem(
                        query,
                        where,
                        message=f"{p.message} (plan of '{query.questions[0]}')",
                        suggestion=p.suggestion,
                    )
                continue
            yield from _references(ctx, query, plan.references())


def _json_path(path: str) -> tuple[str | int, ...]:
    """`filters[0].op` → ("filters", 0, "op")."""
    return tuple(int(i) if i else name for name, i in _PATH_PART.findall(path))


def _references(ctx: RuleContext, query: VerifiedQuery, refs: References) -> Iterator[Problem]:
    spec = ctx.spec
    known: dict[str, tuple[tuple[str, ...], set[str]]] = {
        "metric": (refs.metrics, {m.name for m in spec.metrics}),
        "dimension": (refs.dimensions, {d.name for d in spec.dimensions}),
        "touchpoint": (refs.touchpoints, {t.id for t in spec.touchpoints}),
        "journey": (refs.journeys, {j.name for j in spec.journeys}),
    }
    for kind, (names, defined) in known.items():
        for name in names:
            if name not in defined and not ctx.is_broken(f"{kind}s", name):
                yield ctx.problem(
                    query,
                    _where(query.plan, name),
                    message=f"unknown {kind} '{name}' in the plan of '{query.questions[0]}'",
                    suggestion=suggest(name, defined),
                )


def _where(node: Any, name: str, path: tuple[str | int, ...] = ("plan",)) -> tuple[str | int, ...]:
    """The path of the first value `name` in a plan mapping (for the line of a problem)."""
    return _find(node, name, path) or path


def _find(node: Any, name: str, path: tuple[str | int, ...]) -> tuple[str | int, ...] | None:
    if node == name:
        return path
    children: Any = ()
    if isinstance(node, Mapping):
        children = node.items()
    elif isinstance(node, list):
        children = enumerate(node)
    for key, value in children:
        found = _find(value, name, (*path, key))
        if found is not None:
            return found
    return None


__all__ = ["KnownTimezone", "TouchpointChannels", "VerifiedPlans"]
