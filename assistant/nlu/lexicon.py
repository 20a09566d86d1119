"""The planner's vocabulary: every model word and cue word, matched longest-first.

Chinese needs no spaces: at each position the longest known term wins, so
"上周哪个触点流失用户最多" reads as 上周 · 哪个 · 触点 · 流失 · 用户 · 最多.
Latin terms match on word boundaries only (a term "app" is not found inside "happy").
Leading words shared by several values of one dimension that name nothing else (a brand
that starts two channels' labels) become umbrella terms for all of them.
"""

from __future__ import annotations

import functools
import re
import threading
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any, Final

from semantic_layer.model.index import Ref
from semantic_layer.model.semantic import SemanticModel
from semantic_layer.model.spec_data import DimensionSpec
from semantic_layer.model.spec_metrics import RatioMetric

from .cues import (
    CUES,
    CURRENCY_WORDS,
    DEMONYMS,
    OUT_OF_SCOPE,
    PLACE_NAMES,
    PLACES_ZH,
    PURCHASE_WORDS,
    WORD_SYNONYMS,
    ZH_FOR_EN,
)
from .periods import NamedPeriod, named_periods
from .text import prepare

_LATIN = re.compile(r"[a-z0-9]")
# Lexicons built, by the id of their model (kept with it, so an id reused after the model is
# gone is not mistaken for it): the few models of one process.
_BUILT: dict[int, tuple[SemanticModel, Lexicon]] = {}
_BUILT_LOCK = threading.Lock()
_BUILT_KEPT: Final = 32
# An English metric named by a plural noun and what was done to it: "sessions completed",
# "tickets sold" (the noun alone names it, weakly: "订单" of 订单数 in English)
_NOUN_DONE: Final = re.compile(
    r"([a-z]{3,}s) (?:[a-z]{3,}ed|done|sold|made|paid|held|sent|won|lost)"
)
_LINKS: Final = frozenset(  # (of three letters or more): never the thing or the action
    "the and for after before since from with over under into this that last next per all".split()  # noqa: SIM905
)
_STOP: Final = frozenset({"the", "a", "an", "of", "and", "or", "to", "in", "on", "for", "by",
                          "page", "rate", "time", "users", "user", "store", "customer", "service",
                          "click", "total", "count", "number", "share", "average", "product",
                          "official", "paid", "mobile", "online", "offline"})  # fmt: skip


@dataclass(frozen=True)
class Cue:
    """A planner word: `name` is a key of `CUES` (or `scope:<topic>` for out-of-scope topics)."""

    name: str


Sense = Ref | Cue


@dataclass(frozen=True)
class Match:
    """A term found in the question: its span in the normalised text and what it may mean."""

    start: int
    end: int
    term: str
    senses: tuple[Sense, ...]
    weak: bool = False  # a metric named by its noun alone ("订单" of 订单数): yields to others

    def refs(self, *kinds: str) -> tuple[Ref, ...]:
        return tuple(
            s for s in self.senses if isinstance(s, Ref) and (not kinds or s.kind in kinds)
        )

    def cues(self) -> frozenset[str]:
        return frozenset(s.name for s in self.senses if isinstance(s, Cue))


# Verbs of joining that count new people unless the model has a touchpoint of that verb.
_JOINING: Final = {
    "signed up": ("signup", "signups", "signedup", "signingup"),
    "joined": ("join", "joins", "joined", "joining"),
}


def _rates(model: SemanticModel) -> dict[str, Ref]:
    """Each metric that is the numerator of exactly one percent ratio → that ratio: "到课率" said
    after the count "体验课到课" is the show-up rate whose numerator that count is."""
    found: dict[str, list[str]] = defaultdict(list)
    for metric in model.spec.metrics:
        if isinstance(metric, RatioMetric) and metric.format == "percent":
            found[metric.numerator].append(metric.name)
    return {count: Ref("metric", names[0]) for count, names in found.items() if len(names) == 1}


def _has_ref(senses: Iterable[Sense]) -> bool:
    return any(isinstance(s, Ref) for s in senses)


def _measure_of(key: str, suffix: str) -> bool:
    """Whether `suffix` is the measure word that ends the Chinese name `key` (leaving two
    characters or more, and not the 户 of 用户, 客户…)."""
    if not key.endswith(suffix) or len(key) - len(suffix) < 2:
        return False
    return not (suffix == "户数" and key[-3] in _HOUSEHOLD_WORDS)


def _add_names(
    terms: dict[str, dict[Sense, None]], names: dict[str, tuple[Ref, ...]], *, over_words: bool
) -> None:
    """Other names of model items, where the model has no such word: a term nothing names yet,
    or (`over_words`) one that names no model item (a planner word may share it)."""
    for key, refs in names.items():
        if (not _has_ref(terms.get(key, {}))) if over_words else key not in terms:
            for ref in refs:
                terms[key][ref] = None


def _only_values(senses: dict[Sense, None]) -> bool:
    refs = [s for s in senses if isinstance(s, Ref)]
    return bool(refs) and all(r.kind == "value" for r in refs)


_PARTICLES = frozenset("的了得")


class Lexicon:
    """term (normalised) → senses; `scan` finds them in a normalised question."""

    def __init__(
        self, terms: dict[str, tuple[Sense, ...]], default_period: str | None = None
    ) -> None:
        self.terms = terms
        self.default_period = default_period
        self.periods: tuple[NamedPeriod, ...] = ()  # the model's own named periods
        self.weak: frozenset[str] = frozenset()
        self.initials: frozenset[str] = frozenset()  # values by their initials: only in capitals
        self.brands: frozenset[str] = frozenset()  # values by their brand ("wechat")
        self.rates: dict[str, Ref] = {}  # a count metric → the one percent ratio it is counted in
        self.longest = max((len(t) for t in terms), default=0)
        # the first two characters of the model's Chinese names (完成 of 完成单量)
        self.heads = frozenset(
            t[:2] for t, s in terms.items() if len(t) > 2 and CJK_ONLY.fullmatch(t) and _has_ref(s)
        )
        self.stemmed: dict[tuple[str, ...], tuple[str, tuple[Sense, ...]]] = {}
        self.verbal: dict[str, tuple[str, tuple[Sense, ...]]] = {}
        self.phrased: dict[tuple[str, ...], tuple[str, tuple[Sense, ...]]] = {}
        self.unordered: dict[tuple[str, ...], tuple[str, tuple[Sense, ...]]] = {}
        # a step named "<thing> <action>" said as the action done to the thing: "viewing a
        # product" for "product view" (the action's key, then the thing's stem)
        self.inverted: dict[tuple[str, str], tuple[str, tuple[Sense, ...]]] = {}
        # the first two words of the model's longer English names: "monthly pass" of "monthly
        # pass purchase" — its "monthly" is the name's, not a series asked for
        self.openings = frozenset(
            " ".join(t.split()[:2])
            for t, senses in terms.items()
            if t.isascii() and len(t.split()) > 2 and _has_ref(senses)
        )
        parts: dict[str, set[tuple[str, tuple[Sense, ...]]]] = defaultdict(set)
        for term, senses in terms.items():
            words = term.split()
            if term.isascii() and 1 <= len(words) <= _MAX_WORDS and len(term) >= 3:
                key = tuple(stem(w, verbs=len(words) > 1) for w in words)
                self.stemmed.setdefault(key, (term, senses))
                if len(words) > 1:  # "online consults" for "online consultations"
                    self.phrased.setdefault(tuple(verb_key(w) for w in words), (term, senses))
                    values = tuple(s for s in senses if isinstance(s, Ref) and s.kind == "value")
                    content = all(len(w) >= 3 and w not in _STOP for w in words)
                    if values and content:  # "student summer campaign": "summer student campaign"
                        self.unordered.setdefault(tuple(sorted(key)), (term, values))
            actions = tuple(s for s in senses if isinstance(s, Ref) and s.kind == "touchpoint")
            if actions and term.isascii() and len(words) == 1 and len(term) >= 4:
                self.verbal.setdefault(verb_key(term), (term, actions))
            elif actions and term.isascii() and 1 < len(words) <= 3:
                for word in (w for w in words if len(w) >= 5):
                    parts[verb_key(word)].add((term, actions))
                if all(len(w) >= 3 and w not in _LINKS for w in words):  # "mini program open"
                    thing = " ".join(stem(w) for w in words[:-1])
                    self.inverted.setdefault((verb_key(words[-1]), thing), (term, actions))
        # "activated" for a touchpoint "card activation": a word of a longer name, when no other
        # touchpoint's name has it
        self.verbal_parts = {
            k: next(iter(v))
            for k, v in parts.items()
            if len({a for _, a in v}) == 1 and k not in self.verbal
        }

    @classmethod
    def of(cls, model: SemanticModel) -> Lexicon:
        """The lexicon of `model`, built once per model object (a service's planners, one per
        role, share it; it is never changed after it is built)."""
        with _BUILT_LOCK:
            found = _BUILT.get(id(model))
            if found is not None and found[0] is model:
                return found[1]
        lexicon = cls.build(model)
        cls.keep(model, lexicon)
        return lexicon

    @classmethod
    def keep(cls, model: SemanticModel, lexicon: Lexicon) -> None:
        """Make `lexicon` what `of(model)` returns: one built for the same model file by the same
        code, read back from the start-up cache (`assistant.startup_cache`)."""
        with _BUILT_LOCK:
            _BUILT[id(model)] = (model, lexicon)
            while len(_BUILT) > _BUILT_KEPT:
                del _BUILT[next(iter(_BUILT))]

    @classmethod
    def build(cls, model: SemanticModel) -> Lexicon:
        terms: dict[str, dict[Sense, None]] = defaultdict(dict)
        for key, refs in model.index.items():
            for ref in refs:
                terms[_norm(key)][ref] = None
        stems: set[str] = set()
        for key, senses in list(terms.items()):
            zh = bool(_CJK.match(key))  # 转入户数 → 转入, but 活跃用户数 → 活跃用户
            suffix = next((s for s in _ZH_MEASURES if zh and _measure_of(key, s)), "")
            stem_zh = key[: -len(suffix)] if suffix else key
            if stem_zh != key and len(stem_zh) >= 2 and stem_zh not in terms:
                metrics: dict[Sense, None] = {
                    s: None for s in senses if isinstance(s, Ref) and s.kind == "metric"
                }
                if metrics:
                    terms[stem_zh] = metrics  # "订单" for 订单数, "访客" for 访客数
                    stems.add(stem_zh)
            noun = _NOUN_DONE.fullmatch(key)
            if noun is not None and noun[1] not in terms:  # "sessions" for "sessions completed"
                metrics = {s: None for s in senses if isinstance(s, Ref) and s.kind == "metric"}
                if metrics:
                    terms[noun[1]] = metrics
                    stems.add(noun[1])
            if zh and len(key) == 2 and key[1] in "数量" and key[0] not in _UNIT_WORDS:
                for asked in (f"多少{key[0]}", f"几{key[0]}"):  # 盒数: "多少盒", "几盒"
                    for sense in senses:
                        if isinstance(sense, Ref) and sense.kind == "metric":
                            terms[asked][sense] = None
                    terms[asked][Cue("how_many")] = None
            one = key[:-1] if key.isascii() and key.endswith("s") and " " not in key else ""
            if len(one) >= 3 and _only_values(terms.get(one, {})):
                for sense in senses:  # "多少个 lead" for a metric "leads" where "lead" is only
                    if isinstance(sense, Ref) and sense.kind == "metric":  # a stage's value: the
                        terms[one][sense] = None  # metric (a value word it shares yields to it)
        _add_names(terms, metric_heads(model), over_words=False)
        _add_names(terms, without_unit(terms), over_words=False)
        _add_names(terms, dimension_heads(model), over_words=False)
        _add_names(terms, duration_short_names(model), over_words=True)
        _add_names(terms, journey_short_names(model), over_words=True)
        _add_names(terms, umbrella_terms(model), over_words=False)
        _add_names(terms, value_short_names(model), over_words=False)
        brands = value_brand_names(model)
        _add_names(terms, brands, over_words=False)
        _add_names(terms, flag_negations(model), over_words=False)
        _add_names(terms, synonym_variants(terms), over_words=False)
        _add_names(terms, chinese_names(model), over_words=False)
        _add_names(terms, english_variants(model), over_words=False)
        _add_names(terms, joined_particles(terms), over_words=False)
        initials = {**value_code_heads(model), **value_initials(model)}
        _add_names(terms, initials, over_words=False)
        for word, ref in _place_names(model):  # "Sichuan" for a value stored as 四川
            if not _has_ref(terms.get(word, {})):
                terms[word][ref] = None
        for adjective, country in DEMONYMS.items():  # "Polish" for a value called Poland
            values = [x for x in terms.get(country, {}) if isinstance(x, Ref)]
            if values and not _has_ref(terms.get(adjective, {})):
                for ref in values:
                    terms[adjective][ref] = None
        buy = model.spec.settings.purchase_touchpoint
        if buy is not None and buy in model.touchpoints:
            for word in PURCHASE_WORDS:  # "bought", "买了": the model's purchase, whatever its name
                if not _has_ref(terms.get(_norm(word), {})):
                    terms[_norm(word)][Ref("touchpoint", buy)] = None
        actions = [
            t
            for t, senses in terms.items()
            if _CJK.match(t) and len(t) >= 2 and any(isinstance(s, Ref) and s.kind == "touchpoint"
                                                      for s in senses)
        ]  # fmt: skip
        english_actions = [
            t
            for t, senses in terms.items()
            if t.isascii() and any(isinstance(s, Ref) and s.kind == "touchpoint" for s in senses)
        ]
        for name, words in CUES.items():
            for said in map(_norm, words):
                if name == "new_people" and any(a in said for a in actions):
                    continue  # "注册了多少" when the model has a touchpoint 注册: that action
                if name == "new_people" and set(_JOINING.get(said, ())) & {
                    re.sub(r"[^a-z]", "", t) for t in english_actions
                }:
                    continue  # "signed up" when the model has a touchpoint "sign up": that one
                if name == "retention" and _has_ref(terms.get(said, {})):
                    continue  # "returns" when the model counts returns: those, not retention
                terms[said][Cue(name)] = None
        for key in [k for k, senses in terms.items() if not _has_ref(senses)]:
            stem = key[:-1] if key[-1:] in _PARTICLES and _CJK.match(key) else None
            plural = key.isascii() and key.endswith("s")
            if plural:  # "routes": the dimension route, and the cue (not "customers" a value)
                stem = key[:-1]
            if stem and _has_ref(terms.get(stem, {})):  # "流失的": the value 流失, and the cue
                for sense in terms[stem]:
                    if isinstance(sense, Ref) and (not plural or sense.kind == "dimension"):
                        terms[key][sense] = None
        named = [t for t, senses in terms.items() if _has_ref(senses)]
        for topic, words in OUT_OF_SCOPE.items():
            for said in map(_norm, words):  # (normalised once: a place list is long)
                if _has_ref(terms.get(said, {})):
                    continue  # the model's word wins
                if topic in _NAME_TOPICS and any(said in t for t in named):
                    continue  # "广州" when the model has 广州市: a short form, not another place
                parts = _cores(said)
                parts += [p[:-1] for p in parts if p.isascii() and p.endswith("s")]
                if topic in _ATTRIBUTE_TOPICS and any(
                    _inside(part, t) for part in parts for t in named
                ):
                    continue  # "年龄" when the model has 年龄段, "age groups" when it has "age"
                if topic == "product_catalog" and any(
                    any(isinstance(x, Ref) and x.kind == "dimension" for x in terms.get(part, ()))
                    for part in parts
                ):
                    continue  # "which product" when the model splits by product
                terms[said][Cue(f"scope:{topic}")] = None
        lexicon = cls(
            {k: tuple(v) for k, v in terms.items() if k}, model.spec.settings.default_period
        )
        lexicon.periods = named_periods(model.spec.periods)
        lexicon.weak = frozenset(stems)
        lexicon.brands = frozenset(brands)
        lexicon.rates = _rates(model)
        lexicon.initials = frozenset(
            k for k in initials if terms.get(k, {}).keys() >= set(initials[k])
        )
        return lexicon

    def scan(self, norm: str, masked: Iterable[tuple[int, int]] = ()) -> list[Match]:
        """Longest terms left to right, skipping the masked spans (e.g. time phrases)."""
        blocked = [False] * len(norm)
        for start, end in masked:
            for i in range(start, min(end, len(norm))):
                blocked[i] = True
        found: list[Match] = []
        i = 0
        while i < len(norm):
            match = None if blocked[i] or norm[i] == " " else self._longest_at(norm, i, blocked)
            if match is not None and self._yields(match, norm, blocked):
                match = None
            if match is not None and not match.refs() and _FROM_BEFORE.search(norm, 0, i):
                match = self._named_within(norm, match, blocked) or match
            if match is not None:
                match = _short_values_checked(match, norm, found[-1] if found else None)
            if match is not None and not match.refs() and self._opens_a_name(match, norm):
                match = None
            if (
                match is not None
                and match.term in self.brands
                and _OUTLET_AFTER.match(norm, match.end)
            ):
                match = None  # a brand said with another outlet word: not the value
            if match is None:
                i += 1
                continue
            found.append(match)
            i = match.end
        return found

    def _opens_a_name(self, match: Match, norm: str) -> bool:
        """Whether a one-word planner word and the word after it open a longer model name."""
        if " " in match.term or not match.term.isascii():
            return False
        after = norm[match.end :].split(maxsplit=1)
        return bool(after) and f"{match.term} {after[0]}" in self.openings

    def _yields(self, match: Match, norm: str, blocked: list[bool]) -> bool:
        """A planner word that overlaps a longer model word or topic starting inside it gives way:
        "按天气" is "按" + "天气" (weather), not "按天" (by day) + "气"; "by day of week" is "by" +
        the model's "day of week" (a Latin word only where a word of it starts)."""
        if match.refs():
            return False
        if not _CJK.match(norm[match.start]):  # "by day of week": the model's "day of week"
            return any(
                (later := self._longest_at(norm, j, blocked)) is not None
                and later.end > match.end
                and bool(later.refs())
                for j in range(match.start + 1, match.end)
                if norm[j - 1] == " "
            )
        for j in range(match.start + 1, match.end):
            later = self._longest_at(norm, j, blocked)
            if (
                later is not None
                and later.end > match.end
                and (
                    later.refs()
                    or any(isinstance(s, Cue) and s.name.startswith("scope:") for s in later.senses)
                )
            ):
                return True
        return False

    def _named_within(self, norm: str, match: Match, blocked: list[bool]) -> Match | None:
        """ "from lead to payment": after "from", a model name at the start of a planner word
        ("lead to", a cue of paths) is the name, the first end of a "from X to Y"."""
        for end in range(match.end - 1, match.start, -1):
            senses = self.terms.get(norm[match.start : end])
            if (
                senses is not None
                and _has_ref(senses)
                and not any(blocked[match.start : end])
                and not (_LATIN.match(norm[end]) and _LATIN.match(norm[end - 1]))
            ):
                return Match(match.start, end, norm[match.start : end], senses)
        return None

    def _longest_at(self, norm: str, i: int, blocked: list[bool]) -> Match | None:
        if _LATIN.match(norm[i]) and i > 0 and _LATIN.match(norm[i - 1]):
            return None  # inside a Latin word
        asked = self._unit_asked_at(norm, i, blocked) if _CJK.match(norm[i]) else None
        if asked is not None:
            return asked
        for end in range(min(len(norm), i + self.longest), i, -1):
            if blocked[end - 1]:
                continue
            term = norm[i:end]
            senses = self.terms.get(term)
            if senses is None:
                continue
            if _LATIN.match(norm[end - 1]) and end < len(norm) and _LATIN.match(norm[end]):
                continue  # would end inside a Latin word
            found = Match(i, end, term, senses, weak=term in self.weak)
            if _LATIN.match(norm[i]):  # a longer value name in another order, or a verb
                other = self._reordered_at(norm, i, blocked) or self._particle_at(norm, i, blocked)
                if other is not None and other.end > end:  # with its particle, wins
                    return other
                longer = self._plural_at(norm, i, blocked)  # "cancel reasons": a longer name
                if longer is not None and longer.end > end:
                    return longer
            return found
        return (
            self._separated_at(norm, i, blocked)
            or self._particle_at(norm, i, blocked)
            or self._inverted_at(norm, i, blocked)
            or self._inflected_at(norm, i, blocked)
            or self._reordered_at(norm, i, blocked)
        )

    def _unit_asked_at(self, norm: str, i: int, blocked: list[bool]) -> Match | None:
        """A metric whose Chinese name ends in its unit, asked with 多少 before the unit:
        "平均迟到多少分钟" for 平均迟到分钟, "人均消费多少元" for 人均消费元."""
        for n in range(min(_LONGEST_HEAD, len(norm) - i), 1, -1):
            asked = _UNIT_ASKED.match(norm, i + n)
            if asked is None or any(blocked[i : asked.end()]):
                continue
            senses = self.terms.get(norm[i : i + n] + asked["unit"])
            if senses is not None and any(isinstance(s, Ref) and s.kind == "metric"
                                          for s in senses):  # fmt: skip
                return Match(i, asked.end(), norm[i : asked.end()], (*senses, Cue("how_many")))
        return None

    def _separated_at(self, norm: str, i: int, blocked: list[bool]) -> Match | None:
        """A two-character Chinese verb-object word of the model split by how much was done:
        "打了多少次卡" for 打卡, "挂了多少号" for 挂号, "办了几张卡" for 办卡 — or by its aspect:
        "领完券", "领过券" for a step 领X. The match spans the
        whole phrase and keeps the count's cue ("多少次": times)."""
        found = _SEPARATED.match(norm, i)
        if found is None or any(blocked[i : found.end()]):
            return None
        if i > 0 and norm[i - 1 : i + 1] in self.heads:
            return None  # "完成了几单": 完成 opens a name of the model (完成单量), not 成…单
        senses = self.terms.get(found["verb"] + found["object"])
        if senses is None or not any(isinstance(s, Ref) and s.kind in ("touchpoint", "metric")
                                     for s in senses):  # fmt: skip
            return None
        said = found["count"].lstrip("了过的")
        if not said:  # "领完券", "领过券": the action done, nothing counted
            return Match(i, found.end(), found[0], senses)
        cues = {c for c in self.terms.get(said, ()) if isinstance(c, Cue)} or {Cue("how_many")}
        if said[-1] not in "少几位":  # "几张", "多少次": things or times, not people
            cues.add(Cue("times"))
        return Match(i, found.end(), found[0], (*senses, *sorted(cues, key=str)))

    def _action(self, key: str) -> tuple[str, tuple[Sense, ...]] | None:
        """The touchpoint whose verb key is `key`, or one key the start of the other when both
        keep five letters ("registered" / "registration", "activated" / "activation")."""
        if key in self.verbal:
            return self.verbal[key]
        if key in self.verbal_parts:
            return self.verbal_parts[key]
        near = [
            v
            for k, v in self.verbal.items()
            if min(len(k), len(key)) >= 5 and (k.startswith(key) or key.startswith(k))
        ]
        return near[0] if len(near) == 1 else None

    def _inflected_part(self, key: str) -> tuple[str, tuple[Sense, ...]] | None:
        """The touchpoint whose longer name has `key` as an inflected verb ("submit" of "order
        submitted"), not as a plain word ("first" of "first transaction")."""
        found = self.verbal_parts.get(key)
        if found is None or not any(w != key and verb_key(w) == key for w in found[0].split()):
            return None
        return found

    def _particle_at(self, norm: str, i: int, blocked: list[bool]) -> Match | None:
        """A verb and its particle for a model word of one: "pay out" for "payouts", "sign up"
        for "signups"."""
        found = _VERB_PARTICLE.match(norm, i)
        if found is None or any(blocked[i : found.end()]):
            return None
        term = self.stemmed.get((stem(verb_key(found["verb"]) + found["particle"]),))
        if term is None or not _has_ref(term[1]):
            return None
        return Match(i, found.end(), term[0], term[1])

    def _reordered_at(self, norm: str, i: int, blocked: list[bool]) -> Match | None:
        """A value's name of several words said in another order: "student summer campaign" for
        a campaign called "summer student campaign"."""
        words = _words_at(norm, i)
        for n in range(len(words), 1, -1):
            end = words[n - 1].end()
            if any(blocked[i:end]):
                continue
            found = self.unordered.get(tuple(sorted(stem(w[0], verbs=True) for w in words[:n])))
            if found is not None:
                return Match(i, end, found[0], found[1])
        return None

    def _inverted_at(self, norm: str, i: int, blocked: list[bool]) -> Match | None:
        """ "viewing a product", "viewed the item" for a step "product view" or "item view": its
        action first, an article at most between, then its thing."""
        found = _ACTION_THEN_THING.match(norm, i)
        if found is None or (i > 0 and _LATIN.match(norm[i - 1])):
            return None
        things = list(_LATIN_WORD.finditer(norm, found.start("thing")))[:2]
        for n in range(len(things), 0, -1):  # "opening the mini program": its two words first
            end = things[n - 1].end()
            if any(blocked[i:end]) or not _PLAIN_WORDS.fullmatch(norm, found.start("thing"), end):
                continue
            thing = " ".join(stem(w[0]) for w in things[:n])
            named = self.inverted.get((verb_key(found["action"]), thing))
            if named is not None:
                return Match(i, end, named[0], named[1])
        return None

    def _plural_at(self, norm: str, i: int, blocked: list[bool]) -> Match | None:
        """A model name of several words said with another ending ("cancel reasons" for "cancel
        reason"), only as its words' stems, not as verbs."""
        words = _words_at(norm, i)
        for n in range(len(words), 1, -1):
            end = words[n - 1].end()
            if not _PLAIN_WORDS.fullmatch(norm, i, end):
                continue  # "coupa - punchout order": not one name
            found = self.stemmed.get(tuple(stem(w[0]) for w in words[:n]))
            if found is not None and _has_ref(found[1]) and not any(blocked[i:end]):
                return Match(i, end, found[0], found[1])  # (the model's names, not our cues)
        return None

    def _inflected_at(self, norm: str, i: int, blocked: list[bool]) -> Match | None:
        """A model word in another form: "sign-ups", "signing up", "orders", "purchased"."""
        if not _LATIN.match(norm[i]):
            return None
        words = _words_at(norm, i)
        for n in range(len(words), 0, -1):
            end = words[n - 1].end()
            if any(blocked[i:end]):
                continue
            found = self.stemmed.get(tuple(stem(w[0], verbs=n > 1) for w in words[:n]))
            if found is None and n > 1:
                found = self.phrased.get(tuple(verb_key(w[0]) for w in words[:n]))
            if found is not None and (n > 1 or len(found[0].split()) == 1):
                return Match(i, end, found[0], found[1])
        asked = _ASKED_OF.match(norm, words[0].end()) if words else None
        if asked is not None:  # "deals did we win" for "deals won"
            found = self.phrased.get((verb_key(words[0][0]), verb_key(asked["verb"])))
            if found is not None and _has_ref(found[1]) and not any(blocked[i : asked.end()]):
                return Match(i, asked.end(), found[0], found[1])
        word = words[0][0] if words else ""
        if not word or any(blocked[i : words[0].end()]):
            return None
        if _VERB_FORM.search(word):
            action = self._action(verb_key(word))  # "booked" for a touchpoint "booking"
        elif (agent := _AGENT.match(word)) is not None:
            action = self._action(verb_key(agent[1]))  # "viewers": the people who viewed
            if action is not None:
                return Match(i, words[0].end(), action[0], (*action[1], Cue("people")))
        elif word.endswith(_NOMINAL) and len(word) >= 7:
            action = self._action(verb_key(word))  # "approval" for "prescription approved"
        elif _THIRD_PERSON.search(word) or _SUBJECT_BEFORE.search(norm[max(0, i - 12) : i]):
            # "until the person pays", "before they pay", "want to subscribe": the action named
            key = verb_key(word)
            action = self.verbal.get(key) or self._inflected_part(key)  # "who submit an order"
        else:
            action = None
        if action is None:
            return None
        end = _object_after(action[0], word, norm, words[0].end())
        return Match(i, end if not any(blocked[i:end]) else words[0].end(), action[0], action[1])


def _object_after(term: str, verb: str, norm: str, end: int) -> int:
    """Where a verb's match ends when the rest of its touchpoint's name follows it: "opening the
    mini program" for "mini program opened" is one name, not the verb and a second thing."""
    key = verb_key(verb)
    rest = [w for w in term.split() if verb_key(w) != key]
    if not rest or len(rest) == len(term.split()):
        return end
    found = re.compile(rf" (?:(?:the|a|an|our|their|its|your|my) )?{re.escape(' '.join(rest))}\b")
    m = found.match(norm, end)
    return m.end() if m is not None else end


_CJK = re.compile(r"[\u3400-\u9fff]")
CJK_ONLY: Final = re.compile(r"[\u4e00-\u9fff]+")  # a word all in Chinese characters
_FROM_BEFORE: Final = re.compile(r"(?:\bfrom|从)\s?$")
_PLAIN_WORDS = re.compile(r"[a-z0-9]+(?: [a-z0-9]+)*")
# A verb, then how much of it ("了多少次", "了几张", "过多少"), then its object.
_LONGEST_HEAD: Final = 8
_UNIT_ASKED: Final = re.compile(r"了?(?:多少|几)个?(?P<unit>分钟|小时|天|元|块钱|次|单|件|人)")
_SEPARATED: Final = re.compile(
    r"(?P<verb>[\u4e00-\u9fff])(?P<count>[了过的]?(?:多少|几)[次个张单回笔份位件台辆场套趟节]?|[完过])"
    r"(?P<object>[\u4e00-\u9fff])"
)
_NAME_TOPICS: Final = frozenset({"other_platforms", "other_regions"})
_ATTRIBUTE_TOPICS: Final = frozenset({"demographics", "outcomes"})


def _cores(word: str) -> list[str]:
    """The telling parts of a topic word: its own Latin words but the generic ones ("age" of "age
    groups"), or a Chinese word whole."""
    if _CJK.match(word):
        return [word]
    return [w for w in word.split() if len(w) >= 3 and w not in _NOT_CORE]


_NOT_CORE: Final = frozenset({"how", "and", "the", "group", "groups", "band", "bands", "ratio",
                              "men", "women", "lost", "test", "scores", "score", "which", "top",
                              "best", "selling"})  # fmt: skip


def _inside(word: str, term: str) -> bool:
    """Whether `word` is part of `term`: a whole word of a Latin one, any part of a Chinese one."""
    if _CJK.match(word):
        return word in term
    return re.search(rf"(?<![a-z]){re.escape(word)}(?![a-z])", term) is not None


# Measure words a Chinese metric label ends with: the noun before them names the metric too.
# Measure words the planner reads itself ("多少人": people, "几次": times, "几天": a duration),
# and the ones said of many things (单 of orders and of tickets, 张 of tickets and of cards).
_UNIT_WORDS: Final = frozenset("人次个天年月周日小分秒单张件笔份条位名家台辆")
_ZH_MEASURES: Final = ("人数", "户数", "次数", "数量", "笔数", "个数", "数", "量")
# 户 that belongs to the word before it (用户, 客户, 账户, 开户, 商户): its 数 is the only measure.
_HOUSEHOLD_WORDS: Final = frozenset("用客账开商住农")
_SPLIT_MARK: Final = re.compile(
    r"(?:[各每哪按分]|[哪各每几]一?[个门家位款类种间所]|\d\s?[个门家位款类种间所])$"
)  # "各省", "哪个省", "最少的3家店", "几家店"
_SHORT_WORDS: Final = frozenset({"yes", "no", "y", "n", "true", "false", "t", "f", "0", "1"})


def _place_names(model: SemanticModel) -> list[tuple[str, Ref]]:
    """The other language's names of values that are places of the gazetteer (generic
    geography): English names for 四川 / 杭州市, Chinese ones for Sichuan / Hangzhou."""
    zh_of = {en: zh for zh, names in PLACE_NAMES.items() for en in names}
    out: list[tuple[str, Ref]] = []
    for dim in model.spec.dimensions:
        for value in dim.values:
            ref = Ref("value", dim.name, value.value)
            said = [str(value.value)]
            if value.labels is not None:
                said += [t for t in (value.labels.zh, value.labels.en) if t]
            for text in said:
                name = _PLACE_SUFFIX.sub("", text.strip())
                if name in PLACE_NAMES:
                    out += [(en, ref) for en in PLACE_NAMES[name]]
                elif name.casefold() in zh_of:
                    out.append((zh_of[name.casefold()], ref))
    return out


_PLACE_SUFFIX = re.compile(r"(?:省|市|自治区|特别行政区|壮族自治区|回族自治区|维吾尔自治区)$")


_LATIN_WORD: Final = re.compile(r"[a-z]{3,}\b")
_ACTION_THEN_THING: Final = re.compile(
    r"(?P<action>[a-z]{3,})\s+(?:(?:a|an|the|their|our|my|your|its)\s+)?(?P<thing>[a-z]{3,})\b"
)


def _words_at(norm: str, i: int) -> list[re.Match[str]]:
    """The Latin words from `i` on, up to `_MAX_WORDS`, each one space after the one before."""
    words = list(_WORDS.finditer(norm, i))[:_MAX_WORDS]
    return [w for n, w in enumerate(words) if n == 0 or w.start() == words[n - 1].end() + 1]


def _short(term: str) -> bool:
    """A value word too short to be found inside other words: one Chinese character ("是") or
    letter (a tier "A", never the article), "yes"/"no", "0"/"1" (booleans labelled by `tpa init`
    or by hand)."""
    return (len(term) == 1 and (bool(_CJK.match(term)) or term.isalpha())) or term in _SHORT_WORDS


def _listed(norm: str, start: int, end: int) -> bool:
    """A word in a list of values, joined to the next or the last by 和 / 与 / 跟 / 、 / 或:
    猫 and 狗 in "猫和狗的NPS", never the 狗 of 狗粮."""
    before = "" if start == 0 else norm[start - 1]
    after = "" if end == len(norm) else norm[end]
    edge_before = not _CJK.match(before) if before else True
    edge_after = not _CJK.match(after) if after else True
    return (
        (edge_before or before in _JOINS)
        and (edge_after or after in _JOINS or after == "的")
        and (before in _JOINS or after in _JOINS)
    )


_JOINS: Final = frozenset("和与跟及、或")
_GRADE_AFTER: Final = re.compile(r"\s?-?\s?(?:类|级|档|等|tier|class|grade|level|group)\b")


def _short_values_checked(match: Match, norm: str, before: Match | None) -> Match | None:
    """Short value words count only as a whole token ("是" alone, not inside "是多少") or right
    after their dimension's name ("是否<标签> 是"); a one-character dimension name ("服", "省")
    only alone or after a word that splits ("各省", "按服", "哪个省"), never inside "客服"."""
    if not _short(match.term):
        return match
    edges = (match.start == 0 or not _CJK.match(norm[match.start - 1])) and (
        match.end == len(norm) or not _CJK.match(norm[match.end])
    )
    alone = edges or _listed(norm, match.start, match.end)
    chinese = _CJK.match(match.term) is not None
    near: set[str] = set()
    if before is not None and match.start - before.end <= 2:
        near = {r.name for r in before.refs("dimension")}

    marked = _SPLIT_MARK.search(norm[max(0, match.start - 3) : match.start]) is not None

    graded = _GRADE_AFTER.match(norm, match.end) is not None  # "A类", "a tier"

    def keep(sense: Sense) -> bool:
        if isinstance(sense, Ref) and sense.kind == "dimension":
            return not chinese or alone or marked  # "各省", "按省" — not the 省 of 节省
        if not (isinstance(sense, Ref) and sense.kind == "value"):
            return True
        if len(match.term) == 1 and match.term.isalpha() and not chinese:
            return sense.name in near or graded  # "tier A", "A类" — never the article "a"
        return sense.name in near or (chinese and alone)

    kept = tuple(s for s in match.senses if keep(s))
    return Match(match.start, match.end, match.term, kept, match.weak) if kept else None


_WORDS = re.compile(r"[a-z0-9]+")
# "pay out" for a model word "payout", "sign up" for "signup", "check out" for "checkout".
_VERB_PARTICLE: Final = re.compile(
    r"(?P<verb>[a-z]{2,})\s+(?P<particle>up|out|in|off|over|back|down)\b"
)
# A noun, then a question's auxiliary and subject before its verb: "deals did we win".
_ASKED_OF: Final = re.compile(
    r"\s+(?:did|do|does|have|has|had|were|was)\s+(?:we|they|you|people|customers|users)\s+"
    r"(?P<verb>[a-z]{3,})\b"
)
_MAX_WORDS = 4
_SUFFIXES = ("ies", "ing", "es", "ed", "s", "e")
_PLURALS = ("ies", "es", "s")


def stem(word: str, *, verbs: bool = False) -> str:
    """A crude English stem, the same for a term and for the question: plurals always ("orders"
    → "order"); verb forms only inside phrases (`verbs`: "signing up" → "sign up"), since a lone
    verb ("visited") often means something else than the noun ("visits")."""
    for suffix in _SUFFIXES if verbs else _PLURALS:
        if word.endswith(suffix) and len(word) - len(suffix) >= (2 if suffix == "s" else 3):
            if suffix == "s" and word.endswith(("us", "ss", "is")):
                continue  # "campus", "status", "business", "analysis" are not plurals
            base = word[: -len(suffix)]
            if suffix == "ies":
                return base + "y"
            if suffix in ("ing", "ed") and len(base) > 3 and base[-1] == base[-2]:
                return base[:-1]  # "shopping" → "shop"
            if suffix == "es" and not verbs:
                return base if base.endswith(("ch", "sh", "ss", "x", "z", "us")) else word[:-1]
            return base.rstrip("e") if suffix != "e" else base
    return word


# A verb form in the question ("booked", "signing", "paid"): it may name an action's touchpoint.
_THIRD_PERSON = re.compile(r"^[a-z]{2,}[^s]s$")
# A bare verb right after its subject or "to": "before they pay", "people who buy", "to renew".
_SUBJECT_BEFORE = re.compile(
    r"(?:\b(?:they|we|you|i|he|she|who|people|users|customers|to|many|percent|percentage|share|"
    r"proportion|fraction)|%)\s+(?:(?:actually|really|then|eventually|also|ever|later|finally)\s+)?$"
)
_VERB_FORM = re.compile(
    r"^(?:[a-z]{3,}(?:ed|ing)|paid|bought|sent|made|spent|gave|took|got|came|saw"
    r"|left|won|lost|wrote|sold|rode|drove)$"
)
# People named by what they did: "viewers", "subscriber", "applicants".
_AGENT = re.compile(r"^([a-z]{3,}?)e?(?:rs?|nts?)$")
# Irregular past forms of verbs that name actions.
_IRREGULAR: Final = {
    "paid": "pay", "bought": "buy", "sent": "send", "made": "make", "spent": "spend",
    "gave": "give", "took": "take", "got": "get", "came": "come", "saw": "see", "left": "leave",
    "won": "win", "lost": "lose", "wrote": "write", "sold": "sell", "rode": "ride",
    "drove": "drive",
}  # fmt: skip
_NOMINAL: Final = ("ations", "ation", "ments", "ment", "als", "al", "ances", "ance")


def verb_key(word: str) -> str:
    """One key for an action's verb and noun forms: "booked", "booking", "books" → "book";
    "paid", "payment" → "pay"; "activated", "activation" → "activat"; "renewal", "renewed"."""
    word = _IRREGULAR.get(word, word)
    if word.endswith("ied") and len(word) > 5:
        word = word[:-3] + "y"  # "applied" → "apply"
    for suffix in _NOMINAL:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            break
    return stem(word, verbs=True).rstrip("e")


def _norm(term: str) -> str:
    return prepare(term).norm


def without_unit(terms: dict[str, dict[Sense, None]]) -> dict[str, tuple[Ref, ...]]:
    """Names without the unit said after them in brackets: 船上消费 for 船上消费（美元）, as the
    English "onboard spend (USD)" is also its key "onboard spend" (brackets normalise to a space,
    so the unit is the last word of a name that had them)."""
    out: dict[str, tuple[Ref, ...]] = {}
    for key, senses in terms.items():
        bare = _IN_BRACKETS.sub("", key)
        refs = tuple(s for s in senses if isinstance(s, Ref) and s.kind == "metric")
        if refs and bare != key and len(bare) >= 2:
            out[bare] = refs
    return out


# A unit ended a metric's name in brackets: （美元）, (USD), （万元）, (%), （分钟）.
_UNITS_AFTER: Final = (*CURRENCY_WORDS, "万元", "分钟", "小时", "天", "%", "mins?", "minutes",
                       "hours", "hrs", "days")  # fmt: skip
_IN_BRACKETS: Final = re.compile(rf"\s(?:{'|'.join(_UNITS_AFTER)})$")


_MEANS: Final = frozenset({"average", "avg", "mean", "median"})


def _names_elsewhere(model: SemanticModel, own: Iterable[str], noun: str) -> bool:
    """Whether a word ends a model name other than `own` ("ticket" of "tickets"; not "rating" of
    "satisfied rating share", whose head is "share")."""
    mine = {n.casefold() for n in own}
    return any(
        stem(key.casefold().split()[-1]) == stem(noun)
        for key in model.index
        if key.strip() and key.casefold() not in mine
    )


def metric_heads(model: SemanticModel) -> dict[str, tuple[Ref, ...]]:
    """A metric named by the last word of its label: "CSAT" for "ticket CSAT", 满意度 for
    工单满意度, "ratings" for "average rating" — when that word ends no other metric's label and
    means nothing else."""
    found: dict[str, set[str]] = defaultdict(set)
    for metric in model.spec.metrics:
        for label in (metric.label("en").strip(), metric.label("zh").strip()):
            words = label.split()
            if label.isascii() and len(words) == 2 and words[0].casefold() in _MEANS:
                noun = words[1].casefold()  # "ratings" of "average rating"
                if not _names_elsewhere(model, metric.names(), noun):  # not "average ticket"
                    found[noun].add(metric.name)
                    found[f"{noun}s"].add(metric.name)
            elif label.isascii() and len(words) >= 2 and _ACRONYM.fullmatch(words[-1]):
                found[words[-1].casefold()].add(metric.name)  # "CSAT" of "ticket CSAT"
            elif label[-1:] in "度率值分" and (
                len(label) >= 5
                and re.fullmatch(r"[\u3400-\u9fff]{3}", label[-3:])
                and label[-2:] not in _GENERIC_ZH_HEADS
            ):
                found[label[-3:]].add(metric.name)
    return {
        _norm(word): (Ref("metric", next(iter(names))),)
        for word, names in found.items()
        if len(names) == 1
        and word not in _STOP
        and word not in _TIME_WORDS
        and word not in _GENERIC_EN_HEADS
        and _norm(word) not in model.index
    }


def dimension_heads(model: SemanticModel) -> dict[str, tuple[Ref, ...]]:
    """A dimension named by the last word of its name: "source" for "acquisition source", 来源
    for 获客来源 — when that word ends no other dimension's name and means nothing else."""
    found: dict[str, set[str]] = defaultdict(set)
    for dim in model.spec.dimensions:
        for name in (n.casefold().strip() for n in (dim.label("en"), dim.label("zh"))):
            words = name.split()
            if name.isascii() and len(words) >= 2 and len(words[-1]) >= 4:
                found[words[-1]].add(dim.name)
            elif _CJK.match(name) and len(name) >= 3 and _CJK.match(name[-2:]):
                found[name[-2:]].add(dim.name)
    starts = {k.split()[0] if k.isascii() else k[:2] for k in map(_norm, model.index) if k}
    return {
        _norm(split.format(word)): (Ref("dimension", next(iter(dims))),)
        for word, dims in found.items()
        for split in (_SPLIT_FORMS_EN if word.isascii() else _SPLIT_FORMS_ZH)
        if len(dims) == 1
        and _norm(word) not in starts  # "card" starts "card type": "by card type" is that one
        and word not in _STOP
        and word not in _TIME_WORDS
        and word not in _GENERIC_EN_HEADS
        and not _TIME_CHARS.search(word)
        and _norm(word) not in model.index
    }


_ACRONYM = re.compile(r"[A-Z][A-Z0-9]{1,5}")
# A dimension named by its last word only with a word that splits by it: "by source", "按来源".
_SPLIT_FORMS_EN: Final = ("by {}", "per {}", "each {}", "for each {}", "across {}s", "which {}")
_SPLIT_FORMS_ZH: Final = ("按{}", "各{}", "分{}", "每个{}", "各个{}", "哪个{}", "哪些{}")
# Words that end many names without naming anything: statistics, units, function words.
_GENERIC_ZH_HEADS: Final = frozenset(
    {"位数", "均值", "均数", "人数", "次数", "金额", "数量", "比例", "占比", "时长", "总额", "总数",
     "分比", "化率", "功率", "成率"}
)  # fmt: skip
_GENERIC_EN_HEADS: Final = frozenset(
    {"through", "from", "with", "into", "about", "after", "before", "during", "since", "until",
     "value", "values", "median", "average", "mean", "total", "amount", "number", "count"}
)  # fmt: skip
_TIME_WORDS: Final = frozenset(
    {"week", "weeks", "month", "months", "year", "years", "hour", "hours", "quarter", "date",
     "dates", "weekday", "weekend"}
)  # fmt: skip
_TIME_CHARS = re.compile(r"[天日周月年季时]")
_TIME_HEAD = re.compile(r"\s+(?:time|duration)$|(?:时间|时长|耗时|用时)$")


def duration_short_names(model: SemanticModel) -> dict[str, tuple[Ref, ...]]:
    """A time metric named without its word for time: "first response" for "first response
    time", 首次响应 for 首次响应时长 — when no other metric's name shortens the same way."""
    found: dict[str, set[str]] = defaultdict(set)
    for metric in model.spec.metrics:
        if not metric.format.startswith("duration") or metric.labels is None:
            continue
        names = (metric.labels.en, metric.labels.zh or "", *metric.synonyms.all())
        for label in names:
            short = _TIME_HEAD.sub("", label.casefold().strip())
            if short != label.casefold().strip() and len(short) >= 2:
                found[_norm(short)].add(metric.name)
                if _CJK.match(short):  # 首响时间 for 首响时长, and the other way round
                    for head in ("时间", "时长"):
                        found[_norm(short + head)].add(metric.name)
    return {
        term: (Ref("metric", next(iter(names))),)
        for term, names in found.items()
        if len(names) == 1 and term not in model.index
    }


_JOURNEY_NOUNS_EN: Final = ("journey", "funnel", "flow", "loop", "process")
_JOURNEY_NOUNS_ZH: Final = ("旅程", "漏斗", "流程", "链路")


def journey_short_names(model: SemanticModel) -> dict[str, tuple[Ref, ...]]:
    """A journey named by the end of its label and any word for a journey: "apply funnel" or
    "apply journey" for "candidate apply journey", "申请漏斗" for 求职者申请旅程 — when no other
    journey's label ends the same way."""
    found: dict[str, set[str]] = defaultdict(set)
    for journey in model.spec.journeys:
        labels = journey.labels
        en = re.sub(rf"\s+(?:{'|'.join(_JOURNEY_NOUNS_EN)})$", "", (labels.en if labels else "")
                    .casefold().strip())  # fmt: skip
        words = en.split()
        for i in range(len(words)):
            core = " ".join(words[i:])
            if len(core) >= 4 and core not in _STOP:
                for noun in _JOURNEY_NOUNS_EN:
                    found[f"{core} {noun}"].add(journey.name)
        zh = re.sub(f"(?:{'|'.join(_JOURNEY_NOUNS_ZH)})$", "", (labels.zh or "") if labels else "")
        for i in range(len(zh) - 1):
            for noun in _JOURNEY_NOUNS_ZH:
                found[f"{zh[i:]}{noun}"].add(journey.name)
    return {
        _norm(term): (Ref("journey", next(iter(names))),)
        for term, names in found.items()
        if len(names) == 1 and _norm(term) not in model.index
    }


def chinese_names(model: SemanticModel) -> dict[str, tuple[Ref, ...]]:
    """Chinese words for a dimension the model names only in English (`ZH_FOR_EN`): 安装队 for
    "crew" — only a word that would name one dimension."""
    found: dict[str, set[str]] = defaultdict(set)
    for dim in model.spec.dimensions:
        if any(_CJK.search(n) for n in dim.names()):
            continue
        words = {
            w for n in (dim.name.replace("_", " "), *dim.names()) for w in n.casefold().split()
        }
        for word in words:
            for zh in ZH_FOR_EN.get(word.rstrip("s") if word not in ZH_FOR_EN else word, ()):
                found[zh].add(dim.name)
    return {zh: (Ref("dimension", next(iter(d))),) for zh, d in found.items() if len(d) == 1}


def english_variants(model: SemanticModel) -> dict[str, tuple[Ref, ...]]:
    """A dimension's English name with its head noun said as its Chinese name says it
    (`ZH_FOR_EN`): "ticket source" for a "ticket channel" the model calls 工单来源 — only a name of
    two words or more, of one dimension, that names nothing else in the model."""
    found: dict[str, set[str]] = defaultdict(set)
    for dim in model.spec.dimensions:
        chinese = [n for n in dim.names() if _CJK.search(n)]
        english = [n.casefold() for n in (dim.name.replace("_", " "), *dim.names())
                   if n.isascii() and len(n.split()) > 1]  # fmt: skip
        for name in english:
            *first, head = name.split()
            own = set(ZH_FOR_EN.get(head, ()))
            if not own:
                continue
            for other, zh in ZH_FOR_EN.items():
                if other != head and any(
                    len(z) > 1 and z not in own and n.endswith(z) for z in zh for n in chinese
                ):
                    found[" ".join((*first, other))].add(dim.name)
    return {
        _norm(term): (Ref("dimension", next(iter(d))),)
        for term, d in found.items()
        if len(d) == 1 and _norm(term) not in model.index
    }


_SPACED_PARTICLE = re.compile(r"\b([a-z]{2,}) (up|in|out|off)\b")


def joined_particles(terms: dict[str, dict[Sense, None]]) -> dict[str, tuple[Ref, ...]]:
    """A metric's name with a word and its particle (up, in, out, off) written as one word, as
    people type them: "signup rate" for "sign up rate" (the model's "sign-up rate"), "checkin
    time" for "check in time" — only a spelling that names one metric. (A touchpoint's "sign
    up" said "signups" is `Lexicon._particle_at`'s; people who signed up are counted by the
    joining cues.)"""
    found: dict[str, dict[Ref, None]] = defaultdict(dict)
    for term, senses in terms.items():
        refs = [s for s in senses if isinstance(s, Ref) and s.kind == "metric"]
        if refs and term.isascii() and _SPACED_PARTICLE.search(term):
            joined = _SPACED_PARTICLE.sub(r"\1\2", term)
            for ref in refs:
                found[joined][ref] = None
    return {k: tuple(v) for k, v in found.items() if len({(r.kind, r.name) for r in v}) == 1}


def synonym_variants(terms: dict[str, dict[Sense, None]]) -> dict[str, tuple[Ref, ...]]:
    """The model's terms said with another word of the same meaning (`WORD_SYNONYMS`):
    "appointment" for a touchpoint "booking", 客诉量 for 投诉量 — only a spelling that would name
    one model item."""
    found: dict[str, dict[Ref, None]] = defaultdict(dict)
    for term, senses in terms.items():
        refs = [s for s in senses if isinstance(s, Ref)]
        if not refs:
            continue
        for group in WORD_SYNONYMS:
            for word in group:
                if not _has_word(term, word):
                    continue
                for other in group:
                    if other != word:
                        variant = _swapped(term, word, other)
                        if variant in group or stem(variant) in _STOP:
                            continue  # a bare generic word ("rate", "rates") names no one metric
                        for ref in refs:
                            found[variant][ref] = None
    return {
        k: tuple(v)
        for k, v in found.items()
        if len({(r.kind, r.name) for r in v}) == 1 and len(k) >= 2
    }


def _has_word(term: str, word: str) -> bool:
    if word.isascii():
        return _as_word(word).search(term) is not None
    return word in term and len(term) > len(word) if len(word) == 1 else word in term


def _swapped(term: str, word: str, other: str) -> str:
    if word.isascii():  # "bookings" → "appointments"
        return _as_word(word).sub(rf"{other}\1", term)
    return term.replace(word, other)


@functools.cache
def _as_word(word: str) -> re.Pattern[str]:
    """An English word standing alone in a term, its plural "s" kept (group 1)."""
    return re.compile(rf"(?<![a-z]){re.escape(word)}(s?)(?![a-z])")


def umbrella_terms(model: SemanticModel) -> dict[str, tuple[Ref, ...]]:
    """Leading words that the labels of several values of one dimension share and that name
    nothing else: a brand word that starts the labels of two channels names both of them."""
    out: dict[str, tuple[Ref, ...]] = {}
    for dim in model.spec.dimensions:
        holders: dict[str, list[Ref]] = defaultdict(list)
        for value in dim.values:
            for word in set(
                _words_of(
                    value.labels.en if value.labels else "",
                    value.labels.zh if value.labels else None,
                )
            ):
                holders[word].append(Ref("value", dim.name, value.value))
        for word, refs in holders.items():
            if len(refs) >= 2 and word not in _STOP and _norm(word) not in model.index:
                out[_norm(word)] = (*out.get(_norm(word), ()), *refs)
    return out


def value_initials(model: SemanticModel) -> dict[str, tuple[Ref, ...]]:
    """A value of two or three English words by its initials: "sq" for Solar Quotes, "ga" for
    Google Ads (read only when written in capitals, see `reading`) — initials one value has."""
    out: dict[str, list[Ref]] = defaultdict(list)
    for dim in model.spec.dimensions:
        for value in dim.values:
            words = re.findall(r"[A-Za-z]+", value.label("en"))
            if 2 <= len(words) <= 3 and all(w[0].isupper() for w in words):
                key = "".join(w[0] for w in words).casefold()
                out[key].append(Ref("value", dim.name, value.value))
    return {k: tuple(v) for k, v in out.items() if len({r.value for r in v}) == 1}


_CODE = re.compile(r"([A-Z]{3,5})[-_][A-Z0-9]+(?:[-_][A-Z0-9]+)*")


def value_code_heads(model: SemanticModel) -> dict[str, tuple[Ref, ...]]:
    """A value stored as a code by its first part: "LIS" for LIS-APT, "FAO" for FAO-APT (read only
    when written in capitals, like initials) — a first part one value has."""
    out: dict[str, list[Ref]] = defaultdict(list)
    for dim in model.spec.dimensions:
        for value in dim.values:
            code = _CODE.fullmatch(str(value.value))
            if code is not None:
                out[code[1].casefold()].append(Ref("value", dim.name, value.value))
    return {k: tuple(v) for k, v in out.items() if len(v) == 1 and k not in model.index}


def value_short_names(model: SemanticModel) -> dict[str, tuple[Ref, ...]]:
    """Chinese values named without what all of their dimension's values share: 中级 for
    中级学员 when the levels are 初级学员, 中级学员 and 高级学员; 吴中 for 华驰苏州吴中店 among
    华驰苏州…店 stores (the part left has two characters or more); or without the city they start
    with: 春熙店 for 成都春熙店."""
    out: dict[str, tuple[Ref, ...]] = {}
    for dim in model.spec.dimensions:
        for short, ref in _english_tails(dim):
            out[short] = (*out.get(short, ()), ref)
        names = [(str(v.value), v) for v in dim.values if _CJK.match(str(v.value))]
        if len(names) < 2 or len(names) != len(dim.values):
            continue
        said = [n for n, _ in names]
        head = len(_common_prefix(said))
        tail = len(_common_prefix([n[::-1] for n in said]))
        for name, value in names:
            ref = Ref("value", dim.name, value.value)
            place = next(
                (p for p in PLACES_ZH if name.startswith(p) and len(name) > len(p) + 2), ""
            )
            shorts = {name[head:], name[: len(name) - tail], name[head : len(name) - tail]}
            if place:  # 春熙店 for 成都春熙店: the city said before it left out (not 春熙 alone:
                shorts.add(name[len(place) :])  # 中山公园店 would make 公园 a store's name)
            for short in shorts:
                if short != name and len(short) >= 2 and _CJK.fullmatch(short[0]):
                    out[_norm(short)] = (*out.get(_norm(short), ()), ref)
    return {k: v for k, v in out.items() if len(v) == 1 and k not in model.index}


def _english_tails(dim: DimensionSpec) -> list[tuple[str, Ref]]:
    """English value names without the first word two or more of them share: "Pidu" for "Chengdu
    Pidu" beside "Chengdu Shuangliu" (a place said without its city)."""
    named = [
        (words, v)
        for v in dim.values
        if (name := _english_name(v))
        and len(words := _norm(name).split()) >= 2
        and words[0].isalpha()
    ]
    firsts = Counter(words[0] for words, _ in named)
    tails = [
        (words[1:], Ref("value", dim.name, v.value))
        for words, v in named
        if firsts[words[0]] >= 2 and len(" ".join(words[1:])) >= 4
    ]
    return [  # "Star" of "Horizon Star" stays a word: "star rating" is no ship
        (" ".join(rest), ref) for rest, ref in tails if not all(map(common_word, rest))
    ]


def common_word(word: str) -> bool:
    """A word common in English (wordfreq's Zipf frequency ≥ 4, i.e. at least once in 100,000
    words): what the user meant, never a typo, and never the distinctive part of a name. wordfreq
    loads (0.3 s) on the first word asked about."""
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "en", wordlist="small") >= _COMMON_ZIPF


_COMMON_ZIPF: Final = 4.0


def _english_name(value: Any) -> str | None:
    """A value's English label, or the value itself when it is English and has none ("Horizon
    Aurora", a ship's name the labeller left as it is)."""
    if value.labels is not None and value.labels.en:
        return str(value.labels.en)
    said = str(value.value)
    return said if said.isascii() and any(c.isalpha() for c in said) else None


# What a value's English name may add to the brand it is on: "WeChat shop" is WeChat's shop.
_OUTLET_NOUNS: Final = frozenset(
    {"shop", "store", "app", "ads", "ad", "page", "account", "official account", "mini program",
     "mini-program", "miniprogram", "channel", "platform", "website", "site"}
)  # fmt: skip


_OUTLET_AFTER: Final = re.compile(
    r"\s(?:" + "|".join(sorted(map(re.escape, _OUTLET_NOUNS), key=len, reverse=True)) + r")s?\b"
)


def value_brand_names(model: SemanticModel) -> dict[str, tuple[Ref, ...]]:
    """English values named by the brand they are on, without the outlet word: "wechat" for a
    value "WeChat shop" — only a name of one value that names nothing else in the model."""
    out: dict[str, set[Ref]] = defaultdict(set)
    own = set(re.findall(r"[a-z]+", (model.spec.description or "").casefold()))  # the business
    for dim in model.spec.dimensions:
        for value in dim.values:
            ref = Ref("value", dim.name, value.value)
            names = [value.labels.en] if value.labels is not None and value.labels.en else []
            names += [n for n in value.synonyms if n.isascii()]
            for name in names:
                words = name.split()
                for cut in (1, 2):
                    outlet = " ".join(words[-cut:]).casefold()
                    if (
                        len(words) == cut + 1
                        and outlet in _OUTLET_NOUNS
                        and _brand(words[0])
                        and words[0].casefold() not in own
                    ):
                        out[_norm(words[0])].add(ref)
    return {
        k: tuple(v) for k, v in out.items() if len(v) == 1 and len(k) >= 3 and k not in model.index
    }


def _brand(word: str) -> bool:
    """A proper name: capitalised as written, not a common English word."""
    return (
        word[:1].isupper()
        and word.isalpha()
        and word.casefold() not in _STOP
        and word.casefold() not in _COMMON_HEADS
    )


_COMMON_HEADS: Final = frozenset(
    {"our", "the", "mobile", "paid", "web", "online", "retail", "official", "flagship", "member",
     "members", "marketing", "search", "organic", "direct", "partner", "main", "new", "old",
     "basic", "premium", "free", "own", "local", "social", "email", "phone", "video", "mini",
     "app", "apps", "desktop"}
)  # fmt: skip


def flag_negations(model: SemanticModel) -> dict[str, tuple[Ref, ...]]:
    """The no side of a yes/no dimension said as the negation of its yes side's name: 没担保人,
    没有担保人 for 有担保人; "without guarantor", "without a guarantor" for "with guarantor"."""
    out: dict[str, tuple[Ref, ...]] = {}
    for dim in model.spec.dimensions:
        values = {v.value: v for v in dim.values}
        if set(values) != {True, False}:
            continue
        no = (Ref("value", dim.name, False),)
        yes = values[True]
        for label in (yes.label("zh"), *yes.synonyms):
            if label.startswith("有") and len(label) >= 3:
                for neg in ("没", "没有", "无"):
                    out[_norm(neg + label[1:])] = no
        for label in (yes.label("en"), *yes.synonyms):
            words = label.casefold().split()
            if len(words) >= 2 and words[0] == "with":
                rest = " ".join(words[1:])
                for neg in (f"without {rest}", f"without a {rest}", f"without an {rest}",
                            f"no {rest}"):  # fmt: skip
                    out[_norm(neg)] = no
    return {k: v for k, v in out.items() if k not in model.index}


def _common_prefix(words: list[str]) -> str:
    first, last = min(words), max(words)
    n = next((i for i, (a, b) in enumerate(zip(first, last, strict=False)) if a != b), len(first))
    return first[:n]


def _words_of(en: str, zh: str | None) -> Iterator[str]:
    words = [w for w in re.split(r"[^a-z0-9]+", en.casefold()) if w]
    if words and len(words[0]) > 2:
        yield words[0]  # the leading word of a label of several words
    if zh and len(zh) >= 4 and re.match(r"[\u4e00-\u9fff]{2}", zh):
        yield zh[:2]


__all__ = ["Cue", "Lexicon", "Match", "Sense", "stem", "umbrella_terms", "verb_key"]
