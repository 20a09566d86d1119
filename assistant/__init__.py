"""Turns questions into plans and results into answers (planners, conversations, API, bots)."""
