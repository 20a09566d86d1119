"""The sound-typo reader loads pypinyin only when a fix is possible, and finds the same fixes.

`Homophones.fixes` first checks, without pinyin, that some stretch it would try is one character
(two in a word of four or more) off a model word: the one condition of a fix that needs no sound.
Where none is, the answer was always empty; where one is, the sounds decide as before.
"""

from __future__ import annotations

import random
import re
import subprocess
import sys
from pathlib import Path

import yaml

from assistant.nlu.homophones import _CJK_RUN, Homophones
from assistant.nlu.lexicon import Lexicon
from assistant.nlu.text import prepare
from semantic_layer.model import demo_model

ROOT = Path(__file__).resolve().parent.parent


def _reference(h: Homophones, norm: str, unread: str) -> list[tuple[str, str]]:
    """`fixes` as it was: every run read by its sound."""
    if not h._words or not re.search(r"[\u4e00-\u9fff]", unread):
        return []
    out: list[tuple[str, str]] = []
    for run in _CJK_RUN.finditer(norm):
        free = [unread[k] != " " for k in range(run.start(), run.end())]
        out += h._in_run(run[0], free)
    return out


def _questions() -> list[str]:
    found: list[str] = []
    for file in sorted((ROOT / "evals" / "gold").glob("*.yaml")):
        for case in _cases(yaml.safe_load(file.read_text(encoding="utf-8"))):
            found += [t for t in case if re.search(r"[\u4e00-\u9fff]", t)]
    return found


def _cases(data: object) -> list[list[str]]:
    """Every string found under a `question` or `turns` key, anywhere in a case file."""
    out: list[list[str]] = []
    if isinstance(data, dict):
        for key, value in data.items():
            if key in ("question", "q") and isinstance(value, str):
                out.append([value])
            else:
                out += _cases(value)
    elif isinstance(data, list):
        for item in data:
            out += _cases(item)
    elif isinstance(data, str) and len(data) < 80:
        out.append([data])
    return out


def test_the_same_fixes_as_reading_every_run_by_its_sound() -> None:
    model = demo_model()
    words = [t for t in Lexicon.of(model).terms if _CJK_RUN.fullmatch(t)]
    h = Homophones(words)
    rng = random.Random(15)
    texts = _questions()
    assert len(texts) > 150
    chars = sorted({c for t in texts for c in t if "\u4e00" <= c <= "\u9fff"})
    typos = []  # model words with one or two characters changed, inside a question
    for word in h._words:
        for _ in range(3):
            said = list(word)
            for k in rng.sample(range(len(word)), 1 if len(word) < 4 else 2):
                said[k] = rng.choice(chars)
            typos.append(f"上周{''.join(said)}是多少")
    fixed = 0
    for text in texts + typos:
        norm = prepare(text).norm
        unreads = [norm, "".join(c if rng.random() < 0.5 else " " for c in norm)]
        for unread in unreads:
            got = h.fixes(norm, unread)
            assert got == _reference(h, norm, unread), text
            fixed += bool(got)
    assert fixed > 0  # some typos are read by their sound: the comparison saw fixes too


PYPINYIN_LOADED = """
import sys
from datetime import date
from assistant.nlu import EmbeddedPlanner
from semantic_layer.model import demo_model
from semantic_layer.time import TimeContext
model = demo_model()
settings = model.settings
ctx = TimeContext.create(settings.timezone, settings.week_start, as_of=date(2026, 11, 23))
result = EmbeddedPlanner(model).plan(sys.argv[1], ctx)
print(result.notes, "pypinyin" in sys.modules)
"""


def test_pypinyin_loads_only_for_a_possible_fix() -> None:
    def run(text: str) -> str:
        done = subprocess.run(
            [sys.executable, "-c", PYPINYIN_LOADED, text],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        )
        return done.stdout.strip()

    far = ("上个月销售额前三的城市", "用户在商品详情页之后做了什么", "本月各渠道销售额环比")
    for question in far:
        assert run(question) == "() False", question  # nothing near a model word: no pinyin
    fixed = run("上周转化律是多少")  # 律 (lü) for 率 (lü): read by its sound, and said
    assert fixed.endswith("True") and "'转化律' → '转化率'" in fixed, fixed
