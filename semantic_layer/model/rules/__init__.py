"""Validation rules: small classes, each one kind of check, run in order by `run_rules`.

Add a rule by writing a class with `check(ctx) -> Iterator[Problem]` and listing it in
`DEFAULT_RULES` (metricflow `validations/` keeps its rules the same way).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from ..problems import Problem
from .base import Rule, RuleContext, Samples, Schema
from .catalog import KnownTimezone, TouchpointChannels, VerifiedPlans
from .database import DatabaseColumns, DatabaseTables, type_kind
from .metrics import (
    ConversionShape,
    FormulaArithmetic,
    MetricCycles,
    PurchaseMeasures,
    RatioParts,
)
from .names import DistinctTerms, UniqueNames
from .overlaps import ColumnOnce, JourneyWindows, TermsAcrossKinds, ValuesInMainTable
from .policies import PolicyReferences, RowFiltersApply
from .references import KnownTables, MetricReferences, TouchpointReferences
from .samples import TouchpointsInData, ValuesInData
from .shapes import ConditionShape, DefaultJourney, DimensionShape, MeasureShape

DEFAULT_RULES: tuple[Rule, ...] = (
    UniqueNames(),
    KnownTimezone(),
    KnownTables(),
    MeasureShape(),
    DimensionShape(),
    ConditionShape(),
    MetricReferences(),
    MetricCycles(),
    RatioParts(),
    FormulaArithmetic(),
    ConversionShape(),
    PurchaseMeasures(),
    TouchpointReferences(),
    TouchpointChannels(),
    DefaultJourney(),
    PolicyReferences(),
    RowFiltersApply(),
    VerifiedPlans(),
    DistinctTerms(),
    TermsAcrossKinds(),
    ColumnOnce(),
    DatabaseTables(),
    DatabaseColumns(),
    TouchpointsInData(),
    ValuesInData(),
    ValuesInMainTable(),
    JourneyWindows(),
)


def run_rules(ctx: RuleContext, rules: Sequence[Rule] = DEFAULT_RULES) -> list[Problem]:
    """Every problem every rule finds, each tagged with the rule's name."""
    problems: list[Problem] = []
    for rule in rules:
        name = type(rule).__name__
        problems += [dataclasses.replace(p, rule=name) for p in rule.check(ctx)]
    return problems


__all__ = [
    "DEFAULT_RULES",
    "Rule",
    "RuleContext",
    "Samples",
    "Schema",
    "run_rules",
    "type_kind",
]
