"""The survey feeling reader: shipped and small, retrained byte for byte, reporting how survey answers feel without
turning a sure pole around, overruling score_text's rules, reading texts that are no survey answer, or moving a
complaint."""

from __future__ import annotations

import re
from importlib import resources

import pytest

import analysis.reading as reading
from analysis.complaint_model import model_file as complaint_file
from analysis.reading import read_text
from analysis.sentiment import EMOJI_SCORER, feeling_of, score_text
from analysis.survey_feeling import (
    SURVEY_READER,
    as_reported,
    load_survey_feeling_model,
    model_file,
    parse_survey_feeling_model,
)
from analysis.topic_model import model_file as topic_file
from analysis.trained import model_file as feeling_file
from analysis.trained import shipped_scorer
from surveys.reading import Feeling, Score
from tests.helpers import BENCHMARKS, refit_in_training_kernel


@pytest.mark.parametrize("language", ["en", "ru", "zh"])
def test_each_language_ships_a_small_reader_within_its_5_mb(language: str) -> None:
    models = resources.files("analysis").joinpath("models")
    files = (model_file, feeling_file, complaint_file, topic_file)
    assert sum(len(models.joinpath(name(language)).read_bytes()) for name in files) < 5_000_000
    model = load_survey_feeling_model(language)
    assert model is not None and 0.5 <= model.threshold < 1 and model.meta["rows"] > 4000
    assert model.probabilities("") is None
    for text in ("ok", "x" * 5000, "заказ #123 ok thanks", "好", "\x00\x1b[31m"):
        found = model.probabilities(text)
        assert found is None or (abs(sum(found[0].values()) - 1) < 1e-9 and 0 <= found[1] <= 1)


def test_a_language_without_a_reader_reports_its_score_unchanged() -> None:
    assert load_survey_feeling_model("ko") is None
    score = Score("ko", 0.5, None, "someone's", Feeling.POSITIVE)
    assert as_reported("좋아요", score) is score


@pytest.mark.parametrize(
    ("text", "scored", "reported"),
    [
        # ("instructions were only in german" was here: since rule 159 the negation cues own it, reported negative)
        ("нормально", Feeling.POSITIVE, Feeling.NEUTRAL),
        ("东西收到了，谢谢", Feeling.NEUTRAL, Feeling.POSITIVE),
        # ("说明书是英文的" was here: with the twenty-sixth session's rows the reader reads it neutral, as they label it)
        ("螺丝刀用了两次就滑丝了", Feeling.NEUTRAL, Feeling.NEGATIVE),
        # English only, where score_text is unsure of its pole (|polarity| < 0.5): the reader may turn it
        # ("couldnt fault the courier, dead polite" was here: since rule 182 the negation cues own it, reported positive)
        ("no drama, refund came same day", Feeling.NEGATIVE, Feeling.POSITIVE),
    ],
)
def test_a_survey_answer_is_reported_as_the_reader_feels_it(text: str, scored: Feeling, reported: Feeling) -> None:
    assert score_text(text).feeling is scored
    score = read_text(text).score
    assert score.feeling is reported and score.scorer == SURVEY_READER
    assert feeling_of(score.polarity) is reported


@pytest.mark.parametrize(
    ("text", "feeling"),
    [
        ("Terrible, it arrived broken", Feeling.NEGATIVE),  # the reader says positive: a sure pole is never turned
        # the reader says negative: Russian and Chinese turn no pole
        ("норм магаз, не первый раз беру", Feeling.POSITIVE),
        ("Отвратительное качество, не рекомендую", Feeling.NEGATIVE),
        ("качество ужасное", Feeling.NEGATIVE),
        ("delivery", Feeling.NEUTRAL),  # score_text's rule: a bare mention is neutral
        ("delivery and packaging", Feeling.NEUTRAL),
        (  # no survey answer: the gate says so
            "This dress is gorgeous, the fabric is soft and it fits true to size. I wore it to a wedding and got many "
            "compliments.",
            Feeling.POSITIVE,
        ),
        ("👍", Feeling.POSITIVE),
        ("nothing to add", Feeling.NONE),
    ],
)
def test_what_the_reader_leaves_to_score_text(text: str, feeling: Feeling) -> None:
    assert read_text(text).score == score_text(text)
    assert read_text(text).score.feeling is feeling


def _always_positive(threshold: float = 0.5) -> dict:
    """A model file whose one n-gram makes every class but positive unlikely and the gate sure."""
    return {
        "format": 2,
        "scale": 1,
        "language": "en",
        "ngram_range": [2, 2],
        "ngrams": ["ab", "zz"],
        "idf": [1.0, 1.0],
        "coef": [[-9.0, 9.0], [-9.0, 9.0], [9.0, 9.0], [9.0, -9.0]],  # negative, neutral, positive, gate
        "intercepts": [0.0, 0.0, 0.0, 0.0],
        "threshold": threshold,
        "meta": {},
    }


def test_the_reader_reports_only_where_the_rules_allow() -> None:
    model = parse_survey_feeling_model(_always_positive())
    neutral = Score("en", 0.0, None, shipped_scorer("en"), Feeling.NEUTRAL)
    assert model.report("abab", neutral) == Score(
        "en", pytest.approx(1.0, abs=1e-3), None, SURVEY_READER, Feeling.POSITIVE
    )
    negative = Score("en", -0.6, None, shipped_scorer("en"), Feeling.NEGATIVE)
    assert model.report("abab", negative) is negative  # the other pole, score_text sure of it
    unsure = Score("en", -0.49, None, shipped_scorer("en"), Feeling.NEGATIVE)
    assert model.report("abab", unsure).feeling is Feeling.POSITIVE  # English turns a pole score_text is unsure of
    russian = Score("ru", -0.1, None, shipped_scorer("ru"), Feeling.NEGATIVE)
    assert model.report("abab", russian) is russian  # Russian never turns one
    assert model.report("zzzz", neutral) is neutral  # the gate reads no survey answer
    assert model.report("qqqq", neutral) is neutral  # nothing it knows
    emoji = Score("en", 0.0, None, EMOJI_SCORER, Feeling.NEUTRAL)
    assert model.report("abab", emoji) is emoji  # not the shipped model's score
    declined = Score("en", 0.0, None, shipped_scorer("en"), Feeling.NONE)
    assert model.report("abab", declined) is declined
    assert parse_survey_feeling_model(_always_positive(threshold=1.0)).report("abab", neutral) is neutral


def test_a_broken_survey_feeling_file_is_refused() -> None:
    data = _always_positive()
    for broken in ({"coef": data["coef"][:3]}, {"intercepts": [0.0]}, {"idf": [1.0]}, {"format": 1}, {"scale": 0}):
        with pytest.raises(ValueError):
            parse_survey_feeling_model({**data, **broken})


@pytest.mark.parametrize(
    "text", ["instructions were only in german", "螺丝刀用了两次就滑丝了", "tracking didn't update for 3 days"]
)
def test_only_the_reported_feeling_changes(monkeypatch, text: str) -> None:
    read = read_text(text)
    monkeypatch.setattr(reading, "as_reported", lambda _, score: score)
    unread = read_text(text)
    assert read.score != unread.score and unread.score == score_text(text)
    assert (read.complaint, read.topics) == (unread.complaint, unread.topics)


def _trainer(monkeypatch):
    """benchmarks/train_survey_feelings.py, or a skip where scikit-learn or ../shared/data is missing."""
    pytest.importorskip("sklearn")  # the [train] extra; CI installs only [test,dev]
    monkeypatch.syspath_prepend(str(BENCHMARKS))
    import train_survey_feelings as trainer

    if not (trainer.DATA_DIR / "en" / "goemotions_en.csv").exists():
        pytest.skip("the gates learn from ../shared/data, which this machine lacks")
    return trainer


def test_the_shipped_readers_are_what_the_trainer_writes(tmp_path, monkeypatch) -> None:
    _trainer(monkeypatch)
    refit_in_training_kernel(
        "import sys; from pathlib import Path; import train_survey_feelings as t; "
        "from train_complaints import write_json; "
        "[write_json(t.train(l), Path(sys.argv[1]) / t.model_file(l)) for l in ('en', 'ru', 'zh')]",
        str(tmp_path),
    )
    for language in ("en", "ru", "zh"):
        shipped = resources.files("analysis").joinpath("models", model_file(language)).read_bytes()
        assert (tmp_path / model_file(language)).read_bytes() == shipped, language


def test_each_shipped_threshold_is_the_lowest_its_check_allows(monkeypatch) -> None:
    trainer = _trainer(monkeypatch)
    for language in ("en", "ru", "zh"):
        verdict = trainer.check(language).splitlines()[-1]
        assert verdict.endswith(f"lowest allowed {trainer.THRESHOLD[language]}, shipped {trainer.THRESHOLD[language]}")
        assert load_survey_feeling_model(language).threshold == trainer.THRESHOLD[language]


def test_the_cross_validation_reads_every_answer_once_and_names_what_decided(monkeypatch) -> None:
    _trainer(monkeypatch)
    import survey_feeling_cv

    lines = survey_feeling_cv.cross_validate("zh", folds=2).splitlines()
    rows = int(lines[0].split(": ")[1].split()[0])
    confusion = [int(cell) for line in lines[2:5] for cell in line.split()[1:]]
    decided = [int(n) for pair in re.findall(r"(\d+) / (\d+)", lines[5]) for n in pair]
    assert sum(confusion) == rows == sum(decided) and len(confusion) == 9
    assert re.search(r"score_text 0\.\d{3}, reported 0\.\d{3}$", lines[0])
    model = parse_survey_feeling_model(_always_positive())
    unsure = Score("en", -0.3, None, shipped_scorer("en"), Feeling.NEGATIVE)
    sure = Score("en", -0.9, None, shipped_scorer("en"), Feeling.NEGATIVE)
    assert survey_feeling_cv.what_decided(model, "abab", unsure) == "reader"
    assert survey_feeling_cv.what_decided(model, "abab", sure) == "pole"
    assert survey_feeling_cv.what_decided(model, "zzzz", sure) == "gate"
