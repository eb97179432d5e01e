"""Invitations: one survey for one order, when it is due, sent, reminded and finished."""

from __future__ import annotations

from datetime import datetime

from surveys.store.database import Database
from surveys.store.leases import Lease, _unleased
from surveys.store.rows import _DUE, _INVITATION, Customer, Invitation, from_row, from_text, split_due, to_text


class Invitations(Database):
    """The store's part for invitations: one survey for one order, when it is due, sent, reminded and finished."""

    async def ensure_invitation(self, order_id: int, survey: str, due_at: datetime, now: datetime) -> Invitation:
        """Create the invitation of an order to a survey once; later calls return the stored one."""
        await self._write(
            "INSERT INTO invitations (order_id, survey, due_at, created_at) VALUES (?, ?, ?, ?)"
            " ON CONFLICT (order_id, survey) DO NOTHING",
            (order_id, survey, to_text(due_at), to_text(now)),
        )
        row = await self._one(f"{_INVITATION} WHERE order_id = ? AND survey = ?", (order_id, survey))
        return from_row(Invitation, row)  # type: ignore[arg-type]  # inserted above, or there before

    async def invitation(self, invitation_id: int) -> Invitation | None:
        """Return an invitation by id."""
        row = await self._peek_one(f"{_INVITATION} WHERE id = ?", (invitation_id,))
        return from_row(Invitation, row) if row else None

    async def customer_invitation(self, invitation_id: int, customer_id: int) -> Invitation | None:
        """Return an invitation when it belongs to the customer, else None (a button naming someone else's survey)."""
        row = await self._peek_one(
            f"{_INVITATION} WHERE id = ? AND order_id IN (SELECT id FROM orders WHERE customer_id = ?)",
            (invitation_id, customer_id),
        )
        return from_row(Invitation, row) if row else None

    async def active_invitation(self, customer_id: int) -> Invitation | None:
        """Return the customer's most recently sent (or being sent) survey that is not finished."""
        row = await self._peek_one(
            f"{_INVITATION} WHERE order_id IN (SELECT id FROM orders WHERE customer_id = ?)"
            # One whose question is out but not yet marked sent is the newest: its sender is finishing.
            " AND (sent_at IS NOT NULL OR asked_question_id IS NOT NULL) AND completed_at IS NULL"
            " ORDER BY sent_at IS NULL DESC, sent_at DESC, id DESC LIMIT 1",
            (customer_id,),
        )
        return from_row(Invitation, row) if row else None

    async def mark_sent(self, invitation_id: int, sent_at: datetime, reminder_due_at: datetime | None) -> bool:
        """Mark an invitation as sent; False when it had been sent already."""
        changed = await self._write(
            "UPDATE invitations SET sent_at = ?, reminder_due_at = ? WHERE id = ? AND sent_at IS NULL",
            (to_text(sent_at), reminder_due_at and to_text(reminder_due_at), invitation_id),
        )
        return changed == 1

    async def mark_reminded(self, invitation_id: int, when: datetime) -> bool:
        """Mark an invitation's one reminder as sent; False when it was already."""
        changed = await self._write(
            "UPDATE invitations SET reminded_at = ? WHERE id = ? AND reminded_at IS NULL",
            (to_text(when), invitation_id),
        )
        return changed == 1

    async def mark_asked(self, invitation_id: int, question_id: str | None, message_id: int | None) -> None:
        """Remember which question was last put to the customer, and in which message."""
        await self._write(
            "UPDATE invitations SET asked_question_id = ?, asked_message_id = ? WHERE id = ?",
            (question_id, message_id, invitation_id),
        )

    async def mark_completed(self, invitation_id: int, when: datetime) -> None:
        """Mark a survey as finished."""
        await self._write(
            "UPDATE invitations SET completed_at = ? WHERE id = ? AND completed_at IS NULL",
            (to_text(when), invitation_id),
        )

    async def due_invitations(
        self, now: datetime, busy_since: datetime | None = None, limit: int = 100
    ) -> list[tuple[Invitation, Customer]]:
        """Return unsent invitations that are due, for customers who can and want to be reached.

        A customer still answering a survey sent after `busy_since` is not sent another one yet.
        """
        rows = await self._all(
            f"{_DUE}"
            " WHERE i.sent_at IS NULL AND i.due_at <= ? AND c.stopped_at IS NULL AND c.unreachable_at IS NULL"
            " AND NOT EXISTS (SELECT 1 FROM invitations j JOIN orders p ON p.id = j.order_id"
            f"   WHERE p.customer_id = c.id AND j.completed_at IS NULL AND j.sent_at > ?) AND {_unleased(Lease.INVITATION, 'i.id')}"
            " ORDER BY i.due_at LIMIT ?",
            (to_text(now), to_text(busy_since or now), Lease.INVITATION, to_text(now), limit),
        )
        return [split_due(r) for r in rows]

    async def due_reminders(self, now: datetime, limit: int = 100) -> list[tuple[Invitation, Customer]]:
        """Return sent, unfinished invitations whose one reminder is due."""
        rows = await self._all(
            f"{_DUE}"
            " WHERE i.reminded_at IS NULL AND i.completed_at IS NULL AND i.reminder_due_at <= ?"
            f" AND c.stopped_at IS NULL AND c.unreachable_at IS NULL AND {_unleased(Lease.REMINDER, 'i.id')}"
            " ORDER BY i.reminder_due_at LIMIT ?",
            (to_text(now), Lease.REMINDER, to_text(now), limit),
        )
        return [split_due(r) for r in rows]

    async def next_due_at(self) -> datetime | None:
        """Return the earliest moment an unsent invitation or a reminder falls due."""
        row = await self._one(
            "SELECT min(t) FROM (SELECT min(due_at) AS t FROM invitations WHERE sent_at IS NULL"
            " UNION ALL SELECT min(reminder_due_at) FROM invitations"
            " WHERE reminded_at IS NULL AND completed_at IS NULL)"
        )
        return from_text(row[0]) if row else None
