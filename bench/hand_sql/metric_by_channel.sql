-- Conversion rate by channel, this month (2026-11-01 .. 2026-11-22).
-- DESIGN.md "Conversion rate by channel": each user who was active in the range is assigned the
-- channel of their first touch in the range (the model's rule); rate = users who paid (a payment
-- event in the range) / active users, per channel.
SELECT channel AS d_channel,
       count(*) FILTER (WHERE purchased) / count(*) AS conversion_rate
FROM (
  SELECT arg_min(channel, ts) AS channel,
         bool_or(touchpoint = 'payment') AS purchased
  FROM events
  WHERE ts >= TIMESTAMP '2026-11-01' AND ts < TIMESTAMP '2026-11-23'
  GROUP BY user_id
)
GROUP BY channel
ORDER BY conversion_rate DESC, d_channel
