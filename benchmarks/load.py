"""Load: simulated customers answer through the emulator over loopback HTTP; journeypulse vs a bare PTB echo bot.

Example:
    .venv/bin/python benchmarks/load.py --customers 100 --rounds 3

Each mode runs in its own process (emulator and bot in one event loop, as in the tests), so peak
memory is per mode. journeypulse commits every answer to SQLite (WAL) before the next question goes
out; the echo bot stores nothing. Bounded: at most --customers customers and --timeout seconds a run.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from bot.callbacks import Answer, Skip
from bot.local_bot_api import BotAPIEmulator

TOKEN, USERNAME = "123456:LOAD", "journeypulse_load_bot"
ANSWERS = ("search", "6", "5")  # channel, checkout ease, satisfaction; then a text


def _rss_mb() -> float:
    """Resident memory now (not the peak), after a full garbage collection."""
    gc.collect()
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


async def _waves(customers: int, customer) -> tuple[float, float, list[float]]:
    """Run two waves of `customers` concurrent customers; return elapsed, CPU seconds, RSS after each wave."""
    started, cpu, rss = time.perf_counter(), time.process_time(), []
    for wave in range(2):
        await asyncio.gather(*(customer(10_000 + wave * customers + i) for i in range(customers)))
        rss.append(_rss_mb())
    return time.perf_counter() - started, time.process_time() - cpu, rss


THINK = 0.0  # seconds a customer takes to answer (on average); 0 answers at once, the worst case


async def _timed(emu: BotAPIEmulator, user: int, after: int, act, predicate) -> tuple[dict, float]:
    if THINK:
        await asyncio.sleep(THINK * random.uniform(0.5, 1.5))
    started = time.perf_counter()
    act()
    message = await emu.wait_for_bot_message(user, predicate, after=after, timeout=30)
    return message, time.perf_counter() - started


async def run_echo(customers: int) -> dict:
    """A bare python-telegram-bot echo bot: four messages per customer, each echoed."""
    from telegram.ext import Application, MessageHandler, filters

    async def echo(update, context):
        await update.message.reply_text(update.message.text)

    async with BotAPIEmulator(token=TOKEN, username=USERNAME) as emu:
        app = Application.builder().token(TOKEN).base_url(emu.base_url).build()
        app.add_handler(MessageHandler(filters.TEXT, echo))
        await app.initialize()
        await app.updater.start_polling(poll_interval=0, timeout=10)
        await app.start()
        latencies: list[float] = []

        async def customer(user: int) -> None:
            emu.add_user(user, f"C{user}")
            after = 0
            for n in range(4):
                message, seconds = await _timed(emu, user, after, lambda n=n: emu.send_text(user, f"answer {n}"), None)
                after = message["message_id"]
                latencies.append(seconds)
            emu.remove_user(user)  # the emulator's memory must not hide the bot's

        elapsed, cpu, rss = await _waves(customers, customer)
        await app.updater.stop()
        await app.stop()
        await app.shutdown()
    return {"answers": len(latencies), "elapsed": elapsed, "cpu": cpu, "rss": rss, "latencies": latencies}


async def run_three_calls(customers: int, aiohttp: bool = False) -> dict:
    """A bare PTB bot making journeypulse's three calls per button press (answer, edit, ask), storing nothing.

    With `aiohttp`, on journeypulse's HTTP client rather than PTB's httpx one.
    """
    from telegram import InlineKeyboardButton, InlineKeyboardMarkup
    from telegram.ext import Application, CallbackQueryHandler, MessageHandler, filters

    from bot.http import AiohttpRequest

    keyboard = InlineKeyboardMarkup([[InlineKeyboardButton(str(n), callback_data=f"a|{n}") for n in range(1, 8)]])

    async def first(update, context):
        await update.message.reply_text("Question 1", reply_markup=keyboard)

    async def pressed(update, context):
        query = update.callback_query
        await asyncio.gather(
            query.answer("Thanks!"),
            query.edit_message_text(f"Question\n\nYour answer: {query.data}"),
            query.message.chat.send_message("Next question", reply_markup=keyboard),
        )

    async with BotAPIEmulator(token=TOKEN, username=USERNAME) as emu:
        builder = Application.builder().token(TOKEN).base_url(emu.base_url)
        if aiohttp:
            builder = builder.request(AiohttpRequest()).get_updates_request(AiohttpRequest(connection_pool_size=1))
        app = builder.build()
        app.add_handlers([MessageHandler(filters.TEXT, first), CallbackQueryHandler(pressed)])
        await app.initialize()
        await app.updater.start_polling(poll_interval=0, timeout=10)
        await app.start()
        latencies: list[float] = []

        def has_buttons(m: dict) -> bool:
            return bool(emu.buttons(m))

        async def customer(user: int) -> None:
            emu.add_user(user, f"C{user}")
            question, _ = await _timed(emu, user, 0, lambda: emu.send_text(user, "go"), has_buttons)
            for _ in range(4):
                mid = question["message_id"]
                question, seconds = await _timed(
                    emu, user, mid, lambda mid=mid: emu.press_button(user, mid, "a|5"), has_buttons
                )
                latencies.append(seconds)
            emu.remove_user(user)

        elapsed, cpu, rss = await _waves(customers, customer)
        await app.updater.stop()
        await app.stop()
        await app.shutdown()
    return {"answers": len(latencies), "elapsed": elapsed, "cpu": cpu, "rss": rss, "latencies": latencies}


FLOOD = 150  # messages one account sends at the start of each wave in the flood mode


async def run_journeypulse(customers: int, workdir: Path, rate_limit: bool, flood: bool = False) -> dict:
    """journeypulse: each customer opens a deep link and answers the four post-purchase questions.

    With `flood`, one more account sends FLOOD messages at once at the start of each wave; only the
    ordinary customers' latencies are counted.
    """
    from bot.app import run_bot
    from bot.settings import load_settings
    from surveys.definitions import load_surveys
    from surveys.links import make_token
    from surveys.store import Store

    async with BotAPIEmulator(token=TOKEN, username=USERNAME) as emu:
        settings = load_settings(
            telegram_bot_token=TOKEN,
            telegram_api_base_url=emu.base_url,
            telegram_bot_username=USERNAME,
            database_path=workdir / "load.sqlite3",
            deep_link_secret="load-" + "0123456789abcdefghijklmnopqrstuvwxyz",
            quiet_hours="",
            scheduler_interval=5,
            telegram_rate_limit=rate_limit,
        )
        store = await Store.open(settings.database_path)
        tokens = {}
        for i in range(2 * customers):
            order = await store.add_order(f"L-{i}", None, datetime.now(UTC), datetime.now(UTC))
            tokens[10_000 + i] = make_token("load-" + "0123456789abcdefghijklmnopqrstuvwxyz", order.id)
        stop = asyncio.Event()
        bot = asyncio.create_task(run_bot(settings, load_surveys(), stop, store=store))
        latencies: list[float] = []

        def is_question(m: dict) -> bool:
            return any(Answer.parse(d) or Skip.parse(d) for _, d in emu.buttons(m)) or "Thank you!" in m.get("text", "")

        flooder = 9
        if flood:
            emu.add_user(flooder, "Flood")

        async def customer(user: int) -> None:
            if flood and user in (10_000, 10_000 + customers):  # the first customer of a wave starts the flood
                for n in range(FLOOD):
                    emu.send_text(flooder, f"spam {n}")
            emu.add_user(user, f"C{user}")
            question, _ = await _timed(emu, user, 0, lambda: emu.send_text(user, f"/start {tokens[user]}"), is_question)
            for value in ANSWERS:
                data = next(d for _, d in emu.buttons(question) if d.endswith(f"|{value}"))
                mid = question["message_id"]
                question, seconds = await _timed(
                    emu, user, mid, lambda mid=mid, data=data: emu.press_button(user, mid, data), is_question
                )
                latencies.append(seconds)
            _, seconds = await _timed(
                emu, user, question["message_id"], lambda: emu.send_text(user, "Fine, thanks"), is_question
            )
            latencies.append(seconds)
            emu.remove_user(user)

        try:
            elapsed, cpu, rss = await _waves(customers, customer)
            kept = _state_kept()
        finally:
            stop.set()
            await bot
        stored = (await store._all("SELECT count(*) FROM answers"))[0][0]
        await store.close()
    assert stored == len(latencies), f"{stored} stored, {len(latencies)} given"
    return {"answers": len(latencies), "elapsed": elapsed, "cpu": cpu, "rss": rss, "kept": kept, "latencies": latencies}


def _state_kept() -> dict:
    """Per-customer state the running bot holds in memory, found on its live objects."""
    from telegram.ext import Application

    from bot.intake import DurableIntake

    app = next(o for o in gc.get_objects() if isinstance(o, Application))
    intake = next(o for o in gc.get_objects() if isinstance(o, DurableIntake))
    return {
        "user_data": len(app.user_data),
        "chat_data": len(app.chat_data),
        "retry": len(app.bot_data.retry),
        "attempts": len(intake.attempts),
        "pacer_chats": len(app.bot_data.pacer._chats),
    }


def child(mode: str, customers: int) -> None:
    """Run one mode and print its figures as JSON."""
    with tempfile.TemporaryDirectory() as tmp:
        if mode == "echo":
            run = run_echo(customers)
        elif mode in ("ptb-3-calls", "ptb-3-calls-aiohttp"):
            run = run_three_calls(customers, aiohttp=mode == "ptb-3-calls-aiohttp")
        else:
            run = run_journeypulse(
                customers, Path(tmp), mode != "journeypulse-unlimited", flood=mode == "journeypulse-flood"
            )
        result = asyncio.run(run)
    lat = sorted(result.pop("latencies"))
    rss = result.pop("rss")
    result.update(rss_n_mb=rss[0], rss_2n_mb=rss[1])
    result.update(
        p50_ms=1000 * statistics.median(lat),
        p99_ms=1000 * lat[min(len(lat) - 1, int(0.99 * len(lat)))],
        per_second=result["answers"] / result["elapsed"],
        cpu_ms=1000 * result["cpu"] / result["answers"],
        peak_rss_mb=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    )
    print(json.dumps(result))


def main() -> None:
    """Run both modes side by side, several rounds, and print medians and the ratio."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--customers", type=int, default=100)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--timeout", type=float, default=300)
    parser.add_argument("--think", type=float, default=0.0, help="seconds a customer takes to answer, on average")
    parser.add_argument(
        "--child",
        choices=(
            "echo",
            "ptb-3-calls",
            "ptb-3-calls-aiohttp",
            "journeypulse",
            "journeypulse-unlimited",
            "journeypulse-flood",
        ),
        help=argparse.SUPPRESS,
    )
    args = parser.parse_args()
    if args.child:
        global THINK
        THINK = args.think
        child(args.child, args.customers)
        return
    # journeypulse keeps Telegram's ~30 messages/s overall limit; "unlimited" shows the bot's own cost.
    # "ptb-3-calls" makes journeypulse's three Bot API calls per answer with no storage and no logic;
    # "ptb-3-calls-aiohttp" the same on journeypulse's HTTP client (bot/http.py) instead of PTB's httpx.
    # "flood": as journeypulse, while one account sends FLOOD messages at once per wave (customers' figures only).
    results: dict[str, list[dict]] = {
        "echo": [],
        "ptb-3-calls": [],
        "ptb-3-calls-aiohttp": [],
        "journeypulse-unlimited": [],
        "journeypulse": [],
        "journeypulse-flood": [],
    }
    for _ in range(args.rounds):
        for mode in results:  # alternate, so drift on a noisy machine hits both
            out = subprocess.run(
                [
                    sys.executable,
                    __file__,
                    "--child",
                    mode,
                    "--customers",
                    str(args.customers),
                    "--think",
                    str(args.think),
                ],
                capture_output=True,
                text=True,
                timeout=args.timeout,
                check=True,
            )
            results[mode].append(json.loads(out.stdout.strip().splitlines()[-1]))
    n = args.customers
    pace = f"answering after {args.think:g} s on average" if args.think else "answering at once"
    print(
        f"{n} concurrent customers {pace}, 4 answers each, two waves ({2 * n} customers), {args.rounds} rounds (medians)"
    )
    print(f"{'bot':<24}{'answers/s':>10}{'p50 ms':>9}{'p99 ms':>9}{'CPU ms/ans':>11}{'RSS@N MB':>10}{'RSS@2N MB':>10}")
    keys = ("per_second", "p50_ms", "p99_ms", "cpu_ms", "rss_n_mb", "rss_2n_mb")
    med = {m: {k: statistics.median(r[k] for r in rs) for k in keys} for m, rs in results.items()}
    for mode, f in med.items():
        print(
            f"{mode:<24}{f['per_second']:>10.0f}{f['p50_ms']:>9.1f}{f['p99_ms']:>9.1f}{f['cpu_ms']:>11.2f}"
            f"{f['rss_n_mb']:>10.1f}{f['rss_2n_mb']:>10.1f}"
        )
    print(f"state kept in memory after {2 * n} customers: {results['journeypulse-unlimited'][-1]['kept']}")
    ratio = med["journeypulse-unlimited"]["per_second"] / med["echo"]["per_second"]
    print(f"throughput ratio journeypulse (no rate limiter) / echo: {ratio:.2f}")
    same_calls = med["journeypulse-unlimited"]["per_second"] / med["ptb-3-calls"]["per_second"]
    print(f"throughput ratio journeypulse (no rate limiter) / bare PTB making the same three calls: {same_calls:.2f}")
    same_client = med["journeypulse-unlimited"]["per_second"] / med["ptb-3-calls-aiohttp"]["per_second"]
    print(f"... / the same bare bot on journeypulse's HTTP client: {same_client:.2f}")


if __name__ == "__main__":
    main()
