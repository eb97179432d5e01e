"""The SQLite store: migrations, WAL, idempotent writes, the inbox, damage detection."""

from __future__ import annotations

import asyncio
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from surveys.engine import AnswerValue
from surveys.store import MIGRATIONS, Store, StoreError
from tests.helpers import T0


async def test_fresh_database_is_migrated_and_in_wal(tmp_path):
    path = tmp_path / "db.sqlite3"
    store = await Store.open(path)
    await store.close()
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    conn.close()
    store = await Store.open(path)  # reopening applies nothing twice
    await store.close()


async def test_damaged_and_foreign_files_are_refused_clearly(tmp_path):
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"this is not a database" * 100)
    with pytest.raises(StoreError, match="damaged or not a journeypulse database"):
        await Store.open(junk)
    newer = tmp_path / "newer.sqlite3"
    conn = sqlite3.connect(newer)
    conn.execute(f"PRAGMA user_version={len(MIGRATIONS) + 5}")
    conn.close()
    with pytest.raises(StoreError, match="newer than this program"):
        await Store.open(newer)


async def test_one_answer_per_invitation_and_question(store, surveys):
    order = await store.add_order("A-1", None, T0, T0)
    invitation = await store.ensure_invitation(order.id, "post_purchase", T0, T0)
    question = surveys["post_purchase"].question("purchase_csat")
    assert await store.record_answer(invitation.id, question, AnswerValue(number=4), "en", T0)
    assert not await store.record_answer(invitation.id, question, AnswerValue(number=1), "en", T0)
    assert (await store.answers(invitation.id))["purchase_csat"].number == 4


async def test_hostile_text_is_stored_verbatim(store, surveys):
    order = await store.add_order("'); DROP TABLE answers;--", None, T0, T0)
    invitation = await store.ensure_invitation(order.id, "first_week", T0, T0)
    hostile = 'Robert\'); DROP TABLE answers;-- <script>alert(1)</script> =HYPERLINK("x") \x00\u202e'
    await store.record_answer(
        invitation.id, surveys["first_week"].question("tell_more"), AnswerValue(text=hostile), "en", T0
    )
    assert (await store.answers(invitation.id))["tell_more"].text == hostile
    assert (await store.order_by_ref("'); DROP TABLE answers;--")).id == order.id


async def test_inbox_keeps_updates_until_processed(store):
    await store.save_updates([(5, "{}"), (6, '{"a": 1}')], T0)
    await store.save_updates([(6, "dup")], T0)
    assert await store.pending_updates() == [(5, "{}"), (6, '{"a": 1}')]
    await store.mark_updates_processed([5], T0)
    assert await store.pending_updates() == [(6, '{"a": 1}')]
    assert await store.last_update_id() == 6


def damage_a_leaf_page(path) -> None:
    """Overwrite the cell pointers of one table leaf page, as a torn write on a failing disk would."""
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    roots = {row[0] for row in conn.execute("SELECT rootpage FROM sqlite_master")}
    conn.close()
    data = bytearray(path.read_bytes())
    # The last table leaf (type 13) that is no table's root: the schema still reads, a table does not.
    page = max(n for n in range(2, len(data) // page_size + 1) if n not in roots and data[(n - 1) * page_size] == 13)
    start = (page - 1) * page_size + 8
    data[start : start + 4] = b"\xff\xff\xff\xff"
    path.write_bytes(data)


async def test_damaged_database_stops_start_up_with_one_clear_line(tmp_path):
    path = tmp_path / "journeypulse.sqlite3"
    store = await Store.open(path)
    for n in range(300):
        await store.add_order(f"D-{n}", "Customer name", T0, T0)
    await store.close()
    damage_a_leaf_page(path)

    # quick_check names the damage; depending on what SQLite reads first it may also just say "malformed".
    with pytest.raises(StoreError, match=r"is damaged.*; stop the bot and restore a backup"):
        await Store.open(path)
    env = dict(
        os.environ,
        DATABASE_PATH=str(path),
        TELEGRAM_BOT_TOKEN="123:never-used",
        DEEP_LINK_SECRET="s-0123456789-abcdefghijklmnopqrstuvwxyz",
        LOG_LEVEL="WARNING",
    )
    run = subprocess.run(
        [sys.executable, "-c", "from bot.cli import main; main(['run'])"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert run.returncode == 1
    assert run.stderr.startswith("journeypulse: database ") and "is damaged" in run.stderr, run.stderr
    assert run.stderr.count("\n") == 1, "one line, no traceback"


async def test_prune_keeps_pending_updates_and_where_polling_resumes(store):
    from datetime import timedelta

    t0 = T0
    await store.save_updates(
        [(n, f'{{"update_id": {n}, "message": {{"text": "words {n}"}}}}') for n in (1, 2, 3, 4)], t0
    )
    await store.mark_updates_processed([1, 2, 4], t0)  # one statement for what the lanes handled; 3 still waits
    assert await store.prune_updates(t0) == 0  # handled exactly then: not older than the cut
    assert await store.prune_updates(t0 + timedelta(days=3)) == 3
    assert await store._all("SELECT update_id, payload FROM inbox ORDER BY update_id") == [
        (3, '{"update_id": 3, "message": {"text": "words 3"}}'),
        (4, '{"update_id":4}'),
    ]
    assert await store.last_update_id() == 4 and await store.pending_updates() == [
        (3, '{"update_id": 3, "message": {"text": "words 3"}}')
    ]
    assert await store.prune_updates(t0 + timedelta(days=30)) == 0  # the shell stays, and is not counted again


async def test_an_older_database_is_vacuumed_once_so_earlier_erasures_leave_no_trace(tmp_path):
    from surveys.store import MIGRATIONS, SECURE_SCHEMA

    path = tmp_path / "old.sqlite3"
    conn = sqlite3.connect(path)  # as an older version left it: its schema, a row deleted without secure_delete
    conn.execute("PRAGMA journal_mode=WAL")
    for script in MIGRATIONS[: SECURE_SCHEMA - 1]:
        conn.executescript(script)
    conn.executescript(
        f"PRAGMA secure_delete=OFF; PRAGMA user_version={SECURE_SCHEMA - 1};"
        " INSERT INTO inbox (update_id, payload, received_at) VALUES (1, 'Qx7erased " + "x" * 5000 + "', 'now');"
        " INSERT INTO inbox (update_id, payload, received_at) VALUES (2, '{}', 'now');"
        " DELETE FROM inbox WHERE update_id = 1; PRAGMA wal_checkpoint(TRUNCATE);"
    )
    conn.close()
    assert b"Qx7erased" in path.read_bytes()
    store = await Store.open(path)
    assert b"Qx7erased" not in path.read_bytes() + Path(f"{path}-wal").read_bytes()
    assert (await store.order(1)) is None and await store.last_update_id() == 2
    await store.close()


async def test_scrub_waits_for_a_reader_then_empties_the_wal(store, caplog):
    await store.save_updates([(1, '{"update_id": 1}')], T0)
    reader = sqlite3.connect(store.path)
    reader.execute("BEGIN")
    reader.execute("SELECT count(*) FROM inbox").fetchall()  # holds a snapshot: the WAL cannot be reset
    await store.save_updates([(2, '{"update_id": 2}')], T0)
    await store.scrub()
    assert "in use by a reader" in caplog.text
    reader.rollback()
    reader.close()
    await store.scrub()
    assert Path(f"{store.path}-wal").stat().st_size == 0


def test_rows_are_read_by_field_name_and_a_short_row_is_refused():
    import pytest

    from surveys.store.rows import _ORDER, Order, columns, from_row

    assert columns(Order) == "id, order_ref AS ref, customer_name, purchased_at, customer_id, link_version"
    assert _ORDER.startswith(f"SELECT {columns(Order)} ")
    order = from_row(Order, (3, "A-1", None, "2026-01-05T10:00:00.000000Z", None, 2))
    assert order.ref == "A-1" and order.purchased_at.year == 2026 and order.link_version == 2
    with pytest.raises(ValueError, match="Order takes 6 columns"):
        from_row(Order, (3, "A-1"))


async def test_point_reads_on_the_loop_see_every_committed_write_and_fall_back_when_busy(tmp_path):
    store = await Store.open(tmp_path / "peek.sqlite3")
    try:
        assert store._reader is not None  # hot reads skip the trip to aiosqlite's thread
        order = await store.add_order("P-1", "Ann", T0, T0)
        customer = await store.upsert_customer(7, 7, "Ann", "en", T0)
        assert await store.customer_by_user(7) == customer  # written through the writer, read on the loop
        await store.link_order(order.id, customer.id)
        assert (await store.order(order.id)).customer_id == customer.id

        # Another program holds the write lock (a sqlite3 shell in a transaction): reads on the loop go on.
        other = sqlite3.connect(tmp_path / "peek.sqlite3", isolation_level=None)
        other.execute("BEGIN EXCLUSIVE")
        try:
            assert await asyncio.wait_for(store.customer_by_user(7), 0.5) == customer
        finally:
            other.execute("ROLLBACK")
            other.close()
    finally:
        await store.close()
    assert store._reader is None


async def test_a_read_the_loop_cannot_make_goes_through_the_writer(store, monkeypatch):
    customer = await store.upsert_customer(8, 8, "Bo", "en", T0)

    class Busy:
        def execute(self, *args):
            raise sqlite3.OperationalError("database is locked")

        def close(self):
            pass

    monkeypatch.setattr(store, "_reader", Busy())
    assert await store.customer_by_user(8) == customer
