"""Shared fixtures: a fresh SQLite store, the shipped surveys, settings, and a bot running on the emulator."""

from __future__ import annotations

import pytest

from surveys.definitions import load_surveys
from surveys.store import Store
from tests.helpers import TOKEN, USERNAME, Harness, make_settings


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


@pytest.fixture
async def emulator():
    """A running local Bot API emulator."""
    from bot.local_bot_api import BotAPIEmulator

    async with BotAPIEmulator(token=TOKEN, username=USERNAME) as emu:
        yield emu


@pytest.fixture
async def harness(emulator, tmp_path, surveys):
    """The real bot running on the emulator with a fresh database."""
    h = Harness(emulator, make_settings(tmp_path, emulator.base_url), surveys)
    await h.start()
    yield h
    await h.stop()
