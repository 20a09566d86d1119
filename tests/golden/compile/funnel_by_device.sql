WITH scoped_events AS NOT MATERIALIZED (
  SELECT
    t.*,
    t.device AS d_device
  FROM events AS t
)
SELECT
  segment,
  step,
  touchpoint,
  reached,
  CAST(reached AS DOUBLE) / NULLIF(FIRST_VALUE(reached) OVER (PARTITION BY segment ORDER BY step), 0) AS conversion,
  CAST(reached AS DOUBLE) / NULLIF(LAG(reached) OVER (PARTITION BY segment ORDER BY step), 0) AS step_conversion,
  reached - LEAD(reached) OVER (PARTITION BY segment ORDER BY step) AS lost,
  CAST(reached - LEAD(reached) OVER (PARTITION BY segment ORDER BY step) AS DOUBLE) / NULLIF(reached, 0) AS lost_rate
FROM (
  WITH j AS (
    WITH e AS (
      SELECT
        user_id,
        ts,
        CASE touchpoint
          WHEN 'ad_click'
          THEN 1
          WHEN 'landing_page'
          THEN 2
          WHEN 'product_page'
          THEN 3
          WHEN 'add_to_cart'
          THEN 4
          WHEN 'checkout'
          THEN 5
          WHEN 'payment'
          THEN 6
        END AS step,
        d_device AS segment
      FROM scoped_events
      WHERE
        touchpoint IN ('ad_click', 'landing_page', 'product_page', 'add_to_cart', 'checkout', 'payment')
        AND ts >= CAST('2026-11-16 00:00:00' AS TIMESTAMP)
        AND ts < (
          CAST('2026-11-23 00:00:00' AS TIMESTAMP) + INTERVAL 7 DAY
        )
    ), entry AS (
      SELECT
        user_id,
        MIN(ts) AS t1,
        ARG_MIN(segment, ts) AS segment
      FROM e
      WHERE
        step = 1
        AND (
          ts >= CAST('2026-11-16 00:00:00' AS TIMESTAMP)
          AND ts < CAST('2026-11-23 00:00:00' AS TIMESTAMP)
        )
      GROUP BY
        user_id
    )
    SELECT
      user_id,
      t1,
      segment,
      r.reached AS reached,
      r."at" AS "at"
    FROM (
      SELECT
        x.user_id,
        ANY_VALUE(x.t1) AS t1,
        ANY_VALUE(x.segment) AS segment,
        LIST_REDUCE(
          LIST_SORT(ARRAY_AGG({'ts': e.ts, 'step': e.step})),
          LAMBDA acc, ev : CASE
            WHEN (
              ev.step
            ) = (
              (
                acc.reached
              ) + 1
            ) AND (
              ev.ts
            ) > (
              acc."at"
            )
            THEN {'reached': (
              acc.reached
            ) + 1, 'at': ev.ts}
            ELSE acc
          END,
          {'reached': 0, 'at': CAST('1970-01-01 00:00:00' AS TIMESTAMP)}
        ) AS r
      FROM entry AS x
      JOIN e
        ON e.user_id = x.user_id AND e.ts >= x.t1 AND e.ts <= (
          x.t1 + INTERVAL 7 DAY
        )
      GROUP BY
        x.user_id
    ) AS f
  )
  SELECT
    g.segment,
    s.step,
    s.touchpoint,
    COUNT(CASE WHEN j.reached >= s.step THEN j.t1 END) AS reached
  FROM (
    SELECT DISTINCT
      segment
    FROM j
  ) AS g
  CROSS JOIN (VALUES
    (1, 'ad_click'),
    (2, 'landing_page'),
    (3, 'product_page'),
    (4, 'add_to_cart'),
    (5, 'checkout'),
    (6, 'payment')) AS s(step, touchpoint)
  LEFT JOIN j
    ON j.segment IS NOT DISTINCT FROM g.segment
  GROUP BY
    g.segment,
    s.step,
    s.touchpoint
) AS c
ORDER BY
  segment,
  step NULLS FIRST
