"""Settings: defaults, formats, and one clear line naming a bad or missing setting."""

from __future__ import annotations

from datetime import time, timedelta

import pytest

from bot.settings import SettingsError, load_settings


@pytest.fixture(autouse=True)
def clean_env(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)  # no stray .env
    for name in (
        "TELEGRAM_BOT_TOKEN",
        "DEEP_LINK_SECRET",
        "LOG_LEVEL",
        "TELEGRAM_BOT_USERNAME",
        "FIRST_WEEK_DELAY",
        "REMINDER_DELAY",
        "QUIET_HOURS",
        "TIMEZONE",
        "MANAGER_USER_IDS",
        "TELEGRAM_API_BASE_URL",
    ):
        monkeypatch.delenv(name, raising=False)


def test_defaults():
    s = load_settings()
    assert s.telegram_api_base_url == "https://api.telegram.org/bot"
    assert s.first_week_delay == timedelta(days=7) and s.reminder_delay == timedelta(hours=24)
    assert s.policy.quiet_hours == (time(21), time(9))
    assert str(s.database_path) == "data/journeypulse.sqlite3"


def test_formats(monkeypatch, tmp_path):
    monkeypatch.setenv("FIRST_WEEK_DELAY", "P7DT12H")
    monkeypatch.setenv("REMINDER_DELAY", "90")
    monkeypatch.setenv("QUIET_HOURS", "")
    monkeypatch.setenv("MANAGER_USER_IDS", "10, 20")
    (tmp_path / ".env").write_text("TELEGRAM_BOT_TOKEN=1:abc\nTELEGRAM_API_BASE_URL=http://127.0.0.1:9/bot/\n")
    s = load_settings()
    assert s.first_week_delay == timedelta(days=7, hours=12) and s.reminder_delay == timedelta(seconds=90)
    assert s.policy.quiet_hours is None and s.managers == {10, 20}
    assert s.telegram_bot_token.get_secret_value() == "1:abc"
    assert s.telegram_api_base_url == "http://127.0.0.1:9/bot"  # the trailing slash would break every call
    assert "1:abc" not in repr(s)


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("FIRST_WEEK_DELAY", "soon", "FIRST_WEEK_DELAY:"),
        ("QUIET_HOURS", "9pm", "QUIET_HOURS: expected HH:MM-HH:MM"),
        ("TIMEZONE", "Mars/Olympus", "TIMEZONE: unknown time zone"),
        ("MANAGER_USER_IDS", "alice", "MANAGER_USER_IDS: expected comma-separated"),
        ("TELEGRAM_API_BASE_URL", "ftp://x", "TELEGRAM_API_BASE_URL: must start with"),
        ("QUIET_HOURS", "21:75-09:00", "QUIET_HOURS: '21:75-09:00': hours are 00-23 and minutes 00-59"),
        ("QUIET_HOURS", "25:00-99:00", "QUIET_HOURS: '25:00-99:00': hours are 00-23"),
        ("LOG_LEVEL", "bogus", "LOG_LEVEL: expected one of DEBUG, INFO"),
        ("DEEP_LINK_SECRET", "x", "DEEP_LINK_SECRET: too weak"),
        ("DEEP_LINK_SECRET", "a" * 40, "DEEP_LINK_SECRET: too weak"),
        ("DEEP_LINK_SECRET", "abcabcabcabcabcabcabcabcabcabcabcabc", "DEEP_LINK_SECRET: too weak"),
    ],
)
def test_invalid_setting_is_one_line_naming_it(monkeypatch, name, value, message):
    monkeypatch.setenv(name, value)
    with pytest.raises(SettingsError) as info:
        load_settings()
    assert str(info.value).startswith(message) and "\n" not in str(info.value)


def test_missing_required_setting():
    with pytest.raises(SettingsError, match="^TELEGRAM_BOT_TOKEN is not set"):
        load_settings().require("TELEGRAM_BOT_TOKEN")


def test_env_example_as_is_is_a_valid_env_file(tmp_path):
    from pathlib import Path

    example = Path(__file__).resolve().parents[1] / ".env.example"
    (tmp_path / ".env").write_text(example.read_text(encoding="utf-8"), encoding="utf-8")
    s = load_settings()
    assert s.support_chat_id is None and s.staff == frozenset()
    with pytest.raises(SettingsError, match="^TELEGRAM_BOT_TOKEN is not set"):
        s.require("TELEGRAM_BOT_TOKEN")


def test_weak_secret_error_says_how_to_make_one(monkeypatch):
    monkeypatch.setenv("DEEP_LINK_SECRET", "s3cret")
    with pytest.raises(SettingsError, match=r"secrets\.token_urlsafe\(32\)"):
        load_settings()


def test_a_generated_secret_is_accepted():
    import secrets

    for _ in range(200):
        load_settings(deep_link_secret=secrets.token_urlsafe(32))
        load_settings(deep_link_secret=secrets.token_hex(16))
    load_settings(deep_link_secret="f6c797000a3dc63fc0603dc0670900f3")  # a token_hex(16) with 9 different digits


def test_every_missing_setting_is_named_at_once():
    with pytest.raises(SettingsError, match="^TELEGRAM_BOT_TOKEN, DEEP_LINK_SECRET are not set"):
        load_settings().require("TELEGRAM_BOT_TOKEN", "DEEP_LINK_SECRET")


def test_every_invalid_setting_is_named_at_once(monkeypatch):
    monkeypatch.setenv("LOG_LEVEL", "bogus")
    monkeypatch.setenv("QUIET_HOURS", "9pm")
    with pytest.raises(SettingsError) as info:
        load_settings()
    assert "QUIET_HOURS:" in str(info.value) and "LOG_LEVEL:" in str(info.value) and "\n" not in str(info.value)


def test_log_level_is_case_insensitive():
    assert load_settings(log_level="debug").log_level == "DEBUG"


def test_raw_update_retention_defaults_to_days_and_refuses_a_negative_time():
    from datetime import timedelta

    import pytest

    from bot.settings import SettingsError, load_settings

    assert load_settings().raw_update_retention == timedelta(days=3)
    assert load_settings(raw_update_retention="PT12H").raw_update_retention == timedelta(hours=12)
    with pytest.raises(SettingsError, match="^RAW_UPDATE_RETENTION: must not be negative$"):
        load_settings(raw_update_retention="-5")


def test_http_settings_say_what_webhook_mode_and_keys_need():
    with pytest.raises(SettingsError, match="WEBHOOK_URL needs HTTP_PORT"):
        load_settings(webhook_url="https://bot.example.com/tg/hook", webhook_secret="s" * 8 + "ecret-0123456789")
    with pytest.raises(SettingsError, match="WEBHOOK_URL: expected a full URL with a path"):
        load_settings(webhook_url="bot.example.com", http_port=8080)
    with pytest.raises(SettingsError, match="WEBHOOK_SECRET: expected 16-256 characters"):
        load_settings(webhook_secret="has spaces in it, and commas")
    with pytest.raises(SettingsError, match="API_KEYS: each key needs at least 16 characters"):
        load_settings(api_keys="long-enough-key-0123456789, short")
    s = load_settings(http_port="", webhook_url="", api_keys=" key-one-0123456789abc , key-two-0123456789abc ")
    assert s.http_port is None and s.webhook_url is None and s.http_host == "127.0.0.1"
    assert s.api_key_list == ("key-one-0123456789abc", "key-two-0123456789abc")
    assert "key-one" not in repr(s)
