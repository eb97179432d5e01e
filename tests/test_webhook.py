"""Telegram webhook mode end to end: the emulator pushes updates as Telegram does, the bot stores them before its 200.

A SIGKILL in webhook mode is tested with polling's in tests/test_crash.py."""

from __future__ import annotations

import asyncio

import aiohttp
from aiohttp import web
from telegram import Update

from tests.helpers import TOKEN, Harness, free_port, make_settings

HOOK_SECRET = "hook-secret-0123456789_abc"


async def bot_api(emu, method: str, **params) -> tuple[int, dict]:
    async with aiohttp.ClientSession() as session:
        async with session.post(f"{emu.base_url}{TOKEN}/{method}", json=params) as response:
            return response.status, await response.json()


async def wait_for(condition, timeout: float = 15.0) -> None:
    deadline = asyncio.get_running_loop().time() + timeout
    while not condition():
        assert asyncio.get_running_loop().time() < deadline, "condition not met in time"
        await asyncio.sleep(0.02)


async def test_the_emulator_pushes_one_update_at_a_time_retrying_until_a_2xx(emulator):
    received, answers = [], [500, 200, 200]
    in_flight = 0

    async def hook(request: web.Request) -> web.Response:
        nonlocal in_flight
        in_flight += 1
        assert in_flight == 1, "one delivery at a time"
        await asyncio.sleep(0.01)
        received.append((request.headers.get("X-Telegram-Bot-Api-Secret-Token"), (await request.json())["update_id"]))
        in_flight -= 1
        return web.json_response({}, status=answers.pop(0) if answers else 200)

    app = web.Application()
    app.router.add_post("/hook", hook)
    runner = web.AppRunner(app)
    await runner.setup()
    port = free_port()
    await web.TCPSite(runner, "127.0.0.1", port).start()
    try:
        emulator.add_user(11, "Ann")
        status, answer = await bot_api(
            emulator, "setWebhook", url=f"http://127.0.0.1:{port}/hook", secret_token="bad token!"
        )
        assert status == 400 and "unallowed characters" in answer["description"]
        status, _ = await bot_api(emulator, "setWebhook", url=f"http://127.0.0.1:{port}/hook", secret_token="s3cret")
        assert status == 200
        first, second = emulator.send_text(11, "one"), emulator.send_text(11, "two")
        await wait_for(lambda: emulator.pending_updates == 0)
        assert received == [("s3cret", first["update_id"])] * 2 + [("s3cret", second["update_id"])]
        assert emulator.webhook_failures == 1 and emulator.webhook_deliveries == 2
        status, info = await bot_api(emulator, "getWebhookInfo")
        assert info["result"]["url"].endswith("/hook") and "500" in info["result"]["last_error_message"]
        status, answer = await bot_api(emulator, "getUpdates")
        assert status == 409 and "webhook is active" in answer["description"]
        assert (await bot_api(emulator, "deleteWebhook"))[0] == 200
        emulator.send_text(11, "three")
        status, answer = await bot_api(emulator, "getUpdates")
        assert status == 200 and [u["message"]["text"] for u in answer["result"]] == ["three"]
        assert len(received) == 3, "no pushes after deleteWebhook"
    finally:
        await runner.cleanup()


async def test_customers_survey_through_webhook_mode_and_strangers_are_refused(emulator, tmp_path, surveys):
    port = free_port()
    hook = f"http://127.0.0.1:{port}/tg/hook"
    settings = make_settings(tmp_path, emulator.base_url, http_port=port, webhook_url=hook, webhook_secret=HOOK_SECRET)
    harness = Harness(emulator, settings, surveys)
    await harness.start()
    try:
        await wait_for(lambda: emulator.webhook_url == hook)
        _, info = await bot_api(emulator, "getWebhookInfo")
        assert info["result"]["allowed_updates"] == sorted(Update.ALL_TYPES), "the same updates as polling asks for"
        assert info["result"]["max_connections"] == 1
        emulator.add_user(801, "Ann")
        emulator.send_text(801, f"/start {await harness.order_token('W-1')}")
        last = 0
        for value in ("friend", "6", "4", "skip"):
            q = await harness.question(801, after=last, timeout=15)
            await harness.press(801, q, value)
            last = q["message_id"]
        await harness.next_message(801, after=last, timeout=15, predicate=lambda m: "Thank you!" in m.get("text", ""))
        assert await harness.rows("SELECT question_id FROM answers ORDER BY id") == [
            ("channel",),
            ("checkout_ease",),
            ("purchase_csat",),
            ("improve",),
        ]
        assert emulator.calls["getUpdates"] == 0 and emulator.webhook_deliveries == 5
        inbox = await harness.rows("SELECT count(*) FROM inbox")
        fake = {
            "update_id": 999_999,
            "message": {"message_id": 1, "date": 0, "chat": {"id": 801, "type": "private"}, "text": "/stop"},
        }
        async with aiohttp.ClientSession() as session:
            for headers in ({}, {"X-Telegram-Bot-Api-Secret-Token": HOOK_SECRET[:-1]}):
                async with session.post(hook, json=fake, headers=headers) as response:
                    assert response.status == 401 and "Secret-Token" in (await response.json())["error"]
        assert await harness.rows("SELECT count(*) FROM inbox") == inbox, "a refused request stores nothing"
    finally:
        await harness.stop()
    assert emulator.webhook_url == hook, "a stop keeps the webhook: Telegram queues updates until the bot is back"

    polling = Harness(emulator, make_settings(tmp_path, emulator.base_url), surveys)
    await polling.start()
    try:
        seen = max(m["message_id"] for m in emulator.bot_messages(801))
        emulator.send_text(801, "/help")
        await polling.next_message(801, after=seen, timeout=15)
        assert emulator.webhook_url is None and emulator.calls["deleteWebhook"] >= 1
    finally:
        await polling.stop()


async def test_a_webhook_url_telegram_refuses_stops_start_up_with_one_line(emulator, tmp_path, surveys):
    import pytest

    from bot.app import run_bot
    from bot.settings import SettingsError

    port = free_port()
    settings = make_settings(tmp_path, emulator.base_url, http_port=port, webhook_secret=HOOK_SECRET)
    settings = settings.model_copy(update={"webhook_url": "ftp://127.0.0.1/tg/hook"})  # passes no validation here
    with pytest.raises(SettingsError, match="WEBHOOK_URL was refused by Telegram: Bad webhook: an https url"):
        await asyncio.wait_for(run_bot(settings, surveys, asyncio.Event()), 30)
    assert emulator.webhook_url is None
