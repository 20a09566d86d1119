-- What users do after the product page, last week (2026-11-16 .. 2026-11-22).
-- DESIGN.md "Paths": per user, events in time order, sessions split at gaps over 30 minutes,
-- consecutive repeats collapsed; "after X" = the next touchpoint in the same session for each
-- (collapsed) occurrence of X, "(exit)" when the session ends there. Ties in time are ordered by
-- touchpoint. Top 10 by occurrences, with distinct users and the share of occurrences.
-- Shape: one window pass. A collapsed occurrence of X is the last event of a run of X inside a
-- session; what follows it is the next event if that is in the same session (gap <= 30 min).
WITH ev AS (
  SELECT user_id, ts, touchpoint,
         lead(ts) OVER w AS next_ts,
         lead(touchpoint) OVER w AS next_tp
  FROM events
  WHERE ts >= TIMESTAMP '2026-11-16' AND ts < TIMESTAMP '2026-11-23'
  WINDOW w AS (PARTITION BY user_id ORDER BY ts, touchpoint)
), occurrences AS (
  SELECT user_id,
         CASE WHEN next_ts - ts <= INTERVAL 30 MINUTE THEN next_tp ELSE '(exit)' END AS touchpoint
  FROM ev
  WHERE touchpoint = 'product_page'
    AND (next_tp IS DISTINCT FROM 'product_page' OR next_ts - ts > INTERVAL 30 MINUTE)
)
SELECT touchpoint,
       count(*) AS occurrences,
       count(DISTINCT user_id) AS users,
       count(*) / sum(count(*)) OVER () AS share
FROM occurrences
GROUP BY touchpoint
ORDER BY occurrences DESC, touchpoint
LIMIT 10
