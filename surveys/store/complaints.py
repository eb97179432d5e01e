"""Complaints: their state, escalation, confirmation, and the weekly digests."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from surveys.complaints import CONFIRMABLE, NOT_FIXED, OPEN_STATES, UNTAKEN, Transition
from surveys.store.leases import Lease, _unleased
from surveys.store.orders import Orders
from surveys.store.rows import (
    _COMPLAINT,
    Complaint,
    ComplaintCard,
    FlaggedAnswer,
    StaffReply,
    _marks,
    columns,
    from_row,
    to_text,
)


class Complaints(Orders):
    """The store's part for complaints: their state, escalation, confirmation, and the weekly digests."""

    async def complaint(self, complaint_id: int) -> Complaint | None:
        """Return a complaint by id."""
        row = await self._one(f"{_COMPLAINT} WHERE id = ?", (complaint_id,))
        return from_row(Complaint, row) if row else None

    async def conversation(self, customer_id: int) -> Complaint | None:
        """Return the customer's open complaint that support has written about, newest first."""
        row = await self._one(
            f"{_COMPLAINT} WHERE customer_id = ? AND first_reply_at IS NOT NULL AND state IN ({_marks(OPEN_STATES)})"
            " ORDER BY touched_at DESC LIMIT 1",
            (customer_id, *OPEN_STATES),
        )
        return from_row(Complaint, row) if row else None

    async def complaint_card(self, complaint_id: int) -> ComplaintCard | None:
        """Return what a card shows: complaint, customer, order, survey, flagged answers, last staff reply (who, when)."""
        complaint = await self.complaint(complaint_id)
        if complaint is None:
            return None
        customer = await self.customer(complaint.customer_id)
        head = await self._one(
            "SELECT o.order_ref, i.survey FROM invitations i JOIN orders o ON o.id = i.order_id WHERE i.id = ?",
            (complaint.invitation_id,),
        )
        if customer is None or head is None:
            return None
        rows = await self._all(
            f"SELECT {columns(FlaggedAnswer, 'a')}"
            " FROM complaint_flags f JOIN answers a ON a.id = f.answer_id WHERE f.complaint_id = ? ORDER BY a.id",
            (complaint_id,),
        )
        last = await self._one(
            f"SELECT {columns(StaffReply)} FROM complaint_events WHERE complaint_id = ? AND kind = 'staff_reply'"
            " ORDER BY id DESC LIMIT 1",
            (complaint_id,),
        )
        return ComplaintCard(
            complaint,
            customer,
            order_ref=head[0],
            survey=head[1],
            flagged=[from_row(FlaggedAnswer, r) for r in rows],
            last_reply=from_row(StaffReply, last) if last else None,
        )

    async def change_state(
        self, complaint_id: int, move: Transition, actor: tuple[int | None, str | None], now: datetime
    ) -> bool:
        """Make a transition when the complaint is in one of its source states; log who and when."""
        actor_id, actor_name = actor
        sets = ["state = ?", "touched_at = ?", "card_dirty = 1"]
        params: list[object] = [move.target, to_text(now)]
        if move.assigns and actor_id is not None:
            sets += ["assignee_id = ?", "assignee_name = ?"]
            params += [actor_id, actor_name]
        if move.resolves:
            sets += ["resolved_at = ?", "confirmed = NULL", "confirmed_at = NULL", "confirmation_due = 1"]
            params += [to_text(now)]
        if move.rearms:
            sets += ["escalated_at = NULL", "resolved_at = NULL"]
        async with self._transaction() as db:
            cursor = await db.execute(
                f"UPDATE complaints SET {', '.join(sets)} WHERE id = ? AND state IN ({_marks(move.sources)})",
                (*params, complaint_id, *move.sources),
            )
            if cursor.rowcount != 1:
                return False
            await db.execute(
                "INSERT INTO complaint_events (complaint_id, at, kind, actor_id, actor_name) VALUES (?, ?, ?, ?, ?)",
                (complaint_id, to_text(now), move.event, actor_id, actor_name),
            )
            return True

    async def confirm(self, complaint_id: int, fixed: bool, now: datetime) -> bool:
        """Store the customer's answer to "was it resolved?" once per resolution; a "no" reopens."""
        async with self._transaction() as db:
            cursor = await db.execute(
                "UPDATE complaints SET confirmed = ?, confirmed_at = ?, card_dirty = 1, touched_at = ?"
                " WHERE id = ? AND state = ? AND confirmed IS NULL",
                (int(fixed), to_text(now), to_text(now), complaint_id, CONFIRMABLE),
            )
            if cursor.rowcount != 1:
                return False
            await db.execute(
                "INSERT INTO complaint_events (complaint_id, at, kind) VALUES (?, ?, ?)",
                (complaint_id, to_text(now), "confirmed_yes" if fixed else NOT_FIXED.event),
            )
            if not fixed:  # NOT_FIXED rearms: resolution and escalation start over
                await db.execute(
                    "UPDATE complaints SET state = ?, escalated_at = NULL, resolved_at = NULL WHERE id = ?",
                    (NOT_FIXED.target, complaint_id),
                )
            return True

    async def open_complaints(self, limit: int = 50) -> list[Complaint]:
        """Return complaints not resolved, oldest first."""
        rows = await self._all(
            f"{_COMPLAINT} WHERE state IN ({_marks(OPEN_STATES)}) ORDER BY opened_at, id LIMIT ?", (*OPEN_STATES, limit)
        )
        return [from_row(Complaint, r) for r in rows]

    async def due_escalations(self, untouched_since: datetime, limit: int = 20) -> list[Complaint]:
        """Return posted complaints nobody took since `untouched_since`, not yet raised again."""
        rows = await self._all(
            f"{_COMPLAINT} WHERE state IN ({_marks(UNTAKEN)}) AND touched_at <= ? AND escalated_at IS NULL"
            " AND card_message_id IS NOT NULL ORDER BY touched_at LIMIT ?",
            (*UNTAKEN, to_text(untouched_since), limit),
        )
        return [from_row(Complaint, r) for r in rows]

    async def mark_escalated(self, complaint_id: int, now: datetime) -> bool:
        """Claim a complaint's escalation; False when it was raised already."""
        async with self._transaction() as db:
            cursor = await db.execute(
                "UPDATE complaints SET escalated_at = ? WHERE id = ? AND escalated_at IS NULL",
                (to_text(now), complaint_id),
            )
            if cursor.rowcount == 1:
                await db.execute(
                    "INSERT INTO complaint_events (complaint_id, at, kind) VALUES (?, ?, 'escalated')",
                    (complaint_id, to_text(now)),
                )
            return cursor.rowcount == 1

    async def confirmations_due(self, now: datetime, limit: int = 20) -> list[Complaint]:
        """Return resolved complaints whose customer has not been asked "was it resolved?" yet."""
        rows = await self._all(
            f"{_COMPLAINT} WHERE confirmation_due = 1 AND state = 'resolved' AND {_unleased(Lease.CONFIRMATION, 'id')}"
            " ORDER BY id LIMIT ?",
            (Lease.CONFIRMATION, to_text(now), limit),
        )
        return [from_row(Complaint, r) for r in rows]

    async def confirmation_asked(self, complaint_id: int) -> None:
        """Record that the customer was asked (or cannot be)."""
        await self._write("UPDATE complaints SET confirmation_due = 0 WHERE id = ?", (complaint_id,))

    async def digest_recipients(self, week: str) -> set[int]:
        """Return the managers whose digest of `week` went out (or was set aside)."""
        return {r[0] for r in await self._all("SELECT manager_id FROM digests WHERE week = ?", (week,))}

    async def digest_sent(self, week: str, manager_id: int, now: datetime) -> None:
        """Record that a manager's digest of `week` is done with."""
        await self._write(
            "INSERT INTO digests (week, manager_id, sent_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
            (week, manager_id, to_text(now)),
        )

    async def flag_answers(
        self, invitation_id: int, customer_id: int, flags: Sequence[tuple[int, str]], now: datetime
    ) -> tuple[Complaint, bool]:
        """Open the invitation's complaint (once) and attach (answer id, reasons) flags; True when anything new."""
        async with self._transaction() as db:
            cursor = await db.execute(
                "INSERT INTO complaints (invitation_id, customer_id, opened_at, touched_at) VALUES (?, ?, ?, ?)"
                " ON CONFLICT (invitation_id) DO NOTHING",
                (invitation_id, customer_id, to_text(now), to_text(now)),
            )
            opened = cursor.rowcount == 1
            async with db.execute("SELECT id FROM complaints WHERE invitation_id = ?", (invitation_id,)) as c:
                row = await c.fetchone()
            assert row is not None  # inserted just above, or there before
            complaint_id = row[0]
            added = 0
            for answer_id, reasons in flags:
                cursor = await db.execute(
                    "INSERT INTO complaint_flags (complaint_id, answer_id, reasons) VALUES (?, ?, ?)"
                    " ON CONFLICT (answer_id) DO NOTHING",
                    (complaint_id, answer_id, reasons),
                )
                added += cursor.rowcount
            if opened:
                await db.execute(
                    "INSERT INTO complaint_events (complaint_id, at, kind) VALUES (?, ?, 'opened')",
                    (complaint_id, to_text(now)),
                )
            elif added:
                await db.execute("UPDATE complaints SET card_dirty = 1 WHERE id = ?", (complaint_id,))
        return await self.complaint(complaint_id), bool(opened or added)  # type: ignore[return-value]  # opened above
