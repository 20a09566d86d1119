"""Data in and out: the canonical tables, the demo generator, ingestion and the query engine.

Nothing outside this package opens a database.
"""
