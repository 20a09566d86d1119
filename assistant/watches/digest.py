"""Digests: for a role, the few metrics and journey steps that moved most in the latest complete
day or week, each with one sentence and a small chart, in English and Chinese.

"Moved most" is the same robust z-score as watches (against the same seasonality-matched
baseline), so a digest and an alert never disagree on what is unusual. Every metric the role may
see is scored, and the conversion of each step of the default journey when the role may run
funnels; the top `size` by |z| are kept.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING, Any, Final

from assistant.answer.narrate.numbers import Numbers
from assistant.watches.charts import band_of as _band
from assistant.watches.charts import spark
from assistant.watches.detect import (
    Finding,
    Grain,
    Point,
    Rule,
    baseline_starts,
    detect,
)
from assistant.watches.evaluate import how_unusual, period_label
from assistant.watches.series import metric_series, series, step_series
from assistant.watches.target import target_of
from semantic_layer.model.labels import ModelLabels
from semantic_layer.phrasebook import CATALOGUES, grammar, phrase
from semantic_layer.plan import MetricPlan
from semantic_layer.time import Language

if TYPE_CHECKING:
    from assistant.service import AssistantService

SIZE: Final = 4


@dataclass(frozen=True)
class _Scored:
    key: str
    labels: dict[Language, str]
    fmt: str
    finding: Finding
    points: list[Point]


def run_digest(service: AssistantService, role: str | None, *, grain: Grain, period: date,
               size: int = SIZE) -> dict[str, Any]:  # fmt: skip
    """The digest of `role` for the period starting `period` (stored and sent as it is)."""
    scored = [*_metrics(service, role, grain, period), *_steps(service, role, grain, period)]
    judged = [s for s in scored if s.finding.status != "skipped" and s.finding.z != 0]
    top = sorted(judged, key=lambda s: -abs(s.finding.z))[:size]
    items = [_item(service, s, grain) for s in top]
    return {
        "kind": "digest", "role": role, "grain": grain, "period": period.isoformat(),
        "title": {lang: _say(lang, f"digest_{grain}") for lang in CATALOGUES},
        "when": {lang: period_label(period, grain, lang) for lang in CATALOGUES},
        "items": items, "status": "digest",
    }  # fmt: skip


def _say(lang: Language, key: str, **values: object) -> str:
    return phrase(lang, "watch", key, **values)


def digest_text(digest: dict[str, Any], lang: Language) -> str:
    """The digest as one message: the period, then one line per item."""
    lines = [_say(lang, "digest_head", title=digest["title"][lang], when=digest["when"][lang])]
    lines += [f"• {item['text'][lang]}" for item in digest["items"]]
    if not digest["items"]:
        lines.append(_say(lang, "digest_empty"))
    return "\n".join(lines)


def _metrics(service: AssistantService, role: str | None, grain: Grain, period: date
             ) -> list[_Scored]:  # fmt: skip
    """Every metric the role may see, with its base size where it has one; a rate, mean or
    median whose base cannot be counted is left out (nothing says how far to trust it)."""
    model = service.model
    policy = model.policy(role)
    targets = {
        m: target_of(MetricPlan(metrics=[m]), model)
        for m in model.metrics
        if policy.allows_metric(m)
    }
    bases = {
        m: t.base_plan for m, t in targets.items()
        if t.base_plan is not None and all(policy.allows_metric(b) for b in t.base_plan.metrics)
    }  # fmt: skip
    plain = sorted({p.metrics[0] for p in bases.values() if not p.filters} - set(targets))
    starts = [*baseline_starts(period, Rule(grain=grain)), period]
    how = {"model": model, "engine": service.engine, "ctx": service.time_context(), "role": role}
    every = metric_series([*targets, *plain], starts, grain, **how)  # type: ignore[arg-type]
    labels, found = ModelLabels(model), []
    for name, target in targets.items():
        base = bases.get(name)
        if base is None and target.kind not in ("count", "other"):
            continue
        if base is not None and base.filters:
            points = series(replace(target, base_plan=base), starts, grain, **how)  # type: ignore[arg-type]
        else:
            sizes = {p.start: p.value for p in every[base.metrics[0]]} if base else {}
            points = [Point(p.start, p.value, sizes.get(p.start)) for p in every[name]]
        rule = Rule(grain=grain, kind=target.kind, higher_is_better=target.higher_is_better,
                    notify="any")  # fmt: skip
        words = {lang: labels.metric(name, lang) for lang in CATALOGUES}
        found.append(_Scored(name, words, model.metric(name).format, detect(points, rule, period),
                             points))  # fmt: skip
    return found


def _steps(service: AssistantService, role: str | None, grain: Grain, period: date
           ) -> list[_Scored]:  # fmt: skip
    model = service.model
    if not model.journeys or not model.policy(role).allows_analysis("funnel"):
        return []
    labels = ModelLabels(model)
    rule = Rule(grain=grain, kind="rate", notify="any")
    starts = [*baseline_starts(period, rule), period]
    steps = step_series(starts, grain, model=model, engine=service.engine,
                        ctx=service.time_context(), role=role)  # fmt: skip
    found: list[_Scored] = []
    for (before, after), points in steps.items():
        words: dict[Language, str] = {}
        for lang in CATALOGUES:
            first, last = labels.touchpoint(before, lang), labels.touchpoint(after, lang)
            words[lang] = _say(lang, "conversion", first=first, last=last)
        found.append(_Scored(f"{before}>{after}", words, "percent",
                             detect(points, rule, period), points))  # fmt: skip
    return found


def _item(service: AssistantService, s: _Scored, grain: Grain) -> dict[str, Any]:
    f = s.finding
    texts = {}
    for lang in CATALOGUES:
        nums = Numbers.of(service.model, lang)
        value, usual = nums.value(s.fmt, f.value), nums.value(s.fmt, f.expected)  # type: ignore[arg-type]
        unusual = abs(f.z) >= Rule().threshold
        move = _say(lang, "rose" if f.direction == "up" else "fell")
        note = how_unusual(f.z, lang) if unusual else _say(lang, "normal_variation")
        text = _say(
            lang, "digest_item", label=s.labels[lang], move=move, value=value, usual=usual,
            z=f"{abs(f.z):.1f}", note=note,
        )  # fmt: skip
        texts[lang] = grammar(lang).start(text)
    charts = {
        lang: spark(s.points, title=s.labels[lang], percent=s.fmt == "percent",
                    band=_band(f), worse=f.worse)
        for lang in CATALOGUES
    }  # fmt: skip
    return {
        "key": s.key, "label": s.labels, "text": texts, "chart": charts, "z": round(f.z, 2),
        "value": f.value, "expected": f.expected, "direction": f.direction, "worse": f.worse,
    }  # fmt: skip


__all__ = ["SIZE", "digest_text", "run_digest"]
