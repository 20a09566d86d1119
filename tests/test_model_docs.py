"""docs/semantic-layer.md documents every key of the format and every rule; its examples work."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pydantic import BaseModel

from semantic_layer.model import base, spec, spec_data, spec_metrics, validate_text
from semantic_layer.model.rules import DEFAULT_RULES
from semantic_layer.model.yaml_lines import load_located

DOC = (Path(__file__).parent.parent / "docs" / "semantic-layer.md").read_text(encoding="utf-8")
YAML_BLOCKS = re.findall(r"```yaml\n(.*?)```", DOC, flags=re.S)
SPEC_CLASSES = sorted(
    {
        value
        for module in (base, spec, spec_data, spec_metrics)
        for value in vars(module).values()
        if isinstance(value, type)
        and issubclass(value, BaseModel)
        and value.__module__.startswith("semantic_layer.model")
    },
    key=lambda c: c.__name__,
)


def test_the_complete_example_validates() -> None:
    report = validate_text(YAML_BLOCKS[0], "docs/semantic-layer.md")
    assert [str(p) for p in report.problems] == []
    model = report.model()
    assert model.metric("转化率").name == "conversion_rate"
    assert model.lookup("公众号")[0].value == "wechat_oa"


@pytest.mark.parametrize("block", YAML_BLOCKS, ids=lambda b: b.split("\n", 1)[0][:30])
def test_every_yaml_example_is_valid_yaml(block: str) -> None:
    assert load_located(block).problems == []


@pytest.mark.parametrize("model", SPEC_CLASSES, ids=lambda c: c.__name__)
def test_every_key_is_documented(model: type[BaseModel]) -> None:
    missing = [
        key
        for key in model.model_fields
        if f"`{key}`" not in DOC and not re.search(rf"\b{key}:", DOC)
    ]
    assert missing == []


def test_the_python_examples_run() -> None:
    blocks = re.findall(r"```python\n(.*?)```", DOC, flags=re.S)
    assert blocks
    for block in blocks:
        exec(compile(block, "docs/semantic-layer.md", "exec"), {})


def test_every_rule_is_documented() -> None:
    missing = [type(r).__name__ for r in DEFAULT_RULES if f"`{type(r).__name__}`" not in DOC]
    assert missing == []
