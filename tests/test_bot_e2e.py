"""End to end: the real python-telegram-bot Application against the local Bot API emulator."""

from __future__ import annotations

import asyncio
import csv

from bot.callbacks import Answer, Language
from bot.cli import main
from tests.helpers import Harness, make_settings


async def test_deep_link_runs_post_purchase_survey_and_stores_each_answer(harness: Harness):
    emu, user = harness.emu, 501
    emu.add_user(user, "Ann", language_code="en")
    emu.send_text(user, f"/start {await harness.order_token('A-1')}")
    greeting = await harness.next_message(user)
    assert "Hi Ann" in greeting["text"] and "Four quick questions" in greeting["text"]

    q = await harness.question(user)
    assert q["text"] == "How did you first hear about us?"
    await harness.press(user, q, "friend")
    q2 = await harness.question(user, after=q["message_id"])
    assert "How easy" in q2["text"] and [d.split("|")[-1] for _, d in emu.buttons(q2)] == [str(n) for n in range(1, 8)]
    # The answered question now shows the answer and has lost its buttons.
    answered = next(m for m in emu.bot_messages(user) if m["message_id"] == q["message_id"])
    assert "Your answer: A friend" in answered["text"] and not emu.buttons(answered)
    assert await harness.rows("SELECT question_id, value_text FROM answers") == [("channel", "friend")]

    await harness.press(user, q2, "6")
    q3 = await harness.question(user, after=q2["message_id"])
    await harness.press(user, q3, "2")
    q4 = await harness.question(user, after=q3["message_id"])
    assert "What went wrong" in q4["text"] and [t for t, _ in emu.buttons(q4)] == ["Skip ⏭"]
    emu.send_text(user, "The parcel arrived <b>late</b> & the box was crushed")
    outro = await harness.next_message(
        user, after=q4["message_id"], predicate=lambda m: "Thank you!" in m.get("text", "")
    )
    assert "about a week" in outro["text"]
    rows = await harness.rows("SELECT question_id, stage, value_number, value_text, language FROM answers ORDER BY id")
    assert rows == [
        ("channel", "awareness", None, "friend", "en"),
        ("checkout_ease", "purchase", 6.0, None, "en"),
        ("purchase_csat", "purchase", 2.0, None, "en"),
        ("what_went_wrong", "purchase", None, "The parcel arrived <b>late</b> & the box was crushed", "en"),
    ]
    [(sentiment, text_language)] = await harness.rows(
        "SELECT sentiment, text_language FROM answers WHERE question_type = 'text'"
    )
    assert sentiment < 0 and text_language == "en"
    assert await harness.drained() == 0


async def test_first_week_survey_arrives_after_the_delay_and_exports(emulator, tmp_path, surveys, monkeypatch, capsys):
    harness = Harness(emulator, make_settings(tmp_path, emulator.base_url, first_week_delay=1.5), surveys)
    await harness.start()
    try:
        user = 502
        emulator.add_user(user, "Борис", language_code="ru")
        emulator.send_text(user, f"/start {await harness.order_token('R-1')}")
        last = 0
        for value in ("search", "7", "5", "skip"):
            q = await harness.question(user, after=last)
            await harness.press(user, q, value)
            last = q["message_id"]
        assert "Спасибо" in (await harness.next_message(user, after=last))["text"]
        intro = await harness.next_message(
            user, after=last + 1, timeout=8, predicate=lambda m: "Снова здравствуйте" in m.get("text", "")
        )
        q = await harness.question(user, after=intro["message_id"])
        assert "ожидания" in q["text"]
        for value in ("4", "5", "not_needed", "9"):
            await harness.press(user, q, value)
            q = await harness.question(user, after=q["message_id"])
        emulator.send_text(user, "Всё отлично, спасибо!")
        await harness.next_message(
            user, after=q["message_id"], predicate=lambda m: "Спасибо за уделённое время" in m.get("text", "")
        )
        counts = await harness.rows(
            "SELECT i.survey, count(*) FROM answers a JOIN invitations i ON i.id = a.invitation_id GROUP BY i.survey ORDER BY 1"
        )
        assert counts == [("first_week", 5), ("post_purchase", 4)]
        [(sentiment, scorer)] = await harness.rows(
            "SELECT sentiment, scorer FROM answers WHERE question_type = 'text' AND NOT skipped"
        )
        assert sentiment > 0 and scorer == "tfidf-lr-ru"
    finally:
        await harness.stop()
    monkeypatch.setenv("DATABASE_PATH", str(tmp_path / "bot.sqlite3"))
    await asyncio.to_thread(main, ["export", "answers", "--out", str(tmp_path / "answers.csv")])
    rows = list(csv.DictReader((tmp_path / "answers.csv").open(encoding="utf-8")))
    assert len(rows) == 9 and {r["language"] for r in rows} == {"ru"}
    assert [r["answer"] for r in rows if r["question_id"] == "nps"] == ["9"]
    assert [r["skipped"] for r in rows if r["question_id"] == "improve"] == ["1"]


async def test_bad_input_gets_a_polite_answer_and_changes_nothing(harness: Harness):
    emu, user = harness.emu, 503
    emu.add_user(user, "Cleo", language_code="de")  # unsupported language falls back to English
    emu.send_text(user, "hello?")
    assert "personal link" in (await harness.next_message(user))["text"]
    emu.send_text(user, "/start 1_AAAAAAAAAAAAAAAAAAAAAA")
    assert "isn't valid" in (await harness.next_message(user, predicate=lambda m: "valid" in m.get("text", "")))["text"]
    emu.send_text(user, "/start " + "x" * 300)
    await harness.next_message(user, predicate=lambda m: m.get("text", "").count("isn't valid") and m["message_id"] > 4)

    emu.send_text(user, f"/start {await harness.order_token('C-1')}")
    q = await harness.question(user)
    emu.send_text(user, "social media I guess")  # text where a button is expected
    again = await harness.question(user, after=q["message_id"])
    assert again["text"] == q["text"] and emu.buttons(again) == emu.buttons(q)
    assert any("choose one of the buttons" in m.get("text", "") for m in emu.bot_messages(user))
    last = again["message_id"]
    emu.send_sticker(user)
    sorry = await harness.next_message(user, after=last)
    assert "only read text" in sorry["text"]
    emu.send_photo(user)
    emu.send_voice(user)
    await harness.next_message(
        user, after=sorry["message_id"], predicate=lambda m: "only read text" in m.get("text", "")
    )

    typed = emu.send_text(user, "typo")
    edited_reply = await harness.next_message(user, after=max(m["message_id"] for m in emu.messages(user)))
    emu.edit_text(user, typed["message"]["message_id"], "=cmd|' /C calc'!A0")
    await harness.next_message(
        user, after=edited_reply["message_id"], predicate=lambda m: "edit isn't picked up" in m.get("text", "")
    )

    # Forged callback data, another invitation's button, an out-of-range score: nothing is stored.
    inv = Answer.parse(emu.buttons(again)[0][1]).invitation_id
    other, nope, stale = Answer(999, "channel", "ad"), Answer(inv, "channel", "nope"), Answer(inv, "purchase_csat", "5")
    for data in (other.build(), nope.build(), stale.build(), "zzz", "a|x|y", Language("fr").build()):
        emu.press_button(user, again["message_id"], data, check=False)
    await asyncio.sleep(0.3)
    assert await harness.rows("SELECT count(*) FROM answers") == [(0,)]
    assert len(emu.answered_callbacks) >= 6
    assert await harness.drained() == 0

    # A double tap stores one answer.
    emu.press_button(user, again["message_id"], Answer(inv, "channel", "ad").build())
    emu.press_button(user, again["message_id"], Answer(inv, "channel", "ad").build(), check=False)
    await harness.question(user, after=again["message_id"])
    await asyncio.sleep(0.2)
    assert await harness.rows("SELECT question_id, value_text FROM answers") == [("channel", "ad")]


async def test_other_customers_buttons_and_links_are_refused(harness: Harness):
    emu = harness.emu
    emu.add_user(601, "Ann")
    emu.add_user(602, "Mallory")
    token = await harness.order_token("D-1")
    emu.send_text(601, f"/start {token}")
    q = await harness.question(601)
    emu.send_text(602, f"/start {token}")
    assert "another customer" in (await harness.next_message(602))["text"]
    emu.send_text(602, f"/start {await harness.order_token('D-2')}")
    await harness.question(602)
    emu.press_button(602, q["message_id"], emu.buttons(q)[0][1], check=False)
    await asyncio.sleep(0.3)
    assert await harness.rows("SELECT count(*) FROM answers") == [(0,)]
    assert any("isn't available" in (c.get("text") or "") for c in emu.answered_callbacks)


async def test_finished_survey_button_and_second_start(harness: Harness):
    emu, user = harness.emu, 504
    emu.add_user(user, "Dan")
    token = await harness.order_token("E-1")
    emu.send_text(user, f"/start {token}")
    last, first = 0, None
    for value in ("ad", "7", "5", "skip"):
        q = await harness.question(user, after=last)
        first = first or q
        await harness.press(user, q, value)
        last = q["message_id"]
    await harness.next_message(user, after=last, predicate=lambda m: "Thank you!" in m.get("text", ""))
    emu.press_button(user, first["message_id"], emu.buttons(first)[0][1], check=False)
    emu.send_text(user, f"/start {token}")
    done = await harness.next_message(user, predicate=lambda m: "already answered" in m.get("text", ""))
    emu.send_text(user, "one more thing")
    await harness.next_message(
        user, after=done["message_id"], predicate=lambda m: "no survey running" in m.get("text", "")
    )
    assert await harness.rows("SELECT count(*) FROM answers") == [(4,)]
    assert await harness.rows("SELECT count(*) FROM invitations") == [(2,)]


async def test_stop_language_and_help(emulator, tmp_path, surveys):
    harness = Harness(emulator, make_settings(tmp_path, emulator.base_url, first_week_delay=0.5), surveys)
    await harness.start()
    try:
        emu, user = emulator, 505
        emu.add_user(user, "Eve")
        emu.send_text(user, "/help")
        assert "/stop" in (await harness.next_message(user))["text"]
        emu.send_text(user, "/language")
        chooser = await harness.next_message(user, predicate=lambda m: emu.buttons(m))
        emu.press_button(user, chooser["message_id"], Language("zh").build())
        await harness.next_message(user, predicate=lambda m: m.get("text") == "语言已设置为中文。")
        emu.send_text(user, f"/start {await harness.order_token('F-1')}")
        q = await harness.question(user)
        assert q["text"] == "您最初是如何了解到我们的？"
        emu.send_text(user, "/stop")
        await harness.next_message(user, predicate=lambda m: "不会再" in m.get("text", ""))
        await asyncio.sleep(1.5)  # the first-week survey falls due, but the customer said stop
        assert not any("又见面了" in m.get("text", "") for m in emu.bot_messages(user))
        assert await harness.rows("SELECT sent_at FROM invitations WHERE survey = 'first_week'") == [(None,)]
    finally:
        await harness.stop()


async def test_blocked_customer_is_marked_unreachable_and_keeps_answers(emulator, tmp_path, surveys):
    settings = make_settings(tmp_path, emulator.base_url, first_week_delay=0.5, reminder_delay=0.3)
    harness = Harness(emulator, settings, surveys)
    await harness.start()
    try:
        user = 506
        emulator.add_user(user, "Gus")
        emulator.send_text(user, f"/start {await harness.order_token('G-1')}")
        q = await harness.question(user)
        await harness.press(user, q, "ad")
        await harness.question(user, after=q["message_id"])
        emulator.block(user)
        await asyncio.sleep(1.5)
        [(unreachable,)] = await harness.rows(
            "SELECT unreachable_at FROM customers WHERE telegram_user_id = ?", (user,)
        )
        assert unreachable is not None
        assert await harness.rows("SELECT count(*) FROM answers") == [(1,)]
        assert await harness.rows("SELECT sent_at FROM invitations WHERE survey = 'first_week'") == [(None,)]
    finally:
        await harness.stop()


async def test_restart_in_the_middle_continues_the_survey(emulator, tmp_path, surveys):
    settings = make_settings(tmp_path, emulator.base_url)
    first = Harness(emulator, settings, surveys)
    await first.start()
    user = 507
    emulator.add_user(user, "Hal")
    emulator.send_text(user, f"/start {await first.order_token('H-1')}")
    q = await first.question(user)
    await first.press(user, q, "search")
    q2 = await first.question(user, after=q["message_id"])
    await first.stop()
    emulator.press_button(user, q2["message_id"], emulator.buttons(q2)[4][1])  # answered while the bot is down
    second = Harness(emulator, settings, surveys)
    await second.start()
    try:
        q3 = await second.question(user, after=q2["message_id"])
        assert "Overall" in q3["text"]
        assert await second.rows("SELECT question_id FROM answers ORDER BY id") == [("channel",), ("checkout_ease",)]
    finally:
        await second.stop()


async def test_apostrophes_and_customer_text_render_as_text(harness: Harness):
    emu, user = harness.emu, 508
    emu.add_user(user, "<b>Ivy</b> & Co", language_code="en")
    emu.send_text(user, f"/start {await harness.order_token('I-1')}")
    greeting = await harness.next_message(user)
    assert greeting["text"].startswith("Hi <b>Ivy</b> & Co!")  # shown literally, not as markup
    last = 0
    for value in ("ad", "7", "5", "skip"):
        q = await harness.question(user, after=last)
        await harness.press(user, q, value)
        last = q["message_id"]
    thanks = await harness.next_message(user, after=last)
    assert "We'll check in once more" in thanks["text"] and "&#x27;" not in thanks["text"]


async def test_first_week_survey_due_while_down_is_sent_once_after_restart(emulator, tmp_path, surveys):
    settings = make_settings(tmp_path, emulator.base_url, first_week_delay=1.0)
    first = Harness(emulator, settings, surveys)
    await first.start()
    user = 509
    emulator.add_user(user, "Jo")
    emulator.send_text(user, f"/start {await first.order_token('J-1')}")
    last = 0
    for value in ("other", "4", "4", "skip"):
        q = await first.question(user, after=last)
        await first.press(user, q, value)
        last = q["message_id"]
    await first.next_message(user, after=last, predicate=lambda m: "Thank you!" in m.get("text", ""))
    await first.stop()
    await asyncio.sleep(1.5)  # the first-week survey falls due while the bot is down
    second = Harness(emulator, settings, surveys)
    await second.start()
    try:
        await second.next_message(user, after=last, timeout=5, predicate=lambda m: "Hello again" in m.get("text", ""))
        await asyncio.sleep(1.0)  # several scheduler rounds
        intros = [m for m in emulator.bot_messages(user) if "Hello again" in m.get("text", "")]
        assert len(intros) == 1
    finally:
        await second.stop()
    third = Harness(emulator, settings, surveys)  # and a further restart does not send it again
    await third.start()
    await asyncio.sleep(1.0)
    await third.stop()
    assert len([m for m in emulator.bot_messages(user) if "Hello again" in m.get("text", "")]) == 1
