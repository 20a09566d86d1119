-- Markov transition counts for data-driven attribution of last month's purchases to channels
-- (DESIGN.md "Attribution", data-driven = Markov removal effect; the removal effect itself is
-- computed in Python from these counts). Paths: each conversion's touches (as in attribution.sql)
-- then "(conversion)"; for users with no purchase last month, their events of last month then
-- "(null)". Consecutive repeats of a channel are one state; every path starts at "(start)".
-- Shape: one window pass per path kind. After collapsing repeats, the state before a run is the
-- raw previous event's channel, so an edge into a state needs only lag(); the exit edge is the
-- path's last event.
WITH conversions AS (
  SELECT event_id AS conversion_id, user_id, ts AS conv_ts
  FROM events
  WHERE touchpoint = 'payment' AND ts >= TIMESTAMP '2026-10-01' AND ts < TIMESTAMP '2026-11-01'
), prior_events AS (
  SELECT user_id, ts, channel, event_id
  FROM events
  WHERE ts >= TIMESTAMP '2026-10-01' - INTERVAL 30 DAY AND ts < TIMESTAMP '2026-11-01'
), steps AS (
  SELECT t.channel AS key, '(conversion)' AS outcome,
         lag(t.channel) OVER p AS prev_key,
         lead(t.channel) OVER p IS NULL AS is_last
  FROM conversions c
  JOIN prior_events t
    ON t.user_id = c.user_id AND t.ts < c.conv_ts AND t.ts >= c.conv_ts - INTERVAL 30 DAY
  WINDOW p AS (PARTITION BY c.conversion_id ORDER BY t.ts, t.event_id)
  UNION ALL
  SELECT channel, '(null)', lag(channel) OVER p, lead(channel) OVER p IS NULL
  FROM events
  WHERE ts >= TIMESTAMP '2026-10-01' AND ts < TIMESTAMP '2026-11-01'
    AND user_id NOT IN (SELECT user_id FROM conversions)
  WINDOW p AS (PARTITION BY user_id ORDER BY ts, event_id)
), edges AS (
  SELECT coalesce(prev_key, '(start)') AS src, key AS dst FROM steps WHERE prev_key IS DISTINCT FROM key
  UNION ALL
  SELECT key, outcome FROM steps WHERE is_last
)
SELECT src, dst, count(*) AS n
FROM edges
GROUP BY src, dst
ORDER BY src, dst
