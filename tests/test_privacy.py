"""End to end: /mydata shows everything stored, /forget leaves no byte behind, raw updates expire."""

from __future__ import annotations

import asyncio
import json
import time
from pathlib import Path

from tests.helpers import Harness, make_settings

SUPPORT = -1005678
STAFF = 950
MARK = "Qx7marker"  # what the forgotten customer wrote, in every place it can end up
KEEP = "Kp9keeper"  # what another customer wrote, which must stay


def database_bytes(path: Path) -> bytes:
    """Every byte of the database, its WAL and its shared-memory index."""
    return b"".join(
        Path(f"{path}{suffix}").read_bytes() for suffix in ("", "-wal", "-shm") if Path(f"{path}{suffix}").exists()
    )


async def survey(h: Harness, user: int, name: str, words: str) -> None:
    """Run an unhappy post-purchase survey ending in `words`."""
    await h.answer_survey(user, name, ("ad", "6", "1"), words)


async def wait_for(condition, timeout: float = 10.0) -> None:
    """Wait until an async condition holds."""
    deadline = asyncio.get_running_loop().time() + timeout
    while not await condition():
        assert asyncio.get_running_loop().time() < deadline, "condition never held"
        await asyncio.sleep(0.05)


async def forget(h: Harness, user: int) -> None:
    """Ask to be forgotten and confirm."""
    h.emu.send_text(user, "/forget")
    ask = await h.next_message(user, predicate=lambda m: "Delete everything" in m.get("text", ""))
    h.emu.press_button(user, ask["message_id"], "f|yes")
    await h.next_message(user, predicate=lambda m: "your data is deleted" in m.get("text", ""))
    assert await h.drained() == 0


async def test_forget_leaves_no_byte_of_what_the_customer_wrote(emulator, tmp_path, surveys):
    emulator.add_group(SUPPORT, "Support", is_forum=True)
    emulator.add_user(STAFF, "Sam")
    settings = make_settings(tmp_path, emulator.base_url, support_chat_id=SUPPORT, staff_user_ids=str(STAFF))
    h = Harness(emulator, settings, surveys)
    await h.start()
    user, other = 960, 961
    try:
        await survey(h, other, "Kim", f"Broken box, {KEEP}")
        await survey(h, user, f"Ann{MARK}", f"Broken box, call me at {MARK} 555-0101")
        card = await h.next_message(
            SUPPORT, predicate=lambda m: MARK in m.get("text", "") and "Reply to this card" in m["text"]
        )
        # Staff press a button on the card and reply to it: Telegram embeds the card, the customer's words in it.
        take = next(d for _, d in emulator.buttons(card) if "take" in d)
        emulator.press_button(STAFF, card["message_id"], take, chat_id=SUPPORT)
        emulator.send_text(
            STAFF,
            "Sorry, a new one ships today",
            chat_id=SUPPORT,
            reply_to_message_id=card["message_id"],
            message_thread_id=card["message_thread_id"],
        )
        relayed = await h.next_message(user, predicate=lambda m: "new one ships" in m.get("text", ""))
        said = emulator.send_text(user, f"My address is {MARK} Road 12", reply_to_message_id=relayed["message_id"])
        note = await h.next_message(SUPPORT, predicate=lambda m: f"{MARK} Road" in m.get("text", ""))
        emulator.send_text(
            STAFF,
            "Noted the address",
            chat_id=SUPPORT,
            reply_to_message_id=note["message_id"],
            message_thread_id=card["message_thread_id"],
        )
        await h.next_message(user, predicate=lambda m: "Noted the address" in m.get("text", ""))
        # Their edit, a reaction and a block, each an update of its own kind carrying their name.
        emulator.edit_text(user, said["message"]["message_id"], f"My address is {MARK} Road 14")
        me = {"id": user, "is_bot": False, "first_name": f"Ann{MARK}"}
        chat = {"id": user, "type": "private", "first_name": f"Ann{MARK}"}
        emulator.enqueue_raw(
            {
                "message_reaction": {
                    "chat": chat,
                    "message_id": relayed["message_id"],
                    "user": me,
                    "date": int(time.time()),
                    "old_reaction": [],
                    "new_reaction": [{"type": "emoji", "emoji": "👍"}],
                }
            }
        )
        bot = {"id": emulator.bot_id, "is_bot": True, "first_name": "Bot"}
        emulator.enqueue_raw(
            {
                "my_chat_member": {
                    "chat": chat,
                    "from": me,
                    "date": int(time.time()),
                    "old_chat_member": {"user": bot, "status": "member"},
                    "new_chat_member": {"user": bot, "status": "member"},
                }
            }
        )
        assert await h.drained() == 0
        assert MARK.encode() in database_bytes(settings.database_path)  # the search can find it

        emulator.send_text(user, "/mydata")
        shown = await h.next_message(user, predicate=lambda m: "everything I store" in m.get("text", ""))
        everything = "\n".join(m["text"] for m in emulator.bot_messages(user) if m["message_id"] >= shown["message_id"])
        assert f"chat_id: {user}" in everything and "sentiment" in everything and "csat_low" in everything
        assert "staff_reply Sam: Sorry, a new one ships today" in everything and f"{MARK} Road 12" in everything
        assert "message_reaction: 👍" in everything and "edited_message" in everything
        emulator.send_text(STAFF, "/mydata")  # staff are people too: what they did on complaints is theirs to see
        staff = await h.next_message(STAFF, predicate=lambda m: "everything I store" in m.get("text", ""))
        assert "As support staff" in staff["text"] and "staff_reply: Sorry, a new one ships today" in staff["text"]
        assert "taken" in staff["text"] and MARK not in staff["text"]

        await forget(h, user)

        async def topic_gone() -> bool:  # the complaint's topic goes with everything said in it, staff's words too
            return not any(m.get("message_thread_id") == card["message_thread_id"] for m in emulator.messages(SUPPORT))

        await wait_for(topic_gone)
        assert not any(MARK in json.dumps(m, ensure_ascii=False) for m in emulator.messages(SUPPORT))
        assert any(KEEP in m.get("text", "") for m in emulator.bot_messages(SUPPORT))  # the other customer's card stays
        await asyncio.sleep(0.5)  # a few desk rounds and scheduler ticks write on after the erasure
        assert MARK.encode() not in database_bytes(settings.database_path)  # running: WAL emptied, pages zeroed
    finally:
        await h.stop()
    kept = database_bytes(settings.database_path)
    assert MARK.encode() not in kept and KEEP.encode() in kept


async def test_without_topics_the_cards_about_a_forgotten_customer_are_overwritten(emulator, tmp_path, surveys):
    emulator.add_group(SUPPORT, "Support")  # not a forum: every card in one chat
    settings = make_settings(tmp_path, emulator.base_url, support_chat_id=SUPPORT, staff_user_ids=str(STAFF))
    h = Harness(emulator, settings, surveys)
    await h.start()
    try:
        await survey(h, 962, "Kim", f"Broken box, {KEEP}")
        await survey(h, 963, "Ann", f"Broken box, {MARK}")
        await h.next_message(SUPPORT, predicate=lambda m: MARK in m.get("text", ""))
        await forget(h, 963)

        async def blanked() -> bool:
            return not any(MARK in m.get("text", "") for m in emulator.bot_messages(SUPPORT))

        await wait_for(blanked)
        texts = [m.get("text", "") for m in emulator.bot_messages(SUPPORT)]
        assert "🗑 Erased at the customer's request (/forget)." in texts and any(KEEP in t for t in texts)
    finally:
        await h.stop()


async def test_someone_without_an_order_is_shown_and_forgotten(harness: Harness):
    h, emu, user = harness, harness.emu, 970
    emu.add_user(user, "Walk-in")
    emu.send_text(user, f"你好，我叫{MARK}")
    await h.next_message(user)
    emu.send_text(user, "/mydata")
    shown = await h.next_message(user, predicate=lambda m: "everything I store" in m.get("text", ""))
    assert f"message: 你好，我叫{MARK}" in shown["text"] and "deleted 3 days after" in shown["text"]
    assert f"你好，我叫{MARK}".encode() in database_bytes(h.settings.database_path)  # stored as UTF-8, not escaped
    await forget(h, user)
    assert await h.rows("SELECT count(*) FROM inbox WHERE payload LIKE ?", (f"%{MARK}%",)) == [(0,)]
    assert MARK.encode() not in database_bytes(h.settings.database_path)


async def test_handled_raw_updates_are_deleted_after_the_retention_time(emulator, tmp_path, surveys):
    settings = make_settings(tmp_path, emulator.base_url, raw_update_retention=2.0)
    h = Harness(emulator, settings, surveys)
    await h.start()
    try:
        emulator.add_user(980, "Ann")
        for n in range(5):
            emulator.send_text(980, f"/help {n}")

        async def stored() -> bool:
            return await h.rows("SELECT count(*) FROM inbox WHERE processed_at IS NOT NULL") == [(5,)]

        await wait_for(stored)  # handled, and kept for two seconds

        async def pruned() -> bool:
            return await h.rows("SELECT count(*), sum(payload = json_object('update_id', update_id)) FROM inbox") == [
                (1, 1)
            ]

        await wait_for(pruned)  # the newest keeps an empty shell: where polling resumes after a restart
    finally:
        await h.stop()


def test_mydata_splits_long_content_into_valid_messages_within_the_limit():
    from bot.handlers.privacy import render_my_data
    from bot.local_bot_api.html import parse_html, utf16_len
    from surveys.store import Customer

    long_text = ('<b>&"破损的盒子"</b> 📦 ' * 400)[:4096]
    data = {
        "customer": Customer(1, 42, 42, "A" * 300 + "<i>", "zh", None, None),
        "orders": [{"id": 1, "order": "A-1<&>", "purchased_at": "2026-11-18T12:00:00.000000Z"}],
        "answers": [
            {
                "survey": "post_purchase",
                "question": "what_went_wrong",
                "type": "text",
                "number": None,
                "text": long_text,
                "skipped": 0,
                "at": "2026-11-18T12:00:00Z",
                "sentiment": -0.5,
                "feeling": "negative",
                "topics": "packaging",
                "complaint": 1,
                "language": "zh",
            }
        ]
        * 3,
        "complaints": [
            {
                "id": 1,
                "state": "open",
                "opened_at": "2026-11-18T12:00:00Z",
                "resolved_at": None,
                "confirmed": None,
                "reasons": "what_went_wrong: negative_text",
            }
        ],
        "events": [
            {"complaint": 1, "at": "2026-11-18T13:00:00Z", "kind": "customer_reply", "actor": None, "text": long_text}
        ],
        "updates": [
            {
                "update_id": 7,
                "received_at": "2026-11-18T12:00:00Z",
                "payload": '{"update_id": 7, "message": {"text": "' + long_text.replace('"', '\\"') + '"}}',
            }
        ],
    }
    messages = render_my_data(data, "zh", 3)
    assert len(messages) >= 5
    shown = []
    for message in messages:
        plain, _ = parse_html(message)  # valid Telegram HTML: no entity or tag cut in half
        assert utf16_len(plain) <= 4096 and utf16_len(message) <= 4096
        shown.append(plain)
    # Nothing is lost: the long text is there in full, in pieces that continue with "… ".
    joined = "".join(line.removeprefix("… ") for line in "\n".join(shown).splitlines())
    assert joined.count(long_text) == 5 and "A" * 300 + "<i>" in joined


async def test_a_forwarded_link_shows_no_shop_data_and_relink_hands_the_order_back(
    harness: Harness, monkeypatch, capsys
):
    import pytest

    from bot.cli import main
    from tests.helpers import SECRET, USERNAME

    h, emu = harness, harness.emu
    for name, value in (
        ("DATABASE_PATH", h.settings.database_path),
        ("DEEP_LINK_SECRET", SECRET),
        ("TELEGRAM_BOT_USERNAME", USERNAME),
    ):
        monkeypatch.setenv(name, str(value))
    await asyncio.to_thread(main, ["orders", "add", "A-88", "--customer", "Ann Shopname"])
    first = capsys.readouterr().out.strip().split("start=")[1]
    stranger, owner = 990, 991
    emu.add_user(stranger, "Eve")
    emu.send_text(stranger, f"/start {first}")  # the link was forwarded: Eve opens it first
    q = await h.question(stranger)
    await h.press(stranger, q, "ad")
    await h.question(stranger, after=q["message_id"])
    emu.send_text(stranger, "/mydata")
    shown = await h.next_message(stranger, predicate=lambda m: "everything I store" in m.get("text", ""))
    assert "A-88" in shown["text"] and "Shopname" not in shown["text"]  # what the shop typed stays with the shop

    await asyncio.to_thread(main, ["orders", "relink", "A-88"])
    second = capsys.readouterr().out.strip().split("start=")[1]
    assert second != first and second.startswith(first.split("_")[0] + "-1_")
    await asyncio.to_thread(main, ["orders", "add", "A-88"])  # adding it again prints the link that works
    assert capsys.readouterr().out.strip().endswith(f"start={second}")
    emu.send_text(stranger, f"/start {first}")  # the old link no longer opens anything
    await h.next_message(stranger, predicate=lambda m: "link isn't valid" in m.get("text", ""))
    emu.send_text(stranger, "/mydata")
    again = await h.next_message(
        stranger, after=shown["message_id"], predicate=lambda m: "everything I store" in m.get("text", "")
    )
    assert (
        "A-88" not in again["text"] and "post_purchase/channel" not in again["text"]
    )  # detached, its answers gone with it

    emu.add_user(owner, "Ann")
    emu.send_text(owner, f"/start {second}")
    q = await h.question(owner)
    assert q["text"] == "How did you first hear about us?"  # a fresh start for the real customer
    assert await h.rows("SELECT c.telegram_user_id FROM orders o JOIN customers c ON c.id = o.customer_id") == [
        (owner,)
    ]
    with pytest.raises(SystemExit) as exit_:
        await asyncio.to_thread(main, ["orders", "relink", "NOPE-1"])
    assert exit_.value.code == 1 and capsys.readouterr().err.strip() == (
        "journeypulse: no order 'NOPE-1' (or its customer asked to be forgotten); nothing changed"
    )
