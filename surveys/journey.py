"""What happens along a customer's journey: opening a link, answering, stopping, and the survey schedule."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime, time, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

from surveys.definitions import LANGUAGES, Question, Survey
from surveys.engine import SKIPPED, AnswerValue, InvalidAnswer, next_question, parse_button, parse_text
from surveys.links import read_link
from surveys.reading import Reading
from surveys.store import LEASE_TIME, Customer, Invitation, Lease, Store

FIRST_SURVEY = "post_purchase"
FOLLOW_UP_SURVEY = "first_week"
THANKED = "-"  # asked_question_id once the closing thanks went out

# Reads a free-text answer: its score and feeling, whether it alone is a complaint, its topics.
ScoreFn = Callable[[str], Reading]


@dataclass(frozen=True)
class Policy:
    """When surveys and reminders may go out."""

    first_week_delay: timedelta = timedelta(days=7)
    reminder_delay: timedelta = timedelta(hours=24)
    quiet_hours: tuple[time, time] | None = (time(21), time(9))
    timezone: ZoneInfo = ZoneInfo("UTC")

    def is_quiet(self, moment: datetime) -> bool:
        """Tell whether a moment falls in the customer's quiet hours."""
        if self.quiet_hours is None:
            return False
        start, end = self.quiet_hours
        local = moment.astimezone(self.timezone).time()
        return (start <= local < end) if start <= end else (local >= start or local < end)

    def next_allowed(self, moment: datetime) -> datetime:
        """Return `moment`, or the end of the quiet hours it falls in."""
        if not self.is_quiet(moment):
            return moment
        assert self.quiet_hours is not None  # is_quiet said so
        local, until = moment.astimezone(self.timezone), self.quiet_hours[1]
        end = local.replace(hour=until.hour, minute=until.minute, second=0, microsecond=0)
        if end <= local:
            end += timedelta(days=1)
        return end.astimezone(moment.tzinfo)


@dataclass(frozen=True)
class Person:
    """Who sent an update, as Telegram describes them."""

    telegram_user_id: int
    chat_id: int
    first_name: str | None = None
    language_code: str | None = None


class Outcome(StrEnum):
    """What a customer's action or a scheduled send came to (the bot's catalogue has a sentence for most)."""

    STARTED = "started"  # a survey was opened (link) or claimed for sending (schedule)
    RESUMED = "resumed"  # the link of a survey under way was opened again
    ALREADY_DONE = "already_done"  # the link of a finished survey was opened again
    INVALID_LINK = "invalid_link"  # forged, tampered or forgotten
    FOREIGN_LINK = "foreign_link"  # another customer's order
    REMINDER = "reminder"  # a survey's single reminder was claimed
    RECORDED = "recorded"
    DUPLICATE = "duplicate"  # the question was answered before (a replay, or a second press)
    NOT_YOURS = "not_yours"  # another customer's survey
    NO_SURVEY = "no_survey"  # nothing is being asked
    FINISHED = "finished"  # the survey is done
    STALE = "stale"  # a button of a question that is no longer the current one
    INVALID = "invalid"  # the answer does not fit the question


@dataclass(frozen=True)
class Step:
    """Where a customer stands after an action, for the bot to render."""

    status: Outcome
    customer: Customer | None = None
    invitation: Invitation | None = None
    survey: Survey | None = None
    question: Question | None = None  # the next question to ask; None when the survey is finished
    answered: Question | None = None  # the question just answered
    value: AnswerValue | None = None
    already_asked: bool = False  # the next question (or the thanks, when None) went out before (replay)

    def asking(self) -> tuple[Invitation, Question]:
        """The survey and question to ask now; only outcomes that stand at a question have them."""
        assert self.invitation is not None and self.question is not None, self.status
        return self.invitation, self.question


def pick_language(language_code: str | None) -> str:
    """Map Telegram's language_code to a supported language, falling back to English."""
    base = (language_code or "").split("-")[0].lower()
    return base if base in LANGUAGES else "en"


async def open_link(
    store: Store, surveys: dict[str, Survey], policy: Policy, secret: str, token: str, person: Person, now: datetime
) -> Step:
    """Link the person to the order behind a deep-link token and start or resume its first survey."""
    link = read_link(secret, token)
    order = await store.order(link.order_id) if link is not None else None
    if order is None or link is None or order.link_version != link.version:  # a re-issued link's old one fails
        return Step(Outcome.INVALID_LINK, customer=await store.customer_by_user(person.telegram_user_id))
    customer = await store.upsert_customer(
        person.telegram_user_id, person.chat_id, person.first_name, pick_language(person.language_code), now
    )
    if not await store.link_order(order.id, customer.id):
        return Step(Outcome.FOREIGN_LINK, customer=customer)
    if customer.stopped_at or customer.unreachable_at:
        await store.set_stopped(customer.id, None)
        await store.set_unreachable(customer.id, None)
        customer = await store.customer(customer.id) or customer
    first_week_due = policy.next_allowed(max(order.purchased_at + policy.first_week_delay, now))
    await store.ensure_invitation(order.id, FOLLOW_UP_SURVEY, first_week_due, now)
    invitation = await store.ensure_invitation(order.id, FIRST_SURVEY, now, now)
    started = await store.mark_sent(invitation.id, now, policy.next_allowed(now + policy.reminder_delay))
    return await _position(store, surveys, customer, invitation.id, Outcome.STARTED if started else Outcome.RESUMED)


async def _position(
    store: Store, surveys: dict[str, Survey], customer: Customer, invitation_id: int, status: Outcome
) -> Step:
    invitation = await store.invitation(invitation_id)
    assert invitation is not None
    survey = surveys[invitation.survey]
    question = next_question(survey, await store.answers(invitation.id))
    if question is None and invitation.completed_at is not None and status in (Outcome.STARTED, Outcome.RESUMED):
        status = Outcome.ALREADY_DONE
    asked = question.id if question is not None else THANKED
    return Step(status, customer, invitation, survey, question, already_asked=invitation.asked_question_id == asked)


async def start_invitation(
    store: Store,
    surveys: dict[str, Survey],
    policy: Policy,
    invitation: Invitation,
    customer: Customer,
    now: datetime,
    hold: timedelta = LEASE_TIME,
) -> Step | None:
    """Claim a due invitation for sending (a lease); None while someone else holds it (never send twice)."""
    if not await store.claim(Lease.INVITATION, invitation.id, now, hold):
        return None
    # The due list was read before the claim: sent meanwhile, or the customer stopped or left, sends nothing.
    current = await store.invitation(invitation.id)
    customer = await store.customer(customer.id) or customer
    if current is None or current.sent_at is not None or customer.stopped_at or customer.unreachable_at:
        await store.complete(Lease.INVITATION, invitation.id)
        return None
    return await _position(store, surveys, customer, invitation.id, Outcome.STARTED)


async def remind(
    store: Store,
    surveys: dict[str, Survey],
    invitation: Invitation,
    customer: Customer,
    now: datetime,
    hold: timedelta = LEASE_TIME,
) -> Step | None:
    """Claim an invitation's single reminder; None while someone else holds it or when the survey is done."""
    if not await store.claim(Lease.REMINDER, invitation.id, now, hold):
        return None
    current = await store.invitation(invitation.id)
    customer = await store.customer(customer.id) or customer
    if current is None or current.reminded_at is not None or customer.stopped_at or customer.unreachable_at:
        await store.complete(Lease.REMINDER, invitation.id)
        return None
    step = await _position(store, surveys, customer, invitation.id, Outcome.REMINDER)
    if step.question is None:  # finished meanwhile: nothing to remind of
        await store.mark_reminded(invitation.id, now)
        await store.complete(Lease.REMINDER, invitation.id)
        return None
    return step


async def delivered(store: Store, policy: Policy, step: Step, now: datetime) -> None:
    """Record that a claimed survey or reminder went out, and drop its lease."""
    assert step.invitation is not None
    if step.status is Outcome.REMINDER:
        await store.mark_reminded(step.invitation.id, now)
        await store.complete(Lease.REMINDER, step.invitation.id)
    else:
        await store.mark_sent(step.invitation.id, now, policy.next_allowed(now + policy.reminder_delay))
        await store.complete(Lease.INVITATION, step.invitation.id)


async def press(
    store: Store,
    surveys: dict[str, Survey],
    customer: Customer,
    invitation_id: int,
    question_id: str,
    raw: str,
    now: datetime,
) -> Step:
    """Record a pressed score or choice button and say what comes next."""
    return await _answer(store, surveys, customer, invitation_id, question_id, lambda q: parse_button(q, raw), now)


async def skip(
    store: Store, surveys: dict[str, Survey], customer: Customer, invitation_id: int, question_id: str, now: datetime
) -> Step:
    """Record a pressed skip button and say what comes next."""
    return await _answer(store, surveys, customer, invitation_id, question_id, _skipped, now)


async def write(
    store: Store,
    surveys: dict[str, Survey],
    customer: Customer,
    text: str,
    score: ScoreFn,
    now: datetime,
    message_id: int | None = None,
) -> Step:
    """Record a typed message as the answer to the current question and say what comes next.

    With its chat message id, a replayed message is recognised even after it finished the survey.
    """
    earlier = await store.answer_from_message(customer.id, message_id) if message_id is not None else None
    return await _answer(
        store,
        surveys,
        customer,
        earlier.invitation_id if earlier else None,
        earlier.question_id if earlier else None,
        lambda q: parse_text(q, text),
        now,
        score,
        message_id,
    )


def _skipped(question: Question) -> AnswerValue:
    if not question.skippable:
        raise InvalidAnswer("this question cannot be skipped")
    return SKIPPED


async def _answer(
    store: Store,
    surveys: dict[str, Survey],
    customer: Customer,
    invitation_id: int | None,
    question_id: str | None,
    parse: Callable[[Question], AnswerValue],
    now: datetime,
    score: ScoreFn | None = None,
    source_message_id: int | None = None,
) -> Step:
    """Record an answer to a survey (the active one when `invitation_id` is None) and say what comes next."""
    if invitation_id is None:
        invitation = await store.active_invitation(customer.id)
    else:
        invitation = await store.customer_invitation(invitation_id, customer.id)
        if invitation is None:
            return Step(Outcome.NOT_YOURS, customer)
    if invitation is None or not _taking_answers(invitation, now, named=invitation_id is not None):
        return Step(Outcome.NO_SURVEY, customer)
    survey = surveys[invitation.survey]
    answers = await store.answers(invitation.id)
    current = next_question(survey, answers)
    target = survey.question(question_id) if question_id else current
    if target is not None and target.id in answers:
        step = await _position(store, surveys, customer, invitation.id, Outcome.DUPLICATE)
        return replace(step, answered=target, value=answers[target.id])
    if current is None:
        return Step(Outcome.FINISHED, customer, invitation, survey)
    if target is None or target.id != current.id:
        return Step(Outcome.STALE, customer, invitation, survey, current)
    try:
        value = parse(current)
    except InvalidAnswer:
        return Step(Outcome.INVALID, customer, invitation, survey, current)
    reading = score(value.text) if score is not None and current.type == "text" and value.text else None
    following = next_question(survey, {**answers, current.id: value})
    recorded = await store.record_answer(
        invitation.id, current, value, customer.language, now, reading, source_message_id, completes=following is None
    )
    if recorded:
        answers[current.id] = value
    else:  # someone else's copy of this update got there first: go by what is stored
        answers = await store.answers(invitation.id)
        following = next_question(survey, answers)
        if following is None:
            await store.mark_completed(invitation.id, now)
    return Step(
        Outcome.RECORDED if recorded else Outcome.DUPLICATE,
        customer,
        invitation,
        survey,
        following,
        current,
        answers[current.id],
        already_asked=following is not None and invitation.asked_question_id == following.id,
    )


def _taking_answers(invitation: Invitation, now: datetime, named: bool) -> bool:
    """Whether a survey takes answers: sent, its question out, or (a button naming it) due and being sent."""
    # The sender marks a survey sent only after its question went out; a quick customer can press first.
    return (
        invitation.sent_at is not None
        or invitation.asked_question_id is not None
        or (named and invitation.due_at <= now)
    )


async def release(store: Store, step: Step, retry_at: datetime | None = None) -> int:
    """Hand back a claim whose message never went out: due again at `retry_at`; return the attempts so far."""
    assert step.invitation is not None
    kind = Lease.REMINDER if step.status is Outcome.REMINDER else Lease.INVITATION
    return await store.release(kind, step.invitation.id, retry_at)


async def stop(store: Store, telegram_user_id: int, now: datetime) -> Customer | None:
    """Opt a customer out of all further surveys."""
    customer = await store.customer_by_user(telegram_user_id)
    if customer is not None:
        await store.set_stopped(customer.id, now)
    return customer


async def mark_unreachable(store: Store, customer: Customer, now: datetime) -> None:
    """Record that the customer blocked the bot, so nothing more is scheduled for them."""
    await store.set_unreachable(customer.id, now)


async def reachable_again(store: Store, telegram_user_id: int) -> None:
    """Record that a customer who had blocked the bot wrote to it again, so surveys can reach them."""
    customer = await store.customer_by_user(telegram_user_id)
    if customer is not None and customer.unreachable_at is not None:
        await store.set_unreachable(customer.id, None)


async def my_data(store: Store, telegram_user_id: int) -> dict | None:
    """Return everything stored about the person (a profile, or only the raw messages they sent), None when nothing."""
    customer = await store.customer_by_user(telegram_user_id)
    data = await store.customer_data(customer.id if customer else None, telegram_user_id)
    return data if customer is not None or data["updates"] or data["staff"] or data["digests"] else None


async def forget(store: Store, telegram_user_id: int, now: datetime, handling: int | None = None) -> bool:
    """Erase the person's data and stop all surveys; scores stay only as anonymous numbers.

    `handling` is the raw update being handled, erased with the rest. False when nothing was stored.
    """
    customer = await store.customer_by_user(telegram_user_id)
    return await store.forget_customer(customer.id if customer else None, telegram_user_id, now, handling)
