"""Generated odd and hostile updates sent to the real bot: it never fails, stores no garbage, answers people."""

from __future__ import annotations

import asyncio
import logging

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from tests.helpers import Harness

CUSTOMER, STRANGERS, GROUP, CHANNEL = 880, (881, 882), -100_880, -100_881
USERS = (CUSTOMER, *STRANGERS)

odd_text = st.one_of(
    st.text(st.characters(exclude_categories=("Cs",)), max_size=30),  # any unicode a JSON update can carry
    st.sampled_from(
        [
            "",
            " ",
            "\u200b",
            "\x00\x07",
            "\u202eevil",
            "👍🏽" * 3,
            "<b>bold</b>",
            "</i>",
            "&amp;",
            '=HYPERLINK("x")',
            "'; DROP TABLE answers;--",
            "/start",
            "/start " + "A" * 80,
            "/help",
            "/language",
            "/start@other_bot x",
        ]
    ),
    st.tuples(st.sampled_from("aй😀"), st.integers(4000, 4096)).map(lambda p: p[0] * p[1]),  # up to 4096 characters
)
callback_data = st.one_of(
    st.text(max_size=100),  # never issued, possibly longer than Telegram's 64 bytes
    st.builds(
        "{}|{}|{}|{}".format,
        st.sampled_from(["a", "s", "l"]),
        st.one_of(st.integers(-1, 10), st.just(2**70)),
        st.sampled_from(["channel", "checkout_ease", "purchase_csat", "what_went_wrong", "nope", ""]),
        st.sampled_from(["6", "2", "ad", "friend", "99", "-1", "", "en", "ru"]),
    ),
)
action = st.one_of(
    st.tuples(st.just("text"), st.sampled_from(USERS), odd_text),
    st.tuples(st.just("sticker"), st.sampled_from(USERS), st.none()),
    st.tuples(st.just("edit"), st.sampled_from(USERS), odd_text),
    st.tuples(st.just("button"), st.sampled_from(USERS), callback_data),
    st.tuples(st.just("group"), st.sampled_from(USERS), odd_text),
    st.tuples(st.just("channel"), st.none(), odd_text),
)


async def prepare(harness: Harness) -> None:
    """Once per test: a customer in the middle of a survey, two strangers, a group and a channel."""
    emu = harness.emu
    emu.add_user(CUSTOMER, "Zoë")
    for user in STRANGERS:
        emu.add_user(user, "Stranger", language_code="ru")
    emu.add_group(GROUP, "Shop fans")
    emu.send_text(CUSTOMER, f"/start {await harness.order_token('H-1')}")
    await harness.question(CUSTOMER)
    harness.typed = set()  # every text the customer sent or edited to, the only text answers allowed


def act(harness: Harness, kind: str, user: int | None, value) -> tuple[str, int, int] | None:
    """Send one generated update; return what a person now waits for: (kind, chat, marker)."""
    emu = harness.emu
    if kind == "text":
        last = emu.messages(user)[-1]["message_id"] if emu.messages(user) else 0
        sent = emu.send_text(user, value)
        harness.typed.add(value)
        return ("message", user, last) if value else ("message", user, last)
    if kind == "sticker":
        last = emu.messages(user)[-1]["message_id"] if emu.messages(user) else 0
        emu.send_sticker(user)
        return "message", user, last
    if kind == "edit":
        own = [m for m in emu.messages(user) if m.get("from", {}).get("id") == user and "text" in m]
        if not own:
            return None
        last = emu.messages(user)[-1]["message_id"]
        emu.edit_text(user, own[-1]["message_id"], value)
        harness.typed.add(value)
        return "message", user, last
    if kind == "button":
        bot_messages = emu.bot_messages(user)
        message_id = bot_messages[-1]["message_id"] if bot_messages else 999_999
        sent = emu.press_button(user, message_id, value, check=False)
        return "callback", user, int(sent["callback_query"]["id"])
    if kind == "group":
        emu.send_text(user, value, chat_id=GROUP)
        return None
    emu.enqueue_raw(
        {
            "channel_post": {
                "message_id": 1,
                "date": 0,
                "chat": {"id": CHANNEL, "type": "channel", "title": "News"},
                "text": value,
            }
        }
    )
    return None


async def drained(harness: Harness) -> None:
    """Wait until every update the emulator holds has been stored and handled."""
    for _ in range(200):
        [(pending,)] = await harness.rows("SELECT count(*) FROM inbox WHERE processed_at IS NULL")
        if harness.emu.pending_updates == 0 and pending == 0:
            return
        await asyncio.sleep(0.02)
    raise AssertionError("the bot did not drain its inbox")


@settings(
    max_examples=30,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(actions=st.lists(action, min_size=1, max_size=5))
@example(actions=[("button", CUSTOMER, f"a|{2**70}|channel|ad"), ("button", CUSTOMER, f"s|{2**70}|channel")])
@example(actions=[("text", CUSTOMER, "x" * 4096), ("edit", CUSTOMER, ""), ("text", STRANGERS[0], "")])
async def test_generated_updates_never_break_the_bot_nor_store_garbage(harness: Harness, caplog, actions):
    if not hasattr(harness, "typed"):
        await prepare(harness)
    caplog.clear()
    caplog.set_level(logging.WARNING)
    waiting = [w for kind, user, value in actions if (w := act(harness, kind, user, value))]
    await drained(harness)

    errors = [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]
    assert not errors, errors
    for kind, chat, marker in waiting:  # a person who wrote or pressed got an answer
        if kind == "message":
            assert any(m["message_id"] > marker for m in harness.emu.bot_messages(chat)), harness.emu.dump(chat)
        else:
            assert any(int(c["callback_query_id"]) == marker for c in harness.emu.answered_callbacks)
    assert not harness.emu.bot_messages(GROUP), "the bot stays quiet in groups"

    for survey, question_id, number, text, source in await harness.rows(
        "SELECT i.survey, a.question_id, a.value_number, a.value_text, a.source_message_id"
        " FROM answers a JOIN invitations i ON i.id = a.invitation_id"
    ):
        question = harness.surveys[survey].question(question_id)
        assert question is not None
        if question.scale is not None:
            assert question.scale[0] <= number <= question.scale[1] and text is None
        elif question.type == "choice":
            assert question.option(text) is not None
        elif text is not None:
            assert text in harness.typed and source is not None, "a text answer is exactly what was typed"
    [(users,)] = await harness.rows("SELECT count(*) FROM customers WHERE telegram_user_id NOT IN (880, 881, 882)")
    assert users == 0
