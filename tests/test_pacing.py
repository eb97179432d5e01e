"""Bulk sends are paced: due surveys go out once each, under the flood limits, at the configured rate."""

from __future__ import annotations

import asyncio
import time
from datetime import UTC, datetime, timedelta

from bot.pacing import Pacer
from surveys.store import Store
from tests.helpers import Harness, make_settings

CUSTOMERS = 120  # 240 messages: about ten seconds at Telegram's real limits
RATE = 25.0


async def test_pacer_spaces_slots_overall_and_per_chat():
    pacer = Pacer(rate=100.0, chat_gap=0.2)
    loop = asyncio.get_running_loop()
    started = loop.time()
    moments = []
    for chat in (1, 2, 3, 1):
        await pacer.wait(chat)
        moments.append(loop.time() - started)
    # Slots are booked from the first call, so count from there: a late wake-up of one call (a loaded machine)
    # must not make the next gap look short.
    assert moments[1] >= 0.0099 and moments[2] >= 0.0199  # 100 a second overall
    assert moments[3] >= 0.19  # chat 1 again only after its gap


async def due_first_week_surveys(emulator, settings, customers: int) -> list[int]:
    """Customers whose first-week survey fell due a day ago; return their user ids."""
    store = await Store.open(settings.database_path)
    bought = datetime.now(UTC) - timedelta(days=8)
    users = [50_000 + n for n in range(customers)]
    for n, user in enumerate(users):
        emulator.add_user(user, f"C{n}")
        order = await store.add_order(f"P-{n}", None, bought, bought)
        customer = await store.upsert_customer(user, user, f"C{n}", "en", bought)
        await store.link_order(order.id, customer.id)
        await store.ensure_invitation(order.id, "first_week", bought + timedelta(days=7), bought)
    await store.close()
    return users


async def test_due_first_week_surveys_go_out_once_each_at_the_budget_without_flood_errors(emulator, tmp_path, surveys):
    emulator.flood_limits = True  # 30/s overall, 1/s per chat with bursts of 3, answered with 429
    settings = make_settings(tmp_path, emulator.base_url, bulk_send_rate=RATE, scheduler_interval=1)
    users = await due_first_week_surveys(emulator, settings, CUSTOMERS)
    harness = Harness(emulator, settings, surveys)
    samples: list[tuple[float, int]] = []
    await harness.start()
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            sent = sum(len(emulator.bot_messages(user)) for user in users)
            samples.append((time.monotonic(), sent))
            if sent >= 2 * CUSTOMERS:
                break
            await asyncio.sleep(0.1)
        await asyncio.sleep(1.5)  # another scheduler round: nothing goes out twice
        rows = await harness.rows(
            "SELECT count(*) FROM invitations WHERE survey = 'first_week' AND sent_at IS NOT NULL"
        )
    finally:
        await harness.stop()

    for user in users:
        opening, question = emulator.bot_messages(user)  # exactly two each: the intro and the first question
        assert not emulator.buttons(opening) and emulator.buttons(question)
    assert rows[0][0] == CUSTOMERS
    refused = emulator.calls["sendMessage"] - 2 * CUSTOMERS
    assert refused <= 2, f"{refused} sends were refused with 429"
    # The rate between 10% and 90% delivered, so start-up and the tail do not count.
    low = next(s for s in samples if s[1] >= 0.1 * 2 * CUSTOMERS)
    high = next(s for s in samples if s[1] >= 0.9 * 2 * CUSTOMERS)
    rate = (high[1] - low[1]) / (high[0] - low[0])
    assert 0.8 * RATE <= rate <= 1.2 * RATE, f"sent {rate:.1f} messages/s, budget {RATE}"


async def test_stopping_during_a_long_bulk_send_is_prompt_and_leaves_the_rest_due(emulator, tmp_path, surveys):
    settings = make_settings(tmp_path, emulator.base_url, bulk_send_rate=RATE, scheduler_interval=1)
    users = await due_first_week_surveys(emulator, settings, 300)  # twelve seconds of sending
    harness = Harness(emulator, settings, surveys)
    await harness.start()
    await asyncio.sleep(1.5)
    started = time.monotonic()
    store = harness.store
    harness.store = None  # keep it open to look at what was sent
    harness._stop.set()
    await asyncio.wait_for(harness._task, 10)
    assert time.monotonic() - started < 2, "stopping waited for the whole bulk send"
    sent = await store._all("SELECT count(*) FROM invitations WHERE sent_at IS NOT NULL")
    await store.close()
    delivered = [user for user in users if emulator.bot_messages(user)]
    assert 0 < len(delivered) == sent[0][0] < len(users)
    assert all(len(emulator.bot_messages(user)) == 2 for user in delivered)
