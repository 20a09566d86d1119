-- Funnel of the purchase journey, last week (2026-11-16 .. 2026-11-22), window 7 days.
-- DESIGN.md "Funnel": entrants are users whose first ad_click in the range starts the funnel; a
-- user reaches step k if they did steps 1..k in order, each strictly after the previous one,
-- within 7 days of step 1 (earliest match at each step; later steps may fall after the range).
-- Output per step: reached, conversion (reached_k / reached_1), step conversion
-- (reached_k / reached_k-1), lost (reached_k - reached_k+1) and lost rate (lost_k / reached_k).
-- Shape: journey events of the range + window, each entrant's events folded in time order with
-- list_reduce (advance one step when the next step comes strictly later), then the step counts as
-- filtered counts of one aggregate.
WITH e AS (
  SELECT user_id, ts,
         list_position(['ad_click', 'landing_page', 'product_page', 'add_to_cart', 'checkout', 'payment'],
                       touchpoint) AS step
  FROM events
  WHERE touchpoint IN ('ad_click', 'landing_page', 'product_page', 'add_to_cart', 'checkout', 'payment')
    AND ts >= TIMESTAMP '2026-11-16' AND ts < TIMESTAMP '2026-11-23' + INTERVAL 7 DAY
), entry AS (
  SELECT user_id, min(ts) AS t1
  FROM e
  WHERE step = 1 AND ts < TIMESTAMP '2026-11-23'
  GROUP BY user_id
), per_user AS (
  SELECT list_reduce(
           list_sort(list({'ts': e.ts, 'step': e.step})),
           lambda acc, ev: CASE WHEN ev.step = acc.reached + 1 AND ev.ts > acc.at
                                THEN {'reached': acc.reached + 1, 'at': ev.ts} ELSE acc END,
           {'reached': 0, 'at': TIMESTAMP '1970-01-01'}).reached AS reached
  FROM entry x
  JOIN e ON e.user_id = x.user_id AND e.ts >= x.t1 AND e.ts <= x.t1 + INTERVAL 7 DAY
  GROUP BY x.user_id
), counts AS (
  SELECT unnest([1, 2, 3, 4, 5, 6]) AS step,
         unnest(['ad_click', 'landing_page', 'product_page', 'add_to_cart', 'checkout', 'payment']) AS touchpoint,
         unnest([count(*) FILTER (reached >= 1), count(*) FILTER (reached >= 2),
                 count(*) FILTER (reached >= 3), count(*) FILTER (reached >= 4),
                 count(*) FILTER (reached >= 5), count(*) FILTER (reached >= 6)]) AS reached
  FROM per_user
)
SELECT step, touchpoint, reached,
       reached / NULLIF(first_value(reached) OVER w, 0) AS conversion,
       reached / NULLIF(lag(reached) OVER w, 0) AS step_conversion,
       reached - lead(reached) OVER w AS lost,
       (reached - lead(reached) OVER w) / NULLIF(reached, 0) AS lost_rate
FROM counts
WINDOW w AS (ORDER BY step)
ORDER BY step
