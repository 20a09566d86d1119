-- The most common 3-step paths after checkout, last week (2026-11-16 .. 2026-11-22): for each
-- collapsed occurrence of checkout in a session, checkout and the next two collapsed steps of the
-- same session (fewer when the session ends). Sessions and collapsing as in DESIGN.md "Paths"
-- (30-minute gaps, consecutive repeats collapsed, ties in time ordered by touchpoint).
-- Top 10 by occurrences, with distinct users and the share of occurrences.
-- Shape: only users with a checkout in the range are windowed; repeats are dropped before the
-- running session number; one more window pass reads the next two steps.
WITH marked AS (
  SELECT user_id, ts, touchpoint,
         coalesce(ts - lag(ts) OVER w > INTERVAL 30 MINUTE, TRUE) AS new_session,
         lag(touchpoint) OVER w AS before_tp
  FROM events
  WHERE ts >= TIMESTAMP '2026-11-16' AND ts < TIMESTAMP '2026-11-23'
    AND user_id IN (SELECT user_id FROM events
                    WHERE touchpoint = 'checkout'
                      AND ts >= TIMESTAMP '2026-11-16' AND ts < TIMESTAMP '2026-11-23')
  WINDOW w AS (PARTITION BY user_id ORDER BY ts, touchpoint)
), steps AS (
  SELECT user_id, ts, touchpoint,
         sum(new_session::INT) OVER (PARTITION BY user_id ORDER BY ts, touchpoint
                                     ROWS UNBOUNDED PRECEDING) AS session_no
  FROM marked
  WHERE new_session OR touchpoint IS DISTINCT FROM before_tp
), paths AS (
  SELECT user_id, touchpoint,
         concat_ws(' → ', touchpoint, lead(touchpoint, 1) OVER s, lead(touchpoint, 2) OVER s) AS path
  FROM steps
  WINDOW s AS (PARTITION BY user_id, session_no ORDER BY ts, touchpoint)
)
SELECT path,
       count(*) AS occurrences,
       count(DISTINCT user_id) AS users,
       count(*) / sum(count(*)) OVER () AS share
FROM paths
WHERE touchpoint = 'checkout'
GROUP BY path
ORDER BY occurrences DESC, path
LIMIT 10
