"""Leases: one claim/release mechanism with an expiry for every send, and what is set aside for staff."""

from __future__ import annotations

from datetime import datetime, timedelta
from enum import StrEnum

from surveys.store.database import Database
from surveys.store.rows import SetAside, columns, from_row, to_text


class Lease(StrEnum):
    """What a lease can be held on: each is sent by one holder at a time, and again if the holder dies."""

    CARD = "card"
    NOTE = "note"
    DIGEST = "digest"
    INVITATION = "invitation"
    REMINDER = "reminder"
    CONFIRMATION = "confirmation"


LEASE_TIME = timedelta(minutes=2)  # longer than any send takes; a crashed holder's item is due again after it


def _unleased(kind: Lease, column: str) -> str:
    """SQL that is true when no live lease of `kind` covers the row whose id is `column`; takes (kind, now)."""
    assert kind in Lease  # the column name is ours, never input
    return f"NOT EXISTS (SELECT 1 FROM leases l WHERE l.kind = ? AND l.item = CAST({column} AS TEXT) AND l.until > ?)"


class Leases(Database):
    """The store's part for leases: one claim/release mechanism with an expiry for every send, and what is set aside for staff."""

    async def claim(self, kind: Lease, item: object, now: datetime, hold: timedelta = LEASE_TIME) -> bool:
        """Claim `item` until `now + hold`; False while someone else's lease (or a retry's wait) is running.

        A holder that dies simply lets the lease run out: the item is delayed, never lost.
        """
        changed = await self._write(
            "INSERT INTO leases (kind, item, until) VALUES (?, ?, ?) ON CONFLICT (kind, item)"
            " DO UPDATE SET until = excluded.until, attempts = attempts + 1 WHERE leases.until <= ?",
            (kind, str(item), to_text(now + hold), to_text(now)),
        )
        return changed == 1

    async def renew(self, kind: Lease, item: object, now: datetime, hold: timedelta = LEASE_TIME) -> None:
        """Hold a lease longer, for a send that takes a while."""
        await self._write(
            "UPDATE leases SET until = ? WHERE kind = ? AND item = ?", (to_text(now + hold), kind, str(item))
        )

    async def release(self, kind: Lease, item: object, retry_at: datetime | None = None) -> int:
        """Give a lease back after a failed send: due again at `retry_at` (at once when None); return the attempts so far."""
        async with self._transaction() as db:
            async with db.execute("SELECT attempts FROM leases WHERE kind = ? AND item = ?", (kind, str(item))) as c:
                row = await c.fetchone()
            await db.execute(
                "UPDATE leases SET until = ? WHERE kind = ? AND item = ?",
                (to_text(retry_at) if retry_at else "", kind, str(item)),
            )
        return row[0] if row else 0

    async def attempts(self, kind: Lease, item: object) -> int:
        """Return how many times `item` was claimed since it last succeeded."""
        row = await self._one("SELECT attempts FROM leases WHERE kind = ? AND item = ?", (kind, str(item)))
        return row[0] if row else 0

    async def complete(self, kind: Lease, item: object) -> None:
        """Drop a lease whose item went out (its own table now says it is done)."""
        await self._write("DELETE FROM leases WHERE kind = ? AND item = ?", (kind, str(item)))

    async def set_aside_item(self, kind: str, item: object, reason: str, now: datetime) -> None:
        """Record something that can never be sent or handled, for staff to see."""
        await self._write(
            "INSERT INTO set_aside (kind, item, reason, at) VALUES (?, ?, ?, ?)",
            (kind, str(item), reason, to_text(now)),
        )

    async def set_aside_items(self, limit: int = 100) -> list[SetAside]:
        """Return what was set aside, newest first."""
        rows = await self._all(f"SELECT {columns(SetAside)} FROM set_aside ORDER BY id DESC LIMIT ?", (limit,))
        return [from_row(SetAside, r) for r in rows]
