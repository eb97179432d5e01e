"""The ordered handler table of bot/routes.py: each kind of update reaches the handler meant for it, first match wins."""

from __future__ import annotations

import pytest
from telegram import Bot, Update

from bot import callbacks
from bot.app import MANAGER_COMMANDS
from bot.handlers import customers, desk, managers, privacy
from bot.routes import handlers
from surveys.complaints import Action

SUPPORT = -1001234
STRANGERS = -1009999
USER = {"id": 7, "is_bot": False, "first_name": "Ann"}


class KnownBot(Bot):
    """A bot whose username is known without asking Telegram (CommandHandler compares it)."""

    @property
    def username(self) -> str:
        return "journeypulse_bot"


BOT = KnownBot("123456:test-token")


def message(text: str | None = None, chat: int = 7, **extra: object) -> dict:
    kind = "private" if chat > 0 else "supergroup"
    body: dict = {"message_id": 1, "date": 0, "chat": {"id": chat, "type": kind}, "from": USER, **extra}
    if text is not None:
        body["text"] = text
        if text.startswith("/"):
            body["entities"] = [{"type": "bot_command", "offset": 0, "length": len(text.split()[0])}]
    return body


def routed(update: dict):
    """The callback of the first handler that takes the update, as Application.process_update picks it."""
    parsed = Update.de_json({"update_id": 1, **update}, BOT)
    for handler in handlers(SUPPORT):
        if handler.check_update(parsed) not in (None, False):
            return handler.callback
    return None


def press(data: str) -> dict:
    return {"callback_query": {"id": "q", "from": USER, "chat_instance": "c", "data": data, "message": message("?")}}


@pytest.mark.parametrize(
    ("update", "callback"),
    [
        ({"message": message("/start 1_AAAA")}, customers.start),
        ({"message": message("/weekly")}, managers.weekly_command),
        ({"message": message("/forget")}, privacy.forget_command),
        ({"message": message("/mydata")}, privacy.mydata_command),
        ({"message": message("/complaints", chat=SUPPORT)}, desk.complaints_command),
        ({"message": message("/whatever")}, customers.help_command),
        ({"message": message("it came late")}, customers.text_answered),
        (
            {
                "message": message(
                    sticker={
                        "file_id": "s",
                        "file_unique_id": "s",
                        "width": 1,
                        "height": 1,
                        "is_animated": False,
                        "is_video": False,
                        "type": "regular",
                    }
                )
            },
            customers.other_message,
        ),
        ({"edited_message": message("changed my mind", edit_date=1)}, customers.message_edited),
        ({"message": message("on it", chat=SUPPORT)}, desk.staff_replied),
        ({"message": message("hello all", chat=STRANGERS)}, None),
        (press(callbacks.Answer(3, "csat", "5").build()), customers.button_pressed),
        (press(callbacks.Skip(3, "why").build()), customers.button_pressed),
        (press(callbacks.Language("ru").build()), customers.language_chosen),
        (press(callbacks.Forget(True).build()), privacy.forget_chosen),
        (press(callbacks.Confirmation(4, True).build()), customers.confirmation_chosen),
        (press("zzz|forged"), customers.unknown_button),
    ],
)
def test_each_update_reaches_its_handler(update: dict, callback: object) -> None:
    assert routed(update) is callback


@pytest.mark.parametrize("action", list(Action))
def test_every_desk_button_reaches_the_desk(action: Action) -> None:
    assert routed(press(callbacks.Desk(9, action).build())) is desk.desk_button_pressed


def test_every_offered_command_has_a_command_handler() -> None:
    routed_commands = {command for handler in handlers(SUPPORT) for command in getattr(handler, "commands", ())}
    assert {command.command for command in MANAGER_COMMANDS} <= routed_commands
