"""The rows the store returns, as frozen dataclasses, and how they are read from SQL."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, fields
from datetime import UTC, datetime
from functools import cache
from typing import Any, TypeVar, cast, get_args, get_type_hints, overload

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
class AnswerRef:
    """Which question of which survey an answer answered."""

    invitation_id: int
    question_id: str


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


@dataclass(frozen=True)
class StaffReply:
    """Who last wrote to the customer about a complaint, and when."""

    actor_name: str | None
    at: datetime


@dataclass(frozen=True)
class ComplaintCard:
    """What a complaint's card in the support chat shows."""

    complaint: Complaint
    customer: Customer
    order_ref: str
    survey: str
    flagged: list[FlaggedAnswer]
    last_reply: StaffReply | None


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
        score.polarity,
        score.subjectivity,
        score.language,
        score.scorer,
        None if score.feeling is None else score.feeling.value,
        ";".join(reading.topics),
        int(reading.complaint),
    )


R = TypeVar("R")

# Columns whose name differs from their dataclass field; an expression (not a bare name) is used as written.
_COLUMN_OF: dict[tuple[type, str], str] = {
    (Order, "ref"): "order_ref",
    (ScoredAnswer, "number"): "value_number",
    (ScoredAnswer, "text"): "value_text",
    (FlaggedAnswer, "number"): "value_number",
    (FlaggedAnswer, "text"): "value_text",
    (FlaggedAnswer, "reasons"): "f.reasons",
    (DeskNote, "chat_id"): "coalesce(n.chat_id, c.card_chat_id)",
    (DeskNote, "reply_to"): "coalesce(n.reply_to, c.card_message_id)",
    (DeskNote, "thread_id"): "coalesce(n.thread_id, c.thread_id)",
}
# Fields stored as one joined text column, and the separator that joins them.
_JOINED_BY: dict[tuple[type, str], str] = {
    (FlaggedAnswer, "reasons"): ",",
    (FlaggedAnswer, "topics"): ";",
}


def columns(cls: type, alias: str = "") -> str:
    """The SELECT list of a row dataclass: its fields in order, by column name, aliased to the field's."""
    prefix = f"{alias}." if alias else ""
    listed = []
    for field in fields(cls):
        column = _COLUMN_OF.get((cls, field.name), field.name)
        if column.isidentifier():
            column = prefix + column
        listed.append(column + ("" if column == prefix + field.name else f" AS {field.name}"))
    return ", ".join(listed)


def _split_by(separator: str) -> Callable[[str | None], tuple[str, ...]]:
    return lambda column: tuple(part for part in (column or "").split(separator) if part)


@cache
def _readers(cls: Any) -> tuple[Callable[[Any], Any], ...]:
    """Per field of a row dataclass, how its stored value is read: moments parsed, states and flags typed."""
    hints = get_type_hints(cls)
    readers: list[Callable[[Any], Any]] = []
    for field in fields(cls):
        hint = hints[field.name]
        if (cls, field.name) in _JOINED_BY:
            readers.append(_split_by(_JOINED_BY[cls, field.name]))
        elif datetime in (hint, *get_args(hint)):
            readers.append(from_text)
        elif State in (hint, *get_args(hint)):
            readers.append(State)
        elif Feeling in get_args(hint):  # a feeling this version does not know reads as none given
            readers.append(lambda value: Feeling(value) if value in Feeling._value2member_map_ else None)
        elif bool in get_args(hint):
            readers.append(lambda value: None if value is None else bool(value))
        else:
            readers.append(lambda value: value)
    return tuple(readers)


def from_row(cls: type[R], row: Sequence) -> R:
    """Build a row dataclass from a row selected with columns(cls)."""
    readers = _readers(cast(Hashable, cls))
    if len(row) != len(readers):
        raise ValueError(f"{cls.__name__} takes {len(readers)} columns, the row has {len(row)}")
    return cls(*(read(value) for read, value in zip(readers, row, strict=True)))


# Each SELECT below lists its dataclass's fields by name (a column named otherwise is aliased), and each row is
# read back field by field (from_row), so a field added, removed or moved cannot shift the others.
_INVITATION = f"SELECT {columns(Invitation)} FROM invitations"
_CUSTOMER = f"SELECT {columns(Customer)} FROM customers"
_ORDER = f"SELECT {columns(Order)} FROM orders"
_DUE = (
    f"SELECT {columns(Invitation, 'i')}, {columns(Customer, 'c')}"
    " FROM invitations i JOIN orders o ON o.id = i.order_id JOIN customers c ON c.id = o.customer_id"
)
_COMPLAINT = f"SELECT {columns(Complaint)} FROM complaints"


def _marks(values: Sequence[object]) -> str:
    """Placeholders for `IN (...)` over these values, so a state added to a set needs no SQL change."""
    return ", ".join("?" * len(values))


def split_due(row: Sequence) -> tuple[Invitation, Customer]:
    """A row of _DUE: the invitation's fields, then the customer's."""
    width = len(fields(Invitation))
    return from_row(Invitation, row[:width]), from_row(Customer, row[width:])
