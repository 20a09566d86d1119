-- Service metrics by region, last 4 weeks (2026-10-26 .. 2026-11-22), DESIGN.md "Service metrics":
--   first response time = median minutes from opened_ts to first_response_ts, tickets placed by opened_ts;
--   CSAT = share of CSAT scores >= 4 (of the scored answers);
--   NPS  = 100 * (share of NPS scores 9-10 - share of 0-6);
--   complaint rate = complaint tickets / distinct orders (payment events' order_id).
-- Tickets and survey answers take the region of their user (users table); orders the region of the
-- event. Tickets and feedback are joined to users once, together.
WITH service AS (
  SELECT user_id, date_diff('second', opened_ts, first_response_ts) / 60 AS response_minutes,
         is_complaint, NULL::VARCHAR AS kind, NULL::DOUBLE AS score, TRUE AS is_ticket
  FROM tickets
  WHERE opened_ts >= TIMESTAMP '2026-10-26' AND opened_ts < TIMESTAMP '2026-11-23'
  UNION ALL
  SELECT user_id, NULL, NULL, kind, score, FALSE
  FROM feedback
  WHERE ts >= TIMESTAMP '2026-10-26' AND ts < TIMESTAMP '2026-11-23'
), by_region AS (
  SELECT u.region,
         median(response_minutes) FILTER (WHERE is_ticket) AS first_response_time,
         count(*) FILTER (WHERE is_ticket AND is_complaint) AS complaints,
         count(*) FILTER (WHERE kind = 'csat' AND score >= 4) AS csat_satisfied,
         count(*) FILTER (WHERE kind = 'csat' AND score IS NOT NULL) AS csat_responses,
         count(*) FILTER (WHERE kind = 'nps' AND score >= 9) AS promoters,
         count(*) FILTER (WHERE kind = 'nps' AND score <= 6) AS detractors,
         count(*) FILTER (WHERE kind = 'nps' AND score IS NOT NULL) AS nps_responses
  FROM service LEFT JOIN users u USING (user_id)
  GROUP BY u.region
), orders AS (
  SELECT region, count(DISTINCT order_id) AS orders
  FROM events
  WHERE touchpoint = 'payment' AND ts >= TIMESTAMP '2026-10-26' AND ts < TIMESTAMP '2026-11-23'
  GROUP BY region
)
SELECT coalesce(s.region, o.region) AS d_region,
       s.first_response_time,
       s.csat_satisfied / NULLIF(s.csat_responses, 0) AS csat,
       100 * (s.promoters - s.detractors) / NULLIF(s.nps_responses, 0) AS nps,
       s.complaints / NULLIF(o.orders, 0) AS complaint_rate
FROM by_region s FULL JOIN orders o ON s.region IS NOT DISTINCT FROM o.region
ORDER BY first_response_time DESC, d_region
