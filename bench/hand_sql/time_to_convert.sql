-- Time to convert through the purchase journey, last 4 weeks (2026-10-26 .. 2026-11-22), window 7 days.
-- DESIGN.md "Time to convert": among converters (entrants who reached the last step, payment, as
-- in funnel.sql) the median, mean and p90 of t_payment - t_ad_click, in hours; with the number of
-- entrants and converters.
WITH e AS (
  SELECT user_id, ts,
         list_position(['ad_click', 'landing_page', 'product_page', 'add_to_cart', 'checkout', 'payment'],
                       touchpoint) AS step
  FROM events
  WHERE touchpoint IN ('ad_click', 'landing_page', 'product_page', 'add_to_cart', 'checkout', 'payment')
    AND ts >= TIMESTAMP '2026-10-26' AND ts < TIMESTAMP '2026-11-23' + INTERVAL 7 DAY
), entry AS (
  SELECT user_id, min(ts) AS t1
  FROM e
  WHERE step = 1 AND ts < TIMESTAMP '2026-11-23'
  GROUP BY user_id
), per_user AS (
  SELECT any_value(x.t1) AS t1,
         list_reduce(
           list_sort(list({'ts': e.ts, 'step': e.step})),
           lambda acc, ev: CASE WHEN ev.step = acc.reached + 1 AND ev.ts > acc.at
                                THEN {'reached': acc.reached + 1, 'at': ev.ts} ELSE acc END,
           {'reached': 0, 'at': TIMESTAMP '1970-01-01'}) AS r
  FROM entry x
  JOIN e ON e.user_id = x.user_id AND e.ts >= x.t1 AND e.ts <= x.t1 + INTERVAL 7 DAY
  GROUP BY x.user_id
)
SELECT count(*) AS entrants,
       count(*) FILTER (r.reached = 6) AS converters,
       median(date_diff('second', t1, r.at) / 3600.0) FILTER (r.reached = 6) AS median_hours,
       avg(date_diff('second', t1, r.at) / 3600.0) FILTER (r.reached = 6) AS mean_hours,
       quantile_cont(date_diff('second', t1, r.at) / 3600.0, 0.9) FILTER (r.reached = 6) AS p90_hours
FROM per_user
