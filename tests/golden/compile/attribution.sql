WITH scoped_events AS (
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
    CASE
      WHEN n = 0
      THEN 1
      ELSE (
        POWER(2, -age_days / 7)
      ) / SUM(POWER(2, -age_days / 7)) OVER (PARTITION BY conversion_id)
    END AS w_time_decay,
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
      CAST(DATE_DIFF('SECOND', t.ts, c.conv_ts) AS DOUBLE) / 86400 AS age_days
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
  first_touch DESC,
  key NULLS FIRST

-- transitions
WITH scoped_events AS (
  SELECT
    t.*
  FROM events AS t
), edges AS (
  SELECT
    LAG(key, 1, '(start)') OVER (PARTITION BY path_id ORDER BY pos) AS src,
    key AS dst,
    LEAD(key) OVER (PARTITION BY path_id ORDER BY pos) AS next_key,
    outcome
  FROM (
    SELECT
      *
    FROM (
      SELECT
        *,
        LAG(key) OVER (PARTITION BY path_id ORDER BY pos) AS prev_key
      FROM (
        SELECT
          conversion_id AS path_id,
          key,
          pos,
          '(conversion)' AS outcome
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
            CAST(DATE_DIFF('SECOND', t.ts, c.conv_ts) AS DOUBLE) / 86400 AS age_days
          FROM conversions AS c
          LEFT JOIN prior_events AS t
            ON t.user_id = c.user_id
            AND t.ts < c.conv_ts
            AND t.ts >= (
              c.conv_ts - INTERVAL 30 DAY
            )
        ) AS x
        WHERE
          NOT key IS NULL
        UNION ALL
        SELECT
          user_id AS path_id,
          channel AS key,
          ROW_NUMBER() OVER (PARTITION BY user_id ORDER BY ts, event_id) AS pos,
          '(null)' AS outcome
        FROM scoped_events
        WHERE
          (
            ts >= CAST('2026-10-01 00:00:00' AS TIMESTAMP)
            AND ts < CAST('2026-11-01 00:00:00' AS TIMESTAMP)
          )
          AND NOT user_id IN (
            SELECT
              user_id
            FROM scoped_events
            WHERE
              touchpoint = 'payment'
              AND (
                ts >= CAST('2026-10-01 00:00:00' AS TIMESTAMP)
                AND ts < CAST('2026-11-01 00:00:00' AS TIMESTAMP)
              )
          )
      ) AS p
    ) AS s
    WHERE
      prev_key IS NULL OR key <> prev_key
  ) AS k
)
SELECT
  src,
  dst,
  COUNT(*) AS n
FROM (
  SELECT
    src,
    dst
  FROM edges
  UNION ALL
  SELECT
    dst AS src,
    outcome AS dst
  FROM edges
  WHERE
    next_key IS NULL
) AS t
GROUP BY
  src,
  dst
ORDER BY
  src NULLS FIRST,
  dst NULLS FIRST
