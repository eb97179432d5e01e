"""The survey engine: which question comes next, and what counts as a valid answer. Pure functions."""

from __future__ import annotations

from dataclasses import dataclass

from surveys.definitions import Question, Survey

MAX_TEXT = 4096


class InvalidAnswer(ValueError):
    """The answer does not fit the question (wrong type or out of range)."""


@dataclass(frozen=True)
class AnswerValue:
    """A parsed answer: a number for scores, an option id for choices, text for text; all None when skipped."""

    number: float | None = None
    text: str | None = None
    skipped: bool = False

    @property
    def value(self) -> object:
        """Return what conditions compare against: the number, else the text."""
        return self.number if self.number is not None else self.text


SKIPPED = AnswerValue(skipped=True)


def next_question(survey: Survey, answers: dict[str, AnswerValue]) -> Question | None:
    """Return the first unanswered question whose condition holds, or None when the survey is done."""
    for question in survey.questions:
        if question.id in answers:
            continue
        if question.when is not None:
            earlier = answers.get(question.when.question)
            if earlier is None or not question.when.holds(earlier.value):
                continue
        return question
    return None


def parse_button(question: Question, raw: str) -> AnswerValue:
    """Parse a pressed button's value for this question."""
    if question.scale is not None:
        low, high = question.scale
        try:
            number = int(raw)
        except ValueError:
            raise InvalidAnswer(f"{raw!r} is not a score") from None
        if not low <= number <= high:
            raise InvalidAnswer(f"{number} is outside {low}-{high}")
        return AnswerValue(number=float(number))
    if question.type == "choice":
        if question.option(raw) is None:
            raise InvalidAnswer(f"{raw!r} is not an option")
        return AnswerValue(text=raw)
    raise InvalidAnswer("this question takes text, not a button")


def parse_text(question: Question, raw: str) -> AnswerValue:
    """Parse a typed message for this question: free text, or a bare score typed as a number."""
    text = raw.strip()
    if not text:
        raise InvalidAnswer("empty text")
    if question.type == "text":
        return AnswerValue(text=text[:MAX_TEXT])
    if question.scale is not None and text.isdigit():
        return parse_button(question, text)
    raise InvalidAnswer("this question takes a button")
