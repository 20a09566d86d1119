"""`WatchError`: a watch request the caller can fix, said in the caller's language (the
phrasebook's `watch.errors`)."""

from __future__ import annotations

from semantic_layer.errors import UserError
from semantic_layer.phrasebook import grammar, language, phrase
from semantic_layer.time import Language


class WatchError(UserError):
    """A bad watch or digest request: unknown destination, unwatchable question, unknown id."""

    def __init__(
        self, key: str, *, code: str = "invalid_watch", status: int = 422, **values: object
    ) -> None:
        """`key` of the phrasebook's `watch.errors`, its placeholders filled from `values` (a
        tuple is said as the language lists alternatives: "a, b, c" / "a、b、c")."""
        self.key, self.values, self.code, self.status = key, values, code, status
        super().__init__(self.say("en"))

    def say(self, lang: Language | str) -> str:
        said = language(lang)
        sep = grammar(said).alt_sep
        values = {k: sep.join(v) if isinstance(v, tuple) else v for k, v in self.values.items()}
        return phrase(said, "watch.errors", self.key, **values)


__all__ = ["WatchError"]
