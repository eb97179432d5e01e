"""The topic taxonomy (an editable YAML file) and finding the topics a free-text answer is about."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from analysis.complaint_text import fold

DEFAULT_TOPICS_FILE = Path(__file__).with_name("topics.yaml")
LANGUAGES = ("en", "ru", "zh")


class TopicsError(ValueError):
    """The topic taxonomy file cannot be used."""


@dataclass(frozen=True)
class Topic:
    """One topic: its key, a label per language and its match terms per language."""

    key: str
    labels: dict[str, str]
    terms: dict[str, tuple[str, ...]]

    def label(self, language: str) -> str:
        """The topic's label in a language, falling back to English and then to the key."""
        return self.labels.get(language) or self.labels.get("en") or self.key


@dataclass(frozen=True)
class Taxonomy:
    """An ordered set of topics with one compiled pattern per topic: its terms of every language."""

    topics: tuple[Topic, ...]
    _patterns: dict[str, re.Pattern[str]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        patterns = {}
        for topic in self.topics:
            # One search per topic, not one per topic and language: a third of the time, the same matches.
            sources = [p for language, terms in topic.terms.items() if (p := _pattern(language, terms)) is not None]
            if sources:
                patterns[topic.key] = re.compile("|".join(f"(?:{source})" for source in sources))
        object.__setattr__(self, "_patterns", patterns)

    def find(self, text: str) -> tuple[str, ...]:
        """Return the keys of the topics a text mentions, in taxonomy order; terms of every language count."""
        if not text:
            return ()
        folded = fold(text)
        return tuple(key for key, pattern in self._patterns.items() if pattern.search(folded))

    def label(self, key: str, language: str) -> str:
        """The label of a topic key in a language (the key itself for an unknown key)."""
        for topic in self.topics:
            if topic.key == key:
                return topic.label(language)
        return key


def _pattern(language: str, terms: tuple[str, ...]) -> str | None:
    words = sorted({fold(t).strip() for t in terms if t.strip()}, key=len, reverse=True)
    if not words:
        return None
    # Latin and Cyrillic terms are stems matched at a word start, or whole words when they end in "$" ("app$" is
    # not the "app" in "appreciate"); Chinese is unsegmented, so anywhere, except a Latin word in the Chinese list
    # ("app"), which must stand alone: not the "app" in "disappointed".
    alternatives = "|".join(re.escape(w[:-1]) + r"(?!\w)" if w.endswith("$") else re.escape(w) for w in words)
    if language == "zh":
        return "|".join(
            rf"(?<![a-z]){re.escape(w.rstrip('$'))}(?![a-z])" if w.isascii() else re.escape(w) for w in words
        )
    return rf"(?<!\w)(?:{alternatives})"


def load_taxonomy(path: Path) -> Taxonomy:
    """Read a taxonomy YAML file: topic key → {label: {lang: text}, terms: {lang: [term, ...]}}."""
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise TopicsError(f"cannot read topics {path}: {exc}") from None
    if not isinstance(raw, dict) or not raw:
        raise TopicsError(f"{path}: expected a mapping of topic key to its label and terms")
    topics = []
    for key, body in raw.items():
        where = f"{path}: topic {key!r}"
        if not isinstance(key, str) or not re.fullmatch(r"[a-z][a-z0-9_]*", key):
            raise TopicsError(f"{where}: a key is lower-case letters, digits and _")
        if not isinstance(body, dict) or set(body) - {"label", "terms"}:
            raise TopicsError(f"{where}: expected 'label' and 'terms'")
        labels, terms = body.get("label") or {}, body.get("terms")
        if not isinstance(labels, dict) or not all(isinstance(v, str) for v in labels.values()):
            raise TopicsError(f"{where}: 'label' maps a language code to a text")
        if not isinstance(terms, dict) or not terms:
            raise TopicsError(f"{where}: 'terms' maps a language code to a list of terms")
        for language, words in terms.items():
            if not isinstance(words, list) or not all(isinstance(w, (str, int)) for w in words):
                raise TopicsError(f"{where}: terms for {language!r} must be a list of texts")
        topics.append(
            Topic(
                key,
                {str(k): v for k, v in labels.items()},
                {str(k): tuple(str(w) for w in v) for k, v in terms.items()},
            )
        )
    return Taxonomy(tuple(topics))


@lru_cache(maxsize=1)
def default_taxonomy() -> Taxonomy:
    """The shipped taxonomy, read once."""
    return load_taxonomy(DEFAULT_TOPICS_FILE)
