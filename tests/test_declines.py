"""The learnt decline reader: declines no rule knows read as none, and never a text a complaint rule reads."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

import analysis.declines as declines
from analysis.complaint_model import load_complaint_model
from analysis.reading import read_text
from analysis.sentiment import score_text
from surveys.reading import Feeling


@pytest.mark.parametrize("language", ["en", "ru", "zh"])
def test_each_language_ships_a_decline_reader_that_reads_only_short_texts(language: str) -> None:
    model = load_complaint_model(language)
    assert model is not None and model.decline is not None
    assert model.decline.threshold == 0.9 and 20 <= (model.decline.max_chars or 0) <= 200
    assert model.decline.meta["declines"] > 500 and model.max_chars is None


@pytest.mark.parametrize(
    "text",
    [
        "the office manager handles orders, so no idea",
        "my flatmate signed for it so no clue",
        "жена оплачивала, я не знаю",
        "我老公付的款，我不清楚",
    ],
)
def test_a_decline_no_rule_knows_reads_as_none(text: str) -> None:
    assert score_text(text).feeling is not Feeling.NONE  # the rules read content
    reading = read_text(text)
    assert reading.score.feeling is Feeling.NONE and reading.score.scorer == declines.DECLINE_READER
    assert not reading.complaint and reading.topics == ()


@pytest.mark.parametrize(
    "text",
    [
        "nothing to add except the parcel never came",
        "no, but the box was crushed",
        "добавить нечего, кроме того что коробка была мятая",
        "没什么补充的，就是盒子压坏了",
    ],
)
def test_a_decline_that_reports_a_problem_stays_a_complaint(text: str) -> None:
    reading = read_text(text)
    assert reading.score.feeling is not Feeling.NONE and reading.complaint


@pytest.mark.parametrize(
    "text", ["arrived tuesday, used it twice", "пришло во вторник, пользовался дважды", "周二到的，用了两次"]
)
def test_a_plain_fact_stays_content(text: str) -> None:
    assert read_text(text).score.feeling is Feeling.NEUTRAL


def test_a_text_longer_than_the_reader_reads_is_left_as_it_is(monkeypatch) -> None:
    text = "жена оплачивала, я не знаю"  # Russian: no cue reads it first (the English "no idea" does, rule 180)
    model = load_complaint_model("ru")
    assert model is not None and model.decline is not None
    short = replace(model, decline=replace(model.decline, max_chars=len(text) - 1))
    monkeypatch.setattr(declines, "load_complaint_model", lambda _: short)
    assert not declines.says_nothing(text, score_text(text))
    monkeypatch.setattr(declines, "load_complaint_model", lambda _: replace(model, decline=None))
    assert not declines.says_nothing(text, score_text(text))


def test_the_trainer_sweeps_the_decline_threshold_cross_validated(tmp_path, monkeypatch) -> None:
    pytest.importorskip("sklearn")  # the [train] extra; CI installs only [test,dev]
    monkeypatch.syspath_prepend(str(Path(__file__).resolve().parent.parent / "benchmarks"))
    import train_complaints as trainer

    rows = ["text,language,feeling,complaint,topics,split"]
    for i in range(20):
        rows.append(f"nothing to add {i},en,none,0,,dev")
        rows.append(f"the parcel {i} came broken,en,negative,1,delivery,fresh")
        rows.append(f"lovely mug number {i},en,positive,0,,rules")
    rows.append("secret held-out row,en,none,0,,heldout")
    source = tmp_path / "answers.csv"
    source.write_text("\n".join(rows) + "\n", encoding="utf-8")
    monkeypatch.setattr(trainer, "SURVEY_ANSWERS", source)
    assert len(trainer.decline_rows("en")) == 60
    report = trainer.decline_check("en").splitlines()
    assert report[0] == "en: 60 rows, 20 declines, 20 complaints (5-fold)"
    assert len(report) == 1 + len(trainer.DECLINE_SWEEP) and all("complaints 0 (0.00%)" in line for line in report[1:])
