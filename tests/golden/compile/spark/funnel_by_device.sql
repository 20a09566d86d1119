WITH scoped_events AS (
  SELECT
    t.*,
    t.device AS d_device
  FROM events AS t
), e AS (
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
    MIN_BY(segment, ts) AS segment
  FROM e
  WHERE
    step = 1
    AND (
      ts >= CAST('2026-11-16 00:00:00' AS TIMESTAMP)
      AND ts < CAST('2026-11-23 00:00:00' AS TIMESTAMP)
    )
  GROUP BY
    user_id
), j AS (
  SELECT
    user_id,
    t1,
    segment,
    r.reached AS reached,
    r.at AS at
  FROM (
    SELECT
      x.user_id,
      ANY_VALUE(x.t1) AS t1,
      ANY_VALUE(x.segment) AS segment,
      AGGREGATE(
        ARRAY_SORT(COLLECT_LIST(NAMED_STRUCT('ts', e.ts, 'step', e.step))),
        NAMED_STRUCT('reached', 0, 'at', CAST('1970-01-01 00:00:00' AS TIMESTAMP)),
        (acc, ev) -> CASE
          WHEN (
            ev.step
          ) = (
            (
              acc.reached
            ) + 1
          ) AND (
            ev.ts
          ) > (
            acc.at
          )
          THEN NAMED_STRUCT('reached', (
            acc.reached
          ) + 1, 'at', ev.ts)
          ELSE acc
        END
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
  segment,
  step,
  touchpoint,
  reached,
  CAST(reached AS DOUBLE) / NULLIF(FIRST_VALUE(reached) OVER (PARTITION BY segment ORDER BY step NULLS LAST), 0) AS conversion,
  CAST(reached AS DOUBLE) / NULLIF(LAG(reached) OVER (PARTITION BY segment ORDER BY step NULLS LAST), 0) AS step_conversion,
  reached - LEAD(reached) OVER (PARTITION BY segment ORDER BY step NULLS LAST) AS lost,
  CAST(reached - LEAD(reached) OVER (PARTITION BY segment ORDER BY step NULLS LAST) AS DOUBLE) / NULLIF(reached, 0) AS lost_rate
FROM (
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
  CROSS JOIN VALUES
    (1, 'ad_click'),
    (2, 'landing_page'),
    (3, 'product_page'),
    (4, 'add_to_cart'),
    (5, 'checkout'),
    (6, 'payment') AS s(step, touchpoint)
  LEFT JOIN j
    ON j.segment IS NOT DISTINCT FROM g.segment
  GROUP BY
    g.segment,
    s.step,
    s.touchpoint
) AS c
ORDER BY
  segment,
  step
