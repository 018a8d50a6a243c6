"""Retry delays: capped exponential backoff with full jitter.

Full jitter (delay = random(0, min(cap, base * 2**attempt))) spreads reconnects of many
workers after a shared outage instead of having them hammer the server in lockstep
(AWS Architecture Blog, "Exponential Backoff And Jitter").
"""

from __future__ import annotations

from collections.abc import Callable


def backoff_delay(attempt: int, *, initial: float, cap: float, rand: Callable[[], float]) -> float:
    """Seconds to wait before retry number ``attempt`` (0-based); ``rand`` returns [0, 1)."""
    ceiling = min(cap, initial * (2 ** min(attempt, 62)))
    return float(rand() * ceiling)
