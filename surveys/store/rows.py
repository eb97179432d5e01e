"""The rows the store returns, as frozen dataclasses, and how they are read from SQL."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import NamedTuple, overload

from surveys.complaints import State
from surveys.reading import Feeling, Reading


def to_text(moment: datetime) -> str:
    """Render a moment as fixed-width UTC ISO-8601, so text order is time order."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


@overload
def from_text(text: str) -> datetime: ...


@overload
def from_text(text: None) -> None: ...


def from_text(text: str | None) -> datetime | None:
    """Parse a stored moment."""
    return None if text is None else datetime.fromisoformat(text.replace("Z", "+00:00"))


@dataclass(frozen=True)
class Order:
    """An order the shop registered; `customer_id` is set once someone opened its link."""

    id: int
    ref: str
    customer_name: str | None
    purchased_at: datetime
    customer_id: int | None
    link_version: int = 0  # raised each time the shop re-issues the order's link; older links stop working


@dataclass(frozen=True)
class Customer:
    """A Telegram user who opened one of our links."""

    id: int
    telegram_user_id: int
    chat_id: int
    first_name: str | None
    language: str
    stopped_at: datetime | None
    unreachable_at: datetime | None


@dataclass(frozen=True)
class Invitation:
    """One survey for one order: when it is due, sent, reminded, answered."""

    id: int
    order_id: int
    survey: str
    due_at: datetime
    sent_at: datetime | None
    reminder_due_at: datetime | None
    reminded_at: datetime | None
    completed_at: datetime | None
    asked_question_id: str | None
    asked_message_id: int | None


@dataclass(frozen=True)
class Complaint:
    """A flagged survey of one customer, followed up by support staff in the support chat."""

    id: int
    invitation_id: int
    customer_id: int
    state: State
    opened_at: datetime
    touched_at: datetime
    assignee_id: int | None
    assignee_name: str | None
    first_reply_at: datetime | None
    resolved_at: datetime | None
    confirmed: bool | None
    escalated_at: datetime | None
    card_chat_id: int | None
    card_message_id: int | None
    thread_id: int | None


@dataclass(frozen=True)
class DeskNote:
    """A line queued for the support chat: under a complaint's card, or an answer to someone there."""

    id: int
    complaint_id: int | None
    body: str
    chat_id: int
    reply_to: int | None
    thread_id: int | None


@dataclass(frozen=True)
class SetAside:
    """Something Telegram refused for good (an update, a note, a digest), kept for staff to look at."""

    kind: str
    item: str
    reason: str
    at: datetime


@dataclass(frozen=True)
class FlaggedAnswer:
    """One answer behind a complaint, with why it was flagged."""

    question_id: str
    stage: str
    question_type: str
    number: float | None
    text: str | None
    sentiment: float | None
    reasons: tuple[str, ...]
    topics: tuple[str, ...] = ()


@dataclass(frozen=True)
class ScoredAnswer:
    """A stored answer with its sentiment and reading, as complaint rules read it."""

    id: int
    question_id: str
    question_type: str
    number: float | None
    text: str | None
    sentiment: float | None
    feeling: Feeling | None = None
    complaint: bool | None = None  # None: a text stored before texts were read for complaints


class ComplaintCard(NamedTuple):
    """What a complaint's card in the support chat shows."""

    complaint: Complaint
    customer: Customer
    order_ref: str
    survey: str
    flagged: list[FlaggedAnswer]
    last_reply: tuple[str | None, datetime] | None  # the last staff reply: who, when


@dataclass(frozen=True)
class Vitals:
    """What the bot's health and metrics endpoints report, as stored."""

    last_update_at: datetime | None
    pending_updates: int
    oldest_pending_at: datetime | None
    desk_backlog: int  # complaint cards and staff notes not yet posted to the support chat
    oldest_card_at: datetime | None
    open_complaints: int
    answers: int


def _reading_columns(reading: Reading | None) -> tuple[object, ...]:
    """The answers columns a reading fills: sentiment, subjectivity, text_language, scorer, feeling, topics, complaint."""
    if reading is None:
        return (None,) * 7
    score = reading.score
    return (
        score.polarity, score.subjectivity, score.language, score.scorer,
        None if score.feeling is None else score.feeling.value, ";".join(reading.topics), int(reading.complaint),
    )  # fmt: skip


def _topics(column: str | None) -> tuple[str, ...]:
    return tuple(t for t in (column or "").split(";") if t)


_INVITATION = """SELECT id, order_id, survey, due_at, sent_at, reminder_due_at, reminded_at, completed_at,
    asked_question_id, asked_message_id FROM invitations"""


_CUSTOMER = "SELECT id, telegram_user_id, chat_id, first_name, language, stopped_at, unreachable_at FROM customers"


_ORDER = "SELECT id, order_ref, customer_name, purchased_at, customer_id, link_version FROM orders"


_DUE = (
    "SELECT i.id, i.order_id, i.survey, i.due_at, i.sent_at, i.reminder_due_at, i.reminded_at,"
    " i.completed_at, i.asked_question_id, i.asked_message_id,"
    " c.id, c.telegram_user_id, c.chat_id, c.first_name, c.language, c.stopped_at, c.unreachable_at"
    " FROM invitations i JOIN orders o ON o.id = i.order_id JOIN customers c ON c.id = o.customer_id"
)


_COMPLAINT = """SELECT id, invitation_id, customer_id, state, opened_at, touched_at, assignee_id, assignee_name,
    first_reply_at, resolved_at, confirmed, escalated_at, card_chat_id, card_message_id, thread_id FROM complaints"""


def _marks(values: Sequence[object]) -> str:
    """Placeholders for `IN (...)` over these values, so a state added to a set needs no SQL change."""
    return ", ".join("?" * len(values))


def _complaint(row: Sequence) -> Complaint:
    return Complaint(
        row[0], row[1], row[2], State(row[3]), from_text(row[4]), from_text(row[5]), row[6], row[7], from_text(row[8]),
        from_text(row[9]), None if row[10] is None else bool(row[10]), from_text(row[11]), row[12], row[13], row[14],
    )  # fmt: skip


def _invitation(row: Sequence) -> Invitation:
    return Invitation(
        row[0], row[1], row[2], from_text(row[3]), from_text(row[4]), from_text(row[5]),
        from_text(row[6]), from_text(row[7]), row[8], row[9],
    )  # fmt: skip


def _customer(row: Sequence) -> Customer:
    return Customer(row[0], row[1], row[2], row[3], row[4], from_text(row[5]), from_text(row[6]))


def _order(row: Sequence) -> Order:
    return Order(row[0], row[1], row[2], from_text(row[3]), row[4], row[5])
