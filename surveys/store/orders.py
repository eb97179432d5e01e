"""Orders and the customers they link to, and the shop deliveries already seen."""

from __future__ import annotations

from datetime import datetime

from surveys.store.database import Database
from surveys.store.rows import _CUSTOMER, _ORDER, Customer, Order, from_row, to_text


class Orders(Database):
    """The store's part for orders and the customers they link to, and the shop deliveries already seen."""

    async def add_order(self, ref: str, customer_name: str | None, purchased_at: datetime, now: datetime) -> Order:
        """Register an order once; adding the same reference again returns the stored order."""
        async with self._transaction() as db:
            await db.execute(
                "INSERT INTO orders (order_ref, customer_name, purchased_at, created_at) VALUES (?, ?, ?, ?)"
                " ON CONFLICT (order_ref) DO NOTHING",
                (ref, customer_name, to_text(purchased_at), to_text(now)),
            )
        return await self.order_by_ref(ref)  # type: ignore[return-value]  # inserted above, or there before

    async def order(self, order_id: int) -> Order | None:
        """Return an order by its internal id; an order whose customer asked to be forgotten is gone."""
        row = await self._peek_one(f"{_ORDER} WHERE id = ? AND forgotten_at IS NULL", (order_id,))
        return from_row(Order, row) if row else None

    async def order_by_ref(self, ref: str) -> Order | None:
        """Return an order by the shop's reference."""
        row = await self._one(f"{_ORDER} WHERE order_ref = ?", (ref,))
        return from_row(Order, row) if row else None

    async def link_order(self, order_id: int, customer_id: int) -> bool:
        """Attach an order to a customer; False when it already belongs to someone else."""
        await self._write(
            "UPDATE orders SET customer_id = ? WHERE id = ? AND customer_id IS NULL", (customer_id, order_id)
        )
        row = await self._one("SELECT customer_id FROM orders WHERE id = ?", (order_id,))
        return row is not None and row[0] == customer_id

    async def relink_order(self, ref: str) -> Order | None:
        """Re-issue an order's link: older links stop working, and the account that used one is detached.

        What was answered through the old link is not the customer's: answers, complaints and surveys of
        the order go, so the customer starts afresh. None when there is no such order.
        """
        of_order = "SELECT id FROM invitations WHERE order_id = ?"
        async with self._transaction() as db:
            async with db.execute("SELECT id FROM orders WHERE order_ref = ? AND forgotten_at IS NULL", (ref,)) as c:
                row = await c.fetchone()
            if row is None:
                return None
            await db.execute(f"DELETE FROM complaints WHERE invitation_id IN ({of_order})", (row[0],))
            await db.execute(f"DELETE FROM answers WHERE invitation_id IN ({of_order})", (row[0],))
            await db.execute("DELETE FROM invitations WHERE order_id = ?", (row[0],))
            await db.execute(
                "UPDATE orders SET customer_id = NULL, link_version = link_version + 1 WHERE id = ?", (row[0],)
            )
        await self.scrub()
        return await self.order(row[0])

    async def upsert_customer(
        self, telegram_user_id: int, chat_id: int, first_name: str | None, language: str, now: datetime
    ) -> Customer:
        """Create the customer on first contact, else refresh chat and name (language stays as chosen)."""
        await self._write(
            "INSERT INTO customers (telegram_user_id, chat_id, first_name, language, created_at)"
            " VALUES (?, ?, ?, ?, ?) ON CONFLICT (telegram_user_id)"
            " DO UPDATE SET chat_id = excluded.chat_id, first_name = excluded.first_name",
            (telegram_user_id, chat_id, first_name, language, to_text(now)),
        )
        return await self.customer_by_user(telegram_user_id)  # type: ignore[return-value]  # upserted above

    async def customer(self, customer_id: int) -> Customer | None:
        """Return a customer by internal id."""
        row = await self._peek_one(f"{_CUSTOMER} WHERE id = ?", (customer_id,))
        return from_row(Customer, row) if row else None

    async def customer_by_user(self, telegram_user_id: int) -> Customer | None:
        """Return the customer behind a Telegram user id."""
        row = await self._peek_one(f"{_CUSTOMER} WHERE telegram_user_id = ?", (telegram_user_id,))
        return from_row(Customer, row) if row else None

    async def set_language(self, customer_id: int, language: str) -> None:
        """Store the customer's chosen language."""
        async with self._transaction() as db:
            await db.execute("UPDATE customers SET language = ? WHERE id = ?", (language, customer_id))

    async def set_stopped(self, customer_id: int, when: datetime | None) -> None:
        """Mark a customer as opted out (None opts back in)."""
        async with self._transaction() as db:
            await db.execute("UPDATE customers SET stopped_at = ? WHERE id = ?", (when and to_text(when), customer_id))

    async def set_unreachable(self, customer_id: int, when: datetime | None) -> None:
        """Mark a customer as having blocked the bot (None when they come back)."""
        async with self._transaction() as db:
            await db.execute(
                "UPDATE customers SET unreachable_at = ? WHERE id = ?", (when and to_text(when), customer_id)
            )

    async def delivery_seen(self, platform: str, delivery_id: str) -> bool:
        """Whether a shop webhook delivery was already taken."""
        return (
            await self._one(
                "SELECT 1 FROM shop_deliveries WHERE platform = ? AND delivery_id = ?", (platform, delivery_id)
            )
            is not None
        )

    async def remember_delivery(self, platform: str, delivery_id: str, now: datetime) -> None:
        """Record a shop webhook delivery as taken, so a repeat of it is dropped."""
        await self._write(
            "INSERT INTO shop_deliveries (platform, delivery_id, received_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
            (platform, delivery_id, to_text(now)),
        )
