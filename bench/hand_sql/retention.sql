-- Monthly retention of users acquired on the mini program, cohorts of last quarter
-- (2026-07, 2026-08, 2026-09), offsets 0..3 months.
-- DESIGN.md "Retention": a user's cohort is the month of their first event (ever, so returning
-- users are not new); retained at offset k if they have any event in month cohort + k;
-- rate = retained_k / cohort size. Offsets whose month has not started by today (2026-11-23) are
-- left out. The filter acquisition_channel = 'mini_program' is a users attribute.
WITH ev AS (
  SELECT e.user_id, e.ts
  FROM events e JOIN users u ON u.user_id = e.user_id
  WHERE u.acquisition_channel = 'mini_program'
), members AS (
  SELECT user_id, date_trunc('month', min(ts)) AS cohort
  FROM ev
  GROUP BY user_id
  HAVING cohort >= TIMESTAMP '2026-07-01' AND cohort < TIMESTAMP '2026-10-01'
), activity AS (
  SELECT DISTINCT user_id, date_trunc('month', ts) AS month
  FROM ev
  WHERE ts >= TIMESTAMP '2026-07-01' AND ts < TIMESTAMP '2026-11-23'
), retained AS (
  SELECT m.cohort, date_diff('month', m.cohort, a.month) AS period, count(*) AS retained
  FROM members m JOIN activity a USING (user_id)
  GROUP BY ALL
), sizes AS (
  SELECT cohort, count(*) AS cohort_size FROM members GROUP BY cohort
)
SELECT s.cohort, s.cohort_size, o.k AS period,
       coalesce(r.retained, 0) AS retained,
       coalesce(r.retained, 0) / s.cohort_size AS rate
FROM sizes s
CROSS JOIN range(4) AS o(k)
LEFT JOIN retained r ON r.cohort = s.cohort AND r.period = o.k
WHERE s.cohort + to_months(o.k) < TIMESTAMP '2026-11-23'
ORDER BY s.cohort, period
