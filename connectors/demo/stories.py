"""The planted stories: one source of truth for the generator, the summary, the docs and the tests.

Every date is computed from `as_of` with docs/design.md's meanings: weeks start on Monday,
"last week" is the previous full calendar week, ranges are half-open [start, end).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

MIN_DAYS = 120  # the earliest story window starts 97 days before as_of


@dataclass(frozen=True)
class Story:
    """A pattern planted in the demo data, with the dates and segments it concerns."""

    id: str
    title_en: str
    title_zh: str
    description: str
    start: date
    end: date  # exclusive
    baseline_start: date
    baseline_end: date  # exclusive
    segment: dict[str, str] = field(default_factory=dict)
    questions: tuple[str, ...] = ()
    answer: str = ""

    def line(self) -> str:
        """One human-readable line: id, title and dates."""
        last = self.end - timedelta(days=1)
        where = ", ".join(f"{k}={v}" for k, v in self.segment.items())
        where = f" [{where}]" if where else ""
        return f"{self.id}: {self.title_en} / {self.title_zh}, {self.start} – {last}{where}"


def week_start(day: date) -> date:
    """The Monday of the week containing `day`."""
    return day - timedelta(days=day.weekday())


def stories(as_of: date) -> list[Story]:
    """The planted stories with their concrete dates for a dataset ending the day before `as_of`."""
    w0 = week_start(as_of)
    return [
        _checkout_incident(w0),
        _south_service_slowdown(w0, as_of),
        _promotion(w0),
        _mini_program_retention(w0),
        _channel_patterns(w0),
    ]


def story(as_of: date, story_id: str) -> Story:
    """One planted story by id."""
    for s in stories(as_of):
        if s.id == story_id:
            return s
    raise KeyError(story_id)


def _d(w0: date, days: int) -> date:
    return w0 + timedelta(days=days)


def _checkout_incident(w0: date) -> Story:
    return Story(
        id="checkout_incident",
        title_en="iOS app payment incident last week",
        title_zh="上周 iOS App 支付故障",
        description=(
            "During the last full week, payment completion after checkout on the app with iOS "
            "devices fell from about 75% to about 30%; every other channel and device stayed "
            "normal. Many failed payers opened payment tickets."
        ),
        start=_d(w0, -7),
        end=w0,
        baseline_start=_d(w0, -35),
        baseline_end=_d(w0, -7),
        segment={"channel": "app", "device": "ios"},
        questions=(
            "why did checkout conversion drop last week?",
            "上周结账转化率为什么下降？",
            "checkout to payment conversion by channel and device last week vs the week before",
        ),
        answer=(
            "checkout → payment conversion fell last week; nearly all of the drop comes from "
            "channel app × device ios (≈75% → ≈30%); payment tickets on the app rose."
        ),
    )


def _south_service_slowdown(w0: date, as_of: date) -> Story:
    return Story(
        id="south_service_slowdown",
        title_en="Slow customer service in the South region",
        title_zh="华南区客服响应变慢",
        description=(
            "Since four full weeks ago (ongoing), the median first response time of tickets "
            "from users in region South rose several-fold (about 5 → 25–50 minutes, worsening "
            "week by week) while other regions stayed stable; South CSAT fell with it."
        ),
        start=_d(w0, -28),
        end=as_of,
        baseline_start=_d(w0, -84),
        baseline_end=_d(w0, -28),
        segment={"region": "South"},
        questions=(
            "median first response time by region over the last 4 weeks",
            "最近4周各区域首次响应时间中位数",
            "why did CSAT drop in the last 4 weeks?",
        ),
        answer=(
            "region South: median first response several times higher than before and than "
            "other regions; its CSAT (share of 4–5) dropped; other regions flat."
        ),
    )


def _promotion(w0: date) -> Story:
    return Story(
        id="promotion",
        title_en="Flash-sale weekend",
        title_zh="限时抢购周末大促",
        description=(
            "A three-day promotion (Friday to Sunday), campaign flash_sale: about 2.5× the "
            "traffic of the same days a week earlier, many coupon claims, higher conversion "
            "and higher ad spend (paid_ads campaign flash_sale)."
        ),
        start=_d(w0, -38),
        end=_d(w0, -35),
        baseline_start=_d(w0, -45),
        baseline_end=_d(w0, -42),
        segment={"campaign": "flash_sale"},
        questions=(
            "daily active users over the last 2 months",
            "大促期间的转化率和广告花费",
            "which campaign brought the most purchases?",
        ),
        answer="a 3-day spike in users, coupon_claim and purchases, with flash_sale spend.",
    )


def _mini_program_retention(w0: date) -> Story:
    return Story(
        id="mini_program_retention",
        title_en="Mini-program users retain better",
        title_zh="小程序获客的用户留存更好",
        description=(
            "Users acquired on the WeChat mini program (users.acquisition_channel) come back "
            "within 30 days noticeably more often than users acquired through paid ads."
        ),
        start=_d(w0, -91),
        end=_d(w0, -35),
        baseline_start=_d(w0, -91),
        baseline_end=_d(w0, -35),
        segment={"acquisition_channel": "mini_program", "versus": "paid_ads"},
        questions=(
            "30-day retention of users acquired on the mini program vs paid ads",
            "小程序和付费广告获客用户的30天留存对比",
        ),
        answer="mini_program cohorts return within 30 days clearly more often than paid_ads.",
    )


def _channel_patterns(w0: date) -> Story:
    return Story(
        id="channel_patterns",
        title_en="Funnel and channel patterns",
        title_zh="漏斗与渠道规律",
        description=(
            "On the default journey the product page loses the most users (product_page → "
            "add_to_cart); users whose first touch is the marketplace convert best and paid "
            "ads worst; app and mini program are busier at weekends, the website on weekdays."
        ),
        start=_d(w0, -84),
        end=w0,
        baseline_start=_d(w0, -84),
        baseline_end=w0,
        segment={},
        questions=(
            "which touchpoint lost the most users last week",
            "上周哪个触点流失用户最多",
            "conversion rate by channel this month",
        ),
        answer=(
            "product_page is the biggest drop-off; marketplace has the highest conversion, "
            "paid_ads the lowest; weekend peaks on app/mini_program."
        ),
    )
