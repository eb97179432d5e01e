"""Bulk sending: N due first-week surveys against the emulator's flood limits; prints rate, 429s and duplicates.

Example:
    .venv/bin/python benchmarks/bulk_send.py --customers 10000 --scale 10

At Telegram's real limits (30 messages/s overall, BULK_SEND_RATE 25) 10,000 customers take about
13 minutes; --scale multiplies the emulator's overall limit and the send rate alike, so the same
question (is the budget used, with no 429 storm?) is answered in a fraction of the time.
"""

from __future__ import annotations

import argparse
import asyncio
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bot.local_bot_api import BotAPIEmulator

TOKEN, USERNAME = "123456:BULK", "journeypulse_bulk_bot"


async def run(customers: int, scale: float, workdir: Path) -> None:
    """Register due customers, run the bot until every survey went out, print the figures."""
    from bot.app import run_bot
    from bot.settings import load_settings
    from surveys.definitions import load_surveys
    from surveys.store import Store

    rate = 25.0 * scale
    async with BotAPIEmulator(token=TOKEN, username=USERNAME) as emu:
        emu.flood_limits = True
        emu.FLOOD_GLOBAL = (30.0 * scale, 30 * scale)
        settings = load_settings(
            telegram_bot_token=TOKEN,
            telegram_api_base_url=emu.base_url,
            telegram_bot_username=USERNAME,
            database_path=workdir / "bulk.sqlite3",
            deep_link_secret="bulk-" + "0123456789abcdefghijklmnopqrstuvwxyz",
            quiet_hours="",
            scheduler_interval=1,
            bulk_send_rate=rate,
            telegram_rate_limit=scale == 1,  # AIORateLimiter knows only the real 30/s
        )
        store = await Store.open(settings.database_path)
        bought = datetime.now(UTC) - timedelta(days=8)
        users = range(100_000, 100_000 + customers)
        for user in users:
            emu.add_user(user, "C")
            order = await store.add_order(f"B-{user}", None, bought, bought)
            customer = await store.upsert_customer(user, user, "C", "en", bought)
            await store.link_order(order.id, customer.id)
            await store.ensure_invitation(order.id, "first_week", bought + timedelta(days=7), bought)
        stop = asyncio.Event()
        started = time.monotonic()
        bot = asyncio.create_task(run_bot(settings, load_surveys(), stop, store=store))
        samples = []
        while True:
            await asyncio.sleep(1)
            [(sent,)] = await store._all("SELECT count(*) FROM invitations WHERE sent_at IS NOT NULL")
            samples.append((time.monotonic(), sent))
            if sent == customers or time.monotonic() - started > 3600:
                break
        await asyncio.sleep(2)
        stop.set()
        await bot
        counts = [len(emu.bot_messages(user)) for user in users]
        await store.close()
    elapsed = samples[-1][0] - started
    low = next(s for s in samples if s[1] >= 0.1 * customers)
    high = next(s for s in samples if s[1] >= 0.9 * customers)
    per_second = 2 * (high[1] - low[1]) / (high[0] - low[0])
    print(
        f"{customers} due customers, budget {rate:g} messages/s, emulator limit {30 * scale:g}/s overall, 1/s per chat"
    )
    print(f"all sent in {elapsed:.0f} s; steady rate {per_second:.1f} messages/s ({per_second / rate:.0%} of budget)")
    print(f"sendMessage calls refused with 429: {emu.calls['sendMessage'] - sum(counts)}")
    print(f"customers with exactly two messages (intro + question): {counts.count(2)} of {customers}")


def main() -> None:
    """Parse arguments and run once."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--customers", type=int, default=10_000)
    parser.add_argument("--scale", type=float, default=10.0, help="multiply Telegram's overall limit and the budget")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        asyncio.run(run(args.customers, args.scale, Path(tmp)))


if __name__ == "__main__":
    main()
