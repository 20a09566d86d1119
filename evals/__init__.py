"""Evaluation suites: how often the assistant's answers are right."""
