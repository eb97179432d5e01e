"""A learnt complaint reader per language: character n-grams and logistic regression over labelled survey answers.

The rules in `complaint_text` name the problems they know; this model generalises to wordings no rule holds
("the lid split the first time I opened it"). Weights ship in analysis/models/complaint-LANG.json.gz, written by
benchmarks/train_complaints.py from the rows of benchmarks/data/survey_answers.csv it names per reader and language
(READER_SPLITS, GUARD_SPLITS, DECLINE_SPLITS; never `heldout`), and load on first use.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cache

from analysis.trained import MAX_CHARS, Features, gram_counts, packaged_json, tfidf_sums

COMPLAINT_MODEL_FORMAT = 2  # 2: idf and coefficients stored in units of 1 / `scale` (integers in the shipped files)


def model_file(language: str) -> str:
    """Name of the shipped complaint weights of `language` inside the package's models folder."""
    return f"complaint-{language}.json.gz"


@dataclass(frozen=True)
class ComplaintModel:
    """One language's weights: per n-gram (idf², idf × coefficient), an intercept and the decision threshold."""

    language: str
    features: Features
    weights: dict[str, tuple[float, float]]
    intercept: float
    threshold: float  # a negative text is a complaint when its probability is above this
    meta: dict
    # Reads neutral (and turning positive) texts (complaint_text.Guard): trained on the same
    # survey answers and also on off-domain comments that are no complaint, so chit-chat stays unflagged.
    guard: ComplaintModel | None = None
    # A clearly negative text about a topic is UNHAPPY only when this model gives it more than this probability
    # too (complaint_text.complaint_problems); None: no such demand.
    unhappy_needs: float | None = None
    # Reads whether a text only says there is nothing to say (analysis.declines): trained on the same survey answers,
    # `none` against everything else; it reads no text longer than max_chars.
    decline: ComplaintModel | None = None
    max_chars: int | None = None

    def probability(self, text: str) -> float | None:
        """P(complaint) of a text (for the decline reader, P(decline)), or None when it holds no n-gram the model knows."""
        found = tfidf_sums(gram_counts(self.features, text[:MAX_CHARS]), self.weights)
        if found is None:
            return None
        (dot,), norm = found
        return 1.0 / (1.0 + math.exp(-(dot / math.sqrt(norm) + self.intercept)))

    def reaches(self, text: str) -> bool:
        """Whether the text is no longer than any the model reads (max_chars, when it has that bound)."""
        return self.max_chars is None or len(text) <= self.max_chars

    def is_complaint(self, text: str) -> bool:
        """Whether the model reads the text as a complaint."""
        probability = self.probability(text)
        return probability is not None and probability > self.threshold


def parse_complaint_model(data: dict) -> ComplaintModel:
    """Build a ComplaintModel (and its guard and decline readers, when the file has them) from train_complaints.py's JSON."""
    if (
        data.get("format") != COMPLAINT_MODEL_FORMAT
        or not data.get("scale")
        or len(data["coef"]) != len(data["ngrams"])
        or len(data["idf"]) != len(data["ngrams"])
    ):
        raise ValueError("complaint model file does not match its format")
    low, high = data["ngram_range"]
    # A true division: 6383840 / 1000000 is the very float that "6.38384" reads as.
    idfs, coefs = ([value / data["scale"] for value in data[key]] for key in ("idf", "coef"))
    guard, decline = data.get("guard"), data.get("decline")
    inner = {"guard": None, "decline": None, "unhappy_needs": None}
    return ComplaintModel(
        language=data["language"],
        features=Features(low, high, data.get("words", 0)),
        weights={gram: (idf * idf, idf * coef) for gram, idf, coef in zip(data["ngrams"], idfs, coefs, strict=True)},
        intercept=data["intercept"],
        threshold=data["threshold"],
        meta=data["meta"],
        guard=parse_complaint_model({**data, **guard, **inner}) if guard else None,
        unhappy_needs=data.get("unhappy_needs"),
        decline=parse_complaint_model({**data, **decline, **inner}) if decline else None,
        max_chars=data.get("max_chars"),
    )


@cache
def load_complaint_model(language: str) -> ComplaintModel | None:
    """The shipped complaint model of `language`, or None when there is none."""
    data = packaged_json(model_file(language))
    return parse_complaint_model(data) if data is not None else None
