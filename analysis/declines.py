"""The learnt decline reader: a text the rules read as content that only says there is nothing to say.

The rules in `sentiment` know the declines they were shown ("nothing to add", "нечего добавить", "没有要补充的");
customers find endless others ("my son did the checkout so cant say", "муж забирал, я не видела", "孩子在用，我不太清楚").
A learnt reader (benchmarks/train_complaints.py, DECLINE_CHOICE) reads those as none, unless a complaint rule finds a
problem in them ("nothing to add except the parcel never came").
"""

from __future__ import annotations

from analysis.complaint_model import load_complaint_model
from analysis.complaint_text import goes_on_to_more, problems
from analysis.cues import holds
from analysis.sentiment import negation
from surveys.reading import Feeling, Score

DECLINE_READER = "decline-reader"
# Rule 180's cue path reads no English text longer than the decline reader read when the rule was judged (rule 194): a
# reader that learns longer declines ("…the form never submits", 89 characters) does not widen it.
_CUE_MAX_CHARS = {"en": 87}
# Rule 295 (forty-first session): a Russian or Chinese decline the reader is surer of than this says nothing though a
# keyword rule names a problem in it; not when it reads positive ("спасибо за ничего" is sarcasm, not a decline).
_SURE_DECLINE = {"ru": 0.95, "zh": 0.95}
# Rule 299 (forty-first session): an English reason not to answer is read as a decline by its cue only when the decline
# reader gives it at least this probability.
_CUE_NEEDS = {"en": 0.2}


def says_nothing(text: str, score: Score) -> bool:
    """Whether a text read as content only declines to say anything: by its language's decline reader, or (English, rule
    180; Chinese, rule 183) a reason not to answer with no problem named and nothing more ("no clue, my PA orders")."""
    if score.feeling is None or score.feeling is Feeling.NONE:
        return False
    if negation(text, score.language):  # "I haven't seen better" denies a fault: it says something (rule 151)
        return False
    model = load_complaint_model(score.language)
    reader = model.decline if model is not None else None
    if reader is None or not reader.reaches(text):
        return False  # longer than any decline the reader learnt: a review that says "不知道" says more
    within_reach = len(text) <= _CUE_MAX_CHARS.get(score.language, len(text))
    if score.feeling is not Feeling.POSITIVE and within_reach and holds("cannot_answer", text, score.language):
        # "cant comment, my mum signed for it" (rule 180), unless it goes on to more ("…, but i see two payments")
        probability = reader.probability(text)
        if _surely_declines(text, score, probability):
            return True
        # "cant comment on the gloves, they sent 2 right hands 🙃": the reader sees no decline in it (rule 299)
        if probability is None or probability < _CUE_NEEDS.get(score.language, 0.0):
            return False
        return not problems(text, score.language, score.feeling) and not goes_on_to_more(text, score.language)
    probability = reader.probability(text)
    if probability is None or probability <= reader.threshold:
        return False
    return _surely_declines(text, score, probability) or not problems(text, score.language, score.feeling)


def _surely_declines(text: str, score: Score, probability: float | None) -> bool:
    """Whether the decline reader is sure enough of a decline that no keyword problem in it counts (rule 295):
    "пазл ещё не собирали, ждём выходных" (read LATE), "没必要退 所以退货流程我不知道" (REFUND)."""
    sure = _SURE_DECLINE.get(score.language)
    return sure is not None and probability is not None and probability > sure and score.feeling is not Feeling.POSITIVE


def as_declined(score: Score) -> Score:
    """The score of a text the decline reader read as saying nothing."""
    return Score(score.language, 0.0, None, DECLINE_READER, Feeling.NONE)
