"""The pure survey engine: next question from answers so far, and answer validation."""

from __future__ import annotations

import pytest

from surveys.engine import SKIPPED, AnswerValue, InvalidAnswer, next_question, parse_button, parse_text


def test_post_purchase_branches_on_satisfaction(surveys):
    survey = surveys["post_purchase"]
    answers = {}
    assert next_question(survey, answers).id == "channel"
    answers["channel"] = AnswerValue(text="friend")
    assert next_question(survey, answers).id == "checkout_ease"
    answers["checkout_ease"] = AnswerValue(number=6)
    assert next_question(survey, answers).id == "purchase_csat"
    unhappy = {**answers, "purchase_csat": AnswerValue(number=2)}
    assert next_question(survey, unhappy).id == "what_went_wrong"
    happy = {**answers, "purchase_csat": AnswerValue(number=5)}
    assert next_question(survey, happy).id == "improve"
    assert next_question(survey, {**happy, "improve": SKIPPED}) is None
    assert next_question(survey, {**unhappy, "what_went_wrong": AnswerValue(text="late")}) is None


def test_skipped_anchor_skips_conditional_questions(surveys):
    survey = surveys["post_purchase"]
    answers = {"channel": SKIPPED, "checkout_ease": AnswerValue(number=1), "purchase_csat": SKIPPED}
    assert next_question(survey, answers) is None


@pytest.mark.parametrize(("qid", "raw", "number"), [("nps", "0", 0), ("nps", "10", 10), ("expectations", "5", 5)])
def test_scores_in_range_are_accepted(surveys, qid, raw, number):
    assert parse_button(surveys["first_week"].question(qid), raw).number == number


@pytest.mark.parametrize(
    ("qid", "raw"), [("nps", "11"), ("nps", "-1"), ("expectations", "0"), ("expectations", "x"), ("support", "maybe")]
)
def test_out_of_range_or_unknown_buttons_are_refused(surveys, qid, raw):
    with pytest.raises(InvalidAnswer):
        parse_button(surveys["first_week"].question(qid), raw)


def test_text_rules(surveys):
    fw = surveys["first_week"]
    assert parse_text(fw.question("tell_more"), "  Great!  ").text == "Great!"
    assert len(parse_text(fw.question("tell_more"), "x" * 10000).text) == 4096
    assert parse_text(fw.question("nps"), "9").number == 9  # a typed score is fine
    for question, raw in [
        (fw.question("nps"), "great"),
        (fw.question("tell_more"), "   "),
        (fw.question("support"), "solved"),
    ]:
        with pytest.raises(InvalidAnswer):
            parse_text(question, raw)
    with pytest.raises(InvalidAnswer):
        parse_button(fw.question("tell_more"), "1")
