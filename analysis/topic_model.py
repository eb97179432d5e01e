"""Learnt topic readers per language: one logistic regression per topic key over character n-grams of survey answers.

The taxonomy's terms name the words a topic is known by; the readers learnt how customers speak of it ("it never
showed up" is delivery, "сел после стирки" quality) and which term mentions are not about it. Weights ship in
analysis/models/topics-LANG.json.gz, written by benchmarks/train_topics.py, and load on first use.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import cache
from itertools import repeat

import numpy as np

from analysis.trained import MAX_CHARS, Features, gram_counts, packaged_json

TOPIC_MODEL_FORMAT = 2  # 2: idf and coefficients stored as integers, in units of 1 / `scale`


def model_file(language: str) -> str:
    """Name of the shipped topic weights of `language` inside the package's models folder."""
    return f"topics-{language}.json.gz"


@dataclass(frozen=True)
class TopicModel:
    """One language's readers: per n-gram idf² and idf × coefficient per key, an intercept per key, two thresholds."""

    language: str
    features: Features
    keys: tuple[str, ...]
    rows: dict[str, int]  # n-gram -> its row of `weights` (from 1)
    weights: np.ndarray = field(compare=False)  # per n-gram: idf², then idf × coefficient per key; row 0 all zeros
    intercepts: np.ndarray = field(compare=False)
    confirm: float  # a topic the taxonomy's terms found stays when its reader gives it more than this
    alone: float  # a topic the terms did not find is added when its reader gives it more than this
    meta: dict

    def probabilities(self, text: str) -> dict[str, float]:
        """P(the text is about the topic) per key; empty when the text holds no n-gram the readers know."""
        # Every n-gram's row (0, all zeros, for an unknown one) weighed by its sublinear tf and summed by numpy: the
        # eleven keys at once, with no loop in Python.
        counts = gram_counts(self.features, text[:MAX_CHARS])
        rows = np.fromiter(map(self.rows.get, counts, repeat(0)), dtype=np.intp, count=len(counts))
        if not rows.any():
            return {}
        tf = 1.0 + np.log(np.fromiter(counts.values(), dtype=np.float64, count=len(counts)))
        block = self.weights[rows]
        dots = tf @ block[:, 1:] / math.sqrt(float(tf * tf @ block[:, 0])) + self.intercepts
        return dict(zip(self.keys, (1.0 / (1.0 + np.exp(-dots))).tolist(), strict=True))

    def topics(self, text: str, terms: tuple[str, ...], keys: tuple[str, ...]) -> tuple[str, ...]:
        """The keys (of `keys`, in that order) a text is about: what the terms found and the readers confirm, and what
        the readers alone read surely; a key no reader knows stays as the terms found it."""
        probabilities = self.probabilities(text)
        if not probabilities:
            return tuple(key for key in keys if key in terms)
        return tuple(
            key
            for key in keys
            if (key in terms and probabilities.get(key, 1.0) > self.confirm) or probabilities.get(key, 0.0) > self.alone
        )


def parse_topic_model(data: dict) -> TopicModel:
    """Build a TopicModel from benchmarks/train_topics.py's JSON."""
    keys = tuple(data["keys"])
    coef = data["coef"]  # one coefficient list (as long as `ngrams`) per key
    if (
        data.get("format") != TOPIC_MODEL_FORMAT
        or not data.get("scale")
        or len(coef) != len(keys)
        or len(data["intercepts"]) != len(keys)
    ):
        raise ValueError("topic model file does not match its format")
    low, high = data["ngram_range"]
    scale = float(data["scale"])
    idf = np.array(data["idf"], dtype=np.float64) / scale
    if len(idf) != len(data["ngrams"]) or any(len(column) != len(idf) for column in coef):
        raise ValueError("topic model file does not match its format")
    return TopicModel(
        language=data["language"],
        features=Features(low, high, data.get("words", 0)),
        keys=keys,
        rows={gram: i for i, gram in enumerate(data["ngrams"], 1)},
        weights=np.vstack(  # row 0: the unknown n-gram's
            [
                np.zeros(len(coef) + 1),
                np.column_stack([idf * idf, *(idf * (np.array(c, dtype=np.float64) / scale) for c in coef)]),
            ]
        ),
        intercepts=np.array(data["intercepts"], dtype=np.float64),
        confirm=data["confirm"],
        alone=data["alone"],
        meta=data["meta"],
    )


@cache
def load_topic_model(language: str) -> TopicModel | None:
    """The shipped topic readers of `language`, or None when there are none."""
    data = packaged_json(model_file(language))
    return parse_topic_model(data) if data is not None else None
