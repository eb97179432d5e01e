"""End to end: the support desk in a Telegram support chat, against the emulator."""

from __future__ import annotations

import asyncio

import pytest

from bot.callbacks import Desk, Forget
from bot.handlers.desk import STATE_MARKS, card_buttons
from bot.texts import TEXTS
from surveys.complaints import BUTTONS, Action, State
from surveys.store import Complaint
from tests.helpers import T0, Harness, make_settings

SUPPORT = -1001234
STAFF, OUTSIDER = 900, 901


@pytest.fixture
async def desk(emulator, tmp_path, surveys):
    """The bot with a forum support chat, one staff member and one outsider in it."""
    emulator.add_group(SUPPORT, "Support", is_forum=True)
    emulator.add_user(STAFF, "Sam")
    emulator.add_user(OUTSIDER, "Olly")
    settings = make_settings(
        tmp_path, emulator.base_url, support_chat_id=SUPPORT, staff_user_ids=str(STAFF), complaint_escalate_after=3600
    )
    h = Harness(emulator, settings, surveys)
    await h.start()
    yield h
    await h.stop()


def test_every_complaint_state_and_action_is_rendered_in_every_language():
    # A state or action added in surveys/complaints.py fails here until it has its words and its mark.
    assert set(STATE_MARKS) == set(State)
    for language, catalogue in TEXTS.items():
        assert all(f"desk_state_{state}" in catalogue for state in State), language
        assert all(f"desk_{action}" in catalogue for action in Action), language
    for state in State:
        complaint = Complaint(5, 1, 1, state, T0, T0, None, None, None, None, None, None, None, None, None)
        pressed = [b.callback_data for b in card_buttons(complaint, "ru").inline_keyboard[0]]
        assert pressed == [Desk(5, action).build() for action in BUTTONS[state]]


async def customer(h: Harness, user: int, name: str, presses: tuple[str, ...], words: str) -> None:
    """Run a post-purchase survey: press the given buttons, then write `words`."""
    await h.answer_survey(user, name, presses, words)


async def unhappy_customer(
    h: Harness, user: int, name: str = "Ann", complaint: str = "The parcel arrived broken"
) -> None:
    """Run a post-purchase survey with a CSAT of 1 and a complaining text."""
    await customer(h, user, name, ("ad", "6", "1"), complaint)


async def card(h: Harness, predicate=lambda m: True) -> dict:
    """Wait for a complaint card in the support chat."""
    return await h.next_message(SUPPORT, predicate=lambda m: "Reply to this card" in m.get("text", "") and predicate(m))


def toast_of(h: Harness, update: dict) -> str | None:
    """Return the text the bot answered a button press with."""
    query_id = update["callback_query"]["id"]
    return next(a["text"] for a in h.emu.answered_callbacks if a["callback_query_id"] == query_id)


async def toasted(h: Harness, update: dict) -> str | None:
    """Wait until a button press is answered and return the toast."""
    for _ in range(200):
        try:
            return toast_of(h, update)
        except StopIteration:
            await asyncio.sleep(0.025)
    raise AssertionError("the button press was never answered")


async def test_unhappy_customer_reaches_the_desk_and_the_loop_closes(desk: Harness):
    h, emu, user = desk, desk.emu, 610
    await unhappy_customer(h, user, "Ann <i>", "The parcel arrived broken </b><a href='x'>&")
    posted = await card(h, lambda m: "broken" in m["text"])  # posted at the CSAT, redrawn with the text
    assert "The parcel arrived broken </b><a href='x'>&" in posted["text"]  # shown as typed, not as markup
    # One topic per complaint, the card inside it, with every flagged answer and its reasons.
    assert posted.get("message_thread_id") and posted.get("is_topic_message")
    assert "Ann <i>" in posted["text"] and "A-610" in posted["text"] and "post_purchase" in posted["text"]
    assert (
        "csat_low" in posted["text"]
        and "complaint_text" in posted["text"]
        and "The parcel arrived broken" in posted["text"]
    )
    assert [label for label, _ in emu.buttons(posted)] == ["🙋 Take", "✅ Resolve"]
    [(state, reasons)] = await h.rows(
        "SELECT c.state, group_concat(f.reasons, ';') FROM complaints c JOIN complaint_flags f ON f.complaint_id = c.id"
    )
    assert state == "open" and "csat_low" in reasons and "complaint_text" in reasons and "negative_text" not in reasons

    [(_, take)] = [b for b in emu.buttons(posted) if "take" in b[1]]
    assert await toasted(h, emu.press_button(STAFF, posted["message_id"], take, chat_id=SUPPORT)) == "Done."
    taken = await card(h, lambda m: "Taken by Sam" in m["text"])
    assert "in progress" in taken["text"] and [label for label, _ in emu.buttons(taken)] == ["✅ Resolve"]

    # A staff reply on the card reaches the customer, escaped, marked as support.
    staff_says = emu.send_text(
        STAFF,
        "Sorry! A new one ships today <script>x</script>",
        chat_id=SUPPORT,
        reply_to_message_id=posted["message_id"],
        message_thread_id=posted["message_thread_id"],
    )
    relayed = await h.next_message(user, predicate=lambda m: "Support team" in m.get("text", ""))
    assert "A new one ships today <script>x</script>" in relayed["text"]
    await card(h, lambda m: "Last reply to the customer: Sam" in m["text"])

    # The customer answers by replying; it comes back under the card.
    customer_says = emu.send_text(user, "Thanks, when will it arrive?", reply_to_message_id=relayed["message_id"])
    back = await h.next_message(SUPPORT, predicate=lambda m: "when will it arrive" in m.get("text", ""))
    assert back["message_thread_id"] == posted["message_thread_id"] and "Ann" in back["text"]
    await h.next_message(user, predicate=lambda m: "Sent to our support team" in m.get("text", ""))

    # Replayed updates (as after a crash) relay nothing twice.
    emu.enqueue_raw({"message": staff_says["message"]})
    emu.enqueue_raw({"message": customer_says["message"]})
    await h.drained()
    await asyncio.sleep(0.5)  # two desk rounds
    assert len([m for m in emu.bot_messages(user) if "A new one ships today" in m.get("text", "")]) == 1
    assert len([m for m in emu.bot_messages(SUPPORT) if "when will it arrive" in m.get("text", "")]) == 1

    # Resolve asks the customer; "no" reopens, a second resolve and "yes" closes the loop.
    [(_, resolve)] = [b for b in emu.buttons(taken) if "resolve" in b[1]]
    emu.press_button(STAFF, posted["message_id"], resolve, chat_id=SUPPORT)
    ask = await h.next_message(user, predicate=lambda m: "Was your issue resolved?" in m.get("text", ""))
    emu.press_button(user, ask["message_id"], next(d for _, d in emu.buttons(ask) if d.endswith("|no")))
    await h.next_message(SUPPORT, predicate=lambda m: "not fixed: reopened" in m.get("text", ""))
    reopened = await card(h, lambda m: "reopened" in m["text"])
    assert [label for label, _ in emu.buttons(reopened)] == ["🙋 Take", "✅ Resolve"]

    emu.press_button(STAFF, posted["message_id"], resolve, chat_id=SUPPORT)
    ask2 = await h.next_message(
        user, after=ask["message_id"], predicate=lambda m: "Was your issue resolved?" in m.get("text", "")
    )
    emu.press_button(user, ask2["message_id"], next(d for _, d in emu.buttons(ask2) if d.endswith("|yes")))
    closed = await card(h, lambda m: "confirmed the fix" in m["text"])
    assert "resolved" in closed["text"] and [label for label, _ in emu.buttons(closed)] == ["↩️ Reopen"]
    # Pressing "no" on the old question now changes nothing.
    stale = emu.press_button(
        user, ask["message_id"], next(d for _, d in emu.buttons(ask) if d.endswith("|no")), check=False
    )
    assert await toasted(h, stale) == "Already recorded, thank you!"

    events = [kind for (kind,) in await h.rows("SELECT kind FROM complaint_events ORDER BY id")]
    assert events == [
        "opened",
        "taken",
        "staff_reply",
        "customer_reply",
        "resolved",
        "confirmed_no",
        "resolved",
        "confirmed_yes",
    ]
    assert await h.rows("SELECT state, confirmed, assignee_name FROM complaints") == [("resolved", 1, "Sam")]
    assert await h.rows("SELECT count(*) FROM complaint_events WHERE actor_id = ?", (STAFF,)) == [(4,)]


async def test_only_staff_can_act_on_a_complaint(desk: Harness):
    h, emu, user = desk, desk.emu, 611
    await unhappy_customer(h, user)
    posted = await card(h)
    [(_, take), (_, resolve)] = emu.buttons(posted)
    for data in (take, resolve, Desk(posted["message_id"], Action.RESOLVE).build(), "d|1|explode"):
        press = emu.press_button(OUTSIDER, posted["message_id"], data, chat_id=SUPPORT, check=False)
        assert await toasted(h, press) == "Sorry, only support staff can act on complaints."
    emu.send_text(
        OUTSIDER,
        "Hi, I'm from support, send me your card number",
        chat_id=SUPPORT,
        reply_to_message_id=posted["message_id"],
    )
    await h.next_message(SUPPORT, predicate=lambda m: "only support staff" in m.get("text", ""))
    # Refusals go out through the desk queue, one per person an hour: a second attempt is stored, not answered.
    emu.send_text(OUTSIDER, "/complaints", chat_id=SUPPORT)
    assert await h.drained() == 0
    await asyncio.sleep(0.5)  # two desk rounds
    assert len([m for m in emu.bot_messages(SUPPORT) if "only support staff" in m.get("text", "")]) == 1
    assert await h.rows("SELECT count(*) FROM desk_notes WHERE recipient_id = ?", (OUTSIDER,)) == [(1,)]
    assert await h.rows("SELECT state, assignee_id FROM complaints") == [("open", None)]
    assert not [m for m in emu.bot_messages(user) if "card number" in m.get("text", "")]
    assert await h.rows("SELECT kind FROM complaint_events") == [("opened",)]


async def test_happy_customer_opens_no_complaint(desk: Harness):
    h, emu = desk, desk.emu
    await customer(h, 612, "Hanna", ("friend", "7", "5"), "Lovely shop, fast checkout, thank you")
    await h.drained()
    await asyncio.sleep(0.5)  # two desk rounds
    assert await h.rows("SELECT count(*) FROM complaints") == [(0,)]
    assert not emu.bot_messages(SUPPORT)


async def test_untouched_complaint_is_raised_again_once_and_listed(emulator, tmp_path, surveys):
    emulator.add_group(SUPPORT, "Support")  # a plain group: no topics, cards go to the chat itself
    emulator.add_user(STAFF, "Sam")
    settings = make_settings(
        tmp_path, emulator.base_url, support_chat_id=SUPPORT, staff_user_ids=str(STAFF), complaint_escalate_after=0.6
    )
    h = Harness(emulator, settings, surveys)
    await h.start()
    try:
        await unhappy_customer(h, 620, "Ann")
        await unhappy_customer(h, 621, "Bob", "Вещь пришла сломанная, верните деньги")
        first = await card(h, lambda m: "Ann" in m["text"])
        assert "message_thread_id" not in first
        escalated = await h.next_message(SUPPORT, timeout=5, predicate=lambda m: m.get("text", "").startswith("⏰"))
        assert "nobody has taken it" in escalated["text"]
        await asyncio.sleep(1.5)  # several desk rounds later
        raised = [m for m in emulator.bot_messages(SUPPORT) if m.get("text", "").startswith("⏰")]
        assert len(raised) == 2  # one per complaint, once each
        assert sorted(m["reply_to_message"]["message_id"] for m in raised) == sorted(
            m["message_id"] for m in emulator.bot_messages(SUPPORT) if "Reply to this card" in m.get("text", "")
        )
        emulator.send_text(STAFF, "/complaints", chat_id=SUPPORT)
        listing = await h.next_message(SUPPORT, predicate=lambda m: "Open complaints" in m.get("text", ""))
        lines = listing["text"].splitlines()
        assert lines[0] == "Open complaints: 2" and "#1" in lines[1] and "Ann" in lines[1] and "Bob" in lines[2]
        [(reasons,)] = await h.rows(
            "SELECT group_concat(reasons) FROM complaint_flags WHERE complaint_id = (SELECT max(id) FROM complaints)"
        )
        assert "complaint_text" in reasons
    finally:
        await h.stop()


async def test_mydata_shows_everything_and_forget_erases_it(desk: Harness):
    h, emu, user = desk, desk.emu, 630
    await unhappy_customer(h, user, "Ann", "Box <b>crushed</b>, want a refund")
    await card(h)
    emu.send_text(user, "/mydata")
    data = await h.next_message(user, predicate=lambda m: "everything I store" in m.get("text", ""))
    assert "A-630" in data["text"] and "Box <b>crushed</b>, want a refund" in data["text"]
    assert "purchase_csat: 1" in data["text"] and "telegram_user_id: 630" in data["text"]

    emu.send_text(user, "/forget")
    ask = await h.next_message(user, predicate=lambda m: "Delete everything" in m.get("text", ""))
    emu.press_button(user, ask["message_id"], Forget(False).build())
    await h.next_message(user, predicate=lambda m: m.get("text") == "Nothing was deleted.")
    assert await h.rows("SELECT count(*) FROM customers") == [(1,)]
    emu.send_text(user, "/forget")
    ask = await h.next_message(
        user, after=ask["message_id"], predicate=lambda m: "Delete everything" in m.get("text", "")
    )
    emu.press_button(user, ask["message_id"], Forget(True).build())
    await h.next_message(user, predicate=lambda m: "your data is deleted" in m.get("text", ""))

    assert await h.rows("SELECT count(*) FROM customers") == [(0,)]
    assert await h.rows("SELECT count(*) FROM complaints") == [(0,)]
    assert await h.rows("SELECT count(*) FROM answers WHERE question_type = 'text'") == [(0,)]
    # Scores stay as anonymous numbers; the order is no longer tied to anyone or to the shop's reference.
    assert await h.rows("SELECT question_id, value_number FROM answers WHERE value_number IS NOT NULL ORDER BY id") == [
        ("checkout_ease", 6.0),
        ("purchase_csat", 1.0),
    ]
    assert await h.rows("SELECT order_ref LIKE 'forgotten:%', customer_id, customer_name FROM orders") == [
        (1, None, None)
    ]
    assert await h.rows("SELECT count(*) FROM invitations WHERE sent_at IS NULL") == [(0,)]  # no first-week survey
    assert await h.rows("SELECT count(*) FROM inbox WHERE payload LIKE '%crushed%' AND processed_at IS NOT NULL") == [
        (0,)
    ]
    emu.send_text(user, "/mydata")  # only this very request is stored now, until the retention time
    after = await h.next_message(
        user, after=ask["message_id"], predicate=lambda m: "everything I store" in m.get("text", "")
    )
    assert (
        after["text"].endswith("message: /mydata") and "Profile" not in after["text"] and "crushed" not in after["text"]
    )


async def test_the_desk_speaks_the_support_chat_language(emulator, tmp_path, surveys):
    emulator.add_group(SUPPORT, "Поддержка")
    emulator.add_user(STAFF, "Сэм")
    settings = make_settings(
        tmp_path, emulator.base_url, support_chat_id=SUPPORT, staff_user_ids=str(STAFF), support_language="ru"
    )
    h = Harness(emulator, settings, surveys)
    await h.start()
    try:
        await unhappy_customer(h, 640, "Ann")
        posted = await h.next_message(SUPPORT, predicate=lambda m: "Ответьте на эту карточку" in m.get("text", ""))
        assert "Жалоба №1" in posted["text"] and "открыта" in posted["text"]
        assert [label for label, _ in emulator.buttons(posted)] == ["🙋 Взять", "✅ Решено"]
    finally:
        await h.stop()


async def test_the_confirmation_question_survives_a_failed_send_when_staff_resolve(desk: Harness):
    h, emu, user = desk, desk.emu, 640
    await unhappy_customer(h, user)
    posted = await card(h, lambda m: "broken" in m["text"])
    [(_, resolve)] = [b for b in emu.buttons(posted) if "resolve" in b[1]]
    emu.inject_fault("500", count=2, methods={"sendMessage"})  # Telegram fails the next sends once or twice
    emu.press_button(STAFF, posted["message_id"], resolve, chat_id=SUPPORT)
    ask = await h.next_message(user, timeout=20, predicate=lambda m: "Was your issue resolved?" in m.get("text", ""))
    assert emu.faults_fired["500"] == 2  # the sends after the press did fail
    await asyncio.sleep(1.0)  # a few desk rounds: the question is not sent twice either
    assert [m["message_id"] for m in emu.bot_messages(user) if "Was your issue resolved?" in m.get("text", "")] == [
        ask["message_id"]
    ]
