"""Time for the whole program: one clock, injected, so every schedule can run at a moment a test chooses."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

Clock = Callable[[], datetime]  # returns the current moment, timezone-aware, in UTC


def system_clock() -> datetime:
    """Return the current moment in UTC."""
    return datetime.now(UTC)
