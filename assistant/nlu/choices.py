"""`clarify` and `unsupported` plans: say what is ambiguous or missing, offer concrete choices.

Every choice is a full question the planner understands on its own, in the question's language,
naming real objects of the model, so clicking it always gives an answer. The words are the
phrasebook's (`choices` and `choices.topics` in `semantic_layer/phrasebook/`), read by key.
"""

from __future__ import annotations

import re
from typing import Any

from assistant.kinds import kind_called, kind_of
from semantic_layer.model.semantic import SemanticModel
from semantic_layer.model.spec_metrics import ConversionMetric
from semantic_layer.phrasebook import grammar, language, phrase, section

from .reading import Reading
from .text import Language

Plan = dict[str, Any]

# Words that say a dimension is about places or about channels (generic language, not data).
_PLACE = re.compile(
    r"region|area|province|state|city|country|market|地区|区域|大区|省|城市|国家|市场"
)
_CHANNEL = re.compile(r"channel|platform|source|渠道|平台|来源")


def _when(r: Reading) -> str:
    """The question's own time words, to keep in the choices ("last week", "上周")."""
    if not r.times:
        return ""
    t = r.times[0]
    return grammar(r.language).gap + r.question.norm[t.start : t.end]


def _say(lang: str, key: str, **values: object) -> str:
    """The phrasebook's `choices` text `key` in `lang` (English for another), filled in."""
    return phrase(language(lang), "choices", key, **values)


def _listed(lang: str, items: list[str]) -> str:
    """The items one after another, as the language lists names ("a, b" / "a、b")."""
    return _say(lang, "sep").join(items)


def _quoted(lang: str, words: list[str]) -> str:
    """The user's own words, quoted and listed ("'a', 'b'" / "“a”、“b”")."""
    return _listed(lang, [_say(lang, "quoted", word=w) for w in words])


def _choice(label: str, question: str) -> dict[str, str]:
    return {"label": label, "question": question}


def out_of_scope(topics: list[str], lang: str, model: SemanticModel) -> Plan:
    """The data has no notion of these topics: say so, name them, and say what it has."""
    known = section("choices.topics")[language(lang)]
    names = _listed(lang, [known.get(t, t) for t in topics])
    has = what_it_has(model, lang)
    return {
        "kind": "unsupported",
        "reason": _say(lang, "out_of_scope", names=names, has=has),
        "missing": topics,
    }


def what_it_has(model: SemanticModel, lang: str) -> str:
    """One sentence naming a few of the model's own metrics and touchpoints."""
    metrics = [model.metrics[m].label(lang) for m in popular_metrics(model)[:4]]
    tps = [model.touchpoints[t].label(lang) for t in popular_touchpoints(model)[:3]]
    named = (("has_metrics", metrics), ("has_touchpoints", tps))
    parts = [_say(lang, key, names=_listed(lang, names)) for key, names in named if names]
    return _say(lang, "has", parts=_say(lang, "has_sep").join(parts))


def popular_metrics(model: SemanticModel) -> list[str]:
    """Metrics to offer: those of the model's verified questions first, then one of each format
    (a conversion, an amount, a count…) in model order, then the rest."""
    names: list[str] = []
    for query in model.spec.verified_queries:
        for key in ("metrics", "metric"):
            value = query.plan.get(key)
            for name in [value] if isinstance(value, str) else value or []:
                if name in model.metrics and name not in names:
                    names.append(name)
    formats: set[str] = set()
    for metric in model.spec.metrics:
        kind = "conversion" if isinstance(metric, ConversionMetric) else metric.format
        if kind not in formats and metric.name not in names:
            formats.add(kind)
            names.append(metric.name)
    return names + [m.name for m in model.spec.metrics if m.name not in names]


def popular_touchpoints(model: SemanticModel) -> list[str]:
    """Touchpoints to offer: the default journey's steps after its first, then the others."""
    steps: list[str] = []
    if model.spec.journeys:
        steps = [s for s in model.journey(None).steps[1:] if s in model.touchpoints]
    return steps + [t.id for t in model.spec.touchpoints if t.id not in steps]


def place_dimension(model: SemanticModel) -> str | None:
    """The model's dimension of places (a region, province or city), if it has one."""
    return _dimension_like(model, _PLACE)


def channel_dimension(model: SemanticModel) -> str | None:
    """The model's dimension of channels, if it has one."""
    return _dimension_like(model, _CHANNEL)


def _dimension_like(model: SemanticModel, pattern: re.Pattern[str]) -> str | None:
    for dim in model.spec.dimensions:
        words = [dim.name, dim.label("en"), dim.label("zh")]
        if dim.values and any(pattern.search(w.casefold()) for w in words):
            return dim.name
    return None


def unknown_value(found: list[tuple[str, str | None]], r: Reading, model: SemanticModel) -> Plan:
    """A name the data does not have ("抖音渠道", "TikTok"): offer the dimension's real values,
    or say the name is unknown."""
    lang = r.language
    word, dim = found[0]
    if dim == "journey":
        return which_journey(r, model, missing=word)
    partly = _values_with_word(model, word, lang)
    if partly:  # "Ivy" when the artists are Ivy Chen and Ivy Park: which one
        named, names = partly
        key = "which_value" if len(names) > 1 else "no_value"
        others = [v.label(lang) for v in model.dimensions[named].values]
        names += [v for v in others if v not in names][: max(0, 2 - len(names))]
        text = r.question.text  # (one such value: offered first, beside another)
        out = [_choice(v, _swap(text, word, v)) for v in names[:4]]
        label = model.dimensions[named].label(lang)
        return {"kind": "clarify", "reason": _say(lang, key, label=label, word=word),
                "choices": out, "candidate_kind": None}  # fmt: skip
    if dim is None or dim not in model.dimensions or not model.dimensions[dim].values:
        reason = _say(lang, "nothing_called", word=word, has=what_it_has(model, lang))
        return {"kind": "unsupported", "reason": reason, "missing": [word]}
    values = model.dimensions[dim].values[:4]
    label = model.dimensions[dim].label(lang)
    text = r.question.text
    out = [_choice(v.label(lang), _swap(text, word, v.label(lang))) for v in values]
    reason = _say(lang, "no_value", label=label, word=word)
    return {"kind": "clarify", "reason": reason, "choices": out, "candidate_kind": None}


def _values_with_word(
    model: SemanticModel, word: str, lang: Language
) -> tuple[str, list[str]] | None:
    """The one dimension whose values' names have `word` as a whole word of a longer name ("Ivy"
    of "Ivy Chen"), with those values' names."""
    said = word.casefold()
    found: dict[str, list[str]] = {}
    for dim in model.spec.dimensions:
        for v in dim.values:
            name = v.label(lang)
            words = re.findall(r"[^\W_]+", name.casefold())
            if len(words) > 1 and said in words:
                found.setdefault(dim.name, []).append(name)
    return next(iter(found.items())) if len(found) == 1 else None


def _swap(text: str, word: str, value: str) -> str:
    """The question with `word` (any case) replaced by `value`."""
    found = re.search(re.escape(word), text, flags=re.IGNORECASE)
    return text[: found.start()] + value + text[found.end() :] if found else value


def which_journey(
    r: Reading, model: SemanticModel, *, missing: str | None = None, step: str | None = None
) -> Plan:
    """No journey fits: a `missing` name ("onboarding journey") or a `step` no journey has
    ("sign-up journey"). Offer the journeys the model has."""
    lang, when = r.language, _when(r)
    out = []
    for journey in model.spec.journeys[:4]:
        label = journey.label(lang)
        out.append(_choice(label, _say(lang, "journey_dropoff", label=label, when=when)))
    if step is not None:
        label = model.touchpoints[step].label(lang)
        reason = _say(lang, "no_journey_with", label=label)
    else:
        reason = _say(lang, "no_journey_called", missing=missing)
    return {"kind": "clarify", "reason": reason, "choices": out, "candidate_kind": "funnel"}


def which_metric(r: Reading, model: SemanticModel, kind: str) -> Plan:
    """A "why" or ranking question without a metric: which one?"""
    lang, when = r.language, _when(r)
    options = popular_metrics(model)[:4]
    dim = _first_dimension(model, lang)
    key = "why" if kind_of(kind).explains_change else "metric_by" if dim else "metric"
    out = []
    for name in options:
        label = model.metrics[name].label(lang)
        out.append(_choice(label, _say(lang, key, label=label, dim=dim, when=when)))
    return {
        "kind": "clarify",
        "reason": _say(lang, "which_metric"),
        "choices": out,
        "candidate_kind": kind,
    }


def time_to_which(step: str, r: Reading, model: SemanticModel) -> Plan:
    """ "How long from booking …" with one step only: the time until which later step? The
    steps that follow it in the model's journeys are offered (those before it when none follow)."""
    lang, when = r.language, _when(r)
    later: list[str] = []
    for journey in model.spec.journeys:
        if step in journey.steps:
            at = journey.steps.index(step)
            later += journey.steps[at + 1 :] or journey.steps[:at]
    own = model.touchpoints[step].label(lang)
    out = []
    for tp in list(dict.fromkeys(t for t in later if t != step))[:4]:
        label = model.touchpoints[tp].label(lang)
        out.append(_choice(label, _say(lang, "how_long", own=own, label=label, when=when)))
    return {
        "kind": "clarify",
        "reason": _say(lang, "which_step", own=own),
        "choices": out,
        "candidate_kind": "funnel",
    }


def which_touchpoint(r: Reading, model: SemanticModel, kind: str) -> Plan:
    """A paths question without its anchor touchpoint."""
    lang, when = r.language, _when(r)
    out = []
    for tp in popular_touchpoints(model)[:4]:
        label = model.touchpoints[tp].label(lang)
        out.append(_choice(label, _say(lang, "after", label=label, when=when)))
    return {
        "kind": "clarify",
        "reason": _say(lang, "which_touchpoint"),
        "choices": out,
        "candidate_kind": kind,
    }


_RATE_SAID = re.compile(r"\brates?\b|(?<![效频利汇税概])率|比例", re.IGNORECASE)


def what_do_you_mean(r: Reading, model: SemanticModel) -> Plan:
    """Nothing decided the question: offer the readings its words allow."""
    lang, when = r.language, _when(r)
    tps = r.names("touchpoint")
    dims = [d for d in r.names("dimension") if model.dimensions[d].type != "time"]
    if tps:
        return _about_touchpoint(tps[0], r, model)
    rates = [m.name for m in model.spec.metrics if m.format == "percent"]
    if _RATE_SAID.search(r.question.norm) and len(rates) > 1:  # "what's the rate for X"
        text = r.question.text
        labels = [model.metrics[m].label(lang) for m in rates[:4]]
        out = [  # the question itself with the rate named: "what's the attendance rate for X"
            _choice(label, _RATE_SAID.sub(label.replace("\\", r"\\"), text, count=1))
            for label in labels
        ]
        return {"kind": "clarify", "reason": _say(lang, "which_rate"), "choices": out,
                "candidate_kind": "metric"}  # fmt: skip
    if dims:
        dim = model.dimensions[dims[0]].label(lang)
        labels = [model.metrics[m].label(lang) for m in popular_metrics(model)[:3]]
        out = [_choice(m, _say(lang, "metric_by", label=m, dim=dim, when=when)) for m in labels]
        reason = _say(lang, "which_metric_by", dim=dim)
        return {"kind": "clarify", "reason": reason, "choices": out, "candidate_kind": "metric"}
    reason = _say(lang, "hello" if {"greeting", "help"} & r.cues else "not_found")
    return {"kind": "clarify", "reason": reason, "choices": starters(lang, when, model),
            "candidate_kind": None}  # fmt: skip


def nothing_about(words: list[str], lang: str, model: SemanticModel) -> Plan:
    """A question about things the model has no word for at all: say so, and what it has."""
    reason = _say(lang, "nothing_about", said=_quoted(lang, words), has=what_it_has(model, lang))
    return {"kind": "unsupported", "reason": reason, "missing": words}


def settled(plan: Plan, lang: str, model: SemanticModel) -> Plan:
    """A clarification always offers choices: with none to offer, it says what the data has."""
    kind = kind_called(plan.get("kind"))
    if kind is None or not kind.asks_back or len(plan.get("choices", [])) >= 2:
        return plan
    if plan.get("choices"):  # one choice is no choice: add what else the model answers
        given = {c["question"] for c in plan["choices"]}
        more = [c for c in starters(lang, "", model) if c["question"] not in given]
        if more:
            return {**plan, "choices": [*plan["choices"], *more][:4]}
    reason = f"{plan.get('reason', '')} {what_it_has(model, lang)}".strip()
    return {"kind": "unsupported", "reason": reason, "missing": [], "language": lang}


def _about_touchpoint(tp: str, r: Reading, model: SemanticModel) -> Plan:
    lang, when = r.language, _when(r)
    label = model.touchpoints[tp].label(lang)
    options = [
        _choice(_say(lang, "reached_label"), _say(lang, "reached", label=label, when=when)),
        _choice(_say(lang, "next_label"), _say(lang, "after", label=label, when=when)),
        _choice(_say(lang, "dropoff_label"), _say(lang, "lost_most", when=when)),
    ]
    reason = _say(lang, "about_touchpoint", label=label)
    return {"kind": "clarify", "reason": reason, "choices": options, "candidate_kind": None}


def starters(lang: str, when: str, model: SemanticModel) -> list[dict[str, str]]:
    """Questions this model can answer, built from its own journeys, metrics and dimensions."""
    words = grammar(lang)
    when = when or words.gap + _say(lang, "last_week")
    options: list[dict[str, str]] = []
    if model.spec.journeys:
        options.append(_choice(_say(lang, "starter_dropoff"), _say(lang, "lost_most", when=when)))
    dim = _first_dimension(model, lang)
    key = "metric" if dim is None else "metric_by"
    for name in popular_metrics(model)[:3]:
        label = model.metrics[name].label(lang)
        chip = words.upper_first(_say(lang, key, label=label, dim=dim, when=""))
        options.append(_choice(chip, _say(lang, key, label=label, dim=dim, when=when)))
    return options[:4]


def _first_dimension(model: SemanticModel, lang: str) -> str | None:
    """A dimension to split by in examples (its label in `lang`): the channel dimension, else
    the first with values."""
    name = channel_dimension(model) or next(
        (d.name for d in model.spec.dimensions if d.values and d.type != "time"), None
    )
    return None if name is None else model.dimensions[name].label(lang)


def no_such_split(
    word: str, metric: str, dims: list[str], r: Reading, model: SemanticModel
) -> Plan:
    """ "按年龄看", "refunds by teacher" with no such dimension: never the unsplit total — ask,
    offering the dimensions `metric` can be split by (with its rest of the question)."""
    lang, when = r.language, _when(r)
    label = model.metrics[metric].label(lang)
    splits = [model.dimensions[d].label(lang) for d in dims[:4]]
    out = [_choice(d, _say(lang, "metric_by", label=label, dim=d, when=when)) for d in splits]
    out.append(
        _choice(_say(lang, "not_split", label=label), _say(lang, "metric", label=label, when=when))
    )
    reason = _say(lang, "no_split", word=word, label=label)
    return {"kind": "clarify", "reason": reason, "choices": out, "candidate_kind": "metric"}


def two_splits(sides: list[tuple[str, str]], metric: str, r: Reading, model: SemanticModel) -> Plan:
    """ "线上预订和散客各多少": two values of two different dimensions set side by side are no
    filter both hold — ask which split the user means, one per dimension (`sides`: (word,
    dimension))."""
    lang, when = r.language, _when(r)
    label = model.metrics[metric].label(lang)
    dims = [model.dimensions[d].label(lang) for _, d in sides]
    out = [_choice(d, _say(lang, "metric_by", label=label, dim=d, when=when)) for d in dims]
    (a, dim_a), (b, dim_b) = ((w, model.dimensions[d].label(lang)) for w, d in sides)
    reason = _say(lang, "two_splits", a=a, b=b, dim_a=dim_a, dim_b=dim_b)
    return {"kind": "clarify", "reason": reason, "choices": out, "candidate_kind": "metric"}


def unclear(r: Reading, words: list[str], model: SemanticModel) -> Plan:
    """Most of the question was not understood: name the words, offer what can be answered."""
    lang, when = r.language, _when(r)
    said = _quoted(lang, words)
    reason = _say(lang, "unclear", said=said)
    rest = r.question.norm
    for word in words:
        rest = rest.replace(word.casefold(), " ")
    rest = " ".join(rest.split())
    first = [_choice(_say(lang, "without", said=said), rest)] if rest else []
    offered = (first + starters(lang, when, model))[:4]
    return {"kind": "clarify", "reason": reason, "choices": offered, "candidate_kind": None}


__all__ = [
    "channel_dimension",
    "no_such_split",
    "nothing_about",
    "out_of_scope",
    "place_dimension",
    "popular_metrics",
    "popular_touchpoints",
    "settled",
    "starters",
    "two_splits",
    "unclear",
    "unknown_value",
    "what_do_you_mean",
    "what_it_has",
    "which_journey",
    "which_metric",
    "which_touchpoint",
]
