"""The learnt complaint models: shipped, small, loaded lazily, retrained byte for byte, and what they add to the rules."""

from __future__ import annotations

from importlib import resources

import pytest

from analysis.complaint_model import load_complaint_model, model_file
from analysis.complaint_text import Problem, complaint_problems, problems
from analysis.reading import read_text


@pytest.mark.parametrize("language", ["en", "ru", "zh"])
def test_each_language_ships_a_small_model_that_gives_probabilities(language: str) -> None:
    assert len(resources.files("analysis").joinpath("models", model_file(language)).read_bytes()) < 5_000_000
    model = load_complaint_model(language)
    assert model is not None and model.meta["rows"] > 100 and 0.5 <= model.threshold < 1.0
    for text in ("", "ok", "x" * 5000, "заказ #123 ok thanks", "好"):
        probability = model.probability(text)
        assert probability is None or 0.0 <= probability <= 1.0


def test_a_language_without_a_model_has_none() -> None:
    assert load_complaint_model("ko") is None


@pytest.mark.parametrize(
    "text",
    ["screen goes black every few minutes", "the pages are printed upside down"],
)
def test_the_model_reads_complaints_no_rule_holds(text: str) -> None:
    assert problems(text, "en") == ()  # no rule names it
    assert read_text(text).complaint, text


def test_a_positive_text_is_never_flagged_by_the_model_alone() -> None:
    positive = read_text("Lovely quality, arrived early, would buy again")
    assert positive.score.feeling.value == "positive" and not positive.complaint
    assert Problem.LEARNT not in complaint_problems("Lovely quality", positive.score, ())


def test_the_shipped_models_are_what_the_trainer_writes(tmp_path, monkeypatch) -> None:
    pytest.importorskip("sklearn")  # the [train] extra; CI installs only [test,dev]
    import benchmarks.train_complaints as trainer

    monkeypatch.setattr(trainer, "MODELS_DIR", tmp_path)
    for language in ("en", "ru", "zh"):
        written = trainer.write(trainer.train(language), language)
        shipped = resources.files("analysis").joinpath("models", model_file(language)).read_bytes()
        assert written.read_bytes() == shipped, language


def test_rules_still_name_the_problem_they_know() -> None:
    assert problems("I was charged twice for the same order!", "en") == (Problem.CHARGE,)


# The neutral guard (analysis.complaint_text.GUARD): chosen by cross-validation on the dev rows, measured once,
# and left out of read_text because it flagged 10 % of neutral GoEmotions comments (8 % allowed).
POLITE = "Nice fabric. The buttons on the cardigan are not the ones in the pictures"  # no negative word


def _read(text: str):
    from analysis.sentiment import score_text
    from analysis.topics import default_taxonomy

    return score_text(text), default_taxonomy().find(text)


def test_the_guard_lets_the_model_flag_a_polite_complaint_with_no_negative_word() -> None:
    from analysis.complaint_text import GUARD

    score, topics = _read(POLITE)
    assert score.feeling.value == "neutral" and problems(POLITE, "en") == ()  # no rule names it
    assert complaint_problems(POLITE, score, topics, GUARD) == (Problem.LEARNT,)
    assert complaint_problems(POLITE, score, topics) == ()  # read_text passes no guard


def test_read_text_does_not_use_the_guard() -> None:
    assert not read_text(POLITE).complaint


@pytest.mark.parametrize(
    "text", ["We watched the whole season in one weekend", "The meeting moved to Thursday afternoon"]
)
def test_the_guard_leaves_off_domain_neutral_texts_alone(text: str) -> None:
    from analysis.complaint_text import GUARD, about_the_shop

    score, topics = _read(text)
    assert score.feeling.value == "neutral" and not about_the_shop(text, topics)
    assert complaint_problems(text, score, topics, GUARD) == ()


def test_it_is_the_guard_not_the_model_that_keeps_chit_chat_unflagged() -> None:
    from analysis.complaint_text import Guard, about_the_shop

    text = "We watched the whole season in one weekend"
    model = load_complaint_model("en")
    assert model is not None and (model.probability(text) or 0.0) > model.guarded_threshold
    score, topics = _read(text)
    assert not about_the_shop(text, topics)
    assert complaint_problems(text, score, topics, Guard()) == ()


def test_an_order_number_makes_a_text_about_the_shop() -> None:
    from analysis.complaint_text import about_the_shop

    assert about_the_shop("any news on order 58119?", ())
    assert about_the_shop("re #40021, the second box", ())
    assert not about_the_shop("born in 1984, still going", ())
    assert not about_the_shop("a bit pricey", ("price",))  # price alone is an opinion


def test_the_guard_reads_a_positive_text_only_when_it_turns() -> None:
    from analysis.complaint_text import GUARD

    text = "Lovely service, the parcel was quick"
    score, topics = _read(text)
    assert score.feeling.value == "positive" and topics
    assert complaint_problems(text, score, topics, GUARD) == ()


def test_a_model_without_a_guarded_threshold_never_flags_a_guarded_text() -> None:
    from analysis.complaint_model import parse_complaint_model

    data = {
        "format": 1,
        "language": "en",
        "ngram_range": [2, 2],
        "ngrams": ["ab"],
        "idf": [1.0],
        "coef": [9.0],
        "intercept": 9.0,
        "threshold": 0.7,
        "meta": {},
    }
    assert parse_complaint_model(data).guarded_threshold == 1.0
    assert parse_complaint_model({**data, "guarded_threshold": 0.75}).guarded_threshold == 0.75
    ru = load_complaint_model("ru")
    assert ru is not None and ru.guarded_threshold == 1.0  # the guard was chosen for English only


def test_the_off_domain_benchmark_counts_flags_per_polarity(tmp_path, monkeypatch) -> None:
    pytest.importorskip("pandas")
    from pathlib import Path

    monkeypatch.syspath_prepend(str(Path(__file__).resolve().parent.parent / "benchmarks"))
    from complaint_flags import measure_off_domain

    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "goemotions_en.csv").write_text(
        "text,polarity,domain,emotions\nWe watched the whole season,neutral,r,neutral\n"
        "I was charged twice for the same order!,negative,r,anger\n"
    )
    (tmp_path / "en" / "airline_tweets.csv").write_text(
        "text,polarity,domain,complaint_reason\nfirst half is never read,neutral,a,\n"
        "I was charged twice for the same order!,negative,a,Late Flight\nthanks a lot,positive,a,\n"
        "lost my bag and nobody answers,negative,a,Lost Luggage\n"
    )
    table = measure_off_domain(tmp_path).set_index(["set", "polarity"])["flagged"]
    assert table["goemotions_en", "neutral"] == 0.0 and table["goemotions_en", "negative"] == 1.0
    assert ("airline tweets, 2nd half", "neutral") not in table.index  # the first half is not read
    assert table["airline tweets, 2nd half", "negative, with a reason"] >= 0.5
