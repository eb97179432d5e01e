"""Managers: the weekly summary in chat on /weekly, and the Monday digest."""

from __future__ import annotations

import asyncio
import logging
import math
from datetime import timedelta
from html import escape

from telegram import Update
from telegram.error import BadRequest, Forbidden, TelegramError

from analysis.aggregate import last_complete_week
from analysis.report import WeeklySummary, digest_week, weekly_summary
from bot.handlers.context import Context, language_of, reply, services
from bot.texts import text
from surveys.clock import system_clock
from surveys.store import Lease

log = logging.getLogger(__name__)


DIGEST_RETRY = timedelta(minutes=15)  # after the digest's report failed to build


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
            figure += " · " + text(
                language, "weekly_top_topic", topic=summary.topic_label(summary.top_topics[stage], language)
            )
        lines.append(f"• {text(language, 'stage_' + stage)}: {figure}")
    if summary.hurting is not None:
        stage, share = summary.hurting
        lines += ["", text(language, "weekly_hurts", stage=text(language, "stage_" + stage), share=f"{share:.0f}")]
        if summary.topics:
            topics = ", ".join(
                f"{summary.topic_label(t.topic, language)} {t.count} ({t.share:.0f}%)" for t in summary.topics
            )
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
        chat_id,
        summary.html.encode("utf-8"),
        filename=f"journeypulse-{summary.week}.html",
        caption=escape(summary.week),
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
    summary = await asyncio.to_thread(
        weekly_summary, svc.store.path, last_complete_week(svc.clock()), svc.surveys, svc.taxonomy
    )
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
        summary = (
            cached[1]
            if cached and cached[0] == week
            else await asyncio.to_thread(weekly_summary, svc.store.path, week, svc.surveys, svc.taxonomy)
        )
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
