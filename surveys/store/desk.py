"""The support desk's Telegram side: cards, relayed messages, notes and refusals waiting to be posted (bot/ only)."""

from __future__ import annotations

from datetime import datetime, timedelta

from surveys.store.database import Database
from surveys.store.leases import Lease, _unleased
from surveys.store.rows import _COMPLAINT, Complaint, DeskNote, columns, from_row, to_text


class Desk(Database):
    """The store's part for the support desk's Telegram side: cards, relayed messages, notes and refusals waiting to be posted (bot/ only)."""

    async def complaint_for_message(self, chat_id: int, message_id: int) -> Complaint | None:
        """Return the complaint a card, relayed message or topic in a chat belongs to."""
        row = await self._one(
            f"{_COMPLAINT} WHERE id = (SELECT complaint_id FROM desk_messages WHERE chat_id = ? AND message_id = ?)",
            (chat_id, message_id),
        )
        return from_row(Complaint, row) if row else None

    async def complaint_for_thread(self, chat_id: int, thread_id: int) -> Complaint | None:
        """Return the complaint whose forum topic this is."""
        row = await self._one(f"{_COMPLAINT} WHERE card_chat_id = ? AND thread_id = ?", (chat_id, thread_id))
        return from_row(Complaint, row) if row else None

    async def cards_to_post(self, now: datetime, limit: int = 20) -> list[int]:
        """Return ids of complaints whose card is not posted and nobody is posting now."""
        rows = await self._all(
            f"SELECT id FROM complaints WHERE card_message_id IS NULL AND {_unleased(Lease.CARD, 'id')} ORDER BY id LIMIT ?",
            (Lease.CARD, to_text(now), limit),
        )
        return [r[0] for r in rows]

    async def set_card(self, complaint_id: int, chat_id: int, message_id: int, thread_id: int | None) -> None:
        """Remember where a complaint's card was posted."""
        async with self._transaction() as db:
            await db.execute(
                "UPDATE complaints SET card_chat_id = ?, card_message_id = ?, thread_id = ? WHERE id = ?",
                (chat_id, message_id, thread_id, complaint_id),
            )
            await db.execute(
                "INSERT INTO desk_messages (chat_id, message_id, complaint_id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                (chat_id, message_id, complaint_id),
            )

    async def remember_message(self, chat_id: int, message_id: int, complaint_id: int) -> None:
        """Link a relayed message to its complaint, so replies to it find their way."""
        async with self._transaction() as db:
            await db.execute(
                "INSERT INTO desk_messages (chat_id, message_id, complaint_id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                (chat_id, message_id, complaint_id),
            )

    async def queue_note(self, complaint_id: int, body: str, now: datetime) -> None:
        """Queue a line to post under a complaint's card; the desk job posts it, off the customer's path."""
        await self._write(
            "INSERT INTO desk_notes (complaint_id, body, created_at) VALUES (?, ?, ?)",
            (complaint_id, body, to_text(now)),
        )

    async def queue_refusal(
        self,
        user_id: int,
        chat_id: int,
        reply_to: int,
        thread_id: int | None,
        body: str,
        now: datetime,
        every: timedelta,
    ) -> bool:
        """Queue a refusal to someone in the support chat, at most one per `every`; False when capped."""
        async with self._transaction() as db:
            async with db.execute(
                "SELECT 1 FROM desk_notes WHERE recipient_id = ? AND created_at > ?", (user_id, to_text(now - every))
            ) as cursor:
                if await cursor.fetchone() is not None:
                    return False
            await db.execute(
                "INSERT INTO desk_notes (body, created_at, chat_id, reply_to, thread_id, recipient_id)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (body, to_text(now), chat_id, reply_to, thread_id, user_id),
            )
            return True

    async def notes_to_post(self, now: datetime, limit: int = 20) -> list[DeskNote]:
        """Return queued notes whose card is posted (or that answer someone in the chat), oldest first."""
        rows = await self._all(
            f"SELECT {columns(DeskNote, 'n')} FROM desk_notes n LEFT JOIN complaints c ON c.id = n.complaint_id"
            " WHERE n.message_id IS NULL AND n.set_aside_at IS NULL"
            f" AND (c.card_message_id IS NOT NULL OR n.complaint_id IS NULL) AND {_unleased(Lease.NOTE, 'n.id')}"
            " ORDER BY n.id LIMIT ?",
            (Lease.NOTE, to_text(now), limit),
        )
        return [from_row(DeskNote, r) for r in rows]

    async def note_posted(self, note_id: int, complaint_id: int | None, chat_id: int, message_id: int) -> None:
        """Remember where a note was posted, so a staff reply to it reaches the customer."""
        async with self._transaction() as db:
            await db.execute("UPDATE desk_notes SET message_id = ? WHERE id = ?", (message_id, note_id))
            if complaint_id is not None:
                await db.execute(
                    "INSERT INTO desk_messages (chat_id, message_id, complaint_id) VALUES (?, ?, ?)"
                    " ON CONFLICT DO NOTHING",
                    (chat_id, message_id, complaint_id),
                )

    async def note_set_aside(self, note_id: int, reason: str, now: datetime) -> None:
        """Set aside a note Telegram refuses for good, so it never holds up the notes after it."""
        async with self._transaction() as db:
            await db.execute("UPDATE desk_notes SET set_aside_at = ? WHERE id = ?", (to_text(now), note_id))
            await db.execute(
                "INSERT INTO set_aside (kind, item, reason, at) VALUES (?, ?, ?, ?)",
                (Lease.NOTE, str(note_id), reason, to_text(now)),
            )

    async def mark_card_stale(self, complaint_id: int) -> None:
        """Ask the desk job to redraw a complaint's card."""
        async with self._transaction() as db:
            await db.execute("UPDATE complaints SET card_dirty = 1 WHERE id = ?", (complaint_id,))

    async def stale_cards(self, limit: int = 20) -> list[int]:
        """Return ids of posted complaints whose card needs redrawing."""
        rows = await self._all(
            "SELECT id FROM complaints WHERE card_dirty = 1 AND card_message_id IS NOT NULL LIMIT ?", (limit,)
        )
        return [r[0] for r in rows]

    async def card_drawn(self, complaint_id: int) -> None:
        """Mark a complaint's card as up to date (before reading what to draw, so later changes mark it again)."""
        async with self._transaction() as db:
            await db.execute("UPDATE complaints SET card_dirty = 0 WHERE id = ?", (complaint_id,))

    async def log_message(
        self,
        complaint_id: int,
        kind: str,
        actor: tuple[int | None, str | None],
        detail: str,
        now: datetime,
        source: tuple[int, int] | None = None,
        note: str | None = None,
    ) -> bool:
        """Log a message between staff and customer once per (chat, message id) and queue its `note` for the card.

        False when this chat message was logged before (a replayed update). The first staff reply starts
        the clock of the report's first-reply figure.
        """
        chat_id, message_id = source or (None, None)
        async with self._transaction() as db:
            cursor = await db.execute(
                "INSERT INTO complaint_events (complaint_id, at, kind, actor_id, actor_name, detail, chat_id, message_id)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                (complaint_id, to_text(now), kind, *actor, detail, chat_id, message_id),
            )
            if cursor.rowcount != 1:
                return False
            if kind == "staff_reply":
                await db.execute(
                    "UPDATE complaints SET first_reply_at = coalesce(first_reply_at, ?), touched_at = ?, card_dirty = 1"
                    " WHERE id = ?",
                    (to_text(now), to_text(now), complaint_id),
                )
            if note is not None:
                await db.execute(
                    "INSERT INTO desk_notes (complaint_id, body, created_at) VALUES (?, ?, ?)",
                    (complaint_id, note, to_text(now)),
                )
            return True

    async def message_logged(self, chat_id: int, message_id: int) -> bool:
        """Tell whether a chat message was already logged on a complaint (so a replay does not relay it twice)."""
        return (
            await self._one(
                "SELECT 1 FROM complaint_events WHERE chat_id = ? AND message_id = ?", (chat_id, message_id)
            )
            is not None
        )
