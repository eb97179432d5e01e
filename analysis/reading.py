"""Read one free-text answer: its score and feeling, whether it alone is a complaint, and its topics."""

from __future__ import annotations

from analysis.complaint_text import GUARD, Problem, complaint_problems, settled
from analysis.declines import as_declined, says_nothing
from analysis.sentiment import score_text, turned_toward
from analysis.simplified import in_simplified
from analysis.survey_feeling import as_reported
from analysis.topic_model import load_topic_model
from analysis.topics import Taxonomy, default_taxonomy
from analysis.translit import in_cyrillic
from surveys.reading import Feeling, Reading

# Longer texts are cut before reading: a survey answer is never this long, and the rules stay fast.
MAX_CHARS = 4096
# A defect the rules found is about the product's quality, however it was worded ("the legends are printed off centre").
DEFECT_TOPIC = "quality"


def as_read(text: str) -> str:
    """The text as every reader reads it: cut to MAX_CHARS, Latin-typed Russian in Cyrillic, traditional Chinese simplified."""
    text = in_cyrillic((text or "")[:MAX_CHARS])  # "zakaz ne prishel" is read as "заказ не пришел"
    return in_simplified(text)  # "還沒收到貨" is read as "还没收到货"


def read_text(text: str, taxonomy: Taxonomy | None = None) -> Reading:
    """Read a text answer: score from score_text (or the decline reader), reported as the survey feeling reader reads a
    survey answer; topics from the taxonomy's terms and the topic readers; complaint from the rules, models and both."""
    text = as_read(text)
    score = score_text(text)
    if says_nothing(text, score):  # "my son did the checkout so cant say": a decline no rule knows
        score = as_declined(score)
    taxonomy = taxonomy or default_taxonomy()
    named = taxonomy.find(text) if score.feeling is not Feeling.NONE else ()
    found = complaint_problems(text, score, named, GUARD)  # the rules were written against the terms' topics
    keys = tuple(topic.key for topic in taxonomy.topics)
    model = load_topic_model(score.language) if score.feeling is not Feeling.NONE else None
    topics = model.topics(text, named, keys) if model is not None else named
    if Problem.DEFECT in found and DEFECT_TOPIC not in topics:
        topics = tuple(key for key in keys if key in topics or key == DEFECT_TOPIC)
    reported = as_reported(text, score)
    if reported.feeling is Feeling.NEGATIVE and settled(text, score.language):
        reported = turned_toward(reported, 1.0)  # a problem settled (rule 175): "…came back for it, top bloke"
    return Reading(score=reported, complaint=bool(found), topics=topics)
