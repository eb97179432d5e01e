"""Complaints: which answers flag an unhappy customer, and the follow-up states support staff move them through."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import yaml

from surveys.reading import Feeling
from surveys.store import OPEN_STATES, Complaint, ScoredAnswer, Store

# Reason codes stored with every flagged answer (comma-separated in complaint_flags.reasons).
CSAT_LOW = "csat_low"
CES_LOW = "ces_low"
NPS_DETRACTOR = "nps_detractor_complaining"
NEGATIVE_TEXT = "negative_text"
COMPLAINT_WORDS = "complaint_words"
COMPLAINT_TEXT = "complaint_text"  # the text's stored complaint decision (analysis.complaint_text)
SUPPORT_NOT_SOLVED = "support_not_solved"

# Phrases that mark a complaint whatever the sentiment score says. English and Russian entries match at a
# word start (Russian ones are stems, so "сломан" catches "сломанный"); English ones must end a word too.
DEFAULT_PHRASES: dict[str, tuple[str, ...]] = {
    "en": (
        "refund", "money back", "return it", "returned it", "broken", "broke", "damaged", "defective", "faulty",
        "late", "delayed", "never arrived", "never came", "didn't arrive", "did not arrive", "hasn't arrived",
        "has not arrived", "not arrived", "still waiting", "missing", "lost", "rude", "wrong size", "wrong item",
        "wrong colour", "wrong color", "doesn't work", "does not work", "stopped working", "not working",
        "scam", "waste of money", "poor quality", "complaint", "cancelled", "canceled",
    ),
    "ru": (
        "возврат", "верните", "вернуть деньги", "сломал", "сломан", "поврежд", "брак", "опоздал", "задерж",
        "не пришл", "не пришел", "не пришёл", "не доставил", "не привезл", "потерял", "груб", "хам",
        "не тот размер", "не тот товар", "не того цвета", "не работает", "перестал работать", "обман",
        "деньги на ветер", "жалоб", "отмен",
    ),
    "zh": (
        "退款", "退货", "退钱", "坏了", "破损", "损坏", "质量差", "质量不好", "迟到", "延迟", "太慢", "没收到",
        "未收到", "还没到", "丢失", "丢了", "态度差", "态度不好", "粗鲁", "尺码不对", "尺寸不对", "发错",
        "不能用", "没法用", "骗", "投诉", "取消",
    ),
}


class RulesError(ValueError):
    """The complaint phrase file cannot be used."""


@dataclass(frozen=True)
class FlagRules:
    """Thresholds and phrases that open a complaint."""

    csat_max: int = 2
    ces_max: int = 2
    nps_max: int = 6
    sentiment_below: float = -0.3
    phrases: Mapping[str, tuple[str, ...]] = field(default_factory=lambda: DEFAULT_PHRASES)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_patterns", {lang: _pattern(lang, words) for lang, words in self.phrases.items()})

    def complaint_words(self, text: str) -> list[str]:
        """Return the complaint phrases found in a text, in any of the languages."""
        found: list[str] = []
        folded = text.casefold().replace("’", "'")
        for pattern in self._patterns.values():  # type: ignore[attr-defined]
            if pattern is not None:
                found += [m.group(0).strip() for m in pattern.finditer(folded)]
        return list(dict.fromkeys(found))

    def text_reasons(self, text: str | None, sentiment: float | None) -> list[str]:
        """Return why a free-text answer reads as a complaint."""
        reasons = []
        if sentiment is not None and sentiment < self.sentiment_below:
            reasons.append(NEGATIVE_TEXT)
        if text and self.complaint_words(text):
            reasons.append(COMPLAINT_WORDS)
        return reasons

    def answer_reasons(self, answer: ScoredAnswer) -> list[str]:
        """Return why a stored text answer reads as a complaint, going by its reading where it has one.

        A neutral or no-content answer opens nothing by itself unless its complaint decision says it reports
        a problem; `negative_text` needs a negative feeling.
        """
        if answer.complaint is None:  # stored before texts were read for complaints: the old rules
            return self.text_reasons(answer.text, answer.sentiment)
        if answer.feeling is Feeling.NONE:
            return []
        reasons = []
        if answer.complaint:
            reasons.append(COMPLAINT_TEXT)
        if answer.feeling is Feeling.NEGATIVE and answer.sentiment is not None and answer.sentiment < self.sentiment_below:
            reasons.append(NEGATIVE_TEXT)
        if answer.feeling is Feeling.NEGATIVE and answer.text and self.complaint_words(answer.text):
            reasons.append(COMPLAINT_WORDS)
        return reasons


def _pattern(language: str, phrases: Iterable[str]) -> re.Pattern[str] | None:
    words = sorted({p.casefold().strip() for p in phrases if p and p.strip()}, key=len, reverse=True)
    if not words:
        return None
    alternatives = "|".join(re.escape(w) for w in words)
    if language == "zh":
        return re.compile(alternatives)
    end = r"(?!\w)" if language == "en" else ""
    return re.compile(rf"(?<!\w)(?:{alternatives}){end}")


def load_phrases(path: Path) -> dict[str, tuple[str, ...]]:
    """Read a YAML file mapping language codes to lists of complaint phrases."""
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise RulesError(f"cannot read complaint phrases {path}: {exc}") from None
    if not isinstance(raw, dict) or not all(
        isinstance(k, str) and isinstance(v, list) and all(isinstance(p, str) for p in v) for k, v in raw.items()
    ):
        raise RulesError(f"{path}: expected a mapping of language code to a list of phrases")
    return {k: tuple(v) for k, v in raw.items()}


def flags(rules: FlagRules, answers: list[ScoredAnswer], support_not_solved: str = "not_solved") -> list[tuple[int, str]]:
    """Return (answer id, reason codes) for every answer of one survey that fires a rule."""
    texts = [a for a in answers if a.question_type == "text" and a.text]
    complaining_text = any(rules.answer_reasons(a) for a in texts)
    result = []
    for a in answers:
        reasons: list[str] = []
        if a.question_type == "csat" and a.number is not None and a.number <= rules.csat_max:
            reasons.append(CSAT_LOW)
        elif a.question_type == "ces" and a.number is not None and a.number <= rules.ces_max:
            reasons.append(CES_LOW)
        elif a.question_type == "nps" and a.number is not None and a.number <= rules.nps_max and complaining_text:
            reasons.append(NPS_DETRACTOR)
        elif a.question_type == "choice" and a.text == support_not_solved:
            reasons.append(SUPPORT_NOT_SOLVED)
        elif a.question_type == "text":
            reasons = rules.answer_reasons(a) if a.text else []
        if reasons:
            result.append((a.id, ",".join(reasons)))
    return result


async def review(store: Store, rules: FlagRules, invitation_id: int, customer_id: int, now: datetime) -> Complaint | None:
    """Flag a survey's answers after each new one; return the complaint when it was opened or grew."""
    found = flags(rules, await store.scored_answers(invitation_id))
    if not found:
        return None
    complaint, changed = await store.flag_answers(invitation_id, customer_id, found, now)
    return complaint if changed else None


Actor = tuple[int, str | None]


async def take(store: Store, complaint_id: int, actor: Actor, now: datetime) -> bool:
    """A staff member takes the complaint on (or over)."""
    return await store.change_state(complaint_id, "in_progress", OPEN_STATES, actor, now, kind="taken")


async def resolve(store: Store, complaint_id: int, actor: Actor, now: datetime) -> bool:
    """Mark the complaint resolved; the customer is then asked to confirm."""
    return await store.change_state(complaint_id, "resolved", OPEN_STATES, actor, now)


async def reopen(store: Store, complaint_id: int, actor: Actor, now: datetime) -> bool:
    """Reopen a resolved complaint."""
    return await store.change_state(complaint_id, "reopened", ("resolved",), actor, now)


async def staff_replied(
    store: Store, complaint: Complaint, actor: Actor, text: str, source: tuple[int, int], now: datetime
) -> None:
    """Log a staff reply (once per chat message); an untaken complaint becomes the replier's."""
    if await store.log_message(complaint.id, "staff_reply", actor, text, now, source) and complaint.state in (
        "open", "reopened",
    ):  # fmt: skip
        await take(store, complaint.id, actor, now)


async def customer_replied(
    store: Store, complaint: Complaint, text: str, note: str, source: tuple[int, int], now: datetime
) -> bool:
    """Log a customer's message and queue `note` (its rendering) for the card; False for a replayed message."""
    return await store.log_message(complaint.id, "customer_reply", (None, None), text, now, source, note)
