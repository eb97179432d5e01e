"""The support desk in Telegram: complaint cards in the support chat, replies relayed both ways, confirmation."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta
from functools import partial
from html import escape

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update, User
from telegram.error import BadRequest, Forbidden, RetryAfter, TelegramError

from analysis.topics import default_taxonomy
from bot import callbacks
from bot.handlers.context import MAX_MESSAGE, MAX_QUOTE, Context, Services, clip, query_of, services, toast
from bot.pacing import seconds
from bot.texts import LANGUAGE_NAMES, text
from surveys import complaints
from surveys.complaints import BUTTONS, State
from surveys.store import Complaint, ComplaintCard, DeskNote, FlaggedAnswer, Lease

log = logging.getLogger(__name__)

REFUSAL_EVERY = timedelta(hours=1)  # at most one "staff only" answer per person in the support chat per hour
STATE_MARKS = {State.OPEN: "🔴", State.IN_PROGRESS: "🟡", State.RESOLVED: "🟢", State.REOPENED: "🟠"}


def is_staff(svc: Services, user: User | None) -> bool:
    """Tell whether a Telegram user may act on complaints."""
    return user is not None and user.id in svc.staff


def actor(user: User) -> complaints.Actor:
    """Describe a staff member for the complaint log."""
    return user.id, user.first_name


def age(since: datetime, moment: datetime) -> str:
    """Render how long ago something happened, e.g. `2 d 3 h` or `45 min`."""
    minutes = max(0, int((moment - since).total_seconds() // 60))
    days, hours = divmod(minutes // 60, 24)
    if days:
        return f"{days} d {hours} h"
    return f"{hours} h {minutes % 60} min" if hours else f"{minutes} min"


# Cards -------------------------------------------------------------------------------------------


def flagged_line(answer: FlaggedAnswer, language: str) -> str:
    """Render one flagged answer for a card: stage, question, the answer, its score and reasons."""
    if answer.question_type == "text":
        quote = answer.text or ""
        value = f"“{escape(quote if len(quote) <= 600 else quote[:599] + '…')}”"
        if answer.sentiment is not None:
            value += f" ({text(language, 'desk_sentiment', value=f'{answer.sentiment:+.2f}')})"
        if answer.topics:
            labels = ", ".join(default_taxonomy().label(key, language) for key in answer.topics)
            value += f" [{escape(text(language, 'desk_topics', value=labels))}]"
    elif answer.number is not None:
        value = f"{int(answer.number)}"
    else:
        value = escape(answer.text or "")
    reasons = ", ".join(answer.reasons)
    return f"• <b>{escape(answer.stage)}</b> / {escape(answer.question_id)}: {value} — <code>{escape(reasons)}</code>"


def card_text(language: str, card: ComplaintCard) -> str:
    """Render a complaint card for the support chat in its language (Telegram HTML, customer text escaped)."""
    complaint, customer, flagged, last_reply = card.complaint, card.customer, card.flagged, card.last_reply
    stages = ", ".join(dict.fromkeys(a.stage for a in flagged))
    state = text(language, f"desk_state_{complaint.state}")
    lines = [
        text(language, "desk_title", mark=STATE_MARKS.get(complaint.state, ""), id=complaint.id, state=state),
        text(
            language,
            "desk_customer",
            name=customer.first_name or "?",
            speaks=LANGUAGE_NAMES.get(customer.language, customer.language),
        ),
        text(language, "desk_order", order=card.order_ref, survey=card.survey, stages=stages),
        "",
    ]
    lines += [flagged_line(a, language) for a in flagged] + [""]
    if complaint.assignee_name:
        lines.append(text(language, "desk_taken_by", name=complaint.assignee_name))
    if last_reply is not None:
        lines.append(
            text(language, "desk_last_reply", name=last_reply.actor_name or "?", when=f"{last_reply.at:%Y-%m-%d %H:%M}")
        )
    if complaint.confirmed is not None:
        lines.append(text(language, "desk_confirmed_yes" if complaint.confirmed else "desk_confirmed_no"))
    lines.append(text(language, "desk_hint"))
    return "\n".join(lines)


def card_buttons(complaint: Complaint, language: str) -> InlineKeyboardMarkup:
    """Offer the actions the complaint's state offers (surveys.complaints.BUTTONS)."""
    return InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton(text(language, f"desk_{a}"), callback_data=callbacks.Desk(complaint.id, a).build())
                for a in BUTTONS[complaint.state]
            ]
        ]
    )


async def post_card(context: Context, complaint_id: int) -> None:
    """Post a complaint's card to the support chat, in a topic of its own where the chat is a forum."""
    svc = services(context)
    await svc.store.card_drawn(complaint_id)  # first: a change made while posting marks the card stale again
    card = await svc.store.complaint_card(complaint_id)
    if card is None:
        return
    complaint = card.complaint
    chat_id = svc.support_chat_id
    assert chat_id is not None  # the desk runs only with a support chat
    thread_id = None
    if context.bot_data.support_topics:
        try:
            topic = await context.bot.create_forum_topic(
                chat_id, f"#{complaint.id} {card.customer.first_name or ''}"[:128]
            )
            thread_id = topic.message_thread_id
        except BadRequest:  # not a forum, or the bot may not manage topics: one chat for every card
            context.bot_data.support_topics = False
    message = await context.bot.send_message(
        chat_id,
        card_text(svc.desk_language, card),
        reply_markup=card_buttons(complaint, svc.desk_language),
        message_thread_id=thread_id,
    )
    await svc.store.set_card(complaint.id, chat_id, message.message_id, thread_id)


async def draw_card(context: Context, complaint_id: int) -> None:
    """Bring a posted card up to date with its complaint."""
    svc = services(context)
    store = svc.store
    await store.card_drawn(complaint_id)  # first: a change made while drawing marks the card stale again
    card = await store.complaint_card(complaint_id)
    if card is None or card.complaint.card_message_id is None:
        return
    complaint = card.complaint
    try:
        await context.bot.edit_message_text(
            card_text(svc.desk_language, card),
            complaint.card_chat_id,
            complaint.card_message_id,
            reply_markup=card_buttons(complaint, svc.desk_language),
        )
    except BadRequest as exc:  # "message is not modified" after a concurrent redraw, or deleted by staff
        log.debug("card of complaint %s not redrawn: %s", complaint_id, exc)
    except TelegramError:
        await store.mark_card_stale(complaint_id)  # try again next round
        raise


async def desk_round(context: Context) -> None:
    """Run one round of the desk, then schedule the next (so slow rounds never overlap)."""
    try:
        await sync_desk(context)
    except RetryAfter as exc:  # the support chat's flood limit: everything waits for the next round
        log.warning("support desk round paused by Telegram, will retry: %s", exc)
    except TelegramError as exc:  # Telegram down: the next round retries
        log.warning("support desk round failed, will retry: %s", exc)
    except Exception:  # a bug must not stop the desk for good: log it, keep going
        log.exception("support desk round failed")
    if context.application.running:
        context.job_queue.run_once(  # late is fine, skipped would end the chain
            desk_round, services(context).desk_interval, name="desk_round", job_kwargs={"misfire_grace_time": None}
        )


async def sync_desk(context: Context) -> None:
    """Post new cards and queued notes, ask confirmations, redraw changed cards, and raise complaints nobody took.

    Everything sent to the support chat goes out from here, never from a customer's update: a group's
    flood limit (about 20 messages a minute) must not hold up customers' answers. Each item is claimed
    with a lease and tried on its own: one that fails waits for its retry without holding up the rest.
    """
    svc = services(context)
    store = svc.store
    for complaint_id in await store.cards_to_post(svc.clock()):
        await _send_leased(context, Lease.CARD, complaint_id, partial(post_card, context, complaint_id))
    moment = svc.clock()
    for complaint in await complaints.escalate(store, moment, svc.escalate_after):
        waited = age(complaint.touched_at, moment)
        await store.queue_note(
            complaint.id, text(svc.desk_language, "desk_escalated", id=complaint.id, waited=waited), moment
        )
    for complaint in await store.confirmations_due(svc.clock()):
        await _send_leased(context, Lease.CONFIRMATION, complaint.id, partial(ask_confirmation, context, complaint))
    for note in await store.notes_to_post(svc.clock()):
        await _send_leased(context, Lease.NOTE, note.id, partial(post_note, context, note))
    for complaint_id in await store.stale_cards():
        await draw_card(context, complaint_id)


async def _send_leased(context: Context, kind: Lease, item: int, send: Callable[[], Awaitable[None]]) -> None:
    """Claim one item, send it, and drop the claim; a failure only delays this item, a refusal sets it aside."""
    svc = services(context)
    store = svc.store
    if not await store.claim(kind, item, svc.clock(), svc.lease_time):
        return
    try:
        await send()
    except RetryAfter as exc:  # the chat's flood limit: this item waits as told, and the round stops
        await store.release(kind, item, svc.clock() + timedelta(seconds=seconds(exc.retry_after)))
        raise
    except BadRequest as exc:
        if kind is not Lease.NOTE:  # a card or question must reach someone: keep trying, slowly
            await _retry_later(context, kind, item, exc)
            return
        log.warning("%s %s refused by Telegram, set aside: %s", kind, item, exc)
        await store.note_set_aside(item, f"BadRequest: {exc}", svc.clock())
    except TelegramError as exc:
        await _retry_later(context, kind, item, exc)
        return
    await store.complete(kind, item)


async def _retry_later(context: Context, kind: Lease, item: int, exc: TelegramError) -> None:
    svc = services(context)
    delay = svc.backoff.delay(await svc.store.attempts(kind, item))
    log.warning("could not send %s %s, retrying in %.0f s: %s", kind, item, delay, exc)
    await svc.store.release(kind, item, svc.clock() + timedelta(seconds=delay))


async def post_note(context: Context, note: DeskNote) -> None:
    """Post a queued line: under its card (in its topic where there is one), or answering someone in the chat."""
    sent = await context.bot.send_message(
        note.chat_id,
        note.body,
        message_thread_id=note.thread_id,
        reply_to_message_id=note.reply_to,
        allow_sending_without_reply=True,
    )
    await services(context).store.note_posted(note.id, note.complaint_id, sent.chat_id, sent.message_id)


async def ask_confirmation(context: Context, complaint: Complaint) -> None:
    """Ask the customer whether their issue was resolved (from the desk job, so a failure is retried)."""
    svc = services(context)
    store = svc.store
    customer = await store.customer(complaint.customer_id)
    if customer is not None:
        language = customer.language
        yes, no = (callbacks.Confirmation(complaint.id, fixed).build() for fixed in (True, False))
        buttons = InlineKeyboardMarkup(
            [
                [
                    InlineKeyboardButton(text(language, "confirm_yes"), callback_data=yes),
                    InlineKeyboardButton(text(language, "confirm_no"), callback_data=no),
                ]
            ]
        )
        try:
            await context.bot.send_message(customer.chat_id, text(language, "confirm_question"), reply_markup=buttons)
        except Forbidden:
            await store.queue_note(complaint.id, text(svc.desk_language, "desk_note_unreachable"), svc.clock())
    await store.confirmation_asked(complaint.id)


# Staff's side ------------------------------------------------------------------------------------


async def desk_button_pressed(update: Update, context: Context) -> None:
    """Take, resolve or reopen a complaint from its card: staff only."""
    query = query_of(update)
    svc = services(context)
    if not is_staff(svc, query.from_user):
        log.warning("user %s, not staff, pressed %r", query.from_user.id, query.data)
        await toast(query, text(svc.desk_language, "desk_staff_only"))
        return
    pressed = callbacks.Desk.parse(query.data)
    if pressed is None:
        await toast(query, text(svc.desk_language, "unknown_button"))
        return
    complaint_id, action = pressed.complaint_id, pressed.action
    complaint = await svc.store.complaint(complaint_id)
    shown_on = (query.message.chat.id, query.message.message_id) if query.message else None
    if complaint is None or shown_on != (complaint.card_chat_id, complaint.card_message_id):
        # Forgotten, or not the card this complaint was posted on: the button means nothing any more.
        log.info("desk button %r pressed on a card that no longer shows complaint %s", query.data, complaint_id)
        await toast(query, text(svc.desk_language, "desk_gone"))
        return
    if not await complaints.act(svc.store, action, complaint_id, actor(query.from_user), svc.clock()):
        await toast(query, text(svc.desk_language, "desk_not_now"))
        await svc.store.mark_card_stale(complaint_id)  # someone else moved it: show them where it stands
        return
    await toast(query, text(svc.desk_language, "desk_done"))  # the desk job redraws the card and asks the customer


async def staff_replied(update: Update, context: Context) -> None:
    """Relay a staff reply on a card (or in its topic) to the customer: staff only."""
    svc = services(context)
    message = update.effective_message
    complaint = None
    if message.reply_to_message is not None:
        complaint = await svc.store.complaint_for_message(message.chat_id, message.reply_to_message.message_id)
    if complaint is None and message.is_topic_message and message.message_thread_id:
        complaint = await svc.store.complaint_for_thread(message.chat_id, message.message_thread_id)
    if complaint is None:
        return  # staff talking among themselves
    if not is_staff(svc, update.effective_user):
        log.warning("user %s, not staff, replied on complaint %s", update.effective_user.id, complaint.id)
        await refuse(context, update)
        return
    customer = await svc.store.customer(complaint.customer_id)
    source = (message.chat_id, message.message_id)
    if customer is None or await svc.store.message_logged(*source):
        return  # the customer is gone, or this is a replay of a reply already relayed
    body = text(customer.language, "support_says", text=clip(message.text or "", MAX_QUOTE))
    try:
        sent = await context.bot.send_message(customer.chat_id, body)
    except Forbidden:
        await svc.store.queue_note(complaint.id, text(svc.desk_language, "desk_blocked"), svc.clock())
        return
    except BadRequest as exc:  # refused for good: tell staff on the card rather than drop it silently
        log.warning("staff reply on complaint %s refused by Telegram: %s", complaint.id, exc)
        await svc.store.queue_note(
            complaint.id, text(svc.desk_language, "desk_not_delivered", reason=str(exc)), svc.clock()
        )
        return
    await svc.store.remember_message(sent.chat_id, sent.message_id, complaint.id)
    # The card's "last reply" line, redrawn by the desk job, tells staff it went out.
    reply_text, replier = message.text or "", actor(update.effective_user)  # type: ignore[arg-type]  # checked as staff above
    await complaints.staff_replied(svc.store, complaint, replier, reply_text, source, svc.clock())


async def complaints_command(update: Update, context: Context) -> None:
    """List open complaints, oldest first, with their age: staff only."""
    svc = services(context)
    if not is_staff(svc, update.effective_user):
        await refuse(context, update)
        return
    moment, language = svc.clock(), svc.desk_language
    rows = []
    for complaint in await svc.store.open_complaints():
        customer = await svc.store.customer(complaint.customer_id)
        who = escape(clip(customer.first_name or "?", 64)) if customer else "?"
        taken = (
            f" · {escape(clip(complaint.assignee_name, 64))}"
            if complaint.assignee_name and complaint.state == State.IN_PROGRESS
            else ""
        )
        rows.append(
            f"{STATE_MARKS[complaint.state]} #{complaint.id} · {age(complaint.opened_at, moment)} · {who}"
            f" · {text(language, 'desk_state_' + complaint.state)}{taken}"
        )
    # Whole lines only: cutting the joined HTML could split a tag or an entity.
    head = text(language, "desk_open_count", count=len(rows)) if rows else text(language, "desk_none_open")
    body = head
    for row in rows:
        if len(body) + 1 + len(row) > MAX_MESSAGE:
            break
        body += "\n" + row
    await update.effective_message.reply_text(body)


async def refuse(context: Context, update: Update) -> None:
    """Tell someone in the support chat who is not staff that they cannot act, through the desk queue, capped."""
    svc = services(context)
    message = update.effective_message
    queued = await svc.store.queue_refusal(
        update.effective_user.id,
        message.chat_id,
        message.message_id,
        message.message_thread_id if message.is_topic_message else None,
        text(svc.desk_language, "desk_staff_only"),
        svc.clock(),
        REFUSAL_EVERY,
    )
    if not queued:
        log.info("user %s refused already within %s; not answered again", update.effective_user.id, REFUSAL_EVERY)
