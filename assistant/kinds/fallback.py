"""The kinds without a semantic result: raw `sql`, `clarify` and `unsupported`.

`answer_text` says these itself (the rows of unverified SQL, the plan's reason); raw SQL still
gets a chart of its shape; none has follow-up suggestions of its own.
"""

from __future__ import annotations

from assistant.answer.charts import sql_chart
from assistant.kinds.base import Kind
from semantic_layer.compile.compiler import build_sql
from semantic_layer.plan import ClarifyPlan, SqlPlan, UnsupportedPlan

SQL = Kind(
    name="sql",
    plan=SqlPlan,
    prompt="raw SQL, only for a question none of the kinds above can express (see the tables "
    "below).",
    compile=build_sql,
    chart=sql_chart,
    compile_error="invalid_sql",
    analysis=False,
)
CLARIFY = Kind(
    name="clarify",
    plan=ClarifyPlan,
    prompt="the question is ambiguous: give the reason and 2-6 choices, each a full question.",
    analysis=False,
    outcome="clarify",
    runs=False,
)
UNSUPPORTED = Kind(
    name="unsupported",
    plan=UnsupportedPlan,
    prompt="the data cannot answer it: give the reason and what data is missing.",
    analysis=False,
    outcome="unsupported",
    runs=False,
)
