"""The raw Telegram update inbox: stored before acknowledgement, handled, retried, pruned (bot/ only)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime

import aiosqlite

from surveys.store.database import Database
from surveys.store.rows import to_text

# The raw updates of a person: any user or chat id equal to theirs, wherever it sits (their messages, edits,
# presses, reactions, member changes, mentions). Telegram's integer `id` fields are user and chat ids.
# The text search first spares json_tree the rows that cannot match (20 times faster on a full inbox).
_OWN_UPDATES = """SELECT update_id FROM inbox WHERE instr(payload, :user) AND EXISTS (SELECT 1 FROM json_tree(inbox.payload) t
    WHERE t.key IN ('id', 'user_id', 'user_chat_id') AND t.type = 'integer' AND t.atom = :user)"""


# The raw updates about a customer's complaints in the support chat: a message replying to, reacting to or
# pressing a button on a card or relayed message (Telegram embeds the replied-to message, the customer's words
# with it), and anything said in the complaint's topic.
_DESK_UPDATES = """WITH mine(id) AS (SELECT id FROM complaints WHERE customer_id = :customer),
    desk(chat_id, message_id, key) AS (
        SELECT chat_id, message_id, 'message_id' FROM desk_messages WHERE complaint_id IN mine
        UNION SELECT chat_id, message_id, 'message_id' FROM complaint_events
            WHERE message_id IS NOT NULL AND complaint_id IN mine
        UNION SELECT card_chat_id, thread_id, 'message_thread_id' FROM complaints
            WHERE thread_id IS NOT NULL AND id IN mine)
    SELECT update_id FROM inbox WHERE EXISTS (SELECT 1 FROM desk WHERE instr(inbox.payload, desk.chat_id))
        AND EXISTS (SELECT 1 FROM json_tree(inbox.payload) t JOIN desk d
        ON t.key = d.key AND t.atom = d.message_id AND json_extract(inbox.payload, t.path || '.chat.id') = d.chat_id)"""


async def _erase_updates(db: aiosqlite.Connection, update_ids: Sequence[int]) -> int:
    """Delete raw updates; the newest ever stored keeps an empty shell, which tells intake where to resume polling."""
    if not update_ids:
        return 0
    async with db.execute("SELECT max(update_id) FROM inbox") as cursor:
        row = await cursor.fetchone()
    newest = row[0] if row else None  # max() always answers one row
    if newest in update_ids:
        await db.execute(
            "UPDATE inbox SET payload = json_object('update_id', update_id) WHERE update_id = ?", (newest,)
        )
    await db.executemany("DELETE FROM inbox WHERE update_id = ?", [(uid,) for uid in update_ids if uid != newest])
    return len(update_ids)


class Inbox(Database):
    """The store's part for the raw Telegram update inbox: stored before acknowledgement, handled, retried, pruned (bot/ only)."""

    async def prune_updates(self, before: datetime) -> int:
        """Delete raw updates handled before `before` (replay needs only unhandled ones); return how many."""
        async with self._transaction() as db:
            cursor = await db.execute(
                "SELECT update_id FROM inbox WHERE processed_at IS NOT NULL AND processed_at < ?"
                " AND payload != json_object('update_id', update_id)",  # the shell of the newest is kept
                (to_text(before),),
            )
            pruned = await _erase_updates(db, [r[0] for r in await cursor.fetchall()])
        if pruned:
            await self.scrub()  # the old copies in the WAL go too
        return pruned

    async def save_updates(self, updates: Sequence[tuple[int, str]], now: datetime) -> None:
        """Persist raw updates before they are acknowledged to Telegram, all or none; repeats are ignored."""
        # One statement (atomic by itself): a batch costs one trip to the database thread, not three.
        await self._write(
            "INSERT INTO inbox (update_id, payload, received_at)"
            " SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]'), ? FROM json_each(?) WHERE true"
            " ON CONFLICT (update_id) DO NOTHING",
            (to_text(now), json.dumps(list(updates), ensure_ascii=False)),
        )

    async def pending_updates(self, limit: int = 100, after: int = -1) -> list[tuple[int, str]]:
        """Return stored updates not yet processed with an id above `after`, oldest first."""
        return [
            (r[0], r[1])
            for r in await self._all(
                "SELECT update_id, payload FROM inbox WHERE processed_at IS NULL AND update_id > ?"
                " ORDER BY update_id LIMIT ?",
                (after, limit),
            )
        ]

    async def schedule_update_retry(self, update_id: int, attempts: int, retry_at: datetime) -> None:
        """Note that handling an update failed `attempts` times and is tried again at `retry_at`."""
        await self._write(
            "UPDATE inbox SET attempts = ?, retry_at = ? WHERE update_id = ?", (attempts, to_text(retry_at), update_id)
        )

    async def last_update_id(self) -> int | None:
        """Return the highest update id ever stored (to resume acknowledging after a restart)."""
        row = await self._one("SELECT max(update_id) FROM inbox")
        return row[0] if row else None

    async def mark_updates_processed(self, update_ids: Sequence[int], now: datetime) -> None:
        """Mark stored updates as handled, all in one statement."""
        await self._write(
            "UPDATE inbox SET processed_at = ? WHERE update_id IN (SELECT value FROM json_each(?))",
            (to_text(now), json.dumps(list(update_ids))),
        )
