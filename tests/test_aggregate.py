"""Weekly figures against small hand-computed cases built through the Store."""

from __future__ import annotations

import math
from datetime import UTC, datetime, timedelta
from itertools import count

import pytest

from analysis.aggregate import (
    WeekError,
    aggregate_week,
    last_complete_week,
    parse_week,
    shift_week,
)
from analysis.stats import Verdict
from analysis.topics import default_taxonomy
from surveys.engine import AnswerValue
from tests.readings import reading

WEEK = "2026-W47"  # Monday 2026-11-16 .. Sunday 2026-11-22
MONDAY = datetime(2026, 11, 16, 10, 0, tzinfo=UTC)
_ids = count(1)


async def respond(
    store, surveys, survey_id, answers, when=MONDAY, language="en", completed=True, scores=None, topics=None
):
    """Store one customer's survey: order, customer, invitation sent at `when`, the given answers in order.

    `answers` maps question id to a number, an option id, a text, or None (skipped); `scores` maps a
    text question id to its stored sentiment (absent: not scored), `topics` to its stored topic keys.
    """
    n = next(_ids)
    order = await store.add_order(f"T-{n}", None, when, when)
    customer = await store.upsert_customer(5000 + n, 5000 + n, "X", language, when)
    await store.link_order(order.id, customer.id)
    inv = await store.ensure_invitation(order.id, survey_id, when, when)
    await store.mark_sent(inv.id, when, None)
    questions = {q.id: q for q in surveys[survey_id].questions}
    for qid, raw in answers.items():
        q = questions[qid]
        score = None
        if raw is None:
            value = AnswerValue(skipped=True)
        elif q.type in ("csat", "nps", "ces"):
            value = AnswerValue(number=float(raw))
        else:
            value = AnswerValue(text=str(raw))
            if q.type == "text":
                sentiment = (scores or {}).get(qid)
                score = reading(sentiment, language, topics=tuple((topics or {}).get(qid, ())))
        await store.record_answer(inv.id, q, value, language, when, score)
    if completed:
        await store.mark_completed(inv.id, when)
    return inv


@pytest.fixture
async def small_week(store, surveys):
    """Three post-purchase responses and two first-week ones this week, one the week before."""
    await respond(
        store,
        surveys,
        "post_purchase",
        {"channel": "social", "checkout_ease": 7, "purchase_csat": 5, "improve": "Great quality, love it"},
        scores={"improve": 0.6},
    )
    await respond(
        store,
        surveys,
        "post_purchase",
        {"channel": "ad", "checkout_ease": 2, "purchase_csat": 1, "what_went_wrong": "Box arrived damaged"},
        scores={"what_went_wrong": -0.4},
    )
    await respond(store, surveys, "post_purchase", {"channel": "social", "checkout_ease": 5}, completed=False)
    await respond(
        store,
        surveys,
        "first_week",
        {
            "expectations": 4,
            "delivery": 2,
            "delivery_why": "Посылка пришла поврежденной",
            "support": "not_needed",
            "nps": 10,
            "tell_more": None,
        },
        language="ru",
        topics={"delivery_why": ("delivery", "packaging")},
    )
    await respond(
        store,
        surveys,
        "first_week",
        {"expectations": 3, "delivery": 5, "support": "solved", "nps": 6, "nps_why": None},
        language="en",
    )
    await respond(
        store,
        surveys,
        "post_purchase",
        {"channel": "friend", "checkout_ease": 6, "purchase_csat": 4, "improve": "fine"},
        when=MONDAY - timedelta(days=7),
        scores={"improve": 0.0},
    )
    await respond(store, surveys, "post_purchase", {}, completed=False)  # sent, never answered
    return store.path


def test_weeks_parse_and_shift():
    start, end = parse_week("2026-W47")
    assert start == datetime(2026, 11, 16, tzinfo=UTC) and end - start == timedelta(days=7)
    assert shift_week("2026-W01", -1) == "2025-W52"
    assert last_complete_week(datetime(2026, 11, 24, tzinfo=UTC)) == "2026-W47"
    for bad in ("2026-47", "W47", "2026-W54", "2025-W53x"):
        with pytest.raises(WeekError):
            parse_week(bad)


async def test_stage_figures_match_hand_computation(small_week, surveys):
    f = aggregate_week(small_week, WEEK, surveys)
    purchase = f.stages.loc["purchase"]
    # purchase answers: ces 7, 2, 5; csat 5, 1; texts +0.6 and -0.4
    assert purchase["responses"] == 7
    assert purchase["csat"] == 50.0 and purchase["csat_n"] == 2
    assert purchase["ces_mean"] == pytest.approx(14 / 3) and purchase["ces_high"] == pytest.approx(200 / 3)
    assert purchase["sentiment_mean"] == pytest.approx(0.1)
    # negative: ces 2, csat 1, text -0.4 of 7 rated answers
    assert purchase["negative_share"] == pytest.approx(300 / 7)
    # four post-purchase invitations sent this week, three started, two completed
    assert purchase["invitations"] == 4 and purchase["response_rate"] == 75.0
    assert purchase["completion"] == pytest.approx(200 / 3)
    loyalty = f.stages.loc["loyalty"]
    assert loyalty["nps"] == 0.0 and loyalty["nps_n"] == 2  # 50 % promoters - 50 % detractors
    delivery = f.stages.loc["delivery"]
    # the Russian text is not scored: counted apart, never as 0
    assert delivery["unscored_n"] == 1 and delivery["scored_n"] == 0 and math.isnan(delivery["sentiment_mean"])
    assert f.nps_breakdown == {"promoters": 1, "passives": 0, "detractors": 1}


async def test_week_over_week_deltas_and_small_sample(small_week, surveys):
    f = aggregate_week(small_week, WEEK, surveys)
    purchase = f.stages.loc["purchase"]
    assert purchase["csat_previous"] == 100.0 and purchase["csat_delta"] == -50.0
    assert purchase["responses_delta"] == 7 - 3  # ces, csat, text the week before
    assert bool(purchase["small_sample"]) and "csat" in purchase["small_figures"]


async def test_drop_off_per_question(small_week, surveys):
    f = aggregate_week(small_week, WEEK, surveys)
    post = f.surveys.set_index("survey").loc["post_purchase"]
    # three started; the third stopped after checkout_ease, so it stopped before purchase_csat and later ones
    assert post["drop_off"]["channel"] == 0.0 and post["drop_off"]["checkout_ease"] == 0.0
    assert post["drop_off"]["purchase_csat"] == pytest.approx(100 / 3)


async def test_segments_by_channel_and_language(small_week, surveys):
    f = aggregate_week(small_week, WEEK, surveys)
    channels = f.by_channel.set_index("channel")
    assert set(channels.index) == {"social", "ad", "unknown"}  # first-week orders never answered channel
    assert channels.loc["ad", "csat"] == 0.0
    assert set(f.by_language["language"]) == {"en", "ru"}


async def test_topics_and_quotes_use_negative_texts(small_week, surveys):
    f = aggregate_week(small_week, WEEK, surveys)
    assert f.quotes["purchase"]["negative"] == ["Box arrived damaged"]
    assert f.quotes["purchase"]["positive"] == ["Great quality, love it"]
    # the unscored Russian "why" of a 2 for delivery takes its label from the survey's ratings -> negative
    assert f.quotes["delivery"]["negative"] == ["Посылка пришла поврежденной"]
    delivery = f.topics["delivery"]
    assert delivery.negative_texts == 1 and [(t.topic, t.count, t.share) for t in delivery.topics] == [
        ("delivery", 1, 100.0),
        ("packaging", 1, 100.0),
    ]
    assert delivery.top.quote == "Посылка пришла поврежденной" and delivery.top.verdict == Verdict.UNTESTED
    purchase = f.topics["purchase"]  # "Box arrived damaged" was stored as naming no topic
    assert purchase.topics == () and purchase.untopiced == 1 and purchase.negative_texts == 1
    assert "first_use" not in f.topics  # no negative text there


async def test_neutral_why_after_a_low_rating_counts_as_negative(store, surveys):
    await respond(
        store,
        surveys,
        "first_week",
        {
            "expectations": 4,
            "delivery": 1,
            "delivery_why": "Left in the rain",
            "support": "not_needed",
            "nps": 8,
            "tell_more": "ok",
        },
        scores={"delivery_why": 0.0, "tell_more": 0.0},
        topics={"delivery_why": ("packaging",)},
    )
    # stored with no reading at all (before topics existed): its topics are found from the text now
    inv = await respond(store, surveys, "first_week", {"expectations": 4, "delivery": 1}, completed=False)
    await store.record_answer(
        inv.id, surveys["first_week"].question("delivery_why"), AnswerValue(text="Courier was late"), "en", MONDAY, None
    )
    f = aggregate_week(store.path, WEEK, surveys)
    assert [(t.topic, t.count) for t in f.topics["delivery"].topics] == [("packaging", 1), ("delivery", 1)]
    assert f.quotes["delivery"]["negative"] == ["Left in the rain", "Courier was late"]


async def test_topic_changes_are_tested_and_only_real_ones_called(store, surveys):
    before = MONDAY - timedelta(days=7)
    for n in range(20):  # last week 2 of 20 negative delivery texts about packaging, this week 16 of 20
        for when, packaging in ((before, n < 2), (MONDAY, n < 16)):
            keys = ("delivery", "packaging") if packaging and n % 2 else ("packaging",) if packaging else ("delivery",)
            await respond(
                store,
                surveys,
                "first_week",
                {"expectations": 4, "delivery": 1, "delivery_why": f"text {n}"},
                when=when,
                completed=False,
                scores={"delivery_why": -0.5 - n / 100},
                topics={"delivery_why": keys},
            )
    f = aggregate_week(store.path, WEEK, surveys)
    topics = {t.topic: t for t in f.topics["delivery"].topics}
    packaging, delivery = topics["packaging"], topics["delivery"]
    assert (packaging.count, packaging.share, packaging.previous) == (16, 80.0, 10.0)
    assert packaging.verdict == Verdict.WORSE and packaging.p < 0.001
    # delivery: 1 + 4 = 12 of 20 now (odd ones of the first 16, and the last 4) against 19 of 20 (all but one)
    assert (delivery.count, delivery.previous) == (12, 95.0) and delivery.delta == pytest.approx(-35.0)
    assert delivery.verdict == Verdict.BETTER  # p ≈ 0.008, called after Benjamini–Hochberg over both topics
    # the quote of each topic is the most negative text naming it, not one already quoted above it
    assert packaging.quote == "text 15" and delivery.quote == "text 19"


async def test_topic_noise_is_not_called(store, surveys):
    before = MONDAY - timedelta(days=7)
    for n in range(12):  # 6 of 12 against 5 of 12: noise
        for when, cut in ((before, 5), (MONDAY, 6)):
            await respond(
                store,
                surveys,
                "first_week",
                {"expectations": 4, "delivery": 2, "delivery_why": f"t{n}"},
                when=when,
                completed=False,
                scores={"delivery_why": -0.5},
                topics={"delivery_why": ("packaging",) if n < cut else ()},
            )
    found = aggregate_week(store.path, WEEK, surveys).topics["delivery"]
    assert found.top.verdict == Verdict.HELD and found.untopiced == 6 and found.top.share == 50.0


def test_topic_labels_are_readable_in_each_language():
    taxonomy = default_taxonomy()
    assert [taxonomy.label("size_fit", lang) for lang in ("en", "ru", "zh")] == [
        "Size and fit",
        "Размер и посадка",
        "尺码合身",
    ]


async def test_week_without_answers(store, surveys):
    f = aggregate_week(store.path, "2026-W40", surveys)
    assert f.answers == 0
    assert (f.stages["responses"] == 0).all() and f.stages["csat"].isna().all()


def test_complaint_figures_by_hand():
    import pandas as pd

    from analysis.aggregate import complaint_figures

    start, end = datetime(2026, 11, 16, tzinfo=UTC), datetime(2026, 11, 23, tzinfo=UTC)
    facts = pd.DataFrame(
        [
            # id, state, opened, first reply, confirmed, first resolved, stages
            (
                1,
                "resolved",
                "2026-11-16T10:00:00.000000Z",
                "2026-11-16T11:00:00.000000Z",
                1,
                "2026-11-17T10:00:00.000000Z",
                "purchase",
            ),
            (
                2,
                "resolved",
                "2026-11-17T10:00:00.000000Z",
                "2026-11-17T13:00:00.000000Z",
                0,
                "2026-11-20T10:00:00.000000Z",
                "delivery,purchase",
            ),
            (3, "open", "2026-11-18T10:00:00.000000Z", None, None, None, "delivery"),
            (
                4,
                "resolved",
                "2026-11-19T10:00:00.000000Z",
                "2026-11-19T10:30:00.000000Z",
                None,
                "2026-11-19T12:00:00.000000Z",
                "loyalty",
            ),
            (
                5,
                "in_progress",
                "2026-11-05T10:00:00.000000Z",
                "2026-11-06T10:00:00.000000Z",
                None,
                None,
                "support",
            ),  # older, still open
        ],
        columns=["complaint_id", "state", "opened_at", "first_reply_at", "confirmed", "first_resolved_at", "stages"],
    )
    c = complaint_figures(facts, start, end, now=datetime(2026, 11, 30, tzinfo=UTC))
    assert c.opened == 4
    assert c.per_stage == {"purchase": 2, "delivery": 2, "loyalty": 1}
    assert c.median_first_reply_hours == 1.0  # replies after 1 h, 3 h, 0.5 h
    assert c.resolved_48h == 50.0  # #1 (24 h) and #4 (2 h) of 4; #2 took 72 h, #3 never
    assert c.confirmed == 50.0  # #1 yes, #2 no; #4 not answered
    assert [(i, h, s) for i, h, s, _ in c.oldest_open] == [
        (5, 17 * 24 + 14.0, "in_progress"),
        (3, 5 * 24 - 10.0, "open"),
    ]
    assert complaint_figures(facts.iloc[0:0], start, end).opened == 0
    resolved = complaint_figures(facts[facts["state"] == "resolved"], start, end)  # nothing open: none listed
    assert resolved.opened == 3 and resolved.oldest_open == []


async def test_scorers_per_text_language(small_week, surveys):
    f = aggregate_week(small_week, WEEK, surveys)
    rows = sorted(f.scorers.itertuples(index=False, name=None))
    assert rows == [("en", "test", 2), ("ru", "not scored", 1)]


async def test_support_outcome_is_rated(store, small_week, surveys):
    support = aggregate_week(small_week, WEEK, surveys).stages.loc["support"]
    # "solved" counts as positive, "not_needed" is not rated
    assert support["rated_n"] == 1 and support["negative_share"] == 0.0 and support["feeling"] == 100.0
    for outcome in ("not_solved", "not_solved", "not_needed"):
        await respond(store, surveys, "first_week", {"expectations": 3, "delivery": 3, "support": outcome, "nps": 8})
    support = aggregate_week(small_week, WEEK, surveys).stages.loc["support"]
    assert support["rated_n"] == 3 and support["negative_share"] == pytest.approx(200 / 3)
    assert support["feeling"] == pytest.approx(100 / 3 - 200 / 3)


async def test_older_trend_weeks_match_the_full_computation(small_week, surveys):
    later = shift_week(WEEK, 3)  # WEEK is then read through the narrow trend rows
    trend = aggregate_week(small_week, later, surveys).trend.set_index(["week", "stage"])
    full = aggregate_week(small_week, WEEK, surveys).stages
    for stage in ("purchase", "first_use", "loyalty", "support"):
        for name in ("responses", "csat", "nps", "ces_mean", "sentiment_mean", "negative_share", "feeling"):
            a, b = trend.loc[(WEEK, stage), name], full.loc[stage, name]
            assert (math.isnan(a) and math.isnan(b)) or a == pytest.approx(b), (stage, name)


async def test_channel_answered_weeks_before_still_segments_the_week(store, surveys):
    earlier = MONDAY - timedelta(weeks=3)
    post = await respond(
        store, surveys, "post_purchase", {"channel": "friend", "checkout_ease": 6, "purchase_csat": 5}, when=earlier
    )
    later = await store.ensure_invitation(post.order_id, "first_week", MONDAY, MONDAY)
    await store.mark_sent(later.id, MONDAY, None)
    nps = next(q for q in surveys["first_week"].questions if q.id == "nps")
    await store.record_answer(later.id, nps, AnswerValue(number=9.0), "en", MONDAY)
    f = aggregate_week(store.path, WEEK, surveys)
    assert list(f.by_channel["channel"]) == ["friend"] and f.answers == 1
