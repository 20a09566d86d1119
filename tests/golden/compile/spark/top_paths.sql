WITH scoped_events AS (
  SELECT
    t.*
  FROM events AS t
)
SELECT
  path,
  COUNT(*) AS occurrences,
  COUNT(DISTINCT user_id) AS users,
  CAST(COUNT(*) AS DOUBLE) / NULLIF(SUM(COUNT(*)) OVER (), 0) AS share
FROM (
  SELECT
    user_id,
    CONCAT_WS(' → ', touchpoint, n1, n2) AS path
  FROM (
    SELECT
      user_id,
      touchpoint,
      LEAD(touchpoint, 1) OVER (PARTITION BY user_id, session_no ORDER BY ts NULLS LAST, touchpoint NULLS LAST) AS n1,
      LEAD(touchpoint, 2) OVER (PARTITION BY user_id, session_no ORDER BY ts NULLS LAST, touchpoint NULLS LAST) AS n2,
      ROW_NUMBER() OVER (PARTITION BY user_id, session_no ORDER BY ts NULLS LAST, touchpoint NULLS LAST) = 1 AS starts
    FROM (
      SELECT
        user_id,
        SUM(new_session) OVER (
          PARTITION BY user_id
          ORDER BY ts NULLS LAST, touchpoint NULLS LAST
          ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW
        ) AS session_no,
        ts,
        touchpoint
      FROM (
        SELECT
          *
        FROM (
          SELECT
            *,
            CASE
              WHEN LAG(ts) OVER (PARTITION BY user_id ORDER BY ts NULLS LAST, touchpoint NULLS LAST) IS NULL
              OR (
                ts - LAG(ts) OVER (PARTITION BY user_id ORDER BY ts NULLS LAST, touchpoint NULLS LAST)
              ) > INTERVAL 30 MINUTE
              THEN 1
              ELSE 0
            END AS new_session,
            LAG(touchpoint) OVER (PARTITION BY user_id ORDER BY ts NULLS LAST, touchpoint NULLS LAST) AS before_tp
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
                  touchpoint = 'checkout'
                  AND (
                    ts >= CAST('2026-11-16 00:00:00' AS TIMESTAMP)
                    AND ts < CAST('2026-11-23 00:00:00' AS TIMESTAMP)
                  )
              )
          ) AS ev
        ) AS m
        WHERE
          NOT (
            new_session = 0 AND touchpoint = before_tp
          )
      ) AS k
    ) AS c
  ) AS s
  WHERE
    touchpoint = 'checkout'
) AS o
GROUP BY
  path
ORDER BY
  occurrences DESC,
  path
LIMIT 10
