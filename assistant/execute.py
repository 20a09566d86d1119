"""Compile a plan for a role, check it, run it on the locked-down engine: a `ResultTable`.

The compiler already runs the guard on every tree it builds (and on an LLM's raw SQL, with the
role's row filters put around every table); the engine checks it is one SELECT and runs it under
its timeout and row cap. A query that does not bind fails there as `QueryInvalid`, like an
`EXPLAIN` would, so it is not explained first (that doubled the cost of short queries). Markov
attribution needs one more query (transition counts) and a small computation the SQL cannot do.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from assistant.answer.change import ChangePoint
from assistant.answer.table import ResultTable
from connectors.engines import Engine
from semantic_layer.compile import dialects
from semantic_layer.compile.compiler import Compiled, compile_plan
from semantic_layer.model.semantic import SemanticModel
from semantic_layer.plan import AttributionPlan, QueryPlan
from semantic_layer.time import TimeContext


@dataclass(frozen=True)
class Executed:
    """A compiled plan, its SQL as run, and the result."""

    compiled: Compiled
    sql: str
    table: ResultTable
    seconds: float


def compile_for(
    plan: QueryPlan,
    model: SemanticModel,
    *,
    ctx: TimeContext,
    role: str | None,
    dialect: str = dialects.DEFAULT,
    aggregates: frozenset[str] = frozenset(),
) -> Compiled:
    """`compile_plan` for an engine speaking `dialect` and holding the current pre-aggregates
    `aggregates` (raises `UserError` for unknown names, denied access, refused SQL)."""
    return compile_plan(plan, model, ctx, role, dialect=dialect, aggregates=aggregates)


def execute(compiled: Compiled, engine: Engine, change: ChangePoint | None = None) -> Executed:
    """Run the compiled query (raises `connectors.engine.EngineError`); a drivers answer
    carries the `change` point its comparison was chosen by."""
    sql = compiled.sql(engine.dialect)
    assert sql is not None, "clarify and unsupported plans have nothing to run"
    result = engine.run(sql)
    table = ResultTable(
        plan=compiled.plan,
        columns=result.columns,
        types=result.types,
        rows=tuple(tuple(r) for r in result.rows),
        truncated=result.truncated,
        time_range=compiled.time_range,
        baseline_range=compiled.baseline_range,
        change=change,
    )
    seconds = result.seconds
    if isinstance(compiled.plan, AttributionPlan) and "transitions" in compiled.extra:
        table, extra_s = _with_markov(table, compiled, engine)
        seconds += extra_s
    return Executed(compiled, sql, table, seconds)


def _with_markov(
    table: ResultTable, compiled: Compiled, engine: Engine
) -> tuple[ResultTable, float]:
    """Add the `markov` column: removal-effect credits from the transition counts (numpy, which
    they need, is imported here: no other analysis loads it)."""
    from semantic_layer.compile.markov import removal_credits

    transitions = engine.run(compiled.extra_sql("transitions", engine.dialect), row_cap=100_000)
    total = sum(float(v or 0) for v in table.column("last_touch")) if table.rows else 0.0
    credits = removal_credits(((str(s), str(d), float(n)) for s, d, n in transitions.rows), total)
    rows = tuple((*row, credits.get(str(row[0]), 0.0)) for row in table.rows)
    if compiled.plan.model == "markov":  # type: ignore[union-attr]
        rows = tuple(sorted(rows, key=lambda r: -float(r[-1])))
    return (
        replace(
            table, columns=(*table.columns, "markov"), types=(*table.types, "DOUBLE"), rows=rows
        ),
        transitions.seconds,
    )


__all__ = ["Executed", "compile_for", "execute"]
