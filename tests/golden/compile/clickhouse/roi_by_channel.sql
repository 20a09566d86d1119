SELECT
  d_channel,
  CAST(m_revenue AS Nullable(Float64)) / nullIf(m_marketing_cost, 0) AS roi,
  m_revenue AS roi__num,
  m_marketing_cost AS roi__den
FROM (
  SELECT
    d_channel,
    COALESCE(MAX(m_revenue), 0) AS m_revenue,
    COALESCE(MAX(m_marketing_cost), 0) AS m_marketing_cost
  FROM (
    SELECT
      d_channel,
      m_revenue,
      NULL AS m_marketing_cost
    FROM (
      SELECT
        t.channel AS d_channel,
        COALESCE(SUM(t.revenue) FILTER(WHERE
          t.touchpoint = 'payment'), 0) AS m_revenue
      FROM events AS t
      WHERE
        (
          t.ts >= CAST('2026-10-01 00:00:00' AS Nullable(DateTime))
          AND t.ts < CAST('2026-11-01 00:00:00' AS Nullable(DateTime))
        )
        AND t.touchpoint = 'payment'
      GROUP BY
        t.channel
    )
    UNION ALL
    SELECT
      d_channel,
      NULL AS m_revenue,
      m_marketing_cost
    FROM (
      SELECT
        t.channel AS d_channel,
        COALESCE(SUM(t.cost), 0) AS m_marketing_cost
      FROM marketing_costs AS t
      WHERE
        (
          t.date >= CAST('2026-10-01 00:00:00' AS Nullable(DateTime))
          AND t.date < CAST('2026-11-01 00:00:00' AS Nullable(DateTime))
        )
        AND (
          NOT (
            t.cost IS NULL
          ) OR NOT (
            t.channel IS NULL
          )
        )
      GROUP BY
        t.channel
    )
  ) AS u
  GROUP BY
    d_channel
) AS v
ORDER BY
  roi DESC,
  d_channel NULLS FIRST
