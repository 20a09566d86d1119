"""`tpa`'s imports run without the cyclic garbage collector, which is on again after them."""

from __future__ import annotations

import gc

from ui.cli.imports import importing


def test_importing_pauses_the_collector_and_freezes_what_it_made() -> None:
    assert gc.isenabled()
    frozen = gc.get_freeze_count()
    with importing():
        assert not gc.isenabled()
        made = [[i] for i in range(1000)]  # long-lived objects, as a module's are
    assert gc.isenabled()
    assert gc.get_freeze_count() >= frozen + len(made)


def test_a_collector_that_was_off_stays_off() -> None:
    gc.disable()
    try:
        with importing():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
