"""Data in and out: the canonical tables, the demo generator, ingestion and (later) query engines.

Nothing outside this package opens a database.
"""
