"""Sentiment scorers trained on labelled reviews: character n-gram TF-IDF and logistic regression, in plain Python."""

from __future__ import annotations

import gzip
import json
import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache
from importlib import resources

# Links and handles say nothing about sentiment; in tweets they are random strings the model would
# otherwise learn by heart. The trainer uses this same function, so features match exactly.
_NOISE = re.compile(r"(?:https?://|www\.)\S+|@\w+")
_SPACES = re.compile(r"\s+")
MODEL_FORMAT = 1


def char_ngrams(text: str, low: int, high: int) -> list[str]:
    """Return the character n-grams of `text` (lower-cased, links and handles dropped, spaces collapsed)."""
    text = _SPACES.sub(" ", _NOISE.sub(" ", text.lower())).strip()
    return [text[i : i + n] for n in range(low, high + 1) for i in range(len(text) - n + 1)]


@dataclass(frozen=True)
class Model:
    """Weights of one language's model: per n-gram (idf, coefficient), an intercept and how it was trained."""

    language: str
    low: int
    high: int
    weights: dict[str, tuple[float, float]]
    intercept: float
    meta: dict

    def decision(self, text: str) -> float | None:
        """Return the log-odds that `text` is positive, or None when it holds no n-gram the model knows."""
        dot = norm = 0.0
        for gram, count in Counter(char_ngrams(text, self.low, self.high)).items():
            weight = self.weights.get(gram)
            if weight is not None:
                # Sublinear tf times idf, as TfidfVectorizer(sublinear_tf=True) computes it.
                x = (1.0 + math.log(count)) * weight[0]
                dot += x * weight[1]
                norm += x * x
        if norm == 0.0:
            return None
        return dot / math.sqrt(norm) + self.intercept


def model_file(language: str) -> str:
    """Name of the shipped weights file of `language` inside the package's models folder."""
    return f"{language}.json.gz"


@cache
def load_model(language: str) -> Model:
    """Read `language`'s weights shipped in analysis/models (installed package data, no network)."""
    resource = resources.files("analysis").joinpath("models", model_file(language))
    with resource.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as handle:
        return parse_model(json.load(handle))


def parse_model(data: dict) -> Model:
    """Build a Model from the JSON the trainer writes (benchmarks/train_sentiment.py)."""
    if data.get("format") != MODEL_FORMAT:
        raise ValueError(f"unknown sentiment model format {data.get('format')!r}")
    low, high = data["ngram_range"]
    weights = dict(zip(data["ngrams"], zip(data["idf"], data["coef"], strict=True), strict=True))
    return Model(data["language"], low, high, weights, data["intercept"], data["meta"])


class TrainedScorer:
    """Scores one language with its shipped model; the weights load on the first text, not at import."""

    def __init__(self, language: str) -> None:
        self.language = language
        self.name = f"tfidf-lr-{language}"

    def score(self, text: str) -> tuple[float, float | None] | None:
        decision = load_model(self.language).decision(text)
        if decision is None:
            return None
        # 2·sigmoid − 1 maps the model's probability of "positive" onto polarity −1…1 (tanh of half the log-odds).
        return math.tanh(decision / 2.0), None
