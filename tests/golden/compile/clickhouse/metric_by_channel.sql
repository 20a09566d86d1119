SELECT
  d_channel,
  CAST(a_purchasers AS Nullable(Float64)) / nullIf(a_users, 0) AS conversion_rate,
  a_purchasers AS conversion_rate__num,
  a_users AS conversion_rate__den
FROM (
  SELECT
    d_channel,
    COUNT(*) FILTER(WHERE
      f_purchasers) AS a_purchasers,
    COUNT(*) FILTER(WHERE
      f_users) AS a_users
  FROM (
    SELECT
      t.user_id AS _entity,
      argMin(t.channel, t.ts) AS d_channel,
      COALESCE(MAX(t.touchpoint = 'payment'), FALSE) AS f_purchasers,
      COALESCE(TRUE, FALSE) AS f_users
    FROM events AS t
    WHERE
      t.ts >= CAST('2026-11-01 00:00:00' AS Nullable(DateTime))
      AND t.ts < CAST('2026-11-23 00:00:00' AS Nullable(DateTime))
    GROUP BY
      t.user_id
  ) AS u
  GROUP BY
    d_channel
) AS v
ORDER BY
  conversion_rate DESC,
  d_channel NULLS FIRST
