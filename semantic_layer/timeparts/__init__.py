"""The parts of `semantic_layer.time`; import from `semantic_layer.time`, not from here."""
