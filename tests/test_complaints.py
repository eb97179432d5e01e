"""Complaint rules, the complaint states, and erasing a customer."""

from __future__ import annotations

from datetime import timedelta

import pandas as pd
import pytest

from analysis.aggregate import complaint_figures
from analysis.complaint_text import Problem, problems
from analysis.reading import read_text
from surveys import complaints, journey
from surveys.complaints import (
    BUTTONS,
    CONFIRMABLE,
    NOT_FIXED,
    OPEN_STATES,
    TRANSITIONS,
    UNTAKEN,
    Action,
    FlagRules,
    RulesError,
    State,
    flags,
    load_phrases,
)
from surveys.journey import Person, Policy
from surveys.links import make_token
from surveys.reading import Feeling
from surveys.store import COMPLAINT_FACTS, ScoredAnswer, complaint_facts_params, connect_readonly
from tests.helpers import SECRET, T0
from tests.readings import reading

RULES = FlagRules()


def scored(id_: int, type_: str, number=None, text=None, sentiment=None) -> ScoredAnswer:
    return ScoredAnswer(id_, f"q{id_}", type_, number, text, sentiment)


@pytest.mark.parametrize(
    ("answer", "reasons"),
    [
        (scored(1, "csat", 2.0), "csat_low"),
        (scored(1, "csat", 3.0), None),
        (scored(1, "ces", 2.0), "ces_low"),
        (scored(1, "ces", 3.0), None),
        (scored(1, "text", text="It was fine", sentiment=0.2), None),
        (scored(1, "text", text="Meh", sentiment=-0.31), "negative_text"),
        (scored(1, "text", text="Meh", sentiment=-0.3), None),
        (scored(1, "text", text="It arrived late, again", sentiment=0.0), "complaint_words"),
        (scored(1, "text", text="Dark chocolate was delicious", sentiment=0.9), None),  # "late" inside a word
        (scored(1, "text", text="Awful, I want a REFUND", sentiment=-0.8), "negative_text,complaint_words"),
        (scored(1, "text", text="Вещь пришла сломанная", sentiment=None), "complaint_words"),
        (scored(1, "text", text="快递太慢了，包装破损", sentiment=None), "complaint_words"),
        (scored(1, "choice", text="not_solved"), "support_not_solved"),
        (scored(1, "choice", text="solved"), None),
    ],
)
def test_each_rule_fires_with_its_reason_code(answer, reasons):
    assert flags(RULES, [answer]) == ([(1, reasons)] if reasons else [])


def test_a_detractor_is_flagged_only_with_a_complaining_text():
    nps = scored(1, "nps", 5.0)
    assert flags(RULES, [nps, scored(2, "text", text="Great value", sentiment=0.7)]) == []
    assert flags(RULES, [nps, scored(2, "text", text="It came damaged", sentiment=0.0)]) == [
        (1, "nps_detractor_complaining"),
        (2, "complaint_words"),
    ]
    assert flags(RULES, [scored(1, "nps", 7.0), scored(2, "text", text="damaged", sentiment=0.0)]) == [
        (2, "complaint_words")
    ]


def test_thresholds_and_phrases_are_configurable(tmp_path):
    strict = FlagRules(csat_max=3, ces_max=1, nps_max=8, sentiment_below=0.0, phrases={"en": ("meh",)})
    assert flags(strict, [scored(1, "csat", 3.0), scored(2, "ces", 2.0)]) == [(1, "csat_low")]
    assert strict.complaint_words("Meh. It was broken") == ["meh"]
    path = tmp_path / "phrases.yaml"
    path.write_text("en: [too pricey, 'slow reply']\nru: [дорого]\n", encoding="utf-8")
    assert load_phrases(path) == {"en": ("too pricey", "slow reply"), "ru": ("дорого",)}
    path.write_text("en: too pricey\n", encoding="utf-8")
    with pytest.raises(RulesError, match="expected a mapping"):
        load_phrases(path)
    path.write_text("en: [unclosed\n", encoding="utf-8")
    with pytest.raises(RulesError, match="cannot read"):
        load_phrases(path)


async def answered(store, surveys, user: int, values: dict[str, str], score=lambda t: reading(-0.6)):
    """Open an order's link as a new customer and answer the post-purchase questions given."""
    order = await store.add_order(f"O-{user}", "Ann Lee", T0, T0)
    step = await journey.open_link(
        store, surveys, Policy(), SECRET, make_token(SECRET, order.id), Person(user, user, "Ann"), T0
    )
    for question_id, raw in values.items():
        if question_id in ("what_went_wrong", "improve"):
            step = await journey.write(store, surveys, step.customer, raw, score, T0)
        else:
            step = await journey.press(store, surveys, step.customer, step.invitation.id, question_id, raw, T0)
        assert step.status == "recorded", (question_id, step.status)
    return step


async def test_one_complaint_per_survey_collects_every_flagged_answer(store, surveys):
    step = await answered(store, surveys, 1, {"channel": "ad", "checkout_ease": "1", "purchase_csat": "1"})
    first = await complaints.review(store, RULES, step.invitation.id, step.customer.id, T0)
    assert first is not None and first.state == "open"
    assert await complaints.review(store, RULES, step.invitation.id, step.customer.id, T0) is None  # nothing new
    step = await journey.write(
        store, surveys, step.customer, "it came broken", lambda t: reading(-0.6, complaint=True), T0
    )
    again = await complaints.review(store, RULES, step.invitation.id, step.customer.id, T0)
    assert again is not None and again.id == first.id
    card = await store.complaint_card(first.id)
    flagged = card.flagged
    assert (card.customer.first_name, card.order_ref, card.survey, card.last_reply) == (
        "Ann",
        "O-1",
        "post_purchase",
        None,
    )
    assert [(a.question_id, a.reasons) for a in flagged] == [
        ("checkout_ease", ("ces_low",)),
        ("purchase_csat", ("csat_low",)),
        ("what_went_wrong", ("complaint_text",)),
    ]


async def test_states_move_only_along_allowed_paths_and_log_who(store, surveys):
    step = await answered(store, surveys, 2, {"channel": "ad", "checkout_ease": "5", "purchase_csat": "2"})
    complaint = await complaints.review(store, RULES, step.invitation.id, step.customer.id, T0)
    sam, kim = (900, "Sam"), (901, "Kim")
    assert not await complaints.reopen(store, complaint.id, sam, T0)  # not resolved yet
    assert await complaints.take(store, complaint.id, sam, T0 + timedelta(minutes=5))
    assert await complaints.take(store, complaint.id, kim, T0 + timedelta(minutes=6))  # taken over
    assert (await store.complaint(complaint.id)).assignee_name == "Kim"
    assert await complaints.resolve(store, complaint.id, kim, T0 + timedelta(hours=1))
    assert not await complaints.resolve(store, complaint.id, kim, T0 + timedelta(hours=1))
    assert await store.confirm(complaint.id, False, T0 + timedelta(hours=2))
    assert not await store.confirm(complaint.id, True, T0 + timedelta(hours=2))  # asked once per resolution
    reopened = await store.complaint(complaint.id)
    assert reopened.state == "reopened" and reopened.resolved_at is None and reopened.confirmed is False
    assert await complaints.resolve(store, complaint.id, sam, T0 + timedelta(hours=3))
    assert await store.confirm(complaint.id, True, T0 + timedelta(hours=4))
    assert (await store.complaint(complaint.id)).confirmed is True
    events = await store._all("SELECT kind, actor_name FROM complaint_events ORDER BY id")
    assert events == [
        ("opened", None),
        ("taken", "Sam"),
        ("taken", "Kim"),
        ("resolved", "Kim"),
        ("confirmed_no", None),
        ("resolved", "Sam"),
        ("confirmed_yes", None),
    ]


async def test_escalation_is_claimed_once_and_resets_on_reopen(store, surveys):
    step = await answered(store, surveys, 3, {"channel": "ad", "checkout_ease": "5", "purchase_csat": "1"})
    complaint = await complaints.review(store, RULES, step.invitation.id, step.customer.id, T0)
    later = T0 + timedelta(hours=5)
    assert await store.due_escalations(later) == []  # no card posted yet: nothing to raise
    await store.set_card(complaint.id, -100, 7, None)
    assert [c.id for c in await store.due_escalations(later)] == [complaint.id]
    assert await store.due_escalations(T0 - timedelta(seconds=1)) == []
    assert await store.mark_escalated(complaint.id, later)
    assert not await store.mark_escalated(complaint.id, later)
    assert await store.due_escalations(later) == []
    assert await complaints.resolve(store, complaint.id, (900, "Sam"), later)
    assert await complaints.reopen(store, complaint.id, (900, "Sam"), later)
    assert await store.due_escalations(later + timedelta(hours=5)) != []  # untouched again after reopening


def test_the_lifecycle_tables_agree_with_each_other():
    assert set(TRANSITIONS) == set(Action) and set(BUTTONS) == set(State)
    for state, actions in BUTTONS.items():
        assert all(state in TRANSITIONS[a].sources for a in actions), state  # no button the store would refuse
    assert set(UNTAKEN) <= set(OPEN_STATES) and CONFIRMABLE not in OPEN_STATES and NOT_FIXED.sources == (CONFIRMABLE,)
    reachable = {State.OPEN} | {t.target for t in (*TRANSITIONS.values(), NOT_FIXED)}
    assert reachable == set(State)


@pytest.mark.parametrize("state", list(State))
async def test_the_open_states_alone_decide_what_the_store_and_the_report_count_open(store, surveys, state):
    step = await answered(store, surveys, 30, {"channel": "ad", "checkout_ease": "5", "purchase_csat": "1"})
    complaint = await complaints.review(store, RULES, step.invitation.id, step.customer.id, T0)
    await store.set_card(complaint.id, -100, 7, None)
    async with store._transaction() as db:
        await db.execute("UPDATE complaints SET state = ?", (state.value,))
    is_open = state in OPEN_STATES
    assert [c.state for c in await store.open_complaints()] == ([state] if is_open else [])
    assert [c.id for c in await store.due_escalations(T0 + timedelta(days=1))] == (
        [complaint.id] if state in UNTAKEN else []
    )
    # The week after: the complaint is listed among the oldest open only while it is open.
    start, end = T0 + timedelta(days=7), T0 + timedelta(days=14)
    with connect_readonly(store.path) as conn:
        facts = pd.read_sql(COMPLAINT_FACTS, conn, params=complaint_facts_params(start, end))
    oldest = complaint_figures(facts, start, end, now=end).oldest_open
    assert [(i, s) for i, _, s, _ in oldest] == ([(complaint.id, state.value)] if is_open else [])


async def test_forget_erases_the_person_and_keeps_anonymous_scores(store, surveys):
    keep = await answered(
        store, surveys, 4, {"channel": "ad", "checkout_ease": "5", "purchase_csat": "1", "what_went_wrong": "mine"}
    )
    gone = await answered(
        store, surveys, 5, {"channel": "ad", "checkout_ease": "4", "purchase_csat": "1", "what_went_wrong": "secret"}
    )
    for step in (keep, gone):
        await complaints.review(store, RULES, step.invitation.id, step.customer.id, T0)
    await store.save_updates(
        [
            (1, '{"update_id": 1, "message": {"from": {"id": 5}, "text": "secret"}}'),
            (2, '{"update_id": 2, "message": {"from": {"id": 4}, "text": "mine"}}'),
        ],
        T0,
    )
    for update_id in (1, 2):
        await store.mark_updates_processed([update_id], T0)

    assert await journey.forget(store, 5, T0)
    assert not await journey.forget(store, 5, T0)
    assert await store.customer_by_user(5) is None and await store.customer_by_user(4) is not None
    assert await store._all("SELECT value_text FROM answers WHERE question_type = 'text'") == [("mine",)]
    assert await store._all("SELECT count(*) FROM answers WHERE value_number IS NOT NULL") == [(4,)]
    assert await store._all("SELECT customer_id FROM complaints") == [(keep.customer.id,)]
    assert await store._all("SELECT update_id FROM inbox") == [(2,)]
    # The forgotten order's link no longer opens anything.
    order_id = gone.invitation.order_id
    step = await journey.open_link(
        store, surveys, Policy(), SECRET, make_token(SECRET, order_id), Person(5, 5, "Ann"), T0
    )
    assert step.status == "invalid_link"
    data = await journey.my_data(store, 4)
    assert [o["order"] for o in data["orders"]] == ["O-4"] and "mine" in [a["text"] for a in data["answers"]]
    assert await journey.my_data(store, 5) is None


async def test_a_chat_message_is_logged_and_relayed_once(store, surveys):
    step = await answered(store, surveys, 6, {"channel": "ad", "checkout_ease": "5", "purchase_csat": "1"})
    complaint = await complaints.review(store, RULES, step.invitation.id, step.customer.id, T0)
    assert await complaints.customer_replied(store, complaint, "where is it?", "💬 Ann: where is it?", (6, 41), T0)
    assert not await complaints.customer_replied(store, complaint, "where is it?", "💬 Ann: where is it?", (6, 41), T0)
    assert not await store.message_logged(-100, 41)  # another chat's message 41 is another message
    await complaints.staff_replied(store, complaint, (900, "Sam"), "on its way", (-100, 41), T0)
    await complaints.staff_replied(store, complaint, (900, "Sam"), "on its way", (-100, 41), T0)
    assert await store.message_logged(-100, 41)
    assert await store._all("SELECT kind FROM complaint_events ORDER BY id") == [
        ("opened",),
        ("customer_reply",),
        ("staff_reply",),
        ("taken",),
    ]
    assert await store._all("SELECT body FROM desk_notes") == [("💬 Ann: where is it?",)]


async def test_a_text_is_flagged_by_its_stored_complaint_decision(store, surveys):
    def polite(text):
        return reading(0.2, complaint=True, topics=("delivery",))

    step = await answered(
        store,
        surveys,
        21,
        {
            "channel": "ad",
            "checkout_ease": "6",
            "purchase_csat": "4",
            "improve": "all fine except the parcel never came",
        },
        polite,
    )
    complaint = await complaints.review(store, RULES, step.invitation.id, step.customer.id, T0)
    assert complaint is not None
    flagged = (await store.complaint_card(complaint.id)).flagged
    assert [(a.question_id, a.reasons, a.topics) for a in flagged] == [("improve", ("complaint_text",), ("delivery",))]


@pytest.mark.parametrize("feeling", [Feeling.NONE, Feeling.NEUTRAL])
async def test_a_neutral_or_empty_answer_never_opens_a_complaint(store, surveys, feeling):
    # Even a score below the threshold and a listed phrase open nothing when the text is read as neutral or empty.
    def flat(text):
        return reading(-0.9, feeling=feeling)

    step = await answered(
        store,
        surveys,
        22 if feeling is Feeling.NONE else 23,
        {"channel": "ad", "checkout_ease": "6", "purchase_csat": "4", "improve": "late"},
        flat,
    )
    assert await complaints.review(store, RULES, step.invitation.id, step.customer.id, T0) is None


async def test_a_negative_opinion_alone_opens_nothing(store, surveys):
    # "Not my favourite colour" reads negative but reports nothing the shop can act on: only the complaint
    # decision of the reading flags a text, whatever its score.
    step = await answered(
        store,
        surveys,
        24,
        {"channel": "ad", "checkout_ease": "6", "purchase_csat": "4", "improve": "not my favourite colour"},
        lambda t: reading(-0.9),
    )
    assert await complaints.review(store, RULES, step.invitation.id, step.customer.id, T0) is None


async def test_an_operators_own_phrases_flag_a_negative_text(store, surveys):
    own = FlagRules(phrases={"en": ("colour",)}, custom_phrases=True)
    step = await answered(
        store,
        surveys,
        25,
        {"channel": "ad", "checkout_ease": "6", "purchase_csat": "4", "improve": "not my favourite colour"},
        lambda t: reading(-0.9),
    )
    complaint = await complaints.review(store, own, step.invitation.id, step.customer.id, T0)
    flagged = (await store.complaint_card(complaint.id)).flagged
    assert flagged[0].reasons == ("complaint_words",)


@pytest.mark.parametrize(
    "text",
    [
        "When is the large back in stock?",
        "is there a first-order discount?",
        "подскажите, есть ли скидка на второй заказ?",
        "когда будет в наличии размер м?",
        "什么时候补货？",
        "这款还有货吗",
    ],
)
def test_a_shoppers_question_about_stock_or_an_offer_is_no_complaint(text: str) -> None:
    assert not read_text(text).complaint, text


@pytest.mark.parametrize(
    "text",
    [
        "it said in stock, I paid, now you say it isn't?? refund me",
        "есть ли скидка? товар пришёл сломанный",
        "还有货吗？我的订单一直没发货",
    ],
)
def test_a_question_about_stock_beside_a_fault_is_still_a_complaint(text: str) -> None:
    assert read_text(text).complaint, text


# A worry that did not come true names a problem only to say it did not happen.
@pytest.mark.parametrize(
    "text",
    [
        "I was scared the parcel got lost but it turned up on time",
        "was worried the vase would arrive broken, but it came intact",
        "was worried it would be too small but it fits perfectly",
        "боялась, что посылка потерялась, но пришла вовремя",
        "переживал что сломается при доставке, но всё цело",
        "怕快递丢了，结果第二天就到了，放心了",
        "担心快递会压坏，结果完好无损",
        "本来担心是假货，结果是正品",
        # rule 252: a false alarm the customer saw through
        "panicked for a sec when the fan wouldnt start, then realised the plug has a reset button. works fine",
        "i thought you sent the wrong colour but its the same one, my kitchen lighting is just weird",
        # rule 253: the same in Russian and Chinese
        "подумала что чек не прислали, нашла его в личном кабинете. все есть",
        "打印机打出来全是空白，以为是坏的，原来是保护胶条没撕",
        "显示已签收吓我一跳，问了下原来放快递柜了，找到了",
    ],
)
def test_a_worry_that_did_not_come_true_is_no_complaint(text: str) -> None:
    assert not read_text(text).complaint, text


@pytest.mark.parametrize(
    "text",
    [
        "was worried it would be late and it was, 10 days",
        "I was worried about the size but it is way too small, need an exchange",
        "I'm afraid the lamp arrived broken",
        "боялась, что будет мало, но оказалось ещё и бракованное",
        "担心尺码不合适，结果真的小了，想换大一码",
        "你们把我的电话写错了，快递一直打不通",
        "thought it was fine at first but then it stopped working",
        "i was sure it would come today but its still not here",
        "думала, что просто долго едет, а потом пришло смс что заказ отменен",
        "以为是小问题，结果真的坏了，开不了机",
        # rule 254: "gone" and "у меня" that tell of a fault, not of the alarm going away
        "i thought the heater was just slow but its still cold after an hour, the element must be gone",
        "мне кажется с меня списали за доставку, хотя было написано бесплатно от 3000, а у меня 3400",
    ],
)
def test_a_worry_that_came_true_or_a_slip_that_was_the_shops_is_still_a_complaint(text: str) -> None:
    assert read_text(text).complaint, text


@pytest.mark.parametrize("text", ["我自己的手机号写错了一位，后来改好了", "是我自己的地址写错了，快递打电话问清楚了"])
def test_a_chinese_customer_who_wrote_their_own_details_wrong_owns_it(text: str) -> None:
    assert not read_text(text).complaint, text


# Owned or let go: the customer's own wrong pick, a mishap waved away after amends, a fix told as done properly.
@pytest.mark.parametrize(
    "text",
    [
        "всё хорошо, просто я сам заказал не тот размер",
        "я выбрала не ту расцветку, магазин тут ни при чём",
        "快递晚了一天，客服道了歉，我也就不追究了",
        "the app froze at checkout once but support fixed it properly",
    ],
)
def test_an_own_wrong_pick_a_mishap_let_go_or_a_fix_done_properly_is_no_complaint(text: str) -> None:
    assert not read_text(text).complaint, text


@pytest.mark.parametrize(
    "text",
    [
        "я сам выбрал не тот цвет, но и пришёл он с дыркой",
        "晚了两天我就不计较了，但是盒子里少了一个配件",
        "they said they fixed it properly but it still won't turn on",
    ],
)
def test_an_owned_slip_or_a_fix_followed_by_a_fault_is_still_a_complaint(text: str) -> None:
    assert read_text(text).complaint, text


@pytest.mark.parametrize(
    "text",
    ["спасибо за ничего", "ну спасибо за ничего, третий день жду ответа", "没有人联系我", "一直没有人理，也没人管"],
)
def test_thanks_for_nothing_and_nobody_getting_in_touch_are_complaints(text: str) -> None:
    assert read_text(text).complaint, text


# Put right or owned, in words the rules had not met: a charge refunded the same day, an item the customer cancelled
# themselves, an exchange with no questions asked, nothing that broke.
@pytest.mark.parametrize(
    "text",
    [
        "списали два раза, поддержка вернула переплату на следующий день, спасибо",
        "из трёх позиций одну отменил сам, две пришли",
        "the first pair was too tight, exchanged with no fuss, love them",
        "nothing broke even though the box looked rough",
    ],
)
def test_a_charge_refunded_the_same_day_or_an_own_cancellation_is_no_complaint(text: str) -> None:
    assert not read_text(text).complaint, text


@pytest.mark.parametrize(
    "text",
    [
        "заказ отменили сами, без объяснений",
        "списали дважды, хочу чтобы вернули лишнее",
        "exchanged with no fuss but the new pair is also too tight",
    ],
)
def test_a_cancellation_by_the_shop_or_a_fix_followed_by_a_fault_is_still_a_complaint(text: str) -> None:
    assert read_text(text).complaint, text


# Taste is an opinion in Russian and Chinese too, as "not my style" is in English; a fault beside it still reports.
@pytest.mark.parametrize(
    "text",
    [
        "запах у крема резковат на мой вкус",
        "не моё, но качество хорошее",
        "不是我的菜，但质量没问题",
        "个人不太喜欢这个味道",
    ],
)
def test_a_verdict_of_taste_is_no_complaint_in_russian_or_chinese(text: str) -> None:
    assert not read_text(text).complaint, text


@pytest.mark.parametrize("text", ["на мой вкус коротковато, и шов на рукаве разошёлся", "不是我的菜，而且还少发了一件"])
def test_taste_beside_a_fault_is_still_a_complaint(text: str) -> None:
    assert read_text(text).complaint, text


# Written from older rules rows in the twelfth session (none of these texts is a row).
@pytest.mark.parametrize(
    "text",
    [
        "not the black one from my order, this one is grey",
        "the pictures make it look twice the size",
        "the courier told me it was my fault the box got lost",
        "игнорят уже неделю",
        "написал в чат в понедельник, сегодня пятница. тишина",
        "оплатил заказ два раза, верните",
        "отправили посылку в другой город",
    ],
)
def test_faults_written_from_older_rules_rows_are_flagged(text: str) -> None:
    assert read_text(text).complaint, text


@pytest.mark.parametrize(
    "text",
    [
        "never had to chase anything, didn't have to chase a thing",
        "thought about returning the lamp but it grew on me",
        "outer box was squashed but everything inside was perfectly fine",
        "ordered the wrong colour myself, happy anyway",
        "доставка опоздала на полчаса, так что всё ок, мелочь",
        "думала вернуть, потом привыкла. хорошая сумка",
        "размер маловат, ну бывает",
        "никуда не пришлось звонить, всё пришло",
    ],
)
def test_shrugs_and_dropped_returns_written_from_older_rules_rows_are_no_complaint(text: str) -> None:
    assert not read_text(text).complaint, text


# Written from the twelfth session's en14 rules rows (none of these texts is a row).
@pytest.mark.parametrize(
    "text", ["the chairs were 5 not 6, one short for the table", "yoghurt was a day from expiring"]
)
def test_a_short_count_or_food_about_to_expire_is_a_complaint(text: str) -> None:
    assert read_text(text).complaint, text


@pytest.mark.parametrize(
    "text",
    [
        "a cable was missing but they sent it the next day, thanks",
        "is there a refill pack for the detergent?",
        "the price went up since last year, still worth it",
        "can I pick a different courier for my next order?",
    ],
)
def test_a_fix_sent_next_day_a_refill_question_or_an_older_price_is_no_complaint(text: str) -> None:
    assert not read_text(text).complaint, text


# Round seven (eighteenth session), kinds read from judge passes; none of these texts is a row.
@pytest.mark.parametrize(
    "text",
    [
        "the box says 4 filters included, there were 3",
        "lovely scarf, but the wrong one was inside the parcel",
        "got a green one instead of grey",
        "the mat smells really strongly of rubber, had to air it for days",
        "would have been perfect if it had arrived by friday as promised",
        "still waiting for the replacement you promised",
        "цвет вообще не как на фото",
        "упаковка надорвана, половина чая высыпалась",
        "привезли не в тот пункт выдачи, пришлось ехать через весь город",
        "заказал 4 банки, привезли 3",
        "电池用了一周就鼓包了",
        "新手柄左摇杆有漂移",
        "说好3天发货，现在都十天了",
    ],
)
def test_round_seven_faults_are_flagged(text: str) -> None:
    assert read_text(text).complaint, text


@pytest.mark.parametrize(
    "text",
    [
        "the parcel was a bit squashed but nothing was broken",
        "returned the first pair and exchanged it easily for a bigger one",
        "i thought it was waterproof, it isn't, my assumption",
        "the rest of my order is coming later but i knew it ships in two parts",
        "заказывала 12 числа, пришло 14, всё ок",
        "на фото совсем не как вживую, в жизни гораздо лучше",
        "коробка помялась, но внутри всё цело",
        "сын быстро растет, через месяц кофта стала мала",
        "сначала подумала, что пятно, оказалось это просто наклейка",
        "пакет немного надорвался, но ничего не просыпалось",
        "说三天发货，结果第二天就到了",
    ],
)
def test_round_seven_near_misses_are_no_complaint(text: str) -> None:
    assert not read_text(text).complaint, text


# Round eight (eighteenth session); none of these texts is a row.
@pytest.mark.parametrize(
    "text",
    [
        "the rug looks nothing like the pictures",
        "paid for next day delivery and it took 4 days",
        "there's a hair trapped inside the screen",
        "nah, apart from getting the small instead of the medium",
        "привезли не в тот день, пришлось отпрашиваться с работы",
        "при оплате не давало применить промокод",
        "оператор сказал «сами виноваты», хотя упаковка была вскрыта",
        "спасибо за посылку, которой не было",
        "курьер молча оставил коробку у двери",
        "转起来咔咔响",
        "毛衣上有个小洞",
    ],
)
def test_round_eight_faults_are_flagged(text: str) -> None:
    assert read_text(text).complaint, text


@pytest.mark.parametrize(
    "text",
    [
        "the colour is nothing like the photos, even better in person",
        "the return was processed within 2 days, thanks",
        "the page said 'heavy', it wasn't kidding, solid as a rock",
        "a day late because of the storm, totally understandable",
        "two days late but it didn't matter to me",
        "курьер оставил у двери, как я и просил",
        "курьер опоздал, но заранее позвонил и предупредил",
        "была задержка, но магазин сам написал и дал промокод",
        "ничего не поцарапано, всё цело",
        "袋子是开口的，但里面东西没事",
        "快递晚了一天，不过客服处理得很好",
    ],
)
def test_round_eight_near_misses_are_no_complaint(text: str) -> None:
    assert not read_text(text).complaint, text


@pytest.mark.parametrize(
    "text",
    [
        "it doesn't matter how many times i call, nobody answers",
        "but i was told it would arrive monday and it didn't",
        "they sent pink, not my choice",
    ],
)
def test_a_shrug_word_inside_a_complaint_owns_nothing(text: str) -> None:
    from analysis.complaint_text import _own_fault

    assert not _own_fault(text, "en"), text


@pytest.mark.parametrize(
    "text",
    [
        "the smoke alarm only works 1 in 5 times i press test",
        "my new watch loses about 2 minutes a day",
        "bathroom scale shows 1.4kg with nothing on it",
        "mirror fogs up within seconds, anti-fog my arse",
        "the rug is smaller than the dimensions on the listing",
        "ice cream arrived completely thawed",
        "кнопка не срабатывает с первого раза",
        "таймер периодически сбивается",
        "из 4 лампочек работают только 2",
        "物流显示派送异常，三天了没人管",
        "约好了周六送，白等了一天",
    ],
)
def test_round_nine_faults_are_flagged(text: str) -> None:
    assert read_text(text).complaint, text


@pytest.mark.parametrize(
    "text",
    [
        "love the frozen pizzas, crispy every time",
        "the bottle doesn't leak, even upside down in my bag",
        "thought i'd been charged twice but it was just a hold, all good",
        "the shoe rubs my foot a little at first, then fine",
        "доставка платная, но я сам выбрал курьера",
        "сначала дали не тот код, но через пять минут прислали правильный",
        "不推荐也不反对，中规中矩吧",
    ],
)
def test_round_nine_near_misses_are_no_complaint(text: str) -> None:
    assert not read_text(text).complaint, text


@pytest.mark.parametrize(
    "text",
    [
        "the charger that was supposed to be included wasn't in the box",
        "my desk chair keeps sinking during the day",
        "термометр показывает то 36 то 38 подряд",
        "наушники теряют связь с телефоном",
        "присоска слабая, держатель падает",
        "свитер линяет, весь диван в ворсе",
        "ждала курьера 5 часов, так и не дождалась звонка",
        "微信付不了，一直提示网络异常",
    ],
)
def test_round_ten_faults_are_flagged(text: str) -> None:
    assert read_text(text).complaint, text


@pytest.mark.parametrize(
    "text",
    [
        "i scratched the lens myself, my own fault. do you sell spare lenses?",
        "i was worried the vase would break but it was packed like a fortress",
        "деньги за возврат пришли быстро, спасибо",
        "кофе не горчит, вкус мягкий",
        "风扇很安静，不吵",
        "以为坏了，原来是插头没插好",
        "按客服建议买大一码，刚好合身",
    ],
)
def test_round_ten_near_misses_are_no_complaint(text: str) -> None:
    assert not read_text(text).complaint, text


def test_an_owning_asked_back_in_its_own_sentence_is_no_owning() -> None:
    from analysis.complaint_text import _own_fault

    assert not _own_fault("my fault?? the size chart said M", "en")
    assert _own_fault("my own fault. any chance i can buy a spare?", "en")


# Rounds of the twentieth session (rules 69–78), kinds read from the session's passes; none of these texts is a row.
@pytest.mark.parametrize(
    "text",
    [
        "the lamp was meant to be here monday. it's thursday now",
        "site said 3-5 days, today is day 11",
        "было указано 1-2 дня, сегодня уже пятый",
        "说好两天，第六天才到",
        "where are the other two? only one came",
        "а где остальные? в коробке только одна",
        "the earbuds only charge if i hold the case shut",
        "наушники заряжаются только если прижать кабель",
        "the felt tips arrived completely dry",
        "маркеры засохли, ни один не пишет",
        "support replied after 4 days",
        "ответили только через неделю",
        "ordered the mug in green but it came in yellow",
        "my promo code never applied at checkout",
        "the bulb flickers when dimmed",
        "светильник мерцает на низкой яркости",
        "the watch syncs maybe half the time",
        "одна тарелка с трещиной, как будто уже кто-то пользовался",
        "the kettle came with a eu plug",
        "посадила 10 семян, не взошло ни одно",
        "在说明书上找不到，但是门把手是松的",
        "灯有频闪，晚上用眼睛很累",
    ],
)
def test_twentieth_session_faults_are_flagged(text: str) -> None:
    assert read_text(text).complaint, text


@pytest.mark.parametrize(
    "text",
    [
        "the price went up 3 quid since my last order, fine by me",
        "refund took 5 days, which is what they said",
        "the website looks a bit dated but it worked",
        "box was dented but the vase inside was perfect",
        "a pain to set up but it's sturdy now",
        "the strap was stiff at first, softened up after a week",
        # no shrug knows "the first payment"; since rule 83 the reader must lean to a complaint for UNHAPPY
        "my bank blocked the first payment, all sorted after a call",
        "do you ship to ireland?",
        "кабель коротковат, но у меня есть свой",
        "коробку помяли, но внутри всё цело",
        "деньги пришли через 2 дня, спасибо",
        "в заявленный срок уложились, всё хорошо",
        "ничего не сломалось и не треснуло",  # an xfail until rule 161 (twenty-ninth session): a fault denied
        "客服直接给我退了10块，挺好的",
        "快递盒有点破，里面东西没事",
        "这个杯子不漏水，很好用",
    ],
)
def test_twentieth_session_near_misses_are_no_complaint(text: str) -> None:
    assert not read_text(text).complaint, text


# Rounds of the twenty-first session (rules 81, 85, 86, 90, 91), kinds read from the session's passes; none of these
# texts is a row.
@pytest.mark.parametrize(
    "text",
    [
        # rule 81
        "asked for the grey one. got beige",
        "love the mug but the logo is printed off-centre",
        "кнопка залипает через раз",
        "мышка кликает не с первого раза",
        "на фото выглядела ярче, в жизни тусклая. наверное верну",
        "ручка у кружки раскололась",
        "а в описании было указано, что в комплекте чехол. чехла нет",
        "инструкция только на китайском, ничего не понятно",
        "物流超时三天了还没到",
        "havent got it after 3 weeks",
        "it hasn't arrived, been 10 days",
        # rule 85
        "the low battery light keeps flashing even with new batteries",
        "посылка пришла в пакете без коробки, подарок так не вручишь",
        "пришлось докупать коробку, свою не положили",
        "这个吸尘器比宣传的重很多",
        "等了三个星期的快递，终于到了",
        "结账时付了两次，希望只扣了一次吧",
        # rule 86
        "the box looked like someone had stood on it",
        "колонки шипят даже на средней громкости",
        "часы очень громко тикают, спать невозможно",
        "отправили в другой пункт выдачи, ехать через весь город",
        "в описании было «водонепроницаемые», а после дождя внутри вода",
        "用了两天脸上长痘痘了",
        "手表收到了，充电器没有",
        # rule 90
        "тарелка пришла со сколом",
        "пришла другая модель, не та что на сайте",
        "сиденье кресла проседает уже через месяц",
        "хотелось бы обмен, ручка треснула",
        'доставка "за 2 дня" заняла неделю',
        "椅子坐着坐着自己往下沉",
        "麻烦给我补寄个配件",
        # rule 91
        "the shelf arrived without the screws",
        "one leg is shorter than the others",
        "the lid doesnt click shut",
        'the "leather" strap is actually plastic',
        "оплатила подарочную упаковку, а пришло в обычной коробке",
        "посылку доставили в пункт выдачи в другом городе",
        "ручка у кружки не держится",
        "приехали в 10 вечера, а окно было 12-16",
    ],
)
def test_twenty_first_session_faults_are_flagged(text: str) -> None:
    assert read_text(text).complaint, text


@pytest.mark.parametrize(
    "text",
    [
        # rule 81
        "the logo is a tiny bit off centre, nobody will notice",
        "price went up a bit but i still bought it",
        "a bit wobbly at full height but solid folded, which is how i use it anyway",
        "was waiting for it to break like my last one, and it never did",
        "переноска удобная, ребенок спит",
        "переносная колонка, звук отличный",
        "на фото казалась темнее, но вживую тоже красивая",
        "сама не туда нажала, заказала лишнюю, вернула без проблем",
        "доставка задержалась, но переживу",
        "курьер опоздал на 15 минут, но позвонил заранее",
        "получила синюю, как и заказывала",
        "线太长了，用不了这么长，下次买短一点的",
        "刚开始有点硬，用着也习惯了",
        "haven't received it yet and it's been two days",
        # rule 85
        "app said delivered, went outside and there it was by the door",
        "wrong address was my fault, you sent it on anyway though, thanks",
        "used the blender for two weeks now. no problems",
        "battery lasts for ages",
        "кошка подрала коробку, но это я сама виновата, кружка цела",
        "собака погрызла коробку, лампа цела",
        "сначала испугалась, что скол, оказалось волосинка",
        "молния туговата, но привыкну",
        "наушники топ, заряд держит неделю",
        "功能有点多，我还没研究明白",
        "快递箱子太大了，不环保",
        "春天还没到，还没穿",
        # rule 86
        "собака эти игрушки игнорирует, но это собака, а не вы",
        "客服特意打电话确认订单，很贴心",
        "想问一下质保期多久",
        "鞋子收到了，明天去徒步试试",
        "手表收到了，没有任何问题",
        "收到了，包装没有破损",
        # rule 90
        "the sheets felt stiff at first but after a couple of washes they're soft",
        "delivery took the usual 4 days, fine",
        "my son says the mug is too big but i think it's perfect",
        "couldnt find the promo box but got there in the end",
        "i was going to return it but keeping it",
        "в описании всё было, я просто не прочитала",
        "единственное пожелание — больше цветов",
        "оплата прошла с первого раза",
        "客服教我重启一下就好了",
        "外箱有点破，里面东西一点事没有",
        "这个锅能直接放电磁炉上用吗？",
        "кружка пришла со сколом, новую привезли на следующий день",
        # rule 91
        "courier was lovely, got the box around 9pm, slot was 6-10",
        "the box was battered but the lamp arrived perfect",
        "the jeans fit perfectly now",
        "外箱压坏了，东西完好无损",
        "怕会漏，结果一点事没有",
        "换货很顺利，新的很好",
    ],
)
def test_twenty_first_session_near_misses_are_no_complaint(text: str) -> None:
    assert not read_text(text).complaint, text


@pytest.mark.parametrize(
    "text",
    [
        # rule 95 (twenty-second session): kinds, none of them a row
        "the kettle smells of burning after a week",
        "my toaster started to smell burnt on day two",
        "чайник пахнет горелым уже на второй день",
        "появился запах гари от зарядки",
        "运动鞋穿了三天鞋底和鞋面就分开了",
        "收到的耳机盒子是拆过的",
        "页面里明明写着有赠品，结果没有",
        "约好下午送，到了晚上才通知改到明天",
        # rule 97
        "the box had a deep crease across the lid",
        "客服星期二问的，星期六才回",
        "说明写的纯棉，做服装的朋友说最多一半是棉",
        "页面上写了送电池，盒子里没有",
        # rule 101
        "списали больше, чем было в корзине",
        "没什么了，还在等你们退款",
        # rule 103
        "посылка в пути уже третью неделю",
        "на фото был совсем другой цвет",
        "пришёл с дефектом",
        "есть дефект на рукаве",
        # rule 104
        "the box arrived with nothing inside",
        "оплата прошла только со второго раза",
    ],
)
def test_twenty_second_session_faults_are_flagged(text: str) -> None:
    assert read_text(text).complaint, text


@pytest.mark.parametrize(
    "text",
    [
        "кроссовки немного жали, но через пару дней разносились",
        "в прошлый раз был брак, но вы сразу прислали замену, поэтому заказываю снова",
        "电池续航跟详情页写的差不多",
        "孩子收到礼物高兴坏了",
        "快递晚了两天，不过提前打电话告知了，理解",
        # rule 97
        "我一开始装错了，看了说明书才弄好",
        "新买的帐篷有点味道，晾了两天就没味了",
        "椅子有点晃，拧了一下螺丝就稳了",
        # rule 101
        "нет, привезли всё как заказывала",
        # rule 103
        "без дефектов, всё отлично",
        "никаких дефектов не нашла",
        "без видимых дефектов, всё отлично",
        "не нашла дефектов",
    ],
)
def test_twenty_second_session_near_misses_are_no_complaint(text: str) -> None:
    assert not read_text(text).complaint, text


@pytest.mark.parametrize(
    "text",
    [
        # rule 108 (twenty-third session): kinds, none of them a row
        "got a size 10 but i ordered 12",
        "the desk lamp keeps cutting out",
        "the radio cuts out every few minutes",
        "the watch loses about 2 minutes a day",
        "the speaker is brilliant when it works",
        "the teapot isn't the one shown in the photos",
        "the wool arrived all knotted",
        "it turned up 3 days after the estimated date",
        "в наборе должно быть 12 карандашей, пришло 10",
        "в посылке не хватало одной детали",
        "опять присылаете не тот цвет",
        "написала в поддержку, ответов ноль",
        "картинка сильно отличается от реальности",
        "продавец обманул с размером",
        "说好的套装，结果没配充电器",
        "拆开一看杯子是碎的",
        "这个开关不好使",
    ],
)
def test_twenty_third_session_faults_are_flagged(text: str) -> None:
    assert read_text(text).complaint, text


@pytest.mark.parametrize(
    "text",
    [
        "got exactly what i ordered, thanks",
        "didnt have to return anything, all fit",
        "thanks for the fast refund!",
        "the refund for my cracked vase came through within a day",
        "i printed it and cut out the pattern",
        "именно этого мне не хватало",
        "цвет не отличается от реальности",
        "没有投诉，挺满意的",
        "刚下单，还没发货，等收到再说",
        "颜色没配错，很好看",
    ],
)
def test_twenty_third_session_near_misses_are_no_complaint(text: str) -> None:
    assert not read_text(text).complaint, text


@pytest.mark.parametrize(
    "text",
    [
        # rule 109 (twenty-third session): kinds, none of them a row
        "i'd like to swap the grey one for the navy one",
        "could i get a replacement please",
        "the clasp keeps popping open",
        "the tap drips from the base",
        "charged me in pounds but i selected euros",
        "refund says processed but my account shows nothing",
        "the discount wasn't applied at checkout",
        "the fabric is much thinner than in the photos",
        "заказ пришёл не полностью",
        "описание не соответствует товару",
        "кнопка смещена вбок",
        "по акции списали полную стоимость",
        "в приложении не получается оплатить заказ",
        "краска облезла за неделю",
        "耳机接口有点松",
        "风扇有异响",
        "封面有个折角",
        "盒子里应该是三个，只有两个",
        # the review's negations: a denial never swallows a "не" or a "wasn't"
        "посылка пришла не в срок",
        "второй платёж не вернулся",
        "wasn't charged the right amount",
    ],
)
def test_twenty_third_session_second_round_faults_are_flagged(text: str) -> None:
    assert read_text(text).complaint, text


@pytest.mark.parametrize(
    "text",
    [
        "he hasn't stopped raving about it",
        "charged the correct amount, all good",
        "payment failed at first, turned out my card had expired",
        "the refund for my jacket came within a day, brilliant",
        "ordered the wrong colour, swapped it myself",
        "brighter than in the photos, love it",
        "курьер задержался, но заранее написал, всё ок",
        "风扇没有异响，很安静",
        "ничего не облезло",
        "в каталоге нет такой позиции, добавьте",
        "not thinner than described at all",
    ],
)
def test_twenty_third_session_second_round_near_misses_are_no_complaint(text: str) -> None:
    assert not read_text(text).complaint, text


@pytest.mark.parametrize(
    "text",
    [
        "not your fault but the box was crushed",
        "the fan is louder than advertised",
        "the strap broke, not as promised",
        "it never arrived like they said",
        "They delivered the fridge but wouldnt take away the old one like they promised",
        "was worried it would be loud but its quiet, except the lid is cracked",
        "以为坏了，后来发现是真的坏了",
        "还以为丢了，结果到了是碎的",
    ],
)
def test_twenty_fourth_session_faults_beside_a_shrug_are_flagged(text: str) -> None:
    assert read_text(text).complaint, text


@pytest.mark.parametrize(
    "text",
    [
        "my son lost 2 puzzle pieces under the sofa within an hour 😂 not your fault",
        "took me an hour to pitch the tent the first time but thats me being useless. second time 15 min",
        "was worried because reviews said the chair squeaks but mine is dead silent",
        "the aquarium filter is quieter than advertised honestly",
        "the running shoes felt tight the first week, broke in nicely now",
        "Didn't love the smell on first use but the manual warned about it and it was gone after one run.",
        "support said the strap would ship separately and it turned up 2 days later like they said",
        "物流有一天没更新，我还以为丢了，结果第二天就到了",
        "刚开始以为键盘坏了，后来发现是没打开开关",
    ],
)
def test_twenty_fourth_session_shrugs_are_no_complaint(text: str) -> None:
    assert not read_text(text).complaint, text


@pytest.mark.parametrize(
    "text",
    [
        "emailed twice, no feedback",  # rule 126 (twenty-sixth session): support that never answered
        "still no feedback on my return",
        "No feedback from support after 2 weeks",
        "no feedback yet about the refund",
        "чашка пришла, не поцарапана, но ручка отколота",  # a denial beside a fault
        "коробка не помята, но фен внутри треснул",
    ],
)
def test_twenty_sixth_session_faults_are_flagged(text: str) -> None:
    assert read_text(text).complaint, text


@pytest.mark.parametrize(
    "text",
    [
        "no feedback, love the lamp",  # "no feedback" opening the answer declines
        "no feedback really, all good",
        "ничего не сломано, не поцарапано, всё на месте",  # damage denied after a comma
        "кружки целые, не треснуты, упаковано на совесть",
        "чехол плотный, не порван, сидит хорошо",
    ],
)
def test_twenty_sixth_session_near_misses_are_no_complaint(text: str) -> None:
    assert not read_text(text).complaint, text


@pytest.mark.parametrize(
    "text",
    [
        "support replaced my cracked mug within 2 days without any hassle. would recommend",  # rule 127: put right
        "support sorted out my double charge fast, refund was there the next morning. thank you!",
        "сначала списали дважды, написала в поддержку, вернули второй платёж в тот же день. претензий нет",
        "сначала пришёл не тот цвет, но мне быстро прислали правильный и старый даже не забрали",
        "上次买的空气炸锅坏了你们直接给换了新的，这次又来买了",
    ],
)
def test_twenty_sixth_session_problems_put_right_are_no_complaint(text: str) -> None:
    assert not read_text(text).complaint, text


@pytest.mark.parametrize(
    "text",
    [
        "they replaced my broken kettle within a week, but the new one leaks too",  # a fault after the fix
        "sorted out my order fast but the new one is broken too",
        "вернули второй платёж в тот же день, но первый так и висит",
        "прислали правильный размер, но опять с дыркой",
        "换了新的，结果新的又坏了",
    ],
)
def test_twenty_sixth_session_faults_after_a_fix_are_flagged(text: str) -> None:
    assert read_text(text).complaint, text


@pytest.mark.parametrize(
    "text",
    [
        "was promised next day delivery, paid extra for it, came in 4 days",  # rule 129: the English reader learns `fresh`
        "ok so the shaver works but it pulls hairs instead of cutting them. ouch",
        "dog food arrived but expiry date is next month?? bought a 12kg bag",
    ],
)
def test_twenty_seventh_session_faults_the_english_reader_learnt_are_flagged(text: str) -> None:
    assert read_text(text).complaint, text


@pytest.mark.parametrize(
    "text",
    [
        "i never contacted support so can't rate that bit",  # a decline of the judge dec24_en, flagged before rule 129
        "packed way too well, took me 10 mins to get through the tape 😂",
        "Delivered to the parcel locker as I chose. Straightforward.",
        "haven't received it yet and it's been two days",  # the pin that broke rule 128
    ],
)
def test_twenty_seventh_session_near_misses_are_no_complaint(text: str) -> None:
    assert not read_text(text).complaint, text


@pytest.mark.parametrize(
    "text",
    [
        "haven't received it yet, but it's only been a day",  # rule 135: a wait of a day or two, no promise named
        "ordered on monday, it's been 2 days, no rush",
    ],
)
def test_twenty_seventh_session_short_waits_are_no_complaint(text: str) -> None:
    assert not read_text(text).complaint, text


@pytest.mark.parametrize(
    "text",
    [
        "it's been 12 days and I haven't received it",  # a long wait
        "it said next day delivery and it's been two days",  # a promise missed
        "paid for express, it's been 2 days and nothing",
        "only 2 days in and the handle broke",  # a fault the rules name
        "it's been a day and the screen is already cracked",
    ],
)
def test_twenty_seventh_session_waits_past_a_promise_or_with_a_fault_are_flagged(text: str) -> None:
    assert read_text(text).complaint, text


@pytest.mark.parametrize(
    "text",
    [
        # rule 140 (twenty-eighth session): a match with the listing, said plainly, opens no learnt complaint (the guard
        # reader flagged "matches the description" at 0.77)
        "matches the description",
        "colour matches the photos",
        "dont have much to say, what i got matched the description",
        "与描述相符",
        "实物和图片一样",
        "нет. товар как на фото",  # rule 141: Russian too
        "соответствует описанию",
    ],
)
def test_twenty_eighth_session_a_match_with_the_listing_is_no_complaint(text: str) -> None:
    assert not read_text(text).complaint, text


@pytest.mark.parametrize(
    "text",
    [
        "matched the listing. The app kept logging me out at checkout tho",  # a turn after the match
        "Looks exactly like the photos but the zip broke on day one",
        "Vase looks just like the photos, arrived cracked though",
        "大体和图片相符，细节做工差一些",  # a hedged match with a fault
        "和图片一样，但是拉链坏了",
        "not as described",  # a denied match
        "colour doesn't match the photos",
        "与描述不符",
        "цвет не как на фото",  # rule 141: the MISLEADING rule reads a plain "не как на фото"
        "полотенце не такое пушистое как на фото",
        "как на фото, но шов кривой",
    ],
)
def test_twenty_eighth_session_a_match_with_a_fault_or_a_mismatch_is_flagged(text: str) -> None:
    assert read_text(text).complaint, text


@pytest.mark.parametrize(
    "text",
    [
        # rule 147: a fault told as a condition on praise (English and Russian)
        "would be perfect if the lid fit properly",
        "would have been great if it arrived on time",
        "было бы идеально, если бы крышка нормально закрывалась",
        "было бы здорово, если бы доставили вовремя",
    ],
)
def test_twenty_eighth_session_a_fault_told_as_a_condition_is_flagged(text: str) -> None:
    assert read_text(text).complaint, text


@pytest.mark.parametrize(
    "text",
    [
        "would be nice if you had more colours",  # wishes name no fault
        "it would be nice to have more colours",
        "было бы здорово, если бы появился размер побольше",
        "хотелось бы больше цветов",
        "要是有大号就好了",
    ],
)
def test_twenty_eighth_session_a_wish_told_as_a_condition_is_no_complaint(text: str) -> None:
    assert not read_text(text).complaint, text


@pytest.mark.parametrize(
    "text",
    [
        # rule 153 (twenty-ninth session): an English comparison with the listing is a mismatch
        "the earrings are a lot smaller than they look in the pics",  # read neutral, unflagged
        "it's way darker than on the site",
        "much thinner than the photos suggest",
        "smaller than it looked online",
        "isn't the same colour as on your site",
    ],
)
def test_twenty_ninth_session_a_comparison_with_the_listing_is_flagged(text: str) -> None:
    reading = read_text(text)
    assert reading.complaint and reading.score.feeling is Feeling.NEGATIVE, text


@pytest.mark.parametrize(
    "text",
    [
        "nicer than the pictures",  # a praise comparative
        "bigger and brighter than in the photos, love it",
        "other than the photos being old, great",  # "other than" compares nothing
        "darker than on the site but I actually like it more",  # liked after the mismatch
        "цвет темнее, чем на сайте",  # Russian and Chinese writers accept such comparisons too often (rule 153)
        "颜色比图片深",
    ],
)
def test_twenty_ninth_session_comparisons_that_open_nothing(text: str) -> None:
    assert not read_text(text).complaint, text


@pytest.mark.parametrize(
    ("text", "complaint"),
    [
        # rule 165 (thirtieth session): an English service or item called slow, rude, broken, buggy… plainly is a complaint
        ("the app is super buggy", True),  # read +0.89, unflagged
        ("shipping was super slow", True),
        ("checkout was really laggy", True),
        ("wasn't buggy at all", False),  # denied
        ("pretty uncomfortable tbh", False),  # a fault of feel, not one the shop put wrong
        ("is the app always this laggy?", False),  # a question
        ("delivery was slow but the courier called ahead, all fine", False),  # a turn
        # rule 166: the same in Russian and Chinese; rule 167: not the adverb "долго", not an expectation
        ("доставка была медленной", True),  # read neutral, unflagged
        ("物流超级慢", True),
        ("快递很慢", True),
        ("ткань очень колючая", False),  # a fault of feel
        ("кружка долго держит тепло", False),
        ("本来以为会很慢，结果第二天就到了", False),
    ],
)
def test_thirtieth_session_a_fault_said_plainly_is_flagged(text: str, complaint: bool) -> None:
    assert read_text(text).complaint is complaint, text


@pytest.mark.parametrize(
    ("text", "complaint"),
    [
        # rule 169 (thirtieth session): a fault denied opens no learnt complaint; rule 170: nor a keyword rule's
        ("wasn't rude at all, the support guy was actually nice", False),  # was flagged SUPPORT
        ("курьер не грубый, всё ок", False),  # was flagged SUPPORT
        ("物流一点都不慢", False),  # read -0.95 and flagged
        ("приложение не глючит, корзина не слетает", False),
        ("wasn't rude but the parcel never came", True),  # a turn: the rest is read
        ("курьер не грубый, но посылку так и не привёз", True),
        ("was the courier rude to anyone else?", True),  # no denial, a question about a rude courier
    ],
)
def test_thirtieth_session_a_fault_denied_is_no_complaint(text: str, complaint: bool) -> None:
    assert read_text(text).complaint is complaint, text


@pytest.mark.parametrize(
    ("text", "complaint", "feeling"),
    [
        # rule 159 (twenty-ninth session): an English fault denied opens no learnt complaint and reads positive; a manual
        # only in another language is a complaint (MISSING) and reads negative
        ("nothing came off in the wash", False, Feeling.POSITIVE),  # read -0.38
        ("no scratches, no dents, all good", False, Feeling.POSITIVE),
        ("instructions were only in german", True, Feeling.NEGATIVE),  # was unflagged
        ("manual only in french, had to google it", True, Feeling.NEGATIVE),
        ("nothing broke but the box was crushed", True, Feeling.NEGATIVE),  # a turn: the box is the complaint
    ],
)
def test_twenty_ninth_session_denied_faults_and_foreign_manuals(text: str, complaint: bool, feeling: Feeling) -> None:
    reading = read_text(text)
    assert (reading.complaint, reading.score.feeling) == (complaint, feeling), text


@pytest.mark.parametrize(
    "text",
    [
        # rule 161 (twenty-ninth session): a Russian or Chinese fault denied opens no learnt complaint and reads positive
        "ничего не сломалось, ничего не протекло",  # read -0.34
        "ни одной царапины",
        "没有破损没有少件",  # read -0.57
        "用了一周还没坏",
    ],
)
def test_twenty_ninth_session_a_fault_denied_reads_positive(text: str) -> None:
    reading = read_text(text)
    assert not reading.complaint and reading.score.feeling is Feeling.POSITIVE, text


@pytest.mark.parametrize(
    "text",
    [
        "ничего не разбилось, но коробка мятая",  # a turn
        "а точно ничего не сломано?",  # a question
        "东西没坏，但是箱子压扁了",
        "里面哗哗响，是不是碎了？",
    ],
)
def test_twenty_ninth_session_a_denied_fault_with_a_turn_or_question_is_not_read_as_praise(text: str) -> None:
    from analysis.sentiment import negation

    assert negation(text, read_text(text).score.language) <= 0, text


@pytest.mark.parametrize(
    ("text", "complaint"),
    [
        # rule 163 (twenty-ninth session): the English rules cut a denied fault before they read, so its fault word
        # flags nothing and the other sentences still speak
        ("Nothing leaked, nothing broke. Very happy", False),  # was flagged DEFECT
        ("none of the glasses were broken, packed really well", False),
        ("no leaks from the face serum bottle, it was sealed properly", False),
        ("toy works, nothing missing. batteries not included which would've been nice to know", True),
        ("nothing broke but the box was crushed", True),
        ("two glasses broke", True),
    ],
)
def test_twenty_ninth_session_a_denied_fault_is_cut_before_the_rules_read(text: str, complaint: bool) -> None:
    assert read_text(text).complaint is complaint, text


@pytest.mark.parametrize(
    ("text", "complaint", "feeling"),
    [
        # rule 172 (thirtieth session): a fault denied with a verb, in English and Chinese, is no complaint and reads
        # positive (the Russian part lost two catches)
        ("didnt crash", False, Feeling.POSITIVE),  # was flagged
        ("The tablet didn't overheat even after a 3 hour movie marathon 😎", False, Feeling.POSITIVE),  # read -0.97
        ("APP一次都没闪退，付款很顺", False, Feeling.POSITIVE),
        ("快递没迟到，说好周五到就周五到", False, Feeling.POSITIVE),
        ("didn't crash but checkout froze twice", True, Feeling.NEGATIVE),  # a turn: the rest is read
        ("没迟到，但是盒子压扁了", True, Feeling.NEGATIVE),
        ("курьер опоздал на два часа", True, Feeling.NEGATIVE),  # nothing denied
        ("APP闪退了", True, Feeling.NEGATIVE),
        ("盒子一点都没压扁，外箱平平整整的", False, Feeling.POSITIVE),  # "一点都没" no longer cut alone
        ("物流一点都不慢，盒子破了", True, Feeling.NEGATIVE),  # rule 176: a denial before a fault named turns nothing
        # rule 173: the same in Russian, cut before the keyword rules read only with no turn after it
        ("курьер не опоздал и не грубил, всё ок", False, Feeling.POSITIVE),  # was flagged LATE
        ("царапин нет", False, Feeling.POSITIVE),  # read -0.71, flagged
        ("не опоздал, но коробка мятая", True, Feeling.NEGATIVE),
        # the denial stays for the rules to read; negative since rule 190 (two blind labellers: a battery fault)
        ("не греется, но батарея садится за полдня", True, Feeling.NEGATIVE),
    ],
)
def test_thirtieth_session_a_fault_denied_with_a_verb(text: str, complaint: bool, feeling: Feeling) -> None:
    reading = read_text(text)
    assert (reading.complaint, reading.score.feeling) == (complaint, feeling), text


@pytest.mark.parametrize(
    ("text", "complaint", "feeling"),
    [
        # rule 206 (thirty-fourth session): English faults denied in more ways (a participle before a noun, "not one
        # of", wear nouns, "wasn't charged twice", "hasn't faded") are no complaint and read positive; all were flagged
        ("No broken pieces. Packed well.", False, Feeling.POSITIVE),  # read -0.52, DEFECT
        ("box wasnt crushed, no dents, bowls perfect", False, Feeling.POSITIVE),  # DAMAGED
        ("Not one of the glasses broke. Whoever packed that box deserves a raise", False, Feeling.POSITIVE),
        ("wasnt charged twice, card statement shows one transaction", False, Feeling.POSITIVE),
        (
            "the ceiling light wasn't missing any parts and the instructions actually made sense",
            False,
            Feeling.POSITIVE,
        ),
        ("colours havent faded after washing, no pilling either", False, Feeling.POSITIVE),
        ("the kettle's been boiling 10 times a day since it came, not a hiccup", False, Feeling.POSITIVE),  # LEARNT
        # the near misses stay complaints: "zero marks" is a verdict, "missing" after a word between, a turn
        (
            "Top marks for the packaging, everything wrapped beautifully. Zero marks for sending the wrong colour",
            True,
            None,
        ),
        ("didn't notice missing screws until later", True, None),
        ("not one of the glasses broke but the box was soaked and the card inside ruined", True, Feeling.NEGATIVE),
    ],
)
def test_thirty_fourth_session_more_english_faults_denied(text: str, complaint: bool, feeling: Feeling | None) -> None:
    reading = read_text(text)
    assert reading.complaint is complaint, text
    assert feeling is None or reading.score.feeling is feeling, text


@pytest.mark.parametrize(
    ("text", "complaint"),
    [
        # rule 211 (thirty-fourth session): Chinese, not arrived or not used yet with the wait accepted or the time not
        # yet come, opens no complaint (each was flagged LATE or MISSING)
        ("还没收到，物流显示明天到，到了再评", False),
        ("还没到用的季节，浴巾先收柜子里了", False),
        ("昨天才下的单 还没到 正常 到了再说", False),
        # the near misses stay complaints: a promise broken, days in delivery, a turn to a fault, a question
        ("还没收到，说好周三到的，今天都周五了", True),
        ("还没收到 快递说派送中已经派送了三天", True),
        ("还没到，不急，不过客服态度很差", True),
        ("还没收到，预计什么时候到？", True),
        # rule 228 (thirty-fifth session): a promise for later, a verdict put off
        ("沙发约的是下周送货，还没到，现在评不了", False),
        ("预售款 说好下个月发 还没发货很正常", False),
        ("说好下周送，结果这周都没消息", True),
        ("没法评价产品，因为到现在都没发货", True),
    ],
)
def test_thirty_fourth_session_chinese_not_yet_due(text: str, complaint: bool) -> None:
    assert read_text(text).complaint is complaint, text


@pytest.mark.parametrize(
    ("text", "complaint"),
    [
        # rule 224 (thirty-fifth session): English, not arrived or not used yet with the wait accepted opens no complaint
        # (each was flagged LATE)
        ("hasnt arrived yet but tracking says thursday so fine", False),
        ("still waiting for the sofa, delivery slot is next tuesday as planned", False),
        ("havent set up the cot, baby's not here yet", False),
        ("haven't hung the bird feeder up yet, waiting till it stops raining", False),
        # the near misses stay complaints: someone not answering, a turn to a fault, a promise broken, a question
        ("Still waiting for someone to answer my email", True),
        ("its a birthday gift so i havent opened it, but the gift wrap i paid extra for wasnt done", True),
        ("still waiting for it, tracking says friday but it was supposed to come monday", True),
        ("hasnt arrived yet, tracking says tomorrow again, third time now", True),
    ],
)
def test_thirty_fifth_session_english_not_yet_due(text: str, complaint: bool) -> None:
    assert read_text(text).complaint is complaint, text


@pytest.mark.parametrize(
    ("text", "complaint"),
    [
        # rule 223 (thirty-fifth session): English, faults denied in more forms open no complaint (each was flagged)
        ("not a single jar broken out of twelve. impressive", False),
        ("Was a bit nervous ordering wine glasses online but none broke. Good bubble wrap", False),
        ("wasn't the wrong colour like last time, so yeah happy", False),
        ("the parcel wasn't left in the rain like my neighbour's usually are 😅", False),
        ("No one was rude, no one made me wait. Easy.", False),
        ("no hidden fees at checkout, price was the price", False),
        # the near misses stay complaints: the denial taken back in the sentence, a fault after it
        ("nobody was rude exactly, they just never answered", True),
        ("the parcel wasn't left in the rain, it was left in a puddle", True),
        ("none broke but the lid is missing", True),
    ],
)
def test_thirty_fifth_session_english_faults_denied(text: str, complaint: bool) -> None:
    assert read_text(text).complaint is complaint, text


@pytest.mark.parametrize(
    ("text", "complaint"),
    [
        # rule 226 (thirty-fifth session): Chinese, a size and a return said not to have gone wrong name no problem to
        # the keyword rules (each was flagged SIZE or RETURN)
        ("尺码不偏小，按平时穿的码买刚刚好", False),
        ("尺码没问题，不偏大不偏小", False),
        ("退款没拖，两天就到账了", False),
        ("退货不麻烦，钱两天就退回来了", False),
        # the near misses stay complaints: a fault after the denial, a question, a refund dragged
        ("尺码没问题 颜色和图片差挺多的 比图上暗", True),
        ("退款拖了两周还没到", True),
        ("不偏小但是袖子太长了，想换", True),
    ],
)
def test_thirty_fifth_session_chinese_size_and_return_denied(text: str, complaint: bool) -> None:
    assert read_text(text).complaint is complaint, text


@pytest.mark.parametrize(
    ("text", "complaint"),
    [
        # rule 212 (thirty-fourth session): English, an item that held up is no complaint (each was flagged)
        ("no problems at all, not even a scratch", False),
        ("Been using the frying pan on high heat and it hasnt warped. Good buy.", False),
        ("earbuds got caught in the rain on my run, still working fine", False),
        ("Plant pots arrived without a single chip. Well wrapped.", False),
        # the near misses stay complaints: a fault between the use and the verdict, a turn after it
        ("washed it twice, the seams split, still works though", True),
        ("used it for a week and it still works but the lid cracked", True),
    ],
)
def test_thirty_fourth_session_an_english_item_that_held_up(text: str, complaint: bool) -> None:
    assert read_text(text).complaint is complaint, text


@pytest.mark.parametrize(
    ("text", "complaint"),
    [
        # rule 213 (thirty-fourth session): Russian, not used yet for a reason, or a return never made or made by
        # someone else, opens no complaint (each was flagged DEFECT or REFUND)
        ("тостер пока не включали, мы переезжаем", False),
        ("возвращать не стал, так что про возврат без комментариев", False),
        ("ответить не могу, возврат делала сестра", False),
        # the near misses stay complaints: the reason is a fault, a turn to one, money not back
        ("ещё не пользовались, пришла без зарядки", True),
        ("ещё не собирали, но в коробке не хватает винтов", True),
        ("возврат делала сестра, деньги до сих пор не вернули", True),
        ("подарок ещё не дарила, а у флакона уже крышка треснута", True),
        # rule 231 (thirty-fifth session): not used yet while waiting for something else (each was flagged LATE)
        ("роутер ещё не подключали, ждём когда проведут интернет в новую квартиру", False),
        ("модем пока не подключали, ждём мастера от провайдера", False),
        ("не распаковали, ждём когда дети приедут", False),
        # the near misses stay complaints: waiting for the order or for the shop to send a part
        ("ещё не пользовалась, жду когда привезут заказ целиком", True),
        ("пока не подключали, ждём когда вы пришлёте кабель", True),
    ],
)
def test_thirty_fourth_session_russian_not_used_yet_for_a_reason(text: str, complaint: bool) -> None:
    assert read_text(text).complaint is complaint, text


@pytest.mark.parametrize(
    ("text", "complaint", "feeling"),
    [
        # rule 214 (thirty-fourth session): Chinese, the wrong person, a return never made, a gift not given yet name no
        # problem to the keyword rules, so the decline reader reads them as saying nothing (each was flagged WRONG,
        # RETURN or learnt)
        ("你们是不是发错人了 我没在你们家买过东西啊", False, Feeling.NONE),
        ("乐高是给儿子买的圣诞礼物，藏柜子里了还没给他", False, Feeling.NONE),
        # the near misses stay complaints: the reason is a fault, or one follows it
        ("礼物还没送，但拆开看了眼颜色跟图片差太多了", True, None),
        ("没换过货，因为客服一直不理我，想换也换不了", True, None),
        # rule 216 (thirty-fourth session): English, the wrong person, a return, exchange or refund never made or made
        # by someone else name no problem to the keyword rules, so the decline reader reads them as saying nothing
        ("my dad returned it for me so i dont know how that went", False, Feeling.NONE),  # was RETURN
        ("sorry, I think this message was meant for someone else, I haven't shopped with you", False, Feeling.NONE),
        ("I haven't returned or exchanged anything so I can't really answer this one", False, Feeling.NONE),  # SIZE
        ("can't comment on the refund part, didn't ask for one", False, Feeling.NONE),  # REFUND
        ("i didnt handle the exchange, my brother took it back to the store", False, Feeling.NONE),
        # the near misses stay complaints: what the shop did not do, a fault after the reason, a question
        ("they never exchanged it even though i asked twice", True, None),
        ("haven't returned it, but it's broken", True, None),
        ("can't comment on the refund, still waiting for it", True, None),
        ("not my order? i paid for it and it never arrived", True, None),
        # rule 217: the returns never made in the other tenses, someone else sent it back, a survey not meant for me
        ("didnt return or exchange anything, no experience with that", False, Feeling.NONE),
        ("haven't had to exchange it, so no comment", False, Feeling.NONE),
        ("no clue, wasnt me who returned it, my daughter sent the jacket back", False, Feeling.NONE),
        ("i think this survey was meant for my dad, it's his account", False, Feeling.NONE),
        ("they didnt return my money", True, None),
        ("my daughter sent the jacket back two weeks ago and no refund yet", True, None),
        # rule 218 (thirty-fifth session): Chinese, a return never made and then a reason, named first and never dealt
        # with, done by someone close; a gift not given yet; the wrong person (each was flagged RETURN, SIZE, LATE, WRONG)
        ("没有退货过，所以不知道退货流程怎么样", False, Feeling.NONE),
        ("换货这一步我没经历过，跳过吧", False, Feeling.NONE),
        ("退货是我老婆办的，我不清楚过程", False, Feeling.NONE),
        ("睫毛膏是送我妹的生日礼物，还没到她生日", False, Feeling.NONE),
        ("你们发错号码了，我不认识这个订单", False, Feeling.NONE),
        # the near misses stay complaints: a fault between the return and the reason, the shop's refund not made yet
        ("没退款，客服也不理人，不知道找谁", True, None),
        ("钱还没退，不清楚卡在哪一步了", True, None),
        ("到现在都没有退款过来，不知道怎么回事", True, None),
        ("退款是我老公申请的，到现在还没到账", True, None),
        ("客服还没给我老公回电话", True, None),
        # rule 219 (thirty-fifth session): Russian, nothing to say on a return never made or made by someone else, the
        # survey sent to the wrong person, a thing not switched on yet (each was flagged RETURN, APP_BUG or DEFECT)
        ("возвращать ничего не собираюсь, так что про возврат без понятия", False, Feeling.NONE),
        ("возврат делал не я, спросите у жены", False, Feeling.NONE),
        ("вы мне пишете по ошибке наверное, я не знаю про какой заказ речь", False, Feeling.NONE),
        ("хлебопечку ещё не включали, руки не дошли", False, Feeling.NONE),
        # the near misses stay complaints: a fault after the reason, a thing that does not switch on, money not back
        ("ещё не включали, вилка европейская без переходника, а в описании ничего про это", True, None),
        ("пока не включается, хотя заряжала всю ночь", True, None),
        ("возврат делал не я, но деньги так и не вернули", True, None),
        ("мне по ошибке прислали не тот цвет", True, None),
        # rule 220 (thirty-fifth session): English, the return's tail after none was made, the box gone at home, "my late
        # father", support or checkout never used, the wrong contact (each was flagged RETURN, MISSING, LATE, WRONG)
        ("refund? i didnt ask for one", False, Feeling.NONE),
        ("no refund, no return, cant say", False, Feeling.NONE),
        ("didnt exchange it so cant comment on exchanges", False, Feeling.NONE),
        ("no idea about the packaging, my husband threw it out before i got home", False, Feeling.NONE),
        ("not sure, this was my late father's account, i'm just closing things down", False, Feeling.NONE),
        ("sorry no idea, i think you have the wrong email", False, Feeling.NONE),
        # the near misses stay complaints: someone else's order received, a late parcel, a refund asked for and not come
        ("nope. just that i got someone else's order lol", True, None),
        ("my late father's gift arrived two weeks late", True, None),
        ("refund? i asked for one a month ago and still nothing", True, None),
        ("the courier threw the box over the fence and it cracked", True, None),
    ],
)
def test_not_mine_to_answer(text: str, complaint: bool, feeling: Feeling | None) -> None:
    reading = read_text(text)
    assert reading.complaint is complaint, text
    assert feeling is None or reading.score.feeling is feeling, text


@pytest.mark.parametrize(
    ("text", "feeling"),
    [
        # rule 175 (thirtieth session): a problem put right (English, Russian) or owned (English), read negative, is
        # reported positive, and stays no complaint
        (
            "Parcel went to the wrong house at first but the driver came back for it within the hour, top bloke",
            Feeling.POSITIVE,
        ),
        ("The tap leaked at first, sent me a new washer kit free and now its perfect", Feeling.POSITIVE),
        ("Typed my postcode wrong so it bounced back, your team were patient with me", Feeling.POSITIVE),
        ("сначала пришел не тот цвет, написала — за два дня заменили", Feeling.POSITIVE),
        # rule 258 (thirty-eighth session): a Chinese own mistake the shop helped with, thanked for
        ("是我自己地址写错了，快递小哥还专门打电话确认，谢谢", Feeling.POSITIVE),
        ("我下错单买了两个，客服直接帮我取消了一个，没收任何费用", Feeling.POSITIVE),
    ],
)
def test_thirtieth_session_a_problem_settled_is_reported_positive(text: str, feeling: Feeling) -> None:
    reading = read_text(text)
    assert (reading.complaint, reading.score.feeling) == (False, feeling), text


@pytest.mark.parametrize(
    "text",
    [
        "the tap leaked, they sent a new one but that leaks too",  # the fix failed: nothing settled
        "обещали прислать новый, до сих пор жду",
    ],
)
def test_thirtieth_session_a_problem_not_settled_stays_a_complaint(text: str) -> None:
    reading = read_text(text)
    assert reading.complaint and reading.score.feeling is Feeling.NEGATIVE, text


# Rule 258: an own mistake thanked for stays negative when the shop's part went wrong too (the keyword rules name it), or
# when nothing thanks or praises the help.
@pytest.mark.parametrize(
    "text",
    [
        "手机号是我填错了，快递员联系不上就直接把包裹扔楼下，下雨全湿了",
        "地址是我写错了，但快递员打电话来态度特别凶，谢谢你们哦",
    ],
)
def test_a_chinese_own_mistake_not_well_helped_is_not_reported_positive(text: str) -> None:
    assert read_text(text).score.feeling is not Feeling.POSITIVE, text


# Rules 257 and 259 (thirty-eighth session): a wish that hides a fault names it ("actually", "at some point", a fault
# wished away, the listing quoted); a wish meant as one names nothing.
@pytest.mark.parametrize(
    ("text", "complaint"),
    [
        ("would be nice to actually receive the thing i paid for", True),
        ("would be nice if someone answered my emails at some point 🙂", True),
        ("wish the kettle actually boiled water, kinda the main thing a kettle does", True),
        ("would be handy if the checkout didnt crash every time i put in a promo code", True),
        ("i would love to know where my dog bed is. anyone?", True),
        ("it'd be amazing if the lamp was the colour in the photos", True),
        ("would be nice if it actually came in navy", False),
        ("would be great if you did gift wrap", False),
        ("i'd like to thank support, they actually answered within the hour", False),
        ("wish the app let me order in advance", False),
    ],
)
def test_a_wish_that_hides_a_fault_names_it(text: str, complaint: bool) -> None:
    assert read_text(text).complaint is complaint, text


# Rule 260: a Chinese count short without 只, and a wish that next time the right thing comes; not counts that match nor a
# wish for next time about something fine.
@pytest.mark.parametrize(
    ("text", "complaint"),
    [
        ("买了5件到了4件", True),
        ("咖啡胶囊买了3盒，收到两盒", True),
        ("希望下次能发对颜色", True),
        ("买了3个收到3个", False),
        ("买了两件到了两件，很好", False),
        ("下次还来买", False),
    ],
)
def test_a_chinese_count_short_or_a_wish_to_get_the_right_one_next_time(text: str, complaint: bool) -> None:
    assert read_text(text).complaint is complaint, text


# Rule 261: Chinese praise through a denied complaint reads positive, a verdict neither good nor bad neutral, a denied
# double charge names nothing; a denial before a real fault still does.
@pytest.mark.parametrize(
    ("text", "feeling", "complaint"),
    [
        ("无差评", Feeling.POSITIVE, False),
        ("没有什么不满意的", Feeling.POSITIVE, False),
        ("不会不推荐的，挺放心的一家店", Feeling.POSITIVE, False),
        ("一般般，没有惊喜也没有失望", Feeling.NEUTRAL, False),
        ("不会推荐，也不会不推荐，看需求吧", Feeling.NEUTRAL, False),
        ("物流一般般，没有特别快也没特别慢", Feeling.NEUTRAL, False),
        ("小票上的价格和页面一样，没多扣", None, False),
        ("不坏，就是有点漏水", None, True),
        ("差评，质量太差", Feeling.NEGATIVE, True),
    ],
)
def test_a_chinese_verdict_through_a_denial_or_neither_way(text: str, feeling: Feeling | None, complaint: bool) -> None:
    reading = read_text(text)
    assert reading.complaint is complaint, text
    assert feeling is None or reading.score.feeling is feeling, text


# Rule 262: Russian praise said with an intensifier that looks negative is praise; the same intensifier on a fault, or
# praise that turns to a fault, is not.
@pytest.mark.parametrize(
    ("text", "feeling", "complaint"),
    [
        ("ужасно вкусно, уже полпачки ушло за два дня", Feeling.POSITIVE, False),
        ("мне страшно понравилось 😍", Feeling.POSITIVE, False),
        ("чай обалденный, страшно вкусный", Feeling.POSITIVE, False),
        ("ужасно милые, но один носок с дыркой", Feeling.NEGATIVE, True),
        ("жутко воняет резиной", Feeling.NEGATIVE, True),
    ],
)
def test_russian_praise_with_an_intensifier_that_looks_negative(text: str, feeling: Feeling, complaint: bool) -> None:
    reading = read_text(text)
    assert (reading.score.feeling, reading.complaint) == (feeling, complaint), text


# Rule 264: English slang praise the lists missed; the same slang before a fault is no praise (rule 263's open forms took
# "wicked slow courier" and "killer delays" and were dropped).
@pytest.mark.parametrize(
    ("text", "feeling", "complaint"),
    [
        ("sick scooter, stupid fast", Feeling.POSITIVE, False),
        ("the blanket is stupidly cozy, i hate how much i love it", Feeling.POSITIVE, False),
        ("The jumper is wicked warm, I'm never taking it off", Feeling.POSITIVE, False),
        ("wicked slow courier, parcel sat in the depot for a week", Feeling.NEGATIVE, True),
        ("killer delays. ordered for a birthday, came 4 days after", Feeling.NEGATIVE, True),
    ],
)
def test_english_slang_praise_that_looks_negative(text: str, feeling: Feeling, complaint: bool) -> None:
    reading = read_text(text)
    assert (reading.score.feeling, reading.complaint) == (feeling, complaint), text


# Rules 266-267: in Chinese a parcel sent back is no refund come back, and a refund told as received is a return that went
# well; a refund still waited for, asked after or only partly come is not.
@pytest.mark.parametrize(
    ("text", "complaint"),
    [
        ("退货地址给的是错的，寄过去被退回来了", True),
        ("还没退，你们退货地址填的是错的，快递退回来了", True),
        ("退货很方便，钱两天就退回来了", False),
        ("书买重复了一本，联系客服退掉了，钱已经退回微信", False),
        ("退款退到银行卡了 短信都收到了 ok", False),
        ("申请退货一周了，钱还没退回来", True),
        ("退款到了一半 另一半说是要等仓库验货", True),
        ("推荐？等我的退款到账再说吧", True),
    ],
)
def test_chinese_refunds_received_and_parcels_sent_back(text: str, complaint: bool) -> None:
    assert read_text(text).complaint is complaint, text


# Rule 272: English praise on a sarcastic condition put to the reader is a complaint and reads negative; a condition meant
# is neither.
@pytest.mark.parametrize(
    ("text", "complaint", "negative"),
    [
        ("great game if you dont need the dice. there were no dice in the box", True, True),
        ("great chair if you like it leaning left permanently", True, True),
        ("Great customer service if you enjoy talking to a bot that loops forever", True, True),
        ("5 stars if you dont mind waiting a week, they're handmade so fair enough", False, False),
        ("would recommend if you like spicy food, the sauce set is no joke", False, False),
        ("brilliant if you like your music loud, no distortion at full volume", False, False),
    ],
)
def test_praise_on_a_sarcastic_condition(text: str, complaint: bool, negative: bool) -> None:
    reading = read_text(text)
    assert (reading.complaint, reading.score.feeling is Feeling.NEGATIVE) == (complaint, negative), text


# Rule 273: English counterfactual praise with more heads and conditions that should already hold is a complaint; a wish
# for more is none.
@pytest.mark.parametrize(
    ("text", "complaint"),
    [
        ("would order again if the checkout didnt crash every time i hit pay", True),
        ("would rate higher if support ever replied to any of my 4 emails", True),
        ("suitcase would be perfect if the wheel hadnt snapped off at the airport", True),
        ("would buy again if you only charged me once next time", True),
        ("would buy again if it came in blue", False),
        ("would love it more if it came in green", False),
    ],
)
def test_counterfactual_praise_on_what_should_already_hold(text: str, complaint: bool) -> None:
    assert read_text(text).complaint is complaint, text


# Rule 274: more English wishes that hide a fault; wishes for more are none.
@pytest.mark.parametrize(
    ("text", "complaint"),
    [
        ("would be nice if the duvet cover wasnt ripped along the seam when it arrived", True),
        ("would love it if the plant pot had come in one piece rather than four", True),
        ("would be nice if the lid for the blender jug was in the box, kinda need it", True),
        ("it'd be lovely if the bike light turned on at all", True),
        ("i'd love for support to answer my email", True),
        ("took me 3 tries to get the app payment to go through. would be nice if that got fixed", True),
        ("would be nice if the candles came in bigger jars", False),
        ("would be lovely if the mugs came in green too", False),
    ],
)
def test_more_wishes_that_hide_a_fault(text: str, complaint: bool) -> None:
    assert read_text(text).complaint is complaint, text


# Rule 275: a third round of English wishes that hide a fault; wishes for more are none.
@pytest.mark.parametrize(
    ("text", "complaint"),
    [
        ("i wish the pillow looked anything like the photos", True),
        ("wish the dog bed was the large i paid for, its clearly a small", True),
        ("would be nice if the puzzle had all the pieces. we're 4 short", True),
        ("it would be nice to only be charged once. just saying", True),
        ("maybe one day the parcel will leave the depot", True),
        ("would've been nice to get the pillowcases that were in the set", True),
        ("would be nice if the raincoat came in navy too", False),
        ("would have loved a gift wrap option", False),
    ],
)
def test_a_third_round_of_wishes_that_hide_a_fault(text: str, complaint: bool) -> None:
    assert read_text(text).complaint is complaint, text


# Rule 276: a Russian item come without a part names it missing; without delays, scratches or the packaging itself, none.
@pytest.mark.parametrize(
    ("text", "complaint"),
    [
        ("отличный магазин, всегда заказываю) только в этот раз стул пришёл без болтов", True),
        ("кашпо пришло без креплений. как вешать то?", True),
        ("пришло без единой царапины, спасибо", False),
        ("с упаковкой не сталкивалась, доставили без неё сразу в сборе", False),
    ],
)
def test_a_russian_item_come_without_a_part(text: str, complaint: bool) -> None:
    assert read_text(text).complaint is complaint, text


# Rule 278: Chinese money told received or a refund praised is a return that went well, a double charge refunded too, and
# a general question about how refunds work is none; a refund overdue or asked after a wait is still a complaint.
@pytest.mark.parametrize(
    ("text", "complaint"),
    [
        ("已收到退款 无其他", False),
        ("退款很及时!!!", False),
        ("支付宝扣了两次的钱已经退回 谢谢你们处理", False),
        ("请问退款一般几天到账？", False),
        ("您好，请问我的退款什么时候能到账？已经提交申请10天了", True),
        ("重复扣款退了一笔，另一笔说要走流程，还在等", True),
        ("退款很慢", True),
        # rule 280: "没想到" is surprise, not a want
        ("退款秒到 没想到这么快", False),
    ],
)
def test_chinese_refunds_received_praised_or_asked_about(text: str, complaint: bool) -> None:
    assert read_text(text).complaint is complaint, text


# Rule 271: a double charge's money returned ("退了一笔", "第二天就退了") is a fix; only part of it returned, or a parcel sent
# back ("退了回去"), is none; a "可以" that closes a clause is a verdict, not a request.
@pytest.mark.parametrize(
    ("text", "complaint"),
    [
        ("被扣了两次款，客服当天就退了一笔，效率可以", False),
        ("双十一多扣了一笔 第二天就退了 挺靠谱", False),
        ("重复扣款退了一笔，另一笔说要走流程，还在等", True),
        ("被扣了两次款，只退了一笔，另一笔没退", True),
        ("被扣了两次款，可以退一笔吗", True),
    ],
)
def test_chinese_double_charges_returned(text: str, complaint: bool) -> None:
    assert read_text(text).complaint is complaint, text


# Rule 268: English praise or a recommendation on a condition the shop did not meet is a complaint, whatever it scores; a
# condition meant ("if you like spicy food", "if you ever need a tent") is none.
@pytest.mark.parametrize(
    ("text", "complaint"),
    [
        ("10/10 would buy again if the coffee table actually came with the legs", True),
        ("would recommend if the weighted blanket ever actually arrived 😅 order 55902", True),
        ("id give 5 stars if the gloves were actually the size on the label, these are more like an XS", True),
        ("no. great shop i'm sure, if only my order had actually arrived", True),
        ("i'd recommend it if you like spicy food", False),
        ("would recommend it to anyone, if you ever need a tent this is it", False),
        ("would buy again if it came in blue", False),
    ],
)
def test_praise_on_a_condition_the_shop_did_not_meet(text: str, complaint: bool) -> None:
    assert read_text(text).complaint is complaint, text


# Rule 269: such praise is read before a match with the listing or a denied fault closes the answer, and reports its
# feeling negative where the model reads the praise (or the rating before the condition); a condition meant does not.
@pytest.mark.parametrize(
    ("text", "complaint", "negative"),
    [
        ("would recommend if the item actually matched the description", True, True),
        ("10/10 would buy again if it actually didnt leak", True, True),
        ("10/10 would buy again if it actually worked", True, True),
        ("10/10 would buy again", False, False),
        ("would recommend, it matches the description", False, False),
        ("i'd recommend it if you like spicy food", False, False),
        # rule 270: the "actually" or "ever" in the condition's own clause
        ("would recommend if you have small ears, the earbuds actually stay in for once", False, False),
        ("would recommend if the e-reader actually worked", True, True),
    ],
)
def test_praise_on_an_unmet_condition_names_the_listing_and_reads_negative(
    text: str, complaint: bool, negative: bool
) -> None:
    reading = read_text(text)
    assert (reading.complaint, reading.score.feeling is Feeling.NEGATIVE) == (complaint, negative), text


@pytest.mark.parametrize(
    ("text", "complaint"),
    [
        # rule 178 (thirty-first session): a return, exchange or refund the customer did not make is cut before the
        # keyword rules read
        ("didn't need an exchange, so nothing to say", False),  # was flagged SIZE
        ("не оформляла возврат", False),  # was flagged REFUND
        ("没申请过退货，不清楚", False),
        ("they never exchanged it even though i asked twice", True),  # the shop's doing
        ("i haven't returned it yet, the label never came", True),  # a return still meant
        ("возврат ещё не делала, не нашла куда отправить", True),
        ("возврат до сих пор не оформили", True),
        ("还没退款", True),
        ("退款我没申请，不知道", False),  # rule 186: the return named first (was flagged REFUND)
        ("退款还没办", True),  # the shop's: no "过"
        # rule 179: the customer's own not-yet is no fault (English, Russian)
        ("busy today, cant answer properly", False),  # was flagged DEFECT
        ("didn't open the parcel yet, it's for my sister", False),  # was flagged APP_BUG
        ("ноут пока не включала, это подарок", False),  # was flagged DEFECT
        ("the zip doesn't close properly", True),
        ("the app didn't open at all", True),
        ("they sent the wrong number of cups", True),
        ("ноутбук не включается", True),
    ],
)
def test_thirty_first_session_what_the_customer_did_not_do_is_no_fault(text: str, complaint: bool) -> None:
    assert read_text(text).complaint is complaint, text


@pytest.mark.parametrize(
    ("text", "complaint", "feeling"),
    [
        # rule 180 (thirty-first session): an English answer that gives a reason not to answer, names no problem and goes
        # on to nothing more is a decline
        ("the blender's still in its box, we're moving next week", False, Feeling.NONE),  # was flagged UNHAPPY
        ("no idea tbh, my girlfriend sorted the order", False, Feeling.NONE),  # was read neutral
        (
            "no idea where my parcel is, tracking hasn't moved in a week",
            True,
            Feeling.NEGATIVE,
        ),  # a question of the order
        ("cant remember how i paid, but i was charged twice", True, Feeling.NEUTRAL),  # a turn
        ("haven't tried the boots yet, the left one has a hole in the toe", True, Feeling.NEGATIVE),  # a problem named
        ("my wife opened it and said the glass was cracked", True, Feeling.NEGATIVE),
    ],
)
def test_thirty_first_session_a_reason_not_to_answer_is_a_decline(text: str, complaint: bool, feeling: Feeling) -> None:
    reading = read_text(text)
    assert (reading.complaint, reading.score.feeling) == (complaint, feeling), text


@pytest.mark.parametrize(
    ("text", "complaint", "feeling"),
    [
        # rules 181-182 (thirty-first session): praise said through a negation reads positive and names no problem
        ("can't recommend this shop enough", False, Feeling.POSITIVE),  # read -0.89
        ("words can't describe how comfy this chair is", False, Feeling.POSITIVE),
        ("no words, just wow", False, Feeling.POSITIVE),  # was flagged SUPPORT ("no word")
        ("не налюбуюсь на шарф", False, Feeling.POSITIVE),
        ("这个杯子夸不完", False, Feeling.POSITIVE),
        ("Can't thank you enough for billing me twice 🙃", True, Feeling.NEGATIVE),  # under an ironic face: sarcasm
        ("can't fault the price, but the lid arrived cracked", True, Feeling.NEGATIVE),
        ("слов нет, опять привезли не то", True, Feeling.NEGATIVE),
        ("words can't describe how disappointed i am", False, Feeling.NEGATIVE),
    ],
)
def test_thirty_first_session_praise_beyond_words(text: str, complaint: bool, feeling: Feeling) -> None:
    reading = read_text(text)
    assert (reading.complaint, reading.score.feeling) == (complaint, feeling), text


@pytest.mark.parametrize(
    ("text", "complaint", "feeling"),
    [
        # rule 183 (thirty-first session): rule 180 for Chinese, with fewer cues and reported speech as a veto
        ("不知道，我就负责付钱，其他都是我姐弄的", False, Feeling.NONE),  # was flagged
        ("一周太短了，过段时间再评价吧", False, Feeling.NONE),  # was read neutral
        ("不知道什么时候能到，等了两周了", True, Feeling.NEUTRAL),  # a question of the order
        ("我妈签收的，她说箱子湿透了", True, Feeling.NEUTRAL),  # someone's report of a fault
        ("记不得了，不过被扣了两次钱", True, Feeling.NEGATIVE),  # a turn
        ("裤子太薄了，不知道是不是一次性穿的", True, Feeling.NEGATIVE),  # "不知道" a doubt, not alone: read as it is
    ],
)
def test_thirty_first_session_a_chinese_reason_not_to_answer_is_a_decline(
    text: str, complaint: bool, feeling: Feeling
) -> None:
    reading = read_text(text)
    assert (reading.complaint, reading.score.feeling) == (complaint, feeling), text


@pytest.mark.parametrize(
    ("text", "complaint"),
    [
        # rule 184 (thirty-first session): a small problem the customer accepts, asking for nothing after it, opens no
        # complaint (English, Chinese; Russian since rule 187)
        ("the courier turned up half an hour late, no biggie", False),  # was flagged
        ("lid has a small scuff on it, doesn't bother me at all", False),
        ("快递晚了两天，问题不大", False),
        ("ждала на два дня дольше обещанного, терпимо", False),  # rule 187: Russian
        ("царапинка на подставке, но на работу не влияет", False),
        ("привезли не тот цвет, мне в целом без разницы, только вот ручка сломана", True),  # a turn after it
        ("one cup had a tiny chip, not a big deal but could you send a new one?", True),  # a request after it
        ("盖子有点划痕，问题不大，不过能补发一个吗", True),
        ("the parcel was 3 weeks late. no biggie? it was a birthday present", True),  # a question
    ],
)
def test_thirty_first_session_a_problem_accepted_is_no_complaint(text: str, complaint: bool) -> None:
    assert read_text(text).complaint is complaint, text


@pytest.mark.parametrize(
    ("text", "complaint"),
    [
        # rule 185 (thirty-first session): English, ordered one thing and got another
        ("ordered the oat milk, got almond", True),  # was missed
        ("they sent peppermint instead", True),
        ("ordered on monday, got it friday", False),  # a day, not an item
        ("ordered the large and got the large, fits great", False),
    ],
)
def test_thirty_first_session_ordered_one_thing_got_another(text: str, complaint: bool) -> None:
    assert read_text(text).complaint is complaint, text


@pytest.mark.parametrize(
    ("text", "named"),
    [
        # rule 197 (thirty-second session): English, got one thing when another was ordered (the learnt reader flagged
        # these already; the rule names the problem on the card)
        ("sent me chamomile when I ordered peppermint", True),
        ("received the 6-pack but we ordered the 12-pack", True),
        ("got mine yesterday when we ordered online", False),  # a day and a route, not an item
        ("got it fast, though we ordered on friday", False),
    ],
)
def test_thirty_second_session_got_one_thing_when_another_was_ordered(text: str, named: bool) -> None:
    assert (Problem.WRONG_ITEM in problems(text, "en")) is named, text


@pytest.mark.parametrize(
    ("text", "language", "problem", "named"),
    [
        # rule 198 (thirty-third session): the kinds behind pins the learnt readers held only barely, said by rule
        ("sick of waiting for my parcel", "en", Problem.LATE, True),
        ("sick deal, well worth the wait", "en", Problem.LATE, False),
        ("one wash totally killed it", "en", Problem.DEFECT, True),
        ("support absolutely killed it", "en", Problem.DEFECT, False),  # praise
        ("размер не подошёл", "ru", Problem.SIZE, True),
        ("не подошло по размеру, хочу обменять", "ru", Problem.SIZE, True),
        ("大体和图片相符，细节做工差一些", "zh", Problem.DEFECT, True),
        ("做工差不多，价格便宜", "zh", Problem.DEFECT, False),  # "about the same"
    ],
)
def test_thirty_third_session_kinds_said_by_rule(text: str, language: str, problem: Problem, named: bool) -> None:
    assert (problem in problems(text, language)) is named, text


@pytest.mark.parametrize(
    ("text", "complaint", "feeling"),
    [
        # rule 198: Russian wear faults denied (read -0.91 and -0.20), Chinese 差 denied (read -0.84 and flagged)
        ("за месяц не порвался и не полинял", False, Feeling.POSITIVE),
        ("молния не заедает, ходит мягко", False, Feeling.POSITIVE),
        ("не полинял, но порвался через неделю", True, Feeling.NEGATIVE),  # a turn: the rest is read
        ("Было бы совсем хорошо, если бы колесо не болталось с первого дня", True, Feeling.NEUTRAL),  # rule 147
        ("做工不差", False, Feeling.POSITIVE),
        ("不算惊艳但也不差，中规中矩", False, Feeling.NEUTRAL),  # "也不差": balanced, not praise
    ],
)
def test_thirty_third_session_wear_faults_and_poor_work_denied(text: str, complaint: bool, feeling: Feeling) -> None:
    reading = read_text(text)
    assert (reading.complaint, reading.score.feeling) == (complaint, feeling), text


@pytest.mark.parametrize(
    ("text", "complaint"),
    [
        # rule 201 (thirty-third session): a Russian keyword denied where it stands names no problem
        ("ничего не сломалось, не потекло, не поцарапалось. вот это сервис", False),  # was flagged (потекло)
        ("без сколов и вмятин, всё как на фото", False),  # was flagged (вмятин)
        ("Наушники не теряют связь, кейс не болтается", False),
        ("курьер не позвонил и опоздал", True),  # only "позвонил" is denied
        ("было бы отлично, если бы газлифт не проседал к вечеру", True),  # a fault told as a condition (rule 147)
        ("не треснул, не протекает, но ручка отломалась при сборке", True),
    ],
)
def test_thirty_third_session_a_russian_keyword_denied_where_it_stands(text: str, complaint: bool) -> None:
    assert read_text(text).complaint is complaint, text


@pytest.mark.parametrize(
    ("text", "named"),
    [
        # rule 202 (thirty-third session): English, workmanship blamed outright (the learnt reader held "not happy with
        # the stitching at all" only barely)
        ("not happy with the stitching at all", True),
        ("disappointed with the build quality tbh", True),
        ("not happy with the delivery time", False),  # not workmanship
        ("happy with the stitching, not with the colour", False),
    ],
)
def test_thirty_third_session_workmanship_blamed(text: str, named: bool) -> None:
    assert (Problem.DEFECT in problems(text, "en")) is named, text


@pytest.mark.parametrize(
    ("text", "complaint", "feeling"),
    [
        # rule 204 (thirty-third session): Russian, a fault named after a fault denied, with no turn between
        ("не полинял, молния заела через неделю", True, Feeling.NEGATIVE),  # read positive, no complaint
        ("цвет не выцвел, ткань скаталась на боках", True, Feeling.NEGATIVE),
        ("ничего не сломалось, не потекло, не поцарапалось", False, Feeling.POSITIVE),  # every fault denied
    ],
)
def test_thirty_third_session_a_russian_fault_told_after_one_denied(
    text: str, complaint: bool, feeling: Feeling
) -> None:
    reading = read_text(text)
    assert (reading.complaint, reading.score.feeling) == (complaint, feeling), text


# Rules 237-244 (thirty-sixth session): the keyword rules' "didn't get" / "没收到" / "не пришло" is no missing item where the
# customer gives their own doing, choice, cause or mistaken belief as the reason (each False row was flagged MISSING); what
# never came is still missing (the True rows).
@pytest.mark.parametrize(
    ("text", "complaint"),
    [
        # rule 237: "didn't get in touch", "never got in contact", "never got round to it"
        ("didnt get in touch with anyone, it all went smoothly", False),
        ("never got in contact with support, no issues", False),
        ("never got round to opening it yet", False),
        ("never got my parcel", True),
        ("didnt get the charger that should be in the box", True),
        ("didnt get in touch, the parcel never came", True),
        # rule 238: "didn't get the chance / time", "never got to try it"; not "never got to me"
        ("didn't get the chance to play the ukulele yet", False),
        ("never got to try the gin yet, its for christmas", False),
        ("didnt get time to put the bird feeder up yet but it looks great", False),
        ("never got any reason to call you", False),
        ("never got to me", True),
        ("it never got to my house", True),
        ("didnt get a chance, it arrived smashed", True),
        # rule 239: what the customer did not want, past a separator; not a choice that says what was ordered
        ("didnt get the second item, only needed one anyway", False),
        ("never got the insurance add-on, dont really need it", False),
        ("didnt get the charger, i chose the bundle with it", True),
        ("didn't get the colour i picked", True),
        ("never got the cable, i need it for work", True),
        # rule 240: "没收到" past a separator to not asking or needing; not "不需要了" (no longer needed)
        ("没收到发票，不过我也没要", False),
        ("没收到客服回复，因为我没问过", False),
        ("没收到发票，我要报销", True),
        ("没收到货，现在不需要了，退款吧", True),
        ("没收到货", True),
        # rule 241: "没收到" with the customer's own cause after it ("是因为我…", "是我自己…"); not "因为你们…"
        ("没收到枕套是因为我没买套装", False),
        ("没收到物流通知 是我自己把推送关了 东西到了就行", False),
        ("没收到发票，不过我本来也没要", False),
        ("没收到货，因为你们发错地址了", True),
        ("没收到货，我自己去驿站问了也没有", True),
        # rule 242: English and Russian "because i …" / "потому что я …"; not "because i was at work and they…"
        ("didnt get the app notifications because i turned them off", False),
        ("didnt get a tracking number because i picked it up in store", False),
        ("подарок не пришел, потому что я не набрала нужную сумму", False),
        ("never got my parcel because i was at work and they didnt leave a card", True),
        ("посылка не пришла, потому что вы её потеряли", True),
        # rule 243: Russian "так и не" of what the customer never did, "я сама" / "у меня" opening the next clause
        ("так и не пришлось обращаться в поддержку, все понятно и так", False),
        ("так и не воспользовалась подарочным сертификатом, забыла", False),
        ("смс не пришло, я сама номер сменила", False),
        ("ответ так и не написали", True),
        ("так и не пришла посылка", True),
        ("деньги так и не вернули", True),
        # rule 244: a problem only thought of, turned to fine in the same sentence; not a turn that finds it real
        ("i thought i didnt get the vitamins but my husband had put them in the cupboard", False),
        ("thought it came in the wrong size but i just read the label wrong", False),
        ("一开始以为少了个零件，后来发现卡在泡沫里了", False),
        ("thought the cable was missing, turns out it really is missing", True),
        ("以为少发了一件，结果真的少了", True),
        ("думала, что не пришел коврик, но его правда нет", True),
        # rule 251: a thing thought not working, turned by the customer's own doing; not when it really does not work
        ("i thought the fan was broken but actually i hadn't taken the tape off, all good", False),
        ("думала блендер сломан, а я его просто не собрала до щелчка", False),
        ("以为耳机坏了，原来是我没开蓝牙", False),
        ("thought it was broken but no, it really doesnt turn on", True),
        ("думала, сломан, но он правда не включается", True),
        ("以为坏了，结果真的不亮", True),
        # rule 246: "the hang of", a price the customer would not pay, a thing not yet put together; not a part that never came
        ("never got the hang of the app but my daughter set it up", False),
        ("i didnt get the bigger tub because it was out of my budget", False),
        ("didnt get the lid as well, it was too pricey", False),
        ("never got the mirror hung, its still in the hallway", False),
        ("never got the screws to get it assembled", True),
        ("didn't get the refund because it was too late to return", True),
    ],
)
def test_a_missing_item_is_not_read_in_the_customers_own_doing(text: str, complaint: bool) -> None:
    assert read_text(text).complaint is complaint, text


# Rule 247 (thirty-seventh session): the shop's silence with no one as its subject and contact the customer did not want
# are support complaints; a way the customer would like to be reached, with nothing unwanted told, is none.
@pytest.mark.parametrize(
    ("text", "complaint"),
    [
        ("nobody got in touch with us", True),
        ("noone got back to me", True),
        ("stop calling me please", True),
        ("the driver rang me at 6am", True),
        ("please don't call me, email is fine", False),
        ("i prefer email, please dont ring", False),
        ("dont call me, the parcel never came", True),
        ("please dont call me again, i said no", True),
    ],
)
def test_contact_the_customer_did_not_get_or_want_is_a_complaint_and_a_preference_is_not(
    text: str, complaint: bool
) -> None:
    assert read_text(text).complaint is complaint, text


# Rule 248 (thirty-seventh session): an earlier order's problem told beside this one being fine opens nothing, unless
# anything after "this time" turns or names a fault; three more wordings of a problem put right.
@pytest.mark.parametrize(
    ("text", "complaint"),
    [
        ("last time the glasses came smashed, this time all fine", False),
        ("в прошлый раз была задержка, в этот раз всё пришло вовремя", False),
        ("之前有个订单退款慢，这次还行", False),
        ("had an issue with the wrong size at first but support swapped it within two days, really happy", False),
        ("сначала деньги списались дважды, но поддержка за 15 минут всё вернула и извинилась", False),
        ("last time you sent the wrong size, this time the right size in the wrong colour", True),
        ("last time the parcel was late, this time all good but the box is missing a screw", True),
        ("上次没问题，这次少了一个零件", True),
        ("в прошлый раз всё было отлично, а в этот раз пришло не то", True),
    ],
)
def test_an_earlier_orders_problem_beside_this_one_fine_is_no_complaint(text: str, complaint: bool) -> None:
    assert read_text(text).complaint is complaint, text


# Rule 249 (thirty-seventh session): a problem the shop acted on, in any wording of the action, with nothing pending,
# turned or asked after it and an ending that reads well, opens nothing; not when the "action" is the fault itself.
@pytest.mark.parametrize(
    ("text", "complaint"),
    [
        ("the speaker came without its cable but they posted one and it came quick. sounds amazing", False),
        ("курьер потерял посылку, магазин сам отправил повторно за свой счёт. спасибо большое", False),
        ("椅子少了一个螺丝，跟客服说了两天就寄过来了，装好了很稳", False),
        ("the lamp came broken, they sent a new one, also broken. great", True),
        ("they said they sent a replacement, still waiting, thanks", True),
        ("haven't tried the syrup, i was sent pancake mix instead lol", True),
        ("заказал 13 pro, а прислали просто 13. в остальном спасибо", True),
        # rule 250: more wordings of the action; in English an answer reported positive as a whole is well received
        ("ordered the 10 instead of the 8, silly me. exchange was easy", False),
        ("my refund took ages to show but once i rang they sorted it in minutes", False),
        ("ручка у чайника отвалилась, приняли по гарантии и выдали новый. приятно удивили", False),
        ("exchange was easy but the new one is also too small", True),
        # rule 255: a Chinese fix story that ends in a plain fact of resolution; not a refund promised or asked after
        ("水龙头有点漏水，客服寄了个新垫圈，装上后完全好了", False),
        ("退款说3-5个工作日到账，今天第12天", True),
        ("少发了一根数据线，如果能补给我就更好了", True),
    ],
)
def test_a_problem_the_shop_put_right_and_the_customer_liked_is_no_complaint(text: str, complaint: bool) -> None:
    assert read_text(text).complaint is complaint, text


# Rule 284 (fortieth session): a return, exchange or refund the customer never made, said in a few words ("no exchange",
# "我没申请过退款"), is a reason not to answer; a keyword rule (SIZE, REFUND) no longer reads it as a request. Not "no
# refund" (the shop may have given none), nor "还没退" told beside a fault.
@pytest.mark.parametrize(
    ("text", "complaint", "feeling"),
    [
        ("no exchange, so n/a", False, Feeling.NONE),  # was SIZE
        ("nope no exchange", False, Feeling.NONE),
        ("no return made", False, Feeling.NONE),
        ("退款？我没申请过退款啊 不清楚", False, Feeling.NONE),  # was REFUND
        ("退货的事我不清楚 我没退", False, Feeling.NONE),
        # the near misses stay complaints
        ("no refund yet", True, None),
        ("no exchange possible, they refused", True, None),
        ("no return label in the box", True, None),
        ("我没退，因为客服不理我", True, None),
        ("退货的事情一直没人管", True, None),
    ],
)
def test_a_return_never_made_said_in_a_few_words_is_a_decline(
    text: str, complaint: bool, feeling: Feeling | None
) -> None:
    reading = read_text(text)
    assert reading.complaint is complaint, text
    if feeling is not None:
        assert reading.score.feeling is feeling, text


# Rule 286 (fortieth session): English keywords that misread a reasoned decline: "no words needed", silence from
# someone close, the customer throwing the box out, "didn't get involved" (each was flagged SUPPORT or MISSING).
@pytest.mark.parametrize(
    ("text", "complaint"),
    [
        ("no words needed, already said everything in the last survey", False),
        ("the gloves were for my dad, havent heard from him yet", False),
        ("dont remember the packaging to be honest, threw it out", False),
        ("didnt get involved in the return, my wife did all that", False),
        ("no word from support in 3 days", True),
        ("havent heard from support since monday", True),
        ("courier threw the parcel over the fence", True),
        ("didnt get my parcel", True),
    ],
)
def test_english_keywords_that_misread_a_reasoned_decline(text: str, complaint: bool) -> None:
    assert read_text(text).complaint is complaint, text


# Rule 287 (fortieth session): a shop action inside an English wish ("the code you emailed") is no fix put right.
@pytest.mark.parametrize(
    ("text", "complaint"),
    [
        ("i wish the discount code you emailed actually worked at checkout lol", True),
        (
            "the lamp arrived cracked. wish it had been packed better but they sent a new one the same day, love it",
            False,
        ),
        ("the code didnt work, they emailed a new one and it worked, brilliant", False),
    ],
)
def test_a_shop_action_inside_an_english_wish_is_no_fix(text: str, complaint: bool) -> None:
    assert read_text(text).complaint is complaint, text


# Rule 292 (fortieth session): Russian wishes that hide a fault are complaints, as English ones are (a table of wishes);
# with them, a Russian wish or suggestion said in one sentence is an opinion (each was flagged by the learnt reader);
# one that is pointed, or tells its fault in a sentence of its own, is not.
@pytest.mark.parametrize(
    ("text", "complaint"),
    [
        ("хотелось бы чтобы приложение не вылетало при оплате", True),
        ("хотелось бы гирлянду которая горит вся, а не половина", True),
        ("хорошо бы крем соответствовал описанию - там написано без отдушек, а пахнет на всю квартиру", True),
        ("пожелание одно: привезите уже мою палатку, поход в субботу", True),
        ("хочется, чтобы в коробке с самокатом были все колёса. у нас три из четырёх", True),
        ("было бы неплохо если бы в заказе было 3 банки витаминов, как я оплатил, а не 2", True),
        ("было бы удобнее если б в описании писали длину провода у чайника", False),
        ("сделайте пожалуйста размерную сетку в сантиметрах стопы, а не только ru/eu", False),
        ("предлагаю делать скидку на второй товар, я бы сразу две сковородки взяла", False),
        ("было бы удобно получать трек номер в телеграм, а не на почту", False),
    ],
)
def test_russian_wishes_that_hide_a_fault_and_suggestions_in_one_sentence(text: str, complaint: bool) -> None:
    assert read_text(text).complaint is complaint, text


# Rule 294 (forty-first session): an English answer the decline reader reads as a decline at 0.7 or more is no complaint
# the learnt reader alone names; a surer complaint reader's problem, or a decline read less surely, stays one.
@pytest.mark.parametrize(
    ("text", "complaint"),
    [
        ("the paint sets are for a kids party next month so not opened", False),
        ("we havent hung the window boxes yet, waiting for the brackets from the hardware store", False),
        ("i havent ridden the scooter, its for my kid's birthday in 2 weeks", False),
        ("hoping someone answers my email this century", True),
        ("haven't used it yet because it came cracked", True),
        ("not opened it yet, the box was soaked through", True),
    ],
)
def test_a_surely_read_english_decline_outweighs_the_learnt_reader(text: str, complaint: bool) -> None:
    assert read_text(text).complaint is complaint, text


# Rule 295 (forty-first session): a Russian or Chinese decline the decline reader is surer of than 0.95 says nothing
# though a keyword rule names a problem in it; not when it reads positive (sarcasm), nor a fault the reader is unsure of.
# "有的话再联系你们，现在还没到货" was pinned a complaint in the eleventh session; three labellers given today's label
# definitions (pinlabel9-11) all read it as a decline: not delivered yet, with no sign of lateness.
@pytest.mark.parametrize(
    ("text", "complaint"),
    [
        ("有的话再联系你们，现在还没到货", False),
        ("没必要退 所以退货流程我不知道", False),
        ("пазл ещё не собирали, ждём выходных", False),
        ("спасибо за ничего", True),
        ("ну спасибо за ничего, третий день жду ответа", True),
        ("还没到货，都超时三天了", True),
        ("пазл ещё не собирали, а уголок у коробки помят и одна деталь треснула", True),
    ],
)
def test_a_sure_russian_or_chinese_decline_outweighs_a_keyword(text: str, complaint: bool) -> None:
    reading = read_text(text)
    assert reading.complaint is complaint, text
    assert (reading.score.feeling is Feeling.NONE) is not complaint, text


# Rule 299 (forty-first session): an English reason not to answer is read as a decline by its cue only when the decline
# reader gives it 0.2 or more; what the reader sees no decline in is read as content, and its fault is flagged.
@pytest.mark.parametrize(
    ("text", "complaint", "feeling"),
    [
        ("cant comment on the gloves, they sent 2 right hands 🙃", True, None),
        ("cant rate the oil, you sent sunflower oil not olive oil", True, None),
        ("can't answer that one, it was ordered as a surprise for me", False, Feeling.NONE),
        ("cant comment, my mum signed for it", False, Feeling.NONE),
    ],
)
def test_an_english_reason_not_to_answer_needs_the_decline_readers_assent(
    text: str, complaint: bool, feeling: Feeling | None
) -> None:
    reading = read_text(text)
    assert reading.complaint is complaint, text
    if feeling is not None:
        assert reading.score.feeling is feeling, text


# Rule 300 (forty-first session): a Chinese stated figure followed by a smaller one measured is MISLEADING; a date or a
# time limit not yet reached is not.
@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("瑜伽带长度描述的1.8米 量了一下才1.5", True),
        ("剃须刀说续航90分钟 我用下来每次也就二十来分钟", True),
        ("尺码表写的M码胸围100，实际量了只有92", True),
        ("页面写的15号发货，现在才10号，没问题", False),
        ("说明书写的1.8米，我量了也是1.8米，很准", False),
    ],
)
def test_a_chinese_figure_measured_short_of_the_listing_is_misleading(text: str, found: bool) -> None:
    assert (Problem.MISLEADING in problems(text, "zh")) is found, text


# Rule 302 (forty-first session): a small fault of a new item told as gone by itself, with nothing after it, is no
# complaint; one that has not gone, comes back, or sits beside another fault still is.
@pytest.mark.parametrize(
    ("text", "complaint"),
    [
        ("a wee bit of a chemical smell when unboxing the hammock but it aired out after a day", False),
        ("the backpack zip snagged a couple times at first, its gliding now", False),
        ("first time i used the mat it left little black marks on the floor, since then nothing. happy", False),
        ("the chemical smell still hasnt gone after two weeks", True),
        ("the squeak in my shoes went away and now its back, every step. embarrassing at the office", True),
        ("hiking boots smell gone, break-in done, but the sole is already separating at the toe", True),
        ("the power bank stopped holding charge after a week", True),
    ],
)
def test_a_new_items_fault_told_gone_is_no_complaint(text: str, complaint: bool) -> None:
    assert read_text(text).complaint is complaint, text


# Rule 303 (forty-first session): Russian keyword gaps: a thing that sticks, a seam come undone, parts missing from the
# set, a refund short; "залипаю в игру" (hooked on it) and a denied sticking are none.
@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("часы красивые, подсветку бы потише, и кнопка будильника залипает", True),
        ("нагрудники не стирала ещё, но у одного шов распущен", True),
        ("стеллаж хороший, правда в комплекте не было двух шурупов", True),
        ("деньги за возврат пришли но не все, удержали 500р непонятно за что", True),
        ("дочка залипает в эту игру часами, спасибо", False),
        ("кнопки не залипают, всё чётко", False),
    ],
)
def test_russian_sticking_seams_missing_parts_and_short_refunds_are_problems(text: str, found: bool) -> None:
    assert bool(problems(text, "ru")) is found, text


# Rule 304 (forty-first session): more ways of telling a new item's fault gone (rule 302): stopped, solid now, popped back
# into shape, doesn't any more; not a thing that stopped working, nor one that broke in a week.
@pytest.mark.parametrize(
    ("text", "complaint"),
    [
        ("office chair squeaked for the first couple days, doesnt anymore. comfy chair overall", False),
        ("new rug shed loads the first week, hoovered a few times and it's stopped. looks gorgeous", False),
        (
            "lampshade was a bit squashed from the packaging at first but popped back into shape by itself within a day",
            False,
        ),
        ("the kettle worked at first but stopped working after a week", True),
        ("the zip was stiff when new and now the pull came off in my hand", True),
        ("Love the new app update 🙃 can't find my orders anymore", True),
    ],
)
def test_more_ways_of_telling_a_new_items_fault_gone(text: str, complaint: bool) -> None:
    assert read_text(text).complaint is complaint, text


# Rule 305 (forty-first session): a new item's fault that did not go away, came back or grew is a defect; a smell that
# lasts as praise ("still smells amazing") and a smell gone are not.
@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("the smell from the dog harness hasnt gone, my dog keeps trying to chew it off", True),
        ("creases won't come out whatever i do", True),
        ("saddle creak went away for a few days then came back louder", True),
        ("boots squeak with every step. a month in and still squeaking lol", True),
        ("the candle still smells amazing after a month", False),
        ("the smell went away after a day", False),
    ],
)
def test_a_new_items_fault_that_did_not_go_away_is_a_defect(text: str, found: bool) -> None:
    assert (Problem.DEFECT in problems(text, "en")) is found, text


# Rules 306-307 (forty-first session): a new item's fault told gone, in Russian and Chinese as in English (rule 302); not a
# fault after it, a fault that stayed, or "перестало включаться".
@pytest.mark.parametrize(
    ("text", "complaint"),
    [
        ("из коробки пахло пластиком, через день выветрилось", False),
        ("джинсы красили руки первые 2 раза, после стирки перестали", False),
        ("刚拆开有点塑料味，放了一天就散了", False),
        ("毛巾第一次洗掉了点毛 洗了两次就不掉了 很软", False),
        ("аэрогриль больше не пахнет, спасибо. а таймер так и сбрасывается сам через раз", True),
        ("одеяло после первой стирки на деликатном перестало включаться", True),
        ("химический запах так и не выветрился за две недели", True),
        ("包裹到的时候是湿的 里面纸盒都泡软了", True),
    ],
)
def test_a_new_items_fault_told_gone_in_russian_and_chinese(text: str, complaint: bool) -> None:
    assert read_text(text).complaint is complaint, text


# Rule 309 (forty-first session): a Chinese new item's fault that did not go away, came back or grew is a defect; a
# smell or taste praised is not.
@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("钱包的皮革味散了我以为好了 结果天一热又开始有味了", True),
        ("褶皱怎么弄都弄不平", True),
        ("味道散了又回来了 一开暖气就有", True),
        ("瑜伽垫表面说用几次就不滑了 用了一个月还是滑 差点扭到", True),
        ("巧克力我落在车里化了，自己的锅，味道还是很好", False),
        ("刚拆开有点塑料味，放了一天就散了", False),
    ],
)
def test_a_chinese_fault_that_did_not_go_away_is_a_defect(text: str, found: bool) -> None:
    assert (Problem.DEFECT in problems(text, "zh")) is found, text
