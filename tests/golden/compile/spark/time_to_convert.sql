WITH scoped_events AS (
  SELECT
    t.*
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
    END AS step
  FROM scoped_events
  WHERE
    touchpoint IN ('ad_click', 'landing_page', 'product_page', 'add_to_cart', 'checkout', 'payment')
    AND ts >= CAST('2026-10-26 00:00:00' AS TIMESTAMP)
    AND ts < (
      CAST('2026-11-23 00:00:00' AS TIMESTAMP) + INTERVAL 7 DAY
    )
), entry AS (
  SELECT
    user_id,
    MIN(ts) AS t1
  FROM e
  WHERE
    step = 1
    AND (
      ts >= CAST('2026-10-26 00:00:00' AS TIMESTAMP)
      AND ts < CAST('2026-11-23 00:00:00' AS TIMESTAMP)
    )
  GROUP BY
    user_id
)
SELECT
  COUNT(*) AS entrants,
  COUNT(*) FILTER(WHERE
    reached = 6) AS converters,
  PERCENTILE(CAST(DATEDIFF(MILLISECOND, t1, at) AS DOUBLE) / 3600000, 0.5) FILTER(WHERE
    reached = 6) AS median_hours,
  AVG(CAST(DATEDIFF(MILLISECOND, t1, at) AS DOUBLE) / 3600000) FILTER(WHERE
    reached = 6) AS mean_hours,
  PERCENTILE(CAST(DATEDIFF(MILLISECOND, t1, at) AS DOUBLE) / 3600000, 0.9) FILTER(WHERE
    reached = 6) AS p90_hours
FROM (
  SELECT
    user_id,
    t1,
    r.reached AS reached,
    r.at AS at
  FROM (
    SELECT
      x.user_id,
      ANY_VALUE(x.t1) AS t1,
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
) AS j
