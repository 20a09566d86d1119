WITH lookup_users AS (
  SELECT
    *
  FROM users
  WHERE
    user_id IN (
      SELECT
        user_id
      FROM tickets
      WHERE
        opened_ts >= CAST('2026-10-26 00:00:00' AS TIMESTAMP)
        AND opened_ts < CAST('2026-11-23 00:00:00' AS TIMESTAMP)
      UNION ALL
      SELECT
        user_id
      FROM feedback
      WHERE
        ts >= CAST('2026-10-26 00:00:00' AS TIMESTAMP)
        AND ts < CAST('2026-11-23 00:00:00' AS TIMESTAMP)
    )
)
SELECT
  d_region,
  m_first_response_minutes AS first_response_time,
  CAST(m_csat_satisfied AS DOUBLE) / NULLIF(m_csat_responses, 0) AS csat,
  (
    100.0 * (
      CAST(m_nps_promoters AS DOUBLE) / NULLIF(m_nps_responses, 0) - CAST(m_nps_detractors AS DOUBLE) / NULLIF(m_nps_responses, 0)
    )
  ) AS nps,
  CAST(m_complaint_tickets AS DOUBLE) / NULLIF(m_orders, 0) AS complaint_rate,
  m_csat_satisfied AS csat__num,
  m_csat_responses AS csat__den,
  m_complaint_tickets AS complaint_rate__num,
  m_orders AS complaint_rate__den
FROM (
  SELECT
    d_region,
    MAX(m_first_response_minutes) AS m_first_response_minutes,
    COALESCE(MAX(m_complaint_tickets), 0) AS m_complaint_tickets,
    COALESCE(MAX(m_csat_satisfied), 0) AS m_csat_satisfied,
    COALESCE(MAX(m_csat_responses), 0) AS m_csat_responses,
    COALESCE(MAX(m_nps_promoters), 0) AS m_nps_promoters,
    COALESCE(MAX(m_nps_responses), 0) AS m_nps_responses,
    COALESCE(MAX(m_nps_detractors), 0) AS m_nps_detractors,
    COALESCE(MAX(m_orders), 0) AS m_orders
  FROM (
    SELECT
      d_region,
      m_first_response_minutes,
      m_complaint_tickets,
      NULL AS m_csat_satisfied,
      NULL AS m_csat_responses,
      NULL AS m_nps_promoters,
      NULL AS m_nps_responses,
      NULL AS m_nps_detractors,
      NULL AS m_orders
    FROM (
      SELECT
        j_users.region AS d_region,
        PERCENTILE(
          CAST(DATEDIFF(MILLISECOND, t.opened_ts, t.first_response_ts) AS DOUBLE) / 60000,
          0.5
        ) AS m_first_response_minutes,
        COUNT(*) FILTER(WHERE
          t.is_complaint = TRUE) AS m_complaint_tickets
      FROM tickets AS t
      LEFT JOIN lookup_users AS j_users
        ON t.user_id = j_users.user_id
      WHERE
        t.opened_ts >= CAST('2026-10-26 00:00:00' AS TIMESTAMP)
        AND t.opened_ts < CAST('2026-11-23 00:00:00' AS TIMESTAMP)
      GROUP BY
        j_users.region
    )
    UNION ALL
    SELECT
      d_region,
      NULL AS m_first_response_minutes,
      NULL AS m_complaint_tickets,
      m_csat_satisfied,
      m_csat_responses,
      m_nps_promoters,
      m_nps_responses,
      m_nps_detractors,
      NULL AS m_orders
    FROM (
      SELECT
        j_users.region AS d_region,
        COUNT(*) FILTER(WHERE
          t.kind = 'csat' AND t.score >= 4) AS m_csat_satisfied,
        COUNT(*) FILTER(WHERE
          t.kind = 'csat' AND NOT t.score IS NULL) AS m_csat_responses,
        COUNT(*) FILTER(WHERE
          t.kind = 'nps' AND t.score >= 9) AS m_nps_promoters,
        COUNT(*) FILTER(WHERE
          t.kind = 'nps' AND NOT t.score IS NULL) AS m_nps_responses,
        COUNT(*) FILTER(WHERE
          t.kind = 'nps' AND t.score <= 6) AS m_nps_detractors
      FROM feedback AS t
      LEFT JOIN lookup_users AS j_users
        ON t.user_id = j_users.user_id
      WHERE
        (
          t.ts >= CAST('2026-10-26 00:00:00' AS TIMESTAMP)
          AND t.ts < CAST('2026-11-23 00:00:00' AS TIMESTAMP)
        )
        AND (
          (
            t.kind = 'csat' AND t.score >= 4
          )
          OR (
            t.kind = 'csat' AND NOT t.score IS NULL
          )
          OR (
            t.kind = 'nps' AND t.score >= 9
          )
          OR (
            t.kind = 'nps' AND NOT t.score IS NULL
          )
          OR (
            t.kind = 'nps' AND t.score <= 6
          )
        )
      GROUP BY
        j_users.region
    )
    UNION ALL
    SELECT
      d_region,
      NULL AS m_first_response_minutes,
      NULL AS m_complaint_tickets,
      NULL AS m_csat_satisfied,
      NULL AS m_csat_responses,
      NULL AS m_nps_promoters,
      NULL AS m_nps_responses,
      NULL AS m_nps_detractors,
      m_orders
    FROM (
      SELECT
        t.region AS d_region,
        COUNT(DISTINCT t.order_id) FILTER(WHERE
          t.touchpoint = 'payment') AS m_orders
      FROM events AS t
      WHERE
        (
          t.ts >= CAST('2026-10-26 00:00:00' AS TIMESTAMP)
          AND t.ts < CAST('2026-11-23 00:00:00' AS TIMESTAMP)
        )
        AND t.touchpoint = 'payment'
      GROUP BY
        t.region
    )
  ) AS u
  GROUP BY
    d_region
) AS v
ORDER BY
  first_response_time DESC,
  d_region
