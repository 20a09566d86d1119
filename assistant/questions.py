"""Questions that cannot be answered at all — empty, not text (undecodable bytes, control
characters), too long, without words, or in a language other than English or Chinese — checked
before anything is planned, so every surface (API, chat, bots, `tpa ask`) gives the same clear
error instead of a guess.
"""

from __future__ import annotations

import re
import unicodedata

from assistant.answer.model import AnswerError
from assistant.nlu.text import MAX_QUESTION_CHARS, language_of
from assistant.sessions.records import MAX_QUESTION_BYTES
from semantic_layer.phrasebook import language, phrase, section

_SURROGATE = re.compile("[\ud800-\udfff]")
_REPLACEMENT = "\ufffd"
# Unicode's control characters (category Cc) but tab and newlines: one search instead of asking
# unicodedata of every character of every question
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# Scripts of other languages; a question mostly in one of them is not English or Chinese. Kana
# marks Japanese even among Han characters (the middle dot and the long-vowel mark are excluded:
# Chinese text uses them too).
_SCRIPTS = {
    "Japanese": re.compile("[\u3041-\u309f\u30a0-\u30fa\u31f0-\u31ff\uff66-\uff9d]"),
    "Korean": re.compile("[\uac00-\ud7af\u1100-\u11ff\u3131-\u318e]"),
    "Arabic": re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufefc]"),
    "Hebrew": re.compile("[\u0590-\u05ff]"),
    "Russian": re.compile("[\u0400-\u04ff]"),
    "Greek": re.compile("[\u0370-\u03ff]"),
    "Thai": re.compile("[\u0e00-\u0e7f]"),
    "Hindi": re.compile("[\u0900-\u097f]"),
}
_OUR_LETTERS = re.compile("[A-Za-z\u3400-\u4dbf\u4e00-\u9fff]")
_HAN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff]")
_WORD = re.compile(r"[^\W\d_]+")
# Function and time words of Latin-script languages, none of them an English word.
_FOREIGN_WORDS = {
    lang: frozenset(words.split())
    for lang, words in {
        "French": "le les des du est sont quel quelle quels quelles combien semaine dernière "
        "dernier mois année par pour avec dans une qui quoi pourquoi comment taux ventes chiffre "
        "utilisateurs clients canal canaux cette ce aux au et la de hier été",
        "German": "der die das den dem und ist sind wie viele welche welcher welches warum "
        "letzte letzten letzter vorige vorigen woche monat jahr nach im vom zum mit für umsatz "
        "kanal nutzer kunden gestern heute wurde wurden haben",
        "Spanish": "el los las del por qué que cuál cuáles cuántos cuántas cómo semana pasada "
        "pasado mes año ingresos ventas usuarios clientes tasa conversión canal canales y es son "
        "fue para con la de en ayer hoy este esta último última",
        "Italian": "il lo gli della delle dei degli quale quali quanti quante quanto settimana "
        "scorsa scorso mese anno ricavi vendite tasso utenti clienti di che è sono nel nella ieri "
        "oggi perché canale canali",
        "Portuguese": "os qual quais quantos quantas semana passada passado mês ano receita "
        "vendas taxa usuários clientes da dos das não é por para com em ontem hoje canal último "
        "última",
        "Dutch": "het een van wat welke hoeveel vorige maand jaar omzet kanaal gebruikers klanten "
        "en de waarom hoe gisteren vandaag deze zijn werd",
    }.items()
}
_ENGLISH = (
    "the what which how many much by of in on for last this week month year day days did does "
    "do is are was were and to from with per between vs who why top show me give list compare "
    "after before since yesterday today each over most least than a an our we"
)
_ENGLISH_WORDS = frozenset(_ENGLISH.split())


def storable_question(question: str) -> str:
    """The question as the session store keeps it: lone surrogates (undecodable bytes from a
    terminal) become U+FFFD so it can be written as UTF-8, cut to the store's 100 KB limit."""
    text = _SURROGATE.sub(_REPLACEMENT, question[:MAX_QUESTION_BYTES])
    data = text.encode("utf-8")
    if len(data) <= MAX_QUESTION_BYTES:
        return text
    return data[:MAX_QUESTION_BYTES].decode("utf-8", errors="ignore")


def _say(lang: str, key: str, **values: object) -> str:
    return phrase(language(lang), "questions", key, **values)


def question_problem(question: str) -> AnswerError | None:
    """Why the question cannot be answered at all (empty, not text, too long, no words, another
    language), checked before anything is planned; None when it can be read."""
    lang = language_of(question[:MAX_QUESTION_CHARS])
    if not question.strip():
        return AnswerError(code="empty_question", message=_say(lang, "empty"))
    for check in (_not_text, _too_long, _no_words, _other_language):
        problem = check(question, lang)
        if problem is not None:
            return problem
    return None


def _not_text(question: str, lang: str) -> AnswerError | None:
    """Bytes that were not UTF-8 (a lone surrogate, or U+FFFD after a lossy decode), and control
    characters (NUL, escape sequences): what a binary file or a broken terminal sends."""
    if _SURROGATE.search(question) or _REPLACEMENT in question:
        return AnswerError(code="invalid_text", message=_say(lang, "not_utf8"))
    if _CONTROL.search(question) is None:
        return None
    controls = [(i, ch) for i, ch in enumerate(question) if _is_control(ch)]
    if not controls:
        return None
    where, first = controls[0][0] + 1, f"U+{ord(controls[0][1]):04X}"
    count = len(controls)
    key = "controls_many" if count > 1 else "controls_one"
    message = _say(lang, key, count=count, first=first, where=where)
    return AnswerError(code="control_characters", message=message)


def _is_control(ch: str) -> bool:
    return ch not in "\t\n\r" and unicodedata.category(ch) == "Cc"


def _too_long(question: str, lang: str) -> AnswerError | None:
    if len(question) <= MAX_QUESTION_CHARS:
        return None
    message = _say(lang, "too_long", length=len(question), limit=MAX_QUESTION_CHARS)
    return AnswerError(code="question_too_long", message=message)


def _no_words(question: str, lang: str) -> AnswerError | None:
    if any(ch.isalnum() for ch in question):
        return None
    return AnswerError(code="not_a_question", message=_say(lang, "no_words"))


def _other_language(question: str, lang: str) -> AnswerError | None:
    """A question in another language would be half-read (a French "la semaine dernière" is
    not "last week"): say which languages are understood instead of guessing."""
    other = foreign_language(question)
    if other is None:
        return None
    name = section("languages")[language(lang)].get(other, other)
    message = _say(lang, "other_language", language=name)
    return AnswerError(
        code="unsupported_language",
        message=message,
        suggestions=[texts["example"] for texts in section("questions").values()],
    )


def foreign_language(text: str) -> str | None:
    """The other language `text` is written in ("French", "Japanese"…), or None for English,
    Chinese, or too little to tell. A script wins when most letters are in it (Japanese: one
    kana in ten letters); Latin-script languages need two of their function words, more than
    the English ones, so "revenue in Los Angeles last week" stays English."""
    ours = len(_OUR_LETTERS.findall(text))
    for name, script in _SCRIPTS.items():
        n = len(script.findall(text))
        if n and (n > ours or (name == "Japanese" and n * 10 >= ours)):
            return name
    if _HAN.search(text):
        return None
    words = _WORD.findall(text.casefold())
    english = sum(w in _ENGLISH_WORDS for w in words)
    hits, best = max(
        (sum(w in vocab for w in words), name) for name, vocab in _FOREIGN_WORDS.items()
    )
    return best if hits >= 2 and hits > english else None


__all__ = ["foreign_language", "question_problem", "storable_question"]
