"""Run one watch for one period: its series, the verdict, and — when it fires — the alert in
English and Chinese with the drivers answer that explains it.

The drivers question is run through the same service as any question (a `drivers` plan of the
watched metric, the latest period against the baseline weeks, with the watch's filters) and kept
as a turn of a session of the owner's role, so the alert links to a real answer.
"""

from __future__ import annotations

import os
import uuid
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode

from assistant.answer.assemble import plan_json, with_data
from assistant.answer.model import Answer
from assistant.answer.narrate.numbers import Numbers
from assistant.answer.narrate.say import capitalise
from assistant.execute import compile_for, execute
from assistant.watches.charts import band_of as _band
from assistant.watches.charts import spark
from assistant.watches.detect import Finding, Grain, Rule, baseline_starts, detect
from assistant.watches.records import Subscription
from assistant.watches.series import period_end, series
from assistant.watches.target import Target, target_of
from semantic_layer.phrasebook import CATALOGUES, phrase
from semantic_layer.plan import DriversPlan, parse_plan
from semantic_layer.time import Language, Range, TimeContext, TimeSpec, truncate
from semantic_layer.timeparts.labels import day_label, range_label

if TYPE_CHECKING:
    from assistant.service import AssistantService


def latest_period(ctx: TimeContext, grain: Grain) -> date:
    """The start of the latest complete day or week before `ctx.today`."""
    if grain == "day":
        return ctx.today - timedelta(days=1)
    return truncate(ctx.today, "week", ctx.week_start) - timedelta(weeks=1)


def period_label(start: date, grain: Grain, lang: Language) -> str:
    if grain == "day":
        return day_label(start, lang)
    return range_label(start, period_end(start, grain), lang)


@dataclass(frozen=True)
class Drivers:
    """The answer that explains an alert: the question to ask, its first words, where it is kept,
    and (with `TPA_PUBLIC_URL`) the chat link that asks it."""

    question: str
    text: str
    answer_id: str
    session_id: str
    url: str | None = None


def chat_link(question: str) -> str | None:
    """`TPA_PUBLIC_URL/?q=…`: the chat with the question typed in (None when not configured)."""
    base = os.environ.get("TPA_PUBLIC_URL", "").strip().rstrip("/")
    return f"{base}/?{urlencode({'q': question})}" if base else None


def run_watch(service: AssistantService, sub: Subscription, period: date) -> dict[str, Any]:
    """The evaluation of `sub` for the period starting `period`, as stored and sent."""
    assert sub.plan is not None
    model = service.model
    target = target_of(parse_plan(sub.plan), model)
    rule = Rule(grain=sub.grain, kind=target.kind, higher_is_better=target.higher_is_better,
                notify=sub.notify)  # fmt: skip
    starts = [*baseline_starts(period, rule), period]
    if sub.grain == "day":  # "since when" walks back day by day
        starts = sorted({*starts, *(period - timedelta(days=k) for k in range(1, 15))})
    ctx = service.time_context()
    points = series(target, starts, sub.grain, model=model, engine=service.engine, ctx=ctx,
                    role=sub.role)  # fmt: skip
    finding = detect(points, rule, period)
    fmt = model.metric(target.metric).format if target.metric else "percent"
    labels = {lang: target.label(model, lang) for lang in CATALOGUES}
    recent = [p for p in points if p.start in set(baseline_starts(period, rule)) | {period}]
    chart = spark(recent, title=labels[sub.language], percent=fmt == "percent",
                  band=_band(finding),
                  worse=finding.worse if finding.status != "skipped" else None)  # fmt: skip
    drivers = {
        lang: _drivers(service, sub, target=target, finding=finding, rule=rule, lang=lang)
        if finding.fired
        else None
        for lang in CATALOGUES
    }
    texts = {
        lang: alert_text(finding, labels[lang], fmt=fmt, grain=sub.grain, lang=lang,
                         nums=Numbers.of(model, lang), drivers=drivers[lang])
        for lang in CATALOGUES
    }  # fmt: skip
    return {
        "subscription_id": sub.id, "kind": "watch", "period": period.isoformat(),
        "grain": sub.grain, "status": finding.status, "reason": finding.reason,
        "value": finding.value, "expected": finding.expected, "low": finding.low,
        "high": finding.high, "z": round(finding.z, 2), "direction": finding.direction,
        "worse": finding.worse, "since": finding.since.isoformat() if finding.since else None,
        "base": finding.base, "label": labels, "text": texts, "chart": chart,
        "drivers": {k: None if d is None else d.__dict__ for k, d in drivers.items()},
    }  # fmt: skip


def _say(lang: Language, key: str, **values: object) -> str:
    return phrase(lang, "watch", key, **values)


def how_unusual(z: float, lang: Language) -> str:
    a = abs(z)
    return _say(lang, "extremely_unusual" if a >= 8 else "very_unusual" if a >= 5 else "unusual")


def since_label(start: date, grain: Grain, lang: Language) -> str:
    if grain == "day":
        return day_label(start, lang)
    return _say(lang, "week_of", day=day_label(start, lang))


def alert_text(finding: Finding, label: str, *, fmt: Any, grain: Grain, lang: Language,
               nums: Numbers, drivers: Drivers | None) -> str:  # fmt: skip
    """One alert (or the quiet verdict) in `lang`: value, expected range, how unusual, since
    when, and why."""
    when = period_label(finding.start, grain, lang)
    if finding.status == "skipped":
        why = _say(lang, f"why_{finding.reason or 'no_value'}", n=nums.number(finding.base))
        return _say(lang, "skipped", label=capitalise(label), when=when, why=why)
    value, usual = nums.value(fmt, finding.value), nums.value(fmt, finding.expected)
    band = f"{nums.value(fmt, finding.low)}–{nums.value(fmt, finding.high)}"
    if finding.status == "normal":
        said = {"label": capitalise(label), "value": value, "when": when, "usual": usual}
        return _say(lang, "normal", band=band, **said)
    z = f"{abs(finding.z):.1f}"
    since = since_label(finding.since or finding.start, grain, lang)
    side = _say(lang, "below" if finding.direction == "down" else "above")
    text = _say(
        lang, "alert", label=capitalise(label), value=value, when=when, band=band, usual=usual,
        z=z, side=side, unusual=how_unusual(finding.z, lang), since=since,
    )  # fmt: skip
    if drivers is not None:
        text += _say(lang, "drivers", text=drivers.text, question=drivers.question)
        text += f"\n{drivers.url}" if drivers.url else ""
    return text


def _drivers(service: AssistantService, sub: Subscription, *, target: Target, finding: Finding,
             rule: Rule, lang: Language) -> Drivers | None:  # fmt: skip
    """The drivers answer for a metric watch (journey watches have no drivers analysis)."""
    if target.metric is None or not finding.baseline:
        return None
    first = min(p.start for p in finding.baseline)
    latest = TimeSpec(Range(start=finding.start, end=period_end(finding.start, rule.grain)))
    base = TimeSpec(Range(start=first, end=period_end(max(p.start for p in finding.baseline),
                                                      rule.grain)))  # fmt: skip
    filters = getattr(target.plan, "filters", [])
    plan = DriversPlan(metric=target.metric, time=latest, baseline=base, filters=filters,
                       language=lang)  # fmt: skip
    ctx = service.time_context()
    compiled = compile_for(plan, service.model, ctx=ctx, role=sub.role)
    executed = execute(compiled, service.engine)
    label = target.label(service.model, lang)
    when = period_label(finding.start, rule.grain, lang)
    question = _say(lang, "why_question", label=label, when=when)
    blank = Answer(id=uuid.uuid4().hex, question=question, language=lang, text="")
    fields = {"plan": plan_json(plan), "backend": "embedded", "language": lang}
    answer = with_data(blank, fields, executed, service.model)
    session = service.store.new_session(role=sub.role, channel="api")
    answer = answer.model_copy(update={"session_id": session.id})
    service.store.add_turn(session.id, answer)
    return Drivers(question, answer.text, answer.id, session.id, chat_link(question))


__all__ = ["alert_text", "latest_period", "period_label", "run_watch"]
