SELECT
  *,
  revenue - revenue__previous AS revenue__change,
  CAST(revenue - revenue__previous AS Nullable(Float64)) / nullIf(revenue__previous, 0) AS revenue__change_pct
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
          WHEN t.ts >= CAST('2026-10-26 00:00:00' AS Nullable(DateTime))
          AND t.ts < CAST('2026-11-23 00:00:00' AS Nullable(DateTime))
          THEN toDateTime64(dateTrunc('WEEK', t.ts), 6)
          ELSE toDateTime64(dateTrunc('WEEK', t.ts + INTERVAL 365 DAY), 6)
        END AS period,
        CASE
          WHEN t.ts >= CAST('2026-10-26 00:00:00' AS Nullable(DateTime))
          AND t.ts < CAST('2026-11-23 00:00:00' AS Nullable(DateTime))
          THEN 'current'
          WHEN t.ts >= CAST('2025-10-26 00:00:00' AS Nullable(DateTime))
          AND t.ts < CAST('2025-11-23 00:00:00' AS Nullable(DateTime))
          THEN 'previous'
        END AS _window,
        COALESCE(SUM(t.revenue) FILTER(WHERE
          t.touchpoint = 'payment'), 0) AS m_revenue
      FROM events AS t
      WHERE
        (
          (
            t.ts >= CAST('2026-10-26 00:00:00' AS Nullable(DateTime))
            AND t.ts < CAST('2026-11-23 00:00:00' AS Nullable(DateTime))
          )
          OR (
            t.ts >= CAST('2025-10-26 00:00:00' AS Nullable(DateTime))
            AND t.ts < CAST('2025-11-23 00:00:00' AS Nullable(DateTime))
          )
        )
        AND t.touchpoint = 'payment'
      GROUP BY
        CASE
          WHEN t.ts >= CAST('2026-10-26 00:00:00' AS Nullable(DateTime))
          AND t.ts < CAST('2026-11-23 00:00:00' AS Nullable(DateTime))
          THEN toDateTime64(dateTrunc('WEEK', t.ts), 6)
          ELSE toDateTime64(dateTrunc('WEEK', t.ts + INTERVAL 365 DAY), 6)
        END,
        CASE
          WHEN t.ts >= CAST('2026-10-26 00:00:00' AS Nullable(DateTime))
          AND t.ts < CAST('2026-11-23 00:00:00' AS Nullable(DateTime))
          THEN 'current'
          WHEN t.ts >= CAST('2025-10-26 00:00:00' AS Nullable(DateTime))
          AND t.ts < CAST('2025-11-23 00:00:00' AS Nullable(DateTime))
          THEN 'previous'
        END
    ) AS v
  ) AS p
  GROUP BY
    period
) AS c
ORDER BY
  period NULLS FIRST
