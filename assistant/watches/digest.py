"""Digests: for a role, the few metrics and journey steps that moved most in the latest complete
day or week, each with one sentence and a small chart, in English and Chinese.

"Moved most" is the same robust z-score as watches (against the same seasonality-matched
baseline), so a digest and an alert never disagree on what is unusual. Every metric the role may
see is scored, and the conversion of each step of the default journey when the role may run
funnels; the top `size` by |z| are kept.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any, Final

from assistant.answer.narrate.numbers import Numbers
from assistant.answer.narrate.say import capitalise
from assistant.watches.charts import band_of as _band
from assistant.watches.charts import spark
from assistant.watches.detect import Finding, Grain, Point, Rule, baseline_starts, detect
from assistant.watches.evaluate import how_unusual, period_label
from assistant.watches.series import series
from assistant.watches.target import Target, target_of
from semantic_layer.model.labels import ModelLabels
from semantic_layer.plan import FunnelPlan, MetricPlan
from semantic_layer.time import Language

if TYPE_CHECKING:
    from assistant.service import AssistantService

SIZE: Final = 4
TITLES: Final = {
    "week": ("What changed this week", "本周变化"),
    "day": ("What changed yesterday", "昨日变化"),
}


@dataclass(frozen=True)
class _Scored:
    key: str
    labels: dict[str, str]
    fmt: str
    finding: Finding
    points: list[Point]


def run_digest(service: AssistantService, role: str | None, grain: Grain, period: date,
               size: int = SIZE) -> dict[str, Any]:  # fmt: skip
    """The digest of `role` for the period starting `period` (stored and sent as it is)."""
    scored = [*_metrics(service, role, grain, period), *_steps(service, role, grain, period)]
    judged = [s for s in scored if s.finding.status != "skipped" and s.finding.z != 0]
    top = sorted(judged, key=lambda s: -abs(s.finding.z))[:size]
    items = [_item(service, s, grain) for s in top]
    title = TITLES[grain]
    return {
        "kind": "digest", "role": role, "grain": grain, "period": period.isoformat(),
        "title": {"en": title[0], "zh": title[1]},
        "when": {lang: period_label(period, grain, lang) for lang in ("en", "zh")},
        "items": items, "status": "digest",
    }  # fmt: skip


def digest_text(digest: dict[str, Any], lang: Language) -> str:
    """The digest as one message: the period, then one line per item."""
    lines = [f"{digest['title'][lang]}（{digest['when'][lang]}）" if lang == "zh"
             else f"{digest['title'][lang]} ({digest['when'][lang]})"]  # fmt: skip
    lines += [f"• {item['text'][lang]}" for item in digest["items"]]
    if not digest["items"]:
        lines.append("没有可比较的数据。" if lang == "zh" else "Nothing to compare yet.")
    return "\n".join(lines)


def _metrics(service: AssistantService, role: str | None, grain: Grain, period: date
             ) -> list[_Scored]:  # fmt: skip
    model = service.model
    policy = model.policy(role)
    names = [m for m in model.metrics if policy.allows_metric(m)]
    found: list[_Scored] = []
    labels = ModelLabels(model)
    for name in names:
        target = target_of(MetricPlan(metrics=[name]), model)
        target = Target(target.plan, target.kind, target.higher_is_better, name)  # no base query
        scored = _score(service, role, target, grain, period)
        if scored is not None:
            found.append(_Scored(name, {lang: labels.metric(name, lang) for lang in ("en", "zh")},
                                 model.metric(name).format, *scored))  # fmt: skip
    return found


def _steps(service: AssistantService, role: str | None, grain: Grain, period: date
           ) -> list[_Scored]:  # fmt: skip
    model = service.model
    if not model.journeys or not model.policy(role).allows_analysis("funnel"):
        return []
    journey = model.journey(None)
    labels = ModelLabels(model)
    found: list[_Scored] = []
    for before, after in zip(journey.steps, journey.steps[1:], strict=False):
        plan = FunnelPlan(steps=[before, after], journey=None)
        target = target_of(plan, model)
        scored = _score(service, role, target, grain, period)
        if scored is not None:
            words = {lang: target.label(model, lang) for lang in ("en", "zh")}
            found.append(_Scored(f"{before}>{after}", words, "percent", *scored))
    del labels
    return found


def _score(service: AssistantService, role: str | None, target: Target, grain: Grain,
           period: date) -> tuple[Finding, list[Point]] | None:  # fmt: skip
    rule = Rule(grain=grain, kind=target.kind, higher_is_better=target.higher_is_better,
                notify="any", min_base=0)  # fmt: skip
    starts = [*baseline_starts(period, rule), period]
    points = series(target, starts, grain, model=service.model, engine=service.engine,
                    ctx=service.time_context(), role=role)  # fmt: skip
    return detect(points, rule, period), points


def _item(service: AssistantService, s: _Scored, grain: Grain) -> dict[str, Any]:
    f = s.finding
    texts = {}
    for lang in ("en", "zh"):
        nums = Numbers.of(service.model, lang)
        value, usual = nums.value(s.fmt, f.value), nums.value(s.fmt, f.expected)  # type: ignore[arg-type]
        unusual = abs(f.z) >= Rule().threshold
        if lang == "zh":
            move = "上升" if f.direction == "up" else "下降"
            note = how_unusual(f.z, lang) if unusual else "在正常波动范围内"
            texts[lang] = (
                f"{s.labels[lang]}{move}至 {value}（通常 {usual}，"
                f"{abs(f.z):.1f} 个稳健标准差，{note}）。"
            )
        else:
            move = "rose" if f.direction == "up" else "fell"
            note = how_unusual(f.z, lang) if unusual else "within normal variation"
            texts[lang] = capitalise(f"{s.labels[lang]} {move} to {value} (usually {usual}; "
                                     f"{abs(f.z):.1f} robust SDs, {note}).")  # fmt: skip
    charts = {
        lang: spark(s.points, title=s.labels[lang], percent=s.fmt == "percent",
                    band=_band(f), worse=f.worse)
        for lang in ("en", "zh")
    }  # fmt: skip
    return {
        "key": s.key, "label": s.labels, "text": texts, "chart": charts, "z": round(f.z, 2),
        "value": f.value, "expected": f.expected, "direction": f.direction, "worse": f.worse,
    }  # fmt: skip


__all__ = ["SIZE", "TITLES", "digest_text", "run_digest"]
