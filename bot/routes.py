"""The one ordered table of handlers and scheduled jobs: which update goes to which handler (first match wins)."""

from __future__ import annotations

from telegram.ext import BaseHandler, CallbackQueryHandler, CommandHandler, JobQueue, MessageHandler, filters

from bot import callbacks
from bot.handlers import customers, desk, managers, privacy, sender
from bot.settings import Settings


def handlers(support_chat_id: int | None) -> list[BaseHandler]:
    """Every handler in the order PTB tries them: commands, then buttons by their data, then plain messages."""
    private = filters.ChatType.PRIVATE
    support = filters.Chat(support_chat_id) if support_chat_id is not None else filters.Chat(())
    return [
        CommandHandler("start", customers.start, filters=private),
        CommandHandler("help", customers.help_command, filters=private),
        CommandHandler("stop", customers.stop_command, filters=private),
        CommandHandler("language", customers.language_command, filters=private),
        CommandHandler("mydata", privacy.mydata_command, filters=private),
        CommandHandler("forget", privacy.forget_command, filters=private),
        CommandHandler("complaints", desk.complaints_command, filters=private | support),
        CommandHandler("weekly", managers.weekly_command, filters=private),
        CallbackQueryHandler(customers.button_pressed, pattern=callbacks.pattern(callbacks.Answer, callbacks.Skip)),
        CallbackQueryHandler(customers.language_chosen, pattern=callbacks.pattern(callbacks.Language)),
        CallbackQueryHandler(desk.desk_button_pressed, pattern=callbacks.pattern(callbacks.Desk)),
        CallbackQueryHandler(customers.confirmation_chosen, pattern=callbacks.pattern(callbacks.Confirmation)),
        CallbackQueryHandler(privacy.forget_chosen, pattern=callbacks.pattern(callbacks.Forget)),
        CallbackQueryHandler(customers.unknown_button),
        MessageHandler(private & filters.UpdateType.MESSAGE & filters.TEXT & ~filters.COMMAND, customers.text_answered),
        MessageHandler(private & filters.UpdateType.MESSAGE & ~filters.TEXT, customers.other_message),
        MessageHandler(private & filters.UpdateType.EDITED_MESSAGE, customers.message_edited),
        MessageHandler(support & filters.UpdateType.MESSAGE & filters.TEXT & ~filters.COMMAND, desk.staff_replied),
        MessageHandler(private & filters.UpdateType.MESSAGE & filters.COMMAND, customers.help_command),  # unknown
    ]


def schedule(jobs: JobQueue, settings: Settings) -> None:
    """Start the repeating jobs: survey sender, support desk rounds, digests, raw-update pruning."""
    jobs.run_repeating(
        sender.send_due_surveys, interval=settings.scheduler_interval, first=0.1, name="send_due_surveys"
    )
    if settings.support_chat_id is not None:  # staff should see a complaint within seconds
        # A round that starts late (a slow start-up, a busy loop) must still run: it schedules the next one.
        jobs.run_once(desk.desk_round, 0.5, name="desk_round", job_kwargs={"misfire_grace_time": None})
    jobs.run_repeating(
        managers.send_due_digests, interval=settings.scheduler_interval, first=0.3, name="send_due_digests"
    )
    # Raw updates hold what people wrote: keep handled ones only as long as RAW_UPDATE_RETENTION.
    retention = settings.raw_update_retention.total_seconds()
    jobs.run_repeating(
        privacy.prune_raw_updates,
        interval=min(3600.0, max(settings.scheduler_interval, retention / 2)),
        first=1.0,
        name="prune_raw_updates",
    )
