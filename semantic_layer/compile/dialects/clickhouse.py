"""ClickHouse: named tuples and `arrayFold` for the funnel, exact quantiles, `arrayJoin` for
number series. Run with the engine's settings (`connectors/engines/clickhouse.py`): NULLs from
outer joins and empty aggregates, as in standard SQL, and UTC."""

from __future__ import annotations

from sqlglot import exp

from semantic_layer.compile.dialects.base import (
    Dialect,
    StepFold,
    drop_cte_materialization,
    epoch,
    ordered_list_parts,
)

_STATE = "Tuple(reached Int64, at DateTime64(6))"


def _call(name: str, *args: exp.Expr) -> exp.Expr:
    """A ClickHouse function call as written (sqlglot would map some names to its own nodes)."""
    return exp.Anonymous(this=name, expressions=list(args))


def _state(*values: exp.Expr) -> exp.Expr:
    """A named tuple (reached, at) of one fixed type: arrayFold needs the start and every step's
    state to be the same type."""
    return exp.Cast(
        this=exp.Tuple(expressions=list(values)),
        to=exp.DataType.build(_STATE, dialect="clickhouse"),
    )


def _element(base: str, name: str) -> exp.Expr:
    return _call("tupleElement", exp.column(base), exp.Literal.string(name))


def fold(node: exp.Expr) -> exp.Expr:
    """`StepFold` as `arrayFold((acc, ev) -> …, arraySort(groupArray((ts, step))), start)`:
    tuples sort by ts, then step."""
    if not isinstance(node, StepFold):
        return node
    pairs = _call(
        "groupArray", exp.Tuple(expressions=[node.args["ts"].copy(), node.args["step"].copy()])
    )
    ev_ts = _call("tupleElement", exp.column("ev"), exp.Literal.number(1))
    ev_step = _call("tupleElement", exp.column("ev"), exp.Literal.number(2))
    moves = exp.and_(ev_step.eq(_element("acc", "reached") + 1), ev_ts > _element("acc", "at"))
    nxt = _state(_element("acc", "reached") + 1, ev_ts.copy())
    body = _call("if", moves, nxt, exp.column("acc"))
    advance = exp.Lambda(this=body, expressions=[exp.to_identifier("acc"), exp.to_identifier("ev")])
    start = _state(
        exp.Literal.number(0), _call("toDateTime64", epoch().this, exp.Literal.number(6))
    )
    return _call("arrayFold", advance, _call("arraySort", pairs), start)


def series(node: exp.Expr) -> exp.Expr:
    """`UNNEST(range(a, b)) AS o(k)` as a FROM item: `(SELECT arrayJoin(range(a, b)) AS k) AS o`."""
    if not isinstance(node, exp.Unnest) or not isinstance(node.parent, exp.Join | exp.From):
        return node
    inner = node.expressions[0] if node.expressions else None
    alias = node.args.get("alias")
    if not isinstance(alias, exp.TableAlias):
        return node
    if isinstance(inner, exp.GenerateSeries):
        end = inner.args["end"].copy()
        if not inner.args.get("is_end_exclusive"):
            end = end + 1
        bounds = [inner.args["start"].copy(), end]
    elif isinstance(inner, exp.Anonymous) and inner.name.lower() == "range":
        bounds = [a.copy() for a in inner.expressions]  # range(n) / range(a, b): end excluded
    else:
        return node
    numbers = _call("arrayJoin", _call("range", *bounds))
    column = alias.columns[0].name if alias.columns else "k"
    return exp.select(numbers.as_(column)).subquery(alias.name)


def projection_names(node: exp.Expr) -> exp.Expr:
    """`SELECT g.segment` names its column `segment` (ClickHouse keeps `g.segment` when both
    sides of a join have one)."""
    if isinstance(node, exp.Select):
        for item in node.expressions:
            if isinstance(item, exp.Column) and item.table and not isinstance(item.this, exp.Star):
                item.replace(exp.alias_(item.copy(), item.name))
    return node


def structs(node: exp.Expr) -> exp.Expr:
    """`{'k': v, …}` as a named tuple `tuple(v AS k, …)` (read back as `s.k`; the engine sets
    enable_named_columns_in_function_tuple)."""
    if not isinstance(node, exp.Struct):
        return node
    fields: list[exp.Expr] = []
    for item in node.expressions:
        if not isinstance(item, exp.PropertyEQ):
            return node
        fields.append(exp.alias_(item.expression.copy(), item.this.name))
    return _call("tuple", *fields)


_COMPARISONS = (exp.GT, exp.GTE, exp.LT, exp.LTE)


def time_gaps(node: exp.Expr) -> exp.Expr:
    """`a - b > INTERVAL n unit` as `a > b + INTERVAL n unit`: the difference of two DateTime64
    is a number of seconds in ClickHouse, not an interval."""
    if not isinstance(node, _COMPARISONS):
        return node
    left, right = node.this, node.expression
    if isinstance(left, exp.Paren):
        left = left.this
    if isinstance(left, exp.Sub) and isinstance(right, exp.Interval):
        shifted = exp.Add(this=left.expression.copy(), expression=right.copy())
        return type(node)(this=left.this.copy(), expression=shifted)
    return node


def functions(node: exp.Expr) -> exp.Expr:
    """Aggregates ClickHouse spells differently, with the same meaning as DuckDB's."""
    if isinstance(node, exp.DateTrunc | exp.TimestampTrunc):
        # ClickHouse truncates to a Date for day and longer; DuckDB gives a TIMESTAMP
        return _call("toDateTime64", node.copy(), exp.Literal.number(6))
    if isinstance(node, exp.Median):
        return _quantile(node.this, exp.Literal.number(0.5))
    if isinstance(node, exp.PercentileCont):
        return _quantile(node.this, node.expression)
    if isinstance(node, exp.Anonymous) and node.name.lower() in ("median", "quantile_cont"):
        args = node.expressions
        return _quantile(args[0], args[1] if len(args) > 1 else exp.Literal.number(0.5))
    if isinstance(node, exp.LogicalOr):
        return exp.Max(this=node.this.copy())
    if isinstance(node, exp.DateDiff):
        unit = node.args.get("unit")
        name = unit.name.lower() if unit is not None else "day"
        return _call("dateDiff", exp.Literal.string(name), node.expression.copy(), node.this.copy())
    if isinstance(node, exp.Lag | exp.Lead) and not _nullable(node.this):
        # outside the partition ClickHouse gives the type's default (0, ''), not NULL
        node.set("this", _call("toNullable", node.this.copy()))
        return node
    concat = isinstance(node, exp.Anonymous) and node.name.lower() == "concat_ws"
    if isinstance(node, exp.ConcatWs) or concat:  # NULLs are skipped, as in DuckDB
        sep, *parts = node.expressions
        keep = exp.Lambda(
            this=exp.Not(this=exp.Is(this=exp.column("x"), expression=exp.null())),
            expressions=[exp.to_identifier("x")],
        )
        kept = _call("arrayFilter", keep, exp.Array(expressions=[p.copy() for p in parts]))
        return _call("arrayStringConcat", kept, sep.copy())
    if isinstance(node, exp.IgnoreNulls) and isinstance(node.this, exp.AnyValue):
        return _call("any", node.this.this.copy())  # any() skips NULLs already
    return lists(node)


def lists(node: exp.Expr) -> exp.Expr:
    """`list(x ORDER BY k…)` as `arrayMap(t -> t.last, arraySort(groupArray((k…, x))))`,
    `epoch(a - b)` as a difference of microseconds."""
    ordered = ordered_list_parts(node)
    if ordered is not None:
        keys, value = ordered
        pairs = _call("groupArray", exp.Tuple(expressions=[*keys, value]))
        last = _call("tupleElement", exp.column("t"), exp.Literal.number(len(keys) + 1))
        pick = exp.Lambda(this=last, expressions=[exp.to_identifier("t")])
        return _call("arrayMap", pick, _call("arraySort", pairs))
    if isinstance(node, exp.TimeToUnix) and isinstance(node.this, exp.Sub):
        micros = [
            _call("toUnixTimestamp64Micro", _call("toDateTime64", t.copy(), exp.Literal.number(6)))
            for t in (node.this.this, node.this.expression)
        ]
        return exp.Div(
            this=exp.Paren(this=micros[0] - micros[1]), expression=exp.Literal.number(1e6)
        )
    return node


def _nullable(node: exp.Expr) -> bool:
    return isinstance(node, exp.Anonymous) and node.name == "toNullable"


def _quantile(value: exp.Expr, q: exp.Expr) -> exp.Expr:
    """An exact, interpolated quantile (DuckDB's quantile_cont; ClickHouse's plain `quantile`
    and `median` are sampled approximations)."""
    return exp.ParameterizedAgg(
        this="quantileExactInclusive", expressions=[q.copy()], params=[value.copy()]
    )


DIALECT = Dialect(
    name="clickhouse",
    sqlglot="clickhouse",
    title="ClickHouse",
    rewrites=(
        drop_cte_materialization,
        fold,
        series,
        structs,
        time_gaps,
        functions,
        projection_names,
    ),
    denied_functions=frozenset(
        [
            "file",
            "url",
            "remote",
            "remotesecure",
            "cluster",
            "clusterallreplicas",
            "s3",
            "s3cluster",
            "gcs",
            "azureblobstorage",
            "hdfs",
            "hdfscluster",
            "mysql",
            "postgresql",
            "mongodb",
            "redis",
            "sqlite",
            "odbc",
            "jdbc",
            "executable",
            "input",
            "generaterandom",
            "numbers",
            "numbers_mt",
            "zeros",
            "zeros_mt",
            "merge",
            "dictionary",
            "dictget",
            "dictgetordefault",
            "dicthas",
            "joinget",
            "view",
            "viewifpermitted",
            "loop",
            "values",
            "format",
            "iceberg",
            "deltalake",
            "hudi",
            "currentuser",
            "currentdatabase",
            "currentschemas",
            "currentprofiles",
            "currentroles",
            "enabledroles",
            "defaultroles",
            "enabledprofiles",
            "defaultprofiles",
            "hostname",
            "fqdn",
            "version",
            "uptime",
            "getsetting",
            "getmacro",
            "getserverport",
            "filesystemavailable",
            "filesystemcapacity",
            "filesystemunreserved",
            "sleep",
            "sleepeachrow",
            "throwif",
            "getosinformation",
            "serveruuid",
            "tcpport",
            "shardnum",
            "shardcount",
            "initialqueryid",
            "queryid",
            "displayname",
            "buildid",
            "revision",
            "timezoneof",
            "servertimezone",
            "transactionid",
            "transactionlatestsnapshot",
            "transactionoldestsnapshot",
        ]
    ),
    denied_prefixes=("system.", "information_schema.", "file", "url", "s3", "hdfs", "azure"),
)
