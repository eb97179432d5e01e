"""The customer's chat: deep links, answers by button and by text, language, stop, and their complaint's side."""

from __future__ import annotations

import logging
from dataclasses import replace
from html import escape

from telegram import CallbackQuery, InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.constants import ParseMode
from telegram.error import BadRequest

from bot import callbacks
from bot.handlers.context import (
    MAX_QUOTE,
    Context,
    clip,
    language_of,
    person,
    query_of,
    reply,
    services,
    toast,
    together,
)
from bot.handlers.questions import ask, continue_survey, show_answer
from bot.texts import LANGUAGE_NAMES, text
from surveys import complaints, journey
from surveys.definitions import LANGUAGES
from surveys.journey import Outcome, Step
from surveys.store import Customer

log = logging.getLogger(__name__)


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
    query = query_of(update)
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
    query = query_of(update)
    chosen = callbacks.Language.parse(query.data)
    language = chosen.code if chosen else ""
    svc = services(context)
    if language not in LANGUAGES:
        await toast(query, text("en", "unknown_button"))
        return
    customer = await svc.store.upsert_customer(
        query.from_user.id,
        query.message.chat.id if query.message else query.from_user.id,
        query.from_user.first_name,
        language,
        svc.clock(),
    )
    await svc.store.set_language(customer.id, language)
    await toast(query)
    try:
        await query.edit_message_text(text(language, "language_set"), reply_markup=None)
    except BadRequest:
        pass


async def unknown_button(update: Update, context: Context) -> None:
    """Tell the user a button is not one we know."""
    await toast(query_of(update), text(await language_of(context, update), "unknown_button"))


async def review_answers(context: Context, step: Step) -> None:
    """Open or grow a complaint when the survey's answers fire a rule; the desk job posts its card."""
    svc = services(context)
    assert step.invitation is not None and step.customer is not None
    await complaints.review(svc.store, svc.rules, step.invitation.id, step.customer.id, svc.clock())


async def relay_to_support(context: Context, update: Update, customer: Customer, replies_only: bool) -> bool:
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
        svc.desk_language,
        "desk_customer_says",
        name=clip(customer.first_name or "?", 64),
        text=clip(message.text or "", MAX_QUOTE),
    )
    source = (message.chat_id, message.message_id)
    said = message.text or ""
    if await complaints.customer_replied(svc.store, complaint, said, note, source, svc.clock()):
        await reply(update, customer.language, "support_forwarded")
    return True


async def confirmation_chosen(update: Update, context: Context) -> None:
    """Store the customer's yes/no on whether the issue was fixed; a no reopens the complaint."""
    query = query_of(update)
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
