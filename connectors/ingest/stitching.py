"""Identity stitching: identifiers seen on the same row are one person; persons are the connected
components of that graph, found in SQL by hooking and pointer jumping (a loop over rounds, never
over rows).

Every identifier (kind, value) is a node numbered in (kind, value) order; a component's label is
its smallest node, and its `user_id` is 'U' + 16 hex digits of md5('kind:value') of that node, so
the same data always gives the same ids.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations

from .mapping import REASON, MappingPlan
from .progress import Runner
from .sqltext import ident, string_lit

PERSONS = "_tpa_person"  # kind, value, user_id
MAX_ROUNDS = 200  # hooking rounds: a guard against a bug, real graphs need a few dozen at most


@dataclass(frozen=True)
class StitchResult:
    identifiers: int
    persons: int
    statements: int  # SQL statements the component search took


def stitch(runner: Runner, plans: list[MappingPlan]) -> StitchResult:
    """Build `_tpa_person` from the accepted rows of every source with identifiers."""
    with_ids = [p for p in plans if p.identifiers]
    if not with_ids:
        runner.execute(
            f"CREATE OR REPLACE TEMP TABLE {PERSONS} (kind VARCHAR, value VARCHAR, user_id VARCHAR)"
        )
        return StitchResult(0, 0, 0)
    for plan in with_ids:  # one pass over each source's rows; the rest works on distinct tuples
        columns = ", ".join(ident(c) for c in plan.id_columns)
        runner.execute(
            f"CREATE OR REPLACE TEMP TABLE {_ids(plan)} AS "
            f"SELECT DISTINCT {columns} FROM {plan.table} WHERE {REASON} IS NULL"
        )
    _nodes(runner, with_ids)
    has_edges = _edges(runner, with_ids)
    statements = _propagate(runner) if has_edges else 0
    label = "coalesce(l.label, n.id)" if has_edges else "n.id"
    join = "LEFT JOIN _tpa_label l ON l.id = n.id" if has_edges else ""
    runner.execute(f"""
        CREATE OR REPLACE TEMP TABLE {PERSONS} AS
        SELECT n.kind, n.value, 'U' || left(md5(root.kind || ':' || root.value), 16) AS user_id
        FROM _tpa_nodes n {join} JOIN _tpa_nodes root ON root.id = {label}""")
    identifiers, persons = runner.rows(f"SELECT count(*), count(DISTINCT user_id) FROM {PERSONS}")[
        0
    ]
    return StitchResult(int(identifiers), int(persons), statements)


def _ids(plan: MappingPlan) -> str:
    """The distinct identifier tuples of a source's accepted rows."""
    return f"_tpa_ids_{plan.index}"


def _nodes(runner: Runner, plans: list[MappingPlan]) -> None:
    selects = [
        f"SELECT {string_lit(kind)} AS kind, {ident(col)} AS value FROM {_ids(p)} "
        f"WHERE {ident(col)} IS NOT NULL"
        for p in plans
        for (kind, _), col in zip(p.identifiers, p.id_columns, strict=True)
    ]
    runner.execute(f"""
        CREATE OR REPLACE TEMP TABLE _tpa_nodes AS
        SELECT kind, value, row_number() OVER (ORDER BY kind, value) - 1 AS id
        FROM ({" UNION ".join(selects)})""")


def _edges(runner: Runner, plans: list[MappingPlan]) -> bool:
    """Undirected edges (both directions) between identifiers that share a row."""
    pairs = []
    for p in plans:
        named = list(zip((k for k, _ in p.identifiers), p.id_columns, strict=True))
        for (k1, c1), (k2, c2) in combinations(named, 2):
            pairs.append(
                f"SELECT {string_lit(k1)} AS k1, {ident(c1)} AS v1, {string_lit(k2)} AS k2, "
                f"{ident(c2)} AS v2 FROM {_ids(p)} WHERE {ident(c1)} IS NOT NULL "
                f"AND {ident(c2)} IS NOT NULL"
            )
    if not pairs:
        return False
    runner.execute(f"""
        CREATE OR REPLACE TEMP TABLE _tpa_edges AS
        WITH pairs AS ({" UNION ".join(pairs)}),
        ids AS (SELECT a.id AS a, b.id AS b FROM pairs
                JOIN _tpa_nodes a ON a.kind = pairs.k1 AND a.value = pairs.v1
                JOIN _tpa_nodes b ON b.kind = pairs.k2 AND b.value = pairs.v2)
        SELECT a, b FROM ids WHERE a <> b UNION SELECT b, a FROM ids WHERE a <> b""")
    return bool(runner.scalar("SELECT count(*) > 0 FROM _tpa_edges"))


def _propagate(runner: Runner) -> int:
    """Connected components by hooking and shortcutting (Shiloach–Vishkin style), in SQL.

    Every node has a parent label no larger than itself (`_tpa_label`). Each round, the root of
    every tree hooks onto the smallest parent label seen across its edges, then pointer jumping
    flattens the trees into stars. Trees merge with their neighbours every round, so rounds grow
    like log n: a path of a million identifiers in shuffled order takes 14, a million-node random
    tree 7, star-shaped identity data 2–3. Returns the number of statements run."""
    runner.execute(
        "CREATE OR REPLACE TEMP TABLE _tpa_label AS "
        "SELECT DISTINCT a AS id, a AS label FROM _tpa_edges"
    )
    statements = 1
    for _ in range(MAX_ROUNDS):
        runner.execute("""
            CREATE OR REPLACE TEMP TABLE _tpa_hook AS
            SELECT pu.label AS id, min(pv.label) AS label
            FROM _tpa_edges e
            JOIN _tpa_label pu ON pu.id = e.a
            JOIN _tpa_label pv ON pv.id = e.b
            WHERE pv.label < pu.label
            GROUP BY pu.label""")
        statements += 1
        if not runner.scalar("SELECT count(*) FROM _tpa_hook"):
            return statements
        _replace_labels(
            runner,
            """
            SELECT l.id, least(l.label, coalesce(h.label, l.label)) AS label
            FROM _tpa_label l LEFT JOIN _tpa_hook h ON h.id = l.id""",
        )
        statements += 1
        while True:  # pointer jumping until every tree is a star
            statements += 1
            if not _replace_labels(
                runner,
                """
                    SELECT l.id, p.label FROM _tpa_label l JOIN _tpa_label p ON p.id = l.label""",
            ):
                break
    raise RuntimeError(f"identity stitching did not converge in {MAX_ROUNDS} rounds")


def _replace_labels(runner: Runner, select: str) -> int:
    """Replace `_tpa_label` by `select`; return how many labels changed."""
    runner.execute(f"CREATE OR REPLACE TEMP TABLE _tpa_label_next AS {select}")
    changed = int(
        runner.scalar("""
        SELECT count(*) FROM _tpa_label_next x JOIN _tpa_label l USING (id)
        WHERE x.label <> l.label""")
    )
    runner.execute("DROP TABLE _tpa_label; ALTER TABLE _tpa_label_next RENAME TO _tpa_label")
    return changed
