"""Tests for the Bot API emulator, driven by the real python-telegram-bot client and by raw HTTP."""

import asyncio
import time
import warnings
from datetime import timedelta

import aiohttp
import pytest
from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup, ReplyKeyboardMarkup, Update
from telegram.error import BadRequest, Conflict, Forbidden, InvalidToken, NetworkError, RetryAfter, TimedOut
from telegram.ext import Application, CallbackQueryHandler, CommandHandler, ContextTypes
from telegram.request import HTTPXRequest

from bot.local_bot_api import BotAPIEmulator

USER = 1001
GROUP = -1002003004005


@pytest.fixture
async def emu():
    async with BotAPIEmulator() as emulator:
        emulator.add_user(USER, "Ann")
        yield emulator


@pytest.fixture
async def bot(emu):
    async with Bot(emu.token, base_url=emu.base_url, base_file_url=emu.base_file_url) as client:
        yield client


async def raw_post(emu, method, data=None, *, token=None, json=None):
    async with aiohttp.ClientSession() as session:
        url = f"{emu.base_url}{token or emu.token}/{method}"
        async with session.post(url, data=data, json=json) as response:
            return response.status, await response.json()


def retry_seconds(error: RetryAfter) -> float:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # PTB 22 warns that retry_after will become a timedelta
        delay = error.retry_after
    return delay.total_seconds() if isinstance(delay, timedelta) else delay


def keyboard(*pairs):
    return InlineKeyboardMarkup([[InlineKeyboardButton(text, callback_data=data)] for text, data in pairs])


async def test_get_me_reports_the_configured_bot(emu, bot):
    me = await bot.get_me()
    assert (me.username, me.id, me.is_bot) == ("journeypulse_bot", 123456, True)
    assert emu.base_url == f"http://127.0.0.1:{emu.port}/bot"
    assert emu.calls["getMe"] == 2  # initialize() asked once already


async def test_send_then_edit_then_not_modified(emu, bot):
    sent = await bot.send_message(USER, "<b>How was it?</b>", parse_mode="HTML", reply_markup=keyboard(("Good", "r:5")))
    assert sent.text == "How was it?" and sent.entities[0].type == "bold"
    edited = await bot.edit_message_text("Thanks!", chat_id=USER, message_id=sent.message_id)
    assert edited.text == "Thanks!" and edited.reply_markup is None  # no markup given removes the keyboard
    with pytest.raises(BadRequest, match="not modified"):
        await bot.edit_message_text("Thanks!", chat_id=USER, message_id=sent.message_id)
    with pytest.raises(BadRequest, match="to edit not found"):
        await bot.edit_message_text("x", chat_id=USER, message_id=999)
    [stored] = emu.bot_messages(USER)
    assert stored["text"] == "Thanks!" and "edit_date" in stored


async def test_reply_markup_edit_follows_the_not_modified_rule(emu, bot):
    sent = await bot.send_message(USER, "Rate", reply_markup=keyboard(("Good", "r:5")))
    with pytest.raises(BadRequest, match="not modified"):
        await bot.edit_message_reply_markup(USER, sent.message_id, reply_markup=keyboard(("Good", "r:5")))
    await bot.edit_message_reply_markup(USER, sent.message_id, reply_markup=keyboard(("Bad", "r:1")))
    assert emu.buttons(emu.bot_messages(USER)[0]) == [("Bad", "r:1")]


@pytest.mark.parametrize(
    "text", ["<foo>x</foo>", "<b>open", "a < b", "Tom & Jerry", "<b>x</i>", "x</b>", "<span>s</span>"]
)
async def test_invalid_html_is_a_bad_request(bot, text):
    with pytest.raises(BadRequest, match="(?i)can't parse entities"):
        await bot.send_message(USER, text, parse_mode="HTML")


async def test_html_entities_use_utf16_offsets_and_text_is_trimmed(bot):
    sent = await bot.send_message(
        USER,
        '\n😀 <i>hi</i> &amp; <a href="https://x.org">link</a> <pre><code class="language-py">1</code></pre>\n',
        parse_mode="HTML",
    )
    assert sent.text == "😀 hi & link 1"
    assert [(e.type, e.offset, e.length) for e in sent.entities] == [
        ("italic", 3, 2),
        ("text_link", 8, 4),
        ("pre", 13, 1),
    ]
    assert sent.entities[1].url == "https://x.org" and sent.entities[2].language == "py"


async def test_text_length_and_button_data_limits(bot):
    await bot.send_message(USER, "x" * 4096)
    with pytest.raises(BadRequest, match="too long"):
        await bot.send_message(USER, "x" * 4097)
    with pytest.raises(BadRequest, match="(?i)text is empty"):
        await bot.send_message(USER, "<b> </b>", parse_mode="HTML")
    with pytest.raises(BadRequest, match="(?i)button_data_invalid"):
        await bot.send_message(USER, "Rate", reply_markup=keyboard(("Good", "x" * 65)))


async def test_blocked_user_and_unknown_chat(emu, bot):
    emu.block(USER)
    with pytest.raises(Forbidden, match="blocked by the user"):
        await bot.send_message(USER, "Hello")
    emu.unblock(USER)
    await bot.send_message(USER, "Hello")
    with pytest.raises(BadRequest, match="(?i)chat not found"):
        await bot.send_message(42, "Hello")
    emu.add_user(7, started=False)
    with pytest.raises(Forbidden, match="initiate conversation"):
        await bot.send_message(7, "Hello")
    emu.send_text(7, "hi")
    await bot.send_message(7, "Hello")


async def test_injected_429_becomes_retry_after(emu, bot):
    emu.inject_fault("429", count=1, methods={"sendMessage"}, retry_after=3)
    with pytest.raises(RetryAfter) as caught:
        await bot.send_message(USER, "Hello")
    assert retry_seconds(caught.value) == 3
    await bot.send_message(USER, "Hello")  # the count is spent
    assert emu.calls["sendMessage"] == 2


async def test_injected_server_errors_and_hang_ups_are_network_errors(emu):
    request = HTTPXRequest(read_timeout=0.3, connect_timeout=0.3)
    async with Bot(emu.token, base_url=emu.base_url, request=request) as client:
        emu.inject_fault("502", count=1)
        with pytest.raises(NetworkError):
            await client.send_message(USER, "a")
        emu.inject_fault("refuse", count=1)
        with pytest.raises(NetworkError):
            await client.send_message(USER, "b")
        emu.inject_fault("timeout", count=1, delay=5)
        started = time.monotonic()
        with pytest.raises(TimedOut):
            await client.send_message(USER, "c")
        assert time.monotonic() - started < 1.5
        await client.send_message(USER, "d")
    assert [m["text"] for m in emu.bot_messages(USER)] == ["d"]


async def test_fault_rate_is_seeded(emu):
    emu.inject_fault("500", rate=0.5)
    statuses = [(await raw_post(emu, "getMe"))[0] for _ in range(20)]
    assert 0 < statuses.count(500) < 20
    emu.clear_faults()
    assert (await raw_post(emu, "getMe"))[0] == 200


async def test_flood_limits_answer_429_after_a_small_burst(emu, bot):
    emu.flood_limits = True
    for _ in range(3):
        await bot.send_message(USER, "Hi")
    with pytest.raises(RetryAfter) as caught:
        await bot.send_message(USER, "Hi")
    assert retry_seconds(caught.value) >= 1


async def test_long_poll_wakes_on_a_new_update_and_offset_acknowledges(emu, bot):
    poll = asyncio.create_task(bot.get_updates(timeout=5))
    await asyncio.sleep(0.05)
    started = time.monotonic()
    emu.send_text(USER, "hello")
    [update] = await poll
    assert time.monotonic() - started < 0.5
    assert update.message.text == "hello" and update.message.from_user.id == USER
    assert emu.pending_updates == 1
    assert await bot.get_updates(offset=update.update_id + 1) == ()
    assert emu.pending_updates == 0 and emu.acknowledged_offset == update.update_id + 1


async def test_allowed_updates_filters_delivery(emu, bot):
    emu.send_text(USER, "hello")
    emu.press_button(USER, 1, "x", check=False)
    updates = await bot.get_updates(allowed_updates=["callback_query"])
    assert [u.callback_query.data for u in updates] == ["x"]


async def test_concurrent_get_updates_is_a_conflict(emu, bot):
    poll = asyncio.create_task(bot.get_updates(timeout=2))
    await asyncio.sleep(0.05)
    async with Bot(emu.token, base_url=emu.base_url) as second:
        with pytest.raises(Conflict, match="terminated by other getUpdates"):
            await second.get_updates()
    emu.send_text(USER, "wake")
    assert len(await poll) == 1


async def test_abandoned_long_poll_frees_the_slot(emu, bot):
    poll = asyncio.create_task(bot.get_updates(timeout=5))
    await asyncio.sleep(0.05)
    poll.cancel()
    await asyncio.sleep(0.05)
    assert await bot.get_updates(timeout=0) == ()


async def test_command_reaches_a_real_application_with_its_payload(emu):
    seen = []

    async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        seen.append(context.args)
        await update.message.reply_text(f"args={context.args}", do_quote=True)

    app = Application.builder().token(emu.token).base_url(emu.base_url).build()
    app.add_handler(CommandHandler("start", start))
    await app.initialize()
    await app.updater.start_polling(poll_interval=0, timeout=1)
    await app.start()
    try:
        update = emu.send_text(USER, "/start PAYLOAD")
        assert update["message"]["entities"] == [{"type": "bot_command", "offset": 0, "length": 6}]
        reply = await emu.wait_for_bot_message(USER, lambda m: "args" in m["text"])
        assert reply["text"] == "args=['PAYLOAD']"
        assert reply["reply_to_message"]["text"] == "/start PAYLOAD"
    finally:
        await app.updater.stop()
        await app.stop()
        await app.shutdown()
    assert seen == [["PAYLOAD"]] and emu.pending_updates == 0


async def test_press_button_delivers_a_callback_query(emu):
    async def rated(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        await update.callback_query.answer("Noted")
        await update.callback_query.edit_message_text(f"You chose {update.callback_query.data}")

    app = Application.builder().token(emu.token).base_url(emu.base_url).build()
    app.add_handler(CallbackQueryHandler(rated))
    async with app:
        sent = await app.bot.send_message(USER, "Rate us", reply_markup=keyboard(("Good", "r:5")))
        with pytest.raises(ValueError, match="no button"):
            emu.press_button(USER, sent.message_id, "r:9")
        update = emu.press_button(USER, sent.message_id, "r:5")
        assert update["callback_query"]["message"]["reply_markup"]["inline_keyboard"][0][0]["callback_data"] == "r:5"
        await app.process_update(Update.de_json(update, app.bot))
    assert emu.answered_callbacks[0]["text"] == "Noted"
    assert emu.bot_messages(USER)[0]["text"] == "You chose r:5"


async def test_send_document_round_trips_bytes(emu, bot):
    payload = b"week,score\n1,0.5\n" * 100
    sent = await bot.send_document(USER, document=payload, filename="report.csv", caption="Weekly")
    document = emu.bot_messages(USER)[0]["document"]
    assert (document["file_name"], document["file_size"]) == ("report.csv", len(payload))
    assert emu.file_bytes(document["file_id"]) == payload
    file = await bot.get_file(sent.document.file_id)
    assert bytes(await file.download_as_bytearray()) == payload
    photo = await bot.send_photo(USER, photo=b"\xff\xd8fake", caption="<b>chart</b>", parse_mode="HTML")
    assert len(photo.photo) == 3 and photo.caption == "chart"


async def test_forum_topics_and_threads(emu, bot):
    emu.add_group(GROUP, "Support", is_forum=True)
    emu.add_group(GROUP - 1, "Plain")
    topic = await bot.create_forum_topic(GROUP, "Ann #1001")
    sent = await bot.send_message(GROUP, "New feedback", message_thread_id=topic.message_thread_id)
    assert sent.message_thread_id == topic.message_thread_id and sent.is_topic_message
    with pytest.raises(BadRequest, match="thread not found"):
        await bot.send_message(GROUP, "x", message_thread_id=999)
    with pytest.raises(BadRequest, match="not a forum"):
        await bot.create_forum_topic(GROUP - 1, "x")
    update = emu.send_text(
        USER,
        "staff reply",
        chat_id=GROUP,
        message_thread_id=topic.message_thread_id,
        reply_to_message_id=sent.message_id,
    )
    assert update["message"]["reply_to_message"]["text"] == "New feedback"
    other = await bot.create_forum_topic(GROUP, "Bob #1002")
    kept = await bot.send_message(GROUP, "Another", message_thread_id=other.message_thread_id)
    assert await bot.delete_forum_topic(GROUP, topic.message_thread_id)  # the topic goes with all said in it
    assert [m["message_id"] for m in emu.messages(GROUP)] == [other.message_thread_id, kept.message_id]
    with pytest.raises(BadRequest, match="(?i)topic_id_invalid"):
        await bot.delete_forum_topic(GROUP, topic.message_thread_id)


async def test_commands_actions_and_deletes(emu, bot):
    await bot.set_my_commands([("start", "Start"), ("stop", "Stop")])
    assert [c.command for c in await bot.get_my_commands()] == ["start", "stop"]
    assert emu.commands[0] == {"command": "start", "description": "Start"}
    with pytest.raises(BadRequest, match="(?i)bot_command_invalid"):
        await bot.set_my_commands([("Bad-Name", "x")])
    await bot.send_chat_action(USER, "typing")
    assert emu.chat_actions == [(USER, "typing")]
    sent = await bot.send_message(USER, "oops")
    await bot.delete_message(USER, sent.message_id)
    assert emu.bot_messages(USER) == []
    with pytest.raises(BadRequest, match="to delete not found"):
        await bot.delete_message(USER, sent.message_id)


async def test_user_media_and_edits_arrive_as_updates(emu, bot):
    emu.send_sticker(USER)
    emu.send_photo(USER, caption="look")
    emu.send_voice(USER)
    emu.edit_text(USER, emu.send_text(USER, "typo")["message"]["message_id"], "fixed")
    updates = await bot.get_updates()
    assert updates[0].message.sticker.emoji == "👍"
    assert len(updates[1].message.photo) == 3 and updates[2].message.voice.mime_type == "audio/ogg"
    assert updates[4].edited_message.text == "fixed"
    assert [u.update_id for u in updates] == sorted(u.update_id for u in updates)


async def test_wait_for_bot_message_times_out_with_a_dump(emu):
    emu.send_text(USER, "hello?")
    with pytest.raises(TimeoutError, match="hello"):
        await emu.wait_for_bot_message(USER, timeout=0.1)


async def test_raw_http_auth_routing_and_bodies(emu):
    assert await raw_post(emu, "getMe", token="1:WRONG") == (
        401,
        {"ok": False, "error_code": 401, "description": "Unauthorized"},
    )
    status, body = await raw_post(emu, "sendPigeon")
    assert (status, body["description"]) == (404, "Not Found")
    status, body = await raw_post(emu, "SENDMESSAGE", json={"chat_id": USER, "text": "json body"})
    assert status == 200 and body["result"]["text"] == "json body" and body["result"]["from"]["is_bot"]
    status, body = await raw_post(
        emu,
        "sendMessage",
        {
            "chat_id": str(USER),
            "text": "hi",
            "reply_markup": '{"inline_keyboard": [[{"text": "A", "callback_data": "a"}]]}',
        },
    )
    assert status == 200 and emu.buttons(body["result"]) == [("A", "a")]
    async with aiohttp.ClientSession() as session, session.get(f"{emu.base_url}/{emu.token}/getMe") as response:
        assert response.status == 404  # a trailing slash on base_url is the classic mistake


async def test_wrong_token_is_invalid_token_for_ptb(emu):
    client = Bot("1:WRONG", base_url=emu.base_url)
    with pytest.raises(InvalidToken):
        await client.initialize()
    await client.shutdown()


async def test_reply_keyboards_show_in_the_chat_but_not_in_answers(emu, bot):
    sent = await bot.send_message(USER, "Language?", reply_markup=ReplyKeyboardMarkup([["English", "Deutsch"]]))
    assert sent.reply_markup is None  # Telegram echoes inline keyboards only
    assert emu.messages(USER)[0]["reply_markup"]["keyboard"] == [[{"text": "English"}, {"text": "Deutsch"}]]
    with pytest.raises(BadRequest, match="not modified"):
        await bot.edit_message_text("Language?", chat_id=USER, message_id=sent.message_id)
