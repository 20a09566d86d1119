"""Metrics, dimensions, touchpoints, journeys, time and policies; compiles plans to SQL trees."""
