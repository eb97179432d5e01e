"""Scheduled sends: first-week surveys and reminders that fell due, claimed, paced, retried."""

from __future__ import annotations

import asyncio
import logging
from datetime import datetime, timedelta
from html import escape

from telegram.error import Forbidden, TelegramError

from bot.handlers.context import Context, services
from bot.handlers.questions import ask
from bot.texts import text
from surveys import journey
from surveys.journey import Outcome, Step
from surveys.store import Customer, Invitation, Lease

log = logging.getLogger(__name__)


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


async def _send_paced(context: Context, due: list[tuple[Invitation, Customer]], moment: datetime, kind: str) -> bool:
    """Send a batch at the pacer's rate, several in flight; False when any could not go out."""
    pacer = context.bot_data.pacer
    sending = []
    for invitation, customer in due:
        if not context.application.running:  # shutting down: the rest stays due for the next start
            break
        await pacer.wait(customer.chat_id, messages=2)  # the opening line and the question
        sending.append(asyncio.create_task(_send_one(context, invitation, customer, moment, kind)))
    return all(await asyncio.gather(*sending)) and len(sending) == len(due)


async def _send_one(context: Context, invitation: Invitation, customer: Customer, moment: datetime, kind: str) -> bool:
    """Claim one due survey or reminder and deliver it; False when it was handed back to the schedule."""
    svc = services(context)
    if kind == "invitation":
        step = await journey.start_invitation(
            svc.store, svc.surveys, svc.policy, invitation, customer, moment, svc.lease_time
        )
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
        attempts = await store.attempts(
            Lease.REMINDER if step.status is Outcome.REMINDER else Lease.INVITATION, step.invitation.id
        )
        delay = svc.backoff.delay(attempts)
        log.warning("could not send %s to customer %s, retrying in %.0f s: %s", step.status, customer.id, delay, exc)
        await journey.release(store, step, svc.clock() + timedelta(seconds=delay))
        return False
    await journey.delivered(store, svc.policy, step, svc.clock())
    return True
