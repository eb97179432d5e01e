"""Privacy: /mydata shows everything stored about a person (as HTML messages that always fit), /forget erases it."""

from __future__ import annotations

import json
import logging
from html import escape

from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.error import BadRequest, TelegramError

from bot import callbacks
from bot.handlers.context import Context, language_of, query_of, reply, services, toast
from bot.texts import text
from surveys import journey
from surveys.store import Customer

log = logging.getLogger(__name__)

LIMIT = 4096  # Telegram's limit, counted in UTF-16 code units after entities are parsed
# Where an update's words sit: a message's text or caption, a pressed button's data, an inline query.
_WORDS = ("text", "caption", "data", "query")


def utf16_length(html: str) -> int:
    """Count what Telegram counts (UTF-16 code units); markup counts too, which only errs on the safe side."""
    return len(html.encode("utf-16-le")) // 2


def pieces(head: str, plain: str, room: int) -> list[str]:
    """Split `head` + escaped `plain` into lines of at most `room` units, cutting the text before escaping."""
    lines, rest = [], plain
    while True:
        space = room - utf16_length(head)
        cut = len(rest)
        while cut and utf16_length(escape(rest[:cut])) > space:  # shrink by the overshoot, never mid-entity
            cut -= max(1, (utf16_length(escape(rest[:cut])) - space) // 6)
        if cut == 0 and rest:
            cut = 1  # a head that leaves no room: still move on
        lines.append(head + escape(rest[:cut]))
        rest, head = rest[cut:], "… "
        if not rest:
            return lines


def pack(lines: list[str], room: int = LIMIT) -> list[str]:
    """Join lines into as few messages of at most `room` units as possible."""
    messages, current = [], ""
    for line in lines:
        if current and utf16_length(current) + 1 + utf16_length(line) > room:
            messages.append(current)
            current = ""
        current = f"{current}\n{line}" if current else line
    return [*messages, current] if current.strip() else messages


def update_summary(payload: str) -> tuple[str, str]:
    """Name a raw update's kind and the words it carries (text, caption, pressed button, reaction)."""
    try:
        update = json.loads(payload)
    except ValueError:
        return "?", payload
    kind = next((k for k in update if k != "update_id"), "")
    body = update.get(kind) if kind else None
    if not isinstance(body, dict):
        return kind or "-", ""
    words = [str(body[k]) for k in _WORDS if isinstance(body.get(k), str)]
    words += [r.get("emoji", "") for r in body.get("new_reaction", []) if isinstance(r, dict)]
    member = body.get("new_chat_member")
    if isinstance(member, dict):
        words.append(str(member.get("status", "")))
    return kind, " ".join(w for w in words if w)


def render_my_data(data: dict, language: str, retention_days: float) -> list[str]:
    """Render everything stored about a person as Telegram HTML messages within Telegram's limit."""
    room = LIMIT - 64  # headroom for the line joints
    lines = [text(language, "mydata_intro")]
    customer: Customer | None = data["customer"]
    if customer is not None:
        lines += [
            "",
            f"<b>{text(language, 'mydata_profile')}</b>",
            f"telegram_user_id: {customer.telegram_user_id}",
            f"chat_id: {customer.chat_id}",
            *pieces("first_name: ", customer.first_name or "", room),
            f"language: {customer.language}",
            f"stopped_at: {customer.stopped_at or '-'}",
            f"unreachable_at: {customer.unreachable_at or '-'}",
        ]
    if data["orders"]:
        lines += ["", f"<b>{text(language, 'mydata_orders')}</b>"]
    for order in data["orders"]:
        lines += pieces("", f"{order['order']} · {order['purchased_at'][:16]}", room)
    if data["answers"]:
        lines += ["", f"<b>{text(language, 'mydata_answers')}</b>"]
    for a in data["answers"]:
        if a["skipped"]:
            value = "-"
        elif a["number"] is not None:
            value = f"{a['number']:g}"
        else:
            value = a["text"] or ""
        reading = [
            f"sentiment {a['sentiment']:+.2f}" if a["sentiment"] is not None else "",
            a["feeling"] or "",
            (a["topics"] or "").replace(";", ", "),
            "complaint" if a["complaint"] else "",
        ]
        reading_text = ", ".join(r for r in reading if r)
        head = f"{a['at'][:16]} · {escape(a['survey'])}/{escape(a['question'])}"
        head += f" ({escape(reading_text)}): " if reading_text else ": "
        lines += pieces(head, value, room)
    if data["complaints"]:
        lines += ["", f"<b>{text(language, 'mydata_complaints')}</b>"]
    for c in data["complaints"]:
        confirmed = {None: "", 1: ", confirmed fixed", 0: ", not fixed"}.get(c["confirmed"], "")
        lines += pieces(f"#{c['id']} {c['state']} · {c['opened_at'][:16]}{confirmed} · ", c["reasons"] or "", room)
        for e in (e for e in data["events"] if e["complaint"] == c["id"]):
            who = f" {escape(e['actor'])}" if e["actor"] else ""
            lines += pieces(f"  {e['at'][:16]} {e['kind']}{who}" + (": " if e["text"] else ""), e["text"] or "", room)
    if data.get("staff"):
        lines += ["", f"<b>{text(language, 'mydata_staff')}</b>"]
    for e in data.get("staff", []):
        lines += pieces(
            f"#{e['complaint']} {e['at'][:16]} {e['kind']}" + (": " if e["text"] else ""), e["text"] or "", room
        )
    if data.get("digests"):
        lines += ["", f"<b>{text(language, 'mydata_digests')}</b>"]
        lines += [f"{escape(d['week'])} · {d['sent_at'][:16]}" for d in data["digests"]]
    if data["updates"]:
        lines += ["", f"<b>{text(language, 'mydata_raw', days=f'{retention_days:g}')}</b>"]
    for u in data["updates"]:
        kind, words = update_summary(u["payload"])
        lines += pieces(f"{u['received_at'][:16]} · {escape(kind)}: ", words, room)
    return pack(lines, room)


async def erase_from_support_chat(
    bot: Bot, topics: list[tuple[int, int]], messages: list[tuple[int, int, int | None]], language: str
) -> None:
    """Delete a forgotten customer's complaint topics in the support chat, else overwrite the bot's messages there.

    Best effort: deleting a topic needs the bot's can_delete_messages right; without it the cards and relayed
    messages are overwritten and what staff wrote stays.
    """
    gone: set[int | None] = set()
    for chat_id, thread_id in topics:
        try:
            await bot.delete_forum_topic(chat_id, thread_id)
            gone.add(thread_id)
        except TelegramError as exc:
            log.info("could not delete topic %s in %s: %s", thread_id, chat_id, exc)
    for chat_id, message_id, message_thread in messages:
        if message_thread in gone:
            continue
        try:
            await bot.edit_message_text(text(language, "desk_erased"), chat_id, message_id, reply_markup=None)
        except TelegramError as exc:  # deleted by staff, or Telegram down: the README says what may stay
            log.info("could not blank support message %s in %s: %s", message_id, chat_id, exc)


async def mydata_command(update: Update, context: Context) -> None:
    """Send the person everything stored about them, their raw messages included."""
    svc = services(context)
    data = await journey.my_data(svc.store, update.effective_user.id)
    if data is None:
        await reply(update, journey.pick_language(update.effective_user.language_code), "mydata_none")
        return
    language = (
        data["customer"].language if data["customer"] else journey.pick_language(update.effective_user.language_code)
    )
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
    buttons = [
        [
            InlineKeyboardButton(text(language, "forget_yes"), callback_data=callbacks.Forget(True).build()),
            InlineKeyboardButton(text(language, "forget_no"), callback_data=callbacks.Forget(False).build()),
        ]
    ]
    await update.effective_message.reply_text(
        text(language, "forget_confirm"), reply_markup=InlineKeyboardMarkup(buttons)
    )


async def forget_chosen(update: Update, context: Context) -> None:
    """Delete the customer's data when they confirmed, else keep everything."""
    query = query_of(update)
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
