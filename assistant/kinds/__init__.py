"""The registry of plan kinds: one module per kind, registered here, asked by everything that
dispatches on a plan's kind (the narrator, the chart, the suggestions, the follow-up rules,
the LLM prompt).

    kind_of("funnel").chart      # the funnel chart builder
    kind_of("metric").follow     # what "and by channel?" does to a metric plan
    prompt_kinds()               # the LLM prompt's list of kinds, in registry order

Adding a kind (CONTRIBUTING.md walks through it): its plan in `semantic_layer/plan/`, its
compiler in `semantic_layer/compile/`, one module here with its parts, one line in `KINDS`;
`tests/test_kinds.py` fails until every part is there.
"""

from __future__ import annotations

from typing import Final

from assistant.kinds import attribution, drivers, dropoff, funnel, metric, paths, retention
from assistant.kinds.base import Kind, Pinner, Suggester
from assistant.kinds.fallback import CLARIFY, SQL, UNSUPPORTED
from assistant.kinds.follow import FollowUp

KINDS: Final[tuple[Kind, ...]] = (
    metric.KIND,
    funnel.KIND,
    dropoff.KIND,
    paths.KIND,
    retention.KIND,
    attribution.KIND,
    drivers.KIND,
    SQL,
    CLARIFY,
    UNSUPPORTED,
)
REGISTRY: Final[dict[str, Kind]] = {kind.name: kind for kind in KINDS}


def kind_of(name: str) -> Kind:
    """The registered kind called `name`; a plan kind nobody registered is our bug."""
    try:
        return REGISTRY[name]
    except KeyError:
        raise KeyError(f"plan kind {name!r} is not registered in assistant/kinds/") from None


def kind_called(name: str | None) -> Kind | None:
    """The registered kind called `name`, None for an answer without a plan (an error)."""
    return REGISTRY.get(name or "")


def prompt_kinds() -> str:
    """The LLM prompt's list of plan kinds: one line per registered kind."""
    lines = [f"- {kind.name}: {kind.prompt}" for kind in KINDS]
    return 'Plan kinds (field "kind"):\n' + "\n".join(lines)


__all__ = [
    "KINDS",
    "REGISTRY",
    "FollowUp",
    "Kind",
    "Pinner",
    "Suggester",
    "kind_called",
    "kind_of",
    "prompt_kinds",
]
