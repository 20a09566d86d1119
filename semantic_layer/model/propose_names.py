"""Names `tpa init` gives what it proposes: identifiers for columns whose names are not ones
(Chinese, spaces, dashes), labels in both languages, and the names of yes/no values.

A column keeps its real name in the dimension's `column`; the dimension's `name` is an ASCII
identifier made from the column's words when they are known (`支付方式` → `payment_method`), else
`dim_<n>`. Yes/no values are named after their column (`is_complaint` → "complaint" /
"not a complaint", 是投诉 / 非投诉), never a bare "yes" or 是 that would match any question.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from .base import pretty
from .lexicon import COLUMNS, VALUES

Row = dict[str, Any]
IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
MAX_NAME = 64
CJK = re.compile(r"[\u3400-\u9fff]")
ACRONYM_ZIPF = 3.5  # SEO 4.0, SMS 3.7, VIP 3.8 are words people say; UW 3.2, KOL 2.8 are codes
OPAQUE = re.compile(
    r"^(?:[A-Za-z]{0,2}[_\-.]?\d{2,}|[A-Z]{1,3}|[A-Za-z]{0,2}[_\-.]?(?=[0-9a-f]*\d)[0-9a-f]{4,})$"
)  # 1001, e_1031, UW, and hash fragments such as e_8c2d

# Common words of Chinese column names, for identifiers and English labels.
ZH_WORDS: dict[str, str] = {
    "系统": "system", "平台": "platform", "渠道": "channel", "来源": "source", "城市": "city",
    "省份": "province", "省": "province", "地区": "region", "区域": "region", "大区": "region",
    "性别": "gender", "年龄段": "age_band", "年龄": "age", "设备": "device", "机型": "device_model",
    "操作系统": "os", "版本": "version", "等级": "level", "级别": "level", "会员": "member",
    "类型": "type", "类别": "category", "分类": "category", "品类": "category", "状态": "status",
    "科室": "department", "医生": "doctor", "医院": "hospital", "院区": "campus", "门店": "store",
    "商家": "merchant", "餐厅": "restaurant", "菜系": "cuisine", "目的地": "destination",
    "出发地": "origin", "线路": "route", "产品": "product", "商品": "product", "服务器": "server",
    "区服": "server", "角色": "role", "职业": "class", "付费": "paying", "用户": "user",
    "客户": "customer", "投诉": "complaint", "新客": "new_customer", "方式": "method",
    "支付": "payment", "活动": "campaign", "广告": "ad", "分群": "segment", "客群": "segment",
    "标签": "tag", "语言": "language", "国家": "country", "医保": "insurance", "保险": "insurance",
    "酒店": "hotel", "星级": "star_rating", "舱位": "cabin_class", "退款": "refund",
    "订单": "order", "配送": "delivery", "骑手": "rider", "优惠券": "coupon", "首单": "first_order",
    "复诊": "follow_up", "初诊": "first_visit", "预约": "appointment", "挂号": "registration",
    "团队": "group", "套餐": "package", "季节": "season", "时段": "time_slot", "评分": "rating",
}  # fmt: skip
ADJECTIVE_ENDINGS = ("ive", "ed", "ing", "al", "ful", "ous", "able", "ible", "ic", "less", "ent")
ADJECTIVES = frozenset({"new", "old", "open", "free", "paid", "first", "valid", "vip", "active"})
TRUE_WORDS = frozenset({"true", "yes", "y", "是", "有"})
FALSE_WORDS = frozenset({"false", "no", "n", "否", "无"})


def _zh_glossary() -> dict[str, str]:
    words = dict(ZH_WORDS)
    for key, w in COLUMNS.items():
        for zh in (w.zh, *w.synonyms_zh):
            if zh:
                words.setdefault(zh, key)
    return words


GLOSSARY = _zh_glossary()
ENGLISH_ZH = {en: zh for zh, en in ZH_WORDS.items()} | {
    k: w.zh for k, w in (*COLUMNS.items(), *VALUES.items()) if w.zh
}


def is_identifier(name: str) -> bool:
    return bool(IDENTIFIER.match(name)) and len(name) <= MAX_NAME


def has_cjk(text: str) -> bool:
    return bool(CJK.search(text))


def translate(name: str) -> str | None:
    """An ASCII identifier with the words of `name` (`VIP等级` → `vip_level`), or None when a
    Chinese part of it is not a known word."""
    for zh, prefix in (("是否有", "has_"), ("是否", "is_")):
        if name.startswith(zh):
            rest = translate(name[len(zh) :])
            return f"{prefix}{rest}" if rest else None
    tokens: list[str] = []
    for part in re.findall(r"[A-Za-z0-9]+|[\u3400-\u9fff]+", name):
        if not has_cjk(part):
            tokens.append(part.lower())
            continue
        i = 0
        while i < len(part):
            word = next((part[i:j] for j in range(len(part), i, -1) if part[i:j] in GLOSSARY), None)
            if word is None:
                return None
            tokens.append(GLOSSARY[word])
            i += len(word)
    slug = "_".join(tokens)[:MAX_NAME].strip("_")
    if not slug:
        return None
    return slug if slug[0].isalpha() or slug[0] == "_" else f"c_{slug}"[:MAX_NAME]


class Namer:
    """Unique identifiers for proposed objects, avoiding names already taken."""

    def __init__(self, taken: Iterable[str] = ()) -> None:
        self.taken = set(taken)
        self.made_up: list[tuple[str, str]] = []  # (name, what it stands for)

    def name(self, wanted: str, what: str, prefix: str = "") -> str:
        """`wanted` if it is a free identifier, else one made from its words, else `dim_<n>`."""
        base = wanted if is_identifier(wanted) else translate(wanted)
        if base is None:
            base = self._next("dim")
        elif base in self.taken and prefix:
            base = f"{prefix}_{base}"[:MAX_NAME]
        name = base if base not in self.taken else self._next(base)
        self.taken.add(name)
        if not is_identifier(wanted):
            self.made_up.append((name, what))
        return name

    def _next(self, base: str) -> str:
        n = 1 if base == "dim" else 2
        while f"{base}_{n}" in self.taken:
            n += 1
        return f"{base}_{n}"


def column_labels(column: str) -> Row | None:
    """Labels for a column not in the lexicon: its Chinese name as `zh`, with an English label
    when its words are known; None for a column without Chinese (its id reads well)."""
    if not has_cjk(column):
        return None
    english = translate(column)
    return _labels(flag_label_en(english) if english else None, column)


def flag_label_en(identifier: str) -> str:
    """`is_paying_user` → "paying user or not"; other identifiers made readable."""
    for prefix in ("is_", "has_"):
        if identifier.startswith(prefix) and len(identifier) > len(prefix):
            rest = pretty(identifier[len(prefix) :])
            return f"has {rest} or not" if prefix == "has_" else f"{rest} or not"
    return pretty(identifier)


def is_flag(values: Iterable[str]) -> bool:
    """Whether text values are yes/no ones (是/否, Y/N, yes/no, true/false)."""
    found = {v.strip().lower() for v in values}
    return len(found) == 2 and len(found & TRUE_WORDS) == 1 and len(found & FALSE_WORDS) == 1


def flag_value_labels(column: str, labels: Row | None) -> tuple[Row | None, Row, Row]:
    """The dimension's labels and those of its true and false values, from the column name
    (`is_complaint`, `是否付费用户`) or else the dimension's label ("refunded: yes", 是已退款)."""
    if column.startswith("是否"):
        base = column[2:].removeprefix("有")
        has = column[2:].startswith("有")
        english = translate(base)
        en = _flag_en(english, has) if english else None
        true = _labels(en[0] if en else None, f"有{base}" if has else base)
        false = _labels(en[1] if en else None, f"无{base}" if has else f"非{base}")
        return labels, true, false
    for prefix, zh_prefix in (("is_", "是否"), ("has_", "是否有")):
        if column.lower().startswith(prefix) and len(column) > len(prefix):
            base = column[len(prefix) :].lower()
            zh = _english_to_zh(base)
            en = _flag_en(base, prefix == "has_")
            dim = dict(labels or {"en": flag_label_en(column.lower())})
            if zh and not dim.get("zh"):
                dim["zh"] = f"{zh_prefix}{zh}"
            zh_true = (f"有{zh}" if prefix == "has_" else f"是{zh}") if zh else None
            zh_false = (f"无{zh}" if prefix == "has_" else f"非{zh}") if zh else None
            return dim, _labels(en[0], zh_true), _labels(en[1], zh_false)
    en_label = (labels or {}).get("en") or (None if has_cjk(column) else pretty(column))
    zh_label = (labels or {}).get("zh")
    en = _flag_words(en_label) if en_label else None
    true = _labels(en[0] if en else None, f"是{zh_label}" if zh_label else None)
    false = _labels(en[1] if en else None, f"非{zh_label}" if zh_label else None)
    if en_label and not (labels or {}).get("en"):  # the column itself: "sla breached or not"
        labels = {**(labels or {}), "en": f"{en_label} or not"}
    return labels, true, false


def _flag_words(label: str) -> tuple[str, str]:
    """Yes/no labels from a column's label: "sla breached" / "not sla breached", "with auto
    renew" / "without auto renew"."""
    last = label.split()[-1]
    if last in ADJECTIVES or last.endswith(ADJECTIVE_ENDINGS):
        return label, f"not {label}"
    return f"with {label}", f"without {label}"


def is_opaque(text: str) -> bool:
    """Whether a value or id is a code that reads as nothing: a number or one or two letters
    and a number (`1001`, `e_1031`), a hash fragment (`e_8c2d`), or up to three capitals (`UW`);
    not `25-34` or `45+`, nor
    an acronym people say (`SEO`, `SMS`, `VIP`: common in English text)."""
    stripped = text.strip()
    if not OPAQUE.match(stripped):
        return False
    return not (stripped.isalpha() and len(stripped) > 1 and _common_acronym(stripped.lower()))


def _common_acronym(word: str) -> bool:
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "en") >= ACRONYM_ZIPF


def _flag_en(base: str, has: bool) -> tuple[str, str]:
    words = pretty(base)
    if has:
        return f"has {words}", f"no {words}"
    last = words.split()[-1]
    if last in ADJECTIVES or last.endswith(ADJECTIVE_ENDINGS):
        return words, f"not {words}"
    return words, f"not {'an' if words[0] in 'aeiou' else 'a'} {words}"


def _english_to_zh(base: str) -> str | None:
    if base in ENGLISH_ZH:
        return ENGLISH_ZH[base]
    parts = [ENGLISH_ZH.get(w) for w in base.split("_")]
    return "".join(p for p in parts if p) if all(parts) else None


def _labels(en: str | None, zh: str | None) -> Row:
    return {k: v for k, v in (("en", en), ("zh", zh)) if v}


__all__ = [
    "Namer",
    "column_labels",
    "flag_label_en",
    "flag_value_labels",
    "has_cjk",
    "is_flag",
    "is_identifier",
    "is_opaque",
    "translate",
]
