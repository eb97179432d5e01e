"""Settings from the environment or `.env`: one object, built once in main() and passed down."""

from __future__ import annotations

import re
from datetime import time, timedelta
from pathlib import Path
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import Field, SecretStr, ValidationError, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from analysis.topics import Taxonomy, TopicsError, default_taxonomy, load_taxonomy
from surveys.complaints import DEFAULT_PHRASES, FlagRules, RulesError, load_phrases
from surveys.definitions import LANGUAGES
from surveys.journey import Policy

_HOURS = re.compile(r"^\s*(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})\s*$")
LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")
SECRET_MIN_LENGTH = 32
# 32 hex digits (secrets.token_hex(16)) hold 9 or fewer different ones about once in 10,000 draws, 7 or fewer
# practically never: 8 still refuses "aaaa…" and "1234…" without refusing a generated secret.
SECRET_MIN_DISTINCT = 8


class SettingsError(ValueError):
    """A setting is missing or invalid; the message is one line naming it."""


def _ids(value: object) -> tuple[int, ...]:
    if value in (None, ""):
        return ()
    if isinstance(value, int):
        return (value,)
    if isinstance(value, list | tuple):
        return tuple(int(v) for v in value)
    return tuple(int(part) for part in str(value).replace(";", ",").split(",") if part.strip())


# Durations given in seconds in the environment.
_DURATIONS = (
    "first_week_delay",
    "reminder_delay",
    "complaint_escalate_after",
    "retry_slow_interval",
    "lease_time",
    "raw_update_retention",
)


class Settings(BaseSettings):
    """Every setting journeypulse reads; names are the environment variables in upper case."""

    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    telegram_bot_token: SecretStr | None = None
    telegram_api_base_url: str = "https://api.telegram.org/bot"
    telegram_bot_username: str | None = None
    database_path: Path = Path("data/journeypulse.sqlite3")
    deep_link_secret: SecretStr | None = None
    first_week_delay: timedelta = timedelta(days=7)
    reminder_delay: timedelta = timedelta(hours=24)
    quiet_hours: str = "21:00-09:00"
    timezone: str = "UTC"
    manager_user_ids: str = ""
    staff_user_ids: str = ""
    support_chat_id: int | None = None
    support_language: str = "en"
    complaint_csat_max: int = Field(2, ge=0, le=5)
    complaint_ces_max: int = Field(2, ge=0, le=7)
    complaint_nps_max: int = Field(6, ge=-1, le=10)
    complaint_sentiment_below: float = Field(-0.3, ge=-1.0, le=1.0)
    complaint_phrases_file: Path | None = None
    topics_file: Path | None = None
    complaint_escalate_after: timedelta = timedelta(hours=4)
    scheduler_interval: float = Field(30.0, gt=0)
    telegram_rate_limit: bool = True
    log_level: str = "INFO"
    bulk_send_rate: float = Field(25.0, gt=0)
    retry_fast_attempts: int = Field(8, ge=1, le=100)
    retry_slow_interval: timedelta = timedelta(minutes=5)
    lease_time: timedelta = timedelta(minutes=2)
    flood_messages_per_minute: int = Field(20, ge=0)
    raw_update_retention: timedelta = timedelta(days=3)
    http_host: str = "127.0.0.1"
    http_port: int | None = Field(None, ge=0, le=65535)
    api_keys: SecretStr | None = None
    shopify_webhook_secret: SecretStr | None = None
    woocommerce_webhook_secret: SecretStr | None = None
    shop_link_secret: SecretStr | None = None
    webhook_url: str | None = None
    webhook_secret: SecretStr | None = None
    webhook_max_connections: int = Field(1, ge=1, le=100)
    health_stall_after: float = Field(300.0, gt=0)

    @field_validator("telegram_api_base_url")
    @classmethod
    def _base_url(cls, value: str) -> str:
        if not value.startswith(("http://", "https://")):
            raise ValueError("must start with http:// or https://")
        return value.rstrip("/")

    @field_validator("quiet_hours")
    @classmethod
    def _quiet(cls, value: str) -> str:
        match = _HOURS.match(value)
        if value.strip() and not match:
            raise ValueError("expected HH:MM-HH:MM, e.g. 21:00-09:00, or empty to disable")
        if match:
            h1, m1, h2, m2 = (int(x) for x in match.groups())
            if not (h1 < 24 and h2 < 24 and m1 < 60 and m2 < 60):
                raise ValueError(f"{value.strip()!r}: hours are 00-23 and minutes 00-59, e.g. 21:00-09:00")
        return value.strip()

    @field_validator("log_level")
    @classmethod
    def _log_level(cls, value: str) -> str:
        if value.strip().upper() not in LOG_LEVELS:
            raise ValueError(f"expected one of {', '.join(LOG_LEVELS)}")
        return value.strip().upper()

    @field_validator("deep_link_secret")
    @classmethod
    def _strong_secret(cls, value: SecretStr | None) -> SecretStr | None:
        # Every link shows a known message with its HMAC: a weak secret can be guessed offline.
        secret = value.get_secret_value() if value is not None else ""
        if secret and (len(secret) < SECRET_MIN_LENGTH or len(set(secret)) < SECRET_MIN_DISTINCT):
            raise ValueError(
                f"too weak (needs at least {SECRET_MIN_LENGTH} characters, {SECRET_MIN_DISTINCT} different); make one with"
                ' python -c "import secrets; print(secrets.token_urlsafe(32))"'
            )
        return value

    @field_validator("support_language")
    @classmethod
    def _language(cls, value: str) -> str:
        if value not in LANGUAGES:
            raise ValueError(f"expected one of {', '.join(LANGUAGES)}")
        return value

    @field_validator("timezone")
    @classmethod
    def _zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"unknown time zone {value!r} (use an IANA name such as Europe/Berlin)") from None
        return value

    @field_validator("manager_user_ids", "staff_user_ids", mode="before")
    @classmethod
    def _id_list(cls, value: object) -> str:
        try:
            return ",".join(str(i) for i in _ids(value))
        except ValueError:
            raise ValueError("expected comma-separated Telegram user ids") from None

    @field_validator("webhook_url")
    @classmethod
    def _webhook_url(cls, value: str | None) -> str | None:
        if value is None or not value.strip():
            return None
        parts = urlsplit(value.strip())
        if (
            parts.scheme not in ("http", "https")
            or not parts.netloc
            or not parts.path.startswith("/")
            or len(parts.path) < 2
        ):
            raise ValueError("expected a full URL with a path, e.g. https://bot.example.com/tg/hook")
        return value.strip()

    @field_validator("webhook_secret", "shop_link_secret")
    @classmethod
    def _token_chars(cls, value: SecretStr | None) -> SecretStr | None:
        # Telegram's secret_token alphabet; the shop link secret is typed into templates, so the same rule.
        secret = value.get_secret_value() if value is not None else ""
        if secret and not re.fullmatch(r"[A-Za-z0-9_-]{16,256}", secret):
            raise ValueError(
                "expected 16-256 characters of A-Z a-z 0-9 _ -; make one with"
                ' python -c "import secrets; print(secrets.token_urlsafe(32))"'
            )
        return value

    @field_validator("api_keys")
    @classmethod
    def _strong_keys(cls, value: SecretStr | None) -> SecretStr | None:
        keys = [key.strip() for key in (value.get_secret_value() if value else "").split(",") if key.strip()]
        if any(len(key) < 16 for key in keys):
            raise ValueError(
                'each key needs at least 16 characters; make one with python -c "import secrets; print(secrets.token_urlsafe(24))"'
            )
        return value

    @model_validator(mode="after")
    def _webhook_needs(self) -> Settings:
        if self.webhook_url and (self.http_port is None or _unset(self.webhook_secret)):
            raise ValueError("WEBHOOK_URL needs HTTP_PORT (where updates are served) and WEBHOOK_SECRET")
        return self

    @field_validator(
        "support_chat_id", "complaint_phrases_file", "topics_file", "http_port", "webhook_url", mode="before"
    )
    @classmethod
    def _optional(cls, value: object) -> object:
        return None if isinstance(value, str) and not value.strip() else value

    @field_validator(*_DURATIONS, mode="before")
    @classmethod
    def _seconds(cls, value: object) -> object:
        if isinstance(value, str) and re.fullmatch(r"\s*-?\d+(\.\d+)?\s*", value):  # -5 is "negative", not garbled
            return float(value)
        return value

    @field_validator(*_DURATIONS)
    @classmethod
    def _positive(cls, value: timedelta) -> timedelta:
        if value.total_seconds() < 0:
            raise ValueError("must not be negative")
        return value

    @property
    def managers(self) -> frozenset[int]:
        """Telegram user ids allowed to pull reports."""
        return frozenset(_ids(self.manager_user_ids))

    @property
    def staff(self) -> frozenset[int]:
        """Telegram user ids allowed to act on complaints."""
        return frozenset(_ids(self.staff_user_ids))

    @property
    def policy(self) -> Policy:
        """The survey schedule these settings describe."""
        quiet = None
        if self.quiet_hours:
            h1, m1, h2, m2 = (int(x) for x in _HOURS.match(self.quiet_hours).groups())  # type: ignore[union-attr]  # _quiet validated it
            quiet = (time(h1, m1), time(h2, m2))
        return Policy(self.first_week_delay, self.reminder_delay, quiet, ZoneInfo(self.timezone))

    @property
    def flag_rules(self) -> FlagRules:
        """The rules that open a complaint; phrases from COMPLAINT_PHRASES_FILE replace the built-in lists."""
        phrases = DEFAULT_PHRASES
        if self.complaint_phrases_file is not None:
            try:
                phrases = load_phrases(self.complaint_phrases_file)
            except RulesError as exc:
                raise SettingsError(f"COMPLAINT_PHRASES_FILE: {exc}") from None
        return FlagRules(
            self.complaint_csat_max,
            self.complaint_ces_max,
            self.complaint_nps_max,
            self.complaint_sentiment_below,
            phrases,
            custom_phrases=self.complaint_phrases_file is not None,
        )

    @property
    def taxonomy(self) -> Taxonomy:
        """The topic taxonomy: the shipped one, or TOPICS_FILE in its place."""
        if self.topics_file is None:
            return default_taxonomy()
        try:
            return load_taxonomy(self.topics_file)
        except TopicsError as exc:
            raise SettingsError(f"TOPICS_FILE: {exc}") from None

    @property
    def api_key_list(self) -> tuple[str, ...]:
        """The keys that may call the orders API (API_KEYS, comma-separated)."""
        raw = self.api_keys.get_secret_value() if self.api_keys else ""
        return tuple(key.strip() for key in raw.split(",") if key.strip())

    def require(self, *names: str) -> None:
        """Fail with one clear line naming every setting this command needs that is not set."""
        missing = [name.upper() for name in names if _unset(getattr(self, name.lower()))]
        if missing:
            verb, pronoun = ("is", "it") if len(missing) == 1 else ("are", "them")
            raise SettingsError(f"{', '.join(missing)} {verb} not set: put {pronoun} in the environment or in .env")

    def secret(self, name: str) -> str:
        """Return a secret setting this command needs, failing with one clear line when it is not set."""
        self.require(name)
        return getattr(self, name.lower()).get_secret_value()


def _unset(value: object) -> bool:
    return value is None or (isinstance(value, SecretStr) and not value.get_secret_value()) or value == ""


def load_settings(**overrides: object) -> Settings:
    """Build settings from the environment, `.env` and overrides; raise SettingsError on a bad value."""
    try:
        return Settings(**overrides)  # type: ignore[arg-type]  # pydantic checks the values at run time
    except ValidationError as exc:
        problems = []
        for error in exc.errors():  # every bad setting at once, not one per try
            name = str(error["loc"][0]).upper() if error["loc"] else "settings"
            problems.append(f"{name}: {error['msg'].removeprefix('Value error, ')}")
        raise SettingsError("; ".join(problems)) from None
