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
    'channel' AS dimension,
    COALESCE(CAST(d_channel AS TEXT), '(none)') AS segment,
    CAST(COALESCE(checkout_conversion__num, 0) AS DOUBLE) / NULLIF(COALESCE(checkout_conversion__den, 0), 0) AS value,
    CAST(COALESCE(checkout_conversion__num__previous, 0) AS DOUBLE) / NULLIF(COALESCE(checkout_conversion__den__previous, 0), 0) AS value_previous,
    (
      CAST(COALESCE(checkout_conversion__num, 0) AS DOUBLE) / NULLIF(COALESCE(checkout_conversion__den, 0), 0)
    ) - (
      CAST(COALESCE(checkout_conversion__num__previous, 0) AS DOUBLE) / NULLIF(COALESCE(checkout_conversion__den__previous, 0), 0)
    ) AS change,
    COALESCE(
      (
        CAST(COALESCE(checkout_conversion__den__previous, 0) AS DOUBLE) / NULLIF(SUM(COALESCE(checkout_conversion__den__previous, 0)) OVER (), 0)
      ) * (
        COALESCE(
          CAST(COALESCE(checkout_conversion__num, 0) AS DOUBLE) / NULLIF(COALESCE(checkout_conversion__den, 0), 0),
          CAST(COALESCE(checkout_conversion__num__previous, 0) AS DOUBLE) / NULLIF(COALESCE(checkout_conversion__den__previous, 0), 0),
          0
        ) - COALESCE(
          CAST(COALESCE(checkout_conversion__num__previous, 0) AS DOUBLE) / NULLIF(COALESCE(checkout_conversion__den__previous, 0), 0),
          CAST(COALESCE(checkout_conversion__num, 0) AS DOUBLE) / NULLIF(COALESCE(checkout_conversion__den, 0), 0),
          0
        )
      ),
      0
    ) + COALESCE(
      (
        (
          CAST(COALESCE(checkout_conversion__den, 0) AS DOUBLE) / NULLIF(SUM(COALESCE(checkout_conversion__den, 0)) OVER (), 0)
        ) - (
          CAST(COALESCE(checkout_conversion__den__previous, 0) AS DOUBLE) / NULLIF(SUM(COALESCE(checkout_conversion__den__previous, 0)) OVER (), 0)
        )
      ) * (
        COALESCE(
          CAST(COALESCE(checkout_conversion__num, 0) AS DOUBLE) / NULLIF(COALESCE(checkout_conversion__den, 0), 0),
          CAST(COALESCE(checkout_conversion__num__previous, 0) AS DOUBLE) / NULLIF(COALESCE(checkout_conversion__den__previous, 0), 0),
          0
        ) - (
          CAST(SUM(COALESCE(checkout_conversion__num__previous, 0)) OVER () AS DOUBLE) / NULLIF(SUM(COALESCE(checkout_conversion__den__previous, 0)) OVER (), 0)
        )
      ),
      0
    ) AS contribution,
    COALESCE(
      (
        CAST(COALESCE(checkout_conversion__den__previous, 0) AS DOUBLE) / NULLIF(SUM(COALESCE(checkout_conversion__den__previous, 0)) OVER (), 0)
      ) * (
        COALESCE(
          CAST(COALESCE(checkout_conversion__num, 0) AS DOUBLE) / NULLIF(COALESCE(checkout_conversion__den, 0), 0),
          CAST(COALESCE(checkout_conversion__num__previous, 0) AS DOUBLE) / NULLIF(COALESCE(checkout_conversion__den__previous, 0), 0),
          0
        ) - COALESCE(
          CAST(COALESCE(checkout_conversion__num__previous, 0) AS DOUBLE) / NULLIF(COALESCE(checkout_conversion__den__previous, 0), 0),
          CAST(COALESCE(checkout_conversion__num, 0) AS DOUBLE) / NULLIF(COALESCE(checkout_conversion__den, 0), 0),
          0
        )
      ),
      0
    ) AS rate_effect,
    COALESCE(
      (
        (
          CAST(COALESCE(checkout_conversion__den, 0) AS DOUBLE) / NULLIF(SUM(COALESCE(checkout_conversion__den, 0)) OVER (), 0)
        ) - (
          CAST(COALESCE(checkout_conversion__den__previous, 0) AS DOUBLE) / NULLIF(SUM(COALESCE(checkout_conversion__den__previous, 0)) OVER (), 0)
        )
      ) * (
        COALESCE(
          CAST(COALESCE(checkout_conversion__num, 0) AS DOUBLE) / NULLIF(COALESCE(checkout_conversion__den, 0), 0),
          CAST(COALESCE(checkout_conversion__num__previous, 0) AS DOUBLE) / NULLIF(COALESCE(checkout_conversion__den__previous, 0), 0),
          0
        ) - (
          CAST(SUM(COALESCE(checkout_conversion__num__previous, 0)) OVER () AS DOUBLE) / NULLIF(SUM(COALESCE(checkout_conversion__den__previous, 0)) OVER (), 0)
        )
      ),
      0
    ) AS mix_effect,
    CAST(COALESCE(
      (
        CAST(COALESCE(checkout_conversion__den__previous, 0) AS DOUBLE) / NULLIF(SUM(COALESCE(checkout_conversion__den__previous, 0)) OVER (), 0)
      ) * (
        COALESCE(
          CAST(COALESCE(checkout_conversion__num, 0) AS DOUBLE) / NULLIF(COALESCE(checkout_conversion__den, 0), 0),
          CAST(COALESCE(checkout_conversion__num__previous, 0) AS DOUBLE) / NULLIF(COALESCE(checkout_conversion__den__previous, 0), 0),
          0
        ) - COALESCE(
          CAST(COALESCE(checkout_conversion__num__previous, 0) AS DOUBLE) / NULLIF(COALESCE(checkout_conversion__den__previous, 0), 0),
          CAST(COALESCE(checkout_conversion__num, 0) AS DOUBLE) / NULLIF(COALESCE(checkout_conversion__den, 0), 0),
          0
        )
      ),
      0
    ) + COALESCE(
      (
        (
          CAST(COALESCE(checkout_conversion__den, 0) AS DOUBLE) / NULLIF(SUM(COALESCE(checkout_conversion__den, 0)) OVER (), 0)
        ) - (
          CAST(COALESCE(checkout_conversion__den__previous, 0) AS DOUBLE) / NULLIF(SUM(COALESCE(checkout_conversion__den__previous, 0)) OVER (), 0)
        )
      ) * (
        COALESCE(
          CAST(COALESCE(checkout_conversion__num, 0) AS DOUBLE) / NULLIF(COALESCE(checkout_conversion__den, 0), 0),
          CAST(COALESCE(checkout_conversion__num__previous, 0) AS DOUBLE) / NULLIF(COALESCE(checkout_conversion__den__previous, 0), 0),
          0
        ) - (
          CAST(SUM(COALESCE(checkout_conversion__num__previous, 0)) OVER () AS DOUBLE) / NULLIF(SUM(COALESCE(checkout_conversion__den__previous, 0)) OVER (), 0)
        )
      ),
      0
    ) AS DOUBLE) / NULLIF(
      (
        CAST(SUM(COALESCE(checkout_conversion__num, 0)) OVER () AS DOUBLE) / NULLIF(SUM(COALESCE(checkout_conversion__den, 0)) OVER (), 0)
      ) - (
        CAST(SUM(COALESCE(checkout_conversion__num__previous, 0)) OVER () AS DOUBLE) / NULLIF(SUM(COALESCE(checkout_conversion__den__previous, 0)) OVER (), 0)
      ),
      0
    ) AS share_of_change,
    (
      CAST(SUM(COALESCE(checkout_conversion__num, 0)) OVER () AS DOUBLE) / NULLIF(SUM(COALESCE(checkout_conversion__den, 0)) OVER (), 0)
    ) - (
      CAST(SUM(COALESCE(checkout_conversion__num__previous, 0)) OVER () AS DOUBLE) / NULLIF(SUM(COALESCE(checkout_conversion__den__previous, 0)) OVER (), 0)
    ) AS total_change
  FROM (
    WITH scoped_events AS NOT MATERIALIZED (
      SELECT
        t.*,
        t.channel AS d_channel
      FROM events AS t
    )
    SELECT
      d_channel,
      MAX(checkout_conversion) FILTER(WHERE
        _window = 'current') AS checkout_conversion,
      MAX(checkout_conversion) FILTER(WHERE
        _window = 'previous') AS checkout_conversion__previous,
      MAX(checkout_conversion) FILTER(WHERE
        _window = 'current') - MAX(checkout_conversion) FILTER(WHERE
        _window = 'previous') AS checkout_conversion__change,
      CAST(MAX(checkout_conversion) FILTER(WHERE
        _window = 'current') - MAX(checkout_conversion) FILTER(WHERE
        _window = 'previous') AS DOUBLE) / NULLIF(MAX(checkout_conversion) FILTER(WHERE
        _window = 'previous'), 0) AS checkout_conversion__change_pct,
      MAX(checkout_conversion__num) FILTER(WHERE
        _window = 'current') AS checkout_conversion__num,
      MAX(checkout_conversion__num) FILTER(WHERE
        _window = 'previous') AS checkout_conversion__num__previous,
      MAX(checkout_conversion__num) FILTER(WHERE
        _window = 'current') - MAX(checkout_conversion__num) FILTER(WHERE
        _window = 'previous') AS checkout_conversion__num__change,
      CAST(MAX(checkout_conversion__num) FILTER(WHERE
        _window = 'current') - MAX(checkout_conversion__num) FILTER(WHERE
        _window = 'previous') AS DOUBLE) / NULLIF(MAX(checkout_conversion__num) FILTER(WHERE
        _window = 'previous'), 0) AS checkout_conversion__num__change_pct,
      MAX(checkout_conversion__den) FILTER(WHERE
        _window = 'current') AS checkout_conversion__den,
      MAX(checkout_conversion__den) FILTER(WHERE
        _window = 'previous') AS checkout_conversion__den__previous,
      MAX(checkout_conversion__den) FILTER(WHERE
        _window = 'current') - MAX(checkout_conversion__den) FILTER(WHERE
        _window = 'previous') AS checkout_conversion__den__change,
      CAST(MAX(checkout_conversion__den) FILTER(WHERE
        _window = 'current') - MAX(checkout_conversion__den) FILTER(WHERE
        _window = 'previous') AS DOUBLE) / NULLIF(MAX(checkout_conversion__den) FILTER(WHERE
        _window = 'previous'), 0) AS checkout_conversion__den__change_pct
    FROM (
      SELECT
        d_channel,
        _window,
        CAST(c_checkout_conversion__num AS DOUBLE) / NULLIF(c_checkout_conversion__den, 0) AS checkout_conversion,
        c_checkout_conversion__num AS checkout_conversion__num,
        c_checkout_conversion__den AS checkout_conversion__den
      FROM (
        SELECT
          d_channel,
          _window,
          MAX(c_checkout_conversion__num) AS c_checkout_conversion__num,
          MAX(c_checkout_conversion__den) AS c_checkout_conversion__den
        FROM (
          SELECT
            d_channel,
            _window,
            c_checkout_conversion__num,
            c_checkout_conversion__den
          FROM (
            SELECT
              segment.d_channel AS d_channel,
              'current' AS _window,
              COUNT(*) FILTER(WHERE
                reached >= 2) AS c_checkout_conversion__num,
              COUNT(*) AS c_checkout_conversion__den
            FROM (
              WITH e AS (
                SELECT
                  session_id,
                  ts,
                  LIST_POSITION(['checkout', 'payment'], touchpoint) AS step,
                  {'d_channel': d_channel} AS segment
                FROM scoped_events
                WHERE
                  touchpoint IN ('checkout', 'payment')
                  AND ts >= CAST('2026-11-16 00:00:00' AS TIMESTAMP)
                  AND ts < (
                    CAST('2026-11-23 00:00:00' AS TIMESTAMP) + INTERVAL 1 DAY
                  )
              ), entry AS (
                SELECT
                  session_id,
                  MIN(ts) AS t1,
                  ARG_MIN(segment, ts) AS segment
                FROM e
                WHERE
                  step = 1
                  AND (
                    ts >= CAST('2026-11-16 00:00:00' AS TIMESTAMP)
                    AND ts < CAST('2026-11-23 00:00:00' AS TIMESTAMP)
                  )
                GROUP BY
                  session_id
              )
              SELECT
                session_id,
                t1,
                segment,
                r.reached AS reached,
                r."at" AS "at"
              FROM (
                SELECT
                  x.session_id,
                  x.t1,
                  x.segment,
                  LIST_REDUCE(
                    LIST_SORT(ARRAY_AGG({'ts': e.ts, 'step': e.step})),
                    LAMBDA acc, ev : CASE
                      WHEN (
                        ev.step
                      ) = (
                        (
                          acc.reached
                        ) + 1
                      ) AND (
                        ev.ts
                      ) > (
                        acc."at"
                      )
                      THEN {'reached': (
                        acc.reached
                      ) + 1, 'at': ev.ts}
                      ELSE acc
                    END,
                    {'reached': 0, 'at': CAST('1970-01-01 00:00:00' AS TIMESTAMP)}
                  ) AS r
                FROM entry AS x
                JOIN e
                  ON e.session_id = x.session_id
                  AND e.ts >= x.t1
                  AND e.ts <= (
                    x.t1 + INTERVAL 1 DAY
                  )
                GROUP BY
                  x.session_id,
                  x.t1,
                  x.segment
              ) AS f
            ) AS j
            GROUP BY
              segment.d_channel,
              'current'
          )
          UNION ALL
          SELECT
            d_channel,
            _window,
            c_checkout_conversion__num,
            c_checkout_conversion__den
          FROM (
            SELECT
              segment.d_channel AS d_channel,
              'previous' AS _window,
              COUNT(*) FILTER(WHERE
                reached >= 2) AS c_checkout_conversion__num,
              COUNT(*) AS c_checkout_conversion__den
            FROM (
              WITH e AS (
                SELECT
                  session_id,
                  ts,
                  LIST_POSITION(['checkout', 'payment'], touchpoint) AS step,
                  {'d_channel': d_channel} AS segment
                FROM scoped_events
                WHERE
                  touchpoint IN ('checkout', 'payment')
                  AND ts >= CAST('2026-11-09 00:00:00' AS TIMESTAMP)
                  AND ts < (
                    CAST('2026-11-16 00:00:00' AS TIMESTAMP) + INTERVAL 1 DAY
                  )
              ), entry AS (
                SELECT
                  session_id,
                  MIN(ts) AS t1,
                  ARG_MIN(segment, ts) AS segment
                FROM e
                WHERE
                  step = 1
                  AND (
                    ts >= CAST('2026-11-09 00:00:00' AS TIMESTAMP)
                    AND ts < CAST('2026-11-16 00:00:00' AS TIMESTAMP)
                  )
                GROUP BY
                  session_id
              )
              SELECT
                session_id,
                t1,
                segment,
                r.reached AS reached,
                r."at" AS "at"
              FROM (
                SELECT
                  x.session_id,
                  x.t1,
                  x.segment,
                  LIST_REDUCE(
                    LIST_SORT(ARRAY_AGG({'ts': e.ts, 'step': e.step})),
                    LAMBDA acc, ev : CASE
                      WHEN (
                        ev.step
                      ) = (
                        (
                          acc.reached
                        ) + 1
                      ) AND (
                        ev.ts
                      ) > (
                        acc."at"
                      )
                      THEN {'reached': (
                        acc.reached
                      ) + 1, 'at': ev.ts}
                      ELSE acc
                    END,
                    {'reached': 0, 'at': CAST('1970-01-01 00:00:00' AS TIMESTAMP)}
                  ) AS r
                FROM entry AS x
                JOIN e
                  ON e.session_id = x.session_id
                  AND e.ts >= x.t1
                  AND e.ts <= (
                    x.t1 + INTERVAL 1 DAY
                  )
                GROUP BY
                  x.session_id,
                  x.t1,
                  x.segment
              ) AS f
            ) AS j
            GROUP BY
              segment.d_channel,
              'previous'
          )
        ) AS u
        GROUP BY
          d_channel,
          _window
      ) AS v
    ) AS p
    GROUP BY
      d_channel
    ORDER BY
      checkout_conversion DESC,
      d_channel NULLS FIRST
  ) AS s
  UNION ALL
  SELECT
    'device' AS dimension,
    COALESCE(CAST(d_device AS TEXT), '(none)') AS segment,
    CAST(COALESCE(checkout_conversion__num, 0) AS DOUBLE) / NULLIF(COALESCE(checkout_conversion__den, 0), 0) AS value,
    CAST(COALESCE(checkout_conversion__num__previous, 0) AS DOUBLE) / NULLIF(COALESCE(checkout_conversion__den__previous, 0), 0) AS value_previous,
    (
      CAST(COALESCE(checkout_conversion__num, 0) AS DOUBLE) / NULLIF(COALESCE(checkout_conversion__den, 0), 0)
    ) - (
      CAST(COALESCE(checkout_conversion__num__previous, 0) AS DOUBLE) / NULLIF(COALESCE(checkout_conversion__den__previous, 0), 0)
    ) AS change,
    COALESCE(
      (
        CAST(COALESCE(checkout_conversion__den__previous, 0) AS DOUBLE) / NULLIF(SUM(COALESCE(checkout_conversion__den__previous, 0)) OVER (), 0)
      ) * (
        COALESCE(
          CAST(COALESCE(checkout_conversion__num, 0) AS DOUBLE) / NULLIF(COALESCE(checkout_conversion__den, 0), 0),
          CAST(COALESCE(checkout_conversion__num__previous, 0) AS DOUBLE) / NULLIF(COALESCE(checkout_conversion__den__previous, 0), 0),
          0
        ) - COALESCE(
          CAST(COALESCE(checkout_conversion__num__previous, 0) AS DOUBLE) / NULLIF(COALESCE(checkout_conversion__den__previous, 0), 0),
          CAST(COALESCE(checkout_conversion__num, 0) AS DOUBLE) / NULLIF(COALESCE(checkout_conversion__den, 0), 0),
          0
        )
      ),
      0
    ) + COALESCE(
      (
        (
          CAST(COALESCE(checkout_conversion__den, 0) AS DOUBLE) / NULLIF(SUM(COALESCE(checkout_conversion__den, 0)) OVER (), 0)
        ) - (
          CAST(COALESCE(checkout_conversion__den__previous, 0) AS DOUBLE) / NULLIF(SUM(COALESCE(checkout_conversion__den__previous, 0)) OVER (), 0)
        )
      ) * (
        COALESCE(
          CAST(COALESCE(checkout_conversion__num, 0) AS DOUBLE) / NULLIF(COALESCE(checkout_conversion__den, 0), 0),
          CAST(COALESCE(checkout_conversion__num__previous, 0) AS DOUBLE) / NULLIF(COALESCE(checkout_conversion__den__previous, 0), 0),
          0
        ) - (
          CAST(SUM(COALESCE(checkout_conversion__num__previous, 0)) OVER () AS DOUBLE) / NULLIF(SUM(COALESCE(checkout_conversion__den__previous, 0)) OVER (), 0)
        )
      ),
      0
    ) AS contribution,
    COALESCE(
      (
        CAST(COALESCE(checkout_conversion__den__previous, 0) AS DOUBLE) / NULLIF(SUM(COALESCE(checkout_conversion__den__previous, 0)) OVER (), 0)
      ) * (
        COALESCE(
          CAST(COALESCE(checkout_conversion__num, 0) AS DOUBLE) / NULLIF(COALESCE(checkout_conversion__den, 0), 0),
          CAST(COALESCE(checkout_conversion__num__previous, 0) AS DOUBLE) / NULLIF(COALESCE(checkout_conversion__den__previous, 0), 0),
          0
        ) - COALESCE(
          CAST(COALESCE(checkout_conversion__num__previous, 0) AS DOUBLE) / NULLIF(COALESCE(checkout_conversion__den__previous, 0), 0),
          CAST(COALESCE(checkout_conversion__num, 0) AS DOUBLE) / NULLIF(COALESCE(checkout_conversion__den, 0), 0),
          0
        )
      ),
      0
    ) AS rate_effect,
    COALESCE(
      (
        (
          CAST(COALESCE(checkout_conversion__den, 0) AS DOUBLE) / NULLIF(SUM(COALESCE(checkout_conversion__den, 0)) OVER (), 0)
        ) - (
          CAST(COALESCE(checkout_conversion__den__previous, 0) AS DOUBLE) / NULLIF(SUM(COALESCE(checkout_conversion__den__previous, 0)) OVER (), 0)
        )
      ) * (
        COALESCE(
          CAST(COALESCE(checkout_conversion__num, 0) AS DOUBLE) / NULLIF(COALESCE(checkout_conversion__den, 0), 0),
          CAST(COALESCE(checkout_conversion__num__previous, 0) AS DOUBLE) / NULLIF(COALESCE(checkout_conversion__den__previous, 0), 0),
          0
        ) - (
          CAST(SUM(COALESCE(checkout_conversion__num__previous, 0)) OVER () AS DOUBLE) / NULLIF(SUM(COALESCE(checkout_conversion__den__previous, 0)) OVER (), 0)
        )
      ),
      0
    ) AS mix_effect,
    CAST(COALESCE(
      (
        CAST(COALESCE(checkout_conversion__den__previous, 0) AS DOUBLE) / NULLIF(SUM(COALESCE(checkout_conversion__den__previous, 0)) OVER (), 0)
      ) * (
        COALESCE(
          CAST(COALESCE(checkout_conversion__num, 0) AS DOUBLE) / NULLIF(COALESCE(checkout_conversion__den, 0), 0),
          CAST(COALESCE(checkout_conversion__num__previous, 0) AS DOUBLE) / NULLIF(COALESCE(checkout_conversion__den__previous, 0), 0),
          0
        ) - COALESCE(
          CAST(COALESCE(checkout_conversion__num__previous, 0) AS DOUBLE) / NULLIF(COALESCE(checkout_conversion__den__previous, 0), 0),
          CAST(COALESCE(checkout_conversion__num, 0) AS DOUBLE) / NULLIF(COALESCE(checkout_conversion__den, 0), 0),
          0
        )
      ),
      0
    ) + COALESCE(
      (
        (
          CAST(COALESCE(checkout_conversion__den, 0) AS DOUBLE) / NULLIF(SUM(COALESCE(checkout_conversion__den, 0)) OVER (), 0)
        ) - (
          CAST(COALESCE(checkout_conversion__den__previous, 0) AS DOUBLE) / NULLIF(SUM(COALESCE(checkout_conversion__den__previous, 0)) OVER (), 0)
        )
      ) * (
        COALESCE(
          CAST(COALESCE(checkout_conversion__num, 0) AS DOUBLE) / NULLIF(COALESCE(checkout_conversion__den, 0), 0),
          CAST(COALESCE(checkout_conversion__num__previous, 0) AS DOUBLE) / NULLIF(COALESCE(checkout_conversion__den__previous, 0), 0),
          0
        ) - (
          CAST(SUM(COALESCE(checkout_conversion__num__previous, 0)) OVER () AS DOUBLE) / NULLIF(SUM(COALESCE(checkout_conversion__den__previous, 0)) OVER (), 0)
        )
      ),
      0
    ) AS DOUBLE) / NULLIF(
      (
        CAST(SUM(COALESCE(checkout_conversion__num, 0)) OVER () AS DOUBLE) / NULLIF(SUM(COALESCE(checkout_conversion__den, 0)) OVER (), 0)
      ) - (
        CAST(SUM(COALESCE(checkout_conversion__num__previous, 0)) OVER () AS DOUBLE) / NULLIF(SUM(COALESCE(checkout_conversion__den__previous, 0)) OVER (), 0)
      ),
      0
    ) AS share_of_change,
    (
      CAST(SUM(COALESCE(checkout_conversion__num, 0)) OVER () AS DOUBLE) / NULLIF(SUM(COALESCE(checkout_conversion__den, 0)) OVER (), 0)
    ) - (
      CAST(SUM(COALESCE(checkout_conversion__num__previous, 0)) OVER () AS DOUBLE) / NULLIF(SUM(COALESCE(checkout_conversion__den__previous, 0)) OVER (), 0)
    ) AS total_change
  FROM (
    WITH scoped_events AS NOT MATERIALIZED (
      SELECT
        t.*,
        t.device AS d_device
      FROM events AS t
    )
    SELECT
      d_device,
      MAX(checkout_conversion) FILTER(WHERE
        _window = 'current') AS checkout_conversion,
      MAX(checkout_conversion) FILTER(WHERE
        _window = 'previous') AS checkout_conversion__previous,
      MAX(checkout_conversion) FILTER(WHERE
        _window = 'current') - MAX(checkout_conversion) FILTER(WHERE
        _window = 'previous') AS checkout_conversion__change,
      CAST(MAX(checkout_conversion) FILTER(WHERE
        _window = 'current') - MAX(checkout_conversion) FILTER(WHERE
        _window = 'previous') AS DOUBLE) / NULLIF(MAX(checkout_conversion) FILTER(WHERE
        _window = 'previous'), 0) AS checkout_conversion__change_pct,
      MAX(checkout_conversion__num) FILTER(WHERE
        _window = 'current') AS checkout_conversion__num,
      MAX(checkout_conversion__num) FILTER(WHERE
        _window = 'previous') AS checkout_conversion__num__previous,
      MAX(checkout_conversion__num) FILTER(WHERE
        _window = 'current') - MAX(checkout_conversion__num) FILTER(WHERE
        _window = 'previous') AS checkout_conversion__num__change,
      CAST(MAX(checkout_conversion__num) FILTER(WHERE
        _window = 'current') - MAX(checkout_conversion__num) FILTER(WHERE
        _window = 'previous') AS DOUBLE) / NULLIF(MAX(checkout_conversion__num) FILTER(WHERE
        _window = 'previous'), 0) AS checkout_conversion__num__change_pct,
      MAX(checkout_conversion__den) FILTER(WHERE
        _window = 'current') AS checkout_conversion__den,
      MAX(checkout_conversion__den) FILTER(WHERE
        _window = 'previous') AS checkout_conversion__den__previous,
      MAX(checkout_conversion__den) FILTER(WHERE
        _window = 'current') - MAX(checkout_conversion__den) FILTER(WHERE
        _window = 'previous') AS checkout_conversion__den__change,
      CAST(MAX(checkout_conversion__den) FILTER(WHERE
        _window = 'current') - MAX(checkout_conversion__den) FILTER(WHERE
        _window = 'previous') AS DOUBLE) / NULLIF(MAX(checkout_conversion__den) FILTER(WHERE
        _window = 'previous'), 0) AS checkout_conversion__den__change_pct
    FROM (
      SELECT
        d_device,
        _window,
        CAST(c_checkout_conversion__num AS DOUBLE) / NULLIF(c_checkout_conversion__den, 0) AS checkout_conversion,
        c_checkout_conversion__num AS checkout_conversion__num,
        c_checkout_conversion__den AS checkout_conversion__den
      FROM (
        SELECT
          d_device,
          _window,
          MAX(c_checkout_conversion__num) AS c_checkout_conversion__num,
          MAX(c_checkout_conversion__den) AS c_checkout_conversion__den
        FROM (
          SELECT
            d_device,
            _window,
            c_checkout_conversion__num,
            c_checkout_conversion__den
          FROM (
            SELECT
              segment.d_device AS d_device,
              'current' AS _window,
              COUNT(*) FILTER(WHERE
                reached >= 2) AS c_checkout_conversion__num,
              COUNT(*) AS c_checkout_conversion__den
            FROM (
              WITH e AS (
                SELECT
                  session_id,
                  ts,
                  LIST_POSITION(['checkout', 'payment'], touchpoint) AS step,
                  {'d_device': d_device} AS segment
                FROM scoped_events
                WHERE
                  touchpoint IN ('checkout', 'payment')
                  AND ts >= CAST('2026-11-16 00:00:00' AS TIMESTAMP)
                  AND ts < (
                    CAST('2026-11-23 00:00:00' AS TIMESTAMP) + INTERVAL 1 DAY
                  )
              ), entry AS (
                SELECT
                  session_id,
                  MIN(ts) AS t1,
                  ARG_MIN(segment, ts) AS segment
                FROM e
                WHERE
                  step = 1
                  AND (
                    ts >= CAST('2026-11-16 00:00:00' AS TIMESTAMP)
                    AND ts < CAST('2026-11-23 00:00:00' AS TIMESTAMP)
                  )
                GROUP BY
                  session_id
              )
              SELECT
                session_id,
                t1,
                segment,
                r.reached AS reached,
                r."at" AS "at"
              FROM (
                SELECT
                  x.session_id,
                  x.t1,
                  x.segment,
                  LIST_REDUCE(
                    LIST_SORT(ARRAY_AGG({'ts': e.ts, 'step': e.step})),
                    LAMBDA acc, ev : CASE
                      WHEN (
                        ev.step
                      ) = (
                        (
                          acc.reached
                        ) + 1
                      ) AND (
                        ev.ts
                      ) > (
                        acc."at"
                      )
                      THEN {'reached': (
                        acc.reached
                      ) + 1, 'at': ev.ts}
                      ELSE acc
                    END,
                    {'reached': 0, 'at': CAST('1970-01-01 00:00:00' AS TIMESTAMP)}
                  ) AS r
                FROM entry AS x
                JOIN e
                  ON e.session_id = x.session_id
                  AND e.ts >= x.t1
                  AND e.ts <= (
                    x.t1 + INTERVAL 1 DAY
                  )
                GROUP BY
                  x.session_id,
                  x.t1,
                  x.segment
              ) AS f
            ) AS j
            GROUP BY
              segment.d_device,
              'current'
          )
          UNION ALL
          SELECT
            d_device,
            _window,
            c_checkout_conversion__num,
            c_checkout_conversion__den
          FROM (
            SELECT
              segment.d_device AS d_device,
              'previous' AS _window,
              COUNT(*) FILTER(WHERE
                reached >= 2) AS c_checkout_conversion__num,
              COUNT(*) AS c_checkout_conversion__den
            FROM (
              WITH e AS (
                SELECT
                  session_id,
                  ts,
                  LIST_POSITION(['checkout', 'payment'], touchpoint) AS step,
                  {'d_device': d_device} AS segment
                FROM scoped_events
                WHERE
                  touchpoint IN ('checkout', 'payment')
                  AND ts >= CAST('2026-11-09 00:00:00' AS TIMESTAMP)
                  AND ts < (
                    CAST('2026-11-16 00:00:00' AS TIMESTAMP) + INTERVAL 1 DAY
                  )
              ), entry AS (
                SELECT
                  session_id,
                  MIN(ts) AS t1,
                  ARG_MIN(segment, ts) AS segment
                FROM e
                WHERE
                  step = 1
                  AND (
                    ts >= CAST('2026-11-09 00:00:00' AS TIMESTAMP)
                    AND ts < CAST('2026-11-16 00:00:00' AS TIMESTAMP)
                  )
                GROUP BY
                  session_id
              )
              SELECT
                session_id,
                t1,
                segment,
                r.reached AS reached,
                r."at" AS "at"
              FROM (
                SELECT
                  x.session_id,
                  x.t1,
                  x.segment,
                  LIST_REDUCE(
                    LIST_SORT(ARRAY_AGG({'ts': e.ts, 'step': e.step})),
                    LAMBDA acc, ev : CASE
                      WHEN (
                        ev.step
                      ) = (
                        (
                          acc.reached
                        ) + 1
                      ) AND (
                        ev.ts
                      ) > (
                        acc."at"
                      )
                      THEN {'reached': (
                        acc.reached
                      ) + 1, 'at': ev.ts}
                      ELSE acc
                    END,
                    {'reached': 0, 'at': CAST('1970-01-01 00:00:00' AS TIMESTAMP)}
                  ) AS r
                FROM entry AS x
                JOIN e
                  ON e.session_id = x.session_id
                  AND e.ts >= x.t1
                  AND e.ts <= (
                    x.t1 + INTERVAL 1 DAY
                  )
                GROUP BY
                  x.session_id,
                  x.t1,
                  x.segment
              ) AS f
            ) AS j
            GROUP BY
              segment.d_device,
              'previous'
          )
        ) AS u
        GROUP BY
          d_device,
          _window
      ) AS v
    ) AS p
    GROUP BY
      d_device
    ORDER BY
      checkout_conversion DESC,
      d_device NULLS FIRST
  ) AS s
  UNION ALL
  SELECT
    'region' AS dimension,
    COALESCE(CAST(d_region AS TEXT), '(none)') AS segment,
    CAST(COALESCE(checkout_conversion__num, 0) AS DOUBLE) / NULLIF(COALESCE(checkout_conversion__den, 0), 0) AS value,
    CAST(COALESCE(checkout_conversion__num__previous, 0) AS DOUBLE) / NULLIF(COALESCE(checkout_conversion__den__previous, 0), 0) AS value_previous,
    (
      CAST(COALESCE(checkout_conversion__num, 0) AS DOUBLE) / NULLIF(COALESCE(checkout_conversion__den, 0), 0)
    ) - (
      CAST(COALESCE(checkout_conversion__num__previous, 0) AS DOUBLE) / NULLIF(COALESCE(checkout_conversion__den__previous, 0), 0)
    ) AS change,
    COALESCE(
      (
        CAST(COALESCE(checkout_conversion__den__previous, 0) AS DOUBLE) / NULLIF(SUM(COALESCE(checkout_conversion__den__previous, 0)) OVER (), 0)
      ) * (
        COALESCE(
          CAST(COALESCE(checkout_conversion__num, 0) AS DOUBLE) / NULLIF(COALESCE(checkout_conversion__den, 0), 0),
          CAST(COALESCE(checkout_conversion__num__previous, 0) AS DOUBLE) / NULLIF(COALESCE(checkout_conversion__den__previous, 0), 0),
          0
        ) - COALESCE(
          CAST(COALESCE(checkout_conversion__num__previous, 0) AS DOUBLE) / NULLIF(COALESCE(checkout_conversion__den__previous, 0), 0),
          CAST(COALESCE(checkout_conversion__num, 0) AS DOUBLE) / NULLIF(COALESCE(checkout_conversion__den, 0), 0),
          0
        )
      ),
      0
    ) + COALESCE(
      (
        (
          CAST(COALESCE(checkout_conversion__den, 0) AS DOUBLE) / NULLIF(SUM(COALESCE(checkout_conversion__den, 0)) OVER (), 0)
        ) - (
          CAST(COALESCE(checkout_conversion__den__previous, 0) AS DOUBLE) / NULLIF(SUM(COALESCE(checkout_conversion__den__previous, 0)) OVER (), 0)
        )
      ) * (
        COALESCE(
          CAST(COALESCE(checkout_conversion__num, 0) AS DOUBLE) / NULLIF(COALESCE(checkout_conversion__den, 0), 0),
          CAST(COALESCE(checkout_conversion__num__previous, 0) AS DOUBLE) / NULLIF(COALESCE(checkout_conversion__den__previous, 0), 0),
          0
        ) - (
          CAST(SUM(COALESCE(checkout_conversion__num__previous, 0)) OVER () AS DOUBLE) / NULLIF(SUM(COALESCE(checkout_conversion__den__previous, 0)) OVER (), 0)
        )
      ),
      0
    ) AS contribution,
    COALESCE(
      (
        CAST(COALESCE(checkout_conversion__den__previous, 0) AS DOUBLE) / NULLIF(SUM(COALESCE(checkout_conversion__den__previous, 0)) OVER (), 0)
      ) * (
        COALESCE(
          CAST(COALESCE(checkout_conversion__num, 0) AS DOUBLE) / NULLIF(COALESCE(checkout_conversion__den, 0), 0),
          CAST(COALESCE(checkout_conversion__num__previous, 0) AS DOUBLE) / NULLIF(COALESCE(checkout_conversion__den__previous, 0), 0),
          0
        ) - COALESCE(
          CAST(COALESCE(checkout_conversion__num__previous, 0) AS DOUBLE) / NULLIF(COALESCE(checkout_conversion__den__previous, 0), 0),
          CAST(COALESCE(checkout_conversion__num, 0) AS DOUBLE) / NULLIF(COALESCE(checkout_conversion__den, 0), 0),
          0
        )
      ),
      0
    ) AS rate_effect,
    COALESCE(
      (
        (
          CAST(COALESCE(checkout_conversion__den, 0) AS DOUBLE) / NULLIF(SUM(COALESCE(checkout_conversion__den, 0)) OVER (), 0)
        ) - (
          CAST(COALESCE(checkout_conversion__den__previous, 0) AS DOUBLE) / NULLIF(SUM(COALESCE(checkout_conversion__den__previous, 0)) OVER (), 0)
        )
      ) * (
        COALESCE(
          CAST(COALESCE(checkout_conversion__num, 0) AS DOUBLE) / NULLIF(COALESCE(checkout_conversion__den, 0), 0),
          CAST(COALESCE(checkout_conversion__num__previous, 0) AS DOUBLE) / NULLIF(COALESCE(checkout_conversion__den__previous, 0), 0),
          0
        ) - (
          CAST(SUM(COALESCE(checkout_conversion__num__previous, 0)) OVER () AS DOUBLE) / NULLIF(SUM(COALESCE(checkout_conversion__den__previous, 0)) OVER (), 0)
        )
      ),
      0
    ) AS mix_effect,
    CAST(COALESCE(
      (
        CAST(COALESCE(checkout_conversion__den__previous, 0) AS DOUBLE) / NULLIF(SUM(COALESCE(checkout_conversion__den__previous, 0)) OVER (), 0)
      ) * (
        COALESCE(
          CAST(COALESCE(checkout_conversion__num, 0) AS DOUBLE) / NULLIF(COALESCE(checkout_conversion__den, 0), 0),
          CAST(COALESCE(checkout_conversion__num__previous, 0) AS DOUBLE) / NULLIF(COALESCE(checkout_conversion__den__previous, 0), 0),
          0
        ) - COALESCE(
          CAST(COALESCE(checkout_conversion__num__previous, 0) AS DOUBLE) / NULLIF(COALESCE(checkout_conversion__den__previous, 0), 0),
          CAST(COALESCE(checkout_conversion__num, 0) AS DOUBLE) / NULLIF(COALESCE(checkout_conversion__den, 0), 0),
          0
        )
      ),
      0
    ) + COALESCE(
      (
        (
          CAST(COALESCE(checkout_conversion__den, 0) AS DOUBLE) / NULLIF(SUM(COALESCE(checkout_conversion__den, 0)) OVER (), 0)
        ) - (
          CAST(COALESCE(checkout_conversion__den__previous, 0) AS DOUBLE) / NULLIF(SUM(COALESCE(checkout_conversion__den__previous, 0)) OVER (), 0)
        )
      ) * (
        COALESCE(
          CAST(COALESCE(checkout_conversion__num, 0) AS DOUBLE) / NULLIF(COALESCE(checkout_conversion__den, 0), 0),
          CAST(COALESCE(checkout_conversion__num__previous, 0) AS DOUBLE) / NULLIF(COALESCE(checkout_conversion__den__previous, 0), 0),
          0
        ) - (
          CAST(SUM(COALESCE(checkout_conversion__num__previous, 0)) OVER () AS DOUBLE) / NULLIF(SUM(COALESCE(checkout_conversion__den__previous, 0)) OVER (), 0)
        )
      ),
      0
    ) AS DOUBLE) / NULLIF(
      (
        CAST(SUM(COALESCE(checkout_conversion__num, 0)) OVER () AS DOUBLE) / NULLIF(SUM(COALESCE(checkout_conversion__den, 0)) OVER (), 0)
      ) - (
        CAST(SUM(COALESCE(checkout_conversion__num__previous, 0)) OVER () AS DOUBLE) / NULLIF(SUM(COALESCE(checkout_conversion__den__previous, 0)) OVER (), 0)
      ),
      0
    ) AS share_of_change,
    (
      CAST(SUM(COALESCE(checkout_conversion__num, 0)) OVER () AS DOUBLE) / NULLIF(SUM(COALESCE(checkout_conversion__den, 0)) OVER (), 0)
    ) - (
      CAST(SUM(COALESCE(checkout_conversion__num__previous, 0)) OVER () AS DOUBLE) / NULLIF(SUM(COALESCE(checkout_conversion__den__previous, 0)) OVER (), 0)
    ) AS total_change
  FROM (
    WITH scoped_events AS NOT MATERIALIZED (
      SELECT
        t.*,
        t.region AS d_region
      FROM events AS t
    )
    SELECT
      d_region,
      MAX(checkout_conversion) FILTER(WHERE
        _window = 'current') AS checkout_conversion,
      MAX(checkout_conversion) FILTER(WHERE
        _window = 'previous') AS checkout_conversion__previous,
      MAX(checkout_conversion) FILTER(WHERE
        _window = 'current') - MAX(checkout_conversion) FILTER(WHERE
        _window = 'previous') AS checkout_conversion__change,
      CAST(MAX(checkout_conversion) FILTER(WHERE
        _window = 'current') - MAX(checkout_conversion) FILTER(WHERE
        _window = 'previous') AS DOUBLE) / NULLIF(MAX(checkout_conversion) FILTER(WHERE
        _window = 'previous'), 0) AS checkout_conversion__change_pct,
      MAX(checkout_conversion__num) FILTER(WHERE
        _window = 'current') AS checkout_conversion__num,
      MAX(checkout_conversion__num) FILTER(WHERE
        _window = 'previous') AS checkout_conversion__num__previous,
      MAX(checkout_conversion__num) FILTER(WHERE
        _window = 'current') - MAX(checkout_conversion__num) FILTER(WHERE
        _window = 'previous') AS checkout_conversion__num__change,
      CAST(MAX(checkout_conversion__num) FILTER(WHERE
        _window = 'current') - MAX(checkout_conversion__num) FILTER(WHERE
        _window = 'previous') AS DOUBLE) / NULLIF(MAX(checkout_conversion__num) FILTER(WHERE
        _window = 'previous'), 0) AS checkout_conversion__num__change_pct,
      MAX(checkout_conversion__den) FILTER(WHERE
        _window = 'current') AS checkout_conversion__den,
      MAX(checkout_conversion__den) FILTER(WHERE
        _window = 'previous') AS checkout_conversion__den__previous,
      MAX(checkout_conversion__den) FILTER(WHERE
        _window = 'current') - MAX(checkout_conversion__den) FILTER(WHERE
        _window = 'previous') AS checkout_conversion__den__change,
      CAST(MAX(checkout_conversion__den) FILTER(WHERE
        _window = 'current') - MAX(checkout_conversion__den) FILTER(WHERE
        _window = 'previous') AS DOUBLE) / NULLIF(MAX(checkout_conversion__den) FILTER(WHERE
        _window = 'previous'), 0) AS checkout_conversion__den__change_pct
    FROM (
      SELECT
        d_region,
        _window,
        CAST(c_checkout_conversion__num AS DOUBLE) / NULLIF(c_checkout_conversion__den, 0) AS checkout_conversion,
        c_checkout_conversion__num AS checkout_conversion__num,
        c_checkout_conversion__den AS checkout_conversion__den
      FROM (
        SELECT
          d_region,
          _window,
          MAX(c_checkout_conversion__num) AS c_checkout_conversion__num,
          MAX(c_checkout_conversion__den) AS c_checkout_conversion__den
        FROM (
          SELECT
            d_region,
            _window,
            c_checkout_conversion__num,
            c_checkout_conversion__den
          FROM (
            SELECT
              segment.d_region AS d_region,
              'current' AS _window,
              COUNT(*) FILTER(WHERE
                reached >= 2) AS c_checkout_conversion__num,
              COUNT(*) AS c_checkout_conversion__den
            FROM (
              WITH e AS (
                SELECT
                  session_id,
                  ts,
                  LIST_POSITION(['checkout', 'payment'], touchpoint) AS step,
                  {'d_region': d_region} AS segment
                FROM scoped_events
                WHERE
                  touchpoint IN ('checkout', 'payment')
                  AND ts >= CAST('2026-11-16 00:00:00' AS TIMESTAMP)
                  AND ts < (
                    CAST('2026-11-23 00:00:00' AS TIMESTAMP) + INTERVAL 1 DAY
                  )
              ), entry AS (
                SELECT
                  session_id,
                  MIN(ts) AS t1,
                  ARG_MIN(segment, ts) AS segment
                FROM e
                WHERE
                  step = 1
                  AND (
                    ts >= CAST('2026-11-16 00:00:00' AS TIMESTAMP)
                    AND ts < CAST('2026-11-23 00:00:00' AS TIMESTAMP)
                  )
                GROUP BY
                  session_id
              )
              SELECT
                session_id,
                t1,
                segment,
                r.reached AS reached,
                r."at" AS "at"
              FROM (
                SELECT
                  x.session_id,
                  x.t1,
                  x.segment,
                  LIST_REDUCE(
                    LIST_SORT(ARRAY_AGG({'ts': e.ts, 'step': e.step})),
                    LAMBDA acc, ev : CASE
                      WHEN (
                        ev.step
                      ) = (
                        (
                          acc.reached
                        ) + 1
                      ) AND (
                        ev.ts
                      ) > (
                        acc."at"
                      )
                      THEN {'reached': (
                        acc.reached
                      ) + 1, 'at': ev.ts}
                      ELSE acc
                    END,
                    {'reached': 0, 'at': CAST('1970-01-01 00:00:00' AS TIMESTAMP)}
                  ) AS r
                FROM entry AS x
                JOIN e
                  ON e.session_id = x.session_id
                  AND e.ts >= x.t1
                  AND e.ts <= (
                    x.t1 + INTERVAL 1 DAY
                  )
                GROUP BY
                  x.session_id,
                  x.t1,
                  x.segment
              ) AS f
            ) AS j
            GROUP BY
              segment.d_region,
              'current'
          )
          UNION ALL
          SELECT
            d_region,
            _window,
            c_checkout_conversion__num,
            c_checkout_conversion__den
          FROM (
            SELECT
              segment.d_region AS d_region,
              'previous' AS _window,
              COUNT(*) FILTER(WHERE
                reached >= 2) AS c_checkout_conversion__num,
              COUNT(*) AS c_checkout_conversion__den
            FROM (
              WITH e AS (
                SELECT
                  session_id,
                  ts,
                  LIST_POSITION(['checkout', 'payment'], touchpoint) AS step,
                  {'d_region': d_region} AS segment
                FROM scoped_events
                WHERE
                  touchpoint IN ('checkout', 'payment')
                  AND ts >= CAST('2026-11-09 00:00:00' AS TIMESTAMP)
                  AND ts < (
                    CAST('2026-11-16 00:00:00' AS TIMESTAMP) + INTERVAL 1 DAY
                  )
              ), entry AS (
                SELECT
                  session_id,
                  MIN(ts) AS t1,
                  ARG_MIN(segment, ts) AS segment
                FROM e
                WHERE
                  step = 1
                  AND (
                    ts >= CAST('2026-11-09 00:00:00' AS TIMESTAMP)
                    AND ts < CAST('2026-11-16 00:00:00' AS TIMESTAMP)
                  )
                GROUP BY
                  session_id
              )
              SELECT
                session_id,
                t1,
                segment,
                r.reached AS reached,
                r."at" AS "at"
              FROM (
                SELECT
                  x.session_id,
                  x.t1,
                  x.segment,
                  LIST_REDUCE(
                    LIST_SORT(ARRAY_AGG({'ts': e.ts, 'step': e.step})),
                    LAMBDA acc, ev : CASE
                      WHEN (
                        ev.step
                      ) = (
                        (
                          acc.reached
                        ) + 1
                      ) AND (
                        ev.ts
                      ) > (
                        acc."at"
                      )
                      THEN {'reached': (
                        acc.reached
                      ) + 1, 'at': ev.ts}
                      ELSE acc
                    END,
                    {'reached': 0, 'at': CAST('1970-01-01 00:00:00' AS TIMESTAMP)}
                  ) AS r
                FROM entry AS x
                JOIN e
                  ON e.session_id = x.session_id
                  AND e.ts >= x.t1
                  AND e.ts <= (
                    x.t1 + INTERVAL 1 DAY
                  )
                GROUP BY
                  x.session_id,
                  x.t1,
                  x.segment
              ) AS f
            ) AS j
            GROUP BY
              segment.d_region,
              'previous'
          )
        ) AS u
        GROUP BY
          d_region,
          _window
      ) AS v
    ) AS p
    GROUP BY
      d_region
    ORDER BY
      checkout_conversion DESC,
      d_region NULLS FIRST
  ) AS s
) AS d
ORDER BY
  contribution * SIGN(total_change) DESC,
  dimension NULLS FIRST,
  segment NULLS FIRST
LIMIT 10
