"""`SemanticModel`: a validated model in memory, immutable, with the look-ups planners and the
compiler use. Unknown names raise `UserError` with "did you mean" suggestions."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import TypeVar

from semantic_layer.errors import InternalError, UserError, close_matches, normalise

from .index import Ref, RefKind, build_index, words_for
from .problems import Problem
from .spec import JourneySpec, ModelSpec, PolicySpec, Settings, TouchpointSpec
from .spec_data import DimensionSpec, DimensionValue, MeasureSpec, TableSpec
from .spec_metrics import MetricSpec, SimpleMetric

T = TypeVar("T")
_EVERYTHING = PolicySpec(metrics="*", dimensions="*", description="no policies: everything")


@dataclass(frozen=True)
class SemanticModel:
    """The model's objects by name, and the index of every word that names one."""

    spec: ModelSpec
    source: str | None
    warnings: tuple[Problem, ...]
    metrics: Mapping[str, MetricSpec]
    measures: Mapping[str, MeasureSpec]
    dimensions: Mapping[str, DimensionSpec]
    touchpoints: Mapping[str, TouchpointSpec]
    journeys: Mapping[str, JourneySpec]
    index: Mapping[str, tuple[Ref, ...]]

    @classmethod
    def create(
        cls, spec: ModelSpec, source: str | None = None, warnings: tuple[Problem, ...] = ()
    ) -> SemanticModel:
        """Wrap a validated spec (see `validate_spec`/`load_model`, which validate first)."""
        spec = _with_bare_measures(spec)
        return cls(
            spec=spec,
            source=source,
            warnings=warnings,
            metrics=_by_name(spec.metrics, lambda m: m.name),
            measures=_by_name(spec.measures, lambda m: m.name),
            dimensions=_by_name(spec.dimensions, lambda d: d.name),
            touchpoints=_by_name(spec.touchpoints, lambda t: t.id),
            journeys=_by_name(spec.journeys, lambda j: j.name),
            index=MappingProxyType(build_index(spec)),
        )

    @property
    def name(self) -> str:
        return self.spec.name

    @property
    def settings(self) -> Settings:
        return self.spec.settings

    @property
    def tables(self) -> Mapping[str, TableSpec]:
        return MappingProxyType(self.spec.tables)

    @property
    def policies(self) -> Mapping[str, PolicySpec]:
        return MappingProxyType(self.spec.policies)

    def metric(self, name: str) -> MetricSpec:
        """The metric with this name (or whose label or synonym this is)."""
        return self.metrics[self._resolve("metric", name, self.metrics)]

    def measure(self, name: str) -> MeasureSpec:
        if name not in self.measures:
            raise _unknown("measure", name, close_matches(name, self.measures))
        return self.measures[name]

    def dimension(self, name: str) -> DimensionSpec:
        """The dimension with this name (or whose label or synonym this is)."""
        return self.dimensions[self._resolve("dimension", name, self.dimensions)]

    def touchpoint(self, tp: str) -> TouchpointSpec:
        """The touchpoint with this id (or whose label or synonym this is)."""
        return self.touchpoints[self._resolve("touchpoint", tp, self.touchpoints)]

    def journey(self, name: str | None = None) -> JourneySpec:
        """The journey with this name; the default journey when `name` is None."""
        if name is None:
            default = next((j for j in self.spec.journeys if j.default), None)
            if default is None:
                raise UserError("the model has no default journey", hint="name the journey")
            return default
        return self.journeys[self._resolve("journey", name, self.journeys)]

    def policy(self, role: str | None = None) -> PolicySpec:
        """The access policy of `role` (the default role when None; everything without policies)."""
        policies = self.spec.policies
        if not policies:
            return _EVERYTHING
        key = self.settings.default_role if role is None else role
        if key not in policies:
            raise _unknown("role", key, close_matches(key, policies))
        return policies[key]

    def table(self, name: str) -> TableSpec:
        if name not in self.tables:
            raise _unknown("table", name, close_matches(name, self.tables))
        return self.tables[name]

    def lookup(self, term: str) -> tuple[Ref, ...]:
        """Everything `term` names exactly (case, spaces and `_` ignored); () when nothing."""
        return self.index.get(normalise(term), ())

    def suggest(self, term: str, kinds: tuple[RefKind, ...] = ()) -> tuple[str, ...]:
        """Names of the objects whose words are closest to `term` (of `kinds`, or any kind)."""
        words = words_for(self.index, kinds or ("metric", "dimension", "touchpoint", "journey"))
        close = close_matches(term, words, n=5)
        return tuple(dict.fromkeys(_ref_name(words[normalise(w)]) for w in close))[:3]

    def values(self, dimension: str) -> tuple[DimensionValue, ...]:
        """The dimension's known values; for `touchpoint` without values, the touchpoints."""
        dim = self.dimension(dimension)
        if dim.values or dim.column != "touchpoint":
            return dim.values
        return tuple(
            DimensionValue(value=t.id, labels=t.labels, synonyms=t.synonyms.all())
            for t in self.spec.touchpoints
        )

    def measures_of(self, metric: str) -> tuple[MeasureSpec, ...]:
        """The measures a metric is computed from, through ratios and formulas (no duplicates;
        none for a conversion metric, which reads `events` itself)."""
        found: dict[str, MeasureSpec] = {}
        self._collect(self.metric(metric).name, found, frozenset())
        return tuple(found.values())

    def _collect(self, name: str, found: dict[str, MeasureSpec], stack: frozenset[str]) -> None:
        if name in stack:
            raise InternalError(f"metric cycle through '{name}' in a validated model")
        metric = self.metrics.get(name)
        if metric is None:
            found.setdefault(name, self.measure(name))
        elif isinstance(metric, SimpleMetric):
            found.setdefault(metric.measure, self.measure(metric.measure))
        else:
            for ref in metric.references():
                self._collect(ref, found, stack | {name})

    def _resolve(self, kind: RefKind, term: str, names: Mapping[str, object]) -> str:
        if term in names:
            return term
        matches = {r.name for r in self.lookup(term) if r.kind == kind}
        if len(matches) == 1:
            return matches.pop()
        if matches:
            raise UserError(
                f"'{term}' could mean several {kind}s",
                names=(term,),
                suggestions=tuple(sorted(matches)),
            )
        raise _unknown(kind, term, self.suggest(term, (kind,)))


def _ref_name(ref: Ref) -> str:
    return ref.name


def _with_bare_measures(spec: ModelSpec) -> ModelSpec:
    """A measure no metric reads is still something the model can count: it is asked for as a
    simple metric of its own name ("users" when a busy labeller kept `tpa init`'s measure but
    deleted its metric). Metrics the model declares always come first."""
    read = {name for metric in spec.metrics for name in metric.references()}
    named = {metric.name for metric in spec.metrics}
    bare = [
        SimpleMetric(name=m.name, measure=m.name)
        for m in spec.measures
        if m.name not in read and m.name not in named
    ]
    return spec.model_copy(update={"metrics": (*spec.metrics, *bare)}) if bare else spec


def _by_name(items: tuple[T, ...], key: Callable[[T], str]) -> Mapping[str, T]:
    return MappingProxyType({key(item): item for item in items})


def _unknown(kind: str, name: str, suggestions: tuple[str, ...]) -> UserError:
    return UserError(
        f"unknown {kind} '{name}'", names=(name,), suggestions=suggestions, kind=f"unknown_{kind}"
    )


__all__ = ["SemanticModel"]
