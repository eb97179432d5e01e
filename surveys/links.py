"""Deep-link tokens: short, signed references to an order that fit Telegram's start payload."""

from __future__ import annotations

import base64
import hashlib
import hmac
import re

_TOKEN = re.compile(r"^([0-9a-z]{1,13})_([A-Za-z0-9_-]{22})$")


def _signature(secret: str, order_id: int) -> str:
    digest = hmac.new(secret.encode(), f"journeypulse-order:{order_id}".encode(), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest[:16]).decode().rstrip("=")


def make_token(secret: str, order_id: int) -> str:
    """Return the start payload for an order: its id in base 36 and a 128-bit HMAC (≤ 36 chars)."""
    digits, n = "", order_id
    while True:
        n, r = divmod(n, 36)
        digits = "0123456789abcdefghijklmnopqrstuvwxyz"[r] + digits
        if n == 0:
            break
    return f"{digits}_{_signature(secret, order_id)}"


def read_token(secret: str, token: str) -> int | None:
    """Return the order id a token was signed for, or None when it is malformed or forged."""
    match = _TOKEN.match(token or "")
    if not match:
        return None
    order_id = int(match.group(1), 36)
    if not hmac.compare_digest(match.group(2), _signature(secret, order_id)):
        return None
    return order_id


def deep_link(username: str, token: str) -> str:
    """Return the t.me link that starts the bot with this token."""
    return f"https://t.me/{username.lstrip('@')}?start={token}"
