"""The semantic model: its YAML format, loading, validation and the in-memory `SemanticModel`.

    from semantic_layer.model import load_model, validate_file
    model = load_model()                       # the demo model
    model.metric("转化率").name                 # 'conversion_rate'
    report = validate_file("model.yaml", schema=schema)
    for problem in report.problems: print(problem)   # file:line: what — suggestion

See docs/semantic-layer.md for the format.

Loading, validation, profiles and proposals (`loader`, `rules`, `profile`, `propose`: YAML, the
validation rules) are imported on first use of one of their names: a `tpa ask` whose model comes
from the start-up cache needs none of them.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from .base import Condition, Filter, Labels, RowFilter, Scalar, Synonyms
from .index import Ref, RefKind
from .problems import ModelError, Problem
from .semantic import SemanticModel
from .spec import (
    STAGES,
    JourneySpec,
    ModelSpec,
    PolicySpec,
    Settings,
    Stage,
    TouchpointSpec,
    VerifiedQuery,
)
from .spec_data import (
    GRAINS,
    Agg,
    Bucket,
    DatePart,
    DimensionSpec,
    DimensionValue,
    Duration,
    Grain,
    Join,
    MeasureSpec,
    TableSpec,
    ValueMap,
)
from .spec_metrics import (
    ConversionMetric,
    ConversionStep,
    DerivedMetric,
    Format,
    Formula,
    MetricSpec,
    RatioMetric,
    SimpleMetric,
)

if TYPE_CHECKING:
    from .loader import (
        DEMO_MODEL_PATH,
        ValidationReport,
        demo_model,
        load_model,
        validate_file,
        validate_spec,
        validate_text,
    )
    from .profile import ColumnProfile, DataProfile, Gap, TableProfile, TouchpointProfile
    from .propose import Proposal, propose_model
    from .rules import DEFAULT_RULES, Rule, RuleContext, Samples, Schema

_LAZY = {
    **dict.fromkeys(
        ("DEMO_MODEL_PATH", "ValidationReport", "demo_model", "load_model", "validate_file",
         "validate_spec", "validate_text"),
        "loader",
    ),
    **dict.fromkeys(
        ("ColumnProfile", "DataProfile", "Gap", "TableProfile", "TouchpointProfile"), "profile"
    ),
    **dict.fromkeys(("Proposal", "propose_model"), "propose"),
    **dict.fromkeys(("DEFAULT_RULES", "Rule", "RuleContext", "Samples", "Schema"), "rules"),
}  # fmt: skip


def __getattr__(name: str) -> Any:
    """The names of the modules imported on first use (see above)."""
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


__all__ = [
    "DEFAULT_RULES",
    "DEMO_MODEL_PATH",
    "GRAINS",
    "STAGES",
    "Agg",
    "Bucket",
    "ColumnProfile",
    "Condition",
    "ConversionMetric",
    "ConversionStep",
    "DataProfile",
    "DatePart",
    "DerivedMetric",
    "DimensionSpec",
    "DimensionValue",
    "Duration",
    "Filter",
    "Format",
    "Formula",
    "Gap",
    "Grain",
    "Join",
    "JourneySpec",
    "Labels",
    "MeasureSpec",
    "MetricSpec",
    "ModelError",
    "ModelSpec",
    "PolicySpec",
    "Problem",
    "Proposal",
    "RatioMetric",
    "Ref",
    "RefKind",
    "RowFilter",
    "Rule",
    "RuleContext",
    "Samples",
    "Scalar",
    "Schema",
    "SemanticModel",
    "Settings",
    "SimpleMetric",
    "Stage",
    "Synonyms",
    "TableProfile",
    "TableSpec",
    "TouchpointProfile",
    "TouchpointSpec",
    "ValidationReport",
    "ValueMap",
    "VerifiedQuery",
    "demo_model",
    "load_model",
    "propose_model",
    "validate_file",
    "validate_spec",
    "validate_text",
]
