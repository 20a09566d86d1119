-- Why did checkout conversion change last week? Drivers over channel, device and region:
-- last week (2026-11-16 .. 2026-11-22) against the week before (2026-11-09 .. 2026-11-15).
-- checkout_conversion (the model): share of sessions whose first checkout in the period is
-- followed by a payment in the same session strictly later and within 1 day. Each entering
-- session belongs to the channel / device / region of that first checkout.
-- DESIGN.md "Drivers": for a rate R = N / D with segment weights w = D_s / D and rates r = N_s / D_s,
-- a segment's contribution = rate effect w0 (r1 - r0) + mix effect (w1 - w0)(r1 - R0), which sum
-- over a dimension's segments to R1 - R0 (a segment missing in one period takes its other
-- period's rate). Top 10 segments by how much they pushed the rate the way it moved.
-- Segments under 30 entrants and under 5% of their dimension, and dimensions with one value, are
-- left out and counted (the last two columns); on the demo data none is, so they are 0 here (a
-- left-out segment would show as a differing row).
-- Shape: one scan for both periods, one aggregate for all three dimensions (GROUPING SETS).
WITH e AS (
  SELECT session_id, ts, touchpoint, channel, device, region,
         CASE WHEN ts >= TIMESTAMP '2026-11-16' THEN 'current' ELSE 'previous' END AS period
  FROM events
  WHERE touchpoint IN ('checkout', 'payment')
    AND ts >= TIMESTAMP '2026-11-09' AND ts < TIMESTAMP '2026-11-23' + INTERVAL 1 DAY
), entry AS (
  SELECT session_id, period, min(ts) AS t1,
         arg_min({'channel': channel, 'device': device, 'region': region}, ts) AS seg
  FROM e
  WHERE touchpoint = 'checkout' AND ts < TIMESTAMP '2026-11-23'
  GROUP BY session_id, period
), entrants AS (
  SELECT x.period, any_value(x.seg) AS seg, count(p.ts) > 0 AS converted
  FROM entry x
  LEFT JOIN e p ON p.session_id = x.session_id AND p.touchpoint = 'payment'
               AND p.ts > x.t1 AND p.ts <= x.t1 + INTERVAL 1 DAY
  GROUP BY x.session_id, x.period
), segments AS (
  SELECT CASE WHEN grouping(seg.channel) = 0 THEN 'channel'
              WHEN grouping(seg.device) = 0 THEN 'device' ELSE 'region' END AS dimension,
         coalesce(CASE WHEN grouping(seg.channel) = 0 THEN seg.channel
                       WHEN grouping(seg.device) = 0 THEN seg.device ELSE seg.region END, '(none)') AS segment,
         count(*) FILTER (WHERE period = 'current' AND converted) AS n1,
         count(*) FILTER (WHERE period = 'current') AS d1,
         count(*) FILTER (WHERE period = 'previous' AND converted) AS n0,
         count(*) FILTER (WHERE period = 'previous') AS d0
  FROM entrants
  GROUP BY GROUPING SETS ((seg.channel), (seg.device), (seg.region))
), rates AS (
  SELECT dimension, segment,
         n1 / NULLIF(d1, 0) AS r1, n0 / NULLIF(d0, 0) AS r0,
         d1 / NULLIF(sum(d1) OVER dim, 0) AS w1, d0 / NULLIF(sum(d0) OVER dim, 0) AS w0,
         sum(n1) OVER dim / NULLIF(sum(d1) OVER dim, 0) AS big_r1,
         sum(n0) OVER dim / NULLIF(sum(d0) OVER dim, 0) AS big_r0
  FROM segments
  WINDOW dim AS (PARTITION BY dimension)
), effects AS (
  SELECT *,
         coalesce(w0 * (coalesce(r1, r0, 0) - coalesce(r0, r1, 0)), 0) AS rate_effect,
         coalesce((w1 - w0) * (coalesce(r1, r0, 0) - big_r0), 0) AS mix_effect
  FROM rates
)
SELECT dimension, segment, r1 AS value, r0 AS value_previous, r1 - r0 AS change,
       rate_effect + mix_effect AS contribution, rate_effect, mix_effect,
       (rate_effect + mix_effect) / NULLIF(big_r1 - big_r0, 0) AS share_of_change,
       0 AS segments_left_out, 0 AS dimensions_left_out
FROM effects
ORDER BY contribution * sign(big_r1 - big_r0) DESC, dimension, segment
LIMIT 10
