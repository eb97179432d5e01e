"""HTTP: orders/s through the API (single and batch), Shopify webhook registration latency, and answers/s in
Telegram webhook mode against polling, measured in one run over loopback against the emulator.

Example:
    .venv/bin/python benchmarks/http_api.py --orders 2000 --customers 60 --rounds 2

The bot, the emulator and the clients share one process and event loop (as in the tests), so figures are
for the whole system on this machine. Every order and every update is committed to SQLite before its answer.
Bounded: --orders orders, --customers customers per mode and round, --timeout seconds per phase.
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import hashlib
import hmac
import json
import socket
import statistics
import tempfile
import time
from pathlib import Path

import aiohttp

from bot.app import run_bot
from bot.callbacks import Answer, Skip
from bot.local_bot_api import BotAPIEmulator
from bot.settings import load_settings
from surveys.definitions import load_surveys

TOKEN, USERNAME = "123456:HTTPBENCH", "journeypulse_http_bot"
SECRET = "bench-secret-0123456789-abcdefghijkl"
KEY = "bench-key-0123456789-abcdef"
SHOPIFY = "bench-shopify-0123456789"
HOOK_SECRET = "bench-hook-0123456789"


def _port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _settings(emu: BotAPIEmulator, folder: Path, port: int, webhook: bool):
    extra = {"webhook_url": f"http://127.0.0.1:{port}/tg/hook", "webhook_secret": HOOK_SECRET} if webhook else {}
    return load_settings(
        telegram_bot_token=TOKEN,
        telegram_api_base_url=emu.base_url,
        telegram_bot_username=USERNAME,
        database_path=folder / "bench.sqlite3",
        deep_link_secret=SECRET,
        quiet_hours="",
        first_week_delay=3600,
        scheduler_interval=5,
        telegram_rate_limit=False,
        log_level="WARNING",
        http_port=port,
        api_keys=KEY,
        shopify_webhook_secret=SHOPIFY,
        **extra,
    )


class Bot:
    """journeypulse running in this process with its HTTP server, until the block ends."""

    def __init__(self, emu: BotAPIEmulator, folder: Path, webhook: bool):
        self.port = _port()
        self.settings = _settings(emu, folder, self.port, webhook)
        self.base = f"http://127.0.0.1:{self.port}"
        self._stop = asyncio.Event()

    async def __aenter__(self) -> Bot:
        self._task = asyncio.create_task(run_bot(self.settings, load_surveys(), self._stop))
        async with aiohttp.ClientSession() as session:
            for _ in range(600):
                try:
                    async with session.get(f"{self.base}/healthz"):
                        return self
                except aiohttp.ClientConnectionError:
                    await asyncio.sleep(0.05)
        raise RuntimeError("the bot's HTTP server did not come up")

    async def __aexit__(self, *exc: object) -> None:
        self._stop.set()
        await asyncio.wait_for(self._task, 30)


def _summary(latencies: list[float]) -> str:
    ordered = sorted(latencies)
    p99 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]
    return f"p50 {statistics.median(ordered) * 1000:.1f} ms, p99 {p99 * 1000:.1f} ms"


async def bench_orders(bot: Bot, count: int, concurrency: int) -> None:
    """POST /api/orders one by one from `concurrency` clients, then the same count in batches of 500."""
    headers = {"Authorization": f"Bearer {KEY}"}
    latencies: list[float] = []
    queue = iter(range(count))
    async with aiohttp.ClientSession(bot.base, headers=headers) as session:

        async def client() -> None:
            for n in queue:
                started = time.perf_counter()
                async with session.post("/api/orders", json={"order_id": f"API-{n}", "customer": "Ann"}) as response:
                    assert response.status == 200, await response.text()
                latencies.append(time.perf_counter() - started)

        started = time.perf_counter()
        await asyncio.gather(*(client() for _ in range(concurrency)))
        elapsed = time.perf_counter() - started
        print(
            f"  POST /api/orders: {count / elapsed:.0f} orders/s ({count} orders, {concurrency} clients), {_summary(latencies)}"
        )

        started = time.perf_counter()
        for first in range(0, count, 500):
            body = {"orders": [{"order_id": f"BATCH-{n}"} for n in range(first, min(first + 500, count))]}
            async with session.post("/api/orders/batch", json=body) as response:
                assert response.status == 200, await response.text()
        elapsed = time.perf_counter() - started
        print(f"  POST /api/orders/batch (500 a batch): {count / elapsed:.0f} orders/s")

        latencies.clear()
        for n in range(min(count, 500)):
            payload = json.dumps({"name": f"#S{n}", "created_at": "2026-11-20T09:00:00-05:00"}).encode()
            signature = base64.b64encode(hmac.new(SHOPIFY.encode(), payload, hashlib.sha256).digest()).decode()
            started = time.perf_counter()
            async with session.post(
                "/webhooks/shopify",
                data=payload,
                headers={
                    "X-Shopify-Hmac-SHA256": signature,
                    "X-Shopify-Webhook-Id": f"d-{n}",
                    "X-Shopify-Topic": "orders/paid",
                },
            ) as response:
                assert response.status == 200 and (await response.json())["result"] == "registered"
            latencies.append(time.perf_counter() - started)
        print(
            f"  Shopify orders/paid delivery to registered order: {_summary(latencies)} ({len(latencies)} deliveries)"
        )


async def _customer(emu: BotAPIEmulator, user: int, link: str) -> None:
    """Open the link and answer the post-purchase survey: three buttons and a text."""
    emu.add_user(user, "Bench")
    emu.send_text(user, f"/start {link.split('start=')[1]}")
    last = 0
    for value in ("search", "6", "5"):
        question = await emu.wait_for_bot_message(user, lambda m: bool(emu.buttons(m)), after=last, timeout=60)
        data = next(d for _, d in emu.buttons(question) if (a := Answer.parse(d)) and a.value == value)
        emu.press_button(user, question["message_id"], data)
        last = question["message_id"]
    question = await emu.wait_for_bot_message(
        user, lambda m: any(Skip.parse(d) for _, d in emu.buttons(m)), after=last, timeout=60
    )
    emu.send_text(user, "All fine, thanks")
    await emu.wait_for_bot_message(
        user, lambda m: "Thank you!" in m.get("text", ""), after=question["message_id"], timeout=60
    )


async def bench_answers(emu: BotAPIEmulator, folder: Path, webhook: bool, customers: int, first_user: int) -> float:
    """Answers per second with `customers` customers answering at once; the bot polls or takes a webhook."""
    async with Bot(emu, folder, webhook) as bot:
        async with aiohttp.ClientSession(bot.base, headers={"Authorization": f"Bearer {KEY}"}) as session:
            body = {"orders": [{"order_id": f"U-{first_user + n}"} for n in range(customers)]}
            async with session.post("/api/orders/batch", json=body) as response:
                links = [order["link"] for order in (await response.json())["orders"]]
        started = time.perf_counter()
        await asyncio.gather(*(_customer(emu, first_user + n, link) for n, link in enumerate(links)))
        elapsed = time.perf_counter() - started
        assert (emu.webhook_url is not None) == webhook
    return customers * 4 / elapsed


async def main(args: argparse.Namespace) -> None:
    async with BotAPIEmulator(token=TOKEN, username=USERNAME) as emu:
        with tempfile.TemporaryDirectory() as folder:
            print("Orders through the HTTP API")
            async with Bot(emu, Path(folder) / "orders", webhook=False) as bot:
                await asyncio.wait_for(bench_orders(bot, args.orders, args.concurrency), args.timeout)
            print(f"Answers/s, {args.customers} customers at once, four answers each (polling and webhook alternate)")
            figures: dict[str, list[float]] = {"polling": [], "webhook": []}
            user = 100_000
            for round_ in range(args.rounds):
                for mode in ("polling", "webhook"):
                    rate = await asyncio.wait_for(
                        bench_answers(emu, Path(folder) / f"{mode}{round_}", mode == "webhook", args.customers, user),
                        args.timeout,
                    )
                    user += args.customers
                    figures[mode].append(rate)
                    print(f"  round {round_ + 1} {mode}: {rate:.0f} answers/s")
            for mode, rates in figures.items():
                print(f"  {mode}: median {statistics.median(rates):.0f} answers/s over {len(rates)} rounds")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--orders", type=int, default=2000, help="orders to register (default 2000)")
    parser.add_argument("--concurrency", type=int, default=16, help="API clients at once (default 16)")
    parser.add_argument("--customers", type=int, default=60, help="customers per mode and round (default 60)")
    parser.add_argument("--rounds", type=int, default=2, help="rounds of polling then webhook (default 2)")
    parser.add_argument("--timeout", type=float, default=300, help="seconds each phase may take (default 300)")
    asyncio.run(main(parser.parse_args()))
