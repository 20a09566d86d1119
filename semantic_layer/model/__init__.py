"""The semantic model: its YAML format, loading, validation and the in-memory `SemanticModel`.

    from semantic_layer.model import load_model, validate_file
    model = load_model()                       # the demo model
    model.metric("转化率").name                 # 'conversion_rate'
    report = validate_file("model.yaml", schema=schema)
    for problem in report.problems: print(problem)   # file:line: what — suggestion

See docs/semantic-layer.md for the format.
"""

from __future__ import annotations

from .base import Condition, Filter, Labels, RowFilter, Scalar, Synonyms
from .index import Ref, RefKind
from .loader import (
    DEMO_MODEL_PATH,
    ValidationReport,
    demo_model,
    load_model,
    validate_file,
    validate_spec,
    validate_text,
)
from .problems import ModelError, Problem
from .profile import ColumnProfile, DataProfile, Gap, TableProfile, TouchpointProfile
from .propose import Proposal, propose_model
from .rules import DEFAULT_RULES, Rule, RuleContext, Samples, Schema
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
