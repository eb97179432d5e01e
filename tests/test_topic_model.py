"""The learnt topic readers: shipped, small, retrained byte for byte, and what they add to and take from the terms."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest

import analysis.reading as reading
from analysis.reading import read_text
from analysis.topic_model import load_topic_model, model_file, parse_topic_model
from analysis.topics import Taxonomy, Topic, default_taxonomy
from tests.helpers import refit_in_training_kernel

KEYS = tuple(topic.key for topic in default_taxonomy().topics)


@pytest.mark.parametrize("language", ["en", "ru", "zh"])
def test_each_language_ships_small_readers_of_every_topic(language: str) -> None:
    assert len(resources.files("analysis").joinpath("models", model_file(language)).read_bytes()) < 5_000_000
    model = load_topic_model(language)
    assert model is not None and model.keys == KEYS and 0 < model.confirm < model.alone < 1
    assert model.meta["rows"] > 1000 and min(model.meta["labelled"].values()) > 100
    for text in ("", "ok", "x" * 5000, "заказ #123 ok thanks", "好"):
        assert all(0.0 <= p <= 1.0 for p in model.probabilities(text).values())
    assert model.probabilities("") == {}


def test_a_language_without_readers_has_none() -> None:
    assert load_topic_model("ko") is None


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("waited three weeks for it", "delivery"),
        ("photo looked nothing like it", "description"),
        ("一直没收到", "delivery"),
    ],
)
def test_the_readers_find_a_topic_no_term_names(text: str, topic: str) -> None:
    assert topic not in default_taxonomy().find(text)
    assert topic in read_text(text).topics


def test_a_term_the_readers_do_not_confirm_is_dropped() -> None:
    text = "thanks for the quick delivery of my complaint reply"
    assert default_taxonomy().find(text) == ("delivery", "support")
    assert read_text(text).topics == ("delivery",)


@pytest.mark.parametrize(
    "text",
    ["waited three weeks for it", "the box was soaked", "photo looked nothing like it", "一直没收到"],
)
def test_the_complaint_decision_reads_the_terms_topics_alone(monkeypatch, text: str) -> None:
    with_readers = read_text(text)
    monkeypatch.setattr(reading, "load_topic_model", lambda _: None)
    without = read_text(text)
    assert without.topics == default_taxonomy().find(text) != with_readers.topics
    assert without.complaint == with_readers.complaint and without.score == with_readers.score


def test_a_topic_no_reader_knows_stays_as_the_terms_found_it() -> None:
    gift = Topic("gift", {"en": "Gift"}, {"en": ("gift",)})
    delivery = next(topic for topic in default_taxonomy().topics if topic.key == "delivery")
    taxonomy = Taxonomy((gift, delivery))
    assert read_text("it was a gift and it came two weeks late", taxonomy).topics == ("gift", "delivery")
    model = load_topic_model("en")
    assert model is not None
    assert model.topics("qqqq", ("gift", "delivery"), ("gift", "delivery")) == ("gift", "delivery")  # nothing known


def test_a_broken_topic_model_file_is_refused() -> None:
    data = {
        "format": 2,
        "language": "en",
        "ngram_range": [2, 2],
        "keys": ["delivery", "price"],
        "ngrams": ["ab"],
        "scale": 1000,
        "idf": [1000],
        "coef": [[2000], [-2000]],
        "intercepts": [0.0, 0.0],
        "confirm": 0.3,
        "alone": 0.6,
        "meta": {},
    }
    model = parse_topic_model(data)
    assert model.topics("ab", ("price",), ("delivery", "price")) == ("delivery",)
    for broken in ({"coef": [[2000]]}, {"intercepts": [0.0]}, {"idf": [1000, 2000]}, {"format": 1}, {"scale": 0}):
        with pytest.raises(ValueError):
            parse_topic_model({**data, **broken})


def test_the_shipped_readers_are_what_the_trainer_writes(tmp_path) -> None:
    pytest.importorskip("sklearn")  # the [train] extra; CI installs only [test,dev]
    refit_in_training_kernel(
        "import sys; from pathlib import Path; import train_topics as t; from train_complaints import write_json; "
        "[write_json(t.train(l), Path(sys.argv[1]) / t.model_file(l)) for l in ('en', 'ru', 'zh')]",
        str(tmp_path),
    )
    for language in ("en", "ru", "zh"):
        shipped = resources.files("analysis").joinpath("models", model_file(language)).read_bytes()
        assert (tmp_path / model_file(language)).read_bytes() == shipped, language


def test_the_trainer_compares_terms_and_readers_cross_validated(tmp_path, monkeypatch) -> None:
    pytest.importorskip("sklearn")
    monkeypatch.syspath_prepend(str(Path(__file__).resolve().parent.parent / "benchmarks"))
    import train_topics as trainer

    rows = ["text,language,feeling,complaint,topics,split"]
    for i in range(10):
        rows += [f"all about the {key} number {i},en,neutral,0,{key},dev" for key in KEYS]
        rows.append(f"nothing to add {i},en,none,0,,rules")
    rows.append("all about the delivery held out,en,negative,1,delivery,heldout")
    source = tmp_path / "answers.csv"
    source.write_text("\n".join(rows) + "\n", encoding="utf-8")
    monkeypatch.setattr(trainer, "SURVEY_ANSWERS", source)
    assert len(trainer.training_rows("en")) == 10 * len(KEYS)
    report = trainer.check("en").splitlines()
    assert report[0] == f"en: {10 * len(KEYS)} content rows, {10 * len(KEYS)} labelled topics (5-fold)"
    assert report[1].startswith("  terms ") and all(" F1 " in line for line in report[1:])
    assert len(report) == 2 + len(trainer.SWEEP) * 2 + len(trainer.CONFIRM_SWEEP) * len(trainer.ALONE_SWEEP)
