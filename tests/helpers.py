"""What tests share: constants, settings for a test bot, and the Harness that drives the real bot on the emulator."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.callbacks import Answer, Skip
from surveys.store import Store

T0 = datetime(2026, 11, 18, 12, 0, tzinfo=UTC)  # a Wednesday, outside quiet hours

TOKEN = "123456:TEST-token"
USERNAME = "journeypulse_test_bot"
SECRET = "test-secret-0123456789-abcdefghijklmnop"  # strong enough for DEEP_LINK_SECRET


def make_settings(tmp_path, base_url: str, **overrides):
    """Settings for a test bot on the emulator: fast scheduler, no quiet hours."""
    from bot.settings import load_settings

    values = dict(
        telegram_bot_token=TOKEN,
        telegram_api_base_url=base_url,
        telegram_bot_username=USERNAME,
        database_path=tmp_path / "bot.sqlite3",
        deep_link_secret=SECRET,
        first_week_delay=3600,
        reminder_delay=7200,
        quiet_hours="",
        scheduler_interval=0.2,
        flood_messages_per_minute=0,  # generated bursts are not people; tests/test_reliability.py turns it on
    )
    values.update(overrides)
    return load_settings(**values)


class Clock:
    """A clock the test moves by hand; it counts how often the bot read it."""

    def __init__(self, moment: datetime):
        self.moment = moment
        self.reads = 0

    def __call__(self) -> datetime:
        self.reads += 1
        return self.moment


class Harness:
    """The real Application running against the emulator, plus shortcuts to act as customers."""

    def __init__(self, emu, settings, surveys, clock: Clock | None = None):
        self.emu, self.settings, self.surveys, self.clock = emu, settings, surveys, clock
        self.store = None
        self._task = None
        self._stop = None

    async def start(self):
        """Open the store and run the bot in the background."""
        from bot.app import run_bot

        self.store = await Store.open(self.settings.database_path)
        self._stop = asyncio.Event()
        self._task = asyncio.create_task(
            run_bot(self.settings, self.surveys, self._stop, store=self.store, clock=self.clock)
        )

    async def stop(self):
        """Stop the bot gracefully and close the store."""
        self._stop.set()
        await asyncio.wait_for(self._task, 10)
        await self.store.close()

    async def order_token(self, ref: str, purchased_at=None) -> str:
        """Register an order and return its deep-link token."""
        from surveys.links import make_token

        order = await self.store.add_order(ref, None, purchased_at or datetime.now(UTC), datetime.now(UTC))
        return make_token(SECRET, order.id)

    async def next_message(self, chat_id: int, after: int = 0, timeout: float = 5.0, predicate=None) -> dict:
        """Wait for the bot's next message in a chat."""
        return await self.emu.wait_for_bot_message(chat_id, predicate, after=after, timeout=timeout)

    async def question(self, chat_id: int, after: int = 0, timeout: float = 5.0) -> dict:
        """Wait for the next message carrying answer buttons (a question)."""
        return await self.next_message(
            chat_id, after, timeout, lambda m: any(Answer.parse(d) or Skip.parse(d) for _, d in self.emu.buttons(m))
        )

    async def press(self, chat_id: int, message: dict, value: str) -> None:
        """Press the answer button whose value is `value` (or skip) on a question message."""
        for _, data in self.emu.buttons(message):
            answer = Answer.parse(data)
            if (answer and answer.value == value) or (value == "skip" and Skip.parse(data)):
                self.emu.press_button(chat_id, message["message_id"], data)
                return
        raise AssertionError(f"no button {value!r} in {self.emu.buttons(message)}")

    async def answer_survey(self, user: int, name: str, presses: tuple[str, ...], words: str) -> None:
        """Open order A-<user>'s link as a new user, press the given buttons, then write `words`."""
        self.emu.add_user(user, name)
        self.emu.send_text(user, f"/start {await self.order_token(f'A-{user}')}")
        last = 0
        for value in presses:
            q = await self.question(user, after=last)
            await self.press(user, q, value)
            last = q["message_id"]
        await self.question(user, after=last)
        self.emu.send_text(user, words)
        await self.next_message(user, predicate=lambda m: "Thank you!" in m.get("text", ""))

    async def drained(self, timeout: float = 5.0) -> int:
        """Wait until every received update is handled; return how many are still pending."""
        deadline = asyncio.get_running_loop().time() + timeout
        while True:
            pending = (await self.rows("SELECT count(*) FROM inbox WHERE processed_at IS NULL"))[0][0]
            if pending == 0 or asyncio.get_running_loop().time() > deadline:
                return pending
            await asyncio.sleep(0.02)

    async def rows(self, sql: str, params=()):
        """Run a read query on the bot's database."""
        return await self.store._all(sql, params)


def write_custom_surveys(directory) -> dict:
    """Write the shipped surveys into `directory`, post_purchase with an extra `gift_wrap` question; return them loaded."""
    from importlib import resources

    from surveys.definitions import load_surveys

    shipped = resources.files("surveys") / "definitions"
    extra = (
        "  - id: gift_wrap\n    stage: purchase\n    type: csat\n"
        '    prompt: {en: "How was the gift wrap?", ru: "Как упаковка?", zh: "礼品包装如何？"}\n'
    )
    post = (
        (shipped / "post_purchase.yaml").read_text(encoding="utf-8").replace("questions:\n", "questions:\n" + extra, 1)
    )
    (directory / "post_purchase.yaml").write_text(post, encoding="utf-8")
    (directory / "first_week.yaml").write_text(
        (shipped / "first_week.yaml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    return load_surveys(directory)


def free_port() -> int:
    """A TCP port free on 127.0.0.1 right now, for a server whose URL must be known before it starts."""
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


async def wait_until_serving(url: str, timeout: float = 15.0) -> None:
    """Wait until an HTTP server answers at `url` (any status)."""
    import aiohttp

    deadline = asyncio.get_running_loop().time() + timeout
    async with aiohttp.ClientSession() as session:
        while True:
            try:
                async with session.get(url):
                    return
            except aiohttp.ClientConnectionError:
                if asyncio.get_running_loop().time() > deadline:
                    raise
                await asyncio.sleep(0.05)


BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"


def refit_in_training_kernel(code: str, *args: str) -> None:
    """Run a trainer's refit (`code`, with `args`) in a process of its own in OpenBLAS's kernel the shipped models were
    fitted in (chosen when numpy loads, so not in this process), or skip where the CPU lacks it."""
    sys.path.insert(0, str(BENCHMARKS))
    try:
        import train_sentiment
    finally:
        sys.path.remove(str(BENCHMARKS))
    if not train_sentiment.kernel_available():
        pytest.skip(
            f"the shipped models were fitted with OpenBLAS's {train_sentiment.TRAINING_KERNEL} kernels (AVX-512)"
        )
    env = {
        **os.environ,
        "OPENBLAS_CORETYPE": train_sentiment.TRAINING_KERNEL,
        "PYTHONPATH": os.pathsep.join([str(BENCHMARKS), *sys.path]),
    }
    subprocess.run([sys.executable, "-c", code, *args], cwd=BENCHMARKS, env=env, check=True, capture_output=True)
