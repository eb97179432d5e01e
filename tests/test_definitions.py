"""Survey definitions load, and every kind of broken file fails with file, question and problem."""

from __future__ import annotations

import pytest

from surveys.definitions import (
    LANGUAGES,
    MAX_FOLLOW_UPS,
    MAX_QUESTIONS,
    STAGES,
    DefinitionError,
    load_surveys,
    longest_path,
    max_path_length,
    parse_survey,
)

GOOD = """
id: demo
title: {en: T, ru: Т, zh: 题}
intro: {en: I, ru: И, zh: 介}
outro: {en: O, ru: О, zh: 结}
questions:
  - id: rating
    stage: purchase
    type: csat
    prompt: {en: Rate, ru: Оцените, zh: 评分}
  - id: why
    stage: purchase
    type: text
    skippable: true
    when: {question: rating, op: "<=", value: 3}
    prompt: {en: Why, ru: Почему, zh: 为什么}
"""


def test_shipped_surveys_are_valid_and_short(surveys):
    assert set(surveys) >= {"post_purchase", "first_week"}
    for survey in surveys.values():
        questions, follow_ups = longest_path(survey)
        assert questions <= MAX_QUESTIONS and follow_ups <= MAX_FOLLOW_UPS
        for q in survey.questions:
            assert q.stage in STAGES
            assert set(q.prompt) == set(LANGUAGES)
    stages = {q.stage for s in surveys.values() for q in s.questions}
    assert stages == set(STAGES), "the defaults cover every journey stage"
    assert surveys["first_week"].question("nps").type == "nps"
    assert [o.id for o in surveys["post_purchase"].question("channel").options] == [
        "social",
        "search",
        "friend",
        "ad",
        "other",
    ]


def test_every_rated_stage_has_a_why(surveys):
    """A low delivery score, unsolved support and a detractor NPS each get a skippable text at their own stage."""
    fw = surveys["first_week"]
    for why, anchor, low, high in (
        ("delivery_why", "delivery", 3.0, 4.0),
        ("support_why", "support", "not_solved", "solved"),
        ("nps_why", "nps", 6.0, 7.0),
    ):
        q = fw.question(why)
        assert q.type == "text" and q.skippable and q.stage == fw.question(anchor).stage
        assert q.when.question == anchor and q.when.holds(low) and not q.when.holds(high)
    # a detractor says why instead of "anything else": the worst path is 4 questions and 3 follow-ups
    assert fw.question("tell_more").when.holds(7.0) and not fw.question("tell_more").when.holds(6.0)
    assert longest_path(fw) == (4, 3) and longest_path(surveys["post_purchase"]) == (3, 1)


def test_good_file_parses_condition():
    survey = parse_survey(GOOD, "demo.yaml")
    why = survey.question("why")
    assert why.when.holds(3) and not why.when.holds(4) and not why.when.holds(None)


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (("type: csat", "type: stars"), "demo.yaml, #1, question rating: unknown type 'stars'"),
        (
            ("prompt: {en: Rate, ru: Оцените, zh: 评分}", "prompt: {en: Rate, ru: Оцените}"),
            "question rating, prompt: missing language zh",
        ),
        (("question: rating, op", "question: nope, op"), "question why: condition on unknown or later question 'nope'"),
        (("id: why", "id: rating"), "question rating: duplicate id"),
        (("stage: purchase\n    type: csat", "stage: checkout\n    type: csat"), "unknown stage 'checkout'"),
        (("questions:", "questions: [\n"), "not valid YAML"),
    ],
)
def test_broken_file_names_file_question_and_problem(change, expected):
    with pytest.raises(DefinitionError) as info:
        parse_survey(GOOD.replace(*change), "demo.yaml")
    assert expected in str(info.value)
    assert "demo.yaml" in str(info.value)


def test_too_many_questions_is_refused():
    extra = "".join(
        f"\n  - id: q{i}\n    stage: loyalty\n    type: nps\n    prompt: {{en: a, ru: б, zh: 丙}}" for i in range(5)
    )
    with pytest.raises(DefinitionError, match="keep it to 5 or fewer"):
        parse_survey(GOOD + extra, "demo.yaml")


def test_follow_ups_are_counted_by_the_answers_that_trigger_them():
    def why(n: int, value: int) -> str:
        return (
            f"\n  - id: why{n}\n    stage: purchase\n    type: text\n    skippable: true\n"
            f'    when: {{question: rating, op: "<=", value: {value}}}\n    prompt: {{en: a, ru: б, zh: 丙}}'
        )

    # overlapping conditions on one anchor are all asked after a 1: three follow-ups, not one
    assert longest_path(parse_survey(GOOD + why(2, 2) + why(3, 1), "demo.yaml")) == (1, 3)
    with pytest.raises(DefinitionError, match="4 follow-up questions asked; keep it to 3 or fewer"):
        parse_survey(GOOD + why(2, 2) + why(3, 1) + why(4, 2), "demo.yaml")
    # a condition nothing can satisfy adds nothing
    assert longest_path(parse_survey(GOOD + why(2, 0), "demo.yaml")) == (1, 1)


def test_directory_with_broken_file_fails_cleanly(tmp_path):
    (tmp_path / "post_purchase.yaml").write_text(GOOD.replace("id: demo", "id: post_purchase"), encoding="utf-8")
    (tmp_path / "first_week.yaml").write_bytes(b"\xff\xfe not utf8")
    with pytest.raises(DefinitionError, match="first_week.yaml: cannot read"):
        load_surveys(tmp_path)


def test_directory_missing_a_survey_says_which(tmp_path):
    (tmp_path / "post_purchase.yaml").write_text(GOOD.replace("id: demo", "id: post_purchase"), encoding="utf-8")
    with pytest.raises(DefinitionError, match="survey first_week is missing"):
        load_surveys(tmp_path)


@pytest.mark.parametrize(
    ("value", "op", "expected"),
    [
        ("3", "in", "question why: condition op 'in' needs a list of values, e.g. value: [1, 2], not 3"),
        ("[]", "in", "question why: condition op 'in' needs a list of values"),
        ("[1, [2]]", "in", "question why: condition op 'in' needs a list of values"),
        ("low", '"<="', "question why: condition op '<=' needs a number, not 'low'"),
        ("[1, 2]", '"=="', "question why: condition op '==' needs one value, not [1, 2]"),
    ],
)
def test_a_condition_value_that_does_not_fit_its_operator_is_refused(value, op, expected):
    broken = GOOD.replace('op: "<=", value: 3', f"op: {op}, value: {value}")
    with pytest.raises(DefinitionError) as info:
        parse_survey(broken, "demo.yaml")
    assert str(info.value).startswith("demo.yaml, #2, ") and expected in str(info.value)


def test_in_with_a_list_holds_for_its_values():
    why = parse_survey(GOOD.replace('op: "<=", value: 3', "op: in, value: [1, 2]"), "demo.yaml").question("why")
    assert why.when.holds(1.0) and why.when.holds(2) and not why.when.holds(3.0)


def follow_ups(conditions: list[str]) -> str:
    """GOOD with one text follow-up per condition on the rating."""
    return GOOD + "".join(
        f"\n  - id: more{i}\n    stage: purchase\n    type: text\n    when: {{question: rating, {c}}}"
        "\n    prompt: {en: a, ru: б, zh: 丙}"
        for i, c in enumerate(conditions)
    )


def test_overlapping_conditions_that_can_ask_too_many_questions_are_refused():
    # rating, then five required questions that all hold for a rating of 2 (plus the skippable why): six
    # questions where five are allowed, besides the follow-ups.
    overlapping = follow_ups(
        ['op: "<", value: 3', "op: in, value: [1, 2]", 'op: "!=", value: 5', 'op: "<=", value: 2', 'op: ">=", value: 1']
    )
    with pytest.raises(DefinitionError) as info:
        parse_survey(overlapping, "demo.yaml")
    assert "demo.yaml: one customer can be asked up to 6 questions" in str(info.value)
    assert longest_path(parse_survey(follow_ups(['op: "<", value: 3', 'op: "<=", value: 2']), "demo.yaml")) == (3, 1)
    # The same number of follow-ups on exclusive ranges never ask more than three.
    exclusive = follow_ups(['op: "==", value: 4', 'op: "==", value: 5', "op: in, value: [1]", 'op: ">", value: 5'])
    assert max_path_length(parse_survey(exclusive, "demo.yaml")) == 3


def test_a_condition_that_can_never_hold_for_its_question_is_refused():
    choice = GOOD.replace(
        "type: csat\n    prompt: {en: Rate, ru: Оцените, zh: 评分}",
        "type: choice\n    prompt: {en: Rate, ru: Оцените, zh: 评分}\n    options:"
        "\n      - {id: good, label: {en: G, ru: Х, zh: 好}}\n      - {id: bad, label: {en: B, ru: П, zh: 坏}}",
    )
    assert parse_survey(choice.replace('op: "<=", value: 3', "op: in, value: [bad]"), "demo.yaml")
    for condition, expected in (
        ('op: "==", value: awful', "rating has no option 'awful'"),
        ('op: "<=", value: 3', "rating is a choice; compare it with ==, != or in, not <="),
    ):
        with pytest.raises(DefinitionError, match=expected):
            parse_survey(choice.replace('op: "<=", value: 3', condition), "demo.yaml")
    with pytest.raises(DefinitionError, match="question why: rating is a csat score; compare it with numbers"):
        parse_survey(GOOD.replace('op: "<=", value: 3', 'op: "==", value: "3"'), "demo.yaml")


def test_surveys_that_are_not_a_directory_say_so(tmp_path):
    (tmp_path / "file.yaml").write_text(GOOD, encoding="utf-8")
    for where in (tmp_path / "nope", tmp_path / "file.yaml"):
        with pytest.raises(DefinitionError, match=f"^{where}: not a directory"):
            load_surveys(where)
