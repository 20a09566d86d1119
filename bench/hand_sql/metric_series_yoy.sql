-- Weekly revenue, last 4 weeks (2026-10-26 .. 2026-11-22), against the same period last year
-- (2025-10-26 .. 2025-11-22, DESIGN.md "Comparisons": 同比). Revenue = sum of payment revenue.
-- Last year's rows are moved 365 days forward so both series share the week axis (Monday weeks);
-- per week: revenue, last year's, the change and the relative change.
SELECT period,
       cur AS revenue,
       prev AS revenue__previous,
       cur - prev AS revenue__change,
       (cur - prev) / NULLIF(prev, 0) AS revenue__change_pct
FROM (
  SELECT date_trunc('week', CASE WHEN ts >= TIMESTAMP '2026-10-26' THEN ts
                                 ELSE ts + INTERVAL 365 DAY END) AS period,
         sum(revenue) FILTER (WHERE ts >= TIMESTAMP '2026-10-26') AS cur,
         sum(revenue) FILTER (WHERE ts < TIMESTAMP '2026-10-26') AS prev
  FROM events
  WHERE touchpoint = 'payment'
    AND (ts >= TIMESTAMP '2026-10-26' AND ts < TIMESTAMP '2026-11-23'
         OR ts >= TIMESTAMP '2025-10-26' AND ts < TIMESTAMP '2025-11-23')
  GROUP BY period
)
ORDER BY period
