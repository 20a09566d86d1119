WITH scoped_events AS (
  SELECT
    t.*
  FROM events AS t
)
SELECT
  touchpoint,
  COUNT(*) AS occurrences,
  COUNT(DISTINCT user_id) AS users,
  CAST(COUNT(*) AS DOUBLE) / NULLIF(SUM(COUNT(*)) OVER (), 0) AS share
FROM (
  SELECT
    user_id,
    CASE WHEN (
      near_ts - ts
    ) <= INTERVAL 30 MINUTE THEN near_tp ELSE '(exit)' END AS touchpoint
  FROM (
    SELECT
      *,
      LEAD(ts) OVER (PARTITION BY user_id ORDER BY ts NULLS LAST, touchpoint NULLS LAST) AS near_ts,
      LEAD(touchpoint) OVER (PARTITION BY user_id ORDER BY ts NULLS LAST, touchpoint NULLS LAST) AS near_tp
    FROM (
      SELECT
        user_id AS user_id,
        ts AS ts,
        touchpoint AS touchpoint
      FROM scoped_events
      WHERE
        (
          ts >= CAST('2026-11-16 00:00:00' AS TIMESTAMP)
          AND ts < CAST('2026-11-23 00:00:00' AS TIMESTAMP)
        )
        AND user_id IN (
          SELECT
            user_id
          FROM scoped_events
          WHERE
            touchpoint = 'product_page'
            AND (
              ts >= CAST('2026-11-16 00:00:00' AS TIMESTAMP)
              AND ts < CAST('2026-11-23 00:00:00' AS TIMESTAMP)
            )
        )
    ) AS ev
  ) AS m
  WHERE
    touchpoint = 'product_page'
    AND (
      NOT near_tp IS NOT DISTINCT FROM 'product_page'
      OR NOT (
        near_ts - ts
      ) <= INTERVAL 30 MINUTE
    )
) AS o
GROUP BY
  touchpoint
ORDER BY
  occurrences DESC,
  touchpoint
LIMIT 10
