-- Attribution of last month's purchases (payments 2026-10-01 .. 2026-10-31) to channels, all rule
-- models. DESIGN.md "Attribution": a conversion's touches are the same user's events in the 30 days
-- before it (strictly earlier, so the conversion itself is never a touch), in time order (ties by
-- event id). Per touch: first touch 1 to the first, last touch 1 to the last, linear 1/n, time
-- decay 2^(-age_days/7) normalised per conversion, position-based 40/20/40 (n = 1: 1; n = 2:
-- 0.5 each). A conversion without touches goes whole to "(no prior touch)". Each model's credits
-- sum to the number of conversions.
WITH conversions AS (
  SELECT event_id AS conversion_id, user_id, ts AS conv_ts
  FROM events
  WHERE touchpoint = 'payment' AND ts >= TIMESTAMP '2026-10-01' AND ts < TIMESTAMP '2026-11-01'
), prior_events AS (
  SELECT user_id, ts, channel, event_id
  FROM events
  WHERE ts >= TIMESTAMP '2026-10-01' - INTERVAL 30 DAY AND ts < TIMESTAMP '2026-11-01'
), touches AS (
  SELECT coalesce(t.channel, '(no prior touch)') AS key,
         row_number() OVER (PARTITION BY c.conversion_id ORDER BY t.ts, t.event_id) AS pos,
         count(t.ts) OVER (PARTITION BY c.conversion_id) AS n,
         pow(2, -date_diff('second', t.ts, c.conv_ts) / 86400 / 7)
           / sum(pow(2, -date_diff('second', t.ts, c.conv_ts) / 86400 / 7))
               OVER (PARTITION BY c.conversion_id) AS decay_share
  FROM conversions c
  LEFT JOIN prior_events t
    ON t.user_id = c.user_id AND t.ts < c.conv_ts AND t.ts >= c.conv_ts - INTERVAL 30 DAY
)
SELECT key,
       sum(CASE WHEN n = 0 OR pos = 1 THEN 1 ELSE 0 END) AS first_touch,
       sum(CASE WHEN n = 0 OR pos = n THEN 1 ELSE 0 END) AS last_touch,
       sum(CASE WHEN n = 0 THEN 1 ELSE 1 / n END) AS linear,
       sum(CASE WHEN n = 0 THEN 1 ELSE decay_share END) AS time_decay,
       sum(CASE WHEN n <= 1 THEN 1 WHEN n = 2 THEN 0.5
                WHEN pos = 1 OR pos = n THEN 0.4 ELSE 0.2 / (n - 2) END) AS position_based
FROM touches
GROUP BY key
ORDER BY first_touch DESC, key
