"""Column types in a neutral form: what every engine's describe (`Engine.schema`) returns and
the model's checks read (`semantic_layer.model.rules.database.type_kind`).

Each engine names its types its own way (DuckDB `VARCHAR`, ClickHouse
`LowCardinality(Nullable(String))`, Spark `timestamp_ntz`); sqlglot reads them in the engine's
dialect and they come out as one of `NEUTRAL_TYPES`.
"""

from __future__ import annotations

from typing import Final

from sqlglot import exp

from semantic_layer.compile import dialects

NEUTRAL_TYPES: Final = (
    "integer",
    "decimal",
    "float",
    "boolean",
    "text",
    "date",
    "timestamp",
    "time",
    "interval",
    "binary",
    "list",
    "struct",
    "map",
    "other",
)
T = exp.DataType.Type
_WRAPPERS: Final = (T.LOWCARDINALITY,)  # Nullable(…) is read as its inner type
_FAMILIES: Final[tuple[tuple[str, frozenset[object]], ...]] = (
    ("integer", frozenset(exp.DataType.INTEGER_TYPES)),
    (
        "decimal",
        frozenset(
            {
                T.DECIMAL,
                T.DECIMAL32,
                T.DECIMAL64,
                T.DECIMAL128,
                T.DECIMAL256,
                T.BIGDECIMAL,
                T.MONEY,
                T.SMALLMONEY,
                T.UDECIMAL,
            }
        ),
    ),
    ("float", frozenset(exp.DataType.REAL_TYPES)),
    ("boolean", frozenset({T.BOOLEAN})),
    (
        "text",
        frozenset(
            {
                *exp.DataType.TEXT_TYPES,
                T.UUID,
                T.ENUM,
                T.ENUM8,
                T.ENUM16,
                T.CHAR,
                T.NCHAR,
                T.FIXEDSTRING,
                T.JSON,
            }
        ),
    ),
    ("date", frozenset({T.DATE, T.DATE32})),
    ("time", frozenset({T.TIME, T.TIMETZ})),
    ("timestamp", frozenset(exp.DataType.TEMPORAL_TYPES)),  # after date and time
    ("interval", frozenset({T.INTERVAL})),
    ("binary", frozenset({T.BINARY, T.VARBINARY, T.BLOB})),
    ("list", frozenset({T.ARRAY, T.LIST})),
    ("struct", frozenset({T.STRUCT, T.OBJECT})),
    ("map", frozenset({T.MAP})),
)


def neutral_type(native: str, dialect: str) -> str:
    """The engine type `native` (as the `dialect` engine names it) in neutral form."""
    try:
        built = exp.DataType.build(native, dialect=dialects.get(dialect).sqlglot)
    except Exception:  # a type sqlglot does not know (an engine's own extension)
        return "other"
    while built.this in _WRAPPERS and built.expressions:
        inner = built.expressions[0]
        if not isinstance(inner, exp.DataType):
            break
        built = inner
    for name, family in _FAMILIES:
        if built.this in family:
            return name
    return "other"


__all__ = ["NEUTRAL_TYPES", "neutral_type"]
