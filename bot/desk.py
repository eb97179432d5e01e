"""The support desk in Telegram: complaint cards in the support chat, replies relayed both ways, confirmation."""

from __future__ import annotations

import logging
from datetime import datetime
from html import escape

from telegram import CallbackQuery, InlineKeyboardButton, InlineKeyboardMarkup, Message, Update, User
from telegram.error import BadRequest, Forbidden, TelegramError

from analysis.topics import default_taxonomy
from bot import callbacks
from bot.handlers import MAX_MESSAGE, Context, Services, services, toast
from bot.texts import LANGUAGE_NAMES, text
from surveys import complaints
from surveys.complaints import BUTTONS, TRANSITIONS, State
from surveys.store import Complaint, Customer, FlaggedAnswer

log = logging.getLogger(__name__)

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


def card_text(
    language: str, complaint: Complaint, customer: Customer, order_ref: str, survey: str,
    flagged: list[FlaggedAnswer], last_reply: tuple[str | None, datetime] | None = None,
) -> str:
    """Render a complaint card for the support chat in its language (Telegram HTML, customer text escaped)."""
    stages = ", ".join(dict.fromkeys(a.stage for a in flagged))
    state = text(language, f"desk_state_{complaint.state}")
    lines = [
        text(language, "desk_title", mark=STATE_MARKS.get(complaint.state, ""), id=complaint.id, state=state),
        text(language, "desk_customer", name=customer.first_name or "?",
             speaks=LANGUAGE_NAMES.get(customer.language, customer.language)),
        text(language, "desk_order", order=order_ref, survey=survey, stages=stages),
        "",
    ]  # fmt: skip
    lines += [flagged_line(a, language) for a in flagged] + [""]
    if complaint.assignee_name:
        lines.append(text(language, "desk_taken_by", name=complaint.assignee_name))
    if last_reply is not None:
        lines.append(text(language, "desk_last_reply", name=last_reply[0] or "?", when=f"{last_reply[1]:%Y-%m-%d %H:%M}"))
    if complaint.confirmed is not None:
        lines.append(text(language, "desk_confirmed_yes" if complaint.confirmed else "desk_confirmed_no"))
    lines.append(text(language, "desk_hint"))
    return "\n".join(lines)


def card_buttons(complaint: Complaint, language: str) -> InlineKeyboardMarkup:
    """Offer the actions the complaint's state offers (surveys.complaints.BUTTONS)."""
    return InlineKeyboardMarkup(
        [[InlineKeyboardButton(text(language, f"desk_{a}"), callback_data=callbacks.Desk(complaint.id, a).build())
          for a in BUTTONS[complaint.state]]]
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
            topic = await context.bot.create_forum_topic(chat_id, f"#{complaint.id} {card.customer.first_name or ''}"[:128])
            thread_id = topic.message_thread_id
        except BadRequest:  # not a forum, or the bot may not manage topics: one chat for every card
            context.bot_data.support_topics = False
    message = await context.bot.send_message(
        chat_id, card_text(svc.desk_language, *card),
        reply_markup=card_buttons(complaint, svc.desk_language), message_thread_id=thread_id,
    )  # fmt: skip
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
            card_text(svc.desk_language, *card), complaint.card_chat_id, complaint.card_message_id,
            reply_markup=card_buttons(complaint, svc.desk_language),
        )
    except BadRequest as exc:  # "message is not modified" after a concurrent redraw, or deleted by staff
        log.debug("card of complaint %s not redrawn: %s", complaint_id, exc)
    except TelegramError:
        await store.mark_card_stale(complaint_id)  # try again next round
        raise


async def note_on_card(context: Context, complaint: Complaint, body: str) -> Message:
    """Post a line under a complaint's card (in its topic where there is one)."""
    return await context.bot.send_message(
        complaint.card_chat_id, body, message_thread_id=complaint.thread_id,  # type: ignore[arg-type]  # only posted cards get notes
        reply_to_message_id=complaint.card_message_id, allow_sending_without_reply=True,
    )  # fmt: skip


async def desk_round(context: Context) -> None:
    """Run one round of the desk, then schedule the next (so slow rounds never overlap)."""
    try:
        await sync_desk(context)
    except TelegramError as exc:  # Telegram down or flooded: the next round retries
        log.warning("support desk round failed, will retry: %s", exc)
    except Exception:  # a bug must not stop the desk for good: log it, keep going
        log.exception("support desk round failed")
    if context.application.running:
        context.job_queue.run_once(  # late is fine, skipped would end the chain
            desk_round, services(context).desk_interval, name="desk_round", job_kwargs={"misfire_grace_time": None}
        )


async def sync_desk(context: Context) -> None:
    """Post new cards and queued notes, redraw changed cards, and raise complaints nobody took in time.

    Everything sent to the support chat goes out from here, never from a customer's update: a group's
    flood limit (about 20 messages a minute) must not hold up customers' answers.
    """
    svc = services(context)
    store = svc.store
    for complaint_id in await store.cards_to_post():
        if not await store.claim_card(complaint_id, svc.clock()):
            continue
        try:
            await post_card(context, complaint_id)
        except TelegramError:  # the card stays unposted and is tried again next round
            await store.unclaim_card(complaint_id)
            raise
    moment = svc.clock()
    for complaint in await complaints.escalate(store, moment, svc.escalate_after):
        waited = age(complaint.touched_at, moment)
        note = text(svc.desk_language, "desk_escalated", id=complaint.id, waited=waited)
        await store.queue_note(complaint.id, note, moment)
    for note_id, complaint_id, body in await store.notes_to_post():
        noted = await store.complaint(complaint_id)
        if noted is None or not await store.claim_note(note_id, svc.clock()):
            continue
        try:
            sent = await note_on_card(context, noted, body)
        except TelegramError:
            await store.unclaim_note(note_id)
            raise
        await store.note_posted(note_id, complaint_id, sent.chat_id, sent.message_id)
    for complaint_id in await store.stale_cards():
        await draw_card(context, complaint_id)


async def ask_confirmation(context: Context, complaint: Complaint) -> None:
    """Ask the customer whether their issue was resolved."""
    svc = services(context)
    store = svc.store
    customer = await store.customer(complaint.customer_id)
    if customer is None:
        return
    language = customer.language
    yes, no = (callbacks.Confirmation(complaint.id, fixed).build() for fixed in (True, False))
    buttons = InlineKeyboardMarkup(
        [[
            InlineKeyboardButton(text(language, "confirm_yes"), callback_data=yes),
            InlineKeyboardButton(text(language, "confirm_no"), callback_data=no),
        ]]
    )  # fmt: skip
    try:
        await context.bot.send_message(customer.chat_id, text(language, "confirm_question"), reply_markup=buttons)
    except Forbidden:
        await store.queue_note(complaint.id, text(svc.desk_language, "desk_note_unreachable"), svc.clock())


# Staff's side ------------------------------------------------------------------------------------

async def desk_button_pressed(update: Update, context: Context) -> None:
    """Take, resolve or reopen a complaint from its card: staff only."""
    query: CallbackQuery = update.callback_query  # type: ignore[assignment]  # a CallbackQueryHandler's update has one
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
    if not await complaints.act(svc.store, action, complaint_id, actor(query.from_user), svc.clock()):
        await toast(query, text(svc.desk_language, "desk_not_now"))
        await svc.store.mark_card_stale(complaint_id)  # someone else moved it: show them where it stands
        return
    await toast(query, text(svc.desk_language, "desk_done"))  # the desk job redraws the card
    if TRANSITIONS[action].resolves:
        await ask_confirmation(context, await svc.store.complaint(complaint_id))  # type: ignore[arg-type]  # just resolved


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
        await message.reply_text(text(svc.desk_language, "desk_staff_only"))
        return
    customer = await svc.store.customer(complaint.customer_id)
    source = (message.chat_id, message.message_id)
    if customer is None or await svc.store.message_logged(*source):
        return  # the customer is gone, or this is a replay of a reply already relayed
    body = text(customer.language, "support_says", text=message.text or "")
    try:
        sent = await context.bot.send_message(customer.chat_id, body[:MAX_MESSAGE])
    except Forbidden:
        await svc.store.queue_note(complaint.id, text(svc.desk_language, "desk_blocked"), svc.clock())
        return
    await svc.store.remember_message(sent.chat_id, sent.message_id, complaint.id)
    # The card's "last reply" line, redrawn by the desk job, tells staff it went out.
    reply_text, replier = message.text or "", actor(update.effective_user)  # type: ignore[arg-type]  # checked as staff above
    await complaints.staff_replied(svc.store, complaint, replier, reply_text, source, svc.clock())


async def complaints_command(update: Update, context: Context) -> None:
    """List open complaints, oldest first, with their age: staff only."""
    svc = services(context)
    if not is_staff(svc, update.effective_user):
        await update.effective_message.reply_text(text(svc.desk_language, "desk_staff_only"))
        return
    moment, language = svc.clock(), svc.desk_language
    rows = []
    for complaint in await svc.store.open_complaints():
        customer = await svc.store.customer(complaint.customer_id)
        who = escape(customer.first_name or "?") if customer else "?"
        taken = f" · {escape(complaint.assignee_name)}" if complaint.assignee_name and complaint.state == State.IN_PROGRESS else ""
        rows.append(
            f"{STATE_MARKS[complaint.state]} #{complaint.id} · {age(complaint.opened_at, moment)} · {who}"
            f" · {text(language, 'desk_state_' + complaint.state)}{taken}"
        )
    body = "\n".join([text(language, "desk_open_count", count=len(rows)), *rows]) if rows else text(language, "desk_none_open")
    await update.effective_message.reply_text(body[:MAX_MESSAGE])
