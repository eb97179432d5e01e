"""The sentiment benchmark reads the project's own labelled files as documented and splits its diagnostics."""

from __future__ import annotations

from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"


@pytest.fixture
def benchmark(monkeypatch):
    pytest.importorskip("pandas")
    monkeypatch.syspath_prepend(str(BENCHMARKS))
    import sentiment_quality

    return sentiment_quality


def spec_of(benchmark, path: str):
    return next(spec for spec in benchmark.THREE_WAY if spec.path == path)


def test_the_russian_reviews_are_read_whole_and_survey_answers_held_out_only(benchmark, tmp_path) -> None:
    reviews = benchmark.read_three_way(spec_of(benchmark, "benchmarks/data/reviews_ru.csv"), tmp_path)
    assert len(reviews) == 200  # no split column: every row is for measuring
    assert reviews["label"].value_counts().to_dict() == {"positive": 80, "negative": 80, "neutral": 40}
    assert reviews["domain"].nunique() == 10
    answers = benchmark.read_three_way(spec_of(benchmark, "benchmarks/data/survey_answers.csv"), tmp_path)
    assert set(answers["split"]) == {"heldout"}


def test_no_trainer_reads_the_russian_reviews() -> None:
    for trainer in ("train_sentiment.py", "train_complaints.py"):
        assert "reviews_ru" not in (BENCHMARKS / trainer).read_text(encoding="utf-8"), trainer


def test_the_diagnostics_give_polar_f1_per_domain_and_confusion_counts(benchmark) -> None:
    lines = benchmark.domain_lines(
        ["taxi", "taxi", "taxi", "hotel", "hotel"],
        ["positive", "negative", "neutral", "positive", "negative"],
        ["positive", "negative", "negative", "neutral", "negative"],
    )
    assert [line.split()[0] for line in lines[:2]] == ["hotel", "taxi"]
    assert lines[1].endswith("polar F1 1.000 on 2")
    assert lines[0].endswith("polar F1 0.500 on 2")  # a positive read neutral is a miss: F1 0 and 1
    assert "  neutral read as: negative 1" in lines
    assert "  positive read as: neutral 1, positive 1" in lines
