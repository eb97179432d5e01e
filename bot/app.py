"""Building the Application and running it with durable intake: store each update before acknowledging it."""

from __future__ import annotations

import asyncio
import collections
import contextlib
import json
import logging
import random
import sqlite3
from collections.abc import Awaitable, Callable
from datetime import timedelta
from functools import partial
from typing import TypeVar

from telegram import BotCommand, BotCommandScopeChat, Update
from telegram.constants import ParseMode
from telegram.error import BadRequest, Forbidden, InvalidToken, NetworkError, RetryAfter, TelegramError
from telegram.ext import (
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
from bot.pacing import DEFAULT_BACKOFF, Backoff, ChatRateLimiter, Flood, FloodGuard, Pacer, seconds
from bot.settings import Settings, SettingsError
from bot.texts import text
from bot.web import Gateway, WebServer
from surveys import journey
from surveys.clock import Clock
from surveys.definitions import Survey
from surveys.reading import Reading
from surveys.store import Store

log = logging.getLogger(__name__)
T = TypeVar("T")

IN_FLIGHT = 1000  # updates received and not yet handled; past it the poller waits for the lanes
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
        .request(CountingRequest(telemetry, connection_pool_size=256))  # PTB's default pools, counted
        .get_updates_request(CountingRequest(telemetry, connection_pool_size=1))
    )
    if settings.telegram_rate_limit:
        builder = builder.rate_limiter(ChatRateLimiter(max_retries=5))  # type: ignore[arg-type]  # a limiter changes the builder's bot type, which reassigning `builder` cannot express
    application = builder.build()
    application.bot_data.pacer = Pacer(settings.bulk_send_rate)
    application.bot_data.telemetry = telemetry
    application.bot_data.services = Services(
        store, surveys, settings.policy, settings.secret("DEEP_LINK_SECRET"), partial(score_answer, taxonomy=settings.taxonomy),
        rules=settings.flag_rules, support_chat_id=settings.support_chat_id, staff=settings.staff,
        escalate_after=settings.complaint_escalate_after, desk_interval=min(settings.scheduler_interval, 2.0),
        desk_language=settings.support_language, managers=settings.managers, taxonomy=settings.taxonomy,
        **({"clock": clock} if clock else {}),
        raw_update_retention=settings.raw_update_retention, backoff=backoff(settings), lease_time=settings.lease_time,
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
    """Long-polls Telegram, commits each batch to SQLite, only then acknowledges it, then handles it.

    Each sender has a lane of their own, handled in order; lanes never wait for each other, and the
    poller keeps fetching while they work (up to `in_flight` updates received and not yet handled).
    """

    def __init__(
        self, application: Application, store: Store, poll_timeout: int = 10, backoff: Backoff = DEFAULT_BACKOFF,
        flood: FloodGuard | None = None, in_flight: int = IN_FLIGHT,
    ):  # fmt: skip
        self.application = application
        self.store = store
        self.poll_timeout = poll_timeout
        self.backoff = backoff
        self.flood = flood
        self.offset: int | None = None
        self.attempts: dict[int, int] = {}
        self._slots = asyncio.Semaphore(LANES)
        self._room = asyncio.Semaphore(in_flight)
        self._lanes: dict[tuple[str, int], collections.deque[Update]] = {}
        self._workers: dict[tuple[str, int], asyncio.Task] = {}
        self._queued: set[int] = set()  # update ids in a lane, so a second look at the store does not queue them twice
        self._stop = asyncio.Event()
        self.handled = 0  # updates handled since start
        self.clock = application.bot_data.services.clock
        self._arrived = asyncio.Event()  # set by the webhook when it stored an update

    async def run(self, stop: asyncio.Event) -> None:
        """Poll, persist, hand each update to its sender's lane, until `stop` is set."""
        self._stop = stop
        try:
            last = await _patiently(self.store.last_update_id, stop)
            self.offset = None if last is None else last + 1
            await self._queue_pending()
            await self._poll_loop(stop)
        finally:
            await self._finish()

    async def run_webhook(self, stop: asyncio.Event) -> None:
        """Hand what the webhook stores to its sender's lane, until `stop` is set; what a crash left goes first."""
        self._stop = stop
        try:
            while not stop.is_set():
                self._arrived.clear()  # before reading: an update stored meanwhile wakes the next round at once
                await self._queue_pending()
                await _wait_either(stop, self._arrived)
        finally:
            await self._finish()

    def wake(self) -> None:
        """Tell the webhook loop that an update was stored."""
        self._arrived.set()

    async def _finish(self) -> None:
        """Graceful stop: lanes finish the update in hand; the rest stays pending for the next start."""
        workers = list(self._workers.values())
        if workers:
            _, late = await asyncio.wait(workers, timeout=5)
            for task in late:
                task.cancel()

    async def _queue_pending(self) -> None:
        """Queue what is stored and unhandled (left by a crash or an outage, or stored by the webhook), in order."""
        after = -1
        while not self._stop.is_set() and (batch := await _patiently(partial(self.store.pending_updates, after=after), self._stop)):
            for update_id, payload in batch:
                if update_id not in self._queued:
                    await self._dispatch(Update.de_json(json.loads(payload), self.application.bot))
                after = update_id

    async def _poll_loop(self, stop: asyncio.Event) -> None:
        backoff = 1.0
        while not stop.is_set():
            wait = 0.0
            try:
                updates = await self._poll(stop, self.poll_timeout)
            except RetryAfter as exc:
                updates, wait = (), seconds(exc.retry_after)
            except NetworkError as exc:  # includes timeouts and refused connections
                log.warning("polling failed, retrying: %s", exc)
                updates, wait = (), backoff * random.uniform(0.5, 1.0)
            if updates:
                try:
                    # UTF-8 as sent, not \u escapes: a 4,096-character Chinese message takes half the room.
                    await self.store.save_updates(
                        [(u.update_id, json.dumps(u.to_dict(), ensure_ascii=False)) for u in updates], self.clock()
                    )
                except sqlite3.OperationalError as exc:  # locked or full: not acknowledged, so fetched again
                    log.warning("could not store %s updates, will fetch them again: %s", len(updates), exc)
                    updates, wait = (), backoff * random.uniform(0.5, 1.0)
            if updates:
                self.application.bot_data.telemetry.updates_received.labels("polling").inc(len(updates))
                self.offset = updates[-1].update_id + 1  # the next poll acknowledges what is now stored
                for update in updates:
                    await self._dispatch(update)
            if wait:
                await _sleep_or_stop(stop, wait)
                backoff = min(backoff * 2, 30.0)
            else:
                backoff = 1.0

    async def _poll(self, stop: asyncio.Event, timeout: int) -> tuple[Update, ...]:
        poll = asyncio.ensure_future(
            self.application.bot.get_updates(offset=self.offset, timeout=timeout, allowed_updates=Update.ALL_TYPES)
        )
        stopped = asyncio.ensure_future(stop.wait())
        done, _ = await asyncio.wait({poll, stopped}, return_when=asyncio.FIRST_COMPLETED)
        stopped.cancel()
        if poll not in done:
            poll.cancel()
            return ()
        return poll.result()

    async def _dispatch(self, update: Update) -> None:
        """Append an update to its sender's lane, starting the lane's worker when idle."""
        await self._room.acquire()  # a full house stops the poller, not the lanes
        self._queued.add(update.update_id)
        key = _sender(update)
        self._lanes.setdefault(key, collections.deque()).append(update)
        if key not in self._workers:
            self._workers[key] = asyncio.create_task(self._work(key))

    async def _work(self, key: tuple[str, int]) -> None:
        lane = self._lanes[key]
        try:
            while lane and not self._stop.is_set():
                async with self._slots:
                    delay = await self._handle(lane[0])
                if delay is None:
                    self._queued.discard(lane.popleft().update_id)
                    self._room.release()
                else:  # only this sender waits; everyone else's lanes go on
                    await _sleep_or_stop(self._stop, delay)
        except Exception:
            log.exception("lane of %s stopped", key)
        finally:
            if self._workers.get(key) is asyncio.current_task():
                del self._workers[key]
                for dropped in self._lanes.pop(key, ()):  # still pending in the store: queued again later
                    self._queued.discard(dropped.update_id)
                    self._room.release()

    async def handle_pending(self) -> bool:
        """Handle every stored, unhandled update now (for tools and tests); False when some must wait for a retry."""
        await self._queue_pending()
        while self._workers:
            await asyncio.wait(list(self._workers.values()))
        return not await self.store.pending_updates(limit=1)

    async def _handle(self, update: Update) -> float | None:
        """Handle one update; None when it is done with, else seconds to wait before trying it again."""
        update_id = update.update_id
        data = self.application.bot_data
        retry, refused = data.retry, data.refused
        verdict = self._flood_verdict(update) if update_id not in self.attempts else Flood.OK
        if verdict is Flood.OK:
            await self.application.process_update(update)
        elif verdict is Flood.WARN:
            await self._warn_flooder(update)
        if update_id in retry:
            wait = retry.pop(update_id)
            attempts = self.attempts[update_id] = self.attempts.get(update_id, 0) + 1
            delay = max(wait, self.backoff.delay(attempts))
            if attempts == self.backoff.fast_attempts:
                log.warning("update %s still failing after %s attempts; retrying every %.0f s", update_id, attempts, delay)
            with contextlib.suppress(sqlite3.OperationalError):
                await self.store.schedule_update_retry(update_id, attempts, self.clock() + timedelta(seconds=delay))
            return delay
        try:
            if update_id in refused:
                await self.store.set_aside_item("update", update_id, refused.pop(update_id), self.clock())
            await self.store.mark_update_processed(update_id, self.clock())
        except sqlite3.OperationalError as exc:  # handling is idempotent: trying it all again is safe
            log.warning("update %s handled but not marked, will retry: %s", update_id, exc)
            return self.backoff.delay(1)
        self.attempts.pop(update_id, None)
        self.handled += 1
        return None

    def _flood_verdict(self, update: Update) -> Flood:
        chat = update.effective_chat
        if self.flood is None or update.effective_user is None or chat is None or chat.type != chat.PRIVATE:
            return Flood.OK
        message = update.effective_message
        moment = message.date.timestamp() if message is not None and update.callback_query is None else self.clock().timestamp()
        verdict = self.flood.check(update.effective_user.id, moment)
        if verdict is not Flood.OK:
            log.info("user %s writes faster than a person: %s", update.effective_user.id, verdict.value)
        return verdict

    async def _warn_flooder(self, update: Update) -> None:
        """Ask someone writing too fast to slow down, once; their messages stay stored."""
        user = update.effective_user
        language = journey.pick_language(user.language_code)  # type: ignore[union-attr]
        try:
            await self.application.bot.send_message(update.effective_chat.id, text(language, "slow_down"))  # type: ignore[union-attr]
        except TelegramError as exc:  # a courtesy: not worth holding their lane for
            log.info("could not ask user %s to slow down: %s", user.id, exc)  # type: ignore[union-attr]


def _sender(update: Update) -> tuple[str, int]:
    """Who an update comes from: one person's updates are handled in order, different people's at once."""
    if update.effective_user is not None:
        return "user", update.effective_user.id
    if update.effective_chat is not None:
        return "chat", update.effective_chat.id
    return "update", update.update_id


async def _patiently(read: Callable[[], Awaitable[T]], stop: asyncio.Event) -> T:
    """Run a store call, waiting out a database another process holds locked."""
    delay = 0.5
    while True:
        try:
            return await read()
        except sqlite3.OperationalError as exc:
            if stop.is_set():
                raise
            log.warning("database busy, trying again in %.0f s: %s", delay, exc)
            await _sleep_or_stop(stop, delay)
            delay = min(delay * 2, 30.0)


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
            await _sleep_or_stop(stop, seconds(exc.retry_after))
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
    delay = 1.0
    while True:  # Telegram unreachable at start-up: wait for it, one line per attempt
        try:
            await application.initialize()
            break
        except NetworkError as exc:
            if isinstance(exc, BadRequest):
                raise
            log.warning("Telegram is unreachable (%s); trying again in %.0f s", exc, delay)
            await _sleep_or_stop(stop, delay)
            if stop.is_set():
                return
            delay = min(delay * 2, 60.0)
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
