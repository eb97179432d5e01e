"""SIGKILL the bot process at random moments while customers answer: nothing lost, nothing doubled."""

from __future__ import annotations

import asyncio
import os
import random
import signal
import sqlite3
import sys
from datetime import UTC, datetime

import pytest

from bot.callbacks import Answer, Skip
from surveys.links import make_token
from surveys.store import Store
from tests.helpers import SECRET, TOKEN, USERNAME, free_port, wait_until_serving

CUSTOMERS = 24
PLAN = {"channel": "search", "checkout_ease": "6", "purchase_csat": "2"}


def bot_env(emu, database) -> dict:
    env = dict(os.environ)
    env.update(
        TELEGRAM_BOT_TOKEN=TOKEN,
        TELEGRAM_API_BASE_URL=emu.base_url,
        TELEGRAM_BOT_USERNAME=USERNAME,
        DATABASE_PATH=str(database),
        DEEP_LINK_SECRET=SECRET,
        QUIET_HOURS="",
        SCHEDULER_INTERVAL="0.5",
        FIRST_WEEK_DELAY="3600",
        LOG_LEVEL="WARNING",
    )
    return env


async def start_bot(env, log):
    with open(log, "a") as stderr:
        return await asyncio.create_subprocess_exec(
            sys.executable,
            "-c",
            "from bot.cli import main; main(['run'])",
            env=env,
            stdout=asyncio.subprocess.DEVNULL,
            stderr=stderr,
        )


async def answer_post_purchase(emu, user: int) -> None:
    """Answer every question as it comes (again if it is asked again), until the thank-you."""
    last = 0
    while True:
        message = await emu.wait_for_bot_message(
            user,
            lambda m: (
                "Thank you!" in m.get("text", "") or any(Answer.parse(d) or Skip.parse(d) for _, d in emu.buttons(m))
            ),
            after=last,
            timeout=60,
        )
        last = message["message_id"]
        if "Thank you!" in message.get("text", ""):
            return
        data = emu.buttons(message)[0][1]
        shown = Answer.parse(data) or Skip.parse(data)
        assert shown is not None
        if shown.question_id in PLAN:
            answer = Answer(shown.invitation_id, shown.question_id, PLAN[shown.question_id])
            emu.press_button(user, last, answer.build())
        else:
            emu.send_text(user, f"Broken box, customer {user}")


@pytest.mark.parametrize("mode", ["polling", "webhook"])
async def test_sigkill_at_random_moments_loses_and_doubles_nothing(emulator, tmp_path, mode):
    database = tmp_path / "crash.sqlite3"
    store = await Store.open(database)
    tokens = {}
    for n in range(CUSTOMERS):
        user = 9000 + n
        emulator.add_user(user, f"C{n}")
        order = await store.add_order(f"K-{n}", None, datetime.now(UTC), datetime.now(UTC))
        tokens[user] = make_token(SECRET, order.id)
    await store.close()

    env = bot_env(emulator, database)
    if mode == "webhook":  # Telegram pushes; an update is answered 200 only once it is in the inbox
        port = free_port()
        env.update(
            HTTP_PORT=str(port), WEBHOOK_URL=f"http://127.0.0.1:{port}/tg/hook", WEBHOOK_SECRET="hook-secret-0123456789"
        )
    log = tmp_path / "bot.log"
    proc = await start_bot(env, log)
    if mode == "webhook":
        await wait_until_serving(f"http://127.0.0.1:{port}/healthz", timeout=60)
    rng = random.Random(int(os.environ.get("CRASH_SEED", "20261124")))
    kills = 0

    async def killer():
        nonlocal proc, kills
        for _ in range(4):
            await asyncio.sleep(rng.uniform(0.4, 1.6))
            proc.send_signal(signal.SIGKILL)
            await proc.wait()
            kills += 1
            proc = await start_bot(env, log)

    for user, token in tokens.items():
        emulator.send_text(user, f"/start {token}")
    chaos = asyncio.create_task(killer())
    try:
        await asyncio.wait_for(asyncio.gather(*(answer_post_purchase(emulator, u) for u in tokens)), 90)
        await chaos
    except BaseException:
        print(log.read_text()[-5000:])
        raise
    finally:
        chaos.cancel()
        if proc.returncode is None:
            proc.send_signal(signal.SIGTERM)
            await asyncio.wait_for(proc.wait(), 15)
    assert kills == 4
    assert (emulator.calls["getUpdates"] == 0) == (mode == "webhook")
    conn = sqlite3.connect(database)
    rows = conn.execute(
        "SELECT o.order_ref, a.question_id, coalesce(CAST(CAST(a.value_number AS INT) AS TEXT), a.value_text)"
        " FROM answers a JOIN invitations i ON i.id = a.invitation_id JOIN orders o ON o.id = i.order_id"
    ).fetchall()
    conn.close()
    assert len(rows) == CUSTOMERS * 4, "every customer's four answers stored exactly once"
    for n in range(CUSTOMERS):
        mine = {q: v for ref, q, v in rows if ref == f"K-{n}"}
        assert mine == {**PLAN, "what_went_wrong": f"Broken box, customer {9000 + n}"}
