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
