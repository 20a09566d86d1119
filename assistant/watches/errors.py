"""`WatchError`: a watch request the caller can fix, said in English and in Chinese."""

from __future__ import annotations

from semantic_layer.errors import UserError
from semantic_layer.phrasebook import language
from semantic_layer.time import Language


class WatchError(UserError):
    """A bad watch or digest request: unknown destination, unwatchable question, unknown id."""

    def __init__(self, en: str, zh: str, *, code: str = "invalid_watch", status: int = 422):
        super().__init__(en)
        self.en, self.zh, self.code, self.status = en, zh, code, status

    def say(self, lang: Language) -> str:
        return {"en": self.en, "zh": self.zh}[language(lang)]


__all__ = ["WatchError"]
