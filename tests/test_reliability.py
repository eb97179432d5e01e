"""Issue 11's holes against the emulator and real SQLite: floods, a locked database, reused ids, outages."""

from __future__ import annotations

import asyncio
import sqlite3
import threading
import time

from tests.helpers import T0, Harness, make_settings
from tests.test_crash import answer_post_purchase
from tests.test_desk import STAFF, SUPPORT, card, toasted, unhappy_customer
from tests.test_faults import assert_each_answer_once, stored_answers


async def test_one_flooding_account_does_not_slow_anyone_else(emulator, tmp_path, surveys):
    emulator.flood_limits = True  # Telegram's 1 message a second per chat, 30 a second overall
    settings = make_settings(tmp_path, emulator.base_url, flood_messages_per_minute=20)
    harness = Harness(emulator, settings, surveys)
    await harness.start()
    try:
        flooder, others = 480, (481, 482, 483)
        for user in (flooder, *others):
            emulator.add_user(user, f"U{user}")
        emulator.send_text(flooder, f"/start {await harness.order_token('FL-0')}")
        await harness.question(flooder)
        first = {}
        for user in others:
            emulator.send_text(user, f"/start {await harness.order_token(f'FL-{user}')}")
            first[user] = await harness.question(user)
        for n in range(150):
            emulator.send_text(flooder, f"spam {n}")
        slowest = 0.0
        for value in ("search", "6", "2"):
            for user in others:
                started = time.monotonic()
                await harness.press(user, first[user], value)
                first[user] = await harness.next_message(
                    user,
                    after=first[user]["message_id"],
                    timeout=10,
                    predicate=lambda m: bool(emulator.buttons(m)) or "What" in m.get("text", ""),
                )
                slowest = max(slowest, time.monotonic() - started)
        assert slowest < 2.0, f"an ordinary customer waited {slowest:.1f} s for the next question"
        assert await harness.drained(timeout=60) == 0, "every spam message is stored and handled"
        assert await harness.rows(
            "SELECT count(*) FROM inbox WHERE json_extract(payload, '$.message.from.id') = ?", (flooder,)
        ) == [(151,)]
        warnings = [m for m in emulator.bot_messages(flooder) if "slow down" in m.get("text", "")]
        assert len(warnings) == 1
        # Twenty answered (each with a hint and the question again), then the warning, then nothing.
        assert emulator.bot_messages(flooder)[-1]["message_id"] == warnings[0]["message_id"]
        assert len(emulator.bot_messages(flooder)) <= 2 + 2 * 20 + 1
    finally:
        await harness.stop()


def hold_lock(path, seconds: float, held: threading.Event) -> None:
    """Another process's view: an exclusive write lock held for `seconds` (an operator's shell, a VACUUM)."""
    conn = sqlite3.connect(path, timeout=30, isolation_level=None)
    conn.execute("BEGIN EXCLUSIVE")
    held.set()
    time.sleep(seconds)
    conn.execute("COMMIT")
    conn.close()


async def test_answers_given_while_another_process_locks_the_database_are_stored_once(emulator, tmp_path, surveys):
    harness = Harness(emulator, make_settings(tmp_path, emulator.base_url), surveys)
    await harness.start()
    try:
        users = {460 + n: f"LK-{n}" for n in range(4)}
        for user, ref in users.items():
            emulator.add_user(user, f"L{user}")
            emulator.send_text(user, f"/start {await harness.order_token(ref)}")
            await harness.question(user)
        held = threading.Event()
        locker = threading.Thread(target=hold_lock, args=(harness.settings.database_path, 8.0, held))
        locker.start()
        await asyncio.to_thread(held.wait)
        await asyncio.wait_for(asyncio.gather(*(answer_post_purchase(emulator, u) for u in users)), 90)
        await asyncio.to_thread(locker.join)
        assert not harness._task.done(), "the bot keeps running"
        assert_each_answer_once(await stored_answers(harness), users)
    finally:
        await harness.stop()


async def test_sending_down_for_longer_than_the_fast_retries_still_continues_every_survey(emulator, tmp_path, surveys):
    # Scaled down: three fast attempts, then a slow retry every 2 s, and an outage of 8 s (the real ones:
    # eight attempts within about a minute, then every 5 minutes).
    settings = make_settings(tmp_path, emulator.base_url, retry_fast_attempts=3, retry_slow_interval=2)
    harness = Harness(emulator, settings, surveys)
    await harness.start()
    try:
        users = (440, 441, 442)
        questions = {}
        for user in users:
            emulator.add_user(user, f"O{user}")
            emulator.send_text(user, f"/start {await harness.order_token(f'OUT-{user}')}")
            questions[user] = await harness.question(user)
        emulator.inject_fault("500", methods={"sendMessage", "editMessageText", "answerCallbackQuery"})
        for user in users:
            await harness.press(user, questions[user], "search")
        await asyncio.sleep(8)
        assert await harness.rows("SELECT count(*) FROM inbox WHERE processed_at IS NULL") == [(3,)], "nothing given up"
        emulator.clear_faults()
        for user in users:
            nxt = await harness.question(user, after=questions[user]["message_id"], timeout=10)
            assert "How easy" in nxt["text"]
    finally:
        await harness.stop()


async def test_old_card_buttons_act_on_nothing_after_forget_and_a_new_complaint(emulator, tmp_path, surveys):
    emulator.add_group(SUPPORT, "Support", is_forum=True)
    emulator.add_user(STAFF, "Sam")
    settings = make_settings(tmp_path, emulator.base_url, support_chat_id=SUPPORT, staff_user_ids=str(STAFF))
    h = Harness(emulator, settings, surveys)
    await h.start()
    try:
        await unhappy_customer(h, 470, "Ann")
        old = await card(h, lambda m: "Ann" in m["text"])
        emulator.send_text(470, "/forget")
        ask = await h.next_message(470, predicate=lambda m: "Delete everything" in m.get("text", ""))
        emulator.press_button(470, ask["message_id"], "f|yes")
        await h.next_message(470, predicate=lambda m: "data is deleted" in m.get("text", ""))
        await unhappy_customer(h, 471, "Bob")
        await card(h, lambda m: "Bob" in m["text"])
        [(_, resolve)] = [b for b in emulator.buttons(old) if "resolve" in b[1]]
        # /forget deleted the old card; a client still showing it (or a replayed press) sends the press anyway.
        press = emulator.press_button(STAFF, old["message_id"], resolve, chat_id=SUPPORT, check=False)
        assert "no longer" in await toasted(h, press)
        assert await h.rows("SELECT state FROM complaints") == [("open",)]
        await asyncio.sleep(1.0)
        assert not [m for m in emulator.bot_messages(471) if "Was your issue resolved?" in m.get("text", "")]
    finally:
        await h.stop()


async def test_a_long_staff_reply_reaches_the_customer_cut_not_dropped(emulator, tmp_path, surveys):
    emulator.add_group(SUPPORT, "Support", is_forum=True)
    emulator.add_user(STAFF, "Sam")
    settings = make_settings(tmp_path, emulator.base_url, support_chat_id=SUPPORT, staff_user_ids=str(STAFF))
    h = Harness(emulator, settings, surveys)
    await h.start()
    try:
        await unhappy_customer(h, 475, "Cy")
        posted = await card(h)
        emulator.send_text(
            STAFF,
            "&<" * 2000,
            chat_id=SUPPORT,
            reply_to_message_id=posted["message_id"],
            message_thread_id=posted["message_thread_id"],
        )
        relayed = await h.next_message(475, predicate=lambda m: "Support team" in m.get("text", ""))
        assert "&<&<" in relayed["text"] and "Reply to this message" in relayed["text"]
    finally:
        await h.stop()


async def test_start_up_waits_for_telegram_with_one_line_per_attempt(emulator, tmp_path, surveys, caplog):
    emulator.inject_fault("refuse", methods={"getMe"})
    harness = Harness(emulator, make_settings(tmp_path, emulator.base_url), surveys)
    await harness.start()
    try:
        for _ in range(100):
            if emulator.faults_fired["refuse"] >= 2:
                break
            await asyncio.sleep(0.1)
        assert not harness._task.done(), "still waiting, not exited"
        emulator.clear_faults()
        emulator.add_user(430, "Wes")
        emulator.send_text(430, f"/start {await harness.order_token('W-1')}")
        await harness.question(430, timeout=15)
        waits = [r for r in caplog.records if "Telegram is unreachable" in r.getMessage()]
        assert len(waits) >= 2 and all(r.exc_info is None for r in waits)
    finally:
        await harness.stop()


async def test_a_locked_database_at_start_up_is_one_clear_line(tmp_path):
    import pytest

    from surveys.store import Store, StoreError

    path = tmp_path / "db.sqlite3"
    await (await Store.open(path)).close()
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode=DELETE")  # so the lock below also keeps readers out, as a VACUUM does
    conn.execute("BEGIN EXCLUSIVE")
    with pytest.raises(StoreError, match="locked by another program") as locked:
        await Store.open(path)
    conn.execute("ROLLBACK")
    conn.close()
    assert "damaged" not in str(locked.value) and "\n" not in str(locked.value)


async def test_a_note_that_can_never_be_posted_is_set_aside_and_the_round_goes_on(emulator, tmp_path, surveys):
    emulator.add_group(SUPPORT, "Support", is_forum=True)
    emulator.add_user(STAFF, "Sam")
    settings = make_settings(tmp_path, emulator.base_url, support_chat_id=SUPPORT, staff_user_ids=str(STAFF))
    h = Harness(emulator, settings, surveys)
    await h.start()
    try:
        await unhappy_customer(h, 476, "Di")
        await unhappy_customer(h, 477, "Ed")
        await card(h, lambda m: "Ed" in m["text"])
        [(first,), (second,)] = await h.rows("SELECT id FROM complaints ORDER BY id")
        await h.store._write("UPDATE complaints SET thread_id = 99999 WHERE id = ?", (first,))  # its topic deleted
        await h.store.queue_note(first, "lost note", T0)
        await h.store.queue_note(second, "second note", T0)
        await h.next_message(SUPPORT, predicate=lambda m: m.get("text") == "second note")
        [(kind, reason)] = await h.rows("SELECT kind, reason FROM set_aside")
        assert kind == "note" and "thread not found" in reason
        await h.store.queue_note(second, "third note", T0)
        await h.next_message(SUPPORT, predicate=lambda m: m.get("text") == "third note")
    finally:
        await h.stop()


async def test_set_aside_lists_refusals_for_staff(tmp_path, capsys, monkeypatch):
    from bot.cli import main
    from surveys.store import Store

    path = tmp_path / "db.sqlite3"
    store = await Store.open(path)
    await store.set_aside_item("update", 42, "BadRequest: message is too long", T0)
    await store.close()
    monkeypatch.setenv("DATABASE_PATH", str(path))
    await asyncio.to_thread(main, ["set-aside"])
    out = capsys.readouterr().out
    assert "update 42: BadRequest: message is too long" in out and "1 set aside" in out


async def test_a_card_claimed_by_a_bot_killed_while_posting_appears_after_restart(emulator, tmp_path):
    import signal

    from surveys.links import make_token
    from surveys.store import Store
    from tests.helpers import SECRET
    from tests.test_crash import bot_env, start_bot

    emulator.add_group(SUPPORT, "Support", is_forum=True)
    database = tmp_path / "crash.sqlite3"
    store = await Store.open(database)
    order = await store.add_order("CR-1", None, T0, T0)
    await store.close()
    env = {
        **bot_env(emulator, database),
        "SUPPORT_CHAT_ID": str(SUPPORT),
        "STAFF_USER_IDS": str(STAFF),
        "LEASE_TIME": "3",
    }
    log = tmp_path / "bot.log"
    emulator.inject_fault("timeout", methods={"createForumTopic"}, delay=60)  # posting hangs...
    proc = await start_bot(env, log)
    try:
        emulator.add_user(450, "Kit")
        emulator.send_text(450, f"/start {make_token(SECRET, order.id)}")
        await asyncio.wait_for(answer_post_purchase(emulator, 450), 30)
        for _ in range(200):  # ...until the card is claimed and the bot is stuck posting it
            if emulator.faults_fired["timeout"]:
                break
            await asyncio.sleep(0.05)
        proc.send_signal(signal.SIGKILL)  # ...and the bot dies holding the claim
        await proc.wait()
        emulator.clear_faults()
        proc = await start_bot(env, log)
        posted = await emulator.wait_for_bot_message(
            SUPPORT, lambda m: "Reply to this card" in m.get("text", ""), timeout=30
        )
        assert "Kit" in posted["text"]
    except BaseException:
        print(log.read_text()[-3000:])
        raise
    finally:
        if proc.returncode is None:
            proc.send_signal(signal.SIGTERM)
            await asyncio.wait_for(proc.wait(), 15)


async def test_a_read_only_database_at_start_up_is_one_clear_line(tmp_path, monkeypatch):
    import aiosqlite
    import pytest

    from surveys.store import Store, StoreError

    path = tmp_path / "db.sqlite3"
    await (await Store.open(path)).close()
    connect = aiosqlite.connect

    def read_only(database, **kwargs):  # how SQLite sees a file on a read-only volume
        return connect(f"file:{database}?mode=ro", uri=True, **kwargs)

    monkeypatch.setattr(aiosqlite, "connect", read_only)
    with pytest.raises(StoreError, match="is read-only") as refused:
        await Store.open(path)
    assert "damaged" not in str(refused.value) and "\n" not in str(refused.value)
