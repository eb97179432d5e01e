"""Registering orders, one or many, from any source (command line, CSV, HTTP API, shop webhooks)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, tzinfo

from surveys.clock import Clock, system_clock
from surveys.links import deep_link, make_token
from surveys.store import Order, Store

MAX_REF = 200
MAX_NAME = 200
MAX_BATCH = 1000  # one request's worth; a bigger import goes through several calls or the CSV import


@dataclass(frozen=True)
class OrderRequest:
    """An order to register: the shop's id, an optional customer name, when it was bought."""

    ref: str
    customer_name: str | None
    purchased_at: datetime


@dataclass(frozen=True)
class Registered:
    """A registered order and the deep link that opens its surveys."""

    order: Order
    link: str


class OrderError(ValueError):
    """An order cannot be registered as asked; the message says why and that nothing changed."""


class OrderConflict(OrderError):
    """The order is registered already, for another customer name."""


def check_ref(ref: str) -> str:
    """Return the shop's order id stripped, or refuse one that is empty or too long."""
    ref = ref.strip()
    if not ref or len(ref) > MAX_REF:
        raise OrderError(f"order id must be 1-{MAX_REF} characters")
    return ref


def name_conflict(order: Order | None, customer_name: str | None) -> str | None:
    """Why a stored order refuses this customer name (another name is never overwritten), or None."""
    if order is None or not customer_name or order.customer_name == customer_name:
        return None
    return (
        f"order {order.ref} is already registered for another customer name ({order.customer_name or 'none'!r});"
        " nothing changed"
    )


async def add_order(
    store: Store,
    secret: str,
    username: str,
    ref: str,
    customer_name: str | None,
    purchased_at: datetime,
    clock: Clock = system_clock,
) -> tuple[Order, str]:
    """Register an order (idempotent) and return it with its deep link; a different name for it is refused."""
    ref = check_ref(ref)
    order = await store.add_order(ref, customer_name or None, purchased_at, clock())
    problem = name_conflict(order, customer_name)
    if problem:
        raise OrderConflict(problem)
    return order, deep_link(username, make_token(secret, order.id, order.link_version))


async def relink_order(store: Store, secret: str, username: str, ref: str) -> tuple[Order, str]:
    """Re-issue an order's deep link (the old one stops working, its account is detached) and return the new link."""
    order = await store.relink_order(ref.strip())
    if order is None:
        raise OrderError(f"no order {ref.strip()!r} (or its customer asked to be forgotten); nothing changed")
    return order, deep_link(username, make_token(secret, order.id, order.link_version))


def read_order_request(body: object, now: datetime, zone: tzinfo = UTC) -> OrderRequest:
    """Read `{"order_id", "customer"?, "purchased_at"?}` as sent to the API; refuse anything else clearly."""
    if not isinstance(body, dict):
        raise OrderError('expected a JSON object like {"order_id": "A-1001"}')
    unknown = sorted(set(body) - {"order_id", "customer", "purchased_at"})
    if unknown:
        raise OrderError(f"unknown field {unknown[0]!r} (expected order_id, customer, purchased_at)")
    ref = body.get("order_id")
    if isinstance(ref, int) and not isinstance(ref, bool):
        ref = str(ref)
    if not isinstance(ref, str):
        raise OrderError('order_id is required: a string like "A-1001"')
    name = body.get("customer")
    if name is not None and (not isinstance(name, str) or len(name.strip()) > MAX_NAME):
        raise OrderError(f"customer must be a string of at most {MAX_NAME} characters")
    moment = body.get("purchased_at")
    if moment is not None and not isinstance(moment, str):
        raise OrderError("purchased_at must be an ISO-8601 string like 2026-11-20T14:00:00+01:00")
    try:
        purchased = parse_moment(moment, now, zone)
    except ValueError:
        raise OrderError(f"purchased_at {moment!r} is not an ISO-8601 date or time") from None
    return OrderRequest(check_ref(ref), (name or "").strip() or None, purchased)


def parse_moment(text: str | None, default: datetime, zone: tzinfo = UTC) -> datetime:
    """Parse an ISO-8601 date or moment (naive means local time in `zone`); empty gives `default`."""
    if not text or not text.strip():
        return default
    moment = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    return moment if moment.tzinfo else moment.replace(tzinfo=zone)


async def register(
    store: Store, secret: str, username: str, request: OrderRequest, clock: Clock = system_clock
) -> Registered:
    """Register one order read from any source and return it with its link."""
    order, link = await add_order(
        store, secret, username, request.ref, request.customer_name, request.purchased_at, clock
    )
    return Registered(order, link)


def read_batch(body: object, now: datetime, zone: tzinfo = UTC) -> list[OrderRequest]:
    """Read `{"orders": [...]}`: every entry valid, or an OrderError naming the first bad one."""
    orders = body.get("orders") if isinstance(body, dict) else None
    if not isinstance(orders, list) or not orders:
        raise OrderError('expected {"orders": [{"order_id": ...}, ...]} with at least one order')
    if len(orders) > MAX_BATCH:
        raise OrderError(f"{len(orders)} orders in one batch; at most {MAX_BATCH}")
    requests = []
    for index, entry in enumerate(orders):
        try:
            requests.append(read_order_request(entry, now, zone))
        except OrderError as exc:
            raise OrderError(f"orders[{index}]: {exc}") from None
    return requests


async def register_batch(
    store: Store, secret: str, username: str, requests: list[OrderRequest], clock: Clock = system_clock
) -> list[Registered]:
    """Register many orders, all or none: a name that conflicts with a stored order or another entry refuses all."""
    names: dict[str, str | None] = {}
    for index, request in enumerate(requests):
        if request.customer_name and names.get(request.ref) not in (None, request.customer_name):
            raise OrderConflict(
                f"orders[{index}]: order {request.ref} appears twice with different customer names; nothing changed"
            )
        names[request.ref] = names.get(request.ref) or request.customer_name
        problem = name_conflict(await store.order_by_ref(request.ref), request.customer_name)
        if problem:
            raise OrderConflict(f"orders[{index}]: {problem}")
    return [await register(store, secret, username, request, clock) for request in requests]
