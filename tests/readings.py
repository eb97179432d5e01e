"""Readings of free text that tests give the journey and the store instead of the real scorers."""

from __future__ import annotations

from surveys.reading import Feeling, Reading, Score


def reading(
    polarity: float | None,
    language: str = "en",
    *,
    complaint: bool = False,
    topics: tuple[str, ...] = (),
    feeling: Feeling | None = None,
) -> Reading:
    """A Reading with the given polarity; its feeling follows the polarity unless given."""
    if feeling is None and polarity is not None:
        feeling = Feeling.NEGATIVE if polarity < 0 else Feeling.POSITIVE if polarity > 0 else Feeling.NEUTRAL
    scorer = None if polarity is None else "test"
    return Reading(Score(language, polarity, None if polarity is None else 0.5, scorer, feeling), complaint, topics)


class NegativeScorer:
    """Reads every text as clearly negative, as the trained scorers read many plain facts."""

    name = "always-negative"

    def score(self, text: str) -> tuple[float, float | None]:
        return -0.6, None
