"""The HTTP server inside `journeypulse run`: orders API, shop webhooks, Telegram webhook, health and metrics."""

from __future__ import annotations

import asyncio
import hmac
import json
import logging
import sqlite3
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime
from functools import partial
from typing import Any
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from aiohttp import web
from prometheus_client import CONTENT_TYPE_LATEST
from pydantic import SecretStr

from bot.metrics import Telemetry
from bot.settings import Settings, SettingsError
from surveys import orders, shops
from surveys.clock import Clock, system_clock
from surveys.orders import OrderConflict, OrderError, OrderRequest
from surveys.shops import Platform
from surveys.store import Store, Vitals

log = logging.getLogger(__name__)

MAX_BODY = 1024 * 1024  # a large Shopify order is a few hundred kB; a Telegram update a few kB
BODY_TIMEOUT = 10.0  # seconds a client may take to send its body: a slow one gets 408, not our time
DB_TIMEOUT = 5.0  # /healthz calls the database unreachable after this long


@dataclass
class Gateway:
    """What the HTTP handlers need: the store, settings, metrics, and how to wake the update intake."""

    settings: Settings
    store: Store
    telemetry: Telemetry
    wake_intake: Callable[[], None] = lambda: None
    username: str = ""  # the bot's, for t.me links
    clock: Clock = system_clock  # the bot's one clock

    @property
    def secret(self) -> str:
        """The deep-link secret."""
        return self.settings.secret("DEEP_LINK_SECRET")


class Refusal(Exception):
    """A request refused with a status and a message a person can act on; nothing was changed."""

    def __init__(self, status: int, message: str, headers: dict[str, str] | None = None):
        super().__init__(message)
        self.status, self.message, self.headers = status, message, headers or {}


def _error(status: int, message: str, **headers: str) -> Refusal:
    return Refusal(status, message, headers)


@web.middleware
async def json_errors(
    request: web.Request, handler: Callable[[web.Request], Awaitable[web.StreamResponse]]
) -> web.StreamResponse:
    """Answer every refusal in JSON, aiohttp's own 404, 405 and 413 included."""
    try:
        return await handler(request)
    except Refusal as refusal:
        return web.json_response({"error": refusal.message}, status=refusal.status, headers=refusal.headers)
    except web.HTTPException as exc:
        if exc.status < 400:
            raise
        message = {413: f"request body too large (at most {MAX_BODY} bytes)"}.get(exc.status, exc.reason)
        allow = {"Allow": exc.headers["Allow"]} if "Allow" in exc.headers else {}
        return web.json_response({"error": message}, status=exc.status, headers=allow)
    except sqlite3.OperationalError as exc:  # locked by another program or the disk full, for now
        log.warning("%s %s not stored, database busy: %s; the sender retries", request.method, request.path, exc)
        return web.json_response(
            {"error": "database busy; nothing was acknowledged, retry later"}, status=503, headers={"Retry-After": "5"}
        )
    except Exception:
        # Nothing was acknowledged: a shop or Telegram retries later, and the log says what broke.
        log.exception("%s %s failed", request.method, request.path)
        return web.json_response({"error": "internal error; nothing was acknowledged, retry later"}, status=500)


async def _body(request: web.Request) -> bytes:
    try:
        async with asyncio.timeout(BODY_TIMEOUT):
            return await request.read()
    except TimeoutError:
        raise _error(408, f"the request body took longer than {BODY_TIMEOUT:.0f} s to arrive") from None


def _json(body: bytes) -> Any:
    try:
        return json.loads(body)
    except (ValueError, UnicodeDecodeError) as exc:
        raise _error(400, f"malformed JSON: {exc}") from None


def _authorize(gateway: Gateway, request: web.Request) -> None:
    keys = gateway.settings.api_key_list
    if not keys:
        raise _error(404, "the orders API is off: API_KEYS is not set")
    scheme, _, given = request.headers.get("Authorization", "").partition(" ")
    # Every key is compared, in constant time, so timing tells nothing about which one nearly matched.
    matched = [hmac.compare_digest(given.strip().encode(), key.encode()) for key in keys]
    if scheme.lower() != "bearer" or not any(matched):
        raise _error(401, "a valid API key is required: Authorization: Bearer <key>", **{"WWW-Authenticate": "Bearer"})


def _registered(result: orders.Registered) -> dict[str, str]:
    return {"order_id": result.order.ref, "link": result.link}


async def create_order(gateway: Gateway, request: web.Request) -> web.Response:
    """Register one order and answer its deep link; the same order again answers the same link."""
    _authorize(gateway, request)
    body = _json(await _body(request))
    zone = ZoneInfo(gateway.settings.timezone)
    try:
        wanted = orders.read_order_request(body, gateway.clock(), zone)
        result = await orders.register(gateway.store, gateway.secret, gateway.username, wanted, gateway.clock)
    except OrderConflict as exc:
        raise _error(409, str(exc)) from None
    except OrderError as exc:
        raise _error(422, str(exc)) from None
    gateway.telemetry.orders_registered.labels("api").inc()
    return web.json_response(_registered(result))


async def create_orders(gateway: Gateway, request: web.Request) -> web.Response:
    """Register a batch of orders, all or none, and answer their links in the same order."""
    _authorize(gateway, request)
    body = _json(await _body(request))
    try:
        wanted = orders.read_batch(body, gateway.clock(), ZoneInfo(gateway.settings.timezone))
        results = await orders.register_batch(gateway.store, gateway.secret, gateway.username, wanted, gateway.clock)
    except OrderConflict as exc:
        raise _error(409, str(exc)) from None
    except OrderError as exc:
        raise _error(422, str(exc)) from None
    gateway.telemetry.orders_registered.labels("api").inc(len(results))
    return web.json_response({"orders": [_registered(result) for result in results]})


async def shop_webhook(gateway: Gateway, platform: Platform, request: web.Request) -> web.Response:
    """Verify a signed shop delivery, drop a repeat, register the order it carries."""
    hook = shops.HOOKS[platform]
    setting = f"{platform.upper()}_WEBHOOK_SECRET"
    secret: SecretStr | None = getattr(gateway.settings, setting.lower())
    if secret is None or not secret.get_secret_value():
        raise _error(404, f"{platform} webhooks are off: {setting} is not set")
    body = await _body(request)
    if platform is Platform.WOOCOMMERCE and hook.topic not in request.headers and shops.is_woocommerce_ping(body):
        return web.json_response({"result": "pong"})  # saving a webhook in WooCommerce sends this, unsigned
    if not shops.signature_valid(secret.get_secret_value(), body, request.headers.get(hook.signature)):
        raise _error(401, f"{hook.signature} does not match the body signed with {setting}")
    delivery_id = request.headers.get(hook.delivery, "").strip()[:200]
    if delivery_id and await gateway.store.delivery_seen(platform, delivery_id):
        return web.json_response({"result": "repeat"})
    topic = request.headers.get(hook.topic)
    if topic not in hook.order_topics:
        return web.json_response({"result": "ignored", "topic": topic})
    try:
        wanted = hook.read(_json(body), gateway.clock())
        if wanted is None:
            return web.json_response({"result": "ignored", "reason": "order cancelled, failed or refunded"})
        result = await orders.register(gateway.store, gateway.secret, gateway.username, wanted, gateway.clock)
    except OrderConflict as exc:
        # Retrying cannot help: acknowledge, so the shop does not disable the webhook, and say why.
        log.warning(  # no names in logs
            "%s delivery %s: order %s is registered for another customer name; not changed",
            platform,
            delivery_id,
            wanted.ref if wanted else "?",
        )
        return web.json_response({"result": "conflict", "error": str(exc)})
    except OrderError as exc:
        raise _error(422, str(exc)) from None
    if delivery_id:
        await gateway.store.remember_delivery(platform, delivery_id, gateway.clock())
    gateway.telemetry.orders_registered.labels(platform.value).inc()
    return web.json_response({"result": "registered", **_registered(result)})


async def shop_link(gateway: Gateway, request: web.Request) -> web.Response:
    """Register the order of a shop-signed link and send the customer on to Telegram."""
    secret = gateway.settings.shop_link_secret
    if secret is None or not secret.get_secret_value():
        raise _error(404, "shop-signed links are off: SHOP_LINK_SECRET is not set")
    ref = request.match_info["ref"]
    if not shops.link_signature_valid(secret.get_secret_value(), ref, request.query.get("sig", "")):
        raise _error(403, "this link is not signed for this order")
    try:
        wanted = OrderRequest(orders.check_ref(ref), None, gateway.clock())
        result = await orders.register(gateway.store, gateway.secret, gateway.username, wanted, gateway.clock)
    except OrderError as exc:
        raise _error(422, str(exc)) from None
    if result.order.link_version:
        # `orders relink` replaced the links of this order because one reached the wrong person: that may be
        # this very URL, forwarded. The customer gets the new link from the shop.
        raise _error(410, "this order's link was replaced; ask the shop for the new one")
    raise web.HTTPFound(result.link)


async def telegram_update(gateway: Gateway, request: web.Request) -> web.Response:
    """Store a Telegram update in the inbox, and only then answer 200, so Telegram re-sends what was not stored."""
    expected = gateway.settings.secret("WEBHOOK_SECRET")
    given = request.headers.get("X-Telegram-Bot-Api-Secret-Token", "")
    if not hmac.compare_digest(given.encode(), expected.encode()):
        raise _error(401, "X-Telegram-Bot-Api-Secret-Token is missing or wrong")
    update = _json(await _body(request))
    if not isinstance(update, dict) or not isinstance(update.get("update_id"), int):
        raise _error(400, "expected a Telegram update: a JSON object with an integer update_id")
    await gateway.store.save_updates([(update["update_id"], json.dumps(update))], gateway.clock())
    gateway.telemetry.updates_received.labels("webhook").inc()
    gateway.wake_intake()
    return web.json_response({"ok": True})


@dataclass(frozen=True)
class Health:
    """The answer of /healthz: healthy or not, and the figures behind it."""

    healthy: bool
    body: dict[str, Any]


def assess(vitals: Vitals, now: datetime, stall_after: float, desk: bool) -> Health:
    """Judge stored figures: unhealthy when an update, or (with a desk) a complaint card, waits too long."""

    def age(moment: datetime | None) -> float | None:
        return None if moment is None else round((now - moment).total_seconds(), 3)

    problems = []
    waiting = age(vitals.oldest_pending_at)
    if waiting is not None and waiting > stall_after:
        problems.append(f"an update has waited {waiting:.0f} s to be handled")
    card = age(vitals.oldest_card_at)
    if desk and card is not None and card > stall_after:
        problems.append(f"a complaint card has waited {card:.0f} s to be posted")
    return Health(
        not problems,
        {
            "status": "ok" if not problems else "unhealthy",
            "database": "ok",
            "last_update_age_seconds": age(vitals.last_update_at),
            "pending_updates": vitals.pending_updates,
            "oldest_pending_age_seconds": waiting,
            "desk_backlog": vitals.desk_backlog,
            "problems": problems,
        },
    )


async def _vitals(gateway: Gateway) -> Vitals:
    try:
        async with asyncio.timeout(DB_TIMEOUT):
            return await gateway.store.vitals()
    except Exception as exc:  # noqa: BLE001 - whatever keeps the database away makes the bot unhealthy
        log.error("health check cannot read the database: %s", exc)
        raise _error(503, f"database unreachable: {type(exc).__name__}") from None


async def healthz(gateway: Gateway, request: web.Request) -> web.Response:
    """Answer 200 with the figures when healthy, 503 when the database or the handling is stuck."""
    try:
        vitals = await _vitals(gateway)
    except Refusal:
        return web.json_response({"status": "unhealthy", "database": "unreachable"}, status=503)
    settings = gateway.settings
    health = assess(vitals, gateway.clock(), settings.health_stall_after, desk=settings.support_chat_id is not None)
    return web.json_response(health.body, status=200 if health.healthy else 503)


async def metrics(gateway: Gateway, request: web.Request) -> web.Response:
    """Prometheus text format: counters of this process and figures read from the database now."""
    vitals = await _vitals(gateway)
    age = None if vitals.last_update_at is None else (gateway.clock() - vitals.last_update_at).total_seconds()
    body = gateway.telemetry.render(vitals, age)
    return web.Response(body=body, headers={"Content-Type": CONTENT_TYPE_LATEST})


def build_web_app(gateway: Gateway) -> web.Application:
    """Route every endpoint; the Telegram webhook only when WEBHOOK_URL is set, at its path."""
    app = web.Application(client_max_size=MAX_BODY, middlewares=[json_errors])
    routes = [
        web.post("/api/orders", partial(create_order, gateway)),
        web.post("/api/orders/batch", partial(create_orders, gateway)),
        *(web.post(f"/webhooks/{platform}", partial(shop_webhook, gateway, platform)) for platform in Platform),
        web.get("/link/{ref}", partial(shop_link, gateway)),
        web.get("/healthz", partial(healthz, gateway)),
        web.get("/metrics", partial(metrics, gateway)),
    ]
    if gateway.settings.webhook_url:
        routes.append(web.post(urlsplit(gateway.settings.webhook_url).path, partial(telegram_update, gateway)))
    app.add_routes(routes)
    return app


class WebServer:
    """The HTTP server's lifecycle: bound before Telegram is told the webhook, closed after the bot stops."""

    def __init__(self, gateway: Gateway):
        self.gateway = gateway
        self._runner: web.AppRunner | None = None
        self.port: int | None = None

    async def start(self) -> None:
        """Bind HTTP_HOST:HTTP_PORT and serve."""
        settings = self.gateway.settings
        self._runner = web.AppRunner(build_web_app(self.gateway), access_log=None, shutdown_timeout=2.0)
        await self._runner.setup()
        try:
            await web.TCPSite(self._runner, settings.http_host, settings.http_port).start()
        except OSError as exc:  # a port in use or a host not on this machine: one line naming the settings
            await self._runner.cleanup()
            raise SettingsError(
                f"HTTP_HOST/HTTP_PORT {settings.http_host}:{settings.http_port}: cannot listen ({exc.strerror or exc})"
            ) from None
        self.port = self._runner.addresses[0][1]
        log.info("HTTP server on %s:%s", settings.http_host, self.port)

    async def stop(self) -> None:
        """Stop accepting requests and close the server."""
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None
