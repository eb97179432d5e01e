"""The learnt complaint models: shipped, small, loaded lazily, retrained byte for byte, and what they add to the rules."""

from __future__ import annotations

from dataclasses import replace
from importlib import resources
from pathlib import Path

import pytest

from analysis.complaint_model import load_complaint_model, model_file
from analysis.complaint_text import Problem, complaint_problems, problems
from analysis.reading import read_text
from tests.helpers import BENCHMARKS, refit_in_training_kernel


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
    monkeypatch.syspath_prepend(str(BENCHMARKS))
    import train_complaints as trainer

    if not (trainer.DATA_DIR / "en" / "goemotions_en.csv").exists():
        pytest.skip("the guard readers learn from ../shared/data, which this machine lacks")
    refit_in_training_kernel(
        "import sys; from pathlib import Path; import train_complaints as t; "
        "[t.write_json(t.train(l), Path(sys.argv[1]) / t.model_file(l)) for l in ('en', 'ru', 'zh')]",
        str(tmp_path),
    )
    for language in ("en", "ru", "zh"):
        shipped = resources.files("analysis").joinpath("models", model_file(language)).read_bytes()
        assert (tmp_path / model_file(language)).read_bytes() == shipped, language


def test_rules_still_name_the_problem_they_know() -> None:
    assert problems("I was charged twice for the same order!", "en") == (Problem.CHARGE,)


# The guard (analysis.complaint_text.GUARD): neutral and turning positive texts are read by the model's guard
# reader, which also learnt from off-domain comments that are no complaint.
POLITE = "Speedy delivery. The batteries it needs are not the ones the listing says"  # no negative word


def _read(text: str):
    from analysis.sentiment import score_text
    from analysis.topics import default_taxonomy

    return score_text(text), default_taxonomy().find(text)


def test_the_guard_lets_the_model_flag_a_polite_complaint_with_no_negative_word() -> None:
    from analysis.complaint_text import GUARD

    score, topics = _read(POLITE)
    assert score.feeling.value == "neutral" and problems(POLITE, "en") == ()  # no rule names it
    assert complaint_problems(POLITE, score, topics, GUARD) == (Problem.LEARNT,)
    assert complaint_problems(POLITE, score, topics) == ()  # without a guard only negative texts are read


def test_read_text_uses_the_guard() -> None:
    assert read_text(POLITE).complaint


@pytest.mark.parametrize(
    "text", ["We watched the whole season in one weekend", "The meeting moved to Thursday afternoon"]
)
def test_the_guard_leaves_off_domain_neutral_texts_alone(text: str) -> None:
    from analysis.complaint_text import GUARD, about_the_shop

    score, topics = _read(text)
    assert score.feeling.value == "neutral" and not about_the_shop(text, topics)
    assert complaint_problems(text, score, topics, GUARD) == ()


# Chit-chat about things no shop does. Which of them the survey-only reader would flag moves with every data step ("We
# watched the whole season in one weekend" until the twenty-eighth session's rows, "the meeting ran two hours over again"
# until the thirty-ninth's): the tests ask that some would be, and that the guard keeps every one unflagged.
CHIT_CHAT = (
    "the meeting ran two hours over again",
    "the pool was closed again this morning",
    "my boss kept us two hours over again",
    "the football game ran over again",
)


def _flagged_by_the_survey_only_reader() -> list[str]:
    model = load_complaint_model("en")
    assert model is not None and model.guard is not None
    return [text for text in CHIT_CHAT if (model.probability(text) or 0.0) > model.threshold]


def test_it_is_the_guard_reader_that_keeps_chit_chat_unflagged() -> None:
    from analysis.complaint_text import GUARD, Guard

    assert _flagged_by_the_survey_only_reader()  # the survey-only model would flag some of it
    guard = load_complaint_model("en").guard
    for text in CHIT_CHAT:  # the reader that also learnt from chit-chat flags none
        assert (guard.probability(text) or 1.0) <= guard.threshold, text
        score, topics = _read(text)
        assert complaint_problems(text, score, topics, GUARD) == (), text
        assert complaint_problems(text, score, topics, Guard(about_the_shop=True)) == (), text


def test_the_guard_reads_a_neutral_complaint_that_names_no_topic() -> None:
    from analysis.complaint_text import GUARD, Guard, about_the_shop

    text = "Could someone check on my order please"  # no topic word, no order number, no negative word
    score, topics = _read(text)
    assert score.feeling.value == "neutral" and not about_the_shop(text, topics)
    assert complaint_problems(text, score, topics, GUARD) == (Problem.LEARNT,)
    assert complaint_problems(text, score, topics, Guard(about_the_shop=True)) == ()


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


def test_plain_positive_reads_a_positive_text_that_does_not_turn_at_its_own_threshold() -> None:
    from analysis.complaint_text import GUARD, Reader

    text = "Lovely service, the parcel was quick"
    score, topics = _read(text)
    model = load_complaint_model("en")
    assert model is not None and model.guard is not None
    survey, guard = model.probability(text), model.guard.probability(text)
    assert survey is not None and guard is not None
    for reader, probability in ((Reader.SURVEY, survey), (Reader.GUARD, guard)):
        below = replace(GUARD, plain_positive=(reader, probability - 1e-6))
        above = replace(GUARD, plain_positive=(reader, probability + 1e-6))
        assert complaint_problems(text, score, topics, below) == (Problem.LEARNT,)
        assert complaint_problems(text, score, topics, above) == ()


def test_a_model_without_a_guard_reader_never_flags_a_guarded_text() -> None:
    from analysis.complaint_model import parse_complaint_model

    data = {
        "format": 2,
        "scale": 1,
        "language": "en",
        "ngram_range": [2, 2],
        "ngrams": ["ab"],
        "idf": [1.0],
        "coef": [9.0],
        "intercept": 9.0,
        "threshold": 0.7,
        "meta": {},
    }
    assert parse_complaint_model(data).guard is None
    guard = {
        "ngrams": ["ab", "bc"],
        "idf": [1.0, 2.0],
        "coef": [1.0, -1.0],
        "intercept": 0.0,
        "threshold": 0.5,
        "meta": {},
    }
    reader = parse_complaint_model({**data, "guard": guard}).guard
    assert (
        reader is not None and reader.threshold == 0.5 and reader.guard is None and set(reader.weights) == {"ab", "bc"}
    )
    assert parse_complaint_model(data).decline is None
    decline = parse_complaint_model({**data, "guard": guard, "decline": {**guard, "threshold": 0.9, "max_chars": 40}})
    reader = decline.decline
    assert reader is not None and reader.max_chars == 40 and reader.threshold == 0.9 and decline.guard is not None
    assert reader.guard is None and reader.decline is None and decline.max_chars is None


def test_a_model_that_reads_words_tells_a_word_from_letters_inside_another() -> None:
    from analysis.complaint_model import parse_complaint_model
    from analysis.trained import WORD_PREFIX

    data = {
        "format": 2,
        "scale": 1,
        "language": "en",
        "ngram_range": [9, 9],  # no character n-gram of these texts is this long and known
        "words": 1,
        "ngrams": [WORD_PREFIX + "charged"],
        "idf": [1.0],
        "coef": [5.0],
        "intercept": -2.0,
        "threshold": 0.7,
        "meta": {},
        "guard": {
            "ngrams": [WORD_PREFIX + "charged"],
            "idf": [1.0],
            "coef": [5.0],
            "intercept": -2.0,
            "threshold": 0.5,
            "meta": {},
        },
    }
    model = parse_complaint_model(data)
    assert model.features.words == 1 and model.guard is not None and model.guard.features.words == 1
    assert model.is_complaint("charged twice") and model.probability("one charge lasts a weekend") is None


def test_the_english_readers_read_words_and_the_others_characters_only() -> None:
    readers = {language: load_complaint_model(language) for language in ("en", "ru", "zh")}
    assert {language: model.features.words for language, model in readers.items() if model} == {
        "en": 2,
        "ru": 0,
        "zh": 0,
    }


def test_the_chinese_guard_reader_learnt_from_survey_answers_alone() -> None:
    zh = load_complaint_model("zh")  # no off-domain Chinese comments to teach one
    assert zh is not None and zh.guard is not None and zh.guard.meta["off_domain_rows"] == 0


@pytest.mark.parametrize("language", ["en", "ru"])
def test_the_guard_reader_learnt_from_off_domain_comments(language: str) -> None:
    model = load_complaint_model(language)
    assert model is not None and model.guard is not None and 0.0 < model.guard.threshold < 1.0
    assert model.guard.meta["off_domain_rows"] > 5000 and "goemotions" in model.guard.meta["trained_on"]


def test_the_off_domain_benchmark_counts_flags_per_polarity(tmp_path, monkeypatch) -> None:
    pytest.importorskip("pandas")
    from pathlib import Path

    monkeypatch.syspath_prepend(str(Path(__file__).resolve().parent.parent / "benchmarks"))
    from complaint_flags import measure_off_domain

    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "goemotions_en.csv").write_text(
        "text,polarity,domain,emotions\nWe went to the park on Sunday,neutral,r,neutral\n"
        "I was double charged for the same order!,negative,r,anger\n"
        "We watched the whole season,neutral,r,neutral\n"  # kept in training (is_held_out false): not read
    )
    (tmp_path / "en" / "airline_tweets.csv").write_text(
        "text,polarity,domain,complaint_reason\nfirst half is never read,neutral,a,\n"
        "I was charged twice for the same order!,negative,a,Late Flight\nthanks a lot,positive,a,\n"
        "lost my bag and nobody answers,negative,a,Lost Luggage\n"
    )
    result = measure_off_domain(tmp_path)
    table = result.set_index(["set", "polarity"])["flagged"]
    assert table["goemotions_en, held out", "neutral"] == 0.0 and table["goemotions_en, held out", "negative"] == 1.0
    assert result.set_index(["set", "polarity"])["texts"]["goemotions_en, held out", "neutral"] == 1
    assert ("airline tweets, 2nd half", "neutral") not in table.index  # the first half is not read
    assert table["airline tweets, 2nd half", "negative, with a reason"] >= 0.5


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("Всё понравилось, спасибо большое, однако второй коробки не было", True),  # turns: read by the guard reader
        ("Отличный магазин, всё супер, жаль что крем засох", True),  # no rule knows "засох"
        ("Всё понравилось, спасибо большое", False),  # praise that does not turn is not read
    ],
)
def test_the_guard_reads_a_russian_positive_text_when_it_turns(monkeypatch, text: str, read: bool) -> None:
    import dataclasses

    import analysis.complaint_model as complaint_model
    from analysis.complaint_text import GUARD

    shipped = load_complaint_model("ru")
    assert shipped is not None and shipped.guard is not None
    always = dataclasses.replace(shipped.guard, threshold=0.0)  # a reader that flags whatever it is given
    monkeypatch.setattr(complaint_model, "load_complaint_model", lambda _: dataclasses.replace(shipped, guard=always))
    score, topics = _read(text)
    assert score.feeling.value == "positive" and problems(text, "ru", score.feeling) == ()
    assert complaint_problems(text, score, topics, GUARD) == ((Problem.LEARNT,) if read else ())


def test_the_sweeps_refit_is_the_shipped_reader(monkeypatch) -> None:
    pytest.importorskip("sklearn")  # the [train] extra; CI installs only [test,dev]
    monkeypatch.syspath_prepend(str(Path(__file__).resolve().parent.parent / "benchmarks"))
    import complaint_sweep as sweep

    if not (sweep.trainer.DATA_DIR / "zh" / "online_shopping_dev.csv").exists():
        pytest.skip("the sweep's validation texts come from ../shared/data, which this machine lacks")
    data = sweep.load("zh", from_line=10**9)  # nothing evaluated: the refit learns every dev row, as the shipped one
    reader = sweep.build(data, sweep.CANDIDATES[0])
    shipped = load_complaint_model("zh")
    assert shipped is not None and reader.guard is not None and shipped.guard is not None
    for text in ("快递三天了还没到", "做工很好，谢谢", "用了一周就坏了"):
        assert reader.probability(text) == pytest.approx(shipped.probability(text), abs=1e-4), text
        assert reader.guard.probability(text) == pytest.approx(shipped.guard.probability(text), abs=1e-4), text
    assert reader.unhappy_needs == shipped.unhappy_needs


def test_the_chinese_and_english_models_ask_a_clearly_negative_text_to_lean_to_a_complaint() -> None:
    models = {language: load_complaint_model(language) for language in ("en", "ru", "zh")}
    assert {language: m.unhappy_needs for language, m in models.items() if m is not None} == {
        "en": 0.3,  # rule 83, twenty-first session
        "ru": None,
        "zh": 0.1,
    }
    assert models["zh"] is not None and models["zh"].guard is not None and models["zh"].guard.unhappy_needs is None


def test_a_negative_reading_of_chit_chat_needs_the_guard_reader_too() -> None:
    """The plain reader leans to a complaint on this chit-chat; read negative, it is still not flagged: the text names
    nothing the shop does, so the guard reader must agree, and it does not."""
    from analysis.complaint_text import GUARD, about_the_shop
    from analysis.sentiment import Feeling

    leaning = _flagged_by_the_survey_only_reader()
    assert leaning
    for text in leaning:
        score, topics = _read(text)
        assert not about_the_shop(text, topics), text
        assert complaint_problems(text, replace(score, polarity=-0.6, feeling=Feeling.NEGATIVE), topics, GUARD) == ()
    shop = "the parcel from order 4411 sat in the depot all weekend"
    score, _ = _read(shop)
    assert complaint_problems(shop, replace(score, polarity=-0.6, feeling=Feeling.NEGATIVE), ("delivery",), GUARD)


def test_a_complaint_model_file_not_of_its_format_is_refused() -> None:
    from analysis.complaint_model import parse_complaint_model

    data = {
        "format": 2,
        "scale": 1_000_000,
        "language": "en",
        "ngram_range": [2, 2],
        "ngrams": ["ab"],
        "idf": [1_500_000],  # 1.5 in millionths
        "coef": [-2_000_000],
        "intercept": 0.0,
        "threshold": 0.7,
        "meta": {},
    }
    assert parse_complaint_model(data).weights == {"ab": (2.25, -3.0)}
    for broken in ({"format": 1}, {"scale": 0}, {"idf": []}, {"coef": [1, 2]}):
        with pytest.raises(ValueError, match="does not match its format"):
            parse_complaint_model({**data, **broken})
    without_scale = {key: value for key, value in data.items() if key != "scale"}
    with pytest.raises(ValueError, match="does not match its format"):
        parse_complaint_model(without_scale)
