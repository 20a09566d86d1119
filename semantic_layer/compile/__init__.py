"""Compile plans into sqlglot trees: one module per analysis; the dialect is chosen last."""
