"""`Watches`: create, list, pause, resume and delete watches and digests, and run what is due.

    watches = Watches(service, WatchStore.beside(config.work_dir), Sender(BotsConfig.from_env()))
    watches.create("checkout conversion", owner="cli", role=None, grain="week",
                   to=["feishu:oc_123"])
    watches.run_due()                      # what `tpa serve` does every minute

A watch's question is planned once, when it is created, by the same service as any question
(the answer the user saw); the stored plan is what runs every period, with the owner's role.
`run_due` evaluates each active subscription's latest complete period once (a restart or a
second process never re-evaluates or re-sends it) and delivers it to each destination once;
failed deliveries are retried on later runs with back-off. Only the latest period is due: after
an outage, the missed period is sent once, not a backlog.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any, Final, Literal

from assistant.kinds import kind_called
from assistant.ownership import own_answer
from assistant.watches.detect import Grain
from assistant.watches.digest import digest_text, run_digest
from assistant.watches.errors import WatchError
from assistant.watches.evaluate import latest_period, run_watch
from assistant.watches.metrics import WATCH_METRICS
from assistant.watches.outbox import DeliveryFailed, Message, Outbox
from assistant.watches.records import Subscription, destinations_of
from assistant.watches.store import WatchStore
from assistant.watches.target import target_of
from semantic_layer.phrasebook import language, phrase
from semantic_layer.plan import parse_plan
from semantic_layer.time import Language

if TYPE_CHECKING:
    from assistant.answer.model import Answer
    from assistant.service import AssistantService
    from semantic_layer.model.semantic import SemanticModel

log = logging.getLogger("assistant.watches")
MAX_ATTEMPTS: Final = 5  # runs that try a delivery before it is given up
RETRY_AFTER_S: Final = 300.0  # the first wait before a failed delivery is tried again; doubles
Notify = Literal["worse", "any"]
ChartPng = Callable[[dict[str, Any]], bytes]


@dataclass
class DueReport:
    """What a run did (or, dry, would do): one line per subscription and destination."""

    lines: list[str] = field(default_factory=list)
    sent: int = 0
    failed: int = 0

    def say(self, line: str) -> None:
        self.lines.append(line)


class Watches:
    """The watches and digests of one service."""

    def __init__(self, service: AssistantService, store: WatchStore, sender: Outbox,
                 chart_png: ChartPng | None = None) -> None:  # fmt: skip
        self.service, self.store, self.sender, self.chart_png = service, store, sender, chart_png
        self.retry_after_s = RETRY_AFTER_S
        self._run_lock = threading.Lock()

    # -- creating -----------------------------------------------------------------------------

    def create(self, question: str, *, owner: str, role: str | None, grain: Grain,
               to: list[str], notify: Notify = "worse") -> Subscription:  # fmt: skip
        """A watch on `question`, planned now as the owner would see it answered."""
        destinations = destinations_of(to)
        answer = self.service.ask(question, role=role, channel="api")
        return self._from_answer(
            answer, owner, role=role, grain=grain, destinations=destinations, notify=notify
        )

    def create_from_answer(self, answer_id: str, *, owner: str, role: str | None, grain: Grain,
                           to: list[str], notify: Literal["worse", "any"] = "worse"
                           ) -> Subscription:  # fmt: skip
        """A watch on an answer already given ("watch this"): one of `owner`'s own answers
        (another principal's is `UnknownAnswer`, as everywhere; "cli" and the chat without
        sign-in are trusted callers in this process)."""
        destinations = destinations_of(to)
        trusted = owner in ("cli", "chat")
        answer = own_answer(self.service.store, answer_id, None if trusted else owner)
        return self._from_answer(
            answer, owner, role=role, grain=grain, destinations=destinations, notify=notify
        )

    def _from_answer(self, answer: Answer, owner: str, *, role: str | None, grain: Grain,
                     destinations: Any, notify: Notify) -> Subscription:  # fmt: skip
        if answer.error is not None or answer.plan is None:
            message = answer.error.message if answer.error else answer.text
            raise WatchError("cannot_watch", message=message, code="not_watchable")
        plan = _pinned(answer, self.service.model)
        target = target_of(parse_plan(plan), self.service.model)  # raises for other kinds
        sub = Subscription(
            id="", kind="watch", owner=owner, role=role, grain=grain,
            destinations=destinations, language=language(answer.language), created_at=_now(),
            question=answer.question, plan=plan, notify=notify, notes=target.notes,
        )  # fmt: skip
        return self.store.add(sub)

    def create_digest(self, *, owner: str, role: str | None, grain: Grain, to: list[str],
                      language: Language = "en") -> Subscription:  # fmt: skip
        """A digest of what moved most for `role`, sent every day or week."""
        self.service.model.policy(role)  # an unknown role fails now
        sub = Subscription(
            id="", kind="digest", owner=owner, role=role, grain=grain,
            destinations=destinations_of(to), language=language, created_at=_now(),
            question="", plan=None,
        )  # fmt: skip
        return self.store.add(sub)

    # -- running ------------------------------------------------------------------------------

    def run_due(self, *, dry_run: bool = False, only: str | None = None) -> DueReport:
        """Evaluate and deliver every active subscription's latest complete period, once."""
        report = DueReport()
        with self._run_lock:
            for sub in self.store.list():
                if sub.paused or (only is not None and sub.id != only):
                    continue
                try:
                    self._run_one(sub, dry_run, report)
                except Exception as exc:  # one broken watch never stops the others
                    log.exception("running %s %s failed", sub.kind, sub.id)
                    WATCH_METRICS.run(sub.kind, "error")
                    report.say(f"{sub.id} {sub.kind}: error: {exc}")
        return report

    def _run_one(self, sub: Subscription, dry_run: bool, report: DueReport) -> None:
        period = latest_period(self.service.time_context(), sub.grain)
        key = period.isoformat()
        result = self.store.evaluation(sub.id, key)
        if result is None:
            result = self.evaluate(sub, period)
            WATCH_METRICS.run(sub.kind, str(result["status"]))
            if not dry_run:
                self.store.save_evaluation(sub.id, key, result)
        if result["status"] not in ("alert", "digest"):
            report.say(f"{sub.id} {sub.kind} {key}: {result['status']}, nothing to send")
            return
        message = self._message(sub, result)
        for dest in sub.destinations:
            if dry_run:
                report.say(f"{sub.id} {sub.kind} {key} → {dest} (dry run, not sent):\n"
                           f"{message.text}")  # fmt: skip
                continue
            attempt = self.store.claim(sub.id, key, dest, MAX_ATTEMPTS)
            if attempt is None:
                report.say(f"{sub.id} {sub.kind} {key} → {dest}: already sent or waiting")
                continue
            try:
                self.sender.send(dest, message)
            except DeliveryFailed as exc:
                wait = self.retry_after_s * 2 ** (attempt - 1)
                self.store.finish(sub.id, key, dest=dest, error=str(exc)[:500], retry_in_s=wait)
                report.failed += 1
                report.say(f"{sub.id} {sub.kind} {key} → {dest}: failed ({exc}); retried later")
            else:
                self.store.finish(sub.id, key, dest=dest, error=None)
                report.sent += 1
                report.say(f"{sub.id} {sub.kind} {key} → {dest}: sent")

    def evaluate(self, sub: Subscription, period: date) -> dict[str, Any]:
        if sub.kind == "digest":
            return {**run_digest(self.service, sub.role, grain=sub.grain, period=period),
                    "subscription_id": sub.id}  # fmt: skip
        return run_watch(self.service, sub, period)

    def _message(self, sub: Subscription, result: dict[str, Any]) -> Message:
        lang = sub.language
        if sub.kind == "digest":
            text = digest_text(result, lang)
            title = f"{result['title'][lang]} · {result['when'][lang]}"
            chart = result["items"][0]["chart"][lang] if result["items"] else None
        else:
            text, chart = result["text"][lang], result["chart"]
            title = phrase(lang, "watch", "alert_title", label=result["label"][lang])
        png = self._png(chart)
        payload = {k: v for k, v in result.items() if k != "chart"}
        payload.update({"title": title, "question": sub.question, "watch_id": sub.id})
        return Message(title, text, png, payload)

    def _png(self, chart: dict[str, Any] | None) -> bytes | None:
        if chart is None or self.chart_png is None:
            return None
        try:
            return self.chart_png(chart)
        except Exception:
            log.exception("rendering a watch chart failed; sending text only")
            return None

    # -- the landing page ---------------------------------------------------------------------

    def landing(self, role: str | None, grain: Grain = "week") -> dict[str, Any]:
        """The digest of `role` for the chat's first screen: the stored one of the latest
        period, else computed now (and kept for the period)."""
        period = latest_period(self.service.time_context(), grain)
        key = f"landing:{role or ''}:{grain}"
        found = self.store.evaluation(key, period.isoformat())
        if found is None:
            found = run_digest(self.service, role, grain=grain, period=period)
            self.store.save_evaluation(key, period.isoformat(), found)
        return found


def _pinned(answer: Answer, model: SemanticModel) -> dict[str, Any]:
    """The answer's plan as its kind pins it (a drop-off watches the step that lost the most)."""
    kind = kind_called(str((answer.plan or {}).get("kind", "")))
    return dict(answer.plan or {}) if kind is None else kind.pinned(answer, model)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


__all__ = ["DueReport", "Watches"]
