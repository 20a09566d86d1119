-- What users do right before checkout, last week (2026-11-16 .. 2026-11-22).
-- DESIGN.md "Paths" (see paths_after.sql); "before X" = the previous touchpoint in the same session
-- for each collapsed occurrence of X, "(entry)" when X starts the session.
-- Shape: only users with a checkout in the range can contribute, so only their events are
-- windowed; a collapsed occurrence is the first event of a run of X inside a session.
WITH ev AS (
  SELECT user_id, ts, touchpoint,
         lag(ts) OVER w AS prev_ts,
         lag(touchpoint) OVER w AS prev_tp
  FROM events
  WHERE ts >= TIMESTAMP '2026-11-16' AND ts < TIMESTAMP '2026-11-23'
    AND user_id IN (SELECT user_id FROM events
                    WHERE touchpoint = 'checkout'
                      AND ts >= TIMESTAMP '2026-11-16' AND ts < TIMESTAMP '2026-11-23')
  WINDOW w AS (PARTITION BY user_id ORDER BY ts, touchpoint)
), occurrences AS (
  SELECT user_id,
         CASE WHEN ts - prev_ts <= INTERVAL 30 MINUTE THEN prev_tp ELSE '(entry)' END AS touchpoint
  FROM ev
  WHERE touchpoint = 'checkout'
    AND (prev_tp IS DISTINCT FROM 'checkout' OR ts - prev_ts > INTERVAL 30 MINUTE)
)
SELECT touchpoint,
       count(*) AS occurrences,
       count(DISTINCT user_id) AS users,
       count(*) / sum(count(*)) OVER () AS share
FROM occurrences
GROUP BY touchpoint
ORDER BY occurrences DESC, touchpoint
LIMIT 10
