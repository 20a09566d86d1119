"""`AssistantService`: one question in, one `Answer` out — the pipeline of docs/design.md.

    question ─▶ plan (embedded rules │ LLM, falling back to the rules) ─▶ compile for the role
             ─▶ run on the read-only engine ─▶ text, chart, table, interpretation
             ─▶ stored as a turn of the session

Compiled plans and the data part of answers are cached (`assistant.caching`): a repeated plan
compiles once, and a repeated question — same plan, role, ranges, model and data — is answered
without running its query again, until the entry expires or the data changes.

The chat, the HTTP API, the bots, `tpa ask` and the evals all call `ask`; nothing else plans or
runs queries. Every failure becomes an `Answer` with `error` {code, message}: a bad question, an
unknown name, a denied metric, a refused or slow query, a dead LLM endpoint.
"""

from __future__ import annotations

import logging
import threading
import time
import uuid
from collections.abc import Callable
from contextlib import ExitStack
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from sqlglot import exp

from assistant.answer.assemble import data_fields, failed, plan_json, warnings_for, without_data
from assistant.answer.change import ChangePoint
from assistant.answer.failure import Failure, never_works
from assistant.answer.model import Answer, AnswerError, Timings, UnusedSpan
from assistant.caching import (
    AnswerKey,
    CompileKey,
    Frozen,
    TtlCache,
    answer_key,
    cells,
    compile_key,
    data_version,
    model_version,
)
from assistant.config import AssistantConfig, BackendName
from assistant.examples import ExampleReview
from assistant.execute import Executed, compile_for, execute
from assistant.focus import focus_drivers
from assistant.kinds import kind_called, kind_of
from assistant.never_met import UNSURE as NEVER_MET_UNSURE
from assistant.never_met import never_met
from assistant.nlu import EmbeddedPlanner, PlannerResult
from assistant.nlu.text import MAX_QUESTION_CHARS, language_of
from assistant.ownership import own_answer, own_session
from assistant.planmemo import MemoKey, PlanMemo, examples_version
from assistant.questions import question_problem, storable_question
from assistant.seams import Grounder, LlmBackend, Validate
from assistant.sessions import SessionStore
from assistant.startup_cache import FOLDER as STARTUP_CACHE
from assistant.startup_cache import open_model
from assistant.understand import Planned, plan_question
from connectors.aggregates import current as current_aggregates
from connectors.engine import EngineError
from connectors.engines import Engine, open_engine
from semantic_layer.compile.compiler import Compiled
from semantic_layer.compile.dialects import render
from semantic_layer.errors import UserError
from semantic_layer.model.semantic import SemanticModel
from semantic_layer.phrasebook import language, phrase
from semantic_layer.plan import DriversPlan, MetricPlan, QueryPlan, UnsupportedPlan, parse_plan
from semantic_layer.time import DateRange, TimeContext
from semantic_layer.timeparts.errors import TimeError

if TYPE_CHECKING:
    from assistant.retrieval import Retriever

log = logging.getLogger(__name__)
COMPILED_CAPACITY = 1024  # compiled plans kept (a few kB of SQL tree each)
ANSWERS_CAPACITY = 512  # answers kept …
ANSWER_CELLS = 1_000_000  # … holding at most this many table cells in all (some 100 MB at most)
AnswerCache = TtlCache[AnswerKey, Frozen]
Rating = Literal["up", "down"]
Stage = Literal["understanding", "querying", "answering"]


@dataclass
class _Clock:
    started: float
    on_stage: Callable[[Stage], None] | None = None

    def stage(self, name: Stage) -> None:
        if self.on_stage is not None:
            self.on_stage(name)

    def lap(self) -> float:
        now = time.perf_counter()
        elapsed, self.started = (now - self.started) * 1000, now
        return elapsed


class AssistantService:
    """The assistant: a model, an engine, a planner or two, a session store, and retrieval."""

    def __init__(
        self,
        config: AssistantConfig,
        model: SemanticModel,
        engine: Engine,
        store: SessionStore,
        *,
        retriever: Retriever | None = None,
        llm: LlmBackend | None = None,
        answers: AnswerCache | None = None,
    ) -> None:
        self.config, self.model, self.engine, self.store = config, model, engine, store
        self.retriever, self.llm = retriever, llm
        ttl = config.answer_cache_s
        self.answers: AnswerCache = (
            answers if answers is not None else TtlCache(ANSWERS_CAPACITY, ttl)
        )
        self._compiled: TtlCache[CompileKey, Compiled] = TtlCache(COMPILED_CAPACITY, 24 * 3600.0)
        self._focused: TtlCache[AnswerKey, tuple[Compiled, ChangePoint | None]] = TtlCache(
            ANSWERS_CAPACITY, self.answers.ttl_s
        )
        self._model_version = model_version(model)
        self._plans = PlanMemo(ANSWERS_CAPACITY, self.answers.ttl_s)  # first-turn plans
        self._data_version = data_version(engine)
        self.aggregates = current_aggregates(engine)  # read with the data version: both current
        self.planner = EmbeddedPlanner(
            model,
            retrieval=retriever,
            example_threshold=_example_threshold() if retriever is not None else None,
        )
        self.examples = ExampleReview(model, store, retriever)
        # per role: the planner and retrieval that see that role's reviewed examples only
        self._planners: dict[str, tuple[EmbeddedPlanner, Grounder | None]] = {}
        self._today = config.as_of or _data_as_of(engine)
        self._data_span = _data_span(engine)
        self._lock = threading.Lock()

    @classmethod
    def open(cls, config: AssistantConfig, answers: AnswerCache | None = None) -> AssistantService:
        """Open everything the config names; clear errors name the file that is wrong.

        `answers`: an answer cache to share (default: a new one, `config.answer_cache_s`)."""
        model = open_model(config.model, _startup_cache(config))
        with ExitStack() as opened:  # a later failure closes what was already opened
            engine = open_engine(
                config.engine, config.db, timeout_s=config.query_timeout_s, row_cap=config.row_cap,
                memory_limit=config.memory_limit, temp_limit=config.temp_limit,
                max_result_bytes=config.max_result_bytes, server=config.server,
            )  # fmt: skip
            opened.callback(engine.close)
            config.work_dir.mkdir(parents=True, exist_ok=True)
            store = SessionStore.open(config.work_dir / "sessions.sqlite3")
            opened.callback(store.close)
            retriever = _open_retriever(config, model) if config.retrieval else None
            if retriever is not None:
                opened.callback(retriever.close)
            llm = _open_llm(config, model, engine.dialect)
            service = cls(
                config, model, engine, store, retriever=retriever, llm=llm, answers=answers
            )
            opened.pop_all()
        return service

    def close(self) -> None:
        self.engine.close()
        self.store.close()
        if self.retriever is not None:
            self.retriever.close()
        if self.llm is not None:
            self.llm.close()

    def __enter__(self) -> AssistantService:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def time_context(self) -> TimeContext:
        """ "Today" for every answer: `--as-of`, else the demo data's as_of, else the real date."""
        settings = self.model.settings
        return TimeContext.create(settings.timezone, settings.week_start, as_of=self._today)

    def ask(
        self,
        question: str,
        *,
        session_id: str | None = None,
        role: str | None = None,
        backend: BackendName | None = None,
        channel: str = "api",
        on_stage: Callable[[Stage], None] | None = None,
        principal: str | None = None,
    ) -> Answer:
        """Answer one question (a follow-up when the session has a previous plan).

        `on_stage` hears "understanding", "querying" and "answering" as the work goes (the chat
        and `/v1/ask/stream` show them). `principal` owns a new session; a follow-up in a session
        of another principal raises `UnknownSession` (see `assistant.ownership`)."""
        return self.ask_json(
            question, session_id=session_id, role=role, backend=backend, channel=channel,
            on_stage=on_stage, principal=principal,
        )[0]  # fmt: skip

    def ask_json(
        self,
        question: str,
        *,
        session_id: str | None = None,
        role: str | None = None,
        backend: BackendName | None = None,
        channel: str = "api",
        on_stage: Callable[[Stage], None] | None = None,
        principal: str | None = None,
    ) -> tuple[Answer, bytes]:
        """`ask`, with the answer's JSON: the very text the session store just wrote (one
        serialisation per answer instead of two), or a fresh one when the store kept less."""
        clock = _Clock(time.perf_counter(), on_stage)
        clock.stage("understanding")
        started = clock.started
        if session_id:  # a follow-up in the caller's own session (`UnknownSession` otherwise)
            session = own_session(self.store, session_id, principal)
            sid, fresh, role = session.id, False, role or session.role
        else:  # a new conversation of `principal`: stored with its first turn, in one commit
            _check_channel(role, channel, principal)
            sid, fresh = uuid.uuid4().hex, True
        answer = self._answer(question, sid, role=role, backend=backend, clock=clock, fresh=fresh)
        answer.timings.total_ms = (time.perf_counter() - started) * 1000
        if fresh:
            turn = self.store.add_first_turn(answer, role=role, channel=channel, owner=principal)
        else:
            turn = self.store.add_turn(sid, answer)
        return answer, (turn.json or answer.model_dump_json()).encode()

    def _answer(
        self,
        question: str,
        session_id: str,
        *,
        role: str | None,
        backend: BackendName | None,
        clock: _Clock,
        fresh: bool = False,
    ) -> Answer:
        base = _blank(question, session_id)
        problem = question_problem(question)
        if problem is not None:
            failure = Failure(
                problem.code, problem.message, localized=True, offered=tuple(problem.suggestions)
            )
            return failed(base, {}, failure=failure, plan=None, model=self.model, works=never_works)
        ctx = self.time_context()
        previous = None if fresh else self._previous_plan(session_id)
        question = question if fresh else self._chosen(question, session_id)
        history = [] if fresh else self._history(session_id)
        planner, retrieval = self._planner_for(role)
        memo_key = self._memo_key(question, role, backend, ctx) if fresh else None
        planned = self._plans.get(memo_key) if memo_key is not None else None
        try:
            planned = planned or plan_question(
                question,
                ctx=ctx,
                previous=previous,
                planner=planner,
                llm=self.llm,
                backend=backend or self.config.backend,
                retriever=retrieval,
                validate=self._validator(ctx, role),
                history=history,
            )
            if memo_key is not None:
                self._plans.put(memo_key, planned)
        except Exception as exc:  # a planner bug on odd input is this answer's error, not a 500
            log.exception("planning %r failed", question[:200])
            error = unexpected("invalid_plan", exc, base.language)
            return base.model_copy(update={"text": error.message, "error": error})
        timings = Timings(plan_ms=clock.lap(), llm_calls=planned.calls)
        return self._run(base, planned, ctx=ctx, role=role, timings=timings, clock=clock)

    def _run(
        self,
        base: Answer,
        planned: Planned,
        *,
        ctx: TimeContext,
        role: str | None,
        timings: Timings,
        clock: _Clock,
    ) -> Answer:
        plan = planned.result.plan
        fields: dict[str, Any] = {
            "plan": plan_json(plan),
            "backend": planned.backend,
            "warnings": planned.warnings,
            "language": plan.language,
            "timings": timings,
            "unused": [UnusedSpan(**u.as_json()) for u in planned.result.unused],
            "confidence": (
                planned.result.confidence if planned.backend in ("embedded", "example") else None
            ),
        }
        key = self._key(plan, ctx, role)
        try:
            compiled = self._compile(plan, ctx, role, key)
        except UserError as exc:
            failure = Failure.of_user_error(exc, _code(exc))
            return failed(
                base,
                fields,
                failure=failure,
                plan=plan,
                model=self.model,
                works=self._works(ctx, role),
            )
        except TimeError as exc:  # a period that cannot be compared or resolved: say which
            failure = Failure("invalid_plan", str(exc), kind="time")
            return failed(
                base,
                fields,
                failure=failure,
                plan=plan,
                model=self.model,
                works=self._works(ctx, role),
            )
        except Exception as exc:  # sqlglot or the compiler failed on this plan: say so, log it
            log.exception("compiling %s failed", fields["plan"])
            error = unexpected(kind_of(plan.kind).compile_error, exc, plan.language)
            return base.model_copy(update={**fields, "text": error.message, "error": error})
        timings.compile_ms = clock.lap()
        clock.stage("querying")
        outside = self._outside_data(compiled.time_range, plan.language)
        if outside is not None:
            compiled = compile_for(
                outside,
                self.model,
                ctx=ctx,
                role=role,
                dialect=self.engine.dialect,
                aggregates=self.aggregates,
            )
            fields["plan"] = plan_json(outside)
        if compiled.tree is None:
            return without_data(base, fields, compiled, self.model)
        change = None
        if isinstance(plan, DriversPlan):  # find when the metric changed, compare around it
            compiled, change = self._focus(compiled, ctx, role, key)
            fields["plan"] = plan_json(compiled.plan)
            key = self._key(compiled.plan, ctx, role)  # the focused plan is what is answered
        if compiled.time_range is not None and compiled.time_range.is_future(ctx):
            fields["warnings"] = [*fields["warnings"], _incomplete(plan.language)]
        cache_key = answer_key(
            key, compiled.time_range, compiled.baseline_range, self._data_version
        )
        frozen = self.answers.get(cache_key) if compiled.verified else None
        if frozen is None:
            try:
                executed = execute(compiled, self.engine, change)
            except EngineError as exc:
                fields["sql"] = compiled.sql(pretty=True)
                failure = Failure(exc.code, str(exc))
                return failed(
                    base,
                    fields,
                    failure=failure,
                    plan=plan,
                    model=self.model,
                    works=self._works(ctx, role),
                )
            timings.query_ms = clock.lap()
            clock.stage("answering")
            cached = self._answered(executed, cache_key)
        else:
            timings.query_ms = clock.lap()
            clock.stage("answering")
            cached = frozen.thaw()  # the caller's own copy: it may change it, the cache not
        update = {**fields, **cached, "warnings": warnings_for(compiled, fields)}
        note = never_met(compiled.plan, cached, self.model, lambda p: self._value(p, ctx, role))
        if note is not None:  # a filter no row of the metric ever met: not a plain 0
            update["warnings"] = [*update["warnings"], note]
            if update.get("confidence") is not None:
                update["confidence"] = min(update["confidence"], NEVER_MET_UNSURE)
        answer = base.model_copy(update=update)
        timings.answer_ms = clock.lap()
        return answer

    def _value(self, plan: QueryPlan, ctx: TimeContext, role: str | None) -> float | None:
        """A one-value plan's value (for `never_met`); None when it has no rows or fails."""
        try:
            compiled = self._compile(plan, ctx, role, self._key(plan, ctx, role))
            if compiled.tree is None:
                return None
            table = execute(compiled, self.engine, None).table
        except (UserError, EngineError, TimeError):
            return None
        metric = plan.metrics[0] if isinstance(plan, MetricPlan) else None
        if not table.rows or metric is None or not table.has(metric):
            return None
        value = table.column(metric)[0]
        return float(value) if isinstance(value, int | float) else None

    def _key(self, plan: QueryPlan, ctx: TimeContext, role: str | None) -> CompileKey:
        return compile_key(plan, role or self.model.settings.default_role, ctx, self._model_version)

    def _compile(
        self, plan: QueryPlan, ctx: TimeContext, role: str | None, key: CompileKey
    ) -> Compiled:
        """`compile_for`, once per plan, role, day and model (compiling costs 3–40 ms)."""
        compiled = self._compiled.get(key)
        if compiled is None:
            compiled = compile_for(
                plan,
                self.model,
                ctx=ctx,
                role=role,
                dialect=self.engine.dialect,
                aggregates=self.aggregates,
            )
            self._compiled.put(key, compiled)
        return compiled

    def _focus(
        self, compiled: Compiled, ctx: TimeContext, role: str | None, key: CompileKey
    ) -> tuple[Compiled, ChangePoint | None]:
        """`focus_drivers`, kept like answers (same lifetime, same data version): a repeated
        drivers question does not read the metric's series again (one query, 80+ ms)."""
        focus_key = answer_key(
            key, compiled.time_range, compiled.baseline_range, self._data_version
        )
        found = self._focused.get(focus_key) if compiled.verified else None
        if found is None:
            found = focus_drivers(
                compiled,
                self.model,
                ctx=ctx,
                role=role,
                engine=self.engine,
                compile_plan=lambda p: self._compile(p, ctx, role, self._key(p, ctx, role)),
            )
            if compiled.verified:
                self._focused.put(focus_key, found)
        return found

    def _answered(self, executed: Executed, key: AnswerKey) -> dict[str, Any]:
        """The data part of the answer, kept in the answer cache when it is small enough."""
        found = data_fields(executed, self.model)
        if executed.compiled.verified:
            self.answers.put(key, Frozen.of(found))
        return found

    def _memo_key(
        self, question: str, role: str | None, backend: BackendName | None, ctx: TimeContext
    ) -> MemoKey:
        """What a first turn's plan depends on (`planmemo.py`)."""
        return PlanMemo.key(
            question,
            self.examples.role_name(role),
            backend=backend or self.config.backend,
            today=ctx.today,
            model_version=self._model_version,
            examples=examples_version(self.retriever),
        )

    def _planner_for(self, role: str | None) -> tuple[EmbeddedPlanner, Grounder | None]:
        """The embedded planner and retrieval of `role`: reviewed examples of that role only."""
        if self.retriever is None:
            return self.planner, None
        from assistant.retrieval.scoped import RoleRetrieval  # numpy: only with retrieval

        name = self.examples.role_name(role)
        with self._lock:
            if name not in self._planners:
                scoped = RoleRetrieval(self.retriever, name)
                planner = EmbeddedPlanner(
                    self.model, retrieval=scoped, example_threshold=_example_threshold()
                )
                self._planners[name] = (planner, scoped)
            return self._planners[name]

    def _chosen(self, question: str, session_id: str) -> str:
        """After a clarification, typing a choice's label (or its number) asks its question."""
        last = self.store.last_turn(session_id)
        asked = kind_called(last.kind) if last is not None else None
        if last is None or asked is None or not asked.asks_back or last.plan is None:
            return question
        said = question.strip().strip("?？。.!！").casefold()
        for n, choice in enumerate(last.plan.get("choices", []), start=1):
            if said in (str(n), str(choice.get("label", "")).casefold()):
                return str(choice["question"])
        return question

    def _outside_data(self, rng: DateRange | None, lang: str) -> UnsupportedPlan | None:
        """A period that ends before the data starts (or starts after it ends) has no data: say
        so instead of answering zero."""
        first, last = self._data_span
        if rng is None or first is None or last is None:
            return None
        if rng.end > first and rng.start <= last:
            return None
        span = DateRange(first, last + timedelta(days=1))
        say = language(lang)
        reason = phrase(say, "service", "outside_data", span=span.label(say), period=rng.label(say))
        return UnsupportedPlan(reason=reason, missing=[rng.label("en")], language=lang)  # type: ignore[arg-type]

    def _previous_plan(self, session_id: str) -> QueryPlan | None:
        data = self.store.last_plan(session_id)
        if data is None:
            return None
        try:
            return parse_plan(data)
        except ValueError:
            return None  # a plan stored by an older version: start afresh

    def _history(self, session_id: str) -> list[tuple[str, dict[str, Any] | None]]:
        return [(t.question, t.plan) for t in self.store.turns(session_id)[-3:]]

    def _works(self, ctx: TimeContext, role: str | None) -> Callable[[str], bool]:
        """Whether a question offered after a failure is answered: planned by the rules to an
        analysis that compiles and binds for the role."""
        validate = self._validator(ctx, role)

        def works(question: str) -> bool:
            plan = self.planner.plan(question, ctx).plan
            if not kind_of(plan.kind).runs:  # clarify, unsupported
                return False
            try:
                validate(plan)
            except (UserError, TimeError, EngineError):
                return False
            return True

        return works

    def _validator(self, ctx: TimeContext, role: str | None) -> Validate:
        def validate(plan: QueryPlan) -> None:
            key = compile_key(
                plan, role or self.model.settings.default_role, ctx, self._model_version
            )
            sql = self._compile(plan, ctx, role, key).sql()
            if sql is not None:
                try:
                    self.engine.explain(sql)
                except EngineError as exc:
                    raise UserError(f"the query does not run: {exc}") from None
                except Exception as exc:  # never out of the planner's repair loop as a crash
                    raise UserError(
                        f"the query could not be checked ({type(exc).__name__})"
                    ) from None

        return validate

    def catalog(self, role: str | None = None) -> dict[str, Any]:
        """What can be asked, for the chat's side panel and `GET /v1/catalog`: the metrics,
        dimensions, touchpoints and journeys the role may use, in English and Chinese."""
        from assistant.catalog import build_catalog

        return build_catalog(self.model, role)

    def feedback(
        self,
        answer_id: str,
        rating: Rating,
        comment: str | None = None,
        *,
        principal: str | None = None,
        role: str | None = None,
    ) -> bool:
        """Record a rating on one of `principal`'s answers (another's is `UnknownAnswer`). A
        thumbs-up on an analysis only proposes it as an example for `role` (the session's when
        None); a reviewer approves it before retrieval uses it (`assistant.examples`) — a
        reviewer's own thumbs-up is approved at once.

        Returns whether an example was proposed."""
        answer = own_answer(self.store, answer_id, principal)
        self.store.add_feedback(answer_id, rating, comment)
        if rating != "up":
            return False
        if role is None and answer.session_id:
            role = self.store.session(answer.session_id).role
        proposal = self.examples.propose(answer, role, principal)
        if proposal is None:
            return False
        if proposal.status == "pending" and self.examples.is_reviewer(role):
            self.examples.review(answer_id, True, role, principal or "reviewer")
        return True


def answer_cache(ttl_s: float) -> AnswerCache:
    """An answer cache for one server (pass it to `AssistantService.open` to share it)."""
    return TtlCache(ANSWERS_CAPACITY, ttl_s, max_weight=ANSWER_CELLS, weigh=cells)


def _blank(question: str, session_id: str) -> Answer:
    return Answer(
        id=uuid.uuid4().hex,
        session_id=session_id,
        question=storable_question(question),
        language=language_of(question[:MAX_QUESTION_CHARS]),
        text="",
    )


def _check_channel(role: str | None, channel: str, owner: str | None) -> None:
    """What `SessionStore.new_session` refuses, refused before the work rather than after."""
    from assistant.sessions.store import check_keys

    check_keys(role, channel, None, owner)


def _incomplete(lang: str) -> str:
    return phrase(language(lang), "service", "incomplete")


def _code(exc: UserError) -> str:
    name = type(exc).__name__
    if name == "GuardError" and getattr(exc, "rule", "") == "parse":
        return "invalid_sql"
    return {"AccessDenied": "access_denied", "GuardError": "sql_refused"}.get(name, "invalid_plan")


def unexpected(code: str, exc: BaseException, lang: str) -> AnswerError:
    """The error answer for a failure inside planning or compiling (logged by the caller)."""
    message = phrase(language(lang), "service", "unexpected", what=type(exc).__name__)
    return AnswerError(code=code, message=message)


_SPAN = exp.select(
    exp.cast(exp.func("min", exp.column("ts")), exp.DataType.Type.DATE),
    exp.cast(exp.func("max", exp.column("ts")), exp.DataType.Type.DATE),
).from_("events")


def _data_span(engine: Engine) -> tuple[date | None, date | None]:
    """The first and last day with events (None when the table is empty or missing)."""
    try:
        rows = engine.run(render(_SPAN, engine.dialect)).rows
    except EngineError:
        return None, None
    return (rows[0][0], rows[0][1]) if rows else (None, None)


def _data_as_of(engine: Engine) -> date | None:
    """The demo data's `as_of` (its "today"), when the database records one."""
    try:
        rows = engine.run("SELECT value FROM _tpa_meta WHERE key = 'as_of'").rows
        return date.fromisoformat(str(rows[0][0])) if rows else None
    except (EngineError, ValueError):
        return None


def _example_threshold() -> float:
    from assistant.retrieval import EXAMPLE_THRESHOLD

    return float(EXAMPLE_THRESHOLD)


def _startup_cache(config: AssistantConfig) -> Path | None:
    """The start-up cache's folder, in the working files' folder once that exists."""
    if not config.startup_cache or not config.work_dir.is_dir():
        return None
    return config.work_dir / STARTUP_CACHE


def _open_retriever(config: AssistantConfig, model: SemanticModel) -> Retriever:
    """The retrieval index; a missing, stale or corrupt one is rebuilt (a corrupt one is moved
    aside first), and the log says so: answers never depend on the index being intact."""
    from assistant.retrieval import Retriever
    from assistant.retrieval.migration import migrate_examples

    index = config.index_path
    migrated = migrate_examples(index.parent / "examples.jsonl", model.settings.default_role)
    if migrated:
        log.warning(
            "%d examples saved before review now serve the '%s' role only (see docs/assistant.md)",
            migrated, model.settings.default_role,
        )  # fmt: skip
    retriever = Retriever.open(
        index, model, lazy=config.lazy_index, items_on_demand=config.items_on_demand
    )
    report = retriever.report
    if report.rebuilt:
        log.warning(
            "retrieval index %s rebuilt in %.1f s: %s",
            retriever.path, report.seconds, "; ".join(report.rebuilt),
        )  # fmt: skip
    return retriever


def _open_llm(config: AssistantConfig, model: SemanticModel, dialect: str) -> LlmBackend | None:
    if config.llm is None:
        return None
    from assistant.llm import LlmPlanner

    return LlmPlanner(config.llm, model, dialect=dialect)


__all__ = ["AnswerCache", "AssistantService", "PlannerResult", "Rating", "Stage", "answer_cache"]
