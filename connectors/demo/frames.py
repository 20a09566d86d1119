"""Chunk arrays → pyarrow tables for the DuckDB staging tables (integer codes, nullable columns)."""

from __future__ import annotations

import numpy as np
import pyarrow as pa

from connectors.demo.catalog import BoolArray, FloatArray, IntArray
from connectors.demo.events import Events
from connectors.demo.feedback import Feedback
from connectors.demo.population import Users
from connectors.demo.service import Tickets


def _ts(seconds: IntArray, null: BoolArray | None = None) -> pa.Array:
    return pa.array(seconds, type=pa.timestamp("s"), mask=null)


def _codes(values: np.ndarray, null: BoolArray | None = None) -> pa.Array:
    return pa.array(values.astype(np.int8), type=pa.int8(), mask=null)


def _float(values: FloatArray) -> pa.Array:
    return pa.array(values, type=pa.float64(), mask=np.isnan(values))


def events_table(e: Events, users: Users, user_no: IntArray, first_event: int) -> pa.Table:
    return pa.table(
        {
            "event_no": first_event + np.arange(e.size, dtype=np.int64),
            "user_no": user_no[e.user],
            "ts": _ts(e.ts),
            "channel": _codes(e.channel),
            "touchpoint": _codes(e.touchpoint),
            "session_no": e.session,
            "campaign": _codes(e.campaign, e.campaign < 0),
            "revenue": _float(e.revenue),
            "order_no": pa.array(e.order, type=pa.int64(), mask=e.order < 0),
            "device": _codes(e.device),
            "region": _codes(users.region[e.user]),
            "city": _codes(users.city[e.user]),
        }
    )


def users_table(
    users: Users,
    active: BoolArray,
    *,
    user_no: IntArray,
    first_ts: IntArray,
    segment: np.ndarray,
    acquisition: np.ndarray,
    flags: dict[str, BoolArray],
) -> pa.Table:
    columns: dict[str, pa.Array | np.ndarray] = {
        "user_no": user_no[active],
        "first_seen_ts": _ts(first_ts[active]),
        "segment": _codes(segment[active]),
        "member_tier": _codes(users.tier[active]),
        "region": _codes(users.region[active]),
        "city": _codes(users.city[active]),
        "acquisition_channel": _codes(acquisition[active]),
        "gender": _codes(users.gender[active]),
        "age_band": _codes(users.age_band[active]),
    }
    columns.update({name: flag[active] for name, flag in flags.items()})
    return pa.table(columns)


def tickets_table(t: Tickets, user_no: IntArray, first_ticket: int) -> pa.Table:
    return pa.table(
        {
            "ticket_no": first_ticket + np.arange(t.size, dtype=np.int64),
            "user_no": user_no[t.user],
            "channel": _codes(t.channel),
            "opened_ts": _ts(t.opened),
            "first_response_ts": _ts(t.first_response, t.first_response < 0),
            "resolved_ts": _ts(t.resolved, t.resolved < 0),
            "category": _codes(t.category),
            "is_complaint": t.complaint,
            "csat": _float(t.csat),
            "touchpoint": _codes(t.touchpoint),
        }
    )


def feedback_table(f: Feedback, user_no: IntArray, first_row: int) -> pa.Table:
    return pa.table(
        {
            "feedback_no": first_row + np.arange(f.size, dtype=np.int64),
            "user_no": user_no[f.user],
            "ts": _ts(f.ts),
            "channel": _codes(f.channel),
            "touchpoint": _codes(f.touchpoint, f.touchpoint < 0),
            "kind": _codes(f.kind),
            "score": _float(f.score),
            "comment": pa.array(f.comment, type=pa.int64(), mask=f.comment < 0),
        }
    )
