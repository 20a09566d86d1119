"""Who may use a stored object: sessions, their answers, charts and feedback belong to the
principal that created them (issue 14, "Objects").

A principal is a string the surface derives from its sign-in: `key:<hash>` for an API key (a hash,
so the store never holds the key), `user:<name>` for a signed-in chat user, `bot:<platform>:<chat>`
for a bot conversation, `local` for the chat served on loopback without sign-in. `None` is a
trusted caller in the same process (`tpa ask`, the evals), which is never checked. Another
principal's object is "unknown" (a 404 over HTTP), exactly like an id that does not exist, so ids
cannot be probed. A role whose policy says `read_all_sessions: true` may read (never write) every
session and answer, for an audit.
"""

from __future__ import annotations

import hashlib

from assistant.answer.model import Answer
from assistant.sessions import SessionStore
from assistant.sessions.records import Session, UnknownAnswer, UnknownSession
from semantic_layer.model.semantic import SemanticModel


def key_principal(key: str) -> str:
    """The principal of an API key: a hash of it, never the key itself."""
    return "key:" + hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def audits(model: SemanticModel, role: str | None) -> bool:
    """Whether `role` may read every principal's sessions."""
    try:
        return model.policy(role).read_all_sessions
    except Exception:  # an unknown role grants nothing
        return False


def own_session(
    store: SessionStore,
    session_id: str,
    principal: str | None,
    *,
    model: SemanticModel | None = None,
    role: str | None = None,
) -> Session:
    """The session, when `principal` owns it (or, given `model` and `role`, may audit it);
    `UnknownSession` otherwise."""
    session = store.session(session_id)
    if principal is None or session.owner == principal:
        return session
    if model is not None and audits(model, role):
        return session
    raise UnknownSession(session_id)


def own_answer(
    store: SessionStore,
    answer_id: str,
    principal: str | None,
    *,
    model: SemanticModel | None = None,
    role: str | None = None,
) -> Answer:
    """The answer, when its session is `principal`'s (or auditable as above); `UnknownAnswer`
    otherwise."""
    answer = store.answer(answer_id)
    if principal is None:
        return answer
    try:
        own_session(store, answer.session_id or "", principal, model=model, role=role)
    except UnknownSession:
        raise UnknownAnswer(answer_id) from None
    return answer


__all__ = ["audits", "key_principal", "own_answer", "own_session"]
