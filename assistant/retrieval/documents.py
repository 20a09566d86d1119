"""What is indexed for a model: one record per metric, dimension, value, touchpoint and journey
(its names, labels and synonyms in both languages and its description), its short names, and
the questions of its verified queries.

Each record also has the line the LLM is shown for it (`ItemDoc.line`), e.g. for
`conversion_rate`: "conversion rate / 转化率 — purchasers / active users; percent; also: CVR, …"
(the prompt puts "metric conversion_rate" in front).
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import chain, zip_longest
from typing import Any, Final

from assistant.retrieval.grounding import ItemKind
from semantic_layer.model.base import Named, Scalar, pretty
from semantic_layer.model.semantic import SemanticModel
from semantic_layer.model.spec import JourneySpec, TouchpointSpec
from semantic_layer.model.spec_data import DimensionSpec, DimensionValue
from semantic_layer.model.spec_metrics import MetricSpec, RatioMetric
from semantic_layer.phrasebook import CATALOGUES, written_in

INDEX_VERSION: Final = 1  # bump when records change shape: every index is rebuilt once
LINE_SYNONYMS: Final = 5
LINE_VALUES: Final = 8
FORMATS: Final[dict[str, str]] = {
    "percent": "percent",
    "currency": "currency",
    "number": "count or number",
    "duration_minutes": "minutes",
    "duration_hours": "hours",
    "multiple": "multiple (×)",
}
_END_PUNCTUATION = re.compile(r"[\s?？!！。.,，;；:：]+$")


@dataclass(frozen=True)
class ItemDoc:
    """One model object as indexed: `document` is embedded as a passage, each of `terms` (its
    labels and synonyms) as a query, so that a short paraphrase meets a short name."""

    id: str
    kind: ItemKind
    name: str
    value: Scalar | None
    line: str
    document: str
    terms: tuple[str, ...]


@dataclass(frozen=True)
class ExampleDoc:
    """One question of a verified query (or of a feedback example) and its plan."""

    id: str
    question: str
    plan: dict[str, Any]
    language: str
    source: str
    role: str = ""  # a feedback example serves only this role ("" for the model's examples)


def fingerprint(model: SemanticModel, embedder: str) -> str:
    """A hash of the model spec, the record format and the embedding function."""
    spec = model.spec.model_dump_json()
    return hashlib.sha256(f"{INDEX_VERSION}|{embedder}|{spec}".encode()).hexdigest()[:32]


def item_docs(model: SemanticModel) -> list[ItemDoc]:
    """Every metric, dimension, dimension value, touchpoint and journey of the model."""
    docs = [_metric(m, model) for m in model.spec.metrics]
    for dim in model.spec.dimensions:
        docs.append(_dimension(dim))
        docs.extend(_value(dim, v) for v in dim.values)
    docs.extend(_touchpoint(t, model) for t in model.spec.touchpoints)
    docs.extend(_journey(j, model) for j in model.spec.journeys)
    return docs


def model_examples(model: SemanticModel) -> list[ExampleDoc]:
    """One example per question of each verified query (English and Chinese)."""
    return [
        ExampleDoc(f"model:{i}:{j}", q, dict(vq.plan), language_of(q), "model")
        for i, vq in enumerate(model.spec.verified_queries)
        for j, q in enumerate(vq.questions)
    ]


def example_meta(e: ExampleDoc) -> dict[str, str | int | float | bool | None]:
    """The metadata an example is stored with (in chromadb and in the examples' snapshot)."""
    plan = json.dumps(e.plan, ensure_ascii=False, sort_keys=True)
    return {
        "question": e.question, "plan": plan, "language": e.language, "source": e.source,
        "role": e.role,
    }  # fmt: skip


def example_key(question: str) -> str:
    """The form example questions are embedded and compared in: case-folded, spaces collapsed,
    no final punctuation ("Which touchpoint…?" is "which touchpoint…")."""
    return _END_PUNCTUATION.sub("", " ".join(question.casefold().split()))


def language_of(text: str) -> str:
    return written_in(text)


def value_id(dimension: str, value: Scalar) -> str:
    return f"value:{dimension}={json.dumps(value, ensure_ascii=False)}"


def _metric(m: MetricSpec, model: SemanticModel) -> ItemDoc:
    what = m.description or _formula(m, model)
    parts = [what, FORMATS.get(m.format, m.format)]
    if m.format == "currency" and model.settings.currency:
        parts[-1] = f"currency ({model.settings.currency})"
    if not m.higher_is_better:
        parts.append("lower is better")
    return _named("metric", m.name, m, parts)


def _dimension(d: DimensionSpec) -> ItemDoc:
    parts = [d.description]
    if d.type == "time":
        parts.append("time; grains " + ", ".join(d.time_grains))
    elif d.values:
        shown = [str(v.value) for v in d.values[:LINE_VALUES]]
        more = f" (+{len(d.values) - LINE_VALUES} more)" if len(d.values) > LINE_VALUES else ""
        parts.append("values " + ", ".join(shown) + more)
    return _named("dimension", d.name, d, parts)


def _touchpoint(t: TouchpointSpec, model: SemanticModel) -> ItemDoc:
    parts = [t.description, f"stage {t.stage}"]
    if t.channel:
        parts.append(f"channel {t.channel}")
    if t.id == model.settings.purchase_touchpoint:
        parts.append("the purchase")
    return _named("touchpoint", t.id, t, parts)


def _journey(j: JourneySpec, model: SemanticModel) -> ItemDoc:
    window = j.window_days or model.settings.funnel_window_days
    default = ", the default journey" if j.default else ""
    parts = [j.description, " → ".join(j.steps) + f" (window {window} days{default})"]
    return _named("journey", j.name, j, parts)


def _named(kind: ItemKind, name: str, item: Named, parts: Iterable[str]) -> ItemDoc:
    labels = _unique(item.label(lang) for lang in CATALOGUES)
    mixed = chain.from_iterable(zip_longest(*(item.synonyms.said(lang) for lang in CATALOGUES)))
    synonyms = _unique((w for w in mixed if w), exclude=labels)
    return _doc(
        kind,
        name,
        value=None,
        labels=labels,
        synonyms=synonyms,
        parts=[p for p in parts if p],
        terms=True,
    )


def _value(dim: DimensionSpec, v: DimensionValue) -> ItemDoc:
    labels = _unique(v.label(lang) for lang in CATALOGUES)
    synonyms = _unique(v.synonyms, exclude=labels)
    return _doc(
        "value",
        dim.name,
        value=v.value,
        labels=labels,
        synonyms=synonyms,
        parts=[dim.label("en")],
        terms=False,
    )


def _doc(
    kind: ItemKind,
    name: str,
    *,
    value: Scalar | None,
    labels: list[str],
    synonyms: list[str],
    parts: list[str],
    terms: bool,
) -> ItemDoc:
    head = " / ".join(labels)
    rest: list[str] = []
    if kind == "value":
        first = f"{head} ({parts[0]})"
    else:
        first, rest = (f"{head} — {parts[0]}", parts[1:]) if parts else (head, [])
    also = [f"also: {', '.join(synonyms[:LINE_SYNONYMS])}"] if synonyms else []
    line = "; ".join([first, *rest, *also])
    own = pretty(name) if value is None else f"{pretty(name)} {value}"
    document = f"{kind} {' | '.join([own, *labels, *synonyms])}. {'; '.join(parts)}".strip()
    item_id = f"{kind}:{name}" if value is None else value_id(name, value)
    words = tuple(_unique([*labels, *synonyms])) if terms else ()
    return ItemDoc(item_id, kind, name, value, line, document, words)


def _formula(m: MetricSpec, model: SemanticModel) -> str:
    if isinstance(m, RatioMetric):
        return f"{_label(m.numerator, model)} / {_label(m.denominator, model)}"
    return ""


def _label(name: str, model: SemanticModel) -> str:
    metric = model.metrics.get(name)
    return metric.label("en") if metric is not None else pretty(name)


def _unique(words: Iterable[str], exclude: Iterable[str] = ()) -> list[str]:
    seen = {w.casefold() for w in exclude}
    out: list[str] = []
    for word in words:
        if word.casefold() not in seen:
            seen.add(word.casefold())
            out.append(word)
    return out


def iter_terms(docs: Iterable[ItemDoc]) -> Iterator[tuple[ItemDoc, int, str]]:
    """(record, number, term) for every short name to embed."""
    for doc in docs:
        for i, term in enumerate(doc.terms):
            yield doc, i, term


__all__ = [
    "INDEX_VERSION",
    "ExampleDoc",
    "ItemDoc",
    "example_key",
    "fingerprint",
    "item_docs",
    "iter_terms",
    "language_of",
    "model_examples",
    "value_id",
]
