"""Ratings written in an answer and emoji beside words (rule 144, twenty-eighth session): the feeling they report."""

from __future__ import annotations

import pytest

from analysis.ratings import rating
from analysis.reading import read_text
from surveys.reading import Feeling


@pytest.mark.parametrize(
    ("text", "feeling"),
    [
        ("5/5", Feeling.POSITIVE),
        ("1/5", Feeling.NEGATIVE),
        ("3/5", Feeling.NEUTRAL),
        ("4.5/5", Feeling.POSITIVE),
        ("10/10 would buy again", Feeling.POSITIVE),
        ("1/10 never again", Feeling.NEGATIVE),
        ("solid 4 out of 5", Feeling.POSITIVE),
        ("0 stars if I could", Feeling.NEGATIVE),
        ("I would give it 8", Feeling.POSITIVE),
        ("10 из 10", Feeling.POSITIVE),
        ("ставлю 5", Feeling.POSITIVE),
        ("1 звезда", Feeling.NEGATIVE),
        ("ставлю тройку", Feeling.NEUTRAL),
        ("пятёрка за доставку", Feeling.POSITIVE),
        ("五星好评", Feeling.POSITIVE),
        ("一星差评", Feeling.NEGATIVE),
        ("中评", Feeling.NEUTRAL),
    ],
)
def test_ratings_give_their_feeling(text: str, feeling: Feeling) -> None:
    assert rating(text) is feeling, text


@pytest.mark.parametrize(
    "text",
    [
        "4 out of 5 plates arrived broken",  # a count, not a rating
        "2 из 5 тарелок разбиты",
        "order #4411/5",
        "12/10",  # off the scale
        "delivered 5/10/2024",  # a date
        "give it 2 weeks",
        "5/5 delivery, 1/5 product",  # ratings that disagree
        "great phone, fast delivery",
    ],
)
def test_numbers_that_are_no_rating_give_none(text: str) -> None:
    assert rating(text) is None, text


@pytest.mark.parametrize(
    ("text", "feeling"),
    [
        ("5/5", Feeling.POSITIVE),  # read as no content before
        ("1/5", Feeling.NEGATIVE),
        ("1 звезда", Feeling.NEGATIVE),  # read +0.14 before
        ("единица", Feeling.NEGATIVE),
        ("给五星", Feeling.POSITIVE),
        ("quality 👍", Feeling.POSITIVE),  # emoji beside words read neutral
        ("доставка 🔥", Feeling.POSITIVE),
        ("доставка 🐢", Feeling.NEGATIVE),
    ],
)
def test_ratings_and_clear_emoji_are_reported(text: str, feeling: Feeling) -> None:
    assert read_text(text).score.feeling is feeling, text


@pytest.mark.parametrize(
    ("text", "feeling"),
    [
        ("Delivered on time 📦", Feeling.NEUTRAL),  # an emoji that shows no feeling
        ("nothing to add 👍", Feeling.NONE),  # a decline stays one
        ("-", Feeling.NONE),
    ],
)
def test_what_ratings_and_emoji_leave_alone(text: str, feeling: Feeling) -> None:
    assert read_text(text).score.feeling is feeling, text


def test_a_rating_alone_opens_no_complaint() -> None:
    assert not read_text("1/5").complaint and not read_text("0 stars").complaint


@pytest.mark.parametrize(
    ("text", "complaint", "feeling"),
    [
        # rule 145: a part of the journey named and blamed with emoji alone is a complaint, reported negative
        ("packaging 💩", True, Feeling.NEGATIVE),
        ("support 🙄", True, Feeling.NEGATIVE),  # its word alone read +0.86
        ("упаковка 💩", True, Feeling.NEGATIVE),
        ("курьер 🐢", True, Feeling.NEGATIVE),
        ("快递🐢", True, Feeling.NEGATIVE),
        ("delivery 🚀", False, Feeling.POSITIVE),  # praised so: read −0.49 before
        ("price 😭", False, Feeling.NEGATIVE),  # price is an opinion, not a fault
        ("delivery 😡 but they sorted it", False, None),  # more than a part named: the rule leaves it
    ],
)
def test_a_part_of_the_journey_marked_by_emoji(text: str, complaint: bool, feeling: Feeling | None) -> None:
    reading = read_text(text)
    assert reading.complaint is complaint, text
    assert feeling is None or reading.score.feeling is feeling, text


@pytest.mark.parametrize(
    "text",
    [
        # rule 146: a rating wished for, nearly given or given on a condition is no rating
        "would be 5 stars if the smart plug didnt disconnect from wifi every night",
        "almost a 10/10",
        "was going to give 5 stars but the lid broke",
        "5 stars if it came with a case",
        "было бы 5 звёзд, если бы не запах",
        "почти 10 из 10",
        "поставил бы 5, если бы доставили вовремя",
        "本来想给五星的，但是坏了",
        "要不是物流慢，就五星了",
        "差点就满分了",
    ],
)
def test_wished_ratings_give_none(text: str) -> None:
    assert rating(text) is None, text


@pytest.mark.parametrize(
    ("text", "feeling"),
    [
        ("would recommend, 5/5", Feeling.POSITIVE),  # "would" in another clause
        ("0 stars if I could", Feeling.NEGATIVE),  # an "if" that wishes lower still
        ("5/5, would buy again", Feeling.POSITIVE),
        ("ставлю пятёрку", Feeling.POSITIVE),
    ],
)
def test_plain_ratings_beside_a_wish_word_still_count(text: str, feeling: Feeling) -> None:
    assert rating(text) is feeling, text


@pytest.mark.parametrize(
    "text",
    [
        # rule 150: not the customer's own rating
        "i am normally a m (8/10) in retailer skirts",  # sizes
        "i am usually a 8/10 and the 8 fit",
        "it was given 1 star. however, i ordered it",  # others' ratings
        "по отзывам 3 звезды, а мне понравилось",
        "看评价都是五星才买的",
        "i did take off one star for quality",  # stars taken off
        "минус звезда за доставку",
        "扣一星因为物流慢",
    ],
)
def test_sizes_others_ratings_and_stars_taken_off_are_no_rating(text: str) -> None:
    assert rating(text) is None, text


@pytest.mark.parametrize(
    ("text", "feeling"),
    [
        ("4 stars, one star off for shipping", Feeling.POSITIVE),  # the rating beside the star taken off
        ("ставлю 4, одну звезду сняла за упаковку", Feeling.POSITIVE),
        ("what a product 10/10", Feeling.POSITIVE),
        ("I gave it 5 stars", Feeling.POSITIVE),
    ],
)
def test_own_ratings_beside_them_still_count(text: str, feeling: Feeling) -> None:
    assert rating(text) is feeling, text
