"""Never a dead end: an answer that could not be computed says why in the question's language,
what was understood, and offers questions that do work (docs/assistant.md "Errors").

The semantic layer and the engine raise errors in English for developers and logs (`UserError`
with a `kind` and `names`, `TimeError`, `EngineError` with a `code`); here each becomes a message
for the person who asked: in English the specific message is kept, in Chinese it is said again
from the error's kind and names, so a Chinese question never gets an English error. The offered
questions come from the plan (the same metric without the breakdown that failed, by breakdowns
that reach it, the breakdown with a metric of its own table, follow-ups, the model's verified
questions) and are kept only when `works` says the planner and the compiler answer them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Final

from assistant.answer.narrate import suggestions
from assistant.answer.narrate.suggest import time_words
from semantic_layer.errors import UserError
from semantic_layer.model.labels import ModelLabels
from semantic_layer.model.semantic import SemanticModel
from semantic_layer.phrasebook import grammar, section, written_in
from semantic_layer.plan import AnalysisPlan, DriversPlan, MetricPlan, QueryPlan
from semantic_layer.time import Language

MOST: Final = 4
Works = Callable[[str], bool]

_ROLE: Final = re.compile(r"to the role '([^']+)'")  # as `compile.access` names the role
REASONS: Final[dict[Language, dict[str, str]]] = section("failure.reasons")
ASK: Final[dict[Language, dict[str, str]]] = section("failure.ask")


@dataclass(frozen=True)
class Failure:
    """Why an answer could not be computed: a stable `code`, the English `detail`, and what the
    error named (`kind`, `names`)."""

    code: str
    detail: str
    kind: str = ""
    names: tuple[str, ...] = ()
    suggested: tuple[str, ...] = ()
    localized: bool = False  # `detail` is already in the question's language
    offered: tuple[str, ...] = ()  # questions the error itself offers, kept first as they are

    @classmethod
    def of_user_error(cls, exc: UserError, code: str) -> Failure:
        return cls(code, exc.render(), exc.kind, exc.names, exc.suggestions)


def explain(
    failure: Failure,
    plan: QueryPlan | None,
    *,
    model: SemanticModel,
    lang: Language,
    interpretation: str = "",
) -> str:
    """The message: why (in `lang`), then what was understood."""
    reason = _reason(failure, plan, model, lang)
    says = grammar(lang)
    reason = says.start(reason)
    words = REASONS[lang]
    understood = interpretation.rstrip("。.")
    if not understood:
        return reason
    tail = words["understood"].format(interpretation=understood)
    return says.words([reason, tail])


def _reason(failure: Failure, plan: QueryPlan | None, model: SemanticModel, lang: Language) -> str:
    words, labels = REASONS[lang], ModelLabels(model)
    kind, names = failure.kind, failure.names
    if failure.localized:
        return failure.detail
    if kind == "unreachable_dimension" and names and plan is not None:
        return _unreachable(names[0], plan, model, lang)
    if kind == "unknown_role" and names:
        return words["unknown_role"].format(name=names[0])
    if kind.startswith("unknown_") and names:
        what = words.get(kind.removeprefix("unknown_"), kind.removeprefix("unknown_"))
        hint = ""
        if failure.suggested:
            shown = [f"“{_label(labels, model, s, lang)}”" for s in failure.suggested]
            hint = words["hint"].format(names=_join(shown, lang))
        return words["unknown"].format(what=what, name=names[0], hint=hint)
    if kind == "access_denied" and names:
        name = f"“{_label(labels, model, names[0], lang)}”"
        role = _ROLE.search(failure.detail)  # by its label first, not a list of ids
        if role is not None:
            return words["denied_role"].format(name=name, id=names[0], role=role.group(1))
        return words["denied"].format(name=name, detail=failure.detail)
    code = failure.code
    if code == "time":
        return words["time"].format(detail=failure.detail)
    if code in ("sql_refused", "query_timeout", "database_unavailable"):
        return words["detail_then"].format(detail=failure.detail, advice=words[code])
    if code == "query_invalid":
        return words["then_detail"].format(detail=failure.detail, advice=words[code])
    return words["unexplained"].format(detail=failure.detail)


def _unreachable(dimension: str, plan: QueryPlan, model: SemanticModel, lang: Language) -> str:
    labels = ModelLabels(model)
    metric_name = _metrics_of(plan)[0] if _metrics_of(plan) else ""
    dim = model.dimensions.get(dimension)
    tables = sorted({m.table for m in model.measures_of(metric_name)}) if metric_name else []
    home = dim.table if dim is not None else "?"
    missing = [t for t in tables if dim is None or dim.column_in(t) is None]
    return REASONS[lang]["unreachable_dimension"].format(
        metric=_label(labels, model, metric_name, lang),
        dim=_label(labels, model, dimension, lang),
        home=home,
        tables=_join(missing or tables, lang),
    )


def _metrics_of(plan: QueryPlan) -> list[str]:
    if isinstance(plan, MetricPlan):
        return list(plan.metrics)
    if isinstance(plan, DriversPlan):
        return [plan.metric]
    return []


def _label(labels: ModelLabels, model: SemanticModel, name: str, lang: Language) -> str:
    """A metric's or dimension's label, else the name itself."""
    if name in model.metrics:
        return labels.metric(name, lang)
    if name in model.dimensions:
        return labels.dimension(name, lang)
    return name


def _join(items: list[str], lang: Language) -> str:
    return grammar(lang).alternatives(items)


def offers(
    failure: Failure, plan: QueryPlan | None, *, model: SemanticModel, lang: Language, works: Works
) -> list[str]:
    """Two to four questions that `works` answers: recoveries from the plan first, then the
    model's verified questions (taken even unchecked when too few others work)."""
    candidates = list(_recoveries(failure, plan, model, lang))
    if plan is not None and isinstance(plan, AnalysisPlan):
        candidates += suggestions(plan, model, lang, None)
    examples = _examples(model, lang)
    kept: list[str] = list(failure.offered)[:MOST]
    for question in dict.fromkeys([*candidates, *examples]):
        if len(kept) == MOST:
            break
        if question not in kept and works(question):
            kept.append(question)
    for question in examples:  # verified by a person: a way forward even when checks failed
        if len(kept) >= 2:
            break
        if question not in kept:
            kept.append(question)
    return kept


def _recoveries(
    failure: Failure, plan: QueryPlan | None, model: SemanticModel, lang: Language
) -> Iterable[str]:
    """The same metrics without the breakdown that failed, by breakdowns that reach them, and
    the failed breakdown with a metric of its own table."""
    if not isinstance(plan, MetricPlan | DriversPlan) or not _metrics_of(plan):
        return []
    labels, ask = ModelLabels(model), ASK[lang]
    time = time_words(plan.time, lang)
    metric = _metrics_of(plan)[0]
    label = labels.metric(metric, lang)
    out = [_tidy(ask["alone"].format(metric=label, time=time), lang)]
    tables = {m.table for m in model.measures_of(metric)}
    for dim in _reaching(model, tables, skip=set(failure.names))[:2]:
        by = ask["by"].format(metric=label, dim=labels.dimension(dim, lang), time=time)
        out.append(_tidy(by, lang))
    failed = model.dimensions.get(failure.names[0]) if failure.names else None
    if failure.kind == "unreachable_dimension" and failed is not None:
        for other in _metrics_on(model, failed.table)[:1]:
            by = ask["by"].format(
                metric=labels.metric(other, lang),
                dim=labels.dimension(failed.name, lang),
                time=time,
            )
            out.append(_tidy(by, lang))
    return out


def _tidy(text: str, lang: Language) -> str:
    return grammar(lang).tidy(text)


def _reaching(model: SemanticModel, tables: set[str], skip: set[str]) -> list[str]:
    preferred = ("channel", "region", "device", "segment", "member_tier")
    names = [*preferred, *sorted(model.dimensions)]
    out = []
    for name in dict.fromkeys(names):
        dim = model.dimensions.get(name)
        if dim is None or name in skip or dim.type != "categorical" or dim.expr is not None:
            continue
        if all(_reaches(model, t, name) for t in tables):
            out.append(name)
    return out


def _reaches(model: SemanticModel, table: str, dimension: str) -> bool:
    dim = model.dimensions[dimension]
    spec = model.tables.get(table)
    joined = {j.table for j in spec.joins} if spec is not None else set()
    return (
        dim.column_in(table) is not None or dim.table in joined or bool(joined & set(dim.also_in))
    )


def _metrics_on(model: SemanticModel, table: str) -> list[str]:
    """Metrics computed from `table` alone, the simplest first."""
    found = []
    for name in model.metrics:
        measures = model.measures_of(name)
        if measures and {m.table for m in measures} == {table}:
            found.append(name)
    return found


def _examples(model: SemanticModel, lang: Language) -> list[str]:
    out = []
    for vq in model.spec.verified_queries:
        for question in vq.questions:
            if written_in(question) == lang:
                out.append(question)
                break
    return out


def never_works(question: str) -> bool:
    """A `Works` for callers that cannot check (offers then fall back to verified questions)."""
    del question
    return False


__all__ = ["Failure", "Works", "explain", "never_works", "offers"]
