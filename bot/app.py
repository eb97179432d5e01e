"""Building the Application and running it: polling or webhook, each through the durable intake."""

from __future__ import annotations

import asyncio
import logging
import random
import sqlite3
from functools import partial

from telegram import BotCommand, BotCommandScopeChat, Update
from telegram.constants import ParseMode
from telegram.error import BadRequest, Forbidden, InvalidToken, NetworkError, RetryAfter, TelegramError
from telegram.ext import (
    Application,
    Defaults,
)

from analysis.reading import read_text
from analysis.topics import Taxonomy
from bot import routes
from bot.handlers.context import CONTEXT_TYPES, Context, Services
from bot.http import AiohttpRequest
from bot.intake import DurableIntake, sleep_or_stop
from bot.metrics import CountingRequest, Telemetry
from bot.pacing import Backoff, ChatRateLimiter, FloodGuard, Pacer, seconds
from bot.settings import Settings, SettingsError
from bot.web import Gateway, WebServer
from surveys import journey
from surveys.clock import Clock
from surveys.definitions import Survey
from surveys.reading import Reading
from surveys.store import Store

log = logging.getLogger(__name__)


COMMANDS = [
    BotCommand("start", "Start or resume your survey"),
    BotCommand("language", "Change language"),
    BotCommand("stop", "No more surveys"),
    BotCommand("mydata", "What is stored about you"),
    BotCommand("forget", "Delete your data"),
    BotCommand("help", "What this bot does"),
]
MANAGER_COMMANDS = [*COMMANDS, BotCommand("weekly", "Last week's customer-journey report")]


async def offer_manager_commands(application: Application, managers: frozenset[int]) -> None:
    """Show /weekly in the command menu of managers only; customers never see it."""
    for manager_id in sorted(managers):
        try:
            await application.bot.set_my_commands(MANAGER_COMMANDS, scope=BotCommandScopeChat(manager_id))
        except TelegramError as exc:  # e.g. a manager who has not opened the bot yet
            log.warning("could not set manager commands for %s: %s", manager_id, exc)


def score_answer(text: str, taxonomy: Taxonomy | None = None) -> Reading:
    """Read a free-text answer for the store: score, feeling, complaint decision and topics."""
    return read_text(text, taxonomy)


async def record_error(update: object, context: Context) -> None:
    """Sort handler errors: transient ones are retried by intake, refusals set aside for staff, the rest logged."""
    error = context.error
    if not isinstance(update, Update):
        log.error("job failed", exc_info=error)
        return
    data = context.application.bot_data
    # BadRequest subclasses NetworkError in PTB, but retrying a bad request cannot help.
    if isinstance(error, NetworkError | RetryAfter) and not isinstance(error, BadRequest):
        wait = seconds(error.retry_after) if isinstance(error, RetryAfter) else 0.0
        data.retry[update.update_id] = wait
        log.warning("update %s hit a transient Telegram error, will retry: %s", update.update_id, error)
        return
    if isinstance(error, sqlite3.OperationalError):  # locked by another process, or the disk is full for now
        data.retry[update.update_id] = 0.0
        log.warning("update %s could not be stored, will retry: %s", update.update_id, error)
        return
    if isinstance(error, Forbidden) and update.effective_user is not None:
        # Blocked while we answered: what they gave is stored; schedule nothing more until they come back.
        svc = context.bot_data.services
        customer = await svc.store.customer_by_user(update.effective_user.id)
        if customer is not None:
            await journey.mark_unreachable(svc.store, customer, svc.clock())
        log.info("user %s blocked the bot", update.effective_user.id)
        return
    # Retrying cannot help: set it aside where staff can list it (`journeypulse set-aside`), and go on.
    data.refused[update.update_id] = f"{type(error).__name__}: {error}"[:500]
    if isinstance(error, TelegramError):
        log.warning("update %s refused by Telegram, set aside: %s", update.update_id, error)
    else:
        log.error("update %s failed, set aside", update.update_id, exc_info=error)


def backoff(settings: Settings) -> Backoff:
    """The retry schedule the settings ask for."""
    return Backoff(fast_attempts=settings.retry_fast_attempts, slow=settings.retry_slow_interval.total_seconds())


def build_application(
    settings: Settings, store: Store, surveys: dict[str, Survey], clock: Clock | None = None
) -> Application:
    """Wire the bot: handlers, error handling, the survey scheduler; intake is ours, so no Updater."""
    settings.require("TELEGRAM_BOT_TOKEN", "DEEP_LINK_SECRET")
    telemetry = Telemetry()  # per Application: two bots in one process (tests) keep their own figures
    builder = (
        Application.builder()
        .token(settings.secret("TELEGRAM_BOT_TOKEN"))
        .base_url(settings.telegram_api_base_url)
        .defaults(Defaults(parse_mode=ParseMode.HTML))  # every text we send is escaped HTML
        .updater(None)
        .context_types(CONTEXT_TYPES)
        .request(CountingRequest(AiohttpRequest(connection_pool_size=256), telemetry))  # PTB's default pool size
        .get_updates_request(CountingRequest(AiohttpRequest(connection_pool_size=1), telemetry))
    )
    if settings.telegram_rate_limit:
        builder = builder.rate_limiter(ChatRateLimiter(max_retries=5))  # type: ignore[arg-type]  # a limiter changes the builder's bot type, which reassigning `builder` cannot express
    application = builder.build()
    application.bot_data.pacer = Pacer(settings.bulk_send_rate)
    application.bot_data.telemetry = telemetry
    application.bot_data.services = Services(
        store,
        surveys,
        settings.policy,
        settings.secret("DEEP_LINK_SECRET"),
        partial(score_answer, taxonomy=settings.taxonomy),
        rules=settings.flag_rules,
        support_chat_id=settings.support_chat_id,
        staff=settings.staff,
        escalate_after=settings.complaint_escalate_after,
        desk_interval=min(settings.scheduler_interval, 2.0),
        desk_language=settings.support_language,
        managers=settings.managers,
        taxonomy=settings.taxonomy,
        **({"clock": clock} if clock else {}),
        raw_update_retention=settings.raw_update_retention,
        backoff=backoff(settings),
        lease_time=settings.lease_time,
    )
    application.add_handlers(routes.handlers(settings.support_chat_id))
    application.add_error_handler(record_error)
    jobs = application.job_queue
    assert jobs is not None  # the job-queue extra is a dependency, so PTB always builds one
    routes.schedule(jobs, settings)
    return application


async def set_webhook(application: Application, settings: Settings, stop: asyncio.Event) -> None:
    """Point Telegram at WEBHOOK_URL with the secret header, retrying with backoff while Telegram fails."""
    backoff = 1.0
    while not stop.is_set():
        try:
            await application.bot.set_webhook(
                settings.webhook_url,
                secret_token=settings.secret("WEBHOOK_SECRET"),
                allowed_updates=Update.ALL_TYPES,  # as polling asks
                max_connections=settings.webhook_max_connections,
                drop_pending_updates=False,  # what waited for us while down is still ours to handle
            )
            log.info("webhook set; Telegram delivers updates to %s", settings.webhook_url)
            return
        except BadRequest as exc:  # retrying a URL Telegram refuses cannot help (BadRequest is a NetworkError in PTB)
            raise SettingsError(f"WEBHOOK_URL was refused by Telegram: {exc.message}") from None
        except RetryAfter as exc:
            await sleep_or_stop(stop, seconds(exc.retry_after))
        except NetworkError as exc:
            log.warning("setWebhook failed, retrying: %s", exc)
            await sleep_or_stop(stop, backoff * random.uniform(0.5, 1.0))
            backoff = min(backoff * 2, 30.0)


async def run_bot(
    settings: Settings,
    surveys: dict[str, Survey],
    stop: asyncio.Event,
    store: Store | None = None,
    clock: Clock | None = None,
) -> None:
    """Run the bot until `stop` is set: open the store, start the Application, poll durably."""
    own_store = store is None
    store = store or await Store.open(settings.database_path)
    try:
        application = build_application(settings, store, surveys, clock)
        score_answer("warm up")  # load the sentiment lexicon now, not while the first customer waits
        await _run_application(application, settings, store, stop)
    except InvalidToken:  # PTB's message quotes the token: say which setting, never what it holds
        raise SettingsError(
            "TELEGRAM_BOT_TOKEN was rejected by Telegram (401/404 from getMe): copy it again from @BotFather"
            " (and check TELEGRAM_API_BASE_URL ends in /bot)"
        ) from None
    finally:
        if own_store:
            await store.close()


async def _run_application(application: Application, settings: Settings, store: Store, stop: asyncio.Event) -> None:
    """Start the Application, set up its commands, and poll durably until `stop` is set."""
    delay, ready = 1.0, False
    try:
        while not ready:  # Telegram unreachable at start-up: wait for it, one line per attempt
            try:
                await application.initialize()
                ready = True
            except NetworkError as exc:
                if isinstance(exc, BadRequest):
                    raise
                log.warning("Telegram is unreachable (%s); trying again in %.0f s", exc, delay)
                await sleep_or_stop(stop, delay)
                if stop.is_set():
                    return
                delay = min(delay * 2, 60.0)
    finally:
        if not ready:  # a rejected token or a stop: close the HTTP sessions the attempts opened
            await application.bot.shutdown()
    flood = FloodGuard(settings.flood_messages_per_minute) if settings.flood_messages_per_minute else None
    intake = DurableIntake(application, store, backoff=backoff(settings), flood=flood)
    async with application:  # initialize() again is a no-op
        try:
            if not settings.webhook_url:  # back to polling: a webhook left from before would make getUpdates a 409
                await application.bot.delete_webhook()
            await application.bot.set_my_commands(COMMANDS)
        except TelegramError as exc:
            log.warning("could not set up commands: %s", exc)
        await offer_manager_commands(application, settings.managers)
        server = None
        if settings.http_port is not None:  # after initialize(): the bot's username is known for links
            data = application.bot_data
            server = WebServer(
                Gateway(
                    settings,
                    store,
                    data.telemetry,
                    intake.wake,
                    settings.telegram_bot_username or application.bot.username,
                    data.services.clock,
                )
            )
            await server.start()
        try:
            await application.start()
            try:
                if settings.webhook_url:
                    await set_webhook(application, settings, stop)
                    await intake.run_webhook(stop)
                else:
                    await intake.run(stop)
            finally:
                await application.stop()
        finally:
            if server is not None:
                await server.stop()
