"""Prometheus-style counters for `/metrics`: requests, latency, answers by kind, errors, LLM
fallbacks. Plain text exposition format, no client library needed for a handful of series."""

from __future__ import annotations

import threading
from collections import defaultdict
from typing import Final

from assistant.answer.model import Answer
from semantic_layer.phrasebook import section

BUCKETS: Final = (0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0)
# the words every language says "the built-in planner answered" with (a fallback from the LLM)
_BUILTIN: Final = tuple(texts["builtin"] for texts in section("understand").values())


class Metrics:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.requests: dict[tuple[str, str, int], int] = defaultdict(int)
        self.latency: dict[str, list[int]] = defaultdict(lambda: [0] * (len(BUCKETS) + 1))
        self.latency_sum: dict[str, float] = defaultdict(float)
        self.answers: dict[str, int] = defaultdict(int)
        self.errors: dict[str, int] = defaultdict(int)
        self.fallbacks = 0

    def request(self, method: str, route: str, status: int, seconds: float) -> None:
        with self._lock:
            self.requests[(method, route, status)] += 1
            counts = self.latency[route]
            for i, bound in enumerate(BUCKETS):
                if seconds <= bound:
                    counts[i] += 1
            counts[-1] += 1
            self.latency_sum[route] += seconds

    def answer(self, answer: Answer) -> None:
        with self._lock:
            self.answers[answer.kind or "none"] += 1
            if answer.error is not None:
                self.errors[answer.error.code] += 1
            if any(said in w for said in _BUILTIN for w in answer.warnings):
                self.fallbacks += 1

    def render(self) -> str:
        with self._lock:
            lines = ["# TYPE tpa_requests_total counter"]
            for (method, route, status), n in sorted(self.requests.items()):
                lines.append(
                    f'tpa_requests_total{{method="{method}",route="{route}",status="{status}"}} {n}'
                )
            lines.append("# TYPE tpa_request_seconds histogram")
            for route, counts in sorted(self.latency.items()):
                for bound, n in zip((*BUCKETS, "+Inf"), counts, strict=True):
                    lines.append(f'tpa_request_seconds_bucket{{route="{route}",le="{bound}"}} {n}')
                lines.append(
                    f'tpa_request_seconds_sum{{route="{route}"}} {self.latency_sum[route]:.6f}'
                )
                lines.append(f'tpa_request_seconds_count{{route="{route}"}} {counts[-1]}')
            lines.append("# TYPE tpa_answers_total counter")
            lines += [
                f'tpa_answers_total{{kind="{k}"}} {n}' for k, n in sorted(self.answers.items())
            ]
            lines.append("# TYPE tpa_answer_errors_total counter")
            lines += [
                f'tpa_answer_errors_total{{code="{k}"}} {n}' for k, n in sorted(self.errors.items())
            ]
            lines.append("# TYPE tpa_llm_fallbacks_total counter")
            lines.append(f"tpa_llm_fallbacks_total {self.fallbacks}")
            return "\n".join(lines) + "\n"


__all__ = ["Metrics"]
