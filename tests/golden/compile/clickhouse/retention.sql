WITH scoped_events AS (
  SELECT
    t.*
  FROM events AS t
  LEFT JOIN users AS j_users
    ON t.user_id = j_users.user_id
  WHERE
    j_users.acquisition_channel = 'mini_program'
), first AS (
  SELECT
    user_id AS user_id,
    MIN(ts) AS first_ts
  FROM scoped_events
  WHERE
    TRUE
  GROUP BY
    user_id
  HAVING
    toDateTime64(dateTrunc('MONTH', MIN(ts)), 6) >= CAST('2026-07-01 00:00:00' AS Nullable(DateTime))
    AND toDateTime64(dateTrunc('MONTH', MIN(ts)), 6) < CAST('2026-10-01 00:00:00' AS Nullable(DateTime))
), members AS (
  SELECT
    user_id,
    toDateTime64(dateTrunc('MONTH', f.first_ts), 6) AS cohort
  FROM first AS f
), activity AS (
  SELECT DISTINCT
    user_id AS user_id,
    toDateTime64(dateTrunc('MONTH', ts), 6) AS period
  FROM scoped_events
  WHERE
    ts >= CAST('2026-07-01 00:00:00' AS Nullable(DateTime))
    AND ts < CAST('2026-11-23 00:00:00' AS Nullable(DateTime))
), sizes AS (
  SELECT
    cohort,
    COUNT(*) AS cohort_size
  FROM members
  GROUP BY
    cohort
)
SELECT
  g.cohort AS cohort,
  g.cohort_size AS cohort_size,
  g.period AS period,
  COALESCE(r.retained, 0) AS retained,
  CAST(COALESCE(r.retained, 0) AS Nullable(Float64)) / nullIf(g.cohort_size, 0) AS rate
FROM (
  SELECT
    z.cohort AS cohort,
    z.cohort_size AS cohort_size,
    o.k AS period
  FROM sizes AS z
  CROSS JOIN (
    SELECT
      arrayJoin(range(4)) AS k
  ) AS o
) AS g
LEFT JOIN (
  SELECT
    m.cohort AS cohort,
    dateDiff('month', m.cohort, a.period) AS period,
    COUNT(*) AS retained
  FROM members AS m
  JOIN activity AS a
    ON a.user_id = m.user_id AND a.period >= m.cohort
  GROUP BY
    m.cohort,
    dateDiff('month', m.cohort, a.period)
) AS r
  ON r.cohort = g.cohort AND r.period = g.period
WHERE
  DATE_ADD(MONTH, g.period, g.cohort) < CAST('2026-11-23 00:00:00' AS Nullable(DateTime))
ORDER BY
  g.cohort,
  g.period
