"""What a customer's free text says: its feeling, whether it alone is a complaint, and its topics."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Feeling(StrEnum):
    """The feeling of a text answer; NONE is an answer with nothing in it ("nothing to add", "нет", "没有")."""

    NEGATIVE = "negative"
    NEUTRAL = "neutral"
    POSITIVE = "positive"
    NONE = "none"


# The keys of the shipped topic taxonomy; a replacement taxonomy file may name others.
DEFAULT_TOPICS = (
    "delivery",
    "packaging",
    "quality",
    "size_fit",
    "wrong_item",
    "price",
    "payment",
    "checkout",
    "support",
    "returns",
    "description",
)


@dataclass(frozen=True)
class Score:
    """A scorer's verdict on one text; polarity and feeling are None when no scorer reads its language."""

    language: str
    polarity: float | None
    subjectivity: float | None
    scorer: str | None
    feeling: Feeling | None


@dataclass(frozen=True)
class Reading:
    """Everything read from one free-text answer: its score, whether it alone is a complaint, its topics."""

    score: Score
    complaint: bool = False
    topics: tuple[str, ...] = ()
