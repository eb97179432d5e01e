"""The command line: secrets never printed, user errors one line and a non-zero exit."""

from __future__ import annotations

import asyncio
import logging
import os
import signal
import sys

from bot.logs import REDACTED, SecretRedactor
from tests.helpers import SECRET, TOKEN, USERNAME

WRONG = "987654:WRONG-token-never-to-be-seen"


def _env(emu, tmp_path, token: str) -> dict:
    env = dict(os.environ)
    env.update(
        TELEGRAM_BOT_TOKEN=token,
        TELEGRAM_API_BASE_URL=emu.base_url,
        TELEGRAM_BOT_USERNAME=USERNAME,
        DATABASE_PATH=str(tmp_path / "bot.sqlite3"),
        DEEP_LINK_SECRET=SECRET,
        QUIET_HOURS="",
        SCHEDULER_INTERVAL="0.2",
        LOG_LEVEL="DEBUG",
    )
    return env


async def _run(env, until=None) -> tuple[int, bytes, bytes]:
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-c",
        "from bot.cli import main; main(['run'])",
        env=env,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
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


# Bad input: one line, a non-zero exit, nothing written -------------------------------------------

import csv  # noqa: E402
import stat  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from bot.cli import main  # noqa: E402


@pytest.fixture
def env(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("DATABASE_PATH", str(tmp_path / "jp.sqlite3"))
    monkeypatch.setenv("DEEP_LINK_SECRET", SECRET)
    monkeypatch.setenv("TELEGRAM_BOT_USERNAME", "shop_bot")
    monkeypatch.setenv("TIMEZONE", "Europe/Berlin")
    return tmp_path


def _fails(argv, capsys) -> str:
    with pytest.raises(SystemExit) as info:
        main(argv)
    assert info.value.code == 1
    err = capsys.readouterr().err.strip()
    assert "Traceback" not in err
    return err.splitlines()[-1]


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ('order_id,customer\nA-1,Ann\nA-2,"Bo\nA-3,Cy\n', 3),  # unterminated quote swallows the rest
        ("order_id,customer\nA-1,Ann\nA-2,Lee, Bo\nA-3,Cy\n", 3),  # an unquoted comma
    ],
)
def test_a_malformed_order_file_names_the_line_and_registers_nothing(env, capsys, text, line):
    (env / "orders.csv").write_text(text, encoding="utf-8")
    error = _fails(["orders", "import", "orders.csv", "--out", "links.csv"], capsys)
    assert error.startswith(f"journeypulse: orders.csv:{line}:")
    assert not (env / "links.csv").exists() and not (env / "jp.sqlite3").exists()


@pytest.mark.parametrize(
    ("text", "line"), [('text\nfine\n"broken\nmore\n', 3), ("id,text\n1,good\n2,bad, really bad\n", 3)]
)
def test_a_malformed_text_file_is_not_scored(env, capsys, text, line):
    (env / "in.csv").write_text(text, encoding="utf-8")
    error = _fails(["sentiment", "in.csv", "--out", "out.csv"], capsys)
    assert error.startswith(f"journeypulse: in.csv:{line}:") and not (env / "out.csv").exists()


@pytest.mark.parametrize("argv", [["export", "answers", "--out", "a.csv"], ["rescore"]])
def test_reading_commands_refuse_a_missing_database(env, capsys, argv):
    error = _fails(argv, capsys)
    assert "DATABASE_PATH" in error and "does not exist" in error
    assert not (env / "jp.sqlite3").exists()


def test_orders_add_creates_the_database_and_says_so(env, capsys):
    main(["orders", "add", "A-1"])
    assert "created a new database" in capsys.readouterr().err
    assert stat.S_IMODE((env / "jp.sqlite3").stat().st_mode) == 0o600


def test_out_naming_a_directory_or_an_unwritable_place_is_one_line(env, capsys):
    main(["orders", "add", "A-1"])
    (env / "adir").mkdir()
    assert "adir: cannot write" in _fails(["export", "answers", "--out", "adir"], capsys)
    assert "cannot write" in _fails(["export", "answers", "--out", "/proc/nope/a.csv"], capsys)
    (env / "in.csv").write_text("text\nfine\n", encoding="utf-8")
    assert "cannot write" in _fails(["sentiment", "in.csv", "--out", "adir"], capsys)
    (env / "afile").write_text("x")
    assert "is a file" in _fails(["report", "--out", "afile"], capsys)
    assert (
        _fails(["demo", "--out", "afile"], capsys)
        == "journeypulse: --out afile: cannot make a directory there (File exists)"
    )
    assert _fails(["demo", "--customers", "0"], capsys) == "journeypulse: --customers 0: give at least 1"


def test_export_is_readable_by_the_owner_only(env, capsys):
    main(["orders", "add", "A-1"])
    main(["export", "answers", "--out", "a.csv"])
    assert stat.S_IMODE((env / "a.csv").stat().st_mode) == 0o600


def test_a_database_folder_that_cannot_be_created_is_one_line(env, capsys, monkeypatch):
    (env / "afile").write_text("x")
    monkeypatch.setenv("DATABASE_PATH", str(env / "afile" / "jp.sqlite3"))
    assert "cannot create database" in _fails(["orders", "add", "A-1"], capsys)


@pytest.mark.parametrize(
    ("name", "value"), [("LOG_LEVEL", "bogus"), ("QUIET_HOURS", "21:75-09:00"), ("DEEP_LINK_SECRET", "x")]
)
def test_bad_settings_are_one_line(env, capsys, monkeypatch, name, value):
    monkeypatch.setenv(name, value)
    assert _fails(["orders", "add", "A-1"], capsys).startswith(f"journeypulse: {name}:")


def test_purchased_at_without_offset_is_local_time(env, capsys):
    import sqlite3

    main(["orders", "add", "A-1", "--purchased-at", "2026-11-20T14:00"])
    with sqlite3.connect(env / "jp.sqlite3") as db:
        (purchased,) = db.execute("SELECT purchased_at FROM orders").fetchone()
    assert purchased.startswith("2026-11-20T13:00")  # 14:00 in Berlin is 13:00 UTC


def test_re_adding_an_order_under_another_name_is_refused(env, capsys):
    main(["orders", "add", "A-1", "--customer", "Ann"])
    main(["orders", "add", "A-1", "--customer", "Ann"])  # the same again is fine
    assert "already registered for another customer name" in _fails(
        ["orders", "add", "A-1", "--customer", "Bo"], capsys
    )


def test_a_repeated_import_row_counts_once(env, capsys):
    (env / "orders.csv").write_text("order_id,customer\nA-1,Ann\nA-1,Ann\nA-2,Bo\n", encoding="utf-8")
    main(["orders", "import", "orders.csv", "--out", "links.csv"])
    assert capsys.readouterr().out.startswith("2 orders")
    assert [r["order_id"] for r in csv.DictReader(Path("links.csv").open(encoding="utf-8"))] == ["A-1", "A-2"]


def test_an_order_file_saved_by_a_spreadsheet_with_semicolons_imports(env, capsys):
    (env / "orders.csv").write_text("\ufefforder_id;customer\r\nA-1;Ann, Lee\r\nA-2;Bo\r\n", encoding="utf-8")
    main(["orders", "import", "orders.csv", "--out", "links.csv"])
    assert capsys.readouterr().out.startswith("2 orders")
    links = list(csv.DictReader(Path("links.csv").open(encoding="utf-8")))
    assert [(r["order_id"], r["customer"]) for r in links] == [("A-1", "Ann, Lee"), ("A-2", "Bo")]
