SELECT
  *,
  revenue - revenue__previous AS revenue__change,
  CAST(revenue - revenue__previous AS DOUBLE) / NULLIF(revenue__previous, 0) AS revenue__change_pct
FROM (
  SELECT
    period,
    MAX(revenue) FILTER(WHERE
      _window = 'current') AS revenue,
    MAX(revenue) FILTER(WHERE
      _window = 'previous') AS revenue__previous
  FROM (
    SELECT
      period,
      _window,
      m_revenue AS revenue
    FROM (
      SELECT
        CASE
          WHEN t.ts >= CAST('2026-10-26 00:00:00' AS TIMESTAMP)
          AND t.ts < CAST('2026-11-23 00:00:00' AS TIMESTAMP)
          THEN DATE_TRUNC('WEEK', t.ts)
          ELSE DATE_TRUNC('WEEK', t.ts + INTERVAL 365 DAY)
        END AS period,
        CASE
          WHEN t.ts >= CAST('2026-10-26 00:00:00' AS TIMESTAMP)
          AND t.ts < CAST('2026-11-23 00:00:00' AS TIMESTAMP)
          THEN 'current'
          WHEN t.ts >= CAST('2025-10-26 00:00:00' AS TIMESTAMP)
          AND t.ts < CAST('2025-11-23 00:00:00' AS TIMESTAMP)
          THEN 'previous'
        END AS _window,
        COALESCE(SUM(t.revenue) FILTER(WHERE
          t.touchpoint = 'payment'), 0) AS m_revenue
      FROM events AS t
      WHERE
        (
          (
            t.ts >= CAST('2026-10-26 00:00:00' AS TIMESTAMP)
            AND t.ts < CAST('2026-11-23 00:00:00' AS TIMESTAMP)
          )
          OR (
            t.ts >= CAST('2025-10-26 00:00:00' AS TIMESTAMP)
            AND t.ts < CAST('2025-11-23 00:00:00' AS TIMESTAMP)
          )
        )
        AND t.touchpoint = 'payment'
      GROUP BY
        CASE
          WHEN t.ts >= CAST('2026-10-26 00:00:00' AS TIMESTAMP)
          AND t.ts < CAST('2026-11-23 00:00:00' AS TIMESTAMP)
          THEN DATE_TRUNC('WEEK', t.ts)
          ELSE DATE_TRUNC('WEEK', t.ts + INTERVAL 365 DAY)
        END,
        CASE
          WHEN t.ts >= CAST('2026-10-26 00:00:00' AS TIMESTAMP)
          AND t.ts < CAST('2026-11-23 00:00:00' AS TIMESTAMP)
          THEN 'current'
          WHEN t.ts >= CAST('2025-10-26 00:00:00' AS TIMESTAMP)
          AND t.ts < CAST('2025-11-23 00:00:00' AS TIMESTAMP)
          THEN 'previous'
        END
    ) AS v
  ) AS p
  GROUP BY
    period
) AS c
ORDER BY
  period
