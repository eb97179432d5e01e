"""Pacing of bulk sends: a steady rate under Telegram's overall limit, and no chat written to twice a second."""

from __future__ import annotations

import asyncio


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
