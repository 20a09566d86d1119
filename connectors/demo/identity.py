"""Identity links: the source ids under which each person is known, all derived from a hash of
the user id and the seed (deterministic, computed by DuckDB in one pass)."""

from __future__ import annotations

import duckdb

from connectors.canonical import IDENTITY_LINKS, create_table_sql

MEMBER_MULTIPLIER = 48_271  # coprime with 10^8, so member numbers are a permutation
MEMBER_SPACE = 100_000_000


def identity_sql(seed: int) -> str:
    """INSERT of identity_links from the staging users (flags say which ids a person has)."""
    salt = f"{seed}:"
    uid = "'U' || lpad(CAST(user_no AS VARCHAR), 9, '0')"
    openid = f"sha256('wx:{salt}' || user_no)"
    device = f"md5('dev:{salt}' || user_no)"
    member = f"(user_no * {MEMBER_MULTIPLIER} + {seed % MEMBER_SPACE}) % {MEMBER_SPACE}"
    return f"""
        INSERT INTO identity_links
        SELECT source, source_user_id, user_id FROM (
            SELECT 'phone_hash' AS source, sha256('phone:{salt}' || user_no) AS source_user_id,
                   {uid} AS user_id, user_no FROM _stage_users WHERE has_phone
            UNION ALL
            SELECT 'wechat_openid',
                   'o' || substr(translate(to_base64(unhex({openid})), '+/', '-_'), 1, 27),
                   {uid}, user_no FROM _stage_users WHERE has_wechat
            UNION ALL
            SELECT 'member_no', 'M' || lpad(CAST({member} AS VARCHAR), 8, '0'), {uid}, user_no
            FROM _stage_users WHERE member_tier > 0
            UNION ALL
            SELECT 'device_id',
                   substr({device}, 1, 8) || '-' || substr({device}, 9, 4) || '-' ||
                   substr({device}, 13, 4) || '-' || substr({device}, 17, 4) || '-' ||
                   substr({device}, 21, 12),
                   {uid}, user_no FROM _stage_users WHERE has_device
        ) ORDER BY user_no, source"""


def write_identity_links(con: duckdb.DuckDBPyConnection, seed: int) -> None:
    con.execute(create_table_sql(IDENTITY_LINKS))
    con.execute(identity_sql(seed))
