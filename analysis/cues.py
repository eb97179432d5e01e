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
        lower = _lowered(text)
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


@dataclass(frozen=True)
class Listing:
    """A language's words for an item that matched its listing ("as described", "как на фото", "与描述相符") or did not
    (rules 140-141): what denies a match just before it, what turns an answer, and what makes a mismatch a happy one."""

    matched: re.Pattern[str]  # "matches the photos", "соответствует описанию", "和图片一样"
    unmatched: re.Pattern[str]  # mismatches said outright: "nothing like the photos", "与描述不符"
    denial_before: re.Pattern[str]  # the clause before a match, up to it: "doesn't ", "цвет не "
    expected_before: re.Pattern[str]  # the clause before a match: "thought it would be ", "думала будет "
    turns: re.Pattern[str]  # "but", "но", "但": the answer goes on to something else
    better_after: re.Pattern[str]  # anywhere after a mismatch: "it looks even better", "а оказалось лучше", "更好看"
    clause_end: re.Pattern[str]

    def affirms(self, text: str) -> bool:
        """Whether the answer says the item matched its listing, undenied, unquoted, not as an expectation, with no turn
        and no question anywhere (rule 140)."""
        lower = _lowered(text)
        if "?" in lower or "？" in lower or _asks(lower) or self.turns.search(lower) or self._denied(lower):
            return False
        return any(
            not _quoted(lower, found)
            and not self.denial_before.search(before := self._before(lower, found))
            and not self.expected_before.search(before)
            for found in self.matched.finditer(lower)
        )

    def denies(self, text: str) -> bool:
        """Whether the answer says the item did not match its listing (not for the better), as a statement."""
        lower = _lowered(text)
        return not _asks(lower) and self._denied(lower)

    def _denied(self, lower: str) -> bool:
        """Whether `lower` says outright or by a denied match that the item did not match, not for the better."""
        denied = [*self.unmatched.finditer(lower)]
        denied += [
            found for found in self.matched.finditer(lower) if self.denial_before.search(self._before(lower, found))
        ]
        return any(not self.better_after.search(lower, found.end()) for found in denied)

    def _before(self, lower: str, found: re.Match[str]) -> str:
        """The clause of `lower` before `found`, up to it."""
        start = max((end.end() for end in self.clause_end.finditer(lower, 0, found.start())), default=0)
        return lower[start : found.start()]


def _lowered(text: str) -> str:
    """The text as the negation and listing cues read it: casefolded, ё as е, stripped."""
    return text.casefold().replace("ё", "е").strip()


def _quoted(lower: str, found: re.Match[str]) -> bool:
    """Whether the match stands in quotes, a claim mocked ("вот это «как на фото»?")."""
    return lower[found.start() - 1 : found.start()] in _QUOTES or lower[found.end() : found.end() + 1] in _QUOTES


_QUOTES = frozenset("\"'«»“”„")


def _asks(lower: str) -> bool:
    """Whether the answer closes with a question ("as described?", "跟图片一样吗")."""
    return lower.endswith(("?", "？", "吗"))


@dataclass(frozen=True)
class FaultsSaid:
    """A language's faults said plainly or intensified (rules 164-167): "shipping was super slow", "доставка очень
    медленная", "物流超级慢"; the actionable ones are a complaint. Nothing is said where `unsaid` finds a fault denied, a
    turn or a question."""

    said: re.Pattern[str]
    actionable: re.Pattern[str]
    unsaid: re.Pattern[str]

    def says(self, lower: str) -> bool:
        """Whether the answer (lowered as its cue module reads it) says a fault plainly."""
        return self.said.search(lower) is not None and self.unsaid.search(lower) is None

    def says_actionable(self, lower: str) -> bool:
        """Whether the answer says plainly a fault the shop can act on (a slow or rude service, a defect, a bug)."""
        return self.actionable.search(lower) is not None and self.unsaid.search(lower) is None
