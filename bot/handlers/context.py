"""What every handler shares: the services, the typed bot data, who wrote, and how to answer them."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from telegram import CallbackQuery, Update
from telegram.constants import ParseMode
from telegram.error import BadRequest
from telegram.ext import CallbackContext, ContextTypes, ExtBot

from analysis.report import WeeklySummary
from analysis.topics import Taxonomy, default_taxonomy
from bot.metrics import Telemetry
from bot.pacing import Backoff, Pacer
from bot.texts import text
from surveys import journey
from surveys.clock import Clock, system_clock
from surveys.complaints import FlagRules
from surveys.definitions import Survey
from surveys.journey import Person, Policy, ScoreFn
from surveys.store import LEASE_TIME, Store

log = logging.getLogger(__name__)


MAX_MESSAGE = 4000  # Telegram allows 4096 characters; leave room for markup


MAX_LINE = 700  # a quoted text in a listing, before escaping (at most 5 × 700 characters once escaped)


MAX_QUOTE = 3500  # what is kept of a person's text inside one of our templates, cut before escaping


@dataclass
class Services:
    """What handlers need, opened once at start-up and kept in `bot_data.services`."""

    store: Store
    surveys: dict[str, Survey]
    policy: Policy
    secret: str
    score: ScoreFn
    rules: FlagRules = FlagRules()
    support_chat_id: int | None = None
    staff: frozenset[int] = frozenset()
    escalate_after: timedelta = timedelta(hours=4)
    desk_interval: float = 2.0  # seconds between support desk rounds
    desk_language: str = "en"  # the support chat's language
    managers: frozenset[int] = frozenset()  # Telegram user ids allowed to pull reports
    clock: Clock = system_clock  # every "now" of the bot: tests set the moment to test the schedule
    raw_update_retention: timedelta = timedelta(days=3)  # handled raw updates are deleted after this long
    backoff: Backoff = Backoff()  # when a failed send is tried again
    lease_time: timedelta = LEASE_TIME  # how long a claim holds before a crashed holder's item is due again
    taxonomy: Taxonomy = field(default_factory=default_taxonomy)  # names the topics of the weekly summary


def clip(words: str, limit: int) -> str:
    """Cut plain text to `limit` characters before it is escaped or templated, so no tag or entity is split.

    Telegram counts UTF-16 code units, so a character outside the BMP (most emoji) counts twice.
    """
    if len(words) * 2 <= limit:
        return words
    units = 0
    for index, character in enumerate(words):
        units += 2 if ord(character) > 0xFFFF else 1
        if units > limit - 1:
            return words[:index] + "…" if index < len(words) - 1 or units > limit else words
    return words


@dataclass
class BotData:
    """What the Application keeps between updates (`ContextTypes(bot_data=BotData)`); PTB builds it empty."""

    services: Services = field(init=False)  # set by build_application right after building the Application
    pacer: Pacer = field(init=False)
    retry: dict[int, float] = field(default_factory=dict)  # update id -> seconds a transient error asks to wait
    refused: dict[int, str] = field(default_factory=dict)  # update id -> why retrying it cannot help (set aside)
    support_topics: bool = True  # False once the support chat turned out to take no forum topics
    digest_summary: tuple[str, WeeklySummary] | None = None  # the week's digest, reused by a retry
    digest_failed: tuple[str, datetime] | None = None  # the week whose digest failed to build, and when
    telemetry: Telemetry = field(init=False)  # counters for /metrics, one registry per Application


Context = CallbackContext[ExtBot[None], dict[Any, Any], dict[Any, Any], BotData]


CONTEXT_TYPES = ContextTypes(bot_data=BotData)


def services(context: Context) -> Services:
    """Return the services stored in the application."""
    return context.bot_data.services


def query_of(update: Update) -> CallbackQuery:
    """The button press of an update a CallbackQueryHandler passed on (which has one)."""
    assert update.callback_query is not None
    return update.callback_query


def person(update: Update) -> Person:
    """Describe who sent an update."""
    user, chat = update.effective_user, update.effective_chat
    return Person(user.id, chat.id if chat else user.id, user.first_name, user.language_code)


async def reply(update: Update, language: str, key: str, **values: object) -> None:
    """Answer the customer's message with a catalogue sentence."""
    await update.effective_message.reply_text(text(language, key, **values), parse_mode=ParseMode.HTML)


async def language_of(context: Context, update: Update) -> str:
    """Return the stored language of the user, else the one Telegram reports."""
    customer = await services(context).store.customer_by_user(update.effective_user.id)
    return customer.language if customer else journey.pick_language(update.effective_user.language_code)


async def together(*calls: Awaitable[None]) -> None:
    """Run Bot API calls side by side; when any fails, raise its error after all have finished."""
    for outcome in await asyncio.gather(*calls, return_exceptions=True):
        if isinstance(outcome, BaseException):
            raise outcome


async def toast(query: CallbackQuery, message: str | None = None) -> None:
    """Answer a button press; a replayed press may be too old to answer, which is fine."""
    try:
        await query.answer(message)
    except BadRequest as exc:
        log.debug("could not answer callback query: %s", exc)
