"""The command line: secrets never printed, user errors one line and a non-zero exit."""

from __future__ import annotations

import asyncio
import logging
import os
import signal
import sys

from bot.logs import REDACTED, SecretRedactor
from tests.conftest import SECRET, TOKEN, USERNAME

WRONG = "987654:WRONG-token-never-to-be-seen"


def _env(emu, tmp_path, token: str) -> dict:
    env = dict(os.environ)
    env.update(
        TELEGRAM_BOT_TOKEN=token, TELEGRAM_API_BASE_URL=emu.base_url, TELEGRAM_BOT_USERNAME=USERNAME,
        DATABASE_PATH=str(tmp_path / "bot.sqlite3"), DEEP_LINK_SECRET=SECRET, QUIET_HOURS="",
        SCHEDULER_INTERVAL="0.2", LOG_LEVEL="DEBUG",
    )  # fmt: skip
    return env


async def _run(env, until=None) -> tuple[int, bytes, bytes]:
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-c", "from bot.cli import main; main(['run'])", env=env,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )  # fmt: skip
    if until is not None:
        await until
        process.send_signal(signal.SIGTERM)
    out, err = await asyncio.wait_for(process.communicate(), 60)
    return process.returncode, out, err


def _forms(token: str) -> list[bytes]:
    from urllib.parse import quote

    secret = token.split(":", 1)[1]
    return [token.encode(), quote(token, safe="").encode(), secret.encode()]


async def test_a_rejected_token_is_one_line_naming_the_setting_and_never_printed(emulator, tmp_path):
    code, out, err = await _run(_env(emulator, tmp_path, WRONG))
    assert code == 1
    assert not any(form in out + err for form in _forms(WRONG))
    last = err.decode().strip().splitlines()[-1]
    assert last.startswith("journeypulse: TELEGRAM_BOT_TOKEN was rejected")
    assert "Traceback" not in err.decode()


async def test_debug_logging_of_a_running_bot_never_shows_the_token(emulator, tmp_path):
    emulator.add_user(4242)
    emulator.send_text(4242, "/start")
    answered = emulator.wait_for_bot_message(4242, timeout=60)  # the bot polled, read /start and replied
    code, out, err = await _run(_env(emulator, tmp_path, TOKEN), until=answered)
    assert code == 0, err.decode()[-2000:]
    assert b"getUpdates" in err  # DEBUG really was on, and PTB logged its calls
    assert not any(form in out + err for form in _forms(TOKEN))


def test_the_redactor_cleans_message_arguments_and_traceback():
    redactor = SecretRedactor([TOKEN])
    try:
        raise RuntimeError(f"https://api.telegram.org/bot{TOKEN}/getMe")
    except RuntimeError:
        record = logging.LogRecord("x", logging.ERROR, __file__, 1, "url %s", (f"/bot{TOKEN}/",), sys.exc_info())
    assert redactor.filter(record)
    assert logging.Formatter().format(record).count(REDACTED) == 2
    assert TOKEN not in logging.Formatter().format(record)
