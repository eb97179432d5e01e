"""Pacing: bulk sends under Telegram's limits, retries that back off, and senders who write faster than a person."""

from __future__ import annotations

import asyncio
import random
from collections import deque
from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from datetime import timedelta
from enum import Enum
from typing import Any

from telegram.error import RetryAfter
from telegram.ext import AIORateLimiter


def seconds(delay: float | timedelta) -> float:
    """A delay Telegram gave (PTB hands out seconds or a timedelta, depending on settings) in seconds."""
    return delay.total_seconds() if isinstance(delay, timedelta) else float(delay)


class Pacer:
    """Books send slots at `rate` messages a second overall and one burst per chat every `chat_gap` seconds.

    PTB's AIORateLimiter caps the overall rate but not private chats, and on a 429 it stalls every
    request; spacing bulk sends evenly below the limit means neither happens, and no slot is left idle.
    """

    def __init__(self, rate: float, chat_gap: float = 1.0) -> None:
        self.gap = 1.0 / rate
        self.chat_gap = chat_gap
        self._next = 0.0
        self._chats: dict[int, float] = {}  # chat id -> earliest next slot; only chats booked within chat_gap

    async def wait(self, chat_id: int, messages: int = 1) -> None:
        """Sleep until `messages` messages to `chat_id` fit the budget, then count them as sent."""
        now = asyncio.get_running_loop().time()
        if len(self._chats) > 1024:  # forget chats whose gap has passed, so memory stays flat
            self._chats = {chat: at for chat, at in self._chats.items() if at > now}
        start = max(now, self._next, self._chats.get(chat_id, 0.0))
        self._next = start + messages * self.gap
        self._chats[chat_id] = start + self.chat_gap
        if start > now:
            await asyncio.sleep(start - now)


class ChatRateLimiter(AIORateLimiter):
    """PTB's AIORateLimiter, except that a 429 in one private chat only delays that chat.

    AIORateLimiter pauses every request on any 429, so one customer writing faster than Telegram's
    1 message a second per chat would stall everyone else's answers.
    """

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, Any]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: int | None,
    ) -> Any:
        """Send through the overall limiter; wait out a private chat's 429 in that request alone."""
        try:
            private = int(data.get("chat_id", 0)) > 0  # a channel's "@name" is not a private chat
        except (TypeError, ValueError):
            private = False
        if not private:
            return await super().process_request(callback, args, kwargs, endpoint, data, rate_limit_args)
        retries = rate_limit_args or self._max_retries
        for attempt in range(retries + 1):
            try:
                # PTB's own per-request step: overall and per-chat limiter, without the global pause.
                return await self._run_request(
                    chat=True,
                    group=False,
                    allow_paid_broadcast=data.get("allow_paid_broadcast", False),
                    callback=callback,
                    args=args,
                    kwargs=kwargs,
                )
            except RetryAfter as exc:
                if attempt == retries:
                    raise
                await asyncio.sleep(seconds(exc.retry_after) + 0.1)
        raise AssertionError("unreachable")


@dataclass(frozen=True)
class Backoff:
    """When to try again: doubling fast retries, then slow ones minutes apart, never giving up."""

    fast_attempts: int = 8
    first: float = 0.5  # seconds before the second attempt
    fast_max: float = 30.0
    slow: float = 300.0  # seconds between slow retries, for as long as it takes (Telegram keeps updates 24 h)

    def delay(self, attempts: int) -> float:
        """Seconds to wait after `attempts` failed attempts (with jitter, so retries do not arrive in step)."""
        if attempts >= self.fast_attempts:
            return self.slow * random.uniform(0.9, 1.0)
        return min(self.first * 2 ** max(0, attempts - 1), self.fast_max) * random.uniform(0.75, 1.0)


DEFAULT_BACKOFF = Backoff()  # 8 fast attempts, then every 5 minutes


class Flood(Enum):
    """What to do with a sender's update: handle it, warn them once, or store it without answering."""

    OK = "ok"
    WARN = "warn"
    QUIET = "quiet"


class FloodGuard:
    """Counts each sender's updates over the last `window` seconds; past `limit`, one warning, then quiet."""

    def __init__(self, limit: int, window: float = 60.0) -> None:
        self.limit, self.window = limit, window
        self._seen: dict[int, deque[float]] = {}
        self._warned: dict[int, float] = {}  # sender -> when the warning went out

    def check(self, sender: int, moment: float) -> Flood:
        """Count one update from `sender` at `moment` (seconds) and say how to treat it."""
        if len(self._seen) > 4096:  # forget senders quiet for a whole window, so memory stays flat
            self._seen = {s: q for s, q in self._seen.items() if q and q[-1] > moment - self.window}
            self._warned = {s: t for s, t in self._warned.items() if t > moment - self.window}
        seen = self._seen.setdefault(sender, deque())
        while seen and seen[0] <= moment - self.window:
            seen.popleft()
        seen.append(moment)
        if len(seen) <= self.limit:
            return Flood.OK
        if self._warned.get(sender, -1e18) > moment - self.window:
            return Flood.QUIET
        self._warned[sender] = moment
        return Flood.WARN
