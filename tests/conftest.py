"""Shared fixtures: a fresh SQLite store, the shipped surveys, settings, and a bot running on the emulator."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from surveys.definitions import load_surveys
from surveys.store import Store

T0 = datetime(2026, 11, 18, 12, 0, tzinfo=UTC)  # a Wednesday, outside quiet hours


@pytest.fixture
async def store(tmp_path):
    """A fresh journeypulse database in a temporary file."""
    s = await Store.open(tmp_path / "journeypulse.sqlite3")
    yield s
    await s.close()


@pytest.fixture(scope="session")
def surveys():
    """The survey definitions shipped with the package."""
    return load_surveys()
