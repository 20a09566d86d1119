WITH segments AS (
  WITH scoped_events AS NOT MATERIALIZED (
    SELECT
      t.*,
      t.channel AS d_channel,
      t.device AS d_device,
      t.region AS d_region
    FROM events AS t
  )
  SELECT
    *,
    checkout_conversion - checkout_conversion__previous AS checkout_conversion__change,
    CAST(checkout_conversion - checkout_conversion__previous AS DOUBLE) / NULLIF(checkout_conversion__previous, 0) AS checkout_conversion__change_pct
  FROM (
    SELECT
      d_channel,
      d_device,
      d_region,
      _set,
      MAX(checkout_conversion) FILTER(WHERE
        _window = 'current') AS checkout_conversion,
      MAX(checkout_conversion) FILTER(WHERE
        _window = 'previous') AS checkout_conversion__previous,
      MAX(checkout_conversion__num) FILTER(WHERE
        _window = 'current') AS checkout_conversion__num,
      MAX(checkout_conversion__num) FILTER(WHERE
        _window = 'previous') AS checkout_conversion__num__previous,
      MAX(checkout_conversion__den) FILTER(WHERE
        _window = 'current') AS checkout_conversion__den,
      MAX(checkout_conversion__den) FILTER(WHERE
        _window = 'previous') AS checkout_conversion__den__previous
    FROM (
      SELECT
        d_channel,
        d_device,
        d_region,
        _set,
        _window,
        CAST(c_checkout_conversion__num AS DOUBLE) / NULLIF(c_checkout_conversion__den, 0) AS checkout_conversion,
        c_checkout_conversion__num AS checkout_conversion__num,
        c_checkout_conversion__den AS checkout_conversion__den
      FROM (
        SELECT
          segment.d_channel AS d_channel,
          segment.d_device AS d_device,
          segment.d_region AS d_region,
          _window AS _window,
          COUNT(*) FILTER(WHERE
            reached >= 2) AS c_checkout_conversion__num,
          COUNT(*) AS c_checkout_conversion__den,
          GROUPING(segment.d_channel, segment.d_device, segment.d_region) AS _set
        FROM (
          WITH e AS (
            SELECT
              session_id,
              ts,
              LIST_POSITION(['checkout', 'payment'], touchpoint) AS step,
              {'d_channel': d_channel, 'd_device': d_device, 'd_region': d_region} AS segment
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
              CASE
                WHEN ts >= CAST('2026-11-16 00:00:00' AS TIMESTAMP)
                AND ts < CAST('2026-11-23 00:00:00' AS TIMESTAMP)
                THEN 'current'
                WHEN ts >= CAST('2026-11-09 00:00:00' AS TIMESTAMP)
                AND ts < CAST('2026-11-16 00:00:00' AS TIMESTAMP)
                THEN 'previous'
              END AS _window,
              MIN(ts) AS t1,
              ARG_MIN(segment, ts) AS segment
            FROM e
            WHERE
              step = 1
              AND NOT CASE
                WHEN ts >= CAST('2026-11-16 00:00:00' AS TIMESTAMP)
                AND ts < CAST('2026-11-23 00:00:00' AS TIMESTAMP)
                THEN 'current'
                WHEN ts >= CAST('2026-11-09 00:00:00' AS TIMESTAMP)
                AND ts < CAST('2026-11-16 00:00:00' AS TIMESTAMP)
                THEN 'previous'
              END IS NULL
            GROUP BY
              session_id,
              CASE
                WHEN ts >= CAST('2026-11-16 00:00:00' AS TIMESTAMP)
                AND ts < CAST('2026-11-23 00:00:00' AS TIMESTAMP)
                THEN 'current'
                WHEN ts >= CAST('2026-11-09 00:00:00' AS TIMESTAMP)
                AND ts < CAST('2026-11-16 00:00:00' AS TIMESTAMP)
                THEN 'previous'
              END
          )
          SELECT
            x.session_id,
            x._window,
            x.t1,
            x.segment,
            CASE
              WHEN MIN(e.ts) FILTER(WHERE
                e.step = 2 AND e.ts > x.t1) IS NULL
              THEN 1
              ELSE 2
            END AS reached,
            MIN(e.ts) FILTER(WHERE
              e.step = 2 AND e.ts > x.t1) AS "at"
          FROM entry AS x
          JOIN e
            ON e.session_id = x.session_id
            AND e.ts >= x.t1
            AND e.ts <= (
              x.t1 + INTERVAL 1 DAY
            )
          GROUP BY
            x.session_id,
            x._window,
            x.t1,
            x.segment
        ) AS j
        GROUP BY
          GROUPING SETS (
            (_window, segment.d_channel),
            (_window, segment.d_device),
            (_window, segment.d_region)
          )
      ) AS v
    ) AS p
    GROUP BY
      d_channel,
      d_device,
      d_region,
      _set
  ) AS c
  ORDER BY
    checkout_conversion DESC,
    d_channel NULLS FIRST,
    d_device NULLS FIRST,
    d_region NULLS FIRST,
    _set NULLS FIRST
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
  share_of_change
FROM (
  SELECT
    *,
    rate_effect + mix_effect AS contribution,
    CAST(rate_effect + mix_effect AS DOUBLE) / NULLIF(total_change, 0) AS share_of_change
  FROM (
    SELECT
      *,
      value - value_previous AS change,
      COALESCE(w0 * (
        r1 - r0
      ), 0) AS rate_effect,
      COALESCE((
        w1 - w0
      ) * (
        r1 - rate0
      ), 0) AS mix_effect,
      rate1 - rate0 AS total_change
    FROM (
      SELECT
        *,
        COALESCE(r1_raw, r0_raw, 0) AS r1,
        COALESCE(r0_raw, r1_raw, 0) AS r0,
        CAST(d1 AS DOUBLE) / NULLIF(all_d1, 0) AS w1,
        CAST(d0 AS DOUBLE) / NULLIF(all_d0, 0) AS w0,
        CAST(all_n1 AS DOUBLE) / NULLIF(all_d1, 0) AS rate1,
        CAST(all_n0 AS DOUBLE) / NULLIF(all_d0, 0) AS rate0
      FROM (
        SELECT
          *,
          SUM(n1) OVER (PARTITION BY dimension) AS all_n1,
          SUM(d1) OVER (PARTITION BY dimension) AS all_d1,
          SUM(n0) OVER (PARTITION BY dimension) AS all_n0,
          SUM(d0) OVER (PARTITION BY dimension) AS all_d0,
          CAST(n1 AS DOUBLE) / NULLIF(d1, 0) AS r1_raw,
          CAST(n0 AS DOUBLE) / NULLIF(d0, 0) AS r0_raw
        FROM (
          SELECT
            CASE _set WHEN 3 THEN 'channel' WHEN 5 THEN 'device' WHEN 6 THEN 'region' END AS dimension,
            COALESCE(
              CASE _set
                WHEN 3
                THEN CAST(d_channel AS TEXT)
                WHEN 5
                THEN CAST(d_device AS TEXT)
                WHEN 6
                THEN CAST(d_region AS TEXT)
              END,
              '(none)'
            ) AS segment,
            checkout_conversion AS value,
            checkout_conversion__previous AS value_previous,
            COALESCE(checkout_conversion__num, 0) AS n1,
            COALESCE(checkout_conversion__den, 0) AS d1,
            COALESCE(checkout_conversion__num__previous, 0) AS n0,
            COALESCE(checkout_conversion__den__previous, 0) AS d0
          FROM segments
        ) AS l
      ) AS r
    ) AS s
  ) AS e
) AS d
ORDER BY
  contribution * SIGN(total_change) DESC,
  dimension NULLS FIRST,
  segment NULLS FIRST
LIMIT 10
