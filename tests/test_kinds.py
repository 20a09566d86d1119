"""Every plan kind is registered once with every part it needs (assistant/kinds/), and nothing
outside the registry decides by a plan's kind, except the known remainder listed below."""

from __future__ import annotations

import re
import typing
from datetime import date
from pathlib import Path

import pytest

from assistant.kinds import KINDS, REGISTRY, Kind, kind_of, prompt_kinds
from assistant.llm.prompt import system_prompt
from assistant.retrieval.grounding import Grounding
from semantic_layer.compile import compiler
from semantic_layer.plan import MetricPlan, QueryPlan
from semantic_layer.plan.describe import SENTENCES

ROOT = Path(__file__).resolve().parent.parent
PLAN_KINDS = sorted(
    typing.get_args(cls.model_fields["kind"].annotation)[0]
    for cls in typing.get_args(typing.get_args(QueryPlan)[0])
)


def test_every_plan_kind_is_registered_once() -> None:
    assert sorted(REGISTRY) == PLAN_KINDS
    assert len(KINDS) == len(REGISTRY)
    for kind in KINDS:
        assert kind.plan.model_fields["kind"].default == kind.name


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.name)
def test_every_kind_has_every_part(kind: Kind) -> None:
    assert kind.missing() == [], f"kind {kind.name!r} lacks {kind.missing()}"
    assert kind.prompt and f"- {kind.name}: {kind.prompt}" in prompt_kinds()
    assert kind.plan in SENTENCES, f"semantic_layer/plan/describe.py cannot say {kind.name!r}"
    if kind.runs:  # the semantic layer cannot import the registry: it keeps its own table
        assert kind.name in compiler._BUILDERS, f"no compiler for {kind.name!r}"
    else:
        assert kind.name not in compiler._BUILDERS


def test_a_kind_without_a_part_is_incomplete() -> None:
    half = Kind(name="ltv", plan=MetricPlan, prompt="lifetime value", narrate=None)
    assert half.missing() == ["narrate", "chart", "suggest"]
    with pytest.raises(KeyError, match="not registered"):
        kind_of("ltv")


def test_the_llm_prompt_lists_the_registered_kinds() -> None:
    from semantic_layer.model import demo_model

    prompt = system_prompt(Grounding(), demo_model(), date(2026, 11, 23), "json_schema")
    assert prompt_kinds() in prompt


# -- nothing else dispatches on a plan's kind -----------------------------------------------------

KIND_NAMES = "|".join(PLAN_KINDS)
DISPATCH = re.compile(
    rf"""kind\b.{{0,40}}(==|!=| in | not in ).{{0,80}}["']({KIND_NAMES})["']"""
    rf"""|["']({KIND_NAMES})["'].{{0,5}}(==|!=).{{0,20}}kind\b|JOURNEY_KINDS"""
)
# Sites left for later, each named (the planner's are its owner's, issue 16; the rest decide by
# more than the kind). The list may only shrink: a site that is gone must leave it.
KNOWN = {
    "assistant/nlu/choices.py": 2,
    "assistant/nlu/coverage.py": 3,
    "assistant/nlu/decide.py": 2,
    "assistant/nlu/followup.py": 20,
    "assistant/nlu/planner.py": 5,
    "assistant/answer/narrate/text.py": 2,
    "assistant/service.py": 2,
    "assistant/takeaway.py": 1,
    "assistant/watches/manager.py": 1,
    "evals/judge.py": 3,
    "ui/chat/render.py": 1,
}
NOT_PLAN_KINDS = {  # kinds of names and mentions, not of plans
    "semantic_layer/model/rules/names.py",
    "assistant/nlu/lexicon.py",
    "assistant/nlu/reading.py",
}


def test_nothing_outside_the_registry_dispatches_on_kind() -> None:
    found: dict[str, int] = {}
    for package in ("assistant", "ui", "connectors", "semantic_layer", "evals"):
        for path in sorted((ROOT / package).rglob("*.py")):
            name = path.relative_to(ROOT).as_posix()
            if name.startswith(("assistant/kinds/", "evals/domains/")) or name in NOT_PLAN_KINDS:
                continue
            hits = sum(1 for line in path.read_text(encoding="utf-8").splitlines()
                       if DISPATCH.search(line))  # fmt: skip
            if hits:
                found[name] = hits
    assert found == KNOWN
