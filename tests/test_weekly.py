"""Managers in Telegram: /weekly and the Monday digest, end to end against the emulator with a moving clock."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from analysis.report import digest_week, weekly_summary
from bot.handlers.managers import summary_text
from tests.helpers import Clock, Harness, make_settings
from tests.test_aggregate import MONDAY, WEEK, respond

HOSTILE = "Parcel <b>late</b> & <script>alert(1)</script> box crushed"
MANAGER, OTHER_MANAGER, CUSTOMER = 900, 901, 902


async def fill_week(store, surveys):
    """Two post-purchase answers in WEEK: one unhappy with a hostile complaint, one happy."""
    await respond(
        store,
        surveys,
        "post_purchase",
        {"channel": "ad", "checkout_ease": 2, "purchase_csat": 1, "what_went_wrong": HOSTILE},
        scores={"what_went_wrong": -0.8},
        topics={"what_went_wrong": ("delivery", "packaging")},
    )
    await respond(
        store,
        surveys,
        "post_purchase",
        {"channel": "social", "checkout_ease": 7, "purchase_csat": 5, "improve": "Great, fast checkout"},
        scores={"improve": 0.7},
    )


def kinds(messages: list[dict]) -> list[str]:
    """What each message is: text, photo or document."""
    return ["photo" if "photo" in m else "document" if "document" in m else "text" for m in messages]


@pytest.fixture
def clock():
    """Wednesday of the week after WEEK, so WEEK is the last complete one."""
    return Clock(MONDAY + timedelta(days=9))


@pytest.fixture
async def managed(emulator, tmp_path, surveys, clock):
    """The bot with one manager, on a database holding answers in WEEK."""
    emulator.add_user(MANAGER, "Mia", language_code="ru")
    settings = make_settings(tmp_path, emulator.base_url, manager_user_ids=str(MANAGER))
    h = Harness(emulator, settings, surveys, clock)
    await h.start()
    await fill_week(h.store, surveys)
    yield h
    await h.stop()


async def test_weekly_gives_a_manager_summary_chart_and_report(managed: Harness):
    emu = managed.emu
    # WEEK's digest is due (catch-up on start); /weekly then gives the same on demand.
    digest = await managed.next_message(MANAGER, timeout=15, predicate=lambda m: "document" in m)
    before = len(emu.bot_messages(MANAGER))
    emu.add_user(CUSTOMER, "Eve", language_code="en")
    emu.send_text(MANAGER, "/weekly")
    emu.send_text(CUSTOMER, "/help")
    await managed.next_message(CUSTOMER)
    # The customer was answered while the manager's report was still being built.
    assert [m for m in emu.bot_messages(MANAGER)[before:] if "document" in m] == []
    document = await managed.next_message(
        MANAGER, after=digest["message_id"] + 1, timeout=15, predicate=lambda m: "document" in m
    )
    summary, photo = emu.bot_messages(MANAGER)[before : before + 2]
    assert kinds([summary, photo, document]) == ["text", "photo", "document"]
    assert f"неделя {WEEK}" in summary["text"] and "ответов: 8" in summary["text"]
    assert "покупка" in summary["text"] and "Parcel <b>late</b> & <script>" in summary["text"]  # shown, not parsed
    assert "Темы негативных ответов: Доставка 1 (100%)" in summary["text"]
    assert emu.file_bytes(photo["photo"][-1]["file_id"]).startswith(b"\x89PNG")
    assert document["document"]["file_name"] == f"journeypulse-{WEEK}.html"
    page = emu.file_bytes(document["document"]["file_id"]).decode("utf-8")
    assert page.startswith("<!doctype html>") and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<script" not in page
    commands = {c["command"] for c in emu.command_sets[(f'{{"chat_id": {MANAGER}, "type": "chat"}}', "")]}
    assert "weekly" in commands and "weekly" not in {c["command"] for c in emu.commands}


async def test_weekly_is_refused_to_anyone_else(managed: Harness):
    emu = managed.emu
    emu.add_user(CUSTOMER, "Eve", language_code="en")
    emu.send_text(CUSTOMER, "/weekly")
    refusal = await managed.next_message(CUSTOMER)
    assert "only for the shop's managers" in refusal["text"]
    await asyncio.sleep(1.0)  # time for anything else to (wrongly) arrive
    assert kinds(emu.bot_messages(CUSTOMER)) == ["text"]


async def test_digest_goes_out_once_on_monday_morning_across_restarts(emulator, tmp_path, surveys):
    emu = emulator
    for user in (MANAGER, OTHER_MANAGER):
        emu.add_user(user, "Max", language_code="en")
    clock = Clock(datetime(2026, 11, 23, 7, 59, tzinfo=UTC))  # Monday 08:59 in Berlin
    settings = make_settings(
        tmp_path, emu.base_url, manager_user_ids=f"{MANAGER},{OTHER_MANAGER}", timezone="Europe/Berlin"
    )
    first = Harness(emu, settings, surveys, clock)
    await first.start()
    try:
        await fill_week(first.store, surveys)
        # One tick of Telegram trouble: the claim is released and the digest retried, not lost.
        emu.inject_fault("500", count=1, methods={"sendPhoto"})
        for user in (MANAGER, OTHER_MANAGER):  # W46's digest, to MANAGER after the retry
            await first.next_message(
                user, timeout=15, predicate=lambda m: "document" in m and "2026-W46" in m["caption"]
            )
        assert [m for m in emu.bot_messages(MANAGER) if m.get("text", "").count(WEEK)] == []  # W46's digest only
        clock.moment = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)  # 09:00 in Berlin: WEEK's digest is due
        for user in (MANAGER, OTHER_MANAGER):
            await first.next_message(user, timeout=15, predicate=lambda m: "document" in m and WEEK in m["caption"])
    finally:
        await first.stop()

    second = Harness(emu, settings, surveys, clock)  # a restart on the same database, same morning
    await second.start()
    try:
        await asyncio.sleep(1.5)
        clock.moment += timedelta(days=2)
        await asyncio.sleep(1.0)
        assert await second.rows("SELECT week, manager_id FROM digests ORDER BY 1, 2") == [
            ("2026-W46", MANAGER),
            ("2026-W46", OTHER_MANAGER),
            (WEEK, MANAGER),
            (WEEK, OTHER_MANAGER),
        ]
    finally:
        await second.stop()
    for user in (MANAGER, OTHER_MANAGER):
        documents = [m["caption"] for m in emu.bot_messages(user) if "document" in m]
        assert documents == ["2026-W46", WEEK], user  # each week once, despite the retry and the restart
        texts = [m["text"] for m in emu.bot_messages(user) if "text" in m]
        assert texts[0].startswith("Good morning") and "No answers were given in week 2026-W46" in texts[0]
        assert sum("Good morning" in t and WEEK in t for t in texts) == 1
    # The failed photo released the first manager's claim: the retry repeated the text, then sent the rest.
    assert [
        sum("2026-W46" in t for t in (m.get("text", "") for m in emu.bot_messages(u))) for u in (MANAGER, OTHER_MANAGER)
    ] == [2, 1]


def test_digest_week_turns_on_monday_at_nine_local():
    berlin = ZoneInfo("Europe/Berlin")
    assert digest_week(datetime(2026, 11, 23, 7, 59, tzinfo=UTC), berlin) == "2026-W46"  # Monday 08:59 local
    assert digest_week(datetime(2026, 11, 23, 8, 0, tzinfo=UTC), berlin) == "2026-W47"  # Monday 09:00 local
    assert digest_week(datetime(2026, 11, 29, 22, 59, tzinfo=UTC), berlin) == "2026-W47"  # Sunday 23:59 local
    tokyo = ZoneInfo("Asia/Tokyo")
    assert digest_week(datetime(2026, 11, 22, 23, 59, tzinfo=UTC), tokyo) == "2026-W46"  # Monday 08:59 in Tokyo
    assert digest_week(datetime(2026, 11, 23, 0, 0, tzinfo=UTC), tokyo) == "2026-W47"


async def test_summary_text_is_escaped_and_localised(store, surveys):
    await fill_week(store, surveys)
    summary = await asyncio.to_thread(weekly_summary, store.path, WEEK)
    assert summary.hurting[0] == "purchase" and summary.quote == HOSTILE and summary.small_sample
    assert [(t.topic, t.count, t.share) for t in summary.topics] == [("delivery", 1, 100.0), ("packaging", 1, 100.0)]
    zh = summary_text(summary, "zh")
    assert "&lt;script&gt;" in zh and "<script>" not in zh and "购买" in zh and f"{WEEK} 周" in zh
    # topic names in the reader's language, never raw keys: the hurting stage's topics and each stage's top one
    assert "负面回答的话题：物流配送 1 (100%), 包装 1 (100%)" in zh and "主要话题：物流配送" in zh
    ru = summary_text(summary, "ru")
    assert "Темы негативных ответов: Доставка 1 (100%), Упаковка 1 (100%)" in ru and "delivery" not in ru
    empty = await asyncio.to_thread(weekly_summary, store.path, "2026-W40")
    assert "No answers were given in week 2026-W40" in summary_text(empty, "en", digest=True)


async def test_summary_names_topics_from_the_shops_own_taxonomy(store, surveys, tmp_path):
    from analysis.topics import load_taxonomy

    path = tmp_path / "topics.yaml"
    path.write_text(
        "slow_courier:\n  label: {en: Slow courier, ru: Медленный курьер, zh: 快递慢}\n  terms: {en: [courier]}\n",
        encoding="utf-8",
    )
    await respond(
        store,
        surveys,
        "post_purchase",
        {"channel": "ad", "checkout_ease": 2, "purchase_csat": 1, "what_went_wrong": "The courier took a week"},
        scores={"what_went_wrong": -0.6},
        topics={"what_went_wrong": ("slow_courier",)},
    )
    summary = await asyncio.to_thread(weekly_summary, store.path, WEEK, None, load_taxonomy(path))
    assert "Медленный курьер 1 (100%)" in summary_text(summary, "ru") and "slow_courier" not in summary_text(
        summary, "zh"
    )


async def test_weekly_and_the_digest_compute_against_the_surveys_the_bot_runs(emulator, tmp_path):
    from tests.helpers import write_custom_surveys

    custom = tmp_path / "surveys"
    custom.mkdir()
    surveys = write_custom_surveys(custom)
    emulator.add_user(MANAGER, "Mia")
    settings = make_settings(tmp_path, emulator.base_url, manager_user_ids=str(MANAGER))
    h = Harness(emulator, settings, surveys, Clock(MONDAY + timedelta(days=9)))
    await h.start()
    try:
        await respond(
            h.store,
            surveys,
            "post_purchase",
            {"gift_wrap": 2, "channel": "ad", "checkout_ease": 6, "purchase_csat": 5},
            completed=False,
        )
        digest = await h.next_message(MANAGER, timeout=15, predicate=lambda m: "document" in m)
        emulator.send_text(MANAGER, "/weekly")
        weekly = await h.next_message(
            MANAGER, after=digest["message_id"], timeout=15, predicate=lambda m: "document" in m
        )
        for document in (digest, weekly):
            page = emulator.file_bytes(document["document"]["file_id"]).decode("utf-8")
            assert "gift_wrap" in page  # the drop-off of the custom question, not the shipped survey's
    finally:
        await h.stop()
