"""The HTTP server of `journeypulse run` over real HTTP: orders API, shop webhooks, shop-signed links, health, metrics."""

from __future__ import annotations

import asyncio
import base64
import hashlib
import hmac
import json
from datetime import UTC, datetime, timedelta

import aiohttp
import pytest
from prometheus_client.parser import text_string_to_metric_families

from bot.web import assess
from surveys.orders import MAX_BATCH, relink_order
from surveys.shops import link_signature
from surveys.store import Vitals
from tests.helpers import SECRET, Harness, free_port, make_settings, wait_until_serving

KEY = "key-0123456789-abcdef"
SHOPIFY = "shopify-secret-0123456789"
WOO = "woo-secret-0123456789"
LINKS = "links-secret-0123456789"


@pytest.fixture
async def served(emulator, tmp_path, surveys):
    """The bot on the emulator with its HTTP server, and a client session pointed at it."""
    port = free_port()
    settings = make_settings(
        tmp_path,
        emulator.base_url,
        http_port=port,
        api_keys=f"other-key-0123456789,{KEY}",
        shopify_webhook_secret=SHOPIFY,
        woocommerce_webhook_secret=WOO,
        shop_link_secret=LINKS,
        first_week_delay=1.5,
        health_stall_after=1.0,
    )
    harness = Harness(emulator, settings, surveys)
    await harness.start()
    base = f"http://127.0.0.1:{port}"
    await wait_until_serving(f"{base}/healthz")
    async with aiohttp.ClientSession(base) as session:
        harness.http = session
        yield harness
    await harness.stop()


def bearer(key: str = KEY) -> dict[str, str]:
    return {"Authorization": f"Bearer {key}"}


def signed(secret: str, body: bytes) -> str:
    return base64.b64encode(hmac.new(secret.encode(), body, hashlib.sha256).digest()).decode()


async def call(session: aiohttp.ClientSession, method: str, path: str, **kwargs) -> tuple[int, dict]:
    async with session.request(method, path, **kwargs) as response:
        assert response.content_type == "application/json", await response.text()
        return response.status, await response.json()


async def order_count(harness: Harness) -> int:
    return (await harness.rows("SELECT count(*) FROM orders"))[0][0]


async def answer_both_surveys(harness: Harness, user: int, token: str) -> None:
    """Open the link and answer the post-purchase survey, then the first-week one when it comes."""
    emu = harness.emu
    emu.send_text(user, f"/start {token}")
    last = 0
    for value in ("search", "7", "5", "skip"):
        q = await harness.question(user, after=last, timeout=15)
        await harness.press(user, q, value)
        last = q["message_id"]
    await harness.next_message(user, after=last, timeout=15, predicate=lambda m: "Thank you!" in m.get("text", ""))
    intro = await harness.next_message(user, after=last, timeout=20, predicate=lambda m: "again" in m.get("text", ""))
    q = await harness.question(user, after=intro["message_id"], timeout=15)
    for value in ("4", "5", "not_needed", "9"):
        await harness.press(user, q, value)
        q = await harness.question(user, after=q["message_id"], timeout=15)
    emu.send_text(user, "All good, thanks!")
    await harness.next_message(
        user, after=q["message_id"], timeout=15, predicate=lambda m: "Thank you for your time" in m.get("text", "")
    )


async def test_an_order_from_the_api_opens_both_surveys_for_its_customer(served):
    body = {"order_id": "A-1001", "customer": "Ann", "purchased_at": "2026-11-20T14:00:00+01:00"}
    status, first = await call(served.http, "POST", "/api/orders", json=body, headers=bearer())
    assert status == 200 and first["order_id"] == "A-1001"
    assert first["link"].startswith("https://t.me/journeypulse_test_bot?start=")
    status, again = await call(served.http, "POST", "/api/orders", json={"order_id": "A-1001"}, headers=bearer())
    assert (status, again) == (200, first), "the same order answers the same link"
    assert await served.rows("SELECT order_ref, customer_name, purchased_at FROM orders") == [
        ("A-1001", "Ann", "2026-11-20T13:00:00.000000Z")
    ]
    served.emu.add_user(701, "Ann")
    await answer_both_surveys(served, 701, first["link"].split("start=")[1])
    counts = await served.rows(
        "SELECT i.survey, count(*) FROM answers a JOIN invitations i ON i.id = a.invitation_id GROUP BY 1 ORDER BY 1"
    )
    assert counts == [("first_week", 5), ("post_purchase", 4)]


async def test_the_orders_api_refuses_callers_without_a_valid_key(served):
    for headers in ({}, bearer("wrong-key-0123456789"), {"Authorization": f"Basic {KEY}"}, bearer(KEY[:-1])):
        async with served.http.post("/api/orders", json={"order_id": "X-1"}, headers=headers) as response:
            assert response.status == 401 and response.headers["WWW-Authenticate"] == "Bearer"
            assert "API key" in (await response.json())["error"]
    status, _ = await call(
        served.http, "POST", "/api/orders", json={"order_id": "X-1"}, headers=bearer("other-key-0123456789")
    )
    assert status == 200, "every key of API_KEYS is accepted"
    assert await order_count(served) == 1


async def test_bad_requests_get_a_clear_4xx_and_change_nothing(served):
    _, created = await call(
        served.http, "POST", "/api/orders", json={"order_id": "B-1", "customer": "Bo"}, headers=bearer()
    )
    cases = [
        (b'{"order_id": "B-2",', 400, "malformed JSON"),
        (b'["B-2"]', 422, "JSON object"),
        (b'{"customer": "Cy"}', 422, "order_id is required"),
        (b'{"order_id": "   "}', 422, "1-200 characters"),
        (b'{"order_id": "B-2", "purchased_at": "next tuesday"}', 422, "ISO-8601"),
        (b'{"order_id": "B-2", "custmer": "Cy"}', 422, "unknown field 'custmer'"),
        (b'{"order_id": "B-1", "customer": "Cy"}', 409, "another customer name"),
        (json.dumps({"order_id": "B-2", "customer": "x" * 2_000_000}).encode(), 413, "too large"),
    ]
    for body, expected, words in cases:
        status, answer = await call(served.http, "POST", "/api/orders", data=body, headers=bearer())
        assert status == expected and words in answer["error"], (body[:60], status, answer)
    assert await served.rows("SELECT order_ref, customer_name FROM orders") == [("B-1", "Bo")]
    status, answer = await call(served.http, "GET", "/api/orders", headers=bearer())
    assert status == 405 and answer["error"]
    status, answer = await call(served.http, "GET", "/nowhere")
    assert status == 404 and answer["error"]
    _, same = await call(
        served.http, "POST", "/api/orders", json={"order_id": "B-1", "customer": "Bo"}, headers=bearer()
    )
    assert same == created


async def test_a_batch_registers_every_order_or_none(served):
    status, answer = await call(
        served.http,
        "POST",
        "/api/orders/batch",
        headers=bearer(),
        json={"orders": [{"order_id": "C-1", "customer": "Cy"}, {"order_id": "C-2"}, {"order_id": 3}]},
    )
    assert status == 200 and [o["order_id"] for o in answer["orders"]] == ["C-1", "C-2", "3"]
    assert len({o["link"] for o in answer["orders"]}) == 3
    refused = [
        ({"orders": [{"order_id": "C-4"}, {"order_id": ""}]}, 422, "orders[1]"),
        ({"orders": [{"order_id": "C-5"}, {"order_id": "C-1", "customer": "Dee"}]}, 409, "orders[1]: order C-1"),
        ({"orders": [{"order_id": "C-6", "customer": "A"}, {"order_id": "C-6", "customer": "B"}]}, 409, "twice"),
        ({"orders": [{"order_id": f"D-{n}"} for n in range(MAX_BATCH + 1)]}, 422, f"at most {MAX_BATCH}"),
        ({"orders": []}, 422, "at least one"),
    ]
    for body, expected, words in refused:
        status, answer = await call(served.http, "POST", "/api/orders/batch", json=body, headers=bearer())
        assert status == expected and words in answer["error"], (status, answer)
    assert await order_count(served) == 3, "a refused batch registers none of its orders"


SHOPIFY_ORDER = {
    "id": 820982911946154508,
    "name": "#1001",
    "order_number": 1001,
    "created_at": "2026-11-20T09:00:00-05:00",
    "customer": {"first_name": "Dana", "last_name": "Lee"},
    "line_items": [{"title": "Mug", "quantity": 1}],
}


async def shopify(served, body: bytes, *, signature: str | None = None, delivery="d-1", topic="orders/paid"):
    headers = {
        "X-Shopify-Hmac-SHA256": signature if signature is not None else signed(SHOPIFY, body),
        "X-Shopify-Webhook-Id": delivery,
        "X-Shopify-Topic": topic,
        "Content-Type": "application/json",
    }
    return await call(served.http, "POST", "/webhooks/shopify", data=body, headers=headers)


async def test_shopify_deliveries_register_once_and_bad_signatures_change_nothing(served):
    body = json.dumps(SHOPIFY_ORDER).encode()
    status, answer = await shopify(served, body, signature=signed("not-the-secret", body))
    assert status == 401 and "X-Shopify-Hmac-SHA256" in answer["error"]
    status, answer = await shopify(served, body + b" ", signature=signed(SHOPIFY, body))  # body changed after signing
    assert status == 401
    assert await order_count(served) == 0

    status, answer = await shopify(served, body)
    assert status == 200 and answer["result"] == "registered" and answer["order_id"] == "#1001"
    assert await served.rows("SELECT order_ref, customer_name, purchased_at FROM orders") == [
        ("#1001", "Dana", "2026-11-20T14:00:00.000000Z")
    ]
    assert (await shopify(served, body))[1] == {"result": "repeat"}
    assert await served.rows("SELECT platform, delivery_id FROM shop_deliveries") == [("shopify", "d-1")]
    assert (await shopify(served, body, delivery="d-2", topic="orders/fulfilled"))[1]["result"] == "ignored"
    # orders/create then orders/paid of one order: one order, the link the API gives for it too.
    status, paid = await shopify(served, body, delivery="d-3", topic="orders/create")
    _, api = await call(served.http, "POST", "/api/orders", json={"order_id": "#1001"}, headers=bearer())
    assert paid["link"] == api["link"] and await order_count(served) == 1
    renamed = json.dumps({**SHOPIFY_ORDER, "customer": {"first_name": "Zed"}}).encode()
    status, answer = await shopify(served, renamed, delivery="d-5")
    # Acknowledged (a retry cannot help, and failures make Shopify drop the webhook) but refused, as the CLI refuses.
    assert status == 200 and answer["result"] == "conflict" and "another customer name" in answer["error"]
    assert await served.rows("SELECT customer_name FROM orders") == [("Dana",)]
    status, answer = await shopify(served, b'{"name": ', delivery="d-4")
    assert status == 400 and "malformed JSON" in answer["error"]


async def test_woocommerce_ping_and_orders(served):
    status, answer = await call(
        served.http,
        "POST",
        "/webhooks/woocommerce",
        data=b"webhook_id=17",
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )
    assert (status, answer) == (200, {"result": "pong"})
    order = {
        "id": 4321,
        "number": "4321",
        "status": "processing",
        "date_created_gmt": "2026-11-21T08:30:00",
        "billing": {"first_name": "Eve", "email": "eve@example.com"},
    }
    body = json.dumps(order).encode()

    def headers(signature: str, topic: str = "order.created", delivery: str = "w-1") -> dict:
        return {
            "X-WC-Webhook-Signature": signature,
            "X-WC-Webhook-Topic": topic,
            "X-WC-Webhook-Delivery-ID": delivery,
            "Content-Type": "application/json",
        }

    status, answer = await call(served.http, "POST", "/webhooks/woocommerce", data=body, headers=headers("AAAA"))
    assert status == 401 and await order_count(served) == 0
    status, answer = await call(
        served.http, "POST", "/webhooks/woocommerce", data=body, headers=headers(signed(WOO, body))
    )
    assert status == 200 and answer["result"] == "registered" and answer["link"].startswith("https://t.me/")
    assert await served.rows("SELECT order_ref, customer_name, purchased_at FROM orders") == [
        ("4321", "Eve", "2026-11-21T08:30:00.000000Z")
    ]
    dead = json.dumps({**order, "number": "4322", "status": "cancelled"}).encode()
    status, answer = await call(
        served.http,
        "POST",
        "/webhooks/woocommerce",
        data=dead,
        headers=headers(signed(WOO, dead), "order.updated", "w-2"),
    )
    assert answer["result"] == "ignored" and await order_count(served) == 1


async def test_a_link_the_shop_signs_itself_registers_the_order_and_redirects(served):
    ref = "#1002"
    # The shop's recipe, as Liquid's hmac_sha256 filter and PHP's hash_hmac compute it: hex HMAC-SHA256 of the id.
    recipe = hmac.new(LINKS.encode(), ref.encode(), hashlib.sha256).hexdigest()
    assert recipe == link_signature(LINKS, ref)
    path = f"/link/%231002?sig={recipe}"
    async with served.http.get(path, allow_redirects=False) as response:
        assert response.status == 302
        location = response.headers["Location"]
    _, api = await call(served.http, "POST", "/api/orders", json={"order_id": ref}, headers=bearer())
    assert location == api["link"]
    status, answer = await call(
        served.http, "GET", f"/link/%231003?sig={link_signature(LINKS, ref)}", allow_redirects=False
    )
    assert status == 403 and "not signed" in answer["error"]
    assert await served.rows("SELECT order_ref FROM orders") == [(ref,)]
    # After `orders relink` (the link reached the wrong person) the shop's URL no longer leads anywhere.
    await relink_order(served.store, SECRET, "journeypulse_test_bot", ref)
    status, answer = await call(served.http, "GET", path, allow_redirects=False)
    assert status == 410 and "replaced" in answer["error"]


async def test_health_and_metrics_report_what_is_stored(served):
    status, health = await call(served.http, "GET", "/healthz")
    assert status == 200 and health["database"] == "ok" and health["pending_updates"] == 0, health
    assert health["last_update_age_seconds"] is None
    _, created = await call(served.http, "POST", "/api/orders", json={"order_id": "M-1"}, headers=bearer())
    served.emu.add_user(702, "Max")
    served.emu.send_text(702, f"/start {created['link'].split('start=')[1]}")
    q = await served.question(702, timeout=15)
    await served.press(702, q, "search")
    q2 = await served.question(702, after=q["message_id"], timeout=15)
    # Telegram fails every send: the customer's next tap stays pending, and health turns bad.
    served.emu.inject_fault("500", methods={"sendMessage", "editMessageText"})
    await served.press(702, q2, "5")
    deadline = datetime.now(UTC) + timedelta(seconds=20)
    while (await call(served.http, "GET", "/healthz"))[0] == 200 and datetime.now(UTC) < deadline:
        await asyncio.sleep(0.1)
    status, health = await call(served.http, "GET", "/healthz")
    assert status == 503 and health["pending_updates"] >= 1 and "waited" in health["problems"][0]
    async with served.http.get("/metrics") as response:
        assert response.status == 200 and response.content_type == "text/plain"
        families = {f.name: f for f in text_string_to_metric_families(await response.text())}
    value = lambda name: families[name].samples[0].value  # noqa: E731
    assert value("journeypulse_answers_recorded") >= 1
    assert value("journeypulse_updates_pending") >= 1
    assert value("journeypulse_sends_failed") >= 1
    assert value("journeypulse_complaints_open") == 0
    served.emu.clear_faults()
    assert await served.drained(timeout=30) == 0
    status, health = await call(served.http, "GET", "/healthz")
    assert status == 200 and health["last_update_age_seconds"] >= 0


def test_health_judges_stalls_and_the_desk_only_when_there_is_one():
    now = datetime(2026, 11, 20, 12, tzinfo=UTC)
    old = now - timedelta(seconds=400)
    quiet = Vitals(old, 0, None, 2, old, 1, 10)
    assert assess(quiet, now, 300, desk=False).healthy, "no support chat: unposted cards are no stall"
    assert not assess(quiet, now, 300, desk=True).healthy
    stuck = Vitals(now, 3, old, 0, None, 0, 10)
    assert assess(stuck, now, 300, desk=False).body["problems"] == ["an update has waited 400 s to be handled"]
    assert assess(stuck, now, 500, desk=False).healthy


async def test_a_slow_client_holds_up_neither_the_api_nor_the_customers(served):
    port = served.settings.http_port
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    # Headers promise a body that never comes: the server waits on this connection only.
    writer.write(
        f"POST /api/orders HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {KEY}\r\n"
        'Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{"order_id":'.encode()
    )
    await writer.drain()
    try:
        status, created = await call(served.http, "POST", "/api/orders", json={"order_id": "S-1"}, headers=bearer())
        assert status == 200
        served.emu.add_user(703, "Sue")
        served.emu.send_text(703, f"/start {created['link'].split('start=')[1]}")
        assert "How did you first hear" in (await served.question(703, timeout=15))["text"]
        assert await served.rows("SELECT order_ref FROM orders") == [("S-1",)]
    finally:
        writer.close()


def test_each_telemetry_counts_its_own_429s_and_failed_sends():
    from bot.metrics import Telemetry

    first, second = Telemetry(), Telemetry()
    first.record_response("http://x/bot1:T/sendMessage", 429)
    first.record_response("http://x/bot1:T/sendMessage", None)  # no answer at all
    first.record_response("http://x/bot1:T/getUpdates", 429)
    first.record_response("http://x/bot1:T/sendMessage", 200)
    vitals = Vitals(None, 0, None, 0, None, 0, 0)
    figures = {
        s.name: s.value for f in text_string_to_metric_families(first.render(vitals, None).decode()) for s in f.samples
    }
    assert figures["journeypulse_telegram_429_total"] == 2 and figures["journeypulse_sends_failed_total"] == 2
    assert figures["journeypulse_last_update_age_seconds"] == -1
    other = {
        s.name: s.value for f in text_string_to_metric_families(second.render(vitals, 3.0).decode()) for s in f.samples
    }
    assert other["journeypulse_telegram_429_total"] == 0, "a second Application's registry starts at zero"


async def test_health_says_503_when_the_database_cannot_be_read(tmp_path):
    from aiohttp import web

    from bot.metrics import Telemetry
    from bot.web import Gateway, build_web_app
    from surveys.store import Store

    store = await Store.open(tmp_path / "gone.sqlite3")
    await store.close()  # the connection is gone, as when the disk or file vanished
    runner = web.AppRunner(
        build_web_app(Gateway(make_settings(tmp_path, "http://127.0.0.1:9/bot"), store, Telemetry()))
    )
    await runner.setup()
    port = free_port()
    await web.TCPSite(runner, "127.0.0.1", port).start()
    try:
        async with aiohttp.ClientSession(f"http://127.0.0.1:{port}") as session:
            assert await call(session, "GET", "/healthz") == (503, {"status": "unhealthy", "database": "unreachable"})
            status, answer = await call(session, "GET", "/metrics")
            assert status == 503 and "database unreachable" in answer["error"]
    finally:
        await runner.cleanup()


async def test_a_port_in_use_stops_start_up_with_one_line(emulator, tmp_path, surveys):
    import socket

    from bot.app import run_bot
    from bot.settings import SettingsError

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        settings = make_settings(tmp_path, emulator.base_url, http_port=taken.getsockname()[1])
        with pytest.raises(SettingsError, match=r"HTTP_HOST/HTTP_PORT 127.0.0.1:\d+: cannot listen"):
            await asyncio.wait_for(run_bot(settings, surveys, asyncio.Event()), 30)


async def test_a_telegram_update_while_another_program_locks_the_database_gets_503_then_is_stored_once(tmp_path):
    import sqlite3

    from aiohttp import web

    from bot.metrics import Telemetry
    from bot.web import Gateway, build_web_app
    from surveys.store import Store

    port = free_port()
    settings = make_settings(
        tmp_path,
        "http://127.0.0.1:9/bot",
        http_port=port,
        webhook_url="https://bot.example.com/tg",
        webhook_secret="webhook-secret-0123456789",
    )
    store = await Store.open(settings.database_path)
    runner = web.AppRunner(build_web_app(Gateway(settings, store, Telemetry())))
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", port).start()
    headers = {"X-Telegram-Bot-Api-Secret-Token": "webhook-secret-0123456789"}
    update = {
        "update_id": 77,
        "message": {"message_id": 1, "date": 0, "chat": {"id": 5, "type": "private"}, "text": "hi"},
    }
    other = sqlite3.connect(settings.database_path, isolation_level=None)
    try:
        async with aiohttp.ClientSession(f"http://127.0.0.1:{port}") as session:
            other.execute("BEGIN EXCLUSIVE")  # an operator's sqlite3 shell, a long import
            async with session.post("/tg", json=update, headers=headers) as response:
                assert response.status == 503 and response.headers["Retry-After"].isdigit()
                assert "retry later" in (await response.json())["error"]
            other.execute("ROLLBACK")
            for _ in range(2):  # Telegram's retry, and a repeat of it
                assert await call(session, "POST", "/tg", json=update, headers=headers) == (200, {"ok": True})
        assert [uid for uid, _ in await store.pending_updates()] == [77]
    finally:
        other.close()
        await runner.cleanup()
        await store.close()
