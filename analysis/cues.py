"""Each language's cue module (english_cues, russian_cues, chinese_cues), its cues looked up by name."""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

_MODULES = {"en": "analysis.english_cues", "ru": "analysis.russian_cues", "zh": "analysis.chinese_cues"}


@cache
def _cue(language: str, name: str) -> Callable[[str], bool] | None:
    """The language's cue function called `name`, its module imported on first use; None when it has no such cue."""
    module = _MODULES.get(language)
    return getattr(importlib.import_module(module), name, None) if module is not None else None


def holds(name: str, text: str, language: str) -> bool:
    """Whether the language's cue `name` ("plain_fact", "sarcastic", "hedged", ...) holds for the text; False without it."""
    cue = _cue(language, name)
    return cue is not None and cue(text)


@dataclass(frozen=True)
class Negations:
    """A language's denied praise and denied faults (rules 136-138), and what keeps one from turning a whole answer: a
    negation or a condition before it in its sentence, one detail named in that sentence, advice on sizes anywhere, a
    closing question mark."""

    praise: re.Pattern[str]  # "не рекомендую", "不推荐", regret: "жалею, что купила"
    fault: re.Pattern[str]  # "не пожалеете", "不后悔", "не жалею"
    sentence_end: re.Pattern[str]
    negation_before: re.Pattern[str]  # matched against the sentence's text before the negation, up to it
    condition: re.Pattern[str]
    one_detail: re.Pattern[str]
    sizes: re.Pattern[str]

    def negated_praise(self, text: str) -> bool:
        """Whether the answer denies praise or regrets the purchase, unqualified (a detail or size advice qualifies)."""
        return self._unqualified(self.praise, text, details=True)

    def negated_fault(self, text: str) -> bool:
        """Whether the answer denies a fault or regret to praise, with no negation or condition before it."""
        return self._unqualified(self.fault, text, details=False)

    def _unqualified(self, pattern: re.Pattern[str], text: str, *, details: bool) -> bool:
        """Whether `pattern` finds a negation nothing qualifies (a detail or size advice only counts with `details`)."""
        lower = text.casefold().replace("ё", "е").strip()
        if lower.endswith(("?", "？")):
            return False
        for found in pattern.finditer(lower):
            start = max((end.end() for end in self.sentence_end.finditer(lower, 0, found.start())), default=0)
            ends = self.sentence_end.search(lower, found.end())
            before = lower[start : found.start()]
            if self.condition.search(before) or self.negation_before.search(before):
                continue
            sentence = lower[start : ends.start() if ends else len(lower)]
            if details and (self.one_detail.search(sentence) or self.sizes.search(lower)):
                continue
            return True
        return False
