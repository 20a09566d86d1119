"""The JSON schema of plans for LLM structured output (OpenAI `strict: true` and alike).

Strict mode accepts a subset of JSON Schema: the root is an object; every object lists all its
properties as required (optional ones are nullable) and forbids others; unions are `anyOf`; no
defaults, numeric or length bounds, patterns or formats. The bounds are kept as words in the
descriptions, and `parse_plan` enforces them.
"""

from __future__ import annotations

from typing import Any, Final

from semantic_layer.plan.union import PLAN_ADAPTER, PlanEnvelope

DROPPED: Final = ("default", "title", "discriminator", "pattern", "format")
NAMED: Final = ("properties", "$defs", "definitions")  # maps of names to schemas
BOUNDS: Final = {
    "minimum": "at least {}",
    "maximum": "at most {}",
    "exclusiveMinimum": "more than {}",
    "exclusiveMaximum": "less than {}",
    "minLength": "at least {} characters",
    "maxLength": "at most {} characters",
    "minItems": "at least {} item(s)",
    "maxItems": "at most {} item(s)",
}


def plan_json_schema(strict: bool = True) -> dict[str, Any]:
    """The schema of {"plan": <QueryPlan>} for strict structured output (default), or with
    `strict=False` the full pydantic schema of a bare plan (with bounds and defaults)."""
    if not strict:
        return PLAN_ADAPTER.json_schema()
    schema: dict[str, Any] = strict_schema(PlanEnvelope.model_json_schema())
    return schema


def strict_schema(node: Any) -> Any:
    """A copy of a pydantic JSON schema rewritten into the strict subset."""
    if isinstance(node, list):
        return [strict_schema(item) for item in node]
    if not isinstance(node, dict):
        return node
    if "$ref" in node:
        return {"$ref": node["$ref"]}
    out: dict[str, Any] = {}
    for key, value in node.items():
        if key in NAMED:
            out[key] = _kind_first({name: strict_schema(v) for name, v in value.items()})
        elif key not in DROPPED and key not in BOUNDS and key != "const":
            out["anyOf" if key == "oneOf" else key] = strict_schema(value)
    if "const" in node:
        out["enum"] = [node["const"]]
    _describe_bounds(node, out)
    if out.get("type") == "object" or "properties" in out:
        out["required"] = list(out.get("properties", {}))
        out["additionalProperties"] = False
    return out


def _kind_first(properties: dict[str, Any]) -> dict[str, Any]:
    """The discriminator first: models write JSON in schema order, and the kind decides the rest."""
    return dict(sorted(properties.items(), key=lambda item: item[0] != "kind"))


def _describe_bounds(node: dict[str, Any], out: dict[str, Any]) -> None:
    notes = [text.format(node[key]) for key, text in BOUNDS.items() if key in node]
    if node.get("minLength") == 1:
        notes[notes.index(BOUNDS["minLength"].format(1))] = "non-empty"
    if node.get("format") == "date":
        notes.insert(0, "a date, YYYY-MM-DD")
    if notes:
        out["description"] = "; ".join([out.get("description", ""), *notes]).lstrip("; ")
