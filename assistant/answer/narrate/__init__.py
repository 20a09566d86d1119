"""The words of answers: `answer_text` (the answer first) and `suggestions` (follow-ups).

Number formats are documented in `numbers.py`; the sentence templates are the
phrasebook's `answer` sections (`semantic_layer/phrasebook/`).
"""

from __future__ import annotations

from assistant.answer.narrate.numbers import Numbers, currency_symbol
from assistant.answer.narrate.suggest import suggestions, time_words
from assistant.answer.narrate.text import answer_text

__all__ = ["Numbers", "answer_text", "currency_symbol", "suggestions", "time_words"]
