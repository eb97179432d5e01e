"""Erasure: how long /forget and the retention job take on a full inbox, and what a raw update costs on disk.

Example:
    .venv/bin/python benchmarks/erasure.py --updates 20000

Fills a fresh database with `--updates` handled raw updates from 1,000 people (text messages as PTB
serialises them, some of them 4,096-character Chinese texts), then times /forget of one person (every
update is searched for their ids: json_tree over the whole inbox, then a TRUNCATE checkpoint), and the
retention job deleting them all. Bounded by --updates.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from surveys.store import Store

T0 = datetime(2026, 11, 18, 12, 0, tzinfo=UTC)


SUPPORT = -1001234567890


def payload(update_id: int, user: int, text: str, chat_id: int | None = None) -> str:
    """A text message as PTB's Update.to_dict() gives it, private unless `chat_id` names a group."""
    person = {"id": user, "is_bot": False, "first_name": f"User{user}", "language_code": "en"}
    chat = {"id": chat_id or user, "type": "supergroup" if chat_id else "private", "first_name": f"User{user}"}
    message = {"message_id": update_id, "date": 1763467200, "chat": chat, "from": person, "text": text}
    return json.dumps({"update_id": update_id, "message": message}, ensure_ascii=False)  # as intake stores it


async def run(updates: int) -> None:
    """Fill, forget one person, prune everything; print the figures."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.sqlite3"
        store = await Store.open(path)
        long_zh = ("包裹到得很晚，盒子也压坏了。" * 300)[:4096]
        # One update in ten is staff talking in the support chat.
        batch = [
            (
                n,
                payload(
                    n,
                    10_000 + n % 1000,
                    long_zh if n % 100 == 0 else f"answer number {n}",
                    SUPPORT if n % 10 == 5 else None,
                ),
            )
            for n in range(1, updates + 1)
        ]
        for start in range(0, len(batch), 500):
            await store.save_updates(batch[start : start + 500], T0)
        await store._write("UPDATE inbox SET processed_at = ?", ("2026-11-18T12:00:00.000000Z",))
        await store.scrub()
        zh_bytes = len(payload(100, 10_100, long_zh).encode())
        size = path.stat().st_size
        # The person has a complaint whose card sits in the support chat: staff replies to it are searched too.
        order = await store.add_order("B-1", None, T0, T0)
        customer = await store.upsert_customer(10_042, 10_042, "User10042", "en", T0)
        await store.link_order(order.id, customer.id)
        invitation = await store.ensure_invitation(order.id, "post_purchase", T0, T0)
        complaint, _ = await store.flag_answers(invitation.id, customer.id, [], T0)
        await store.set_card(complaint.id, SUPPORT, 15, None)
        started = time.perf_counter()
        assert await store.forget_customer(customer.id, 10_042, T0)
        forget_s = time.perf_counter() - started
        left = (await store._one("SELECT count(*) FROM inbox"))[0]
        started = time.perf_counter()
        pruned = await store.prune_updates(T0 + timedelta(days=4))
        prune_s = time.perf_counter() - started
        await store.close()
    print(f"inbox: {updates} handled updates from 1,000 people, {size / 2**20:.1f} MiB database")
    print(f"one 4,096-character Chinese message as stored: {zh_bytes / 1024:.1f} KiB")
    print(f"/forget of one person: {forget_s * 1000:.0f} ms ({updates - left} updates erased, checkpoint included)")
    print(f"retention job: {pruned} updates deleted in {prune_s * 1000:.0f} ms")


def main() -> None:
    """Parse arguments and run."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--updates", type=int, default=20_000, help="handled raw updates in the inbox")
    asyncio.run(run(max(1, min(parser.parse_args().updates, 500_000))))


if __name__ == "__main__":
    main()
