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
    DATE_TRUNC('MONTH', MIN(ts)) >= CAST('2026-07-01 00:00:00' AS TIMESTAMP)
    AND DATE_TRUNC('MONTH', MIN(ts)) < CAST('2026-10-01 00:00:00' AS TIMESTAMP)
), members AS (
  SELECT
    user_id,
    DATE_TRUNC('MONTH', f.first_ts) AS cohort
  FROM first AS f
), activity AS (
  SELECT DISTINCT
    user_id AS user_id,
    DATE_TRUNC('MONTH', ts) AS period
  FROM scoped_events
  WHERE
    ts >= CAST('2026-07-01 00:00:00' AS TIMESTAMP)
    AND ts < CAST('2026-11-23 00:00:00' AS TIMESTAMP)
), sizes AS (
  SELECT
    cohort,
    COUNT(*) AS cohort_size
  FROM members
  GROUP BY
    cohort
)
SELECT
  g.cohort,
  g.cohort_size,
  g.period,
  COALESCE(r.retained, 0) AS retained,
  CAST(COALESCE(r.retained, 0) AS DOUBLE) / NULLIF(g.cohort_size, 0) AS rate
FROM (
  SELECT
    z.cohort,
    z.cohort_size,
    o.k AS period
  FROM sizes AS z
  LATERAL VIEW
  EXPLODE(SEQUENCE(0, 3)) o AS k
) AS g
LEFT JOIN (
  SELECT
    m.cohort,
    DATEDIFF(MONTH, m.cohort, a.period) AS period,
    COUNT(*) AS retained
  FROM members AS m
  JOIN activity AS a
    ON a.user_id = m.user_id AND a.period >= m.cohort
  GROUP BY
    m.cohort,
    DATEDIFF(MONTH, m.cohort, a.period)
) AS r
  ON r.cohort = g.cohort AND r.period = g.period
WHERE
  ADD_MONTHS(g.cohort, g.period) < CAST('2026-11-23 00:00:00' AS TIMESTAMP)
ORDER BY
  g.cohort,
  g.period
