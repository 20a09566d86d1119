WITH scoped_events AS (
  SELECT
    t.*,
    t.channel AS d_channel,
    t.device AS d_device,
    t.region AS d_region
  FROM events AS t
), e AS (
  SELECT
    session_id,
    ts,
    CASE touchpoint WHEN 'checkout' THEN 1 WHEN 'payment' THEN 2 END AS step,
    STRUCT(d_channel AS d_channel, d_device AS d_device, d_region AS d_region) AS segment,
    CASE
      WHEN ts >= CAST('2026-11-16 00:00:00' AS TIMESTAMP)
      AND ts < CAST('2026-11-23 00:00:00' AS TIMESTAMP)
      THEN 'current'
      WHEN ts >= CAST('2026-11-09 00:00:00' AS TIMESTAMP)
      AND ts < CAST('2026-11-16 00:00:00' AS TIMESTAMP)
      THEN 'previous'
    END AS _window
  FROM scoped_events
  WHERE
    touchpoint IN ('checkout', 'payment')
    AND ts >= CAST('2026-11-09 00:00:00' AS TIMESTAMP)
    AND ts < (
      CAST('2026-11-23 00:00:00' AS TIMESTAMP) + INTERVAL 1 DAY
    )
), entry AS (
  SELECT
    session_id,
    _window,
    MIN(ts) AS t1,
    MIN_BY(segment, ts) AS segment
  FROM e
  WHERE
    step = 1 AND NOT _window IS NULL
  GROUP BY
    session_id,
    _window
), segments AS (
  SELECT
    segment.d_channel AS d_channel,
    segment.d_device AS d_device,
    segment.d_region AS d_region,
    _window AS _window,
    COUNT(*) FILTER(WHERE
      reached >= 2) AS c_checkout_conversion__num,
    COUNT(*) AS c_checkout_conversion__den,
    (
      (
        GROUPING(segment.d_channel) * 4
      ) + (
        GROUPING(segment.d_device) * 2
      ) + GROUPING(segment.d_region) * 1
    ) AS _set
  FROM (
    SELECT
      x.session_id,
      x._window,
      ANY_VALUE(x.t1) AS t1,
      ANY_VALUE(x.segment) AS segment,
      CASE WHEN MIN(e.ts) IS NULL THEN 1 ELSE 2 END AS reached,
      MIN(e.ts) AS at
    FROM entry AS x
    LEFT JOIN e
      ON e.session_id = x.session_id
      AND e.step = 2
      AND e.ts > x.t1
      AND e.ts <= (
        x.t1 + INTERVAL 1 DAY
      )
    GROUP BY
      x.session_id,
      x._window
  ) AS j
  GROUP BY
    GROUPING SETS (
      (_window, segment.d_channel),
      (_window, segment.d_device),
      (_window, segment.d_region)
    )
), kept AS (
  SELECT
    *,
    COUNT(*) FILTER(WHERE
      segment <> '(none)') OVER (PARTITION BY dimension) > 1 AS varied,
    COUNT(*) FILTER(WHERE
      segment <> '(none)') OVER (PARTITION BY dimension) > 1
    AND (
      (
        size IS NULL AND NOT value IS NULL AND NOT value_previous IS NULL
      )
      OR size >= 30
      OR size >= (
        SUM(size) OVER (PARTITION BY dimension) * 0.05
      )
    ) AS kept
  FROM (
    SELECT
      *,
      r1_raw AS value,
      r0_raw AS value_previous,
      r1_raw - r0_raw AS change,
      COALESCE(w0 * (
        r1 - r0
      ), 0) AS rate_effect,
      COALESCE((
        w1 - w0
      ) * (
        r1 - rate0
      ), 0) AS mix_effect,
      COALESCE(w0 * (
        r1 - r0
      ), 0) + COALESCE((
        w1 - w0
      ) * (
        r1 - rate0
      ), 0) AS contribution,
      CAST(COALESCE(w0 * (
        r1 - r0
      ), 0) + COALESCE((
        w1 - w0
      ) * (
        r1 - rate0
      ), 0) AS DOUBLE) / NULLIF(rate1 - rate0, 0) AS share_of_change,
      rate1 - rate0 AS total_change,
      d1 + d0 AS size
    FROM (
      SELECT
        *,
        CAST(n1 AS DOUBLE) / NULLIF(d1, 0) AS r1_raw,
        CAST(n0 AS DOUBLE) / NULLIF(d0, 0) AS r0_raw,
        COALESCE(CAST(n1 AS DOUBLE) / NULLIF(d1, 0), CAST(n0 AS DOUBLE) / NULLIF(d0, 0), 0) AS r1,
        COALESCE(CAST(n0 AS DOUBLE) / NULLIF(d0, 0), CAST(n1 AS DOUBLE) / NULLIF(d1, 0), 0) AS r0,
        CAST(d1 AS DOUBLE) / NULLIF(SUM(d1) OVER (PARTITION BY dimension), 0) AS w1,
        CAST(d0 AS DOUBLE) / NULLIF(SUM(d0) OVER (PARTITION BY dimension), 0) AS w0,
        CAST(SUM(n1) OVER (PARTITION BY dimension) AS DOUBLE) / NULLIF(SUM(d1) OVER (PARTITION BY dimension), 0) AS rate1,
        CAST(SUM(n0) OVER (PARTITION BY dimension) AS DOUBLE) / NULLIF(SUM(d0) OVER (PARTITION BY dimension), 0) AS rate0
      FROM (
        SELECT
          CASE _set WHEN 3 THEN 'channel' WHEN 5 THEN 'device' WHEN 6 THEN 'region' END AS dimension,
          COALESCE(
            CASE _set
              WHEN 3
              THEN CAST(d_channel AS STRING)
              WHEN 5
              THEN CAST(d_device AS STRING)
              WHEN 6
              THEN CAST(d_region AS STRING)
            END,
            '(none)'
          ) AS segment,
          COALESCE(MAX(c_checkout_conversion__num) FILTER(WHERE
            _window = 'current'), 0) AS n1,
          COALESCE(MAX(c_checkout_conversion__den) FILTER(WHERE
            _window = 'current'), 0) AS d1,
          COALESCE(MAX(c_checkout_conversion__num) FILTER(WHERE
            _window = 'previous'), 0) AS n0,
          COALESCE(MAX(c_checkout_conversion__den) FILTER(WHERE
            _window = 'previous'), 0) AS d0
        FROM segments
        GROUP BY
          d_channel,
          d_device,
          d_region,
          _set
      ) AS l
    ) AS s
  ) AS d
), left_out AS (
  SELECT
    COUNT(*) FILTER(WHERE
      varied AND NOT kept) AS segments_left_out,
    COUNT(DISTINCT dimension) FILTER(WHERE
      NOT varied) AS dimensions_left_out
  FROM kept
)
SELECT
  dimension,
  segment,
  value,
  value_previous,
  change,
  contribution,
  rate_effect,
  mix_effect,
  share_of_change,
  segments_left_out,
  dimensions_left_out
FROM kept
CROSS JOIN left_out
WHERE
  kept
ORDER BY
  contribution * SIGN(total_change) DESC,
  dimension,
  segment
LIMIT 10
