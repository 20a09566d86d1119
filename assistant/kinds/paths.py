"""The `paths` kind: what users do after (or before) a touchpoint."""

from __future__ import annotations

from assistant.answer.charts_paths import paths_chart
from assistant.answer.narrate.journeys import paths_text
from assistant.answer.narrate.suggest import paths_questions
from assistant.kinds.base import Kind
from assistant.kinds.follow import FollowUp
from semantic_layer.compile.compiler import build_paths
from semantic_layer.plan import PathsPlan

KIND = Kind(
    name="paths",
    plan=PathsPlan,
    prompt="what users do after (or before) a touchpoint: the next touchpoint or the top paths.",
    compile=build_paths,
    narrate=paths_text,
    chart=paths_chart,
    suggest=paths_questions,
    follow=FollowUp(rank="limit", direction=True),
    journey=True,
    steps_named=True,
)
