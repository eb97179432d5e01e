"""The first-week sender at fixed moments: held in quiet hours, sent when they end, reminded once, all on the bot's clock."""

from __future__ import annotations

import asyncio
from datetime import timedelta

from bot.texts import text
from surveys.store import Store, to_text
from tests.helpers import T0, Clock, Harness, make_settings

USER = 4242
BOUGHT = T0 - timedelta(days=8)  # the first-week survey fell due a day before T0


async def bought_a_week_ago(settings) -> int:
    """A customer whose first-week survey is due; return its invitation id."""
    store = await Store.open(settings.database_path)
    order = await store.add_order("W-1", None, BOUGHT, BOUGHT)
    customer = await store.upsert_customer(USER, USER, "Wu", "en", BOUGHT)
    await store.link_order(order.id, customer.id)
    invitation = await store.ensure_invitation(order.id, "first_week", BOUGHT + timedelta(days=7), BOUGHT)
    await store.close()
    return invitation.id


async def rounds_pass(clock: Clock, count: int = 3, timeout: float = 20.0) -> None:
    """Wait until the sender has looked at the clock `count` more times (each round reads it)."""
    target = clock.reads + count
    deadline = asyncio.get_running_loop().time() + timeout
    while clock.reads < target:
        assert asyncio.get_running_loop().time() < deadline, "the sender stopped reading the clock"
        await asyncio.sleep(0.05)


async def test_the_first_week_sender_runs_on_the_injected_clock(emulator, tmp_path, surveys):
    emulator.add_user(USER, "Wu")
    settings = make_settings(tmp_path, emulator.base_url, quiet_hours="21:00-09:00", reminder_delay=3 * 3600)
    invitation_id = await bought_a_week_ago(settings)
    clock = Clock(T0.replace(hour=22))  # in the quiet hours: nothing may go out, however late the survey is
    h = Harness(emulator, settings, surveys, clock)
    await h.start()
    try:
        await rounds_pass(clock)
        assert emulator.bot_messages(USER) == []
        morning = (T0 + timedelta(days=1)).replace(hour=9)
        clock.moment = morning
        question = await h.question(USER, timeout=20)
        assert emulator.bot_messages(USER)[0]["text"] == surveys["first_week"].intro["en"]
        for _ in range(100):  # recorded as sent once both messages went out
            row = await h.rows(
                "SELECT sent_at, reminder_due_at, reminded_at FROM invitations WHERE id = ?", (invitation_id,)
            )
            if row[0][0] is not None:
                break
            await asyncio.sleep(0.05)
        assert row == [
            (to_text(morning), to_text(morning + timedelta(hours=3)), None)
        ]  # the clock's time, not the wall's

        clock.moment = morning + timedelta(hours=3)  # unanswered until the reminder is due: one reminder
        reminder = await h.question(USER, after=question["message_id"], timeout=20)
        await rounds_pass(clock)
        sent = emulator.bot_messages(USER)
        assert [m["message_id"] for m in sent][-1] == reminder["message_id"]  # only one reminder
        assert sent[-2]["text"] == text("en", "reminder")
        reminded = await h.rows("SELECT reminded_at FROM invitations WHERE id = ?", (invitation_id,))
        assert reminded == [(to_text(morning + timedelta(hours=3)),)]
    finally:
        await h.stop()
