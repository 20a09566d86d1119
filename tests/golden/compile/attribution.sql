WITH scoped_events AS NOT MATERIALIZED (
  SELECT
    t.*
  FROM events AS t
)
SELECT
  key,
  SUM(w_first_touch * value) AS first_touch,
  SUM(w_last_touch * value) AS last_touch,
  SUM(w_linear * value) AS linear,
  SUM(w_time_decay * value) AS time_decay,
  SUM(w_position_based * value) AS position_based
FROM (
  SELECT
    COALESCE(key, '(no prior touch)') AS key,
    conversion_id,
    value,
    CASE WHEN n = 0 OR pos = 1 THEN 1 ELSE 0 END AS w_first_touch,
    CASE WHEN n = 0 OR pos = n THEN 1 ELSE 0 END AS w_last_touch,
    CASE WHEN n = 0 THEN 1 ELSE CAST(1 AS DOUBLE) / NULLIF(n, 0) END AS w_linear,
    CASE WHEN n = 0 THEN 1 ELSE decay_share END AS w_time_decay,
    CASE
      WHEN n <= 1
      THEN 1
      WHEN n = 2
      THEN 0.5
      WHEN pos = 1 OR pos = n
      THEN 0.4
      ELSE CAST(0.2 AS DOUBLE) / NULLIF(n - 2, 0)
    END AS w_position_based
  FROM (
    WITH conversions AS (
      SELECT
        event_id AS conversion_id,
        user_id AS user_id,
        ts AS conv_ts,
        CAST(1 AS DOUBLE) AS value
      FROM scoped_events
      WHERE
        touchpoint = 'payment'
        AND (
          ts >= CAST('2026-10-01 00:00:00' AS TIMESTAMP)
          AND ts < CAST('2026-11-01 00:00:00' AS TIMESTAMP)
        )
    ), prior_events AS (
      SELECT
        user_id AS user_id,
        ts AS ts,
        channel AS key,
        event_id AS touch_id
      FROM scoped_events
      WHERE
        ts >= (
          CAST('2026-10-01' AS TIMESTAMP) - INTERVAL 30 DAY
        )
        AND ts < CAST('2026-11-01' AS TIMESTAMP)
    )
    SELECT
      c.conversion_id,
      c.value,
      t.key,
      ROW_NUMBER() OVER (PARTITION BY c.conversion_id ORDER BY t.ts, t.touch_id) AS pos,
      COUNT(t.ts) OVER (PARTITION BY c.conversion_id) AS n,
      CAST(POWER(2, -CAST(DATE_DIFF('SECOND', t.ts, c.conv_ts) AS DOUBLE) / 86400 / 7) AS DOUBLE) / NULLIF(
        SUM(POWER(2, -CAST(DATE_DIFF('SECOND', t.ts, c.conv_ts) AS DOUBLE) / 86400 / 7)) OVER (PARTITION BY c.conversion_id),
        0
      ) AS decay_share
    FROM conversions AS c
    LEFT JOIN prior_events AS t
      ON t.user_id = c.user_id
      AND t.ts < c.conv_ts
      AND t.ts >= (
        c.conv_ts - INTERVAL 30 DAY
      )
  ) AS x
) AS w
GROUP BY
  key
ORDER BY
  CASE WHEN key = '(no prior touch)' THEN 1 ELSE 0 END,
  last_touch DESC,
  key NULLS FIRST

-- transitions
WITH scoped_events AS NOT MATERIALIZED (
  SELECT
    t.*
  FROM events AS t
), conversions AS (
  SELECT
    event_id AS conversion_id,
    user_id AS user_id,
    ts AS conv_ts,
    CAST(1 AS DOUBLE) AS value
  FROM scoped_events
  WHERE
    touchpoint = 'payment'
    AND (
      ts >= CAST('2026-10-01 00:00:00' AS TIMESTAMP)
      AND ts < CAST('2026-11-01 00:00:00' AS TIMESTAMP)
    )
), prior_events AS (
  SELECT
    user_id AS user_id,
    ts AS ts,
    channel AS key,
    event_id AS touch_id
  FROM scoped_events
  WHERE
    ts >= (
      CAST('2026-10-01' AS TIMESTAMP) - INTERVAL 30 DAY
    )
    AND ts < CAST('2026-11-01' AS TIMESTAMP)
), steps AS (
  SELECT
    t.key AS key,
    '(conversion)' AS outcome,
    LAG(t.key) OVER (PARTITION BY c.conversion_id ORDER BY t.ts, t.touch_id) AS prev_key,
    LEAD(t.key) OVER (PARTITION BY c.conversion_id ORDER BY t.ts, t.touch_id) IS NULL AS is_last
  FROM conversions AS c
  JOIN prior_events AS t
    ON t.user_id = c.user_id
    AND t.ts < c.conv_ts
    AND t.ts >= (
      c.conv_ts - INTERVAL 30 DAY
    )
  UNION ALL
  SELECT
    channel AS key,
    '(null)' AS outcome,
    LAG(channel) OVER (PARTITION BY user_id ORDER BY ts, event_id) AS prev_key,
    LEAD(channel) OVER (PARTITION BY user_id ORDER BY ts, event_id) IS NULL AS is_last
  FROM scoped_events
  WHERE
    (
      ts >= CAST('2026-10-01 00:00:00' AS TIMESTAMP)
      AND ts < CAST('2026-11-01 00:00:00' AS TIMESTAMP)
    )
    AND NOT user_id IN (
      SELECT
        user_id
      FROM conversions
    )
)
SELECT
  src,
  dst,
  COUNT(*) AS n
FROM (
  SELECT
    COALESCE(prev_key, '(start)') AS src,
    key AS dst
  FROM steps
  WHERE
    NOT prev_key IS NOT DISTINCT FROM key
  UNION ALL
  SELECT
    key AS src,
    outcome AS dst
  FROM steps
  WHERE
    is_last
) AS e
GROUP BY
  src,
  dst
ORDER BY
  src NULLS FIRST,
  dst NULLS FIRST
