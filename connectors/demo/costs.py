"""Marketing costs per day, paying channel and campaign, proportional to the traffic they bring."""

from __future__ import annotations

import duckdb
import numpy as np
import pyarrow as pa

from connectors.canonical import MARKETING_COSTS, create_table_sql
from connectors.demo.rng import Purpose, rng_for

# (channel, campaign) → cost per unit of traffic (CNY per click or per session).
UNIT_COST: dict[tuple[str, str], float] = {
    ("paid_ads", "brand_search"): 3.2,
    ("paid_ads", "feed_ads"): 1.6,
    ("paid_ads", "retargeting"): 2.4,
    ("paid_ads", "flash_sale"): 2.9,
    ("wechat_oa", "weekly_article"): 0.9,
    ("wechat_oa", "flash_sale"): 1.1,
    ("email_sms", "newsletter"): 0.35,
    ("email_sms", "flash_sale"): 0.35,
    ("marketplace", "marketplace_ads"): 0.8,
    ("mini_program", "mini_program_ads"): 0.4,
}
NOISE = 0.08  # lognormal day-to-day noise of the unit cost

_TRAFFIC_SQL = """
    SELECT CAST(ts AS DATE) AS date, channel, campaign, count(*) AS units FROM events
    WHERE touchpoint IN ('ad_click', 'wechat_article', 'email_click') AND campaign IS NOT NULL
    GROUP BY ALL
    UNION ALL
    SELECT CAST(ts AS DATE), channel, channel || '_ads', count(*) FROM events
    WHERE (channel = 'marketplace' AND touchpoint = 'search')
       OR (channel = 'mini_program' AND touchpoint IN ('home_page', 'product_page'))
    GROUP BY ALL
    ORDER BY date, channel, campaign
"""


def write_marketing_costs(con: duckdb.DuckDBPyConnection, seed: int) -> None:
    """Daily spend rows derived from the traffic in `events`, with seeded noise."""
    traffic = con.sql(_TRAFFIC_SQL).to_arrow_table()
    channel = traffic.column("channel").to_pylist()
    campaign = traffic.column("campaign").to_pylist()
    unit = np.array(
        [UNIT_COST.get((ch, ca), 0.0) for ch, ca in zip(channel, campaign, strict=True)]
    )
    units = traffic.column("units").to_numpy().astype(np.float64)
    noise = np.exp(NOISE * rng_for(seed, 0, Purpose.COSTS).standard_normal(units.size))
    costs = pa.table(
        {
            "date": traffic.column("date"),
            "channel": traffic.column("channel"),
            "campaign": traffic.column("campaign"),
            "cost": np.round(units * unit * noise, 2),
        }
    )
    con.execute(create_table_sql(MARKETING_COSTS))
    con.register("_costs", costs)
    try:
        con.execute("INSERT INTO marketing_costs SELECT * FROM _costs WHERE cost > 0")
    finally:
        con.unregister("_costs")
