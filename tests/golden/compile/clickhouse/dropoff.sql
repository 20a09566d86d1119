WITH scoped_events AS (
  SELECT
    t.*
  FROM events AS t
)
SELECT
  *
FROM (
  SELECT
    step,
    touchpoint,
    reached,
    CAST(reached AS Nullable(Float64)) / nullIf(FIRST_VALUE(reached) OVER (ORDER BY step), 0) AS conversion,
    CAST(reached AS Nullable(Float64)) / nullIf(lag(toNullable(reached)) OVER (ORDER BY step), 0) AS step_conversion,
    reached - lead(toNullable(reached)) OVER (ORDER BY step) AS lost,
    CAST(reached - lead(toNullable(reached)) OVER (ORDER BY step) AS Nullable(Float64)) / nullIf(reached, 0) AS lost_rate
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
          END AS step
        FROM scoped_events
        WHERE
          touchpoint IN ('ad_click', 'landing_page', 'product_page', 'add_to_cart', 'checkout', 'payment')
          AND ts >= CAST('2026-11-16 00:00:00' AS Nullable(DateTime))
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
            ts >= CAST('2026-11-16 00:00:00' AS Nullable(DateTime))
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
    )
    SELECT
      s.step AS step,
      s.touchpoint AS touchpoint,
      COUNT(CASE WHEN j.reached >= s.step THEN j.t1 END) AS reached
    FROM (
      SELECT
        1 AS step,
        'ad_click' AS touchpoint
      UNION ALL
      SELECT
        2,
        'landing_page'
      UNION ALL
      SELECT
        3,
        'product_page'
      UNION ALL
      SELECT
        4,
        'add_to_cart'
      UNION ALL
      SELECT
        5,
        'checkout'
      UNION ALL
      SELECT
        6,
        'payment'
    ) AS s
    LEFT JOIN j
      ON TRUE
    GROUP BY
      s.step,
      s.touchpoint
  ) AS c
  ORDER BY
    step NULLS FIRST
) AS f
WHERE
  NOT (
    lost IS NULL
  )
ORDER BY
  lost DESC,
  step NULLS FIRST
