"""What the store holds on one customer: shown to them, and erased on /forget."""

from __future__ import annotations

from datetime import datetime

from surveys.store.inbox import _DESK_UPDATES, _OWN_UPDATES, _erase_updates
from surveys.store.orders import Orders
from surveys.store.rows import to_text


class Privacy(Orders):
    """The store's part for what the store holds on one customer: shown to them, and erased on /forget."""

    async def customer_data(self, customer_id: int | None, telegram_user_id: int | None = None) -> dict:
        """Return everything stored about one person, for /mydata; the shop's own notes (customer name) are left out."""
        customer = None if customer_id is None else await self.customer(customer_id)
        orders = await self._all(
            "SELECT id, order_ref, purchased_at FROM orders WHERE customer_id = ? ORDER BY id", (customer_id,)
        )
        answers = await self._all(
            "SELECT i.survey, a.question_id, a.question_type, a.value_number, a.value_text, a.skipped, a.answered_at,"
            " a.sentiment, a.feeling, a.topics, a.complaint, a.language FROM answers a"
            " JOIN invitations i ON i.id = a.invitation_id JOIN orders o ON o.id = i.order_id"
            " WHERE o.customer_id = ? ORDER BY a.answered_at, a.id",
            (customer_id,),
        )
        complaints = await self._all(
            "SELECT c.id, c.state, c.opened_at, c.resolved_at, c.confirmed, (SELECT group_concat(a.question_id || ': '"
            " || f.reasons, '; ') FROM complaint_flags f JOIN answers a ON a.id = f.answer_id WHERE f.complaint_id = c.id)"
            " FROM complaints c WHERE c.customer_id = ? ORDER BY c.id",
            (customer_id,),
        )
        events = await self._all(
            "SELECT e.complaint_id, e.at, e.kind, e.actor_name, e.detail FROM complaint_events e"
            " JOIN complaints c ON c.id = e.complaint_id WHERE c.customer_id = ? ORDER BY e.complaint_id, e.at, e.id",
            (customer_id,),
        )
        updates = (
            []
            if telegram_user_id is None
            else await self._all(
                f"SELECT update_id, received_at, payload FROM inbox WHERE update_id IN ({_OWN_UPDATES}) ORDER BY update_id",
                {"user": telegram_user_id},
            )
        )
        # Staff and managers are people too: what they did on complaints, and the digests they were sent.
        staff = (
            []
            if telegram_user_id is None
            else await self._all(
                "SELECT complaint_id, at, kind, actor_name, detail FROM complaint_events WHERE actor_id = ? ORDER BY at, id",
                (telegram_user_id,),
            )
        )
        digests = (
            []
            if telegram_user_id is None
            else await self._all(
                "SELECT week, sent_at FROM digests WHERE manager_id = ? ORDER BY week", (telegram_user_id,)
            )
        )
        names = (
            "survey",
            "question",
            "type",
            "number",
            "text",
            "skipped",
            "at",
            "sentiment",
            "feeling",
            "topics",
            "complaint",
            "language",
        )
        return {
            "customer": customer,
            "orders": [dict(zip(("id", "order", "purchased_at"), r, strict=True)) for r in orders],
            "answers": [dict(zip(names, r, strict=True)) for r in answers],
            "complaints": [
                dict(zip(("id", "state", "opened_at", "resolved_at", "confirmed", "reasons"), r, strict=True))
                for r in complaints
            ],
            "events": [dict(zip(("complaint", "at", "kind", "actor", "text"), r, strict=True)) for r in events],
            "updates": [dict(zip(("update_id", "received_at", "payload"), r, strict=True)) for r in updates],
            "staff": [dict(zip(("complaint", "at", "kind", "actor", "text"), r, strict=True)) for r in staff],
            "digests": [dict(zip(("week", "sent_at"), r, strict=True)) for r in digests],
        }

    async def support_topics(self, telegram_user_id: int) -> list[tuple[int, int]]:
        """Return (chat id, thread id) of the support-chat topics opened for a person's complaints."""
        rows = await self._all(
            "SELECT c.card_chat_id, c.thread_id FROM complaints c JOIN customers u ON u.id = c.customer_id"
            " WHERE u.telegram_user_id = ? AND c.thread_id IS NOT NULL ORDER BY c.id",
            (telegram_user_id,),
        )
        return [(r[0], r[1]) for r in rows]

    async def support_messages(self, telegram_user_id: int) -> list[tuple[int, int, int | None]]:
        """Return (chat id, message id, topic) of the cards and relayed messages posted about a person's complaints."""
        rows = await self._all(
            "SELECT d.chat_id, d.message_id, c.thread_id FROM desk_messages d JOIN complaints c ON c.id = d.complaint_id"
            " JOIN customers u ON u.id = c.customer_id WHERE u.telegram_user_id = ? AND d.chat_id != u.chat_id"
            " ORDER BY d.chat_id, d.message_id",
            (telegram_user_id,),
        )
        return [(r[0], r[1], r[2]) for r in rows]

    async def forget_customer(
        self, customer_id: int | None, telegram_user_id: int, now: datetime, handling: int | None = None
    ) -> bool:
        """Erase a person: texts, complaints, raw updates and profile; scores stay as anonymous numbers.

        `handling` is the raw update being handled (their own press of "yes, delete"): it and every earlier
        update are erased too, handled or not yet marked (a person's updates are handled in order, and the
        intake marks them processed a moment later). Erased text is overwritten in the file (secure_delete)
        and the WAL is emptied. False when nothing was stored.
        """
        mine = "SELECT i.id FROM invitations i JOIN orders o ON o.id = i.order_id WHERE o.customer_id = ?"
        async with self._transaction() as db:
            # Before the complaints go: their desk messages find the staff replies that quote the customer.
            cursor = await db.execute(
                f"SELECT update_id FROM inbox WHERE (processed_at IS NOT NULL OR update_id <= :handling) AND"
                f" (update_id IN ({_OWN_UPDATES}) OR update_id IN ({_DESK_UPDATES}))",
                {"user": telegram_user_id, "customer": customer_id, "handling": handling},
            )
            erased = await _erase_updates(db, [r[0] for r in await cursor.fetchall()])
            if customer_id is not None:
                await db.execute(f"DELETE FROM complaints WHERE invitation_id IN ({mine})", (customer_id,))
                await db.execute("DELETE FROM complaints WHERE customer_id = ?", (customer_id,))
                await db.execute(
                    f"DELETE FROM answers WHERE question_type = 'text' AND invitation_id IN ({mine})", (customer_id,)
                )
                await db.execute(
                    f"UPDATE answers SET source_message_id = NULL WHERE invitation_id IN ({mine})", (customer_id,)
                )
                await db.execute(f"DELETE FROM invitations WHERE sent_at IS NULL AND id IN ({mine})", (customer_id,))
                await db.execute(
                    "UPDATE orders SET customer_id = NULL, customer_name = NULL, order_ref = 'forgotten:' || id,"
                    " forgotten_at = ? WHERE customer_id = ?",
                    (to_text(now), customer_id),
                )
                await db.execute("DELETE FROM customers WHERE id = ?", (customer_id,))
        await self.scrub()
        return customer_id is not None or erased > 0
