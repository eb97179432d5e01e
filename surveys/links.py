"""Deep-link tokens: short, signed references to an order that fit Telegram's start payload."""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
from dataclasses import dataclass

# An order id in base 36, a link version after "-" once the shop re-issued the link, and the signature.
_TOKEN = re.compile(r"^([0-9a-z]{1,13})(?:-([0-9a-z]{1,6}))?_([A-Za-z0-9_-]{22})$")


@dataclass(frozen=True)
class Link:
    """What a valid token names: an order, and which of its links (0 the first, then one more per re-issue)."""

    order_id: int
    version: int = 0


def _signature(secret: str, order_id: int, version: int = 0) -> str:
    message = f"journeypulse-order:{order_id}" + (f":{version}" if version else "")  # version 0: links issued before
    digest = hmac.new(secret.encode(), message.encode(), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest[:16]).decode().rstrip("=")


def _base36(n: int) -> str:
    digits = ""
    while True:
        n, r = divmod(n, 36)
        digits = "0123456789abcdefghijklmnopqrstuvwxyz"[r] + digits
        if n == 0:
            return digits


def make_token(secret: str, order_id: int, version: int = 0) -> str:
    """Return the start payload for an order's link: id (and version) in base 36 and a 128-bit HMAC (≤ 43 chars)."""
    prefix = _base36(order_id) + (f"-{_base36(version)}" if version else "")
    return f"{prefix}_{_signature(secret, order_id, version)}"


def read_link(secret: str, token: str) -> Link | None:
    """Return the order and link version a token was signed for, or None when it is malformed or forged."""
    match = _TOKEN.match(token or "")
    if not match:
        return None
    order_id, version = int(match.group(1), 36), int(match.group(2) or "0", 36)
    if (match.group(2) or "").startswith("0") or not hmac.compare_digest(
        match.group(3), _signature(secret, order_id, version)
    ):
        return None
    return Link(order_id, version)


def read_token(secret: str, token: str) -> int | None:
    """Return the order id a token was signed for, or None when it is malformed or forged."""
    link = read_link(secret, token)
    return link.order_id if link else None


def deep_link(username: str, token: str) -> str:
    """Return the t.me link that starts the bot with this token."""
    return f"https://t.me/{username.lstrip('@')}?start={token}"
