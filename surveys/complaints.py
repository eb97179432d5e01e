"""Complaints: which answers flag an unhappy customer, and the follow-up states support staff move them through.

The complaint lifecycle has its one home here: the states, the transitions between them, the actions a
card offers in each state, "a reply takes the complaint", the escalation rule and the set of open states.
The store persists it (states passed to SQL as parameters) and the desk only renders it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

import yaml

from surveys.reading import Feeling

if TYPE_CHECKING:  # the store imports this module's vocabulary; complaints only call it through an instance
    from surveys.store import Complaint, ScoredAnswer, Store


class State(StrEnum):
    """Where a complaint stands in support's follow-up (stored as its value)."""

    OPEN = "open"
    IN_PROGRESS = "in_progress"
    RESOLVED = "resolved"
    REOPENED = "reopened"


class Action(StrEnum):
    """What staff do to a complaint from its card (the value is in the button's callback data)."""

    TAKE = "take"
    RESOLVE = "resolve"
    REOPEN = "reopen"


@dataclass(frozen=True)
class Transition:
    """Which states an action starts from, where it leads, the event it logs and what it sets on the way."""

    sources: tuple[State, ...]
    target: State
    event: str
    assigns: bool = False  # the actor becomes the assignee
    resolves: bool = False  # resolved_at is stamped and the customer is asked afresh whether it is fixed
    rearms: bool = False  # resolution and escalation start over


# Not resolved: listed by /complaints, counted open in the weekly report, where a customer's message goes.
OPEN_STATES: tuple[State, ...] = (State.OPEN, State.IN_PROGRESS, State.REOPENED)
# Nobody is on it: a staff reply takes it, and left untouched too long it is escalated once.
UNTAKEN: tuple[State, ...] = (State.OPEN, State.REOPENED)

TRANSITIONS: dict[Action, Transition] = {
    Action.TAKE: Transition(OPEN_STATES, State.IN_PROGRESS, "taken", assigns=True),  # on, or over
    Action.RESOLVE: Transition(OPEN_STATES, State.RESOLVED, "resolved", resolves=True),
    Action.REOPEN: Transition((State.RESOLVED,), State.REOPENED, "reopened", rearms=True),
}
# The customer is asked "was it resolved?" once per resolution, in this state; a "no" moves it to NOT_FIXED.
CONFIRMABLE = State.RESOLVED
NOT_FIXED = Transition((CONFIRMABLE,), State.REOPENED, "confirmed_no", rearms=True)

# The buttons a card shows in each state. Take stays allowed while in progress (taking over, from a card
# drawn before) but is offered only while nobody has the complaint.
BUTTONS: dict[State, tuple[Action, ...]] = {
    State.OPEN: (Action.TAKE, Action.RESOLVE),
    State.IN_PROGRESS: (Action.RESOLVE,),
    State.RESOLVED: (Action.REOPEN,),
    State.REOPENED: (Action.TAKE, Action.RESOLVE),
}

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
        "refund",
        "money back",
        "return it",
        "returned it",
        "broken",
        "broke",
        "damaged",
        "defective",
        "faulty",
        "late",
        "delayed",
        "never arrived",
        "never came",
        "didn't arrive",
        "did not arrive",
        "hasn't arrived",
        "has not arrived",
        "not arrived",
        "still waiting",
        "missing",
        "lost",
        "rude",
        "wrong size",
        "wrong item",
        "wrong colour",
        "wrong color",
        "doesn't work",
        "does not work",
        "stopped working",
        "not working",
        "scam",
        "waste of money",
        "poor quality",
        "complaint",
        "cancelled",
        "canceled",
    ),
    "ru": (
        "возврат",
        "верните",
        "вернуть деньги",
        "сломал",
        "сломан",
        "поврежд",
        "брак",
        "опоздал",
        "задерж",
        "не пришл",
        "не пришел",
        "не пришёл",
        "не доставил",
        "не привезл",
        "потерял",
        "груб",
        "хам",
        "не тот размер",
        "не тот товар",
        "не того цвета",
        "не работает",
        "перестал работать",
        "обман",
        "деньги на ветер",
        "жалоб",
        "отмен",
    ),
    "zh": (
        "退款",
        "退货",
        "退钱",
        "坏了",
        "破损",
        "损坏",
        "质量差",
        "质量不好",
        "迟到",
        "延迟",
        "太慢",
        "没收到",
        "未收到",
        "还没到",
        "丢失",
        "丢了",
        "态度差",
        "态度不好",
        "粗鲁",
        "尺码不对",
        "尺寸不对",
        "发错",
        "不能用",
        "没法用",
        "骗",
        "投诉",
        "取消",
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
    custom_phrases: bool = False  # the phrases are the operator's (COMPLAINT_PHRASES_FILE), not the built-in lists
    _patterns: dict[str, re.Pattern[str] | None] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_patterns", {lang: _pattern(lang, words) for lang, words in self.phrases.items()})

    def complaint_words(self, text: str) -> list[str]:
        """Return the complaint phrases found in a text, in any of the languages."""
        found: list[str] = []
        folded = text.casefold().replace("’", "'")
        for pattern in self._patterns.values():
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

        A read answer is flagged by its complaint decision alone (analysis.complaint_text): a negative opinion
        ("not my favourite colour") reports nothing to act on. Phrases from an operator's own file
        (`custom_phrases`) still flag a negative text; the score threshold and the built-in phrases apply only
        to texts stored before answers were read.
        """
        if answer.complaint is None:  # stored before texts were read for complaints: the old rules
            return self.text_reasons(answer.text, answer.sentiment)
        if answer.feeling is Feeling.NONE:
            return []
        reasons = []
        if answer.complaint:
            reasons.append(COMPLAINT_TEXT)
        if (
            self.custom_phrases
            and answer.feeling is Feeling.NEGATIVE
            and answer.text
            and self.complaint_words(answer.text)
        ):
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


def flags(
    rules: FlagRules, answers: list[ScoredAnswer], support_not_solved: str = "not_solved"
) -> list[tuple[int, str]]:
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


async def review(
    store: Store, rules: FlagRules, invitation_id: int, customer_id: int, now: datetime
) -> Complaint | None:
    """Flag a survey's answers after each new one; return the complaint when it was opened or grew."""
    found = flags(rules, await store.scored_answers(invitation_id))
    if not found:
        return None
    complaint, changed = await store.flag_answers(invitation_id, customer_id, found, now)
    return complaint if changed else None


Actor = tuple[int, str | None]


async def act(store: Store, action: Action, complaint_id: int, actor: Actor, now: datetime) -> bool:
    """Apply a staff action when the complaint's state allows it; False when it does not (any more)."""
    return await store.change_state(complaint_id, TRANSITIONS[action], actor, now)


async def take(store: Store, complaint_id: int, actor: Actor, now: datetime) -> bool:
    """A staff member takes the complaint on (or over)."""
    return await act(store, Action.TAKE, complaint_id, actor, now)


async def resolve(store: Store, complaint_id: int, actor: Actor, now: datetime) -> bool:
    """Mark the complaint resolved; the customer is then asked to confirm."""
    return await act(store, Action.RESOLVE, complaint_id, actor, now)


async def reopen(store: Store, complaint_id: int, actor: Actor, now: datetime) -> bool:
    """Reopen a resolved complaint."""
    return await act(store, Action.REOPEN, complaint_id, actor, now)


async def escalate(store: Store, now: datetime, after: timedelta) -> list[Complaint]:
    """Claim the escalation of every posted complaint left untaken for `after`; return those raised now."""
    due = await store.due_escalations(now - after)
    return [complaint for complaint in due if await store.mark_escalated(complaint.id, now)]


async def staff_replied(
    store: Store, complaint: Complaint, actor: Actor, text: str, source: tuple[int, int], now: datetime
) -> None:
    """Log a staff reply (once per chat message); an untaken complaint becomes the replier's."""
    if await store.log_message(complaint.id, "staff_reply", actor, text, now, source) and complaint.state in UNTAKEN:
        await take(store, complaint.id, actor, now)


async def customer_replied(
    store: Store, complaint: Complaint, text: str, note: str, source: tuple[int, int], now: datetime
) -> bool:
    """Log a customer's message and queue `note` (its rendering) for the card; False for a replayed message."""
    return await store.log_message(complaint.id, "customer_reply", (None, None), text, now, source, note)
