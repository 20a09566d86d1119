"""Which DuckDB functions raw SQL may call: a positive list, default deny (issue 14).

The names are DuckDB's own, as its parser reads the query that will run (`json_serialize_sql`
on a private in-memory database that holds no data), so sqlglot's renaming, aliases and
look-alikes cannot slip one past. `ALLOWED` is what the semantic layer's queries need (the
compiler's functions and the metric expressions of a model) plus the plain scalar, aggregate and
window functions an analyst's SELECT uses. Everything else is refused: table functions,
statistics (`stats`), plans and parsers of SQL text (`json_serialize_plan`, `json_serialize_sql`,
`query`), settings, the catalog, sequences, sleeps, functions that call other functions by name
(`list_aggregate`, `invoke`) and list builders that size memory from an argument (`range`,
`repeat`). `functions_denied.DENIED` names every refused function DuckDB has, so
`tests/security/test_sql_functions.py` fails when a DuckDB upgrade adds one nobody classified.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from typing import Any, Final

import duckdb


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_OPERATORS: Final = _words(
    "!= !~~ !~~* % * ** + - / // < <= = > >= ^ ~~ ~~* || ^@ & | ~ << >> @ ->> ~~~"
) | {"IS DISTINCT FROM", "IS NOT DISTINCT FROM"}
_MATH: Final = _words(
    """abs ceil ceiling floor round round_even roundbankers trunc sign signbit sqrt cbrt exp ln
    log log10 log2 pow power mod fmod greatest least pi degrees radians isnan isinf isfinite even
    gcd lcm greatest_common_divisor least_common_multiple sin cos tan cot asin acos atan atan2
    sinh cosh tanh asinh acosh atanh add subtract multiply divide fdiv decimal_division
    nextafter gamma lgamma factorial xor bit_count"""
)
_TEXT: Final = _words(
    """lower upper lcase ucase length len char_length character_length strlen octet_length
    bit_length concat concat_ws substr substring substring_grapheme left right left_grapheme
    right_grapheme length_grapheme trim ltrim rtrim lpad rpad replace starts_with ends_with
    contains prefix suffix position strpos instr split_part reverse regexp_matches regexp_replace
    regexp_extract regexp_extract_all regexp_full_match regexp_escape like_escape ilike_escape
    not_like_escape not_ilike_escape format printf strip_accents translate ascii unicode ord chr
    string_split str_split string_split_regex str_split_regex regexp_split_to_array
    string_to_array split nfc_normalize md5 sha1 sha256 hash levenshtein damerau_levenshtein
    hamming mismatches jaccard jaro_similarity jaro_winkler_similarity editdist3 url_decode
    url_encode array_to_string"""
)
_TIME: Final = _words(
    """date_trunc datetrunc date_part datepart date_diff datediff date_sub datesub date_add age
    year quarter month week weekofyear yearweek day dayofmonth dayofweek weekday dayofyear isodow
    isoyear hour minute second millisecond microsecond nanosecond epoch epoch_ms epoch_us
    epoch_ns era century decade millennium julian dayname monthname last_day days_in_month
    make_date make_time make_timestamp make_timestamptz strftime strptime try_strptime
    to_timestamp time_bucket current_date now today get_current_timestamp get_current_time
    current_localtimestamp current_localtime transaction_timestamp ago to_days to_hours
    to_minutes to_months to_seconds to_weeks to_years to_milliseconds to_microseconds
    to_quarters to_centuries to_decades to_millennia normalized_interval timezone timezone_hour
    timezone_minute"""
)
_VALUES: Final = _words(
    """nullif if typeof list_value array_value struct_pack row struct_extract struct_extract_at
    list_extract array_extract list_element element_at list_sort array_sort list_reverse_sort
    array_reverse_sort list_reduce array_reduce reduce list_transform array_transform apply
    list_apply array_apply list_filter array_filter filter list_select array_select list_where
    array_where list_distinct array_distinct list_unique array_unique list_contains
    array_contains list_has array_has list_has_any list_has_all array_has_any array_has_all
    list_position array_position list_indexof array_indexof list_slice array_slice list_concat
    list_cat array_concat array_cat cardinality array_length list_sum list_avg list_min list_max
    list_count list_first list_last list_median list_mode list_string_agg list_bool_and
    list_bool_or list_any_value list_product list_stddev_samp list_var_samp list_grade_up
    array_grade_up grade_up list_zip array_zip flatten unnest list_append array_append
    list_prepend array_prepend array_push_back array_push_front array_pop_back array_pop_front
    list_reverse array_reverse list_pack list_intersect array_intersect map map_extract
    map_extract_value map_keys map_values map_entries map_from_entries map_contains
    map_contains_value map_contains_entry struct_keys struct_values
    json_extract json_extract_string json_extract_path json_extract_path_text json_value
    json_exists json_array_length json_keys json_type json_valid to_json json_object json_array
    json_quote"""
)
_AGGREGATES: Final = _words(
    """count count_star count_if countif sum avg mean min max median quantile quantile_cont
    quantile_disc approx_count_distinct approx_quantile reservoir_quantile mode stddev
    stddev_samp stddev_pop variance var_samp var_pop corr covar_pop covar_samp regr_avgx
    regr_avgy regr_count regr_intercept regr_r2 regr_slope regr_sxx regr_sxy regr_syy
    string_agg listagg group_concat array_agg list bool_and bool_or any_value arbitrary arg_min
    arg_max argmin argmax arg_min_null arg_max_null arg_min_nulls_last arg_max_nulls_last min_by
    max_by first last fsum favg kahan_sum sumkahan sum_no_overflow product entropy kurtosis
    kurtosis_pop skewness mad sem geomean geometric_mean weighted_avg wavg histogram
    histogram_exact bit_and bit_or bit_xor approx_top_k"""
)
_WINDOWS: Final = _words(
    """cume_dist dense_rank first_value lag last_value lead nth_value ntile percent_rank rank
    rank_dense row_number fill"""
)
ALLOWED: Final = _OPERATORS | _MATH | _TEXT | _TIME | _VALUES | _AGGREGATES | _WINDOWS
# The compiler's own queries also use `range` (a bounded grid of days or steps it sizes itself);
# raw SQL may not, since its argument sizes the memory a list takes.
COMPILER_ONLY: Final = frozenset({"range"})

_LOCK = threading.Lock()
_PARSER: duckdb.DuckDBPyConnection | None = None


class FunctionRefused(ValueError):
    """A function outside `ALLOWED`, or a query DuckDB's parser cannot read."""


def functions_in(sql: str) -> list[tuple[str, str]]:
    """Every function the query calls, as DuckDB's parser reads it: (schema-qualified path,
    name), in order. Raises `FunctionRefused` when DuckDB cannot parse the text."""
    with _LOCK:
        con = _parser()
        row = con.execute("SELECT json_serialize_sql($1)", [sql]).fetchone()
    tree = json.loads(row[0]) if row else {"error": True}
    if tree.get("error"):
        reason = str(tree.get("error_message", "DuckDB could not parse it")).splitlines()[0]
        raise FunctionRefused(f"the SQL could not be read: {reason[:200]}")
    return list(_calls(tree))


def refused_functions(sql: str) -> list[str]:
    """The functions of `sql` raw SQL may not call (qualified names are always refused)."""
    found = []
    for path, name in functions_in(sql):
        if path != name or name.lower() not in ALLOWED:
            found.append(path)
    return list(dict.fromkeys(found))


def _calls(node: Any) -> Iterator[tuple[str, str]]:
    if isinstance(node, dict):
        if node.get("class") in ("FUNCTION", "WINDOW") and "function_name" in node:
            name = str(node["function_name"])
            parts = [str(node.get(k) or "") for k in ("catalog", "schema")]
            yield ".".join([*filter(None, parts), name]), name
        for value in node.values():
            yield from _calls(value)
    elif isinstance(node, list):
        for value in node:
            yield from _calls(value)


def _parser() -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB with nothing in it, used only to parse (never to run) raw SQL."""
    global _PARSER
    if _PARSER is None:
        con = duckdb.connect(":memory:")
        for setting in (
            "SET autoinstall_known_extensions = false",
            "SET autoload_known_extensions = false",
            "SET enable_external_access = false",
            "SET lock_configuration = true",
        ):
            con.execute(setting)
        _PARSER = con
    return _PARSER


__all__ = ["ALLOWED", "COMPILER_ONLY", "FunctionRefused", "functions_in", "refused_functions"]
