"""Fakes of outside services for tests (they prove protocol handling, never accuracy)."""
