"""Tests for the English cues: VADER's lexicon read in plain Python, sarcasm and polite verdicts."""

from __future__ import annotations

import pytest
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from analysis.english_cues import cue_counts, hedged, inverts_praise, plain_fact, quotes_a_claim, valence_scores
from analysis.reading import read_text
from analysis.sentiment import Feeling, score_text
from tests.readings import NegativeScorer

VADER = SentimentIntensityAnalyzer()


@pytest.mark.parametrize(
    "text",
    [
        "great product",
        "not good at all",
        "The fabric is lovely but it had to go back",
        "I hate it :(",
        "terrible service, never again",
        "it works, nothing special",
        "Fast delivery and a friendly courier, thank you",
        "the box was crushed and the mug broken",
    ],
)
def test_valence_scores_agree_with_vader(text):
    compound, positive, negative = valence_scores(text)
    expected = VADER.polarity_scores(text)
    assert compound == pytest.approx(expected["compound"], abs=0.02)
    assert (positive, negative) == pytest.approx((expected["pos"], expected["neg"]), abs=0.02)


def test_valence_scores_of_a_text_without_lexicon_words_are_zero():
    assert valence_scores("order 4411 parcel") == (0.0, 0.0, 0.0)
    assert valence_scores("") == (0.0, 0.0, 0.0)


@pytest.mark.parametrize(
    "text",
    [
        "Perfect, still no reply from support",
        "oh wonderful, the parcel is lost again",
        "I just love paying twice for shipping",
        "really enjoy being put on hold for an hour",
        "thank you so much for wasting my afternoon",
        "so much for express delivery",
        "the packaging could have been a lot better",
        "there is room for improvement",
    ],
)
def test_sarcasm_and_hedges_turn_praise_into_blame(text):
    assert inverts_praise(text)


@pytest.mark.parametrize(
    "text",
    [
        "Great, will order again",
        "Perfect fit, arrived on time",
        "Great, no problems at all",
        "love it, thank you",
        "Nice colour, but it was late",
        "couldn't be better",
    ],
)
def test_plain_praise_and_mixed_answers_are_not_inverted(text):
    assert not inverts_praise(text)


def test_a_hedge_is_an_opinion_but_denied_praise_may_be_a_complaint():
    assert hedged("not my favourite colour") and hedged("the fit could be better")
    assert not hedged("not happy with the delivery") and inverts_praise("not happy with the delivery")


@pytest.mark.parametrize(
    "text",
    [
        "Perfect, still no reply from support",
        "I just love paying twice for shipping",
        "the fit could be better",
        "so much for next day delivery",
        pytest.param(
            "not my favourite colour",
            marks=pytest.mark.xfail(
                strict=True,
                reason="reads neutral (-0.006) since the fifth English pass's dev rows, mild dislikes that are no "
                "complaint among them, were trained on (-0.19 before)",
            ),
        ),
        "Brilliant. Another delay.",
    ],
)
def test_the_english_model_reads_sarcasm_and_hedges_as_negative(text):
    assert score_text(text).feeling == "negative"


@pytest.mark.parametrize("text", ["Great, will order again", "Perfect fit, arrived on time", "Nice! Fast delivery"])
def test_the_english_model_keeps_plain_praise_positive(text):
    assert score_text(text).feeling == "positive"


def test_a_long_review_is_read_sentence_by_sentence():
    review = (
        "Love the colour and the fabric is soft. The buttons are pretty. Sadly it runs very small and the "
        "seams were already coming apart. It had to go back."
    )
    assert score_text(review).feeling == "negative"


def test_cues_are_counted_whatever_the_case():
    assert cue_counts("NEVER AGAIN. Still Waiting.") == cue_counts("never again. still waiting.") == (0, 2)


@pytest.mark.parametrize(
    "text",
    [
        "I received the order yesterday",
        "Received it today",
        "The parcel came this morning",
        "Bought it for my wife for Christmas",
        "ordered on monday, came on thursday",
        "I picked it up at the post office",
        "paid by card",
        "Used the promo code from the newsletter",
        "found you through an instagram ad",
    ],
)
def test_a_plain_fact_is_neutral_whatever_the_scorer_says(text: str) -> None:
    assert plain_fact(text)
    score = score_text(text, "en", scorers={"en": NegativeScorer()})
    assert score.feeling is Feeling.NEUTRAL and score.polarity == 0.0


@pytest.mark.parametrize(
    "text",
    [
        "Ordered 4 weeks ago",  # "ago": it has not come
        "ordered on monday, still not here",
        "received the wrong one",
        "it came broken",
        "paid twice",
        "the parcel came late",
        "",
    ],
)
def test_a_text_that_says_more_than_a_fact_is_not_one(text: str) -> None:
    assert not plain_fact(text)


def test_a_plain_fact_about_the_shop_opens_no_complaint() -> None:
    reading = read_text("The parcel came this morning")
    assert reading.topics == ("delivery",) and reading.score.feeling is Feeling.NEUTRAL
    assert not reading.complaint  # the guard reader does not read a plain fact
    assert read_text("Ordered 4 weeks ago").complaint
    assert read_text("Took ages to arrive").complaint


@pytest.mark.parametrize(
    "text",
    [
        "it came. eventually. 19 days for 'express'",
        "So the ‘waterproof’ jacket let the rain in on the first walk. Good to know",
        "Nice to know the 'in stock' label is decorative",
        'Oh lovely, a "fresh" bouquet that was brown before I got it in a vase',
    ],
)
def test_an_answer_quoting_the_shops_claim_back_is_a_complaint_however_it_reads(text: str) -> None:
    assert quotes_a_claim(text)
    assert read_text(text).complaint


@pytest.mark.parametrize(
    "text",
    [
        'Love the "Ocean Blue" colour',  # a product's name, not a claim
        'My daughter said "thank you mum" straight away',
        "The 'express' option got here next morning, brilliant. " + "Really happy with everything. " * 12,  # long
    ],
)
def test_other_quotes_are_no_claim_quoted_back(text: str) -> None:
    assert not quotes_a_claim(text)


def test_praise_beside_an_ironic_face_is_sarcasm_when_it_says_something() -> None:
    from analysis.english_cues import inverts_praise, sarcastic

    assert sarcastic("Love the new app update 🙃 can't find my orders anymore")
    assert inverts_praise("thanks 🙃") and not sarcastic("thanks 🙃")
    assert not sarcastic("love it, arrived early 🙂") and not inverts_praise("love it 😍")


@pytest.mark.parametrize(
    "text",
    [
        "The tap leaked at first, sent me a new washer kit free and now its perfect",
        "Wrong colour came but the replacement arrived before I'd even posted the first one back. Brilliant",
        "a glass was cracked, sent a photo and they refunded it straight away, really fair",
        "Login kept failing last week but the chat lady reset it for me, all good now",
        "my own fault, didn't read it was a single not a double",
        "should've measured the window first, curtains a bit short but thats on me",
        "rang up about being charged twice, sorted in 5 mins and money back by friday. lovely staff",
        "Courier lost it, shop reshipped without me even asking twice. Would order again",
        "Refund showed up 4 days after I dropped it off",
        "Typed my postcode wrong so it bounced back, your team were patient with me",
        "the courier was a bit late but called ahead, no big deal",  # waved away
        "Glass bottles wrapped like they were the crown jewels, not a scratch",  # a fault denied
        "I wouldn't rave about it, but I wouldn't send it back either",
        "I'm going to wait a few weeks before I say anything",  # a wait to come is no wait
    ],
)
def test_a_problem_put_right_or_owned_by_the_customer_opens_no_complaint(text: str) -> None:
    assert not read_text(text).complaint


@pytest.mark.parametrize(
    "text",
    [
        "They sent me a new one and that one is broken too",  # more after the fix
        "Replacement arrived, same fault as the first",
        "Charged twice, they said it was sorted but no money yet",  # only said
        "Support said it's fixed now but the app still crashes",
        "Still not sorted, 3 weeks on",
        "Is it sorted now? Still no parcel",
        "Sent a new one quickly, it doesn't work either",
        "sent me a replacement, which was the wrong colour again",
        "Refund arrived 3 weeks late",
        "Reshipped without asking, and the second one got lost again",
        "I ordered the wrong size myself, can I exchange it please?",  # owns it, but asks
        "my fault for trusting your delivery dates, still waiting",  # sarcasm blames the shop
        "my own fault, but the size chart is wrong too",  # turns after owning it
        "Waited 3 weeks, no big deal I guess but please ship faster",
        "I don't mind the wait but it's been 3 weeks and still nothing",
        "not a scratch on it, but it doesn't turn on",
    ],
)
def test_a_fix_only_promised_or_followed_by_more_trouble_is_still_a_complaint(text: str) -> None:
    assert read_text(text).complaint


# Ninth English pass: kinds of wording widened from its `rules` rows; each with two wordings not in the survey
# answers and a near-miss that must read the other way.
@pytest.mark.parametrize(
    "text",
    [
        "the photos make the sofa look navy, in person it's almost purple",  # the page against the thing
        "website makes the jumper look thick, in reality it's see-through",
        "I ordered the mint flavour and got strawberry.",  # asked for one thing, got another named bare
        "Chose the oak finish but received walnut",
        "Just what I needed... if I needed a lamp with no bulb holder",  # praise taken back
        "Lovely, exactly what I ordered... if I'd ordered a cracked vase",
        "wanted to send it back but the returns page won't load",  # a return meant, then blocked
        "they gave me a voucher but the parcel still hasn't come",  # made good, then more trouble
        "it works fine now but the screen flickers",
        "I was charged twice by mistake",  # the shop's slip, not the customer's
        "sick of waiting for my parcel",  # "sick of" is no slang praise
        "the bread went hard after a day",  # "went hard" is no slang praise
    ],
)
def test_ninth_pass_complaints_and_near_misses_that_stay_complaints(text: str) -> None:
    assert read_text(text).complaint


@pytest.mark.parametrize(
    "text",
    [
        "the pictures make it look plain, in real life it's gorgeous",  # the thing is the better one
        "ordered the big one and got it the next morning",
        "ordered on friday and got monday",  # dates, not a thing asked for and another got
        "Exactly what I wanted, thank you!",
        "thought about returning the mirror but decided to keep it",  # a return meant and not made
        "almost sent them back, so glad I didn't",
        "delivery was two days late but they sent me a discount code, fair enough",  # made good with extra
        "the box was dented, they offered us a voucher and we're happy",
        "the app wouldn't load my basket, after an update it's working fine now",  # working again
        "the other cushion arrived the next day, all sorted",  # the missing part came after all
        "I accidentally ordered two, my partner is having the other",  # the customer's own slip
        "i clicked next day delivery by mistake, still came quick",
        "our postman is a legend",  # slang praise
        "support guy was a real lifesaver",
        "the delivery driver was a total legend",  # cleared by the reader retrained on dev and rules rows
        "these trainers go hard fr",
        "sick service, ordered at 10 got it at 4",  # slang praise read positive (twelfth session)
        "this coat slaps",
    ],
)
def test_ninth_pass_answers_that_report_nothing_to_act_on(text: str) -> None:
    assert not read_text(text).complaint


def test_how_it_was_packed_is_a_plain_fact_unless_it_says_more() -> None:
    assert plain_fact("It came in a plastic envelope")
    assert plain_fact("arrived wrapped in tissue paper inside a box")
    assert not plain_fact("came in a torn paper bag")


@pytest.mark.parametrize(
    "text",
    [
        "double charged, refunded the same morning, thanks",  # put right the same part of the day
        "my card went through twice but it was refunded the same evening",
        "swapped the size and the replacement fits perfectly",  # the swapped thing is right
        "sent them back for a 9, the new pair fits great",
        "a bit stiff at first but loosened up after a few wears",  # a small fault that went away by itself
        "the smell was strong initially but faded after a day",
        "the driver nailed it, early and polite",  # slang praise
        pytest.param(
            "that jacket ate and left no crumbs",
            marks=pytest.mark.xfail(
                strict=True,
                reason="the slang praise is left out, but the English complaint model reads what is left ('that "
                "jacket') as a complaint; no model is retrained in this pass",
            ),
        ),
        "support absolutely smashed it",
    ],
)
def test_tenth_pass_answers_that_report_nothing_to_act_on(text: str) -> None:
    assert not read_text(text).complaint


@pytest.mark.parametrize(
    "text",
    [
        "I was charged twice and they say it'll be refunded the same week",  # a fix only promised
        "itchy at first, softened after a wash but shrank two sizes",  # the fault went, another came
        "one wash totally killed it",  # "killed it" without praise
        "received a navy one, I ordered black",  # got before ordered
        "got a large, ordered a medium",
        "the label said cotton, it's actually polyester",  # the page named one material, another came
        "listing said real leather, turns out it's faux",
    ],
)
def test_tenth_pass_complaints_and_near_misses_that_stay_complaints(text: str) -> None:
    assert read_text(text).complaint


@pytest.mark.parametrize(
    "text",
    [
        "got the green one, ordered green, perfect",  # got what was ordered
        "The website said solid oak, it's gorgeous",  # the page held
    ],
)
def test_tenth_pass_near_misses_that_stay_unflagged(text: str) -> None:
    assert not read_text(text).complaint


@pytest.mark.parametrize(
    "text",
    [
        "ordered the blue and got blue",
        "I ordered a medium and got a medium, fits great",
        "I ordered size 12 and received size 12 as expected",
    ],
)
def test_what_came_is_what_was_ordered(text: str) -> None:
    assert not read_text(text).complaint


@pytest.mark.parametrize(
    "text",
    [
        "ordered the blue and got the red",
        "I ordered size 12 and received size 14",
        "ordered blue and got blue but the zip is broken",  # the same colour, another fault
    ],
)
def test_what_came_differs_or_is_faulty(text: str) -> None:
    assert read_text(text).complaint


@pytest.mark.parametrize(
    "text",
    [
        "this kettle is sick",
        "absolute banger of a jacket",
        "lowkey obsessed with these mugs",
        "killer deal on the speaker",
    ],
)
def test_slang_praise_is_positive_however_the_scorer_reads_it(text: str) -> None:
    assert score_text(text, "en", scorers={"en": NegativeScorer()}).feeling is Feeling.POSITIVE
    assert not read_text(text).complaint, text


@pytest.mark.parametrize(
    "text",
    [
        "I'm sick of waiting",
        "this hoodie is sick but it doesn't fit",
        "no cap it broke in a day",
        "obsessed with it, shame the zip broke",
    ],
)
def test_slang_beside_a_fault_or_plain_blame_keeps_the_scorers_reading(text: str) -> None:
    assert score_text(text, "en", scorers={"en": NegativeScorer()}).feeling is Feeling.NEGATIVE, text


def test_a_refund_told_as_done_but_objected_to_is_a_complaint() -> None:
    assert read_text("Refund came as store credit. I didn't ask for store credit.").complaint
    assert not read_text("Refund came back in two days, lovely").complaint


def test_a_short_wait_praised_reads_positive() -> None:
    assert score_text("only 2 days to arrive, great").feeling == Feeling.POSITIVE
    assert not read_text("only 2 days to arrive, great").complaint


@pytest.mark.parametrize(
    "text",
    [
        "the first mug was cracked but they sent a new one the same day, really impressed",
        "sent the jacket back, refund came in 3 days. smooth",
    ],
)
def test_a_replacement_sent_the_same_day_or_a_quick_refund_is_a_problem_put_right(text: str) -> None:
    assert not read_text(text).complaint


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("checked the jar, best before was march", "defect"),
        ("the yoghurt was already expired when it came", "defect"),
        ("ordered an M from the chart, it's like a tent on me", "size"),
        ("i'd give 10 if my parcel had ever arrived", "missing"),
    ],
)
def test_a_product_past_its_date_a_tent_of_a_size_or_a_parcel_that_never_came_is_named(text: str, kind: str) -> None:
    from analysis.complaint_text import problems

    assert kind in problems(text, "en") and read_text(text).complaint


@pytest.mark.parametrize(
    "text",
    [
        "arrived a day late but they texted ahead, wasnt in a rush anyway",
        "card got declined, must be my bank, the second card worked fine",
        "it went next door because I typed 12 instead of 21, neighbour dropped it off",
        "the box came late but support sorted it with a voucher straight away",
        "wasn't sure about the fabric but it's actually nicer in person",
    ],
)
def test_a_delay_warned_of_a_bank_or_typo_of_ones_own_a_voucher_or_a_doubt_dispelled_is_no_complaint(text: str) -> None:
    from analysis.complaint_text import _a_worry_that_did_not_come_true, _own_fault, _put_right

    assert not read_text(text).complaint
    assert _own_fault(text, "en") or _put_right(text, "en") or _a_worry_that_did_not_come_true(text, "en")


def test_nothing_that_fit_is_a_size_complaint() -> None:
    from analysis.complaint_text import problems

    text = "none of the shirts fit"
    assert "size" in problems(text, "en") and read_text(text).complaint


def test_a_voucher_sent_for_the_trouble_puts_a_delay_right() -> None:
    from analysis.complaint_text import _put_right

    text = "delivery slipped a week but they sent a voucher for the trouble"
    assert _put_right(text, "en") and not read_text(text).complaint


def test_asking_for_the_right_one_is_a_wrong_item() -> None:
    from analysis.complaint_text import problems

    text = "please just send the correct colour"
    assert "wrong_item" in problems(text, "en") and read_text(text).complaint


def test_a_swap_done_the_next_day_puts_it_right() -> None:
    assert not read_text("wrong bulb came but they rang me next day and replaced it, great service").complaint


def test_running_out_early_is_a_defect() -> None:
    from analysis.complaint_text import problems

    text = "the printer ran out of ink after two pages"
    assert "defect" in problems(text, "en") and read_text(text).complaint


@pytest.mark.parametrize(
    "text", ["the price changed at checkout but I bought it anyway", "the lamp was exactly as described"]
)
def test_a_price_accepted_or_an_item_as_described_is_no_complaint(text: str) -> None:
    assert not read_text(text).complaint


def test_a_piece_left_out_of_the_set_is_missing_but_a_knock_survived_is_not() -> None:
    from analysis.complaint_text import problems

    missing = "great knives. only thing one steak knife wasnt in the set"
    assert "missing" in problems(missing, "en") and read_text(missing).complaint
    assert not read_text("my son threw it across the room and it survived").complaint
    # only a knock is denied: what else the text reports is still read
    assert read_text("arrived two weeks late and it survived").complaint


@pytest.mark.parametrize(
    "text",
    ["battery life as advertised, about 8 hours", "battery lasts all day, like the description said"],
)
def test_a_claim_that_held_is_no_complaint(text: str) -> None:
    assert not read_text(text).complaint


@pytest.mark.parametrize(
    "text",
    ["box fits a tablet, not a laptop as advertised", "got the 2021 edition not the 2023 one like the site says"],
)
def test_a_claim_broken_in_the_same_clause_is_still_read(text: str) -> None:
    assert read_text(text).complaint


@pytest.mark.parametrize(
    "text",
    [
        "the rep said it was my fault the charger overheats. not helpful at all",
        "cheers for the fast reply but no one actually answered what i asked",
        "the pics online look much brighter than what arrived",
    ],
)
def test_blame_put_on_the_customer_and_an_unanswered_question_are_complaints(text: str) -> None:
    assert read_text(text).complaint


def test_a_delay_told_of_before_it_was_noticed_is_no_complaint() -> None:
    assert not read_text("it came a day late but you texted me before i even asked, thanks for that").complaint


@pytest.mark.parametrize(
    "text",
    [
        "the mug set came with 3 mugs instead of 4",
        "lovely shelf but the brackets were put on upside down",
        "tap works but the thread was already stripped",
        "would have been great if it had arrived before the party like you said",
    ],
)
def test_a_count_short_an_assembly_fault_or_a_delivery_too_late_for_its_day_is_a_complaint(text: str) -> None:
    assert read_text(text).complaint, text


@pytest.mark.parametrize(
    "text",
    [
        "i paid for next day and it arrived next day",
        "payment failed the first time but it was my bank, fine after",
        "wasnt sure about a secondhand one but the warranty won me over",
        "bit much packaging but at least nothing got crushed",
    ],
)
def test_paid_for_and_got_a_bank_slip_a_doubt_answered_or_nothing_crushed_is_no_complaint(text: str) -> None:
    assert not read_text(text).complaint, text


def test_a_fix_named_by_its_part_or_a_question_before_buying_is_no_complaint() -> None:
    assert not read_text("the handle was loose but they replaced the whole lid in a day, brilliant").complaint
    assert not read_text("will the 60cm frame fit under a standard desk?").complaint
    assert read_text("does the charger work with the old model? mine arrived without one").complaint


def test_a_wrong_thing_sent_quickly_is_no_fix() -> None:
    assert read_text("they sent the wrong size in 2 days").complaint
