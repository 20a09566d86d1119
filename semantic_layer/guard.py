"""Static checks on SQL before it reaches an engine (docs/design.md "Guardrails").

Only one read-only query over the tables a role may read gets through. The checks run on the
parsed sqlglot tree against allowlists — statement types, node types, functions, tables — never on
the text with regexes. The engine adds its own locks (read-only, no external access), and
`connectors` asks DuckDB to `EXPLAIN` the query: none of the layers is skipped.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

import sqlglot
from sqlglot import exp
from sqlglot.errors import ParseError, SqlglotError

from semantic_layer.compile.dialects import DEFAULT as RAW_SQL_DIALECT  # what raw SQL is read as
from semantic_layer.errors import UserError
from semantic_layer.functions import FunctionRefused, refused_functions

MAX_SQL_CHARS = 20_000
MAX_DEPTH = 64
MAX_NODES = 20_000  # SQL from outside (an LLM)
MAX_COMPILED_NODES = 500_000  # the compiler's own trees (drivers over every dimension)

# Statement roots: a SELECT or a set operation of SELECTs (CTEs hang off them).
_ROOTS: tuple[type[exp.Expr], ...] = (exp.Select, exp.SetOperation)

# Every node of the tree must be one of these (functions are checked separately).
_NODES: tuple[type[exp.Expr], ...] = (
    exp.Select,
    exp.SetOperation,
    exp.With,
    exp.CTE,
    exp.From,
    exp.Join,
    exp.Where,
    exp.Group,
    exp.Having,
    exp.Qualify,
    exp.Order,
    exp.Ordered,
    exp.Limit,
    exp.Offset,
    exp.Subquery,
    exp.Table,
    exp.TableAlias,
    exp.Alias,
    exp.Column,
    exp.Identifier,
    exp.Star,
    exp.Literal,
    exp.Boolean,
    exp.Null,
    exp.Binary,
    exp.Unary,
    exp.Case,
    exp.If,
    exp.Cast,
    exp.DataType,
    exp.DataTypeParam,
    exp.Interval,
    exp.Window,
    exp.WindowSpec,
    exp.In,
    exp.Between,
    exp.Distinct,
    exp.Tuple,
    exp.GroupingSets,
    exp.Array,
    exp.Struct,
    exp.PropertyEQ,
    exp.Dot,
    exp.Bracket,
    exp.Lambda,
    exp.Var,
    exp.Filter,
    exp.WithinGroup,
    exp.Exists,
    exp.Any,
    exp.All,
    exp.Unnest,
    exp.Slice,
    exp.Func,
    exp.Values,
    exp.ColumnDef,
    exp.IgnoreNulls,
    exp.RespectNulls,
    exp.Kwarg,
)

# Typed functions that read files, settings or the catalog, whatever sqlglot calls them.
_DENIED_FUNC_PREFIXES = (
    "read_",
    "glob",
    "duckdb_",
    "pragma_",
    "sqlite_",
    "postgres_",
    "mysql_",
    "iceberg_",
    "delta_",
    "parquet_",
    "query",
    "getenv",
    "current_setting",
    "sniff_csv",
    "json_execute",
    "which_secret",
    "load_",
    "install_",
    "checkpoint",
    "force_",
    "current_database",
    "current_schema",
    "arrow_scan",
    "seq_scan",
    "st_read",
    "pg_",  # catalog lookups and pg_sleep
    "has_",  # privilege checks on catalog objects
    "txid_",
    "inet_",
    "__internal",
)
# Scalar functions that reveal the session, the catalog or the configuration, or touch sequences.
_DENIED_FUNCS = frozenset(
    {
        "col_description",
        "obj_description",
        "shobj_description",
        "current_catalog",
        "current_connection_id",
        "current_query",
        "current_query_id",
        "current_role",
        "current_schemas",
        "current_transaction_id",
        "current_user",
        "session_user",
        "user",
        "version",
        "current_version",
        "getvariable",
        "in_search_path",
        "get_block_size",
        "json_serialize_sql",
        "json_deserialize_sql",
        "nextval",
        "currval",
        "setval",
    }
)


class GuardError(UserError):
    """A query the guardrails refuse; the message says which rule and what was found."""

    def __init__(self, rule: str, message: str) -> None:
        super().__init__(message)
        self.rule = rule


@dataclass(frozen=True)
class Checked:
    """A query that passed the static checks, with the real tables it reads."""

    tree: exp.Query
    tables: frozenset[str]


def check(
    sql: str | exp.Expr,
    allowed_tables: Iterable[str],
    *,
    dialect: str = RAW_SQL_DIALECT,
    max_nodes: int = MAX_NODES,
) -> Checked:
    """Parse (if needed) and check one query; raise `GuardError` naming the first broken rule."""
    allowed = frozenset(t.lower() for t in allowed_tables)
    try:
        tree = _parse(sql, dialect) if isinstance(sql, str) else sql
        if not isinstance(tree, _ROOTS) or not isinstance(tree, exp.Query):
            raise GuardError(
                "statement", f"only a single SELECT query is allowed, not {_kind(tree)}"
            )
        _check_size(tree, max_nodes)
        for node in tree.walk():
            _check_node(node)
        tables = _check_tables(tree, allowed)
        if isinstance(sql, str):
            tree.sql(dialect=dialect)  # sqlglot's generator must be able to write it back
    except GuardError:
        raise
    except RecursionError:
        raise GuardError("size", "the query is nested too deeply to check") from None
    except Exception as exc:  # sqlglot's tokenizer, parser or generator gave up on this text
        raise GuardError("parse", f"the SQL could not be read: {_why(exc)}") from None
    return Checked(tree, tables)


def _why(exc: BaseException) -> str:
    """A one-line reason for a sqlglot failure (its own errors, or a bug it hit on odd input)."""
    if isinstance(exc, ParseError):
        return _first_error(exc)
    if isinstance(exc, SqlglotError):
        first = (str(exc).splitlines() or [type(exc).__name__])[0]
        return first[:200]
    return f"{type(exc).__name__} in the SQL reader (unusual syntax; write plain SQL)"


def _parse(sql: str, dialect: str) -> exp.Expr:
    if len(sql) > MAX_SQL_CHARS:
        raise GuardError(
            "size", f"the query is {len(sql):,} characters; the limit is {MAX_SQL_CHARS:,}"
        )
    try:
        statements = [s for s in sqlglot.parse(sql, read=dialect) if s is not None]
    except ParseError as exc:
        raise GuardError("parse", f"the SQL could not be parsed: {_first_error(exc)}") from None
    if len(statements) != 1:
        raise GuardError("statement", f"exactly one statement is allowed, found {len(statements)}")
    tree = statements[0]
    for node in tree.walk():
        node.comments = None  # what runs is the checked tree, never text that hid in a comment
    return tree


def _first_error(exc: ParseError) -> str:
    if exc.errors:
        err = exc.errors[0]
        return f"{err.get('description')} at line {err.get('line')}, column {err.get('col')}"
    return str(exc).splitlines()[0]


def _kind(node: exp.Expr) -> str:
    if isinstance(node, exp.Command):
        name, what = str(node.this).upper(), "command"
    else:
        name, what = type(node).__name__.upper(), "statement"
    return f"{'an' if name[:1] in 'AEIOU' else 'a'} {name} {what}"


def _check_size(tree: exp.Expr, max_nodes: int) -> None:
    for count, node in enumerate(tree.walk(), start=1):
        if count > max_nodes:
            raise GuardError("size", f"the query has more than {max_nodes:,} parts")
        if node.depth > MAX_DEPTH:
            raise GuardError("size", f"the query is nested more than {MAX_DEPTH} levels deep")


def _check_node(node: exp.Expr) -> None:
    if isinstance(node, (exp.Command, exp.Into)) or not isinstance(node, _NODES):
        raise GuardError("node", f"{type(node).__name__} is not allowed in a query")
    if isinstance(node, exp.Func):
        _check_function(node)


def _check_function(node: exp.Func) -> None:
    name = _plain((node.name if isinstance(node, exp.Anonymous) else node.sql_name()).lower())
    denied = name in _DENIED_FUNCS or name.startswith(_DENIED_FUNC_PREFIXES)
    if isinstance(node, (exp.ReadCSV, exp.ReadParquet)) or denied:
        raise GuardError(
            "function",
            f"function {name}() is not allowed: it reads files, settings or the catalog",
        )


def _plain(name: str) -> str:
    """`name` as a look-alike would be read: NFKC (fullwidth letters) without invisible format
    characters (zero-width spaces, direction overrides). DuckDB resolves neither, so this only
    makes the refusal say what was meant instead of leaving it to the engine."""
    return "".join(
        c for c in unicodedata.normalize("NFKC", name) if unicodedata.category(c) != "Cf"
    )


def _check_tables(tree: exp.Expr, allowed: frozenset[str]) -> frozenset[str]:
    ctes = {cte.alias_or_name.lower() for cte in tree.find_all(exp.CTE)}
    for name in sorted(ctes & allowed):
        raise GuardError("shadow", f"a CTE may not be named like the table '{name}'")
    for alias in tree.find_all(exp.TableAlias):
        if alias.name.lower() in allowed and not isinstance(alias.parent, exp.Table):
            raise GuardError("shadow", f"a subquery may not be named like the table '{alias.name}'")
    real: set[str] = set()
    for table in real_tables(tree):
        real.add(_check_table(table, allowed))
    return frozenset(real)


def real_tables(tree: exp.Expr) -> list[exp.Table]:
    """The table references of `tree` that name stored tables, not CTEs in scope.

    A name counts as a CTE only where the engine would bind it to one: inside the query that
    holds the WITH, and inside a CTE's body only for the CTEs defined before it (itself only in
    the recursive branch of a WITH RECURSIVE). Anywhere else DuckDB reads the stored table of
    that name — `SELECT * FROM secret, (WITH secret AS (…) …)` reads the real `secret` once.
    """
    return [t for t in tree.find_all(exp.Table) if not _is_cte_reference(t)]


def _is_cte_reference(table: exp.Table) -> bool:
    if not isinstance(table.this, exp.Identifier) or table.args.get("db"):
        return False  # a table function or a qualified name is never a CTE
    name = table.name.lower()
    path: list[exp.Expr] = [table]
    node = table.parent
    while node is not None:
        with_ = node.args.get("with_")
        if isinstance(with_, exp.With) and name in _visible(with_, path):
            return True
        path.append(node)
        node = node.parent
    return False


def _visible(with_: exp.With, path: list[exp.Expr]) -> set[str]:
    """The CTE names of `with_` that a reference reached through `path` (the nodes from the
    reference up to the query holding `with_`, innermost first) can see."""
    ctes = list(with_.expressions)
    names = [cte.alias_or_name.lower() for cte in ctes]
    if path[-1] is not with_:
        return set(names)  # the reference is in the main query of this WITH
    index = next(i for i, cte in enumerate(ctes) if cte is path[-2])  # the CTE holding it
    visible = set(names[:index])
    body = ctes[index].this
    recursive = with_.args.get("recursive") and isinstance(body, exp.SetOperation)
    if recursive and any(node is body.expression for node in path):  # the recursive branch
        visible.add(names[index])
    return visible


def _check_table(table: exp.Table, allowed: frozenset[str]) -> str:
    if not isinstance(table.this, exp.Identifier):
        raise GuardError("table", "table functions are not allowed in FROM")
    if table.args.get("db") or table.args.get("catalog"):
        raise GuardError("table", f"qualified table names like '{table.sql()}' are not allowed")
    name = table.name.lower()
    if name not in allowed:
        choices = ", ".join(sorted(allowed)) or "none"
        raise GuardError("table", f"table '{table.name}' is not readable here (allowed: {choices})")
    return name


def restrict(checked: Checked, row_filters: dict[str, exp.Expr | None]) -> exp.Query:
    """The checked query with every real table replaced by a filtered view of itself.

    `row_filters` maps each table the caller may read to its row condition (None: all rows). A
    table the query reads that is missing from the map is refused. The replacement keeps the
    name the query used for the table, so column references still resolve.
    """
    for name in checked.tables - row_filters.keys():
        raise GuardError("table", f"table '{name}' is not readable for this role")
    tree = checked.tree.copy()
    for table in real_tables(tree):
        name = table.name.lower()
        condition = row_filters[name]
        if condition is None:
            continue
        view = exp.select("*").from_(exp.to_table(name)).where(condition.copy())
        table.replace(view.subquery(table.alias_or_name))
    try:
        text = tree.sql(dialect=RAW_SQL_DIALECT)
    except Exception as exc:  # what runs must be writable, or it is refused here, not in a route
        raise GuardError("parse", f"the SQL could not be written back: {_why(exc)}") from None
    _check_duckdb_functions(text)
    return tree


def _check_duckdb_functions(sql: str) -> None:
    """Every function of the SQL that will run, as DuckDB's parser names it, must be on the
    positive list (`semantic_layer.functions.ALLOWED`): default deny."""
    try:
        refused = refused_functions(sql)
    except FunctionRefused as exc:
        raise GuardError("parse", str(exc)) from None
    if refused:
        names = ", ".join(f"{name}()" for name in refused[:5])
        raise GuardError(
            "function",
            f"function {names} is not allowed in SQL: only plain scalar, aggregate and window "
            "functions are (no table functions, statistics, plans or settings)",
        )
