SELECT
  d_region,
  m_users AS active_users
FROM (
  SELECT
    t.region AS d_region,
    COUNT(DISTINCT t.user_id) AS m_users
  FROM events AS t
  WHERE
    t.ts >= CAST('2026-11-16 00:00:00' AS TIMESTAMP)
    AND t.ts < CAST('2026-11-23 00:00:00' AS TIMESTAMP)
  GROUP BY
    t.region
) AS v
WHERE
  NOT d_region IS NULL
ORDER BY
  active_users DESC,
  d_region NULLS FIRST
LIMIT 3
