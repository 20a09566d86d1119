"""The embedded planner: questions in English and Chinese → QueryPlans, offline (see planner.py)."""

from __future__ import annotations

from assistant.nlu.planner import EmbeddedPlanner, PlannerResult, Retrieval

__all__ = ["EmbeddedPlanner", "PlannerResult", "Retrieval"]
