"""Every plan kind is registered once with every part it needs (assistant/kinds/), and nothing
outside the registry decides by a plan's kind or lists kinds by name (issue 16)."""

from __future__ import annotations

import ast
import re
import typing
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from assistant import kinds
from assistant.kinds import (
    KINDS,
    REGISTRY,
    FollowUp,
    Kind,
    kind_called,
    kind_of,
    prompt_kinds,
)
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


def problems(kind: Kind) -> list[str]:
    """What keeps `kind` from being complete: a part missing, or a part the rest cannot find."""
    found = [f"lacks {part}" for part in kind.missing()]
    if not kind.prompt or f"- {kind.name}: {kind.prompt}" not in prompt_kinds():
        found.append("not in the LLM prompt")
    if kind.plan not in SENTENCES:
        found.append("semantic_layer/plan/describe.py cannot say it")
    if kind.plan.model_fields["kind"].default != kind.name:
        found.append(f"its plan is a {kind.plan.model_fields['kind'].default!r} plan")
    builder = compiler._BUILDERS.get(kind.name)  # the semantic layer cannot import the registry
    if kind.runs and (builder is None or builder is not kind.compile):
        found.append("compiler._BUILDERS does not name its compiler")
    if not kind.runs and builder is not None:
        found.append("compiler._BUILDERS compiles a kind that does not run")
    return found


def registry_problems() -> dict[str, list[str]]:
    """Every registered kind's problems (the registry as it is when called)."""
    return {k.name: problems(k) for k in kinds.KINDS if problems(k)}


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.name)
def test_every_kind_has_every_part(kind: Kind) -> None:
    assert problems(kind) == [], f"kind {kind.name!r}: {problems(kind)}"


def test_registering_an_incomplete_kind_fails_the_completeness_check(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A kind registered with a part missing is caught (here: no compiler, chart, suggestions,
    follow-up rules)."""
    metric = kind_of("metric")
    half = Kind(name="ltv", plan=MetricPlan, prompt="lifetime value", narrate=metric.narrate)
    assert half.missing() == ["compile", "chart", "suggest", "follow"]
    assert registry_problems() == {}
    monkeypatch.setattr(kinds, "KINDS", (*kinds.KINDS, half))
    monkeypatch.setitem(kinds.REGISTRY, "ltv", half)
    assert kind_of("ltv") is half
    assert registry_problems() == {
        "ltv": [
            "lacks compile",
            "lacks chart",
            "lacks suggest",
            "lacks follow",
            "its plan is a 'metric' plan",
            "compiler._BUILDERS does not name its compiler",
        ]
    }
    # a complete kind whose compiler is not the compiler's own is caught too
    stray = replace(metric, compile=compiler._BUILDERS["funnel"])
    assert "compiler._BUILDERS does not name its compiler" in problems(stray)


def test_an_unregistered_kind_is_our_bug() -> None:
    with pytest.raises(KeyError, match="not registered"):
        kind_of("ltv")
    assert kind_called("ltv") is None and kind_called(None) is None


def test_each_question_about_a_kind_is_answered_by_its_kind() -> None:
    journeys = sorted(k.name for k in KINDS if k.journey)
    assert journeys == ["dropoff", "funnel", "paths", "retention"]
    assert [k.name for k in KINDS if k.exports_users] == ["metric"]
    assert {k.name: k.outcome for k in KINDS if k.outcome != "answer"} == {
        "clarify": "clarify",
        "unsupported": "unsupported",
    }
    assert [k.name for k in KINDS if k.compile_error == "invalid_sql"] == ["sql"]
    assert [k.name for k in KINDS if k.pin is not None] == ["dropoff"]


def test_each_kind_says_what_a_follow_up_does_to_it() -> None:
    rules = {k.name: k.follow for k in KINDS if k.follow is not None}
    assert sorted(rules) == sorted(k.name for k in KINDS if k.analysis)
    assert {name: f.split for name, f in rules.items() if f.split} == {
        "metric": "add", "funnel": "breakdown", "dropoff": "breakdown", "attribution": "by",
        "drivers": "replace",
    }  # fmt: skip
    assert {name: f.rank for name, f in rules.items() if f.rank} == {
        "metric": "order", "dropoff": "limit", "paths": "limit"
    }  # fmt: skip
    assert sorted(name for name, f in rules.items() if f.steps) == ["dropoff", "funnel"]
    assert [name for name, f in rules.items() if f.why] == ["metric"]
    assert [k.name for k in KINDS if k.explains_change] == ["drivers"]


def test_follow_ups_apply_the_rules_of_the_registered_kind(monkeypatch: pytest.MonkeyPatch) -> None:
    """The planner's follow-ups ask the registry: change a kind's rules there and "and by
    channel?", "top 3", "why?" change with them — no list of kinds in assistant/nlu/followup.py."""
    from assistant.nlu import EmbeddedPlanner
    from semantic_layer.model import demo_model
    from semantic_layer.time import TimeContext

    ctx = TimeContext(today=date(2026, 11, 23))
    planner = EmbeddedPlanner(demo_model())

    def then(first: str, second: str) -> dict[str, typing.Any]:
        previous = planner.plan(first, ctx, None).plan
        return planner.plan(second, ctx, previous).plan.model_dump(exclude_none=True)

    assert then("revenue last week", "and by channel?")["dimensions"] == ["channel"]
    assert then("revenue last week", "why?")["kind"] == "drivers"
    assert then("which touchpoint lost the most users last week", "top 3")["limit"] == 3
    metric, dropoff = kind_of("metric"), kind_of("dropoff")
    assert metric.follow is not None and dropoff.follow is not None
    quiet = replace(metric.follow, split=None, why=False)
    monkeypatch.setitem(kinds.REGISTRY, "metric", replace(metric, follow=quiet))
    monkeypatch.setitem(kinds.REGISTRY, "dropoff", replace(dropoff, follow=FollowUp()))
    assert then("revenue last week", "and by channel?").get("dimensions", []) == []
    assert then("revenue last week", "why?")["kind"] != "drivers"
    assert then("which touchpoint lost the most users last week", "top 3").get("limit") != 3


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
    assert found == {}, f"decide by asking assistant/kinds/, not by a kind's name: {found}"


# -- nor lists kinds by name ----------------------------------------------------------------------


def kind_lists(path: Path) -> list[tuple[int, str | None, frozenset[str]]]:
    """The tuples, lists, sets and dict keys in `path` that name two or more plan kinds (and the
    calls of one `or`/`and` that do), each with its line and the module-level name it is
    assigned to. In the planner (`assistant/nlu/`), sets of cues are not kinds: its cues are
    named after what they cue, set against a question's (`{"funnel", "dropoff"} & r.cues`,
    `_SUBJECT_CUES`, `_WANTS`)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    planner = "assistant/nlu/" in path.as_posix()
    cue_sets = {
        id(side)
        for node in ast.walk(tree)
        if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.BitAnd, ast.Sub, ast.BitOr))
        for side in (node.left, node.right)
        if planner
    }
    owner: dict[int, str] = {}
    for statement in tree.body:
        targets = statement.targets if isinstance(statement, ast.Assign) else (
            [statement.target] if isinstance(statement, ast.AnnAssign) else [])  # fmt: skip
        for target in (t for t in targets if isinstance(t, ast.Name)):
            owner.update({id(node): target.id for node in ast.walk(statement)})
    found = []
    for node in ast.walk(tree):
        if isinstance(node, (ast.Tuple, ast.List, ast.Set)) and id(node) not in cue_sets:
            items: list[ast.expr | None] = list(node.elts)
        elif isinstance(node, ast.Dict):
            items = list(node.keys)
        elif isinstance(node, ast.BoolOp):
            items = [a for call in node.values if isinstance(call, ast.Call) for a in call.args]
        else:
            continue
        named = frozenset(
            item.value for item in items
            if isinstance(item, ast.Constant) and item.value in REGISTRY
        )  # fmt: skip
        cues = planner and owner.get(id(node), "").endswith(("CUES", "WANTS"))
        if len(named) >= 2 and not cues:
            found.append((node.lineno, owner.get(id(node)), named))
    return sorted(found, key=lambda hit: hit[0])


def _names(test: typing.Callable[[Kind], bool]) -> frozenset[str]:
    return frozenset(kind.name for kind in KINDS if test(kind))


# Lists of kinds that may stay, each because it cannot ask the registry, and each checked against
# it: the semantic layer's own schemas and table (it imports nothing of the assistant) and the
# eval suite's outcomes (a case's expected outcome, the kinds' `outcome` values).
SCHEMAS: dict[tuple[str, str], typing.Callable[[], frozenset[str]]] = {
    ("semantic_layer/model/spec.py", "Analysis"): lambda: _names(lambda k: k.runs),
    ("semantic_layer/model/spec.py", "ANSWERS_ONLY"): lambda: _names(lambda k: not k.runs),
    ("semantic_layer/plan/fallback.py", "AnalysisKind"): lambda: _names(lambda k: k.analysis),
    ("semantic_layer/compile/compiler.py", "_BUILDERS"): lambda: _names(lambda k: k.runs),
    ("evals/suite.py", "Outcome"): lambda: frozenset({k.outcome for k in KINDS} - {"answer"}),
}


def test_no_list_of_kinds_outside_the_registry() -> None:
    """A kind list the `kind ==` grep cannot see (`WATCHABLE = ("metric", "funnel", …)`) fails
    here: ask a `Kind` attribute instead (`watchable`, `retold`, `analysis`, `runs`, …)."""
    found: dict[str, list[int]] = {}
    for package in ("assistant", "ui", "connectors", "semantic_layer", "evals"):
        for path in sorted((ROOT / package).rglob("*.py")):
            name = path.relative_to(ROOT).as_posix()
            if name.startswith(
                ("assistant/kinds/", "evals/domains/", "semantic_layer/phrasebook/")
            ):
                continue  # the registry; the domains' own words; texts keyed by kind name
            for line, owner, named in kind_lists(path):
                expected = SCHEMAS.get((name, owner or ""))
                if expected is None:
                    found.setdefault(name, []).append(line)
                else:
                    assert named == expected(), f"{name}:{line} {owner} ≠ the registry's"
    assert found == {}, f"ask assistant/kinds/ rather than list kinds by name: {found}"


def test_the_kind_list_scan_sees_a_list(tmp_path: Path) -> None:
    text = (
        'WATCHABLE = ("metric", "funnel")\n'
        '_SUBJECT_CUES = frozenset({"funnel", "dropoff"})\n'
        "def f(kind, cues):\n"
        '    return kind in ["paths", "retention"] or allows("sql") or allows("metric")\n'
        'ok = {"funnel", "dropoff"} & cues\n'
    )
    source = tmp_path / "x.py"
    source.write_text(text, encoding="utf-8")
    assert [(line, owner) for line, owner, _ in kind_lists(source)] == [
        (1, "WATCHABLE"), (2, "_SUBJECT_CUES"), (4, None), (4, None), (5, "ok")
    ]  # fmt: skip
    planner = tmp_path / "assistant" / "nlu" / "x.py"  # the planner's cue sets are cues
    planner.parent.mkdir(parents=True)
    planner.write_text(text, encoding="utf-8")
    assert [(line, owner) for line, owner, _ in kind_lists(planner)] == [
        (1, "WATCHABLE"), (4, None), (4, None)
    ]  # fmt: skip


def test_the_kinds_asked_for_are_the_ones_that_do_it() -> None:
    from assistant.catalog import build_catalog
    from assistant.examples import NOT_EXAMPLES
    from assistant.retell import RETOLD_KINDS
    from assistant.sessions.records import NON_ANALYSIS_KINDS
    from assistant.watches.target import WATCHABLE
    from semantic_layer.model import demo_model

    assert WATCHABLE == ("metric", "funnel", "dropoff")
    assert sorted(RETOLD_KINDS) == [
        "attribution", "dropoff", "funnel", "metric", "paths", "retention"
    ]  # fmt: skip
    assert NOT_EXAMPLES == NON_ANALYSIS_KINDS == ("sql", "clarify", "unsupported")
    catalog = build_catalog(demo_model())
    assert catalog["analyses"] == [k.name for k in KINDS if k.runs] and catalog["journeys"]


# -- the walk in CONTRIBUTING.md, followed literally ---------------------------------------------


def _walk() -> str:
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    return text.split("## Adding an analysis kind", 1)[1].split("\n## ", 1)[0]


def test_every_place_the_walk_names_exists() -> None:
    walk = _walk()
    places = re.findall(r"`((?:semantic_layer|assistant|tests|evals)/[^`\s]*)`", walk)
    assert len(places) >= 10, places
    for place in places:
        assert list(ROOT.glob(place)), f"CONTRIBUTING.md names {place}, which is not there"
    for name in ("KINDS", "SENTENCES", "_BUILDERS", "kind_of", "compile=", "prompt=", "follow="):
        assert name in walk


def test_following_the_walk_gives_a_complete_kind_that_compiles(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Steps 1-3 of the walk with a throwaway `ltv` kind (it reuses the metric kind's parts):
    after them the kind is complete, in the LLM prompt, described and compiled."""
    from semantic_layer.model import demo_model
    from semantic_layer.time import TimeContext

    class LtvPlan(MetricPlan):  # 1. the plan, with its kind and its sentence
        kind: typing.Literal["ltv"] = "ltv"  # type: ignore[assignment]

    monkeypatch.setitem(SENTENCES, LtvPlan, SENTENCES[MetricPlan])

    def build_ltv(c: typing.Any) -> compiler.Compiled:  # 2. the compiler, in _BUILDERS
        return compiler.build_metric(c)

    monkeypatch.setitem(compiler._BUILDERS, "ltv", build_ltv)
    metric = kind_of("metric")  # 3. the unit, one line in KINDS
    ltv = Kind(
        name="ltv", plan=LtvPlan, prompt="lifetime value of a cohort.", compile=build_ltv,
        narrate=metric.narrate, chart=metric.chart, suggest=metric.suggest,
        follow=metric.follow,
    )  # fmt: skip
    assert problems(ltv) == ["not in the LLM prompt"]  # not registered yet
    monkeypatch.setattr(kinds, "KINDS", (*kinds.KINDS, ltv))
    monkeypatch.setitem(kinds.REGISTRY, "ltv", ltv)
    assert registry_problems() == {}
    assert "- ltv: lifetime value of a cohort." in prompt_kinds()
    model = demo_model()
    plan = LtvPlan(metrics=["revenue"], time="last_month")  # type: ignore[arg-type]
    compiled = compiler.compile_plan(plan, model, TimeContext(today=date(2026, 11, 23)))
    assert compiled.tree is not None and "revenue" in compiled.describe(model).lower()
    # skipping step 2 is caught
    monkeypatch.delitem(compiler._BUILDERS, "ltv")
    assert registry_problems() == {"ltv": ["compiler._BUILDERS does not name its compiler"]}
