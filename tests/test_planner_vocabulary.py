"""The planner knows nothing but the model: no id or label of the demo model in its code.

Every string literal and comment of `assistant/nlu/` is scanned for the demo model's metric names,
dimension names and values, touchpoint ids, journey names and their English and Chinese labels.
Generic language is allowed — the canonical tables' column names (a contract for every dataset),
the common words listed in `GENERIC` below, which any business's questions use, and the planner's
gazetteer of China's provinces and larger cities (`cues.PLACES_ZH` / `PLACES_EN`: world knowledge
used to ask back about a place a model lacks, not this dataset's; the demo's own regions are still
caught).
"""

from __future__ import annotations

import ast
import io
import re
import tokenize
from pathlib import Path

import yaml

from assistant.nlu.cues import PLACES_EN, PLACES_ZH
from connectors.canonical import TABLES

ROOT = Path(__file__).resolve().parent.parent
PLANNER = ROOT / "assistant" / "nlu"
DEMO_MODEL = ROOT / "semantic_layer" / "model" / "demo.yaml"

# Words that the demo model uses as names or labels and that are also ordinary language of
# analytics questions: they may appear in the planner.
GENERIC = frozenset(
    """account app channel city conversion rate date delivery device events false female male gender
    mobile new none orders other phone region revenue search segment service sessions share shares
    store touchpoint true website review reviews refund complaint complaints tickets campaign
    offline telephone desktop pc regular loyal csat nps roi cac aov active users new users
    new customers customer service payment checkout purchasers
    渠道 区域 城市 触点 转化率 日期 设备 性别 男 女 新客 老客 投诉 分享 搜索 客服 电话 电脑 退款
    星期
    销售额 订单数 工单数 会话数 事件数 购买人数 客单价 新用户数 活跃用户数 投诉率 投诉量 获客成本
    投资回报率 净推荐值 客户满意度 营销费用 时段 年龄段 首页 结算 官网 移动端""".split()  # noqa: SIM905
) | {"customer acquisition cost", "average order value", "conversion rate", "active users",
     "new users", "new customers", "customer service", "marketing cost", "first response time",
     "resolution time", "complaint rate", "age band", "day of week", "hour of day"
     } | set(PLACES_ZH) | set(PLACES_EN)  # fmt: skip


def demo_terms() -> set[str]:
    spec = yaml.safe_load(DEMO_MODEL.read_text(encoding="utf-8"))
    found: set[str] = set()

    def add(item: dict[str, object], key: str) -> None:
        found.add(str(item[key]))
        labels = item.get("labels") or {}
        assert isinstance(labels, dict)
        found.update(str(v) for v in labels.values() if v)

    for section, key in (("metrics", "name"), ("touchpoints", "id"), ("journeys", "name")):
        for item in spec[section]:
            add(item, key)
    for dim in spec["dimensions"]:
        add(dim, "name")
        for value in dim.get("values") or []:
            if isinstance(value, dict):
                add(value, "value")
    canonical = {c.name for t in TABLES.values() for c in t.columns} | set(TABLES)
    terms = {t.strip().casefold() for t in found if t.strip()}
    return {t for t in terms - canonical - GENERIC if not re.fullmatch(r"[\d\s.+\-–]+", t)}


def planner_texts() -> list[tuple[Path, int, str]]:
    """Every string literal and comment of the planner's modules, with file and line."""
    out: list[tuple[Path, int, str]] = []
    for path in sorted(PLANNER.glob("*.py")):
        source = path.read_text(encoding="utf-8")
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                out.append((path, node.lineno, node.value.casefold()))
        for tok in tokenize.generate_tokens(io.StringIO(source).readline):
            if tok.type == tokenize.COMMENT:
                out.append((path, tok.start[0], tok.string.casefold()))
    return out


def occurs(term: str, text: str) -> bool:
    if re.search(r"[\u4e00-\u9fff]", term):
        return term in text
    return re.search(rf"(?<![a-z0-9_]){re.escape(term)}(?![a-z0-9_])", text) is not None


def test_the_planner_names_nothing_of_the_demo_model() -> None:
    terms = demo_terms()
    assert len(terms) > 150  # the scan has something to look for
    hits = sorted(
        f"{path.relative_to(ROOT)}:{line}: {term!r}"
        for path, line, text in planner_texts()
        for term in terms
        if occurs(term, text)
    )
    assert not hits, "demo vocabulary in the planner:\n" + "\n".join(hits)


def test_the_scan_finds_a_planted_name() -> None:
    texts = [(PLANNER / "x.py", 1, 'x = ("product_page", "华东")'.casefold())]
    terms = demo_terms()
    assert any(occurs(t, text) for _, _, text in texts for t in terms)
