"""Russian typed in Latin letters is read as the Russian it stands for."""

from __future__ import annotations

import pytest

from analysis.reading import read_text
from analysis.translit import in_cyrillic, russian_in_latin
from surveys.reading import Feeling


@pytest.mark.parametrize(
    ("text", "cyrillic"),
    [
        ("zakaz ne prishel uzhe 2 nedeli", "заказ не пришел уже 2 недели"),
        ("kuryer opyat opozdal na 2 chasa", "курьер опять опоздал на 2 часа"),
        ("vse super, tolko telefon ne vkluchaetsya))", "все супер, только телефон не включается))"),
        ("Vse khorosho, spasibo, zakaz #4411 prishel", "все хорошо, спасибо, заказ #4411 пришел"),
    ],
)
def test_russian_in_latin_letters_is_written_in_cyrillic(text: str, cyrillic: str) -> None:
    assert russian_in_latin(text)
    assert in_cyrillic(text) == cyrillic


@pytest.mark.parametrize(
    "text",
    [
        "The parcel never came",
        "ne",  # one word is not enough
        "Kak is a brand name and the box was fine",  # English words outnumber it
        "asdf",
        "заказ не пришел",  # already Cyrillic
        "",
    ],
)
def test_other_texts_are_left_as_they_are(text: str) -> None:
    assert not russian_in_latin(text)
    assert in_cyrillic(text) == text


def test_a_complaint_in_latin_letters_is_read_as_a_russian_complaint() -> None:
    reading = read_text("zakaz ne prishel uzhe 2 nedeli")
    assert reading.score.language == "ru" and reading.complaint and "delivery" in reading.topics
    for text in ("s karty spisali dvazhdy za odnu pokupku", "podderzhka ne otvechaet tretiy den"):
        other = read_text(text)
        assert other.score.language == "ru" and other.complaint, text
    praise = read_text("zakaz prishel bystro, vse ok")
    assert praise.score.language == "ru" and praise.score.feeling is Feeling.POSITIVE and not praise.complaint


def test_a_decline_in_latin_letters_is_no_content() -> None:
    for text in ("net, spasibo", "nechego dobavit"):
        reading = read_text(text)
        assert reading.score.feeling is Feeling.NONE and not reading.complaint, text
