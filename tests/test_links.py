"""Deep-link tokens fit Telegram's payload rules and cannot be forged."""

from __future__ import annotations

import re

from surveys.links import deep_link, make_token, read_token


def test_token_round_trip_and_shape():
    for order_id in (1, 35, 36, 10**6, 2**62):
        token = make_token("secret", order_id)
        assert re.fullmatch(r"[A-Za-z0-9_-]{1,64}", token)
        assert read_token("secret", token) == order_id


def test_forged_tampered_and_foreign_tokens_are_refused():
    token = make_token("secret", 42)
    prefix, signature = token.split("_", 1)
    assert read_token("other-secret", token) is None
    assert read_token("secret", f"{int(prefix, 36) + 1:x}_{signature}") is None
    assert read_token("secret", token[:-1] + ("A" if token[-1] != "A" else "B")) is None
    for junk in ("", "_", "abc", "1_" + "A" * 22, token + "x", "../../etc", "1_" + "=" * 22):
        assert read_token("secret", junk) is None


def test_deep_link():
    assert deep_link("@shop_bot", "1_x") == "https://t.me/shop_bot?start=1_x"


def test_a_reissued_link_has_its_own_version_and_the_old_one_names_the_old_version():
    from surveys.links import Link, read_link

    old, new = make_token("secret", 42), make_token("secret", 42, 3)
    assert read_link("secret", old) == Link(42, 0) and read_link("secret", new) == Link(42, 3)
    assert new.startswith("16-3_") and len(make_token("secret", 2**62, 10**9)) <= 64
    prefix, signature = new.split("_", 1)
    assert read_link("secret", f"16-4_{signature}") is None  # a version cannot be changed by hand
    assert read_link("secret", f"16-03_{signature}") is None
    assert read_link("secret", f"16_{signature}") is None
