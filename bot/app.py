"""Building the Application and running it with durable intake: store each update before acknowledging it."""

from __future__ import annotations

import asyncio
import json
import logging
import random
from datetime import timedelta
from functools import partial

from telegram import BotCommand, BotCommandScopeChat, Update
from telegram.constants import ParseMode
from telegram.error import BadRequest, Forbidden, InvalidToken, NetworkError, RetryAfter, TelegramError
from telegram.ext import (
    AIORateLimiter,
    Application,
    CallbackQueryHandler,
    CommandHandler,
    Defaults,
    MessageHandler,
    filters,
)

from analysis.reading import read_text
from analysis.topics import Taxonomy
from bot import callbacks, desk, handlers
from bot.handlers import CONTEXT_TYPES, Context, Services
from bot.metrics import CountingRequest, Telemetry
from bot.pacing import Pacer
from bot.settings import Settings, SettingsError
from bot.web import Gateway, WebServer
from surveys import journey
from surveys.clock import Clock
from surveys.definitions import Survey
from surveys.reading import Reading
from surveys.store import Store

log = logging.getLogger(__name__)

MAX_ATTEMPTS = 8  # an update that keeps failing must not block everyone behind it forever
# Senders handled at once, bounded so a burst of updates cannot open a connection per sender
# (8 and 64 measured alike in benchmarks/load.py).
LANES = 64

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
    """Log handler errors; remember transient ones so intake retries the update later."""
    error = context.error
    # BadRequest subclasses NetworkError in PTB, but retrying a bad request cannot help.
    if isinstance(update, Update) and isinstance(error, NetworkError | RetryAfter) and not isinstance(error, BadRequest):
        context.bot_data.retry.add(update.update_id)
        if isinstance(error, RetryAfter):
            context.bot_data.retry_after = max(context.bot_data.retry_after, _seconds(error.retry_after))
        log.warning("update %s hit a transient Telegram error, will retry: %s", update.update_id, error)
        return
    if isinstance(update, Update) and isinstance(error, Forbidden) and update.effective_user is not None:
        # Blocked while we answered: what they gave is stored; schedule nothing more until they come back.
        svc = context.bot_data.services
        customer = await svc.store.customer_by_user(update.effective_user.id)
        if customer is not None:
            await journey.mark_unreachable(svc.store, customer, svc.clock())
        log.info("user %s blocked the bot", update.effective_user.id)
        return
    log.error("update %s failed", getattr(update, "update_id", None), exc_info=error)


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
        .request(CountingRequest(telemetry, connection_pool_size=256))  # PTB's default pools, counted
        .get_updates_request(CountingRequest(telemetry, connection_pool_size=1))
    )
    if settings.telegram_rate_limit:
        builder = builder.rate_limiter(AIORateLimiter(max_retries=5))  # type: ignore[arg-type]  # a limiter changes the builder's bot type, which reassigning `builder` cannot express
    application = builder.build()
    application.bot_data.pacer = Pacer(settings.bulk_send_rate)
    application.bot_data.telemetry = telemetry
    application.bot_data.services = Services(
        store, surveys, settings.policy, settings.secret("DEEP_LINK_SECRET"), partial(score_answer, taxonomy=settings.taxonomy),
        rules=settings.flag_rules, support_chat_id=settings.support_chat_id, staff=settings.staff,
        escalate_after=settings.complaint_escalate_after, desk_interval=min(settings.scheduler_interval, 2.0),
        desk_language=settings.support_language, managers=settings.managers, taxonomy=settings.taxonomy,
        **({"clock": clock} if clock else {}),
        raw_update_retention=settings.raw_update_retention,
    )  # fmt: skip
    private = filters.ChatType.PRIVATE
    support = filters.Chat(settings.support_chat_id) if settings.support_chat_id is not None else filters.Chat(())
    application.add_handlers(
        [
            CommandHandler("start", handlers.start, filters=private),
            CommandHandler("help", handlers.help_command, filters=private),
            CommandHandler("stop", handlers.stop_command, filters=private),
            CommandHandler("language", handlers.language_command, filters=private),
            CommandHandler("mydata", handlers.mydata_command, filters=private),
            CommandHandler("forget", handlers.forget_command, filters=private),
            CommandHandler("complaints", desk.complaints_command, filters=private | support),
            CommandHandler("weekly", handlers.weekly_command, filters=private),
            CallbackQueryHandler(handlers.button_pressed, pattern=callbacks.pattern(callbacks.Answer, callbacks.Skip)),
            CallbackQueryHandler(handlers.language_chosen, pattern=callbacks.pattern(callbacks.Language)),
            CallbackQueryHandler(desk.desk_button_pressed, pattern=callbacks.pattern(callbacks.Desk)),
            CallbackQueryHandler(handlers.confirmation_chosen, pattern=callbacks.pattern(callbacks.Confirmation)),
            CallbackQueryHandler(handlers.forget_chosen, pattern=callbacks.pattern(callbacks.Forget)),
            CallbackQueryHandler(handlers.unknown_button),
            MessageHandler(private & filters.UpdateType.MESSAGE & filters.TEXT & ~filters.COMMAND, handlers.text_answered),
            MessageHandler(private & filters.UpdateType.MESSAGE & ~filters.TEXT, handlers.other_message),
            MessageHandler(private & filters.UpdateType.EDITED_MESSAGE, handlers.message_edited),
            MessageHandler(support & filters.UpdateType.MESSAGE & filters.TEXT & ~filters.COMMAND, desk.staff_replied),
            MessageHandler(private & filters.UpdateType.MESSAGE & filters.COMMAND, handlers.help_command),  # unknown
        ]
    )
    application.add_error_handler(record_error)
    jobs = application.job_queue
    assert jobs is not None  # the job-queue extra is a dependency, so PTB always builds one
    jobs.run_repeating(
        handlers.send_due_surveys, interval=settings.scheduler_interval, first=0.1, name="send_due_surveys"
    )
    if settings.support_chat_id is not None:  # staff should see a complaint within seconds
        # A round that starts late (a slow start-up, a busy loop) must still run: it schedules the next one.
        jobs.run_once(
            desk.desk_round, 0.5, name="desk_round", job_kwargs={"misfire_grace_time": None}
        )
    jobs.run_repeating(
        handlers.send_due_digests, interval=settings.scheduler_interval, first=0.3, name="send_due_digests"
    )
    # Raw updates hold what people wrote: keep handled ones only as long as RAW_UPDATE_RETENTION.
    retention = settings.raw_update_retention.total_seconds()
    jobs.run_repeating(
        handlers.prune_raw_updates, interval=min(3600.0, max(settings.scheduler_interval, retention / 2)), first=1.0,
        name="prune_raw_updates",
    )
    return application


class DurableIntake:
    """Long-polls Telegram, commits each batch to SQLite, only then acknowledges it, then handles it."""

    def __init__(self, application: Application, store: Store, poll_timeout: int = 10):
        self.application = application
        self.store = store
        self.poll_timeout = poll_timeout
        self.offset: int | None = None
        self.attempts: dict[int, int] = {}
        self._lanes = asyncio.Semaphore(LANES)
        self.handled = 0  # updates handled since start, to tell a stray failure from an outage
        self._fresh: dict[int, Update] = {}  # the batch just stored, so it need not be parsed again
        self.clock = application.bot_data.services.clock
        self._arrived = asyncio.Event()  # set by the webhook when it stored an update

    async def run(self, stop: asyncio.Event) -> None:
        """Poll, persist, handle, until `stop` is set; back off with jitter while Telegram fails."""
        last = await self.store.last_update_id()
        self.offset = None if last is None else last + 1
        backoff = 1.0
        while not stop.is_set():
            handled = self.handled
            healthy = await self.handle_pending()  # what a crash or an outage left behind comes first
            data = self.application.bot_data
            wait, data.retry_after = data.retry_after, 0.0  # a handler's 429 says how long to wait
            try:
                # While updates wait for a retry, a long poll would hold them back: only fetch what is there.
                updates = await self._poll(stop, self.poll_timeout if healthy else 0)
            except RetryAfter as exc:
                healthy, wait, updates = False, max(wait, _seconds(exc.retry_after)), ()
            except NetworkError as exc:  # includes timeouts and refused connections
                log.warning("polling failed, retrying: %s", exc)
                healthy, updates = False, ()
            if updates:
                # UTF-8 as sent, not \u escapes: a 4,096-character Chinese message takes half the room.
                await self.store.save_updates(
                    [(u.update_id, json.dumps(u.to_dict(), ensure_ascii=False)) for u in updates], self.clock()
                )
                self._fresh = {u.update_id: u for u in updates}
                data.telemetry.updates_received.labels("polling").inc(len(updates))
                self.offset = updates[-1].update_id + 1  # the next poll acknowledges what is now stored
            if healthy:
                backoff = 1.0
            else:
                await _sleep_or_stop(stop, max(wait, backoff * random.uniform(0.5, 1.0)))
                # A stray failure among updates that went through is no outage: only back off further when stuck.
                backoff = 1.0 if self.handled > handled else min(backoff * 2, 30.0)

    def wake(self) -> None:
        """Tell the webhook loop that an update was stored."""
        self._arrived.set()

    async def run_webhook(self, stop: asyncio.Event) -> None:
        """Handle what the webhook stores, until `stop` is set; what a crash left pending goes first."""
        backoff = 1.0
        while not stop.is_set():
            self._arrived.clear()  # before handling: an update stored meanwhile wakes the next round at once
            handled = self.handled
            healthy = await self.handle_pending()
            data = self.application.bot_data
            wait, data.retry_after = data.retry_after, 0.0  # a handler's 429 says how long to wait
            if healthy and not wait:
                backoff = 1.0
                await _wait_either(stop, self._arrived)
                continue
            await _sleep_or_stop(stop, max(wait, backoff * random.uniform(0.5, 1.0)))
            backoff = 1.0 if self.handled > handled else min(backoff * 2, 30.0)

    async def _poll(self, stop: asyncio.Event, timeout: int) -> tuple[Update, ...]:
        poll = asyncio.ensure_future(
            self.application.bot.get_updates(offset=self.offset, timeout=timeout, allowed_updates=Update.ALL_TYPES)
        )
        stopped = asyncio.ensure_future(stop.wait())
        done, _ = await asyncio.wait({poll, stopped}, return_when=asyncio.FIRST_COMPLETED)
        if poll not in done:
            poll.cancel()
            stopped.cancel()
            return ()
        stopped.cancel()
        return poll.result()

    async def handle_pending(self) -> bool:
        """Handle stored, unhandled updates, each sender's in order and senders side by side.

        False when a transient failure left some pending.
        """
        while batch := await self.store.pending_updates():
            lanes: dict[tuple[str, int], list[Update]] = {}
            for update_id, payload in batch:
                update = self._fresh.pop(update_id, None) or Update.de_json(json.loads(payload), self.application.bot)
                lanes.setdefault(_sender(update), []).append(update)
            self._fresh.clear()
            if not all(await asyncio.gather(*(self._handle_lane(lane) for lane in lanes.values()))):
                return False
        return True

    async def _handle_lane(self, lane: list[Update]) -> bool:
        async with self._lanes:
            return await self._handle_in_order(lane)

    async def _handle_in_order(self, lane: list[Update]) -> bool:
        retry = self.application.bot_data.retry
        for update in lane:
            update_id = update.update_id
            await self.application.process_update(update)
            if update_id in retry:
                retry.discard(update_id)
                self.attempts[update_id] = self.attempts.get(update_id, 0) + 1
                if self.attempts[update_id] < MAX_ATTEMPTS:
                    return False  # Telegram is struggling: keep this and the sender's later updates for next round
                log.error("giving up on update %s after %s attempts", update_id, MAX_ATTEMPTS)
            self.attempts.pop(update_id, None)
            await self.store.mark_update_processed(update_id, self.clock())
            self.handled += 1
        return True


def _sender(update: Update) -> tuple[str, int]:
    """Who an update comes from: one person's updates are handled in order, different people's at once."""
    if update.effective_user is not None:
        return "user", update.effective_user.id
    if update.effective_chat is not None:
        return "chat", update.effective_chat.id
    return "update", update.update_id


def _seconds(delay: float | timedelta) -> float:
    return delay.total_seconds() if isinstance(delay, timedelta) else float(delay)


async def _sleep_or_stop(stop: asyncio.Event, seconds: float) -> None:
    try:
        await asyncio.wait_for(stop.wait(), timeout=seconds)
    except TimeoutError:
        pass


async def _wait_either(stop: asyncio.Event, event: asyncio.Event) -> None:
    waits = {asyncio.ensure_future(stop.wait()), asyncio.ensure_future(event.wait())}
    _, pending = await asyncio.wait(waits, return_when=asyncio.FIRST_COMPLETED)
    for waiting in pending:
        waiting.cancel()


async def set_webhook(application: Application, settings: Settings, stop: asyncio.Event) -> None:
    """Point Telegram at WEBHOOK_URL with the secret header, retrying with backoff while Telegram fails."""
    backoff = 1.0
    while not stop.is_set():
        try:
            await application.bot.set_webhook(
                settings.webhook_url,
                secret_token=settings.webhook_secret.get_secret_value(),  # type: ignore[union-attr]
                allowed_updates=Update.ALL_TYPES,  # as polling asks
                max_connections=settings.webhook_max_connections,
                drop_pending_updates=False,  # what waited for us while down is still ours to handle
            )
            log.info("webhook set; Telegram delivers updates to %s", settings.webhook_url)
            return
        except BadRequest as exc:  # retrying a URL Telegram refuses cannot help (BadRequest is a NetworkError in PTB)
            raise SettingsError(f"WEBHOOK_URL was refused by Telegram: {exc.message}") from None
        except RetryAfter as exc:
            await _sleep_or_stop(stop, _seconds(exc.retry_after))
        except NetworkError as exc:
            log.warning("setWebhook failed, retrying: %s", exc)
            await _sleep_or_stop(stop, backoff * random.uniform(0.5, 1.0))
            backoff = min(backoff * 2, 30.0)


async def run_bot(
    settings: Settings, surveys: dict[str, Survey], stop: asyncio.Event, store: Store | None = None,
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
    intake = DurableIntake(application, store)
    async with application:
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
            server = WebServer(Gateway(
                settings, store, data.telemetry, intake.wake, settings.telegram_bot_username or application.bot.username,
                data.services.clock,
            ))  # fmt: skip
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
