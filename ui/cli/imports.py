"""`importing()`: the `tpa` command's imports, without the cyclic garbage collector.

A `tpa ask` imports some 600 modules and makes about 136,000 objects doing so, none of them
garbage; the collector runs over them again and again meanwhile (about a tenth of the import
time, 60–75 ms here). Inside `importing()` it is off; after it, what the imports made is frozen
(`gc.freeze`: kept out of every later collection, as a forking server does), and it is on again.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def importing() -> Iterator[None]:
    """Collect no garbage inside (imports); freeze what was made, then collect as before."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if was_enabled:
            gc.enable()


__all__ = ["importing"]
