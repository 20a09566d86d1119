"""What every engine dialect is: a name for sqlglot, the rewrites it needs, its guard lists.

The compiler builds one tree for every engine. The few constructs engines spell differently are
either nodes of their own (`StepFold`, the funnel fold) or sqlglot nodes that the dialect's
rewrites replace before rendering (like ibis's one compiler subclass per engine that only lists
differences). `render` never changes the tree it is given.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import ClassVar

from sqlglot import exp

Rewrite = Callable[[exp.Expr], exp.Expr]


class StepFold(exp.Expression, exp.AggFunc):
    """The funnel's greedy fold over one entrant's events (docs/design.md "Funnel").

    An aggregate over the group's `(ts, step)` pairs: taken in (ts, step) order, each pair
    advances the state when its step is the next one and it comes strictly after the last match.
    Its value is a struct `(reached, at)`: steps reached and the time of the last one (`at` is
    1970-01-01 when nothing matched)."""

    arg_types: ClassVar[dict[str, bool]] = {"ts": True, "step": True}
    _sql_names: ClassVar[list[str]] = ["STEP_FOLD"]


@dataclass(frozen=True)
class Dialect:
    """One engine's SQL: `sqlglot` names sqlglot's dialect, `rewrites` run in order on a copy of
    the tree, `denied_functions` / `denied_prefixes` are functions and table functions of this
    engine that read files, the network, the catalog or settings (the guard refuses them)."""

    name: str
    sqlglot: str
    title: str  # how people name the engine's SQL ("Spark SQL"): the LLM prompt says it
    rewrites: tuple[Rewrite, ...] = ()
    denied_functions: frozenset[str] = field(default_factory=frozenset)
    denied_prefixes: tuple[str, ...] = ()
    # The node types the rewrites act on, when they act on no other: a tree without any is
    # rendered as it is, with no copy (a copy of a plan's tree costs more than its SQL text).
    rewritten: tuple[type[exp.Expr], ...] | None = None

    def rewrite(self, tree: exp.Expr) -> exp.Expr:
        """A copy of `tree` with this dialect's rewrites applied, each rule to every node,
        children before their parent (a rewritten node's arguments are already rewritten); the
        tree itself when nothing in it is rewritten."""
        if not self.rewrites or (self.rewritten is not None and tree.find(*self.rewritten) is None):
            return tree
        out = tree.copy()
        for rule in self.rewrites:
            for node in reversed(list(out.walk(bfs=False))):
                new = rule(node)
                if new is not node:
                    if node is out:
                        out = new
                    else:
                        node.replace(new)
        return out

    def render(self, tree: exp.Expr, *, pretty: bool = False) -> str:
        out = self.rewrite(tree)  # a copy of our own needs no second one from sqlglot
        return out.sql(dialect=self.sqlglot, pretty=pretty, copy=out is tree)

    def refuses(self, name: str) -> bool:
        low = name.lower()
        return low in self.denied_functions or low.startswith(self.denied_prefixes)


def epoch() -> exp.Expr:
    """1970-01-01 00:00:00 as a TIMESTAMP literal: the fold's start time."""
    return exp.cast(exp.Literal.string("1970-01-01 00:00:00"), exp.DataType.Type.TIMESTAMP)


def drop_cte_materialization(node: exp.Expr) -> exp.Expr:
    """`AS [NOT] MATERIALIZED` is a DuckDB/Postgres hint other engines cannot parse."""
    if isinstance(node, exp.CTE) and node.args.get("materialized") is not None:
        node.set("materialized", None)
    return node


def ordered_list_parts(node: exp.Expr) -> tuple[list[exp.Expr], exp.Expr] | None:
    """The sort keys and the value of DuckDB's `list(x ORDER BY k1, k2)` (ascending keys only),
    copied; None for anything else (engines without ordered aggregates sort an array of tuples)."""
    if not isinstance(node, exp.ArrayAgg) or not isinstance(node.this, exp.Order):
        return None
    ordered = node.this.expressions
    if not ordered or any(o.args.get("desc") for o in ordered):
        return None
    return [o.this.copy() for o in ordered], node.this.this.copy()
