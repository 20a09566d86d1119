"""Judge one answer against its case: correct, or which way it is wrong and why.

Judgements: `correct`, `wrong_result` (the numbers or ranking differ from the check query),
`wrong_plan` (another kind of analysis, another metric…, or a clarification/refusal where an
answer was expected), `should_have_clarified`, `should_have_refused`, `error` (no answer).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

from assistant.answer.model import Answer
from assistant.kinds import kind_called
from evals.compare import differs
from evals.suite import Case
from semantic_layer.compile.attribution import NO_TOUCH
from semantic_layer.compile.drivers import NONE
from semantic_layer.time import TimeContext, TimeSpec, resolve

Judgement = Literal[
    "correct", "wrong_result", "wrong_plan", "should_have_clarified", "should_have_refused", "error"
]
JUDGEMENTS: tuple[Judgement, ...] = (
    "correct", "wrong_result", "wrong_plan", "should_have_clarified", "should_have_refused", "error"
)  # fmt: skip
_UNANSWERABLE_ERRORS = (
    "not_a_question",
    "empty_question",
    "question_too_long",
    "invalid_text",
    "control_characters",
    "unsupported_language",
)


@dataclass(frozen=True)
class Expected:
    """The check query's result (None when the case has no check SQL)."""

    columns: tuple[str, ...]
    rows: tuple[tuple[Any, ...], ...]


@dataclass(frozen=True)
class Verdict:
    judgement: Judgement
    reason: str = ""

    @property
    def correct(self) -> bool:
        return self.judgement == "correct"


def judge(case: Case, answer: Answer, expected: Expected | None, today: date) -> Verdict:
    """The verdict for the final answer of `case` (see the module docstring)."""
    want = case.expect
    if answer.error is not None:
        if want.outcome != "answer" and answer.error.code in _UNANSWERABLE_ERRORS:
            return Verdict("correct", f"refused as {answer.error.code}")
        return Verdict("error", f"{answer.error.code}: {answer.error.message}")
    kind = answer.kind or ""
    registered = kind_called(kind)
    outcome = "answer" if registered is None else registered.outcome
    if want.outcome == "clarify":
        return _outcome(outcome == "clarify", "should_have_clarified", answer)
    if want.outcome == "unsupported":
        return _outcome(outcome == "unsupported", "should_have_refused", answer)
    if want.outcome == "clarify_or_unsupported":
        return _outcome(outcome != "answer", "should_have_refused", answer)
    if outcome != "answer":
        said = "asked to clarify" if outcome == "clarify" else "refused"
        return Verdict("wrong_plan", f"{said}: {answer.text}")
    timed = (answer.plan or {}).get("measure") == _TIME_KIND  # a funnel measuring the time
    if want.kind is not None and kind != want.kind and not (timed and want.kind == _TIME_KIND):
        return Verdict(
            "wrong_plan", f"expected a {want.kind} plan, got {kind}: {answer.interpretation}"
        )
    mismatch = _plan_mismatch(want.plan, _with_steps(answer), today)
    if mismatch:
        return Verdict("wrong_plan", mismatch)
    if expected is not None:
        rows = _without_no_value_group(answer, expected, _without_remainder(answer, expected))
        wanted, rows = _without_empty_groups(expected, answer.columns, rows)
        why = differs(
            expected.columns, wanted, answer.columns, rows,
            ordered=want.ordered, first=want.rows == "first", tolerance=want.tolerance,
        )  # fmt: skip
        if why:
            return Verdict("wrong_result", why)
    return Verdict("correct")


# "time_to_convert": what a case may call the time-to-convert answer, a funnel plan whose
# measure is time_to_convert (evals/domains/README.md).
_TIME_KIND = "time_to_convert"


def _with_steps(answer: Answer) -> dict[str, Any]:
    """The answer's plan, with the steps of the journey it names when it names a journey rather
    than steps: a funnel's table lists them, one row a step in order ("show me the trade-in
    funnel" is the journey of those steps, whichever way the plan says it)."""
    plan = dict(answer.plan or {})
    if (
        plan.get("steps")
        or not plan.get("journey")
        or not {"step", "touchpoint"} <= {*answer.columns}
    ):
        return plan
    at = answer.columns.index("touchpoint")
    steps = [row[at] for row in answer.rows]
    return {**plan, "steps": list(dict.fromkeys(steps))} if steps else plan


def _without_remainder(answer: Answer, expected: Expected) -> Sequence[Sequence[Any]]:
    """An attribution's rows without its "(no prior touch)" row when the check query left the
    conversions with no touch out (evals/domains/README.md): that row is labelled as what no
    channel earned, not a number for a channel."""
    if "key" not in answer.columns:  # (only an attribution's table has a `key` column)
        return answer.rows
    key = answer.columns.index("key")
    if any(NO_TOUCH in row for row in expected.rows):
        return answer.rows
    return [row for row in answer.rows if row[key] != NO_TOUCH]


def _without_no_value_group(
    answer: Answer, expected: Expected, rows: Sequence[Sequence[Any]]
) -> Sequence[Sequence[Any]]:
    """A breakdown's rows without the group of rows that have no value for the split ("(no
    campaign)", a drivers segment "(none)") when the check query left that group out:
    docs/design.md has a plain breakdown show it, a ranking leave it out, and a check query that
    drops it asks the same question."""
    if "segment" in answer.columns and "segment" in expected.columns:  # a drivers table
        at, theirs = answer.columns.index("segment"), expected.columns.index("segment")
        if any(row[theirs] in (None, NONE) for row in expected.rows):
            return rows
        return [row for row in rows if row[at] != NONE]  # "(none)": the rows without a value
    split = [i for i, c in enumerate(answer.columns) if c.startswith("d_")]
    if not split:
        return rows
    named = [c for c in expected.columns if c.startswith("d_")]
    if any(row[expected.columns.index(c)] is None for row in expected.rows for c in named):
        return rows
    return [row for row in rows if all(row[i] is not None for i in split)]


def _without_empty_groups(
    expected: Expected, columns: Sequence[str], rows: Sequence[Sequence[Any]]
) -> tuple[Sequence[Sequence[Any]], Sequence[Sequence[Any]]]:
    """Both sides of a breakdown or series without the groups whose every number is 0 or NULL:
    a channel no sale ever carried, shown with 0 by one side and left out by the other, is the
    same fact (a ranking that names such a group still differs: the other side has another)."""
    keys = [c for c in expected.columns if c.startswith("d_") or c == "period"]
    values = [c for c in expected.columns if c not in keys]
    if not keys or not values or any(c not in columns for c in values):
        return expected.rows, rows

    def filled(rows: Sequence[Sequence[Any]], names: Sequence[str]) -> list[Sequence[Any]]:
        at = [list(names).index(c) for c in values]
        return [row for row in rows if not all(row[i] in (None, 0) for i in at)]

    return filled(expected.rows, expected.columns), filled(rows, columns)


def _outcome(ok: bool, wrong: Judgement, answer: Answer) -> Verdict:
    if ok:
        return Verdict("correct")
    return Verdict(wrong, f"answered as {answer.kind}: {answer.interpretation or answer.text}")


def _plan_mismatch(expected: dict[str, Any], plan: dict[str, Any], today: date) -> str:
    for key, value in expected.items():
        got = plan.get(key)
        if key == "metrics" and got is None and plan.get("metric") is not None:
            got = [plan["metric"]]  # a plan of one metric (drivers) names it `metric`
        elif key == "metric" and got is None and len(plan.get("metrics") or ()) == 1:
            got = plan["metrics"][0]
        if key in ("time", "baseline") and value is not None and got is not None:
            if _range(value, today) != _range(got, today):
                return f"plan {key}: expected {_range(value, today)}, got {_range(got, today)}"
        elif _canonical(value, key) != _canonical(got, key):
            return f"plan {key}: expected {_json(value)}, got {_json(got)}"
    return ""


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def _range(value: Any, today: date) -> str:
    return resolve(TimeSpec.parse(value), TimeContext(today=today)).label()


_UNORDERED = frozenset({"metrics", "dimensions", "filters", "values"})


def _canonical(value: Any, key: str = "") -> Any:
    """Sets (metrics, dimensions, filters, values) compare without order; steps keep theirs;
    keys whose value is None count as absent."""
    if isinstance(value, dict):
        if "dimension" in value and "values" in value:
            value = {"op": "=", **value}  # a filter's default operator
        return {k: _canonical(v, k) for k, v in sorted(value.items()) if v is not None}
    if isinstance(value, Sequence) and not isinstance(value, str):
        items = [_canonical(v) for v in value]
        if key in _UNORDERED:
            items.sort(key=lambda v: json.dumps(v, sort_keys=True, default=str))
        return items
    return value


__all__ = ["JUDGEMENTS", "Expected", "Judgement", "Verdict", "judge"]
