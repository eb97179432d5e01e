"""Shop platforms: signed webhook deliveries from Shopify and WooCommerce read as orders, and shop-signed links."""

from __future__ import annotations

import base64
import enum
import hashlib
import hmac
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from surveys.orders import MAX_NAME, OrderError, OrderRequest, check_ref, parse_moment

# WooCommerce sends this form body, unsigned, when a webhook is saved: it only needs a 2xx.
_PING = re.compile(rb"webhook_id=\d+")


class Platform(enum.StrEnum):
    """A shop platform whose webhooks journeypulse takes."""

    SHOPIFY = "shopify"
    WOOCOMMERCE = "woocommerce"


# WooCommerce statuses of orders that will not be delivered: no survey for them.
_DEAD_STATUSES = frozenset({"cancelled", "failed", "refunded", "trash", "checkout-draft"})


def signature_valid(secret: str, body: bytes, header: str | None) -> bool:
    """Whether `header` is base64(HMAC-SHA256(body, secret)), compared in constant time over the raw bytes."""
    expected = base64.b64encode(hmac.new(secret.encode(), body, hashlib.sha256).digest())
    return hmac.compare_digest(expected, (header or "").strip().encode())


def is_woocommerce_ping(body: bytes) -> bool:
    """Whether a body is the ping WooCommerce sends when a webhook is saved."""
    return _PING.fullmatch(body.strip()) is not None


def _first_name(*people: object) -> str | None:
    for person in people:
        if isinstance(person, dict) and isinstance(person.get("first_name"), str) and person["first_name"].strip():
            return person["first_name"].strip()[:MAX_NAME]
    return None


def _ref(value: object) -> str:
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        raise OrderError("the delivery has no order number")
    return check_ref(value)


def _moment(value: object, now: datetime) -> datetime:
    try:
        return parse_moment(value if isinstance(value, str) else None, now, UTC)
    except ValueError:
        raise OrderError(f"order date {value!r} is not ISO-8601") from None


def shopify_order(payload: object, now: datetime) -> OrderRequest:
    """The order of a Shopify orders/* delivery: its name (#1001, as staff see it), first name, created_at."""
    if not isinstance(payload, dict):
        raise OrderError("expected a JSON order object")
    ref = payload.get("name") or payload.get("order_number") or payload.get("id")
    # The customer's name needs protected-customer-data approval: use it when present, never require it.
    name = _first_name(payload.get("customer"), payload.get("billing_address"))
    return OrderRequest(_ref(ref), name, _moment(payload.get("created_at"), now))


def woocommerce_order(payload: object, now: datetime) -> OrderRequest | None:
    """The order of a WooCommerce order.* delivery (its number as the customer sees it), or None for a dead one."""
    if not isinstance(payload, dict):
        raise OrderError("expected a JSON order object")
    if payload.get("status") in _DEAD_STATUSES:
        return None
    created = payload.get("date_created_gmt")  # naive, in GMT; date_created is in the site's own zone
    return OrderRequest(
        _ref(payload.get("number") or payload.get("id")), _first_name(payload.get("billing")), _moment(created, now)
    )


def link_signature(secret: str, ref: str) -> str:
    """Hex HMAC-SHA256 of an order id: what a shop computes (Liquid `hmac_sha256`, PHP `hash_hmac`) to sign a link."""
    return hmac.new(secret.encode(), ref.encode(), hashlib.sha256).hexdigest()


def link_signature_valid(secret: str, ref: str, signature: str) -> bool:
    """Whether a shop-signed link's signature matches its order id (constant time)."""
    return hmac.compare_digest(link_signature(secret, ref).encode(), signature.strip().lower().encode())


@dataclass(frozen=True)
class Hook:
    """How a platform signs and labels its deliveries, which topics carry orders, and how to read one."""

    signature: str
    delivery: str
    topic: str
    order_topics: frozenset[str]
    read: Callable[[object, datetime], OrderRequest | None]


HOOKS = {
    Platform.SHOPIFY: Hook(
        "X-Shopify-Hmac-SHA256",
        "X-Shopify-Webhook-Id",
        "X-Shopify-Topic",
        frozenset({"orders/create", "orders/paid"}),
        shopify_order,
    ),
    Platform.WOOCOMMERCE: Hook(
        "X-WC-Webhook-Signature",
        "X-WC-Webhook-Delivery-ID",
        "X-WC-Webhook-Topic",
        frozenset({"order.created", "order.updated"}),
        woocommerce_order,
    ),
}
