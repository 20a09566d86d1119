WITH scoped_events AS (
  SELECT
    t.*
  FROM events AS t
)
SELECT
  COALESCE(prev_tp, '(entry)') AS touchpoint,
  COUNT(*) AS occurrences,
  COUNT(DISTINCT user_id) AS users,
  CAST(COUNT(*) AS DOUBLE) / NULLIF(SUM(COUNT(*)) OVER (), 0) AS share
FROM (
  WITH ev AS (
    SELECT
      user_id AS user_id,
      ts AS ts,
      touchpoint AS touchpoint
    FROM scoped_events
    WHERE
      ts >= CAST('2026-11-16 00:00:00' AS TIMESTAMP)
      AND ts < CAST('2026-11-23 00:00:00' AS TIMESTAMP)
  )
  SELECT
    *,
    LAG(touchpoint) OVER (PARTITION BY user_id, session_no ORDER BY ts, touchpoint) AS prev_tp,
    LEAD(touchpoint) OVER (PARTITION BY user_id, session_no ORDER BY ts, touchpoint) AS next_tp
  FROM (
    SELECT
      user_id,
      session_no,
      ts,
      touchpoint
    FROM (
      SELECT
        *,
        SUM(new_session) OVER (
          PARTITION BY user_id
          ORDER BY ts, touchpoint
          ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW
        ) AS session_no
      FROM (
        SELECT
          *,
          CASE
            WHEN LAG(ts) OVER (PARTITION BY user_id ORDER BY ts, touchpoint) IS NULL
            OR (
              ts - LAG(ts) OVER (PARTITION BY user_id ORDER BY ts, touchpoint)
            ) > INTERVAL 30 MINUTE
            THEN 1
            ELSE 0
          END AS new_session,
          LAG(touchpoint) OVER (PARTITION BY user_id ORDER BY ts, touchpoint) AS before_tp
        FROM ev
      ) AS m
    ) AS n
    WHERE
      NOT (
        new_session = 0 AND touchpoint = before_tp
      )
  ) AS c
) AS s
WHERE
  touchpoint = 'checkout'
GROUP BY
  COALESCE(prev_tp, '(entry)')
ORDER BY
  occurrences DESC,
  touchpoint NULLS FIRST
LIMIT 10
