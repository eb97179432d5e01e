"""The learnt survey-answer feeling reader: how a survey answer feels, read by a model that learnt survey answers.

The feeling models learnt mostly reviews and comments, where "arrived tuesday, used it twice" hardly occurs and
"still waiting" is rare; a reader trained on the survey answers alone reads those far better, but reads reviews and
tweets far worse. So a gate, trained to tell survey answers from the feeling models' general texts, decides which
reads a text: the survey reader where the gate is sure it is a survey answer, the feeling models elsewhere. Weights
ship in analysis/models/survey-LANG.json.gz, written by benchmarks/train_survey_feelings.py, and load on first use.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cache

from analysis.cues import holds
from analysis.sentiment import as_marked, as_negation_reads, negation, plain_fact, plain_praise
from analysis.trained import (
    CLASSES,
    MAX_CHARS,
    Features,
    gram_counts,
    packaged_json,
    shipped_scorer,
    tfidf_sums,
    within_band,
)
from surveys.reading import Feeling, Score

SURVEY_FEELING_FORMAT = 2  # 2: idf and coefficients stored as integers, in units of 1 / `scale`
SURVEY_READER = "survey-reader"
_READ = frozenset({Feeling.NEGATIVE, Feeling.NEUTRAL, Feeling.POSITIVE})
_POLES = frozenset({Feeling.NEGATIVE, Feeling.POSITIVE})
# Since the twenty-sixth session (rule 124): in English the reader may turn one pole into the other where score_text's
# polarity is weaker than this ("couldnt fault the courier, dead polite" -0.30); a sure pole stays ("Terrible, it
# arrived broken" -0.98, and "nope, love the jacket" -0.53). Its judges kept it for English only.
UNSURE_POLE = {"en": 0.5}


def model_file(language: str) -> str:
    """Name of the shipped survey feeling weights of `language` inside the package's models folder."""
    return f"survey-{language}.json.gz"


@dataclass(frozen=True)
class SurveyFeelingModel:
    """One language's reader and gate: per n-gram idf² and idf × coefficient per class and for the gate, intercepts."""

    language: str
    features: Features
    weights: dict[str, tuple[float, ...]]  # n-gram -> (idf², negative, neutral, positive, gate coefficients × idf)
    intercepts: tuple[float, ...]  # negative, neutral, positive, gate
    threshold: float  # the gate's probability above which the reader's feeling is reported
    meta: dict

    def probabilities(self, text: str) -> tuple[dict[str, float], float] | None:
        """The reader's probability per class and the gate's that the text is a survey answer; None when the text holds
        no n-gram they know."""
        found = tfidf_sums(gram_counts(self.features, text[:MAX_CHARS]), self.weights)
        if found is None:
            return None
        sums, norm = found
        scale = 1.0 / math.sqrt(norm)
        *classes, gate = (
            1.0 / (1.0 + math.exp(-(dot * scale + b))) for dot, b in zip(sums, self.intercepts, strict=True)
        )
        total = sum(classes)  # one-vs-rest probabilities, normalised (as OneVsRestClassifier.predict_proba)
        return {name: p / total for name, p in zip(CLASSES, classes, strict=True)}, gate

    def read(self, text: str) -> tuple[str, float] | None:
        """The reader's class and polarity of a text the gate reads as a survey answer; None for any other text."""
        found = self.probabilities(text)
        if found is None or found[1] <= self.threshold:
            return None
        probabilities = found[0]
        chosen = max(CLASSES, key=probabilities.__getitem__)
        return chosen, within_band(probabilities["positive"] - probabilities["negative"], chosen)

    def report(self, text: str, score: Score) -> Score:
        """The reader's feeling where the gate reads the text as a survey answer and the shipped feeling model scored
        it, unless that turns a sure pole into the other or overrules score_text's own rules; else `score` unchanged."""
        if score.feeling not in _READ or score.scorer != shipped_scorer(score.language):
            return score  # emoji, declines, other scorers
        found = self.read(text)
        if found is None or found[0] == score.feeling:
            return score
        feeling = Feeling(found[0])
        unsure = abs(score.polarity or 0.0) < UNSURE_POLE.get(score.language, 0.0)
        if {feeling, score.feeling} == _POLES and not unsure:  # the writers' "terribly cute" misleads the reader
            return score
        if plain_fact(text, score.language) or plain_praise(text, score.language) or negation(text, score.language):
            return score  # "delivery" is neutral, "не рекомендую" negative: by rule
        if holds("fault_after_denial", text, score.language):
            return score  # "物流一点都不慢，盒子破了": the denial turns nothing (rules 176, 195)
        return Score(score.language, found[1], score.subjectivity, SURVEY_READER, feeling)


def parse_survey_feeling_model(data: dict) -> SurveyFeelingModel:
    """Build a SurveyFeelingModel from benchmarks/train_survey_feelings.py's JSON."""
    coef, intercepts = data["coef"], data["intercepts"]  # negative, neutral, positive, gate: one list per n-gram each
    if (
        data.get("format") != SURVEY_FEELING_FORMAT
        or not data.get("scale")
        or len(coef) != len(CLASSES) + 1
        or len(intercepts) != len(coef)
        or any(len(column) != len(data["ngrams"]) for column in (data["idf"], *coef))
    ):
        raise ValueError("survey feeling model file does not match its format")
    low, high = data["ngram_range"]
    scale = data["scale"]  # a true division: 123 / 1000 is the very float that "0.123" reads as
    idfs = [value / scale for value in data["idf"]]
    columns = [[value / scale for value in column] for column in coef]
    return SurveyFeelingModel(
        language=data["language"],
        features=Features(low, high, data.get("words", 0)),
        weights={
            gram: (idf * idf, *(idf * c for c in column))
            for gram, idf, column in zip(data["ngrams"], idfs, zip(*columns, strict=True), strict=True)
        },
        intercepts=tuple(intercepts),
        threshold=data["threshold"],
        meta=data["meta"],
    )


@cache
def load_survey_feeling_model(language: str) -> SurveyFeelingModel | None:
    """The shipped survey feeling reader of `language`, or None when there is none."""
    data = packaged_json(model_file(language))
    return parse_survey_feeling_model(data) if data is not None else None


def as_reported(text: str, score: Score) -> Score:
    """The score a reading reports: as the language's survey reader reports it (SurveyFeelingModel.report), or `score`
    when the language has no survey reader; a denied praise or fault turned as the negation rules say, a rating or
    clear emoji as they show (as_marked)."""
    model = load_survey_feeling_model(score.language) if score.feeling in _READ else None
    return as_marked(text, as_negation_reads(text, model.report(text, score) if model is not None else score))
