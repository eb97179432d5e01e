"""Faults from Telegram, injected by the emulator: no answer is dropped or doubled, and surveys resume."""

from __future__ import annotations

import asyncio

import pytest

from tests.helpers import Harness, make_settings
from tests.test_crash import PLAN, answer_post_purchase


async def stored_answers(harness: Harness) -> list[tuple]:
    return await harness.rows(
        "SELECT o.order_ref, a.question_id, coalesce(CAST(CAST(a.value_number AS INT) AS TEXT), a.value_text)"
        " FROM answers a JOIN invitations i ON i.id = a.invitation_id JOIN orders o ON o.id = i.order_id"
    )


def assert_each_answer_once(rows: list[tuple], users: dict[int, str]) -> None:
    assert len(rows) == 4 * len(users), "four answers per customer, each stored exactly once"
    for user, ref in users.items():
        assert {q: v for r, q, v in rows if r == ref} == {**PLAN, "what_went_wrong": f"Broken box, customer {user}"}


@pytest.mark.parametrize("rate_limiter", [True, False], ids=["rate-limiter", "intake-retry"])
async def test_429_with_retry_after_is_waited_out_and_the_message_resent(emulator, tmp_path, surveys, rate_limiter):
    harness = Harness(emulator, make_settings(tmp_path, emulator.base_url, telegram_rate_limit=rate_limiter), surveys)
    await harness.start()
    try:
        user = 701
        emulator.add_user(user, "Ria")
        token = await harness.order_token("R-1")
        emulator.inject_fault("429", count=2, methods={"sendMessage", "editMessageText"}, retry_after=1)
        emulator.send_text(user, f"/start {token}")
        await asyncio.wait_for(answer_post_purchase(emulator, user), 20)
        assert emulator.faults_fired["429"] == 2
        assert_each_answer_once(await stored_answers(harness), {user: "R-1"})
        questions = [m for m in emulator.bot_messages(user) if emulator.buttons(m)]
        assert len({m["text"] for m in questions}) == len(questions), "no question was sent twice"
    finally:
        await harness.stop()


async def test_server_errors_timeouts_and_refused_connections_lose_and_double_nothing(emulator, tmp_path, surveys):
    harness = Harness(emulator, make_settings(tmp_path, emulator.base_url), surveys)
    await harness.start()
    try:
        users = {720 + n: f"F-{n}" for n in range(6)}
        for user, ref in users.items():
            emulator.add_user(user, f"F{user}")
            emulator.send_text(user, f"/start {await harness.order_token(ref)}")
        # About one call in ten fails, on every method including getUpdates.
        for kind in ("500", "502", "timeout", "refuse"):
            emulator.inject_fault(kind, rate=0.025, delay=0.2)
        await asyncio.wait_for(asyncio.gather(*(answer_post_purchase(emulator, u) for u in users)), 60)
        emulator.clear_faults()
        assert sum(emulator.faults_fired.values()) >= 4, emulator.faults_fired
        assert_each_answer_once(await stored_answers(harness), users)
        assert await harness.rows("SELECT count(*) FROM invitations WHERE completed_at IS NOT NULL") == [(len(users),)]
    finally:
        await harness.stop()


async def test_survey_resumes_where_it_stopped_after_an_outage(emulator, tmp_path, surveys):
    harness = Harness(emulator, make_settings(tmp_path, emulator.base_url), surveys)
    await harness.start()
    try:
        user = 740
        emulator.add_user(user, "Oto")
        emulator.send_text(user, f"/start {await harness.order_token('O-1')}")
        q = await harness.question(user)
        emulator.inject_fault("refuse")  # Telegram unreachable: every call, polling included
        await asyncio.sleep(0.5)
        await harness.press(user, q, "search")  # pressed while the bot cannot even poll
        await asyncio.sleep(1.5)  # a long poll already under way may still fetch it: stored, but not answered
        emulator.clear_faults()
        q2 = await harness.question(user, after=q["message_id"], timeout=15)
        assert "How easy" in q2["text"]
        assert await harness.rows("SELECT question_id, value_text FROM answers") == [("channel", "search")]
    finally:
        await harness.stop()


async def test_blocked_customer_keeps_answers_and_start_makes_them_reachable(emulator, tmp_path, surveys):
    settings = make_settings(tmp_path, emulator.base_url, first_week_delay=0.5)
    harness = Harness(emulator, settings, surveys)
    await harness.start()
    try:
        user = 760
        emulator.add_user(user, "Bea")
        emulator.send_text(user, f"/start {await harness.order_token('B-1')}")
        q = await harness.question(user)
        await harness.press(user, q, "ad")
        q2 = await harness.question(user, after=q["message_id"])
        emulator.block(user)
        await harness.press(user, q2, "6")  # stored, though the reply hits 403
        for _ in range(50):
            [(unreachable,)] = await harness.rows(
                "SELECT unreachable_at FROM customers WHERE telegram_user_id = ?", (user,)
            )
            if unreachable is not None:
                break
            await asyncio.sleep(0.1)
        assert unreachable is not None
        await asyncio.sleep(1.0)  # the first-week survey is due now, but they blocked us: it stays unsent
        assert await harness.rows("SELECT sent_at FROM invitations WHERE survey = 'first_week'") == [(None,)]
        assert await harness.rows("SELECT question_id FROM answers ORDER BY id") == [("channel",), ("checkout_ease",)]

        emulator.unblock(user)
        last = emulator.bot_messages(user)[-1]["message_id"]
        emulator.send_text(user, "/start")
        await harness.next_message(user, after=last)
        [(unreachable,)] = await harness.rows(
            "SELECT unreachable_at FROM customers WHERE telegram_user_id = ?", (user,)
        )
        assert unreachable is None
    finally:
        await harness.stop()
