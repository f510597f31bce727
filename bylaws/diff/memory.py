"""Pausing Python's cyclic garbage collector while a diff is built or written.

A diff of a big document builds hundreds of thousands of small values
(articles, runs, word operations, records) that hold no reference cycles and
are freed by reference counting alone. Each pass of the cyclic collector walks
every one of them that is still alive, so the passes cost more as the diff
grows: at 20,000 articles they took a quarter of the time and made the cost
grow faster than the text. Pausing the collector changes no result.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["paused_collector"]


@contextmanager
def paused_collector() -> Iterator[None]:
    """Turn the cyclic collector off for the block, then back on if it was on."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
