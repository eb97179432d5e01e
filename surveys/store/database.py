"""The database object: one connection, checked and migrated at open, writes serialised and committed."""

from __future__ import annotations

import asyncio
import logging
import os
import sqlite3
from collections.abc import AsyncIterator, Mapping, Sequence
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Self

import aiosqlite

from surveys.complaints import OPEN_STATES
from surveys.store.rows import Vitals, _marks, from_row
from surveys.store.schema import MIGRATIONS, SECURE_SCHEMA

log = logging.getLogger(__name__)


BUSY_TIMEOUT_MS = 5000  # how long a write waits for another connection's lock
READER_BUSY_MS = 20  # how long a read on the event loop may wait before it takes aiosqlite's thread instead


class StoreError(RuntimeError):
    """The database cannot be used (damaged, or newer than this program)."""


def _unusable(path: Path, exc: sqlite3.OperationalError) -> str:
    """One line saying why a sound database cannot be used right now, and what to do."""
    reason = str(exc).lower()
    if "locked" in reason or "busy" in reason:
        return f"database {path} is locked by another program (a sqlite3 shell, a backup, another bot?); close it and start again"
    if "readonly" in reason or "read-only" in reason:
        return (
            f"database {path} is read-only (file permissions or a read-only volume); make it writable and start again"
        )
    if "full" in reason:
        return f"the disk holding database {path} is full; free some space and start again (nothing was lost)"
    return f"cannot use database {path}: {exc}"


def _open_reader(path: Path) -> sqlite3.Connection | None:
    """A read-only connection for _peek, or None where the file cannot be opened twice."""
    try:
        reader = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, isolation_level=None)
        reader.execute(f"PRAGMA busy_timeout={READER_BUSY_MS}")
        reader.execute("PRAGMA query_only=ON")
        return reader
    except sqlite3.Error as exc:
        log.debug("no read-only connection to %s: %s", path, exc)
        return None


class Database:
    """Owns the database connection; writes are serialised and committed before they return."""

    def __init__(self, db: aiosqlite.Connection, path: Path):
        self._db = db
        self.path = path
        self._write_lock = asyncio.Lock()
        self._reader: sqlite3.Connection | None = None  # see _peek

    @classmethod
    async def open(cls, path: str | Path) -> Self:
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
                raise StoreError(f"database {path} is damaged ({problems[0]}{more}); stop the bot and restore a backup")
            store = cls(db, path)
            await store._migrate()
            # A read-only file or volume opens and reads fine; say so now, not at the first customer's answer.
            await db.execute("DELETE FROM leases WHERE 0")
            store._reader = _open_reader(path)
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
        if self._reader is not None:
            self._reader.close()
            self._reader = None
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

    async def _peek(self, sql: str, params: Sequence = ()) -> list[Sequence]:
        """Rows of a small indexed read, read on the event loop's own thread when it can be.

        A customer's answer makes about eight trips to aiosqlite's thread; the point reads among them take
        microseconds, less than the trip (and its fight for the GIL) costs. In WAL mode a reader waits for no
        writer, so they are read here through a second, read-only connection, which sees every committed
        write. Should it be busy anyway (a recovery, say), or gone, the read takes the trip.
        """
        if self._reader is not None:
            try:
                return self._reader.execute(sql, params).fetchall()
            except sqlite3.OperationalError as exc:
                log.debug("read on the loop failed, reading through the writer: %s", exc)
        return await self._all(sql, params)

    async def _peek_one(self, sql: str, params: Sequence = ()) -> Sequence | None:
        return next(iter(await self._peek(sql, params)), None)

    async def vitals(self) -> Vitals:
        """The figures /healthz and /metrics report, read in one query."""
        row = await self._one(
            "SELECT (SELECT max(received_at) FROM inbox) AS last_update_at,"
            " (SELECT count(*) FROM inbox WHERE processed_at IS NULL) AS pending_updates,"
            " (SELECT min(received_at) FROM inbox WHERE processed_at IS NULL) AS oldest_pending_at,"
            " (SELECT count(*) FROM complaints WHERE card_message_id IS NULL)"
            "   + (SELECT count(*) FROM desk_notes WHERE message_id IS NULL AND set_aside_at IS NULL) AS desk_backlog,"
            " (SELECT min(opened_at) FROM complaints WHERE card_message_id IS NULL) AS oldest_card_at,"
            f" (SELECT count(*) FROM complaints WHERE state IN ({_marks(OPEN_STATES)})) AS open_complaints,"
            " (SELECT count(*) FROM answers) AS answers",
            OPEN_STATES,
        )
        assert row is not None  # an aggregate query always returns one row
        return from_row(Vitals, row)

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
