WITH scoped_events AS (
  SELECT
    t.*
  FROM events AS t
)
SELECT
  COUNT(*) AS entrants,
  COUNT(*) FILTER(WHERE
    reached = 6) AS converters,
  quantileExactInclusive(0.5)(CAST(dateDiff('millisecond', t1, at) AS Nullable(Float64)) / 3600000) FILTER(WHERE
    reached = 6) AS median_hours,
  AVG(CAST(dateDiff('millisecond', t1, at) AS Nullable(Float64)) / 3600000) FILTER(WHERE
    reached = 6) AS mean_hours,
  quantileExactInclusive(0.9)(CAST(dateDiff('millisecond', t1, at) AS Nullable(Float64)) / 3600000) FILTER(WHERE
    reached = 6) AS p90_hours
FROM (
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
      END AS step
    FROM scoped_events
    WHERE
      touchpoint IN ('ad_click', 'landing_page', 'product_page', 'add_to_cart', 'checkout', 'payment')
      AND ts >= CAST('2026-10-26 00:00:00' AS Nullable(DateTime))
      AND ts < (
        CAST('2026-11-23 00:00:00' AS Nullable(DateTime)) + INTERVAL 7 DAY
      )
  ), entry AS (
    SELECT
      user_id,
      MIN(ts) AS t1
    FROM e
    WHERE
      step = 1
      AND (
        ts >= CAST('2026-10-26 00:00:00' AS Nullable(DateTime))
        AND ts < CAST('2026-11-23 00:00:00' AS Nullable(DateTime))
      )
    GROUP BY
      user_id
  )
  SELECT
    user_id,
    t1,
    r.reached AS reached,
    r.at AS at
  FROM (
    SELECT
      x.user_id AS user_id,
      any(x.t1) AS t1,
      arrayFold(
        (acc, ev) -> if(
          tupleElement(ev, 2) = (
            tupleElement(acc, 'reached') + 1
          )
          AND tupleElement(ev, 1) > tupleElement(acc, 'at'),
          CAST((tupleElement(acc, 'reached') + 1, tupleElement(ev, 1)) AS Tuple(reached Int64, at DateTime64(6))),
          acc
        ),
        arraySort(groupArray((e.ts, e.step))),
        CAST((0, toDateTime64('1970-01-01 00:00:00', 6)) AS Tuple(reached Int64, at DateTime64(6)))
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
