"""The SQLite store: every SQL statement of journeypulse lives here, parameterised, behind one connection."""

from __future__ import annotations

import asyncio
import logging
import os
import sqlite3
from collections.abc import AsyncIterator, Mapping, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from pathlib import Path
from typing import NamedTuple, overload

import aiosqlite

from surveys.complaints import CONFIRMABLE, NOT_FIXED, OPEN_STATES, TRANSITIONS, UNTAKEN, Action, State, Transition
from surveys.definitions import Question
from surveys.engine import AnswerValue
from surveys.reading import Feeling, Reading

log = logging.getLogger(__name__)
BUSY_TIMEOUT_MS = 5000  # how long a write waits for another connection's lock


class StoreError(RuntimeError):
    """The database cannot be used (damaged, or newer than this program)."""


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


def _unusable(path: Path, exc: sqlite3.OperationalError) -> str:
    """One line saying why a sound database cannot be used right now, and what to do."""
    reason = str(exc).lower()
    if "locked" in reason or "busy" in reason:
        return f"database {path} is locked by another program (a sqlite3 shell, a backup, another bot?); close it and start again"
    if "readonly" in reason or "read-only" in reason:
        return f"database {path} is read-only (file permissions or a read-only volume); make it writable and start again"
    if "full" in reason:
        return f"the disk holding database {path} is full; free some space and start again (nothing was lost)"
    return f"cannot use database {path}: {exc}"


def to_text(moment: datetime) -> str:
    """Render a moment as fixed-width UTC ISO-8601, so text order is time order."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


@overload
def from_text(text: str) -> datetime: ...
@overload
def from_text(text: None) -> None: ...
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
    link_version: int = 0  # raised each time the shop re-issues the order's link; older links stop working


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


@dataclass(frozen=True)
class Complaint:
    """A flagged survey of one customer, followed up by support staff in the support chat."""

    id: int
    invitation_id: int
    customer_id: int
    state: State
    opened_at: datetime
    touched_at: datetime
    assignee_id: int | None
    assignee_name: str | None
    first_reply_at: datetime | None
    resolved_at: datetime | None
    confirmed: bool | None
    escalated_at: datetime | None
    card_chat_id: int | None
    card_message_id: int | None
    thread_id: int | None


@dataclass(frozen=True)
class DeskNote:
    """A line queued for the support chat: under a complaint's card, or an answer to someone there."""

    id: int
    complaint_id: int | None
    body: str
    chat_id: int
    reply_to: int | None
    thread_id: int | None


@dataclass(frozen=True)
class SetAside:
    """Something Telegram refused for good (an update, a note, a digest), kept for staff to look at."""

    kind: str
    item: str
    reason: str
    at: datetime


@dataclass(frozen=True)
class FlaggedAnswer:
    """One answer behind a complaint, with why it was flagged."""

    question_id: str
    stage: str
    question_type: str
    number: float | None
    text: str | None
    sentiment: float | None
    reasons: tuple[str, ...]
    topics: tuple[str, ...] = ()


@dataclass(frozen=True)
class ScoredAnswer:
    """A stored answer with its sentiment and reading, as complaint rules read it."""

    id: int
    question_id: str
    question_type: str
    number: float | None
    text: str | None
    sentiment: float | None
    feeling: Feeling | None = None
    complaint: bool | None = None  # None: a text stored before texts were read for complaints


class ComplaintCard(NamedTuple):
    """What a complaint's card in the support chat shows."""

    complaint: Complaint
    customer: Customer
    order_ref: str
    survey: str
    flagged: list[FlaggedAnswer]
    last_reply: tuple[str | None, datetime] | None  # the last staff reply: who, when


_LINK_VERSION = """
        ALTER TABLE orders ADD COLUMN link_version INTEGER NOT NULL DEFAULT 0;
    """

@dataclass(frozen=True)
class Vitals:
    """What the bot's health and metrics endpoints report, as stored."""

    last_update_at: datetime | None
    pending_updates: int
    oldest_pending_at: datetime | None
    desk_backlog: int  # complaint cards and staff notes not yet posted to the support chat
    oldest_card_at: datetime | None
    open_complaints: int
    answers: int


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
    """
        CREATE TABLE complaints (
            id INTEGER PRIMARY KEY,
            invitation_id INTEGER NOT NULL UNIQUE REFERENCES invitations(id),
            customer_id INTEGER NOT NULL REFERENCES customers(id),
            state TEXT NOT NULL DEFAULT 'open',
            opened_at TEXT NOT NULL,
            touched_at TEXT NOT NULL,
            assignee_id INTEGER,
            assignee_name TEXT,
            first_reply_at TEXT,
            resolved_at TEXT,
            confirmed INTEGER,
            confirmed_at TEXT,
            escalated_at TEXT,
            card_claimed_at TEXT,
            card_chat_id INTEGER,
            card_message_id INTEGER,
            thread_id INTEGER,
            card_dirty INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX complaints_state ON complaints (state, opened_at);
        CREATE TABLE complaint_flags (
            complaint_id INTEGER NOT NULL REFERENCES complaints(id) ON DELETE CASCADE,
            answer_id INTEGER NOT NULL UNIQUE REFERENCES answers(id) ON DELETE CASCADE,
            reasons TEXT NOT NULL
        );
        CREATE TABLE complaint_events (
            id INTEGER PRIMARY KEY,
            complaint_id INTEGER NOT NULL REFERENCES complaints(id) ON DELETE CASCADE,
            at TEXT NOT NULL,
            kind TEXT NOT NULL,
            actor_id INTEGER,
            actor_name TEXT,
            detail TEXT
        );
        CREATE INDEX complaint_events_complaint ON complaint_events (complaint_id, at);
        CREATE TABLE desk_messages (
            chat_id INTEGER NOT NULL,
            message_id INTEGER NOT NULL,
            complaint_id INTEGER NOT NULL REFERENCES complaints(id) ON DELETE CASCADE,
            PRIMARY KEY (chat_id, message_id)
        );
        CREATE TABLE desk_notes (
            id INTEGER PRIMARY KEY,
            complaint_id INTEGER NOT NULL REFERENCES complaints(id) ON DELETE CASCADE,
            body TEXT NOT NULL,
            created_at TEXT NOT NULL,
            claimed_at TEXT,
            message_id INTEGER
        );
        CREATE INDEX desk_notes_unsent ON desk_notes (id) WHERE claimed_at IS NULL;
        ALTER TABLE orders ADD COLUMN forgotten_at TEXT;
    """,
    """
        CREATE TABLE digests (
            week TEXT NOT NULL,
            manager_id INTEGER NOT NULL,
            sent_at TEXT NOT NULL,
            PRIMARY KEY (week, manager_id)
        );
    """,
    """
        ALTER TABLE complaint_events ADD COLUMN chat_id INTEGER;
        ALTER TABLE complaint_events ADD COLUMN message_id INTEGER;
        CREATE UNIQUE INDEX complaint_events_message ON complaint_events (chat_id, message_id)
            WHERE message_id IS NOT NULL;
    """,
    # The reading of a text answer: feeling ('negative'|'neutral'|'positive'|'none', NULL when not scored),
    # topic keys (';'-joined, '' when none) and whether the text alone is a complaint (0/1).
    """
        ALTER TABLE answers ADD COLUMN feeling TEXT;
        ALTER TABLE answers ADD COLUMN topics TEXT;
        ALTER TABLE answers ADD COLUMN complaint INTEGER;
    """,
    # The version of an order's deep link: `orders relink` raises it, so a forwarded link stops working.
    _LINK_VERSION,
    # Shop webhook deliveries already taken (Shopify and WooCommerce retry, and may repeat a delivery).
    """
        CREATE TABLE shop_deliveries (
            platform TEXT NOT NULL,
            delivery_id TEXT NOT NULL,
            received_at TEXT NOT NULL,
            PRIMARY KEY (platform, delivery_id)
        );
    """,
    # Ids shown in links and buttons (orders, invitations, complaints) and queued notes are never reused
    # (AUTOINCREMENT: tables rebuilt, rows kept); one lease table for every claim; inbox retries and
    # updates or messages set aside for staff; refusals in the support chat queued like notes.
    """
        CREATE TABLE orders_new (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            order_ref TEXT NOT NULL UNIQUE,
            customer_name TEXT,
            purchased_at TEXT NOT NULL,
            customer_id INTEGER REFERENCES customers(id),
            created_at TEXT NOT NULL,
            forgotten_at TEXT,
            link_version INTEGER NOT NULL DEFAULT 0
        );
        INSERT INTO orders_new SELECT id, order_ref, customer_name, purchased_at, customer_id, created_at, forgotten_at,
            link_version FROM orders;
        DROP TABLE orders;
        ALTER TABLE orders_new RENAME TO orders;
        CREATE TABLE invitations_new (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
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
        INSERT INTO invitations_new SELECT id, order_id, survey, due_at, sent_at, reminder_due_at, reminded_at,
            completed_at, asked_question_id, asked_message_id, created_at FROM invitations;
        DROP TABLE invitations;
        ALTER TABLE invitations_new RENAME TO invitations;
        CREATE INDEX invitations_due ON invitations (due_at) WHERE sent_at IS NULL;
        CREATE INDEX invitations_reminder ON invitations (reminder_due_at)
            WHERE reminded_at IS NULL AND completed_at IS NULL;
        CREATE TABLE complaints_new (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            invitation_id INTEGER NOT NULL UNIQUE REFERENCES invitations(id),
            customer_id INTEGER NOT NULL REFERENCES customers(id),
            state TEXT NOT NULL DEFAULT 'open',
            opened_at TEXT NOT NULL,
            touched_at TEXT NOT NULL,
            assignee_id INTEGER,
            assignee_name TEXT,
            first_reply_at TEXT,
            resolved_at TEXT,
            confirmed INTEGER,
            confirmed_at TEXT,
            escalated_at TEXT,
            card_chat_id INTEGER,
            card_message_id INTEGER,
            thread_id INTEGER,
            card_dirty INTEGER NOT NULL DEFAULT 0,
            confirmation_due INTEGER NOT NULL DEFAULT 0
        );
        INSERT INTO complaints_new (id, invitation_id, customer_id, state, opened_at, touched_at, assignee_id,
            assignee_name, first_reply_at, resolved_at, confirmed, confirmed_at, escalated_at, card_chat_id,
            card_message_id, thread_id, card_dirty) SELECT id, invitation_id, customer_id, state, opened_at, touched_at, assignee_id,
            assignee_name, first_reply_at, resolved_at, confirmed, confirmed_at, escalated_at, card_chat_id,
            card_message_id, thread_id, card_dirty FROM complaints;
        DROP TABLE complaints;
        ALTER TABLE complaints_new RENAME TO complaints;
        CREATE INDEX complaints_state ON complaints (state, opened_at);
        CREATE INDEX complaints_card ON complaints (id) WHERE card_message_id IS NULL;
        CREATE TABLE desk_notes_new (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            complaint_id INTEGER REFERENCES complaints(id) ON DELETE CASCADE,
            body TEXT NOT NULL,
            created_at TEXT NOT NULL,
            message_id INTEGER,
            chat_id INTEGER,
            reply_to INTEGER,
            thread_id INTEGER,
            recipient_id INTEGER,
            set_aside_at TEXT
        );
        INSERT INTO desk_notes_new (id, complaint_id, body, created_at, message_id)
            SELECT id, complaint_id, body, created_at, message_id FROM desk_notes;
        DROP TABLE desk_notes;
        ALTER TABLE desk_notes_new RENAME TO desk_notes;
        CREATE INDEX desk_notes_unsent ON desk_notes (id) WHERE message_id IS NULL AND set_aside_at IS NULL;
        CREATE TABLE leases (
            kind TEXT NOT NULL,
            item TEXT NOT NULL,
            until TEXT NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 1,
            PRIMARY KEY (kind, item)
        ) WITHOUT ROWID;
        ALTER TABLE inbox ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE inbox ADD COLUMN retry_at TEXT;
        CREATE TABLE set_aside (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            kind TEXT NOT NULL,
            item TEXT NOT NULL,
            reason TEXT NOT NULL,
            at TEXT NOT NULL
        );
    """,
]

# From this schema on the database runs with secure_delete: an older one is vacuumed once on upgrade,
# so what earlier erasures left in free pages goes too.
SECURE_SCHEMA = MIGRATIONS.index(_LINK_VERSION) + 1


def _reading_columns(reading: Reading | None) -> tuple[object, ...]:
    """The answers columns a reading fills: sentiment, subjectivity, text_language, scorer, feeling, topics, complaint."""
    if reading is None:
        return (None,) * 7
    score = reading.score
    return (
        score.polarity, score.subjectivity, score.language, score.scorer,
        None if score.feeling is None else score.feeling.value, ";".join(reading.topics), int(reading.complaint),
    )  # fmt: skip


def _topics(column: str | None) -> tuple[str, ...]:
    return tuple(t for t in (column or "").split(";") if t)


_INVITATION = """SELECT id, order_id, survey, due_at, sent_at, reminder_due_at, reminded_at, completed_at,
    asked_question_id, asked_message_id FROM invitations"""
_CUSTOMER = "SELECT id, telegram_user_id, chat_id, first_name, language, stopped_at, unreachable_at FROM customers"
_ORDER = "SELECT id, order_ref, customer_name, purchased_at, customer_id, link_version FROM orders"


_DUE = (
    "SELECT i.id, i.order_id, i.survey, i.due_at, i.sent_at, i.reminder_due_at, i.reminded_at,"
    " i.completed_at, i.asked_question_id, i.asked_message_id,"
    " c.id, c.telegram_user_id, c.chat_id, c.first_name, c.language, c.stopped_at, c.unreachable_at"
    " FROM invitations i JOIN orders o ON o.id = i.order_id JOIN customers c ON c.id = o.customer_id"
)


_COMPLAINT = """SELECT id, invitation_id, customer_id, state, opened_at, touched_at, assignee_id, assignee_name,
    first_reply_at, resolved_at, confirmed, escalated_at, card_chat_id, card_message_id, thread_id FROM complaints"""


def _marks(values: Sequence[object]) -> str:
    """Placeholders for `IN (...)` over these values, so a state added to a set needs no SQL change."""
    return ", ".join("?" * len(values))


def _complaint(row: Sequence) -> Complaint:
    return Complaint(
        row[0], row[1], row[2], State(row[3]), from_text(row[4]), from_text(row[5]), row[6], row[7], from_text(row[8]),
        from_text(row[9]), None if row[10] is None else bool(row[10]), from_text(row[11]), row[12], row[13], row[14],
    )  # fmt: skip


def _invitation(row: Sequence) -> Invitation:
    return Invitation(
        row[0], row[1], row[2], from_text(row[3]), from_text(row[4]), from_text(row[5]),
        from_text(row[6]), from_text(row[7]), row[8], row[9],
    )  # fmt: skip


def _customer(row: Sequence) -> Customer:
    return Customer(row[0], row[1], row[2], row[3], row[4], from_text(row[5]), from_text(row[6]))


def _order(row: Sequence) -> Order:
    return Order(row[0], row[1], row[2], from_text(row[3]), row[4], row[5])


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
        await db.execute("UPDATE inbox SET payload = json_object('update_id', update_id) WHERE update_id = ?", (newest,))
    await db.executemany("DELETE FROM inbox WHERE update_id = ?", [(uid,) for uid in update_ids if uid != newest])
    return len(update_ids)


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
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            # Owner only: SQLite gives the -wal and -shm files the same mode as the database.
            if not path.exists():
                os.close(os.open(path, os.O_WRONLY | os.O_CREAT, 0o600))
        except OSError as exc:
            raise StoreError(f"cannot create database {path} (DATABASE_PATH): {exc.strerror or exc}") from None
        try:
            db = await aiosqlite.connect(path, isolation_level=None)
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open database {path}: {exc}") from None
        try:
            await db.execute("PRAGMA journal_mode=WAL")
            # NORMAL in WAL mode survives a killed process; only an OS crash could lose the last commit.
            await db.execute("PRAGMA synchronous=NORMAL")
            await db.execute("PRAGMA foreign_keys=ON")
            # Deleted rows are overwritten with zeros, so an erased customer's words do not linger in free space.
            await db.execute("PRAGMA secure_delete=ON")
            await db.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
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
            # A read-only file or volume opens and reads fine; say so now, not at the first customer's answer.
            await db.execute("DELETE FROM leases WHERE 0")
        except sqlite3.OperationalError as exc:  # the file is fine; something around it is not
            await db.close()
            raise StoreError(_unusable(path, exc)) from None
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
        # aiosqlite's worker logs its last operation after close() returns; wait for it, so a command's final
        # line (an error, say) is printed after that log line and not before it.
        worker = getattr(self._db, "_thread", None)
        if worker is not None:
            await asyncio.to_thread(worker.join, 1.0)

    async def _migrate(self) -> None:
        async with self._db.execute("PRAGMA user_version") as cursor:
            row = await cursor.fetchone()
        assert row is not None  # PRAGMA user_version always answers one row
        version = row[0]
        if version > len(MIGRATIONS):
            raise StoreError(f"database {self.path} has schema {version}, newer than this program knows")
        if version == len(MIGRATIONS):
            return
        # Rebuilding a table (drop, rename) must not cascade into its children: keys are checked after.
        await self._db.execute("PRAGMA foreign_keys=OFF")
        for number, script in enumerate(MIGRATIONS[version:], version + 1):
            try:
                await self._db.executescript(f"BEGIN IMMEDIATE; {script}; PRAGMA user_version={number}; COMMIT;")
            except BaseException:
                if self._db.in_transaction:
                    await self._db.execute("ROLLBACK")
                raise
        await self._db.execute("PRAGMA foreign_keys=ON")
        if await self._all("PRAGMA foreign_key_check"):
            raise StoreError(f"database {self.path} has rows pointing at nothing after migrating; restore a backup")
        if 0 < version < SECURE_SCHEMA:
            await self._db.execute("VACUUM")
            await self.scrub()

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

    async def _one(self, sql: str, params: Sequence | Mapping[str, object] = ()) -> Sequence | None:
        rows = await self._db.execute_fetchall(sql, params)  # one trip to aiosqlite's thread
        return next(iter(rows), None)

    async def _all(self, sql: str, params: Sequence | Mapping[str, object] = ()) -> list[Sequence]:
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
        return await self.order_by_ref(ref)  # type: ignore[return-value]  # inserted above, or there before

    async def order(self, order_id: int) -> Order | None:
        """Return an order by its internal id; an order whose customer asked to be forgotten is gone."""
        row = await self._one(f"{_ORDER} WHERE id = ? AND forgotten_at IS NULL", (order_id,))
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
        return await self.customer_by_user(telegram_user_id)  # type: ignore[return-value]  # upserted above

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
        return _invitation(row)  # type: ignore[arg-type]  # inserted above, or there before

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
        """Return the customer's most recently sent (or being sent) survey that is not finished."""
        row = await self._one(
            f"{_INVITATION} WHERE order_id IN (SELECT id FROM orders WHERE customer_id = ?)"
            # One whose question is out but not yet marked sent is the newest: its sender is finishing.
            " AND (sent_at IS NOT NULL OR asked_question_id IS NOT NULL) AND completed_at IS NULL"
            " ORDER BY sent_at IS NULL DESC, sent_at DESC, id DESC LIMIT 1",
            (customer_id,),
        )
        return _invitation(row) if row else None

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
            "UPDATE invitations SET reminded_at = ? WHERE id = ? AND reminded_at IS NULL", (to_text(when), invitation_id)
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
        return [(_invitation(r[:10]), _customer(r[10:])) for r in rows]

    async def due_reminders(self, now: datetime, limit: int = 100) -> list[tuple[Invitation, Customer]]:
        """Return sent, unfinished invitations whose one reminder is due."""
        rows = await self._all(
            f"{_DUE}"
            " WHERE i.reminded_at IS NULL AND i.completed_at IS NULL AND i.reminder_due_at <= ?"
            f" AND c.stopped_at IS NULL AND c.unreachable_at IS NULL AND {_unleased(Lease.REMINDER, 'i.id')}"
            " ORDER BY i.reminder_due_at LIMIT ?",
            (to_text(now), Lease.REMINDER, to_text(now), limit),
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
        reading: Reading | None = None,
        source_message_id: int | None = None,
        completes: bool = False,
    ) -> bool:
        """Store one answer with its reading (and finish the survey when it `completes` it); False when given already."""
        insert = (
            "INSERT INTO answers (invitation_id, question_id, stage, question_type, value_number, value_text,"
            " skipped, language, answered_at, sentiment, subjectivity, text_language, scorer, feeling, topics,"
            " complaint, source_message_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT (invitation_id, question_id) DO NOTHING"
        )
        params = (
            invitation_id, question.id, question.stage, question.type, value.number, value.text,
            int(value.skipped), language, to_text(now), *_reading_columns(reading), source_message_id,
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
            " a.skipped, a.language, a.answered_at, a.sentiment, a.text_language, a.feeling, a.complaint, a.topics"
            " FROM answers a JOIN invitations i ON i.id = a.invitation_id JOIN orders o ON o.id = i.order_id"
            " ORDER BY a.answered_at, a.id"
        )
        names = ("order_id", "survey", "question_id", "stage", "type", "answer", "skipped", "language",
                 "answered_at", "sentiment", "text_language", "feeling", "complaint", "topics")  # fmt: skip
        async with self._db.execute(sql) as cursor:
            async for row in cursor:
                yield dict(zip(names, row, strict=True))

    async def unscored_texts(self, all_texts: bool = False) -> list[tuple[int, str]]:
        """Return (answer id, text) of text answers, only those never read for complaints unless `all_texts`."""
        where = "" if all_texts else " AND complaint IS NULL"
        return [
            (r[0], r[1])
            for r in await self._all(
                f"SELECT id, value_text FROM answers WHERE question_type = 'text' AND NOT skipped{where}"
            )
        ]

    async def set_readings(self, readings: Sequence[tuple[int, Reading]]) -> None:
        """Store the reading (score, feeling, topics, complaint) of many text answers, by answer id."""
        async with self._transaction() as db:
            await db.executemany(
                "UPDATE answers SET sentiment = ?, subjectivity = ?, text_language = ?, scorer = ?, feeling = ?,"
                " topics = ?, complaint = ? WHERE id = ?",
                [(*_reading_columns(reading), answer_id) for answer_id, reading in readings],
            )

    async def scored_answers(self, invitation_id: int) -> list[ScoredAnswer]:
        """Return the answers of one invitation with their sentiment, in the order given."""
        rows = await self._all(
            "SELECT id, question_id, question_type, value_number, value_text, sentiment, feeling, complaint"
            " FROM answers WHERE invitation_id = ? AND NOT skipped ORDER BY id",
            (invitation_id,),
        )
        return [
            ScoredAnswer(r[0], r[1], r[2], r[3], r[4], r[5], Feeling(r[6]) if r[6] in Feeling._value2member_map_ else None,
                         None if r[7] is None else bool(r[7]))
            for r in rows
        ]  # fmt: skip

    # Complaints -----------------------------------------------------------------------------------

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

    async def complaint(self, complaint_id: int) -> Complaint | None:
        """Return a complaint by id."""
        row = await self._one(f"{_COMPLAINT} WHERE id = ?", (complaint_id,))
        return _complaint(row) if row else None

    async def complaint_for_message(self, chat_id: int, message_id: int) -> Complaint | None:
        """Return the complaint a card, relayed message or topic in a chat belongs to."""
        row = await self._one(
            f"{_COMPLAINT} WHERE id = (SELECT complaint_id FROM desk_messages WHERE chat_id = ? AND message_id = ?)",
            (chat_id, message_id),
        )
        return _complaint(row) if row else None

    async def complaint_for_thread(self, chat_id: int, thread_id: int) -> Complaint | None:
        """Return the complaint whose forum topic this is."""
        row = await self._one(f"{_COMPLAINT} WHERE card_chat_id = ? AND thread_id = ?", (chat_id, thread_id))
        return _complaint(row) if row else None

    async def conversation(self, customer_id: int) -> Complaint | None:
        """Return the customer's open complaint that support has written about, newest first."""
        row = await self._one(
            f"{_COMPLAINT} WHERE customer_id = ? AND first_reply_at IS NOT NULL AND state IN ({_marks(OPEN_STATES)})"
            " ORDER BY touched_at DESC LIMIT 1",
            (customer_id, *OPEN_STATES),
        )
        return _complaint(row) if row else None

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
            "SELECT a.question_id, a.stage, a.question_type, a.value_number, a.value_text, a.sentiment, f.reasons,"
            " a.topics"
            " FROM complaint_flags f JOIN answers a ON a.id = f.answer_id WHERE f.complaint_id = ? ORDER BY a.id",
            (complaint_id,),
        )
        flagged = [FlaggedAnswer(r[0], r[1], r[2], r[3], r[4], r[5], tuple(r[6].split(",")), _topics(r[7])) for r in rows]
        last = await self._one(
            "SELECT actor_name, at FROM complaint_events WHERE complaint_id = ? AND kind = 'staff_reply'"
            " ORDER BY id DESC LIMIT 1",
            (complaint_id,),
        )
        last_reply = (last[0], from_text(last[1])) if last else None
        return ComplaintCard(complaint, customer, head[0], head[1], flagged, last_reply)

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
                "INSERT INTO desk_messages (chat_id, message_id, complaint_id) VALUES (?, ?, ?)"
                " ON CONFLICT DO NOTHING",
                (chat_id, message_id, complaint_id),
            )

    async def remember_message(self, chat_id: int, message_id: int, complaint_id: int) -> None:
        """Link a relayed message to its complaint, so replies to it find their way."""
        async with self._transaction() as db:
            await db.execute(
                "INSERT INTO desk_messages (chat_id, message_id, complaint_id) VALUES (?, ?, ?)"
                " ON CONFLICT DO NOTHING",
                (chat_id, message_id, complaint_id),
            )

    async def queue_note(self, complaint_id: int, body: str, now: datetime) -> None:
        """Queue a line to post under a complaint's card; the desk job posts it, off the customer's path."""
        await self._write(
            "INSERT INTO desk_notes (complaint_id, body, created_at) VALUES (?, ?, ?)", (complaint_id, body, to_text(now))
        )

    async def queue_refusal(
        self, user_id: int, chat_id: int, reply_to: int, thread_id: int | None, body: str, now: datetime, every: timedelta
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
            "SELECT n.id, n.complaint_id, n.body, coalesce(n.chat_id, c.card_chat_id),"
            " coalesce(n.reply_to, c.card_message_id), coalesce(n.thread_id, c.thread_id)"
            " FROM desk_notes n LEFT JOIN complaints c ON c.id = n.complaint_id"
            " WHERE n.message_id IS NULL AND n.set_aside_at IS NULL"
            f" AND (c.card_message_id IS NOT NULL OR n.complaint_id IS NULL) AND {_unleased(Lease.NOTE, 'n.id')}"
            " ORDER BY n.id LIMIT ?",
            (Lease.NOTE, to_text(now), limit),
        )
        return [DeskNote(*r) for r in rows]

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

    async def log_message(
        self, complaint_id: int, kind: str, actor: tuple[int | None, str | None], detail: str, now: datetime,
        source: tuple[int, int] | None = None, note: str | None = None,
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
        return await self._one(
            "SELECT 1 FROM complaint_events WHERE chat_id = ? AND message_id = ?", (chat_id, message_id)
        ) is not None

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
        return [_complaint(r) for r in rows]

    async def due_escalations(self, untouched_since: datetime, limit: int = 20) -> list[Complaint]:
        """Return posted complaints nobody took since `untouched_since`, not yet raised again."""
        rows = await self._all(
            f"{_COMPLAINT} WHERE state IN ({_marks(UNTAKEN)}) AND touched_at <= ? AND escalated_at IS NULL"
            " AND card_message_id IS NOT NULL ORDER BY touched_at LIMIT ?",
            (*UNTAKEN, to_text(untouched_since), limit),
        )
        return [_complaint(r) for r in rows]

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

    # Privacy --------------------------------------------------------------------------------------

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
        updates = [] if telegram_user_id is None else await self._all(
            f"SELECT update_id, received_at, payload FROM inbox WHERE update_id IN ({_OWN_UPDATES}) ORDER BY update_id",
            {"user": telegram_user_id},
        )
        # Staff and managers are people too: what they did on complaints, and the digests they were sent.
        staff = [] if telegram_user_id is None else await self._all(
            "SELECT complaint_id, at, kind, actor_name, detail FROM complaint_events WHERE actor_id = ? ORDER BY at, id",
            (telegram_user_id,),
        )
        digests = [] if telegram_user_id is None else await self._all(
            "SELECT week, sent_at FROM digests WHERE manager_id = ? ORDER BY week", (telegram_user_id,)
        )
        names = ("survey", "question", "type", "number", "text", "skipped", "at", "sentiment", "feeling", "topics",
                 "complaint", "language")  # fmt: skip
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

        `handling` is the raw update being handled (their own press of "yes, delete"), erased too. Erased
        text is overwritten in the file (secure_delete) and the WAL is emptied. False when nothing was stored.
        """
        mine = "SELECT i.id FROM invitations i JOIN orders o ON o.id = i.order_id WHERE o.customer_id = ?"
        async with self._transaction() as db:
            # Before the complaints go: their desk messages find the staff replies that quote the customer.
            cursor = await db.execute(
                f"SELECT update_id FROM inbox WHERE (processed_at IS NOT NULL OR update_id = :handling) AND"
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

    async def scrub(self) -> None:
        """Empty the WAL into the database file, so erased text survives in neither (secure_delete zeroes it)."""
        for _ in range(20):  # a report reading at this moment holds the WAL: wait for it a little
            async with self._write_lock:
                # The busy handler would hold every write back for busy_timeout: ask briefly, retry unlocked.
                await self._db.execute("PRAGMA busy_timeout=50")
                try:
                    busy = (await self._one("PRAGMA wal_checkpoint(TRUNCATE)") or (0,))[0]
                finally:
                    await self._db.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
            if not busy:
                return
            await asyncio.sleep(0.1)
        log.warning("the WAL of %s is in use by a reader; erased text leaves it at the next checkpoint", self.path)

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

    # Durable intake of Telegram updates -----------------------------------------------------------

    async def save_updates(self, updates: Sequence[tuple[int, str]], now: datetime) -> None:
        """Persist raw updates before they are acknowledged to Telegram; repeats are ignored."""
        async with self._transaction() as db:
            await db.executemany(
                "INSERT INTO inbox (update_id, payload, received_at) VALUES (?, ?, ?)"
                " ON CONFLICT (update_id) DO NOTHING",
                [(uid, payload, to_text(now)) for uid, payload in updates],
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

    async def mark_update_processed(self, update_id: int, now: datetime) -> None:
        """Mark a stored update as handled."""
        await self._write("UPDATE inbox SET processed_at = ? WHERE update_id = ?", (to_text(now), update_id))

    # Weekly digests for managers -------------------------------------------------------------------

    async def digest_recipients(self, week: str) -> set[int]:
        """Return the managers whose digest of `week` went out (or was set aside)."""
        return {r[0] for r in await self._all("SELECT manager_id FROM digests WHERE week = ?", (week,))}

    async def digest_sent(self, week: str, manager_id: int, now: datetime) -> None:
        """Record that a manager's digest of `week` is done with."""
        await self._write(
            "INSERT INTO digests (week, manager_id, sent_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
            (week, manager_id, to_text(now)),
        )

    # Leases: one way to claim anything we send --------------------------------------------------------

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
        await self._write("UPDATE leases SET until = ? WHERE kind = ? AND item = ?", (to_text(now + hold), kind, str(item)))

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

    # Things set aside for staff: Telegram refused them for good ---------------------------------------

    async def set_aside_item(self, kind: str, item: object, reason: str, now: datetime) -> None:
        """Record something that can never be sent or handled, for staff to see."""
        await self._write(
            "INSERT INTO set_aside (kind, item, reason, at) VALUES (?, ?, ?, ?)", (kind, str(item), reason, to_text(now))
        )

    async def set_aside_items(self, limit: int = 100) -> list[SetAside]:
        """Return what was set aside, newest first."""
        rows = await self._all("SELECT kind, item, reason, at FROM set_aside ORDER BY id DESC LIMIT ?", (limit,))
        return [SetAside(r[0], r[1], r[2], from_text(r[3])) for r in rows]

    # The confirmation question, asked by the desk job so a failed send is tried again -------------------

    async def confirmations_due(self, now: datetime, limit: int = 20) -> list[Complaint]:
        """Return resolved complaints whose customer has not been asked "was it resolved?" yet."""
        rows = await self._all(
            f"{_COMPLAINT} WHERE confirmation_due = 1 AND state = 'resolved' AND {_unleased(Lease.CONFIRMATION, 'id')}"
            " ORDER BY id LIMIT ?",
            (Lease.CONFIRMATION, to_text(now), limit),
        )
        return [_complaint(r) for r in rows]

    async def confirmation_asked(self, complaint_id: int) -> None:
        """Record that the customer was asked (or cannot be)."""
        await self._write("UPDATE complaints SET confirmation_due = 0 WHERE id = ?", (complaint_id,))

    # Shop webhooks and operations ------------------------------------------------------------------

    async def delivery_seen(self, platform: str, delivery_id: str) -> bool:
        """Whether a shop webhook delivery was already taken."""
        return await self._one(
            "SELECT 1 FROM shop_deliveries WHERE platform = ? AND delivery_id = ?", (platform, delivery_id)
        ) is not None

    async def remember_delivery(self, platform: str, delivery_id: str, now: datetime) -> None:
        """Record a shop webhook delivery as taken, so a repeat of it is dropped."""
        await self._write(
            "INSERT INTO shop_deliveries (platform, delivery_id, received_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
            (platform, delivery_id, to_text(now)),
        )

    async def vitals(self) -> Vitals:
        """The figures /healthz and /metrics report, read in one query."""
        row = await self._one(
            "SELECT (SELECT max(received_at) FROM inbox),"
            " (SELECT count(*) FROM inbox WHERE processed_at IS NULL),"
            " (SELECT min(received_at) FROM inbox WHERE processed_at IS NULL),"
            " (SELECT count(*) FROM complaints WHERE card_message_id IS NULL)"
            "   + (SELECT count(*) FROM desk_notes WHERE message_id IS NULL AND set_aside_at IS NULL),"
            " (SELECT min(opened_at) FROM complaints WHERE card_message_id IS NULL),"
            " (SELECT count(*) FROM complaints WHERE state IN (?, ?, ?)),"
            " (SELECT count(*) FROM answers)",
            OPEN_STATES,
        )
        last, pending, oldest, backlog, oldest_card, open_complaints, answers = row  # type: ignore[misc]
        return Vitals(from_text(last), pending, from_text(oldest), backlog, from_text(oldest_card), open_complaints, answers)


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

# The channel of each order with an answer in [start, end): the channel may have been answered earlier.
ORDER_CHANNELS = """
SELECT i.order_id, o.order_ref AS order_id_ref, a.value_text AS channel
FROM answers a JOIN invitations i ON i.id = a.invitation_id JOIN orders o ON o.id = i.order_id
WHERE a.question_id = 'channel' AND NOT a.skipped
  AND i.order_id IN (SELECT p.order_id FROM answers b JOIN invitations p ON p.id = b.invitation_id
                     WHERE b.answered_at >= ? AND b.answered_at < ?)
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


# Complaints opened in the range, and every complaint opened before its end that is still not resolved.
# Its parameters come from complaint_facts_params.
COMPLAINT_FACTS = f"""
SELECT c.id AS complaint_id, c.state, c.opened_at, c.first_reply_at, c.confirmed,
       (SELECT min(e.at) FROM complaint_events e WHERE e.complaint_id = c.id AND e.kind = ?)
           AS first_resolved_at,
       (SELECT group_concat(DISTINCT a.stage) FROM complaint_flags f JOIN answers a ON a.id = f.answer_id
         WHERE f.complaint_id = c.id) AS stages
FROM complaints c
WHERE c.opened_at < ? AND (c.opened_at >= ? OR c.state IN ({_marks(OPEN_STATES)}))
"""


def complaint_facts_params(start: datetime, end: datetime) -> tuple[str, ...]:
    """The parameters of COMPLAINT_FACTS for complaints of [start, end)."""
    return (TRANSITIONS[Action.RESOLVE].event, to_text(end), to_text(start), *OPEN_STATES)

# Narrow answer rows for the weekly trend: only what per-stage figures need, no joins and no free texts.
TREND_ANSWERS = """
SELECT substr(answered_at, 1, 10) AS day, stage, question_type, value_number, sentiment,
       CASE WHEN question_type = 'choice' THEN value_text END AS choice
FROM answers WHERE answered_at >= ? AND answered_at < ? AND NOT skipped
"""

# The answers of the report's weeks, only the columns the report uses; skipped answers are left out.
REPORT_ANSWERS = """
SELECT i.order_id, a.invitation_id, i.survey, a.stage, a.question_type, a.value_number, a.value_text,
       a.language, substr(a.answered_at, 1, 10) AS day, a.sentiment, a.text_language, a.scorer, a.topics
FROM answers a JOIN invitations i ON i.id = a.invitation_id
WHERE a.answered_at >= ? AND a.answered_at < ? AND NOT a.skipped
"""
