"""The SQLite store: every SQL statement of journeypulse lives here, parameterised, behind one connection."""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import aiosqlite

from surveys.definitions import Question
from surveys.engine import AnswerValue


class StoreError(RuntimeError):
    """The database cannot be used (damaged, or newer than this program)."""


def to_text(moment: datetime) -> str:
    """Render a moment as fixed-width UTC ISO-8601, so text order is time order."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def from_text(text: str | None) -> datetime | None:
    """Parse a stored moment."""
    return None if text is None else datetime.fromisoformat(text.replace("Z", "+00:00"))


@dataclass(frozen=True)
class Order:
    """An order the shop registered; `customer_id` is set once someone opened its link."""

    id: int
    ref: str
    customer_name: str | None
    purchased_at: datetime
    customer_id: int | None


@dataclass(frozen=True)
class Customer:
    """A Telegram user who opened one of our links."""

    id: int
    telegram_user_id: int
    chat_id: int
    first_name: str | None
    language: str
    stopped_at: datetime | None
    unreachable_at: datetime | None


@dataclass(frozen=True)
class Invitation:
    """One survey for one order: when it is due, sent, reminded, answered."""

    id: int
    order_id: int
    survey: str
    due_at: datetime
    sent_at: datetime | None
    reminder_due_at: datetime | None
    reminded_at: datetime | None
    completed_at: datetime | None
    asked_question_id: str | None
    asked_message_id: int | None


# Ordered schema changes; entry N brings the database to `PRAGMA user_version` N + 1.
MIGRATIONS: list[str] = [
    """
        CREATE TABLE customers (
            id INTEGER PRIMARY KEY,
            telegram_user_id INTEGER NOT NULL UNIQUE,
            chat_id INTEGER NOT NULL,
            first_name TEXT,
            language TEXT NOT NULL DEFAULT 'en',
            stopped_at TEXT,
            unreachable_at TEXT,
            created_at TEXT NOT NULL
        );
        CREATE TABLE orders (
            id INTEGER PRIMARY KEY,
            order_ref TEXT NOT NULL UNIQUE,
            customer_name TEXT,
            purchased_at TEXT NOT NULL,
            customer_id INTEGER REFERENCES customers(id),
            created_at TEXT NOT NULL
        );
        CREATE TABLE invitations (
            id INTEGER PRIMARY KEY,
            order_id INTEGER NOT NULL REFERENCES orders(id),
            survey TEXT NOT NULL,
            due_at TEXT NOT NULL,
            sent_at TEXT,
            reminder_due_at TEXT,
            reminded_at TEXT,
            completed_at TEXT,
            asked_question_id TEXT,
            asked_message_id INTEGER,
            created_at TEXT NOT NULL,
            UNIQUE (order_id, survey)
        );
        CREATE INDEX invitations_due ON invitations (due_at) WHERE sent_at IS NULL;
        CREATE INDEX invitations_reminder ON invitations (reminder_due_at)
            WHERE reminded_at IS NULL AND completed_at IS NULL;
        CREATE TABLE answers (
            id INTEGER PRIMARY KEY,
            invitation_id INTEGER NOT NULL REFERENCES invitations(id),
            question_id TEXT NOT NULL,
            stage TEXT NOT NULL,
            question_type TEXT NOT NULL,
            value_number REAL,
            value_text TEXT,
            skipped INTEGER NOT NULL DEFAULT 0,
            language TEXT NOT NULL,
            answered_at TEXT NOT NULL,
            sentiment REAL,
            subjectivity REAL,
            text_language TEXT,
            scorer TEXT,
            source_message_id INTEGER,
            UNIQUE (invitation_id, question_id)
        );
        CREATE INDEX answers_answered_at ON answers (answered_at);
        CREATE TABLE inbox (
            update_id INTEGER PRIMARY KEY,
            payload TEXT NOT NULL,
            received_at TEXT NOT NULL,
            processed_at TEXT
        );
        CREATE INDEX inbox_pending ON inbox (update_id) WHERE processed_at IS NULL;
    """,
]

_INVITATION = """SELECT id, order_id, survey, due_at, sent_at, reminder_due_at, reminded_at, completed_at,
    asked_question_id, asked_message_id FROM invitations"""
_CUSTOMER = "SELECT id, telegram_user_id, chat_id, first_name, language, stopped_at, unreachable_at FROM customers"
_ORDER = "SELECT id, order_ref, customer_name, purchased_at, customer_id FROM orders"


_DUE = (
    "SELECT i.id, i.order_id, i.survey, i.due_at, i.sent_at, i.reminder_due_at, i.reminded_at,"
    " i.completed_at, i.asked_question_id, i.asked_message_id,"
    " c.id, c.telegram_user_id, c.chat_id, c.first_name, c.language, c.stopped_at, c.unreachable_at"
    " FROM invitations i JOIN orders o ON o.id = i.order_id JOIN customers c ON c.id = o.customer_id"
)


def _invitation(row: Sequence) -> Invitation:
    return Invitation(
        row[0], row[1], row[2], from_text(row[3]), from_text(row[4]), from_text(row[5]),
        from_text(row[6]), from_text(row[7]), row[8], row[9],
    )  # fmt: skip


def _customer(row: Sequence) -> Customer:
    return Customer(row[0], row[1], row[2], row[3], row[4], from_text(row[5]), from_text(row[6]))


def _order(row: Sequence) -> Order:
    return Order(row[0], row[1], row[2], from_text(row[3]), row[4])


class Store:
    """Owns the database connection; writes are serialised and committed before they return."""

    def __init__(self, db: aiosqlite.Connection, path: Path):
        self._db = db
        self.path = path
        self._write_lock = asyncio.Lock()

    @classmethod
    async def open(cls, path: str | Path) -> Store:
        """Open (creating if needed), check and migrate the database at `path`."""
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            db = await aiosqlite.connect(path, isolation_level=None)
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open database {path}: {exc}") from None
        try:
            await db.execute("PRAGMA journal_mode=WAL")
            # NORMAL in WAL mode survives a killed process; only an OS crash could lose the last commit.
            await db.execute("PRAGMA synchronous=NORMAL")
            await db.execute("PRAGMA foreign_keys=ON")
            await db.execute("PRAGMA busy_timeout=5000")
            try:
                rows = await db.execute_fetchall("PRAGMA quick_check(10)")
            except MemoryError:  # a damaged page can claim an absurd size
                raise sqlite3.DatabaseError("database disk image is malformed") from None
            lines = [line for row in rows for line in str(row[0]).splitlines()]
            problems = [line for line in lines if not line.startswith("*** in database")]
            if problems != ["ok"]:
                more = f" and {len(problems) - 1} more problems" if len(problems) > 1 else ""
                raise StoreError(
                    f"database {path} is damaged ({problems[0]}{more}); stop the bot and restore a backup"
                )
            store = cls(db, path)
            await store._migrate()
        except sqlite3.DatabaseError as exc:
            await db.close()
            raise StoreError(
                f"database {path} is damaged or not a journeypulse database ({exc}); stop the bot and restore a backup"
            ) from None
        except BaseException:
            await db.close()
            raise
        return store

    async def close(self) -> None:
        """Close the connection."""
        await self._db.close()

    async def _migrate(self) -> None:
        async with self._db.execute("PRAGMA user_version") as cursor:
            version = (await cursor.fetchone())[0]
        if version > len(MIGRATIONS):
            raise StoreError(f"database {self.path} has schema {version}, newer than this program knows")
        for number, script in enumerate(MIGRATIONS[version:], version + 1):
            try:
                await self._db.executescript(f"BEGIN IMMEDIATE; {script}; PRAGMA user_version={number}; COMMIT;")
            except BaseException:
                if self._db.in_transaction:
                    await self._db.execute("ROLLBACK")
                raise

    @asynccontextmanager
    async def _transaction(self) -> AsyncIterator[aiosqlite.Connection]:
        async with self._write_lock:
            await self._db.execute("BEGIN IMMEDIATE")
            try:
                yield self._db
            except BaseException:
                await self._db.execute("ROLLBACK")
                raise
            await self._db.execute("COMMIT")

    async def _write(self, sql: str, params: Sequence = ()) -> int:
        # One statement in autocommit mode is its own transaction: one trip to aiosqlite's thread, not three.
        async with self._write_lock:
            cursor = await self._db.execute(sql, params)
            return cursor.rowcount

    async def _one(self, sql: str, params: Sequence = ()) -> Sequence | None:
        rows = await self._db.execute_fetchall(sql, params)  # one trip to aiosqlite's thread
        return next(iter(rows), None)

    async def _all(self, sql: str, params: Sequence = ()) -> list[Sequence]:
        return list(await self._db.execute_fetchall(sql, params))

    # Orders ---------------------------------------------------------------------------------------

    async def add_order(self, ref: str, customer_name: str | None, purchased_at: datetime, now: datetime) -> Order:
        """Register an order once; adding the same reference again returns the stored order."""
        async with self._transaction() as db:
            await db.execute(
                "INSERT INTO orders (order_ref, customer_name, purchased_at, created_at) VALUES (?, ?, ?, ?)"
                " ON CONFLICT (order_ref) DO NOTHING",
                (ref, customer_name, to_text(purchased_at), to_text(now)),
            )
        return await self.order_by_ref(ref)  # type: ignore[return-value]

    async def order(self, order_id: int) -> Order | None:
        """Return an order by its internal id."""
        row = await self._one(f"{_ORDER} WHERE id = ?", (order_id,))
        return _order(row) if row else None

    async def order_by_ref(self, ref: str) -> Order | None:
        """Return an order by the shop's reference."""
        row = await self._one(f"{_ORDER} WHERE order_ref = ?", (ref,))
        return _order(row) if row else None

    async def link_order(self, order_id: int, customer_id: int) -> bool:
        """Attach an order to a customer; False when it already belongs to someone else."""
        await self._write(
            "UPDATE orders SET customer_id = ? WHERE id = ? AND customer_id IS NULL", (customer_id, order_id)
        )
        row = await self._one("SELECT customer_id FROM orders WHERE id = ?", (order_id,))
        return row is not None and row[0] == customer_id

    # Customers ------------------------------------------------------------------------------------

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
        return await self.customer_by_user(telegram_user_id)  # type: ignore[return-value]

    async def customer(self, customer_id: int) -> Customer | None:
        """Return a customer by internal id."""
        row = await self._one(f"{_CUSTOMER} WHERE id = ?", (customer_id,))
        return _customer(row) if row else None

    async def customer_by_user(self, telegram_user_id: int) -> Customer | None:
        """Return the customer behind a Telegram user id."""
        row = await self._one(f"{_CUSTOMER} WHERE telegram_user_id = ?", (telegram_user_id,))
        return _customer(row) if row else None

    async def set_language(self, customer_id: int, language: str) -> None:
        """Store the customer's chosen language."""
        async with self._transaction() as db:
            await db.execute("UPDATE customers SET language = ? WHERE id = ?", (language, customer_id))

    async def set_stopped(self, customer_id: int, when: datetime | None) -> None:
        """Mark a customer as opted out (None opts back in)."""
        async with self._transaction() as db:
            await db.execute(
                "UPDATE customers SET stopped_at = ? WHERE id = ?", (when and to_text(when), customer_id)
            )

    async def set_unreachable(self, customer_id: int, when: datetime | None) -> None:
        """Mark a customer as having blocked the bot (None when they come back)."""
        async with self._transaction() as db:
            await db.execute(
                "UPDATE customers SET unreachable_at = ? WHERE id = ?", (when and to_text(when), customer_id)
            )

    # Invitations and the schedule -----------------------------------------------------------------

    async def ensure_invitation(self, order_id: int, survey: str, due_at: datetime, now: datetime) -> Invitation:
        """Create the invitation of an order to a survey once; later calls return the stored one."""
        await self._write(
            "INSERT INTO invitations (order_id, survey, due_at, created_at) VALUES (?, ?, ?, ?)"
            " ON CONFLICT (order_id, survey) DO NOTHING",
            (order_id, survey, to_text(due_at), to_text(now)),
        )
        row = await self._one(f"{_INVITATION} WHERE order_id = ? AND survey = ?", (order_id, survey))
        return _invitation(row)  # type: ignore[arg-type]

    async def invitation(self, invitation_id: int) -> Invitation | None:
        """Return an invitation by id."""
        row = await self._one(f"{_INVITATION} WHERE id = ?", (invitation_id,))
        return _invitation(row) if row else None

    async def invitation_owner(self, invitation_id: int) -> int | None:
        """Return the customer id an invitation belongs to."""
        row = await self._one(
            "SELECT o.customer_id FROM invitations i JOIN orders o ON o.id = i.order_id WHERE i.id = ?",
            (invitation_id,),
        )
        return row[0] if row else None

    async def active_invitation(self, customer_id: int) -> Invitation | None:
        """Return the customer's most recently sent survey that is not finished."""
        row = await self._one(
            f"{_INVITATION} WHERE order_id IN (SELECT id FROM orders WHERE customer_id = ?)"
            " AND sent_at IS NOT NULL AND completed_at IS NULL ORDER BY sent_at DESC, id DESC LIMIT 1",
            (customer_id,),
        )
        return _invitation(row) if row else None

    async def mark_sent(self, invitation_id: int, sent_at: datetime, reminder_due_at: datetime | None) -> bool:
        """Claim an invitation as sent; False when it had been sent already (so nobody sends it twice)."""
        changed = await self._write(
            "UPDATE invitations SET sent_at = ?, reminder_due_at = ? WHERE id = ? AND sent_at IS NULL",
            (to_text(sent_at), reminder_due_at and to_text(reminder_due_at), invitation_id),
        )
        return changed == 1

    async def mark_reminded(self, invitation_id: int, when: datetime) -> bool:
        """Claim an invitation's one reminder; False when it was already claimed."""
        async with self._transaction() as db:
            cursor = await db.execute(
                "UPDATE invitations SET reminded_at = ? WHERE id = ? AND reminded_at IS NULL",
                (to_text(when), invitation_id),
            )
            return cursor.rowcount == 1

    async def unclaim_sent(self, invitation_id: int) -> None:
        """Put an invitation back on the schedule when its first question never went out."""
        async with self._transaction() as db:
            await db.execute(
                "UPDATE invitations SET sent_at = NULL, reminder_due_at = NULL"
                " WHERE id = ? AND asked_question_id IS NULL AND completed_at IS NULL",
                (invitation_id,),
            )

    async def unclaim_reminder(self, invitation_id: int) -> None:
        """Put a reminder back on the schedule when it never went out."""
        async with self._transaction() as db:
            await db.execute("UPDATE invitations SET reminded_at = NULL WHERE id = ?", (invitation_id,))

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
            "   WHERE p.customer_id = c.id AND j.completed_at IS NULL AND j.sent_at > ?)"
            " ORDER BY i.due_at LIMIT ?",
            (to_text(now), to_text(busy_since or now), limit),
        )
        return [(_invitation(r[:10]), _customer(r[10:])) for r in rows]

    async def due_reminders(self, now: datetime, limit: int = 100) -> list[tuple[Invitation, Customer]]:
        """Return sent, unfinished invitations whose one reminder is due."""
        rows = await self._all(
            f"{_DUE}"
            " WHERE i.reminded_at IS NULL AND i.completed_at IS NULL AND i.reminder_due_at <= ?"
            " AND c.stopped_at IS NULL AND c.unreachable_at IS NULL ORDER BY i.reminder_due_at LIMIT ?",
            (to_text(now), limit),
        )
        return [(_invitation(r[:10]), _customer(r[10:])) for r in rows]

    async def next_due_at(self) -> datetime | None:
        """Return the earliest moment an unsent invitation or a reminder falls due."""
        row = await self._one(
            "SELECT min(t) FROM (SELECT min(due_at) AS t FROM invitations WHERE sent_at IS NULL"
            " UNION ALL SELECT min(reminder_due_at) FROM invitations"
            " WHERE reminded_at IS NULL AND completed_at IS NULL)"
        )
        return from_text(row[0]) if row else None

    # Answers --------------------------------------------------------------------------------------

    async def record_answer(
        self,
        invitation_id: int,
        question: Question,
        value: AnswerValue,
        language: str,
        now: datetime,
        score: tuple[float | None, float | None, str | None, str | None] = (None, None, None, None),
        source_message_id: int | None = None,
        completes: bool = False,
    ) -> bool:
        """Store one answer (and finish the survey when it `completes` it); False when given already."""
        sentiment, subjectivity, text_language, scorer = score
        insert = (
            "INSERT INTO answers (invitation_id, question_id, stage, question_type, value_number, value_text,"
            " skipped, language, answered_at, sentiment, subjectivity, text_language, scorer, source_message_id)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (invitation_id, question_id) DO NOTHING"
        )
        params = (
            invitation_id, question.id, question.stage, question.type, value.number, value.text,
            int(value.skipped), language, to_text(now), sentiment, subjectivity, text_language, scorer,
            source_message_id,
        )  # fmt: skip
        if not completes:
            return await self._write(insert, params) == 1
        async with self._transaction() as db:
            cursor = await db.execute(insert, params)
            if cursor.rowcount != 1:
                return False
            await db.execute(
                "UPDATE invitations SET completed_at = ? WHERE id = ? AND completed_at IS NULL",
                (to_text(now), invitation_id),
            )
            return True

    async def answer_from_message(self, customer_id: int, message_id: int) -> tuple[int, str] | None:
        """Return (invitation id, question id) of the answer a customer's chat message already gave."""
        row = await self._one(
            "SELECT a.invitation_id, a.question_id FROM answers a JOIN invitations i ON i.id = a.invitation_id"
            " JOIN orders o ON o.id = i.order_id WHERE o.customer_id = ? AND a.source_message_id = ?"
            " ORDER BY a.id DESC LIMIT 1",
            (customer_id, message_id),
        )
        return (row[0], row[1]) if row else None

    async def answers(self, invitation_id: int) -> dict[str, AnswerValue]:
        """Return the answers given to one invitation so far, by question id."""
        rows = await self._all(
            "SELECT question_id, value_number, value_text, skipped FROM answers WHERE invitation_id = ?",
            (invitation_id,),
        )
        return {r[0]: AnswerValue(r[1], r[2], bool(r[3])) for r in rows}

    async def export_rows(self) -> AsyncIterator[dict]:
        """Yield one dict per answer, oldest first, for export."""
        sql = (
            "SELECT o.order_ref, i.survey, a.question_id, a.stage, a.question_type,"
            " CASE WHEN a.skipped THEN '' WHEN a.value_number IS NOT NULL"
            " THEN CAST(CAST(a.value_number AS INTEGER) AS TEXT) ELSE a.value_text END,"
            " a.skipped, a.language, a.answered_at, a.sentiment, a.text_language"
            " FROM answers a JOIN invitations i ON i.id = a.invitation_id JOIN orders o ON o.id = i.order_id"
            " ORDER BY a.answered_at, a.id"
        )
        names = ("order_id", "survey", "question_id", "stage", "type", "answer", "skipped", "language",
                 "answered_at", "sentiment", "text_language")  # fmt: skip
        async with self._db.execute(sql) as cursor:
            async for row in cursor:
                yield dict(zip(names, row, strict=True))

    async def unscored_texts(self, all_texts: bool = False) -> list[tuple[int, str]]:
        """Return (answer id, text) of text answers, only those never scored unless `all_texts`."""
        where = "" if all_texts else " AND scorer IS NULL"
        return [
            (r[0], r[1])
            for r in await self._all(
                f"SELECT id, value_text FROM answers WHERE question_type = 'text' AND NOT skipped{where}"
            )
        ]

    async def set_scores(self, scores: Sequence[tuple[float | None, float | None, str | None, str | None, int]]) -> None:
        """Store (sentiment, subjectivity, text_language, scorer, answer id) for many answers."""
        async with self._transaction() as db:
            await db.executemany(
                "UPDATE answers SET sentiment = ?, subjectivity = ?, text_language = ?, scorer = ? WHERE id = ?",
                scores,
            )

    # Durable intake of Telegram updates -----------------------------------------------------------

    async def save_updates(self, updates: Sequence[tuple[int, str]], now: datetime) -> None:
        """Persist raw updates before they are acknowledged to Telegram; repeats are ignored."""
        async with self._transaction() as db:
            await db.executemany(
                "INSERT INTO inbox (update_id, payload, received_at) VALUES (?, ?, ?)"
                " ON CONFLICT (update_id) DO NOTHING",
                [(uid, payload, to_text(now)) for uid, payload in updates],
            )

    async def pending_updates(self, limit: int = 100) -> list[tuple[int, str]]:
        """Return stored updates not yet processed, oldest first."""
        return [
            (r[0], r[1])
            for r in await self._all(
                "SELECT update_id, payload FROM inbox WHERE processed_at IS NULL ORDER BY update_id LIMIT ?", (limit,)
            )
        ]

    async def last_update_id(self) -> int | None:
        """Return the highest update id ever stored (to resume acknowledging after a restart)."""
        row = await self._one("SELECT max(update_id) FROM inbox")
        return row[0] if row else None

    async def mark_update_processed(self, update_id: int, now: datetime) -> None:
        """Mark a stored update as handled."""
        await self._write("UPDATE inbox SET processed_at = ? WHERE update_id = ?", (to_text(now), update_id))


# Reporting: read-only queries that analysis/ runs with pandas on a separate connection ------------

ANSWER_FACTS = """
SELECT a.id AS answer_id, o.order_ref AS order_id, o.customer_id, i.id AS invitation_id, i.survey,
       a.question_id, a.stage, a.question_type, a.value_number, a.value_text, a.skipped,
       a.language, a.answered_at, a.sentiment, a.subjectivity, a.text_language, a.scorer
FROM answers a JOIN invitations i ON i.id = a.invitation_id JOIN orders o ON o.id = i.order_id
WHERE a.answered_at >= ? AND a.answered_at < ?
"""

INVITATION_FACTS = """
SELECT i.id AS invitation_id, i.survey, o.customer_id, c.language, i.sent_at, i.completed_at,
       (SELECT a.value_text FROM answers a JOIN invitations p ON p.id = a.invitation_id
         WHERE p.order_id = i.order_id AND a.question_id = 'channel' AND NOT a.skipped) AS channel
FROM invitations i JOIN orders o ON o.id = i.order_id LEFT JOIN customers c ON c.id = o.customer_id
WHERE i.sent_at >= ? AND i.sent_at < ?
"""

ORDER_CHANNELS = """
SELECT i.order_id, o.order_ref AS order_id_ref, a.value_text AS channel
FROM answers a JOIN invitations i ON i.id = a.invitation_id JOIN orders o ON o.id = i.order_id
WHERE a.question_id = 'channel' AND NOT a.skipped
"""


def connect_readonly(path: str | Path) -> sqlite3.Connection:
    """Open the database read-only for reports (WAL lets it read while the bot writes)."""
    if not Path(path).exists():
        raise StoreError(f"database {path} does not exist")
    return sqlite3.connect(f"file:{Path(path).resolve()}?mode=ro", uri=True)


# One row per (invitation sent in the range, answer given to it), for response rate, completion and drop-off.
INVITATION_ANSWERS = """
SELECT i.id AS invitation_id, i.survey, i.sent_at, i.completed_at, a.question_id, a.skipped
FROM invitations i LEFT JOIN answers a ON a.invitation_id = i.id
WHERE i.sent_at >= ? AND i.sent_at < ?
"""
