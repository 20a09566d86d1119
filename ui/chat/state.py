"""What one browser tab remembers (kept in a `gr.State`): its assistant session and its turns."""

from __future__ import annotations

from dataclasses import dataclass, replace

from assistant.answer.model import Answer


@dataclass(frozen=True)
class Turn:
    """A question and its answer; `stored` says the service kept it (so it can be rated);
    `retold` holds the answer told again in the other interface language (same id)."""

    question: str
    answer: Answer
    stored: bool = True
    retold: tuple[Answer, ...] = ()

    def shown(self, lang: str) -> Answer:
        """The answer in `lang` when there is a version in it, else the original."""
        return next((a for a in (self.answer, *self.retold) if a.language == lang), self.answer)

    def has(self, lang: str) -> bool:
        return any(a.language == lang for a in (self.answer, *self.retold))


# eq=False keeps identity hashing: Gradio notices a changed `gr.State` by hashing its value, and
# every update here is a new object (answers, being pydantic models, are not hashable by value).
@dataclass(frozen=True, eq=False)
class ChatState:
    """The session id the assistant gave this tab, the last answer's id and the turns so far."""

    session_id: str | None = None
    last_answer_id: str | None = None
    turns: tuple[Turn, ...] = ()

    def with_turns(self, turns: tuple[Turn, ...]) -> ChatState:
        return replace(self, turns=turns)

    def add(self, turn: Turn) -> ChatState:
        """The state after `turn` (a turn the service did not store keeps the session as is)."""
        answer = turn.answer
        return replace(
            self,
            session_id=answer.session_id if turn.stored else self.session_id,
            last_answer_id=answer.id if turn.stored else self.last_answer_id,
            turns=(*self.turns, turn),
        )


__all__ = ["ChatState", "Turn"]
