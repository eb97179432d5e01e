"""Sentiment scorers trained on labelled texts: n-gram TF-IDF and logistic regression over three feelings, in plain Python."""

from __future__ import annotations

import gzip
import json
import math
import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

# Links and handles say nothing about sentiment; in tweets they are random strings the model would
# otherwise learn by heart. The trainer uses these same functions, so features match exactly.
_NOISE = re.compile(r"(?:https?://|www\.)\S+|@\w+")
_SPACES = re.compile(r"\s+")
# Order numbers and prices differ in every answer; as "0000" they teach nothing by heart.
_DIGIT = re.compile(r"\d")
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")
# "не плохо" is "неплохо" misspelt (Russian writes it as one word): read apart, "плохо" outweighs the "не".
_NOT_BAD = re.compile(r"(?<!\w)не (?=(?:плох|дурн)\w*)")
MODEL_FORMAT = 3
CLASSES = ("negative", "neutral", "positive")
# A model learns each feeling twice, once per kind of text ("general": reviews, tweets; "survey answers"), so that
# "delivery" can weigh one way in a review and another in a survey answer; a text's feeling is the two summed.
DOMAINS = ("general", "survey answers")
# Word n-grams are prefixed so that they never collide with character n-grams of the same letters.
WORD_PREFIX = "w:"


def normalise(text: str) -> str:
    """Lower-case, drop links and handles, write ё as е, every digit as 0 and "не плохо" as "неплохо", collapse spaces."""
    text = _NOISE.sub(" ", text.lower()).replace("ё", "е").replace("’", "'")
    return _NOT_BAD.sub("не", _SPACES.sub(" ", _DIGIT.sub("0", text))).strip()


def char_ngrams(text: str, low: int, high: int) -> list[str]:
    """Return the character n-grams of `text` after normalise()."""
    text = normalise(text)
    return [text[i : i + n] for n in range(low, high + 1) for i in range(len(text) - n + 1)]


@dataclass(frozen=True)
class Features:
    """Which n-grams a model reads: characters low…high, plus word unigrams (and bigrams) when words > 0."""

    low: int
    high: int
    words: int = 0

    def grams(self, text: str) -> list[str]:
        """Every n-gram of `text` this feature set reads, repeats included."""
        text = normalise(text)
        cut = text.__getitem__
        grams: list[str] = []
        for n in range(self.low, self.high + 1):
            # Slicing by ready-made slice objects: half the time of text[i : i + n] in a comprehension.
            grams += map(cut, _slices(n, len(text) - n + 1))
        if self.words:
            tokens = _WORD.findall(text)
            grams += [WORD_PREFIX + token for token in tokens]
            if self.words > 1:
                grams += [f"{WORD_PREFIX}{a} {b}" for a, b in zip(tokens, tokens[1:], strict=False)]
        return grams


class GramCounts(Counter[str]):
    """How often each n-gram occurs in a text, and the n-grams that occur more than once with their sublinear tf."""

    repeated: tuple[tuple[str, float], ...] = ()


@lru_cache(maxsize=64)
def gram_counts(features: Features, text: str) -> GramCounts:
    """How often each n-gram `features` reads occurs in `text`; cached, as several readers read one answer (never
    change the Counter it returns)."""
    counts = GramCounts(features.grams(text))
    # sublinear tf, as TfidfVectorizer(sublinear_tf=True), worked out once for all the readers of the answer
    counts.repeated = tuple((gram, 1.0 + math.log(count)) for gram, count in counts.items() if count > 1)
    return counts


_SLICES: dict[int, list[slice]] = {}


def _slices(n: int, count: int) -> list[slice]:
    """The first `count` slices of width n: slice(0, n), slice(1, n + 1), …"""
    ready = _SLICES.get(n, [])
    if len(ready) < count:
        ready = _SLICES[n] = [slice(i, i + n) for i in range(max(count, 2 * len(ready), 256))]
    return ready[:count] if count > 0 else []


@lru_cache(maxsize=1)
def _vader():
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


# Cue counts are capped: three complaint phrases are no weaker a complaint than four.
_MAX_CUES = 3


# English lexicons whose dense features end in the counts of praise and complaint cues.
ENGLISH_LEXICONS = ("vader+cues", "valence+cues")


def lexicon_features(name: str, text: str) -> list[float]:
    """Dense features appended to the n-grams: 'vader' gives VADER's (compound, positive, negative);
    'valence' the same three from VADER's lexicon read in plain Python (analysis.english_cues, much faster);
    '+cues' adds the counts of English praise and complaint cues."""
    base, _, cues = name.partition("+")
    if base not in ("vader", "valence") or cues not in ("", "cues"):
        raise ValueError(f"unknown lexicon {name!r}")
    from analysis.english_cues import cue_counts, valence_scores

    if base == "vader":
        scores = _vader().polarity_scores(text)
        values = [scores["compound"], scores["pos"], scores["neg"]]
    else:
        values = list(valence_scores(text))
    if cues:
        values += [min(count, _MAX_CUES) for count in cue_counts(text)]
    return values


# A review of several sentences is read sentence by sentence and the probabilities averaged: the model learnt from
# sentences and short comments, and over a whole review its many mild praises outweigh the one sentence
# that says why it went back (the customer's "fabric is lovely ... but it had to go back").
_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+|\n+")
SENTENCES_FROM = 3
# Past this many characters a text is not read further: no survey answer is this long, and a review has
# said what it thinks by then.
MAX_CHARS = 2000


def sentences_of(text: str) -> list[str]:
    """The sentences a model reads a review by: split after . ! ? ; and at line breaks, empty ones dropped."""
    return [part for part in _SENTENCE_END.split(text) if part.strip()]


@dataclass(frozen=True)
class Model:
    """One language's weights: per n-gram an idf and a coefficient per domain and class, intercepts, how it was trained."""

    language: str
    features: Features
    classes: tuple[str, ...]  # always CLASSES: negative, neutral, positive
    # n-gram -> (idf², idf × coefficient per class of DOMAINS[0], then of DOMAINS[1] when the model has both)
    weights: dict[str, tuple[float, ...]]
    intercept: tuple[float, ...]  # per domain and class, in the same order
    lexicon: str | None
    lexicon_coef: tuple[tuple[float, ...], ...]  # per lexicon feature, a coefficient per domain and class
    neutral_bias: float
    meta: dict
    sentence_mean: bool = False  # texts of SENTENCES_FROM sentences or more are read sentence by sentence
    domains: int = 1  # 1: general texts only; 2: DOMAINS, each feeling learnt for both

    def decision(self, text: str) -> list[float] | None:
        """Per-class scores of a text: of each sentence, averaged, when the model reads reviews by sentence."""
        if self.sentence_mean:
            sentences = sentences_of(text[:MAX_CHARS])
            if len(sentences) >= SENTENCES_FROM:
                found = [_softmax(scores) for scores in map(self._sentence_decision, sentences) if scores is not None]
                if not found:
                    return None
                # The sentences' probabilities averaged, as log-probabilities: one sentence the model is very sure
                # of weighs no more than a sentence can, where averaged log-odds let it outvote the rest.
                return [math.log(max(sum(column) / len(found), 1e-300)) for column in zip(*found, strict=True)]
        return self._sentence_decision(text[:MAX_CHARS])

    def _sentence_decision(self, text: str) -> list[float] | None:
        """segment_decision(), its praise read as blame when the text is sarcastic or hedged ("could be better")."""
        scores = self.segment_decision(text)
        if scores is not None and self.lexicon in ENGLISH_LEXICONS and scores[2] > scores[0]:
            from analysis.english_cues import inverts_praise

            if inverts_praise(text):
                return [scores[2], scores[1], scores[0]]
        return scores

    def segment_decision(self, text: str) -> list[float] | None:
        """Per-class scores (log-odds up to a constant), or None when the text holds nothing the model knows."""
        found = tfidf_sums(gram_counts(self.features, text), self.weights)
        if found is None:
            return None
        sums, norm = found
        scale = 1.0 / math.sqrt(norm)
        scores = [dot * scale + b for dot, b in zip(sums, self.intercept, strict=True)]
        if self.lexicon:
            for value, coefs in zip(lexicon_features(self.lexicon, text), self.lexicon_coef, strict=False):
                scores = [score + value * c for score, c in zip(scores, coefs, strict=True)]
        if self.domains == 1:
            return scores
        # Each feeling's probability is the sum over the two domains: its log, up to a constant, per feeling.
        return [_log_mean_exp(scores[k], scores[k + 3]) for k in range(3)]

    def probabilities(self, text: str) -> dict[str, float] | None:
        """Softmax of decision(): the probability of each class, or None when nothing is known."""
        scores = self.decision(text)
        if scores is None:
            return None
        return dict(zip(self.classes, _softmax(scores), strict=False))

    def feeling(self, probabilities: dict[str, float]) -> str:
        """The likeliest class, neutral's log-probability shifted by neutral_bias (chosen on validation rows)."""

        def key(name: str) -> float:
            return math.log(max(probabilities[name], 1e-300)) + (self.neutral_bias if name == "neutral" else 0.0)

        return max(self.classes, key=key)


def tfidf_sums(grams: GramCounts, weights: Mapping[str, tuple[float, ...]]) -> tuple[list[float], float] | None:
    """A text's tf-idf vector dotted with each class column of `weights`, and its squared norm; None if nothing is known."""
    # Each weight row is (idf², idf × coefficient per class): with the text's n-grams summed column by column in C, as
    # if every n-gram came once (most do), the sums take a fifth less time than a loop in Python over the n-grams.
    get = weights.get
    rows = list(filter(None, map(get, grams)))  # the known n-grams' rows (a row is a non-empty tuple, never falsy)
    if not rows:
        return None
    totals: list[float] = list(map(sum, zip(*rows, strict=True)))
    norm, sums = totals[0], totals[1:]
    for gram, tf in grams.repeated:
        if (row := get(gram)) is not None:  # add what counting each n-gram once left out
            norm += (tf * tf - 1.0) * row[0]
            sums = [total + (tf - 1.0) * weight for total, weight in zip(sums, row[1:], strict=True)]
    return sums, norm


def _log_mean_exp(a: float, b: float) -> float:
    """log((e^a + e^b) / 2) without overflow: two identical domains read as one."""
    top = max(a, b)
    return top + math.log((math.exp(a - top) + math.exp(b - top)) / 2)


def _softmax(scores: list[float]) -> list[float]:
    """Probabilities of per-class scores (log-odds up to a constant)."""
    top = max(scores)
    exps = [math.exp(score - top) for score in scores]
    total = sum(exps)
    return [e / total for e in exps]


def model_file(language: str) -> str:
    """Name of the shipped weights file of `language` inside the package's models folder."""
    return f"{language}.json.gz"


@cache
def load_model(language: str) -> Model:
    """Read `language`'s weights shipped in analysis/models (installed package data, no network)."""
    data = packaged_json(model_file(language))
    if data is None:
        raise FileNotFoundError(f"no sentiment model {model_file(language)} in analysis/models")
    return parse_model(data)


def packaged_json(name: str) -> dict | None:
    """The gzipped JSON file `name` shipped in analysis/models, or None when the package has no such file."""
    resource = resources.files("analysis").joinpath("models", name)
    if not resource.is_file():
        return None
    with resource.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as handle:
        return json.load(handle)


def parse_model(data: dict) -> Model:
    """Build a Model from the JSON the trainer writes (benchmarks/train_sentiment.py)."""
    if data.get("format") != MODEL_FORMAT:
        raise ValueError(f"unknown sentiment model format {data.get('format')!r}")
    low, high = data["ngram_range"]
    classes = tuple(data["classes"])
    coef, intercept = data["coef"], data["intercept"]  # one coefficient list (as long as `ngrams`) per domain and class
    if classes != CLASSES or len(coef) != len(intercept) or any(len(row) != len(data["ngrams"]) for row in coef):
        raise ValueError("sentiment model coefficients do not match its classes and n-grams")
    domains = tuple(data.get("domains", DOMAINS[:1]))
    if domains not in (DOMAINS, DOMAINS[:1]) or len(coef) != len(domains) * len(CLASSES):
        raise ValueError("sentiment model domains do not match its coefficients")
    return Model(
        language=data["language"],
        features=Features(low, high, data.get("word_ngrams", 0)),
        classes=classes,
        weights={
            gram: (idf * idf, *(idf * c for c in column))
            for gram, idf, column in zip(data["ngrams"], data["idf"], zip(*coef, strict=False), strict=True)
        },
        intercept=tuple(intercept),
        lexicon=data.get("lexicon"),
        lexicon_coef=tuple(tuple(row) for row in data.get("lexicon_coef", ())),
        neutral_bias=data.get("neutral_bias", 0.0),
        meta=data["meta"],
        sentence_mean=data.get("sentence_mean", False),
        domains=len(domains),
    )


# A polarity this close to 0 reads as neutral (analysis.sentiment.NEUTRAL_BAND); the trained scorers keep
# their neutral verdicts inside it and their polar ones outside it, so the one number carries the feeling.
NEUTRAL_BAND = 0.05


def polarity_of(model: Model, probabilities: dict[str, float]) -> float:
    """P(positive) − P(negative), pulled inside the neutral band when neutral wins and outside it when not."""
    polarity = probabilities.get("positive", 0.0) - probabilities.get("negative", 0.0)
    return within_band(polarity, model.feeling(probabilities))


def within_band(polarity: float, feeling: str) -> float:
    """A polarity that carries its feeling: inside the neutral band for neutral, outside it (on its side) otherwise."""
    if feeling == "neutral":
        return polarity * (NEUTRAL_BAND - 0.001)
    if feeling == "positive":
        return max(polarity, NEUTRAL_BAND)
    return min(polarity, -NEUTRAL_BAND)


def shipped_scorer(language: str) -> str:
    """The name a language's shipped feeling model scores under."""
    return f"tfidf-lr-{language}"


class TrainedScorer:
    """Scores one language with its shipped model; the weights load on the first text, not at import."""

    def __init__(self, language: str, name: str | None = None, model: Model | None = None) -> None:
        self.language = language
        self.name = name or shipped_scorer(language)
        self.model = model  # the shipped model when None; trainers pass one they fitted

    def score(self, text: str) -> tuple[float, float | None]:
        model = self.model or load_model(self.language)
        probabilities = model.probabilities(text)
        if probabilities is None:
            # Letters in this language, but no n-gram the model knows ("xxxxxxxx", a rare name): nothing
            # in it leans either way, so neutral rather than unscored.
            return 0.0, None
        return polarity_of(model, probabilities), None
