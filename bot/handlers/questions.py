"""How a survey question is shown: its buttons, the chosen answer, the next question or the thanks."""

from __future__ import annotations

import logging
from functools import partial
from html import escape

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, MaybeInaccessibleMessage
from telegram.constants import ParseMode
from telegram.error import BadRequest

from bot import callbacks
from bot.handlers.context import Context, services
from bot.texts import text
from surveys import journey
from surveys.definitions import Question
from surveys.engine import AnswerValue
from surveys.journey import Step
from surveys.store import Customer, Invitation

log = logging.getLogger(__name__)


def question_keyboard(invitation_id: int, question: Question, language: str) -> InlineKeyboardMarkup | None:
    """Build the buttons of a question: scores, choices, and skip where allowed."""
    rows: list[list[InlineKeyboardButton]] = []
    answer = partial(callbacks.Answer, invitation_id, question.id)
    if question.scale is not None:
        low, high = question.scale
        scores = [InlineKeyboardButton(str(n), callback_data=answer(str(n)).build()) for n in range(low, high + 1)]
        rows = [scores] if len(scores) <= 7 else [scores[:6], scores[6:]]
    elif question.type == "choice":
        buttons = [
            InlineKeyboardButton(o.label[language], callback_data=answer(o.id).build()) for o in question.options
        ]
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
        thanks = await context.bot.send_message(
            step.customer.chat_id, escape(step.survey.outro[step.customer.language])
        )
        await services(context).store.mark_asked(step.invitation.id, journey.THANKED, thanks.message_id)
