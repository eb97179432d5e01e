"""Durable intake: store each Telegram update before acknowledging it, then handle it in its sender's lane."""

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

from telegram import Update
from telegram.error import NetworkError, RetryAfter, TelegramError
from telegram.ext import Application

from bot.pacing import DEFAULT_BACKOFF, Backoff, Flood, FloodGuard, seconds
from bot.texts import text
from surveys import journey
from surveys.store import Store

log = logging.getLogger(__name__)
T = TypeVar("T")

IN_FLIGHT = 1000  # updates received and not yet handled; past it the poller waits for the lanes
# Senders handled at once, bounded so a burst of updates cannot open a connection per sender
# (8 and 64 measured alike in benchmarks/load.py).
LANES = 64


class DurableIntake:
    """Long-polls Telegram, commits each batch to SQLite, only then acknowledges it, then handles it.

    Each sender has a lane of their own, handled in order; lanes never wait for each other, and the
    poller keeps fetching while they work (up to `in_flight` updates received and not yet handled).
    """

    def __init__(
        self,
        application: Application,
        store: Store,
        poll_timeout: int = 10,
        backoff: Backoff = DEFAULT_BACKOFF,
        flood: FloodGuard | None = None,
        in_flight: int = IN_FLIGHT,
    ):
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
        self._queued: set[int] = (
            set()
        )  # update ids in a lane or not yet marked, so a second look does not queue them twice
        self._handled_ids: list[int] = []  # handled, to be marked processed together in one statement
        self._marking: asyncio.Task | None = None
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
        await self._marked()

    async def _queue_pending(self) -> None:
        """Queue what is stored and unhandled (left by a crash or an outage, or stored by the webhook), in order."""
        after = -1
        while not self._stop.is_set() and (
            batch := await _patiently(partial(self.store.pending_updates, after=after), self._stop)
        ):
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
                await sleep_or_stop(stop, wait)
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
                    lane.popleft()  # still in _queued until marked processed
                    self._room.release()
                else:  # only this sender waits; everyone else's lanes go on
                    await sleep_or_stop(self._stop, delay)
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
        await self._marked()
        return not await self.store.pending_updates(limit=1)

    def _mark(self, update_id: int) -> None:
        """Have a handled update marked processed soon, with the others handled meanwhile (one statement for all)."""
        self._handled_ids.append(update_id)
        if self._marking is None or self._marking.done():
            self._marking = asyncio.create_task(self._mark_handled())

    async def _mark_handled(self) -> None:
        """Mark what was handled as processed; a crash before it replays those updates, and handling is idempotent."""
        delay = 0.01  # long enough for the lanes working now to finish and share the statement
        while self._handled_ids:
            await sleep_or_stop(self._stop, delay)
            ids, self._handled_ids = self._handled_ids, []
            try:
                await self.store.mark_updates_processed(ids, self.clock())
            except Exception as exc:  # locked or full for now: try again, keep them out of the lanes
                if not isinstance(exc, sqlite3.OperationalError):  # a bug: the updates replay at the next start
                    log.exception("could not mark %s handled updates processed", len(ids))
                    return
                self._handled_ids[:0] = ids
                if self._stop.is_set():
                    log.warning("%s handled updates not marked before stopping; replayed at the next start", len(ids))
                    return
                log.warning("%s handled updates not marked yet, trying again: %s", len(ids), exc)
                delay = min(max(delay * 2, 0.5), 30.0)
                continue
            self._queued.difference_update(ids)
            delay = 0.01

    async def _marked(self) -> None:
        """Wait until every handled update is marked processed (or, when stopping, given up for a replay)."""
        while self._marking is not None and not self._marking.done():
            await asyncio.wait({self._marking})

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
                log.warning(
                    "update %s still failing after %s attempts; retrying every %.0f s", update_id, attempts, delay
                )
            with contextlib.suppress(sqlite3.OperationalError):
                await self.store.schedule_update_retry(update_id, attempts, self.clock() + timedelta(seconds=delay))
            return delay
        try:
            if update_id in refused:
                await self.store.set_aside_item("update", update_id, refused[update_id], self.clock())
                del refused[update_id]
        except sqlite3.OperationalError as exc:  # handling is idempotent: trying it all again is safe
            log.warning("update %s handled but not set aside, will retry: %s", update_id, exc)
            return self.backoff.delay(1)
        self._mark(update_id)
        self.attempts.pop(update_id, None)
        self.handled += 1
        return None

    def _flood_verdict(self, update: Update) -> Flood:
        chat = update.effective_chat
        if self.flood is None or update.effective_user is None or chat is None or chat.type != chat.PRIVATE:
            return Flood.OK
        message = update.effective_message
        moment = (
            message.date.timestamp()
            if message is not None and update.callback_query is None
            else self.clock().timestamp()
        )
        verdict = self.flood.check(update.effective_user.id, moment)
        if verdict is not Flood.OK:
            log.info("user %s writes faster than a person: %s", update.effective_user.id, verdict.value)
        return verdict

    async def _warn_flooder(self, update: Update) -> None:
        """Ask someone writing too fast to slow down, once; their messages stay stored."""
        user, chat = update.effective_user, update.effective_chat
        if user is None or chat is None:
            return
        try:
            await self.application.bot.send_message(
                chat.id, text(journey.pick_language(user.language_code), "slow_down")
            )
        except TelegramError as exc:  # a courtesy: not worth holding their lane for
            log.info("could not ask user %s to slow down: %s", user.id, exc)


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
            await sleep_or_stop(stop, delay)
            delay = min(delay * 2, 30.0)


async def sleep_or_stop(stop: asyncio.Event, seconds: float) -> None:
    try:
        await asyncio.wait_for(stop.wait(), timeout=seconds)
    except TimeoutError:
        pass


async def _wait_either(stop: asyncio.Event, event: asyncio.Event) -> None:
    waits = {asyncio.ensure_future(stop.wait()), asyncio.ensure_future(event.wait())}
    _, pending = await asyncio.wait(waits, return_when=asyncio.FIRST_COMPLETED)
    for waiting in pending:
        waiting.cancel()
