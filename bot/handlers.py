"""Telegram handlers: read the update, call one journey function, render the reply from the catalogue."""

from __future__ import annotations

import asyncio
import logging
import math
from collections.abc import Awaitable
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from functools import partial
from html import escape
from typing import Any

from telegram import CallbackQuery, InlineKeyboardButton, InlineKeyboardMarkup, MaybeInaccessibleMessage, Update
from telegram.constants import ParseMode
from telegram.error import BadRequest, Forbidden, TelegramError
from telegram.ext import CallbackContext, ContextTypes, ExtBot

from analysis.aggregate import last_complete_week
from analysis.report import WeeklySummary, digest_week, weekly_summary
from analysis.topics import Taxonomy, default_taxonomy
from bot import callbacks
from bot.metrics import Telemetry
from bot.pacing import Backoff, Pacer
from bot.privacy import erase_from_support_chat, render_my_data
from bot.texts import LANGUAGE_NAMES, text
from surveys import complaints, journey
from surveys.clock import Clock, system_clock
from surveys.complaints import FlagRules
from surveys.definitions import LANGUAGES, Question, Survey
from surveys.engine import AnswerValue
from surveys.journey import Outcome, Person, Policy, ScoreFn, Step
from surveys.store import LEASE_TIME, Customer, Invitation, Lease, Store

log = logging.getLogger(__name__)

MAX_MESSAGE = 4000  # Telegram allows 4096 characters; leave room for markup
MAX_LINE = 700  # a quoted text in a listing, before escaping (at most 5 × 700 characters once escaped)
MAX_QUOTE = 3500  # what is kept of a person's text inside one of our templates, cut before escaping
DIGEST_RETRY = timedelta(minutes=15)  # after the digest's report failed to build


@dataclass
class Services:
    """What handlers need, opened once at start-up and kept in `bot_data.services`."""

    store: Store
    surveys: dict[str, Survey]
    policy: Policy
    secret: str
    score: ScoreFn
    rules: FlagRules = FlagRules()
    support_chat_id: int | None = None
    staff: frozenset[int] = frozenset()
    escalate_after: timedelta = timedelta(hours=4)
    desk_interval: float = 2.0  # seconds between support desk rounds
    desk_language: str = "en"  # the support chat's language
    managers: frozenset[int] = frozenset()  # Telegram user ids allowed to pull reports
    clock: Clock = system_clock  # every "now" of the bot: tests set the moment to test the schedule
    raw_update_retention: timedelta = timedelta(days=3)  # handled raw updates are deleted after this long
    backoff: Backoff = Backoff()  # when a failed send is tried again
    lease_time: timedelta = LEASE_TIME  # how long a claim holds before a crashed holder's item is due again
    taxonomy: Taxonomy = field(default_factory=default_taxonomy)  # names the topics of the weekly summary


def clip(words: str, limit: int) -> str:
    """Cut plain text to `limit` characters before it is escaped or templated, so no tag or entity is split.

    Telegram counts UTF-16 code units, so a character outside the BMP (most emoji) counts twice.
    """
    if len(words) * 2 <= limit:
        return words
    units = 0
    for index, character in enumerate(words):
        units += 2 if ord(character) > 0xFFFF else 1
        if units > limit - 1:
            return words[:index] + "…" if index < len(words) - 1 or units > limit else words
    return words


@dataclass
class BotData:
    """What the Application keeps between updates (`ContextTypes(bot_data=BotData)`); PTB builds it empty."""

    services: Services = field(init=False)  # set by build_application right after building the Application
    pacer: Pacer = field(init=False)
    retry: dict[int, float] = field(default_factory=dict)  # update id -> seconds a transient error asks to wait
    refused: dict[int, str] = field(default_factory=dict)  # update id -> why retrying it cannot help (set aside)
    support_topics: bool = True  # False once the support chat turned out to take no forum topics
    digest_summary: tuple[str, WeeklySummary] | None = None  # the week's digest, reused by a retry
    digest_failed: tuple[str, datetime] | None = None  # the week whose digest failed to build, and when
    telemetry: Telemetry = field(init=False)  # counters for /metrics, one registry per Application


Context = CallbackContext[ExtBot[None], dict[Any, Any], dict[Any, Any], BotData]
CONTEXT_TYPES = ContextTypes(bot_data=BotData)


def services(context: Context) -> Services:
    """Return the services stored in the application."""
    return context.bot_data.services


def person(update: Update) -> Person:
    """Describe who sent an update."""
    user, chat = update.effective_user, update.effective_chat
    return Person(user.id, chat.id if chat else user.id, user.first_name, user.language_code)


# Rendering ----------------------------------------------------------------------------------------


def question_keyboard(invitation_id: int, question: Question, language: str) -> InlineKeyboardMarkup | None:
    """Build the buttons of a question: scores, choices, and skip where allowed."""
    rows: list[list[InlineKeyboardButton]] = []
    answer = partial(callbacks.Answer, invitation_id, question.id)
    if question.scale is not None:
        low, high = question.scale
        scores = [InlineKeyboardButton(str(n), callback_data=answer(str(n)).build()) for n in range(low, high + 1)]
        rows = [scores] if len(scores) <= 7 else [scores[:6], scores[6:]]
    elif question.type == "choice":
        buttons = [InlineKeyboardButton(o.label[language], callback_data=answer(o.id).build()) for o in question.options]
        rows = [buttons[i : i + 2] for i in range(0, len(buttons), 2)]
    if question.skippable:
        skip = callbacks.Skip(invitation_id, question.id).build()
        rows.append([InlineKeyboardButton(text(language, "skip"), callback_data=skip)])
    return InlineKeyboardMarkup(rows) if rows else None


def answer_label(question: Question, value: AnswerValue, language: str) -> str:
    """Render a stored answer the way the customer chose it."""
    if value.skipped:
        return text(language, "skipped")
    if question.scale is not None and value.number is not None:
        return f"{int(value.number)}/{question.scale[1]}"
    option = question.option(value.text or "") if question.type == "choice" else None
    if option is not None:
        return option.label[language]
    answer = value.text or ""
    return answer if len(answer) <= 80 else answer[:79] + "…"


async def ask(context: Context, customer: Customer, invitation: Invitation, question: Question) -> None:
    """Send one question and remember its message."""
    message = await context.bot.send_message(
        customer.chat_id,
        escape(question.prompt[customer.language]),
        parse_mode=ParseMode.HTML,
        reply_markup=question_keyboard(invitation.id, question, customer.language),
    )
    await services(context).store.mark_asked(invitation.id, question.id, message.message_id)


async def show_answer(context: Context, step: Step, message: MaybeInaccessibleMessage | None) -> None:
    """Replace an answered question's buttons with the chosen answer."""
    assert step.answered is not None and step.value is not None and step.customer is not None
    chat_id = step.customer.chat_id
    message_id = message.message_id if message else step.invitation.asked_message_id
    if message_id is None:
        return
    language = step.customer.language
    label = answer_label(step.answered, step.value, language)
    body = f"{escape(step.answered.prompt[language])}\n\n✅ {text(language, 'your_answer', answer=label)}"
    try:
        await context.bot.edit_message_text(body, chat_id, message_id, parse_mode=ParseMode.HTML, reply_markup=None)
    except BadRequest as exc:  # already edited (replay) or too old to edit: the answer is stored either way
        log.debug("could not show answer in message %s: %s", message_id, exc)


async def continue_survey(context: Context, step: Step) -> None:
    """Ask the next question, or thank the customer when the survey is done."""
    assert step.customer is not None and step.invitation is not None and step.survey is not None
    if step.already_asked:
        return
    if step.question is not None:
        await ask(context, step.customer, step.invitation, step.question)
    else:
        thanks = await context.bot.send_message(step.customer.chat_id, escape(step.survey.outro[step.customer.language]))
        await services(context).store.mark_asked(step.invitation.id, journey.THANKED, thanks.message_id)


async def reply(update: Update, language: str, key: str, **values: object) -> None:
    """Answer the customer's message with a catalogue sentence."""
    await update.effective_message.reply_text(text(language, key, **values), parse_mode=ParseMode.HTML)


async def language_of(context: Context, update: Update) -> str:
    """Return the stored language of the user, else the one Telegram reports."""
    customer = await services(context).store.customer_by_user(update.effective_user.id)
    return customer.language if customer else journey.pick_language(update.effective_user.language_code)


# Handlers -----------------------------------------------------------------------------------------


async def start(update: Update, context: Context) -> None:
    """Open the order behind the deep link and ask the first unanswered question."""
    svc = services(context)
    if not context.args:
        await journey.reachable_again(svc.store, update.effective_user.id)  # writing to us means not blocked
        await reply(update, await language_of(context, update), "welcome")
        return
    who = person(update)
    step = await journey.open_link(svc.store, svc.surveys, svc.policy, svc.secret, context.args[0], who, svc.clock())
    language = step.customer.language if step.customer else journey.pick_language(who.language_code)
    if step.status in (Outcome.INVALID_LINK, Outcome.FOREIGN_LINK):
        log.warning("refused %s deep link from user %s", step.status, who.telegram_user_id)
        await reply(update, language, step.status)
        return
    if step.status is Outcome.ALREADY_DONE:
        await reply(update, language, "already_done")
        return
    if step.status is Outcome.STARTED:
        greeting = text(language, "greeting", name=who.first_name or "")
        intro = escape(step.survey.intro[language])
        await update.effective_message.reply_text(f"{greeting}\n{intro}", parse_mode=ParseMode.HTML)
    else:
        await reply(update, language, "resumed")
    await continue_survey(context, replace(step, already_asked=False))  # /start re-asks on purpose


async def button_pressed(update: Update, context: Context) -> None:
    """Store the pressed answer and ask the next question."""
    query: CallbackQuery = update.callback_query  # type: ignore[assignment]  # a CallbackQueryHandler's update has one
    svc = services(context)
    pressed = callbacks.Answer.parse(query.data) or callbacks.Skip.parse(query.data)
    customer = await svc.store.customer_by_user(query.from_user.id)
    language = customer.language if customer else journey.pick_language(query.from_user.language_code)
    if pressed is None:
        await toast(query, text(language, "unknown_button"))
        return
    if customer is None:
        await toast(query, text(language, "not_yours"))
        return
    if isinstance(pressed, callbacks.Answer):
        step = await journey.press(
            svc.store, svc.surveys, customer, pressed.invitation_id, pressed.question_id, pressed.value, svc.clock()
        )
    else:
        step = await journey.skip(
            svc.store, svc.surveys, customer, pressed.invitation_id, pressed.question_id, svc.clock()
        )
    if step.status is Outcome.RECORDED:  # the answer is stored: the three calls need not wait for each other
        await together(
            toast(query, text(language, "recorded")),
            show_answer(context, step, query.message),
            continue_survey(context, step),
        )
        await review_answers(context, step)
    elif step.status is Outcome.DUPLICATE:
        await toast(query, text(language, "already_recorded"))
        await continue_survey(context, step)
        await review_answers(context, step)
    elif step.status in (Outcome.NOT_YOURS, Outcome.NO_SURVEY, Outcome.FINISHED):
        await toast(query, text(language, "not_yours" if step.status is not Outcome.FINISHED else "finished"))
        if step.status is Outcome.FINISHED and query.message is not None:
            await _drop_buttons(query)
    elif step.status is Outcome.STALE:
        await toast(query, text(language, "stale"))
        await ask(context, customer, *step.asking())
    else:  # invalid value for this question
        await toast(query, text(language, "unknown_button"))


async def together(*calls: Awaitable[None]) -> None:
    """Run Bot API calls side by side; when any fails, raise its error after all have finished."""
    for outcome in await asyncio.gather(*calls, return_exceptions=True):
        if isinstance(outcome, BaseException):
            raise outcome


async def toast(query: CallbackQuery, message: str | None = None) -> None:
    """Answer a button press; a replayed press may be too old to answer, which is fine."""
    try:
        await query.answer(message)
    except BadRequest as exc:
        log.debug("could not answer callback query: %s", exc)


async def _drop_buttons(query: CallbackQuery) -> None:
    try:
        await query.edit_message_reply_markup(None)
    except BadRequest:
        pass


async def text_answered(update: Update, context: Context) -> None:
    """Store a typed answer to the current question, or explain what is expected."""
    svc = services(context)
    customer = await svc.store.customer_by_user(update.effective_user.id)
    if customer is None:
        await reply(update, journey.pick_language(update.effective_user.language_code), "welcome")
        return
    if update.effective_message.reply_to_message and await relay_to_support(context, update, customer, True):
        return
    message = update.effective_message
    step = await journey.write(
        svc.store, svc.surveys, customer, message.text or "", svc.score, svc.clock(), message.message_id
    )
    if step.status is Outcome.RECORDED:
        await together(show_answer(context, step, None), continue_survey(context, step))
        await review_answers(context, step)
    elif step.status is Outcome.DUPLICATE:
        await continue_survey(context, step)
        await review_answers(context, step)
    elif step.status is Outcome.INVALID:
        await reply(update, customer.language, "use_buttons" if step.question.type != "text" else "use_text")
        await ask(context, customer, *step.asking())
    elif not await relay_to_support(context, update, customer, False):
        await reply(update, customer.language, "no_survey")


async def other_message(update: Update, context: Context) -> None:
    """Politely decline stickers, photos, voice and other media."""
    await reply(update, await language_of(context, update), "unsupported")


async def message_edited(update: Update, context: Context) -> None:
    """Explain that an edited message does not change a stored answer."""
    await reply(update, await language_of(context, update), "edit_ignored")


async def help_command(update: Update, context: Context) -> None:
    """Explain what the bot does and its commands."""
    await reply(update, await language_of(context, update), "help")


async def stop_command(update: Update, context: Context) -> None:
    """Opt the customer out of every further survey."""
    language = await language_of(context, update)
    await journey.stop(services(context).store, update.effective_user.id, services(context).clock())
    await reply(update, language, "stopped")


async def language_command(update: Update, context: Context) -> None:
    """Offer the supported languages as buttons."""
    choices = [(LANGUAGE_NAMES[lang], callbacks.Language(lang).build()) for lang in LANGUAGES]
    buttons = [[InlineKeyboardButton(name, callback_data=data) for name, data in choices]]
    await update.effective_message.reply_text(
        text(await language_of(context, update), "language_prompt"), reply_markup=InlineKeyboardMarkup(buttons)
    )


async def language_chosen(update: Update, context: Context) -> None:
    """Store the chosen language."""
    query: CallbackQuery = update.callback_query  # type: ignore[assignment]  # a CallbackQueryHandler's update has one
    chosen = callbacks.Language.parse(query.data)
    language = chosen.code if chosen else ""
    svc = services(context)
    if language not in LANGUAGES:
        await toast(query, text("en", "unknown_button"))
        return
    customer = await svc.store.upsert_customer(
        query.from_user.id, query.message.chat.id if query.message else query.from_user.id,
        query.from_user.first_name, language, svc.clock(),
    )  # fmt: skip
    await svc.store.set_language(customer.id, language)
    await toast(query)
    try:
        await query.edit_message_text(text(language, "language_set"), reply_markup=None)
    except BadRequest:
        pass


async def unknown_button(update: Update, context: Context) -> None:
    """Tell the user a button is not one we know."""
    await toast(update.callback_query, text(await language_of(context, update), "unknown_button"))  # type: ignore[arg-type]  # a CallbackQueryHandler's update has one


async def send_due_surveys(context: Context) -> None:
    """Send first-week surveys and reminders that fell due, outside quiet hours, once each, paced."""
    svc = services(context)
    while not svc.policy.is_quiet(moment := svc.clock()):
        busy_since = moment - svc.policy.reminder_delay  # never interrupt a survey the customer is answering
        due = await svc.store.due_invitations(moment, busy_since)
        if not due or not await _send_paced(context, due, moment, "invitation"):
            break
    while not svc.policy.is_quiet(moment := svc.clock()):
        due = await svc.store.due_reminders(moment)
        if not due or not await _send_paced(context, due, moment, "reminder"):
            break


async def _send_paced(
    context: Context, due: list[tuple[Invitation, Customer]], moment: datetime, kind: str
) -> bool:
    """Send a batch at the pacer's rate, several in flight; False when any could not go out."""
    pacer = context.bot_data.pacer
    sending = []
    for invitation, customer in due:
        if not context.application.running:  # shutting down: the rest stays due for the next start
            break
        await pacer.wait(customer.chat_id, messages=2)  # the opening line and the question
        sending.append(asyncio.create_task(_send_one(context, invitation, customer, moment, kind)))
    return all(await asyncio.gather(*sending)) and len(sending) == len(due)


async def _send_one(
    context: Context, invitation: Invitation, customer: Customer, moment: datetime, kind: str
) -> bool:
    """Claim one due survey or reminder and deliver it; False when it was handed back to the schedule."""
    svc = services(context)
    if kind == "invitation":
        step = await journey.start_invitation(svc.store, svc.surveys, svc.policy, invitation, customer, moment, svc.lease_time)
        if step is None:
            return True
        if step.question is None:  # answered meanwhile (a /start replayed): nothing left to ask
            await journey.delivered(svc.store, svc.policy, step, moment)
            return True
        return await _deliver(context, customer, step, step.survey.intro[customer.language])
    step = await journey.remind(svc.store, svc.surveys, invitation, customer, moment, svc.lease_time)
    return step is None or await _deliver(context, customer, step, text(customer.language, "reminder"))


async def _deliver(context: Context, customer: Customer, step: Step, opening: str) -> bool:
    """Send an opening line and the current question; on failure keep the survey due, or stop if blocked."""
    svc = services(context)
    store = svc.store
    try:
        await context.bot.send_message(customer.chat_id, escape(opening))
        await ask(context, customer, *step.asking())
    except Forbidden:  # blocked: keep the survey unsent, so it can go out if they come back with /start
        await journey.mark_unreachable(store, customer, services(context).clock())
        await journey.release(store, step)
        return True
    except TelegramError as exc:  # Telegram down or flooded: due again after a backoff, never given up
        attempts = await store.attempts(Lease.REMINDER if step.status is Outcome.REMINDER else Lease.INVITATION, step.invitation.id)
        delay = svc.backoff.delay(attempts)
        log.warning("could not send %s to customer %s, retrying in %.0f s: %s", step.status, customer.id, delay, exc)
        await journey.release(store, step, svc.clock() + timedelta(seconds=delay))
        return False
    await journey.delivered(store, svc.policy, step, svc.clock())
    return True


# Complaints and privacy: the customer's side ---------------------------------------------------


async def review_answers(context: Context, step: Step) -> None:
    """Open or grow a complaint when the survey's answers fire a rule; the desk job posts its card."""
    svc = services(context)
    assert step.invitation is not None and step.customer is not None
    await complaints.review(svc.store, svc.rules, step.invitation.id, step.customer.id, svc.clock())


async def relay_to_support(
    context: Context, update: Update, customer: Customer, replies_only: bool
) -> bool:
    """Pass a customer's message on to their complaint's card; False when it is not about a complaint."""
    svc = services(context)
    message = update.effective_message
    complaint = None
    if message.reply_to_message is not None:
        complaint = await svc.store.complaint_for_message(message.chat_id, message.reply_to_message.message_id)
    if complaint is None and not replies_only:
        complaint = await svc.store.conversation(customer.id)
    if complaint is None or complaint.customer_id != customer.id:
        return False
    note = text(
        svc.desk_language, "desk_customer_says", name=clip(customer.first_name or "?", 64),
        text=clip(message.text or "", MAX_QUOTE),
    )  # fmt: skip
    source = (message.chat_id, message.message_id)
    said = message.text or ""
    if await complaints.customer_replied(svc.store, complaint, said, note, source, svc.clock()):
        await reply(update, customer.language, "support_forwarded")
    return True


async def confirmation_chosen(update: Update, context: Context) -> None:
    """Store the customer's yes/no on whether the issue was fixed; a no reopens the complaint."""
    query: CallbackQuery = update.callback_query  # type: ignore[assignment]  # a CallbackQueryHandler's update has one
    svc = services(context)
    chosen = callbacks.Confirmation.parse(query.data)
    customer = await svc.store.customer_by_user(query.from_user.id)
    complaint = await svc.store.complaint(chosen.complaint_id) if chosen else None
    language = customer.language if customer else "en"
    if chosen is None or customer is None or complaint is None or complaint.customer_id != customer.id:
        await toast(query, text(language, "not_yours"))
        return
    fixed = chosen.fixed
    if not await svc.store.confirm(complaint.id, fixed, svc.clock()):
        await toast(query, text(language, "already_recorded"))
        return
    await toast(query, text(language, "recorded"))
    try:
        await query.edit_message_text(text(language, "confirm_thanks_yes" if fixed else "confirm_thanks_no"))
    except BadRequest:
        pass
    note = text(svc.desk_language, "desk_note_fixed" if fixed else "desk_note_not_fixed")
    await svc.store.queue_note(complaint.id, note, svc.clock())  # the desk job posts it and redraws the card



async def mydata_command(update: Update, context: Context) -> None:
    """Send the person everything stored about them, their raw messages included."""
    svc = services(context)
    data = await journey.my_data(svc.store, update.effective_user.id)
    if data is None:
        await reply(update, journey.pick_language(update.effective_user.language_code), "mydata_none")
        return
    language = data["customer"].language if data["customer"] else journey.pick_language(update.effective_user.language_code)
    days = svc.raw_update_retention.total_seconds() / 86400
    for chunk in render_my_data(data, language, round(days, 2)):
        await update.effective_message.reply_text(chunk)


async def prune_raw_updates(context: Context) -> None:
    """Delete raw updates handled longer ago than RAW_UPDATE_RETENTION."""
    svc = services(context)
    pruned = await svc.store.prune_updates(svc.clock() - svc.raw_update_retention)
    if pruned:
        log.info("deleted %s raw updates older than %s", pruned, svc.raw_update_retention)


async def forget_command(update: Update, context: Context) -> None:
    """Ask the customer to confirm that everything about them should be deleted."""
    language = await language_of(context, update)
    buttons = [[
        InlineKeyboardButton(text(language, "forget_yes"), callback_data=callbacks.Forget(True).build()),
        InlineKeyboardButton(text(language, "forget_no"), callback_data=callbacks.Forget(False).build()),
    ]]  # fmt: skip
    await update.effective_message.reply_text(text(language, "forget_confirm"), reply_markup=InlineKeyboardMarkup(buttons))


async def forget_chosen(update: Update, context: Context) -> None:
    """Delete the customer's data when they confirmed, else keep everything."""
    query: CallbackQuery = update.callback_query  # type: ignore[assignment]  # a CallbackQueryHandler's update has one
    language = await language_of(context, update)
    chosen = callbacks.Forget.parse(query.data)
    if chosen is not None and chosen.confirmed:
        svc = services(context)
        # Where the support chat holds them (gone from the database after): erased there too, off their path.
        topics = await svc.store.support_topics(query.from_user.id)
        messages = await svc.store.support_messages(query.from_user.id)
        forgotten = await journey.forget(svc.store, query.from_user.id, svc.clock(), update.update_id)
        context.application.create_task(erase_from_support_chat(context.bot, topics, messages, svc.desk_language))
        answer = "forgotten" if forgotten else "mydata_none"
    else:
        answer = "forget_kept"
    await toast(query)
    try:
        await query.edit_message_text(text(language, answer), reply_markup=None)
    except BadRequest:
        pass


# Managers: the weekly report in chat ----------------------------------------------------------------


def summary_text(summary: WeeklySummary, language: str, digest: bool = False) -> str:
    """Render a week's summary for a manager from the catalogue; customer text is escaped."""
    lines = [text(language, "weekly_digest")] if digest else []
    lines.append(text(language, "weekly_title", week=summary.week, answers=summary.answers))
    if summary.answers == 0:
        return "\n".join([*lines, text(language, "weekly_empty", week=summary.week)])
    lines += ["", text(language, "weekly_feeling")]
    for stage, feeling, delta in summary.feelings:
        figure = "—" if math.isnan(feeling) else f"{feeling:.0f}" + ("" if math.isnan(delta) else f" ({delta:+.0f})")
        if stage in summary.top_topics:
            figure += " · " + text(language, "weekly_top_topic", topic=summary.topic_label(summary.top_topics[stage], language))
        lines.append(f"• {text(language, 'stage_' + stage)}: {figure}")
    if summary.hurting is not None:
        stage, share = summary.hurting
        lines += ["", text(language, "weekly_hurts", stage=text(language, "stage_" + stage), share=f"{share:.0f}")]
        if summary.topics:
            topics = ", ".join(f"{summary.topic_label(t.topic, language)} {t.count} ({t.share:.0f}%)" for t in summary.topics)
            lines.append(text(language, "weekly_topics", topics=topics))
        if summary.quote:
            quote = " ".join(summary.quote.split())
            lines.append(text(language, "weekly_quote", quote=quote if len(quote) <= 300 else quote[:299] + "…"))
    if summary.small_sample:
        lines += ["", text(language, "weekly_small")]
    return "\n".join([*lines, "", text(language, "weekly_more")])


async def send_summary(
    context: Context, chat_id: int, language: str, summary: WeeklySummary, digest: bool = False
) -> None:
    """Send the summary, the journey-map poster as a photo and the full report as an HTML document."""
    await context.bot.send_message(chat_id, summary_text(summary, language, digest))
    await context.bot.send_photo(chat_id, summary.chart_png, caption=escape(summary.week))
    await context.bot.send_document(
        chat_id, summary.html.encode("utf-8"), filename=f"journeypulse-{summary.week}.html", caption=escape(summary.week)
    )


async def weekly_command(update: Update, context: Context) -> None:
    """Send a manager the last complete week's summary, chart and report; politely refuse anyone else."""
    svc = services(context)
    language = await language_of(context, update)
    if update.effective_user.id not in svc.managers:
        log.info("refused /weekly to user %s, not a manager", update.effective_user.id)
        await reply(update, language, "managers_only")
        return
    # Updates are handled one by one: building the report in a task (and a thread) keeps customers answered.
    context.application.create_task(send_weekly(context, update.effective_chat.id, language), update=update)


async def send_weekly(context: Context, chat_id: int, language: str) -> None:
    """Build the last complete week's summary in a thread and send it."""
    svc = services(context)
    summary = await asyncio.to_thread(weekly_summary, svc.store.path, last_complete_week(svc.clock()), svc.surveys, svc.taxonomy)
    await send_summary(context, chat_id, language, summary)


async def send_due_digests(context: Context) -> None:
    """From Monday 09:00 local, send each manager last week's digest once, claimed in SQLite before sending."""
    svc = services(context)
    if not svc.managers:
        return
    moment = svc.clock()
    week = digest_week(moment, svc.policy.timezone)
    pending = svc.managers - await svc.store.digest_recipients(week)
    failed = context.bot_data.digest_failed
    if not pending or (failed and failed[0] == week and moment < failed[1] + DIGEST_RETRY):
        return
    cached = context.bot_data.digest_summary
    try:
        # The week has ended, so its figures no longer change: a retry reuses the summary already built.
        summary = cached[1] if cached and cached[0] == week else await asyncio.to_thread(weekly_summary, svc.store.path, week, svc.surveys, svc.taxonomy)
        context.bot_data.digest_summary = (week, summary)
    except Exception:  # a bug or a broken database: do not rebuild the report on every tick
        log.exception("could not build the digest of %s; retrying in %s", week, DIGEST_RETRY)
        context.bot_data.digest_failed = (week, moment)
        return
    for manager_id in sorted(pending):
        item = f"{week}/{manager_id}"
        # Leases run on real time: the schedule's clock only says which week is due.
        if not await svc.store.claim(Lease.DIGEST, item, system_clock(), svc.lease_time):
            continue
        customer = await svc.store.customer_by_user(manager_id)
        try:
            await send_summary(context, manager_id, customer.language if customer else "en", summary, digest=True)
        except (Forbidden, BadRequest) as exc:  # never started the bot, or blocked it: retrying cannot help
            log.warning("digest %s could not reach manager %s, set aside: %s", week, manager_id, exc)
            await svc.store.set_aside_item(Lease.DIGEST, item, f"{type(exc).__name__}: {exc}", moment)
        except TelegramError as exc:  # Telegram down or flooded: due again after a backoff
            delay = svc.backoff.delay(await svc.store.attempts(Lease.DIGEST, item))
            log.warning("digest %s to manager %s failed, retrying in %.0f s: %s", week, manager_id, delay, exc)
            await svc.store.release(Lease.DIGEST, item, system_clock() + timedelta(seconds=delay))
            continue
        await svc.store.digest_sent(week, manager_id, moment)
        await svc.store.complete(Lease.DIGEST, item)
