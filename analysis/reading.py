"""Read one free-text answer: its score and feeling, whether it alone is a complaint, and its topics."""

from __future__ import annotations

from analysis import sentiment
from analysis.complaint_text import problems
from analysis.topics import Taxonomy, default_taxonomy
from surveys.reading import Feeling, Reading, Score

# Longer texts are cut before reading: a survey answer is never this long, and the rules stay fast.
MAX_CHARS = 4096


def _score(text: str) -> Score:
    """The contract Score of a text from the current scorer."""
    result = sentiment.score_text(text)
    if isinstance(result, Score):
        return result
    # FALLBACK until reading-models' score_text (returning surveys.reading.Score) is merged: feeling
    # approximated from polarity. Delete after the merge.
    polarity = result.polarity
    if polarity is None:
        feeling = None
    elif polarity <= -0.3:
        feeling = Feeling.NEGATIVE
    elif polarity >= 0.3:
        feeling = Feeling.POSITIVE
    else:
        feeling = Feeling.NEUTRAL
    return Score(result.language, polarity, result.subjectivity, result.scorer, feeling)


def read_text(text: str, taxonomy: Taxonomy | None = None) -> Reading:
    """Read a text answer: score from score_text, complaint from the problem rules, topics from the taxonomy."""
    text = (text or "")[:MAX_CHARS]
    score = _score(text)
    found = problems(text, score.language, score.feeling)
    topics = (taxonomy or default_taxonomy()).find(text) if score.feeling is not Feeling.NONE else ()
    return Reading(score=score, complaint=bool(found), topics=topics)
