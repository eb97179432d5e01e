"""The local Bot API server: real HTTP, updates, messages, flood limits and injected faults, for tests and the demo."""

from __future__ import annotations

import asyncio
import collections
import copy
import hashlib
import itertools
import json
import math
import random
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import aiohttp
from aiohttp import web

from bot.local_bot_api.html import HTMLParseError, parse_html, strip_text, utf16_len

FAULT_KINDS = frozenset({"429", "500", "502", "timeout", "refuse"})

# Telegram withholds these unless allowed_updates names them explicitly.
_OPT_IN_UPDATES = frozenset({"chat_member", "message_reaction", "message_reaction_count"})

# Methods that post a new message count against the flood limits.
_SENDING_METHODS = frozenset(
    {"sendmessage", "sendphoto", "senddocument", "copymessage", "forwardmessage", "sendsticker", "sendvoice"}
)

_CHAT_ACTIONS = frozenset(
    {
        "typing",
        "upload_photo",
        "record_video",
        "upload_video",
        "record_voice",
        "upload_voice",
        "upload_document",
        "choose_sticker",
        "find_location",
        "record_video_note",
        "upload_video_note",
    }
)

_BOT_COMMAND = re.compile(r"/[A-Za-z0-9_]{1,32}(?:@[A-Za-z0-9_]{3,32})?(?=\s|$)")
_COMMAND_NAME = re.compile(r"[a-z0-9_]{1,32}")
_SECRET_TOKEN = re.compile(r"[A-Za-z0-9_-]{1,256}")


class BotAPIError(Exception):
    """An error answer of the Bot API: HTTP status, description and optional parameters."""

    def __init__(self, status: int, description: str, parameters: dict | None = None) -> None:
        super().__init__(description)
        self.status, self.description, self.parameters = status, description, parameters

    def response(self) -> web.Response:
        """Render the error the way Telegram does; PTB maps it by HTTP status."""
        body: dict[str, Any] = {"ok": False, "error_code": self.status, "description": self.description}
        if self.parameters:
            body["parameters"] = self.parameters
        return web.json_response(body, status=self.status)


def _bad_request(detail: str) -> BotAPIError:
    return BotAPIError(400, f"Bad Request: {detail}")


@dataclass
class _Fault:
    kind: str
    rate: float
    remaining: int | None
    methods: frozenset[str] | None
    retry_after: int
    delay: float


@dataclass
class _Bucket:
    """Token bucket: `burst` messages at once, refilled at `rate` per second."""

    rate: float
    burst: float
    tokens: float = 0.0
    stamp: float = field(default_factory=time.monotonic)

    def __post_init__(self) -> None:
        self.tokens = self.burst

    def wait_needed(self) -> float:
        """Seconds until a token is free (0 when one is free now), refilling first."""
        now = time.monotonic()
        self.tokens = min(self.burst, self.tokens + (now - self.stamp) * self.rate)
        self.stamp = now
        return 0.0 if self.tokens >= 1 else (1 - self.tokens) / self.rate

    def take(self) -> None:
        """Spend one token."""
        self.tokens -= 1


@dataclass
class _Webhook:
    url: str
    secret_token: str | None
    max_connections: int
    last_error_date: int | None = None
    last_error_message: str | None = None


@dataclass
class _Chat:
    info: dict
    messages: list[dict] = field(default_factory=list)
    by_id: dict[int, dict] = field(default_factory=dict)
    next_message_id: int = 1
    topics: dict[int, dict] = field(default_factory=dict)
    blocked: bool = False
    started: bool = True

    @property
    def private(self) -> bool:
        return self.info["type"] == "private"


class BotAPIEmulator:
    """An in-process Telegram Bot API server on 127.0.0.1 with users, chats, updates and fault injection."""

    # (messages per second, burst) for the flood limits; per private chat, per group, and for the whole bot.
    FLOOD_PRIVATE = (1.0, 3)
    FLOOD_GROUP = (20 / 60, 20)
    FLOOD_GLOBAL = (30.0, 30)

    def __init__(
        self,
        token: str = "123456:TEST",
        username: str = "journeypulse_bot",
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        bot_id: int = 123456,
        first_name: str = "JourneyPulse",
        seed: int = 0,
    ) -> None:
        self.token, self.username, self.host, self.port, self.bot_id = token, username, host, port, bot_id
        self.bot_user = {"id": bot_id, "is_bot": True, "first_name": first_name, "username": username}
        self.calls: collections.Counter[str] = collections.Counter()
        self.answered_callbacks: list[dict] = []
        self.chat_actions: list[tuple[int, str]] = []
        self.command_sets: dict[tuple[str, str], list[dict]] = {}
        self.acknowledged_offset = 0
        self.flood_limits = False
        self.deleted: list[tuple[int, int]] = []
        self._users: dict[int, dict] = {}
        self._chats: dict[int, _Chat] = {}
        self._updates: list[dict] = []
        self._update_ids = itertools.count(1)
        self._allowed_updates: frozenset[str] | None = None
        self._callbacks: dict[str, bool] = {}  # query id -> answered
        self._callback_ids = itertools.count(1)
        self._files: dict[str, dict] = {}
        self._file_ids = itertools.count(1)
        self._faults: list[_Fault] = []
        self.faults_fired: collections.Counter[str] = collections.Counter()  # by kind, for tests to assert on
        self._random = random.Random(seed)
        self._buckets: dict[Any, _Bucket] = {}
        self._poller: web.Request | None = None
        self._changed = asyncio.Event()
        self._chat_changed: dict[int, asyncio.Event] = {}  # per chat, so a send wakes only that chat's waiters
        self._closing = asyncio.Event()
        self._runner: web.AppRunner | None = None
        self._webhook: _Webhook | None = None
        self._pusher: asyncio.Task | None = None
        self.webhook_deliveries = 0  # updates a webhook took with a 2xx
        self.webhook_failures = 0  # pushes answered non-2xx, timed out or refused
        # Telegram retries a failed push after a while, for up to a day; short here so tests move on.
        self.webhook_backoff = (0.1, 2.0)
        self.webhook_timeout = 10.0
        self._methods: dict[str, tuple[str, Callable[..., Any]]] = {
            name.lower(): (name, handler)
            for name, handler in dict[str, Callable[..., Any]](
                {
                    "getMe": self._get_me,
                    "logOut": self._true,
                    "close": self._true,
                    "deleteWebhook": self._delete_webhook,
                    "getWebhookInfo": self._get_webhook_info,
                    "setWebhook": self._set_webhook,
                    "getUpdates": self._get_updates,
                    "sendMessage": self._send_message,
                    "editMessageText": self._edit_message_text,
                    "editMessageCaption": self._edit_message_caption,
                    "editMessageReplyMarkup": self._edit_message_reply_markup,
                    "answerCallbackQuery": self._answer_callback_query,
                    "sendPhoto": self._send_photo,
                    "sendDocument": self._send_document,
                    "getFile": self._get_file,
                    "setMyCommands": self._set_my_commands,
                    "getMyCommands": self._get_my_commands,
                    "deleteMyCommands": self._delete_my_commands,
                    "sendChatAction": self._send_chat_action,
                    "createForumTopic": self._create_forum_topic,
                    "deleteForumTopic": self._delete_forum_topic,
                    "deleteMessage": self._delete_message,
                    "forwardMessage": self._forward_message,
                    "copyMessage": self._copy_message,
                }
            ).items()
        }

    # ----------------------------------------------------------------------------------- lifecycle

    @property
    def base_url(self) -> str:
        """What to pass to ApplicationBuilder().base_url(): no trailing slash, the token is appended."""
        return f"http://{self.host}:{self.port}/bot"

    @property
    def base_file_url(self) -> str:
        """What to pass to ApplicationBuilder().base_file_url() to download files the emulator holds."""
        return f"http://{self.host}:{self.port}/file/bot"

    async def start(self) -> None:
        """Bind the HTTP server and set self.port."""
        app = web.Application(client_max_size=64 * 1024 * 1024)  # above Telegram's 50 MB upload limit
        app.router.add_route("*", "/bot{token}/{method}", self._handle)
        app.router.add_get("/file/bot{token}/{path:.+}", self._handle_file)
        app.router.add_route("*", "/{tail:.*}", self._not_found)
        # Cancelling handlers when the client hangs up frees an abandoned long poll at once, as Telegram does.
        self._runner = web.AppRunner(app, handler_cancellation=True, access_log=None, shutdown_timeout=1.0)
        await self._runner.setup()
        site = web.TCPSite(self._runner, self.host, self.port)
        await site.start()
        self.port = self._runner.addresses[0][1]
        self._closing.clear()

    async def stop(self) -> None:
        """Wake every waiting request and shut the server down."""
        self._closing.set()
        self._notify()
        await self._stop_pushing()
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def __aenter__(self) -> BotAPIEmulator:
        await self.start()
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.stop()

    # ----------------------------------------------------------------------------- people and chats

    def add_user(
        self,
        user_id: int,
        first_name: str = "Ann",
        language_code: str | None = "en",
        username: str | None = None,
        *,
        started: bool = True,
    ) -> dict:
        """Register a user and their private chat; started=False means the bot may not write first."""
        user: dict[str, Any] = {"id": user_id, "is_bot": False, "first_name": first_name}
        if username:
            user["username"] = username
        if language_code:
            user["language_code"] = language_code
        self._users[user_id] = user
        chat_info = {"id": user_id, "type": "private", "first_name": first_name}
        if username:
            chat_info["username"] = username
        if user_id in self._chats:  # re-adding updates the profile and keeps the conversation
            self._chats[user_id].info.update(chat_info)
            self._chats[user_id].started = self._chats[user_id].started or started
        else:
            self._chats[user_id] = _Chat(chat_info, started=started)
        return copy.deepcopy(user)

    def remove_user(self, user_id: int) -> None:
        """Forget a user and their private chat, so long load runs keep the emulator's memory flat."""
        self._users.pop(user_id, None)
        self._chats.pop(user_id, None)
        self._chat_changed.pop(user_id, None)
        self._buckets.pop(user_id, None)

    def add_group(self, chat_id: int, title: str = "Support", is_forum: bool = False) -> dict:
        """Register a supergroup (a forum when is_forum) that the bot is a member of."""
        info: dict[str, Any] = {"id": chat_id, "type": "supergroup", "title": title}
        if is_forum:
            info["is_forum"] = True
        self._chats[chat_id] = _Chat(info)
        return copy.deepcopy(info)

    def block(self, user_id: int) -> None:
        """Make the user block the bot: sends to their chat answer 403."""
        self._private_chat(user_id).blocked = True

    def unblock(self, user_id: int) -> None:
        """Undo block()."""
        self._private_chat(user_id).blocked = False

    # ------------------------------------------------------------------------------ acting as users

    def send_text(
        self,
        user_id: int,
        text: str,
        *,
        chat_id: int | None = None,
        reply_to_message_id: int | None = None,
        message_thread_id: int | None = None,
    ) -> dict:
        """Post a text message as the user and enqueue it; a leading /command gets its bot_command entity."""
        content: dict[str, Any] = {"text": text}
        command = _BOT_COMMAND.match(text)
        if command:
            content["entities"] = [{"type": "bot_command", "offset": 0, "length": utf16_len(command.group())}]
        return self._user_message(user_id, chat_id, content, reply_to_message_id, message_thread_id)

    def send_sticker(self, user_id: int, *, chat_id: int | None = None, emoji: str = "👍") -> dict:
        """Post a sticker as the user and enqueue it."""
        file = self._store_file(
            b"RIFF\x00\x00\x00\x00WEBPVP8 fake sticker", "sticker.webp", "image/webp", "CAACAgIAAxkBAAI"
        )
        sticker = {
            "file_id": file["file_id"],
            "file_unique_id": file["file_unique_id"],
            "type": "regular",
            "width": 512,
            "height": 512,
            "is_animated": False,
            "is_video": False,
            "emoji": emoji,
            "set_name": "JourneyPulseTest",
            "file_size": file["file_size"],
        }
        return self._user_message(user_id, chat_id, {"sticker": sticker})

    def send_photo(
        self, user_id: int, *, chat_id: int | None = None, caption: str | None = None, data: bytes | None = None
    ) -> dict:
        """Post a photo (three sizes, like Telegram) as the user and enqueue it."""
        content: dict[str, Any] = {"photo": self._photo_sizes(data or b"\xff\xd8\xff\xe0 fake jpeg", "photo.jpg")}
        if caption:
            content["caption"] = caption
        return self._user_message(user_id, chat_id, content)

    def send_voice(self, user_id: int, *, chat_id: int | None = None, duration: int = 3) -> dict:
        """Post a voice note as the user and enqueue it."""
        file = self._store_file(b"OggS fake opus voice", "voice.ogg", "audio/ogg", "AwACAgIAAxkBAAI")
        voice = {
            "file_id": file["file_id"],
            "file_unique_id": file["file_unique_id"],
            "duration": duration,
            "mime_type": "audio/ogg",
            "file_size": file["file_size"],
        }
        return self._user_message(user_id, chat_id, {"voice": voice})

    def edit_text(self, user_id: int, message_id: int, new_text: str, *, chat_id: int | None = None) -> dict:
        """Edit the user's own text message and enqueue the edited_message update."""
        chat = self._chat_for(user_id, chat_id)
        message = chat.by_id.get(message_id)
        if message is None or message.get("from", {}).get("id") != user_id or "text" not in message:
            raise ValueError(f"user {user_id} has no text message {message_id} in chat {chat.info['id']}")
        message["text"] = new_text
        message.pop("entities", None)
        command = _BOT_COMMAND.match(new_text)
        if command:
            message["entities"] = [{"type": "bot_command", "offset": 0, "length": utf16_len(command.group())}]
        message["edit_date"] = int(time.time())
        self._notify(chat.info["id"])
        return self._enqueue({"edited_message": copy.deepcopy(message)})

    def press_button(
        self, user_id: int, message_id: int, data: str, *, chat_id: int | None = None, check: bool = True
    ) -> dict:
        """Press an inline button as the user: enqueue a callback_query carrying the message it sits on."""
        user = self._user(user_id)
        chat = self._chat_for(user_id, chat_id)
        message = chat.by_id.get(message_id)
        if check:
            if message is None or message.get("from", {}).get("id") != self.bot_id:
                raise ValueError(f"no bot message {message_id} in chat {chat.info['id']}")
            offered = [button_data for _, button_data in self.buttons(message)]
            if data not in offered:
                raise ValueError(f"message {message_id} has no button with callback_data {data!r}; it has {offered}")
        query_id = f"{self.bot_id}{next(self._callback_ids):012d}"
        self._callbacks[query_id] = False
        # A message the bot cannot see any more arrives as an InaccessibleMessage: date 0.
        shown = self._public(message) if message else {"message_id": message_id, "chat": chat.info, "date": 0}
        query = {
            "id": query_id,
            "from": user,
            "message": shown,
            "data": data,
            "chat_instance": str(int(hashlib.sha256(str(chat.info["id"]).encode()).hexdigest()[:15], 16)),
        }
        return self._enqueue({"callback_query": copy.deepcopy(query)})

    def enqueue_raw(self, update: dict) -> dict:
        """Enqueue any update dict (channel_post, my_chat_member...), filling in update_id when absent."""
        update = copy.deepcopy(update)
        if "update_id" in update:
            # Keep later ids increasing past a caller-chosen one.
            self._update_ids = itertools.count(max(update["update_id"] + 1, next(self._update_ids)))
            self._updates.append(update)
            self._updates.sort(key=lambda u: u["update_id"])
            self._notify(chats=False)
            return copy.deepcopy(update)
        return self._enqueue(update)

    # --------------------------------------------------------------------------- inspecting the bot

    @property
    def pending_updates(self) -> int:
        """Updates not yet acknowledged by a getUpdates offset."""
        return len(self._updates)

    @property
    def commands(self) -> list[dict]:
        """Commands set for the default scope and no language, as setMyCommands stored them."""
        return copy.deepcopy(self.command_sets.get(("default", ""), []))

    def messages(self, chat_id: int) -> list[dict]:
        """Every message in the chat in order, user's and bot's, as it stands now (reply keyboards included)."""
        if chat_id not in self._chats:
            raise KeyError(f"unknown chat {chat_id}; add it with add_user or add_group")
        return copy.deepcopy(self._chats[chat_id].messages)

    def bot_messages(self, chat_id: int) -> list[dict]:
        """The bot's messages in the chat, in order, in their current state."""
        return [m for m in self.messages(chat_id) if m.get("from", {}).get("id") == self.bot_id]

    def file_bytes(self, file_id: str) -> bytes:
        """The bytes behind a file_id (an uploaded document or photo, or a user's file)."""
        return self._files[file_id]["bytes"]

    async def wait_for_bot_message(
        self,
        chat_id: int,
        predicate: Callable[[dict], bool] | None = None,
        *,
        timeout: float = 5.0,
        after: int = 0,
    ) -> dict:
        """First bot message in the chat with message_id > after matching predicate, waiting for sends and edits."""
        deadline = asyncio.get_running_loop().time() + timeout
        while True:
            changed = self._chat_changed.setdefault(chat_id, asyncio.Event())
            if chat_id not in self._chats:
                raise KeyError(f"unknown chat {chat_id}; add it with add_user or add_group")
            for message in self._chats[chat_id].messages:
                if message["message_id"] > after and message.get("from", {}).get("id") == self.bot_id:
                    candidate = copy.deepcopy(message)  # the predicate must not reach into the emulator's state
                    if predicate is None or predicate(candidate):
                        return candidate
            remaining = deadline - asyncio.get_running_loop().time()
            if remaining <= 0:
                raise TimeoutError(
                    f"no bot message in chat {chat_id} after #{after} matched within {timeout}s; "
                    f"the chat holds:\n{self.dump(chat_id)}"
                )
            try:
                await asyncio.wait_for(changed.wait(), remaining)
            except TimeoutError:
                pass

    def dump(self, chat_id: int) -> str:
        """The chat as readable lines, for failure messages."""
        lines = []
        for message in self._chats[chat_id].messages if chat_id in self._chats else []:
            sender = (
                "bot"
                if message.get("from", {}).get("id") == self.bot_id
                else f"user {message.get('from', {}).get('id')}"
            )
            body = (
                message.get("text")
                or message.get("caption")
                or next(
                    (key for key in ("photo", "document", "sticker", "voice", "forum_topic_created") if key in message),
                    "?",
                )
            )
            keys = self.buttons(message)
            lines.append(f"  #{message['message_id']} {sender}: {body!r}" + (f" buttons={keys}" if keys else ""))
        return "\n".join(lines) or "  (no messages)"

    @staticmethod
    def buttons(message: dict) -> list[tuple[str, str]]:
        """The message's inline callback buttons as (text, callback_data), row by row."""
        keyboard = (message.get("reply_markup") or {}).get("inline_keyboard") or []
        return [(b["text"], b["callback_data"]) for row in keyboard for b in row if "callback_data" in b]

    # ----------------------------------------------------------------------------- fault injection

    def inject_fault(
        self,
        kind: str,
        *,
        rate: float = 1.0,
        count: int | None = None,
        methods: set[str] | None = None,
        retry_after: int = 1,
        delay: float = 30.0,
    ) -> None:
        """Make matching requests fail: 429/500/502 answers, a 'timeout' (delay, then hang up), or 'refuse'."""
        if kind not in FAULT_KINDS:
            raise ValueError(f"unknown fault {kind!r}; use one of {sorted(FAULT_KINDS)}")
        lowered = frozenset(m.lower() for m in methods) if methods else None
        self._faults.append(_Fault(kind, rate, count, lowered, retry_after, delay))

    def clear_faults(self) -> None:
        """Remove every injected fault."""
        self._faults.clear()

    # ---------------------------------------------------------------------------------- HTTP layer

    async def _handle(self, request: web.Request) -> web.StreamResponse:
        if request.match_info["token"] != self.token:
            return BotAPIError(401, "Unauthorized").response()
        found = self._methods.get(request.match_info["method"].lower())
        if found is None:
            return BotAPIError(404, "Not Found").response()
        name, handler = found
        self.calls[name] += 1
        fault = self._draw_fault(name.lower())
        if fault is not None:
            return await self._apply_fault(fault, request)
        try:
            params = await self._read_params(request)
            if self.flood_limits and name.lower() in _SENDING_METHODS:
                self._check_flood(params)
            # getUpdates alone needs its request: a live long poll makes a second one a 409.
            result = handler(params, request) if name == "getUpdates" else handler(params)
            if asyncio.iscoroutine(result):
                result = await result
        except BotAPIError as error:
            return error.response()
        return web.json_response({"ok": True, "result": result})

    async def _handle_file(self, request: web.Request) -> web.StreamResponse:
        if request.match_info["token"] != self.token:
            return BotAPIError(401, "Unauthorized").response()
        for file in self._files.values():
            if file["file_path"] == request.match_info["path"]:
                return web.Response(body=file["bytes"], content_type=file["mime_type"])
        return BotAPIError(404, "Not Found").response()

    async def _not_found(self, request: web.Request) -> web.StreamResponse:
        return BotAPIError(404, "Not Found").response()

    async def _read_params(self, request: web.Request) -> dict[str, Any]:
        params: dict[str, Any] = dict(request.query)
        if not request.body_exists:
            return params
        if request.content_type == "application/json":
            try:
                body = await request.json()
            except ValueError:
                raise _bad_request("can't parse JSON") from None
            if not isinstance(body, dict):
                raise _bad_request("JSON object expected")
            params.update(body)
        else:
            params.update((await request.post()).items())  # form-encoded or multipart; files stay FileField
        return params

    def _draw_fault(self, method: str) -> _Fault | None:
        for fault in self._faults:
            if fault.methods is not None and method not in fault.methods:
                continue
            if fault.remaining == 0 or (fault.rate < 1.0 and self._random.random() >= fault.rate):
                continue
            if fault.remaining is not None:
                fault.remaining -= 1
            self.faults_fired[fault.kind] += 1
            return fault
        return None

    async def _apply_fault(self, fault: _Fault, request: web.Request) -> web.StreamResponse:
        if fault.kind == "429":
            return BotAPIError(
                429, f"Too Many Requests: retry after {fault.retry_after}", {"retry_after": fault.retry_after}
            ).response()
        if fault.kind == "500":
            return BotAPIError(500, "Internal Server Error").response()
        if fault.kind == "502":
            return BotAPIError(502, "Bad Gateway").response()
        if fault.kind == "timeout":
            try:
                await asyncio.wait_for(self._closing.wait(), fault.delay)
            except TimeoutError:
                pass
        if request.transport is not None:
            request.transport.abort()  # hang up without an answer
        raise asyncio.CancelledError  # aiohttp then writes nothing on the dead connection

    def _check_flood(self, params: dict) -> None:
        try:
            chat = self._chats.get(int(params.get("chat_id")))  # type: ignore[arg-type]  # None raises TypeError, caught
        except (TypeError, ValueError):
            chat = None  # the method itself reports the bad chat_id
        buckets = [self._bucket("global", self.FLOOD_GLOBAL)]
        if chat is not None:
            limits = self.FLOOD_PRIVATE if chat.private else self.FLOOD_GROUP
            buckets.append(self._bucket(chat.info["id"], limits))
        wait = max(bucket.wait_needed() for bucket in buckets)
        if wait > 0:
            seconds = max(1, math.ceil(wait))
            raise BotAPIError(429, f"Too Many Requests: retry after {seconds}", {"retry_after": seconds})
        for bucket in buckets:
            bucket.take()

    def _bucket(self, key: Any, limits: tuple[float, float]) -> _Bucket:
        if key not in self._buckets:
            self._buckets[key] = _Bucket(*limits)
        return self._buckets[key]

    # ------------------------------------------------------------------------------ Bot API methods

    def _true(self, params: dict) -> bool:
        return True

    def _get_me(self, params: dict) -> dict:
        return {
            **self.bot_user,
            "can_join_groups": True,
            "can_read_all_group_messages": False,
            "supports_inline_queries": False,
            "can_connect_to_business": False,
            "has_main_web_app": False,
        }

    async def _delete_webhook(self, params: dict) -> bool:
        await self._stop_pushing()
        self._webhook = None
        if _as_bool(params.get("drop_pending_updates")):
            self._drop_pending()
        return True

    def _drop_pending(self) -> None:
        if self._updates:
            self.acknowledged_offset = self._updates[-1]["update_id"] + 1
        self._updates.clear()

    async def _set_webhook(self, params: dict) -> bool:
        url = str(params.get("url") or "")
        if not url:  # an empty url removes the webhook, as on Telegram
            return await self._delete_webhook(params)
        if not url.startswith(("http://", "https://")):
            raise _bad_request("bad webhook: an HTTPS URL must be provided for webhook")
        secret = params.get("secret_token")
        if secret not in (None, "") and not _SECRET_TOKEN.fullmatch(str(secret)):
            raise _bad_request("secret token contains unallowed characters")
        connections = _as_int(params.get("max_connections", 40) or 40, "max_connections")
        if not 1 <= connections <= 100:
            raise _bad_request("bad webhook: max_connections must be between 1 and 100")
        allowed = _as_json(params.get("allowed_updates"), "allowed_updates")
        if allowed is not None:
            self._allowed_updates = frozenset(allowed) or None
        if _as_bool(params.get("drop_pending_updates")):
            self._drop_pending()
        self._webhook = _Webhook(url, str(secret) if secret else None, connections)
        if self._pusher is None or self._pusher.done():
            self._pusher = asyncio.create_task(self._push_updates())
        self._notify(chats=False)
        return True

    def _get_webhook_info(self, params: dict) -> dict:
        info: dict[str, Any] = {"url": "", "has_custom_certificate": False, "pending_update_count": len(self._updates)}
        hook = self._webhook
        if hook is not None:
            info.update(url=hook.url, max_connections=hook.max_connections)
            if self._allowed_updates is not None:
                info["allowed_updates"] = sorted(self._allowed_updates)
            if hook.last_error_date is not None:
                info.update(last_error_date=hook.last_error_date, last_error_message=hook.last_error_message)
        return info

    @property
    def webhook_url(self) -> str | None:
        """The URL updates are pushed to, or None while the bot polls."""
        return self._webhook.url if self._webhook else None

    async def _stop_pushing(self) -> None:
        if self._pusher is not None:
            self._pusher.cancel()
            try:
                await self._pusher
            except asyncio.CancelledError:
                pass
            self._pusher = None

    async def _push_updates(self) -> None:
        """Deliver updates to the webhook one at a time, oldest first, retrying with backoff until a 2xx."""
        delay = self.webhook_backoff[0]
        async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=self.webhook_timeout)) as session:
            while self._webhook is not None and not self._closing.is_set():
                changed = self._changed
                self._drop_unwanted_updates()
                if not self._updates:
                    await changed.wait()
                    continue
                hook, update = self._webhook, self._updates[0]
                headers = {"X-Telegram-Bot-Api-Secret-Token": hook.secret_token} if hook.secret_token else {}
                try:
                    async with session.post(hook.url, json=update, headers=headers) as response:
                        error = (
                            None
                            if 200 <= response.status < 300
                            else f"Wrong response from the webhook: {response.status} {response.reason}"
                        )
                except (aiohttp.ClientError, TimeoutError) as exc:
                    error = f"Connection failed: {type(exc).__name__}"
                if error is None:
                    if self._updates and self._updates[0] is update:  # not dropped meanwhile
                        self._updates.pop(0)
                        self.acknowledged_offset = max(self.acknowledged_offset, update["update_id"] + 1)
                    self.webhook_deliveries += 1
                    delay = self.webhook_backoff[0]
                    continue
                self.webhook_failures += 1
                hook.last_error_date, hook.last_error_message = int(time.time()), error
                try:
                    await asyncio.wait_for(self._closing.wait(), delay)
                except TimeoutError:
                    pass
                delay = min(delay * 2, self.webhook_backoff[1])

    async def _get_updates(self, params: dict, request: web.Request) -> list[dict]:
        if self._webhook is not None:
            raise BotAPIError(
                409,
                "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
            )
        if self._poller is not None:
            transport = self._poller.transport
            if transport is not None and not transport.is_closing():
                raise BotAPIError(
                    409,
                    "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running",
                )
        offset = _as_int(params.get("offset", 0), "offset")
        limit = min(max(_as_int(params.get("limit", 100), "limit"), 1), 100)
        timeout = max(_as_int(params.get("timeout", 0) or 0, "timeout"), 0)
        allowed = _as_json(params.get("allowed_updates"), "allowed_updates")
        if allowed is not None:
            self._allowed_updates = frozenset(allowed) or None
        self._acknowledge(offset)
        self._poller = request
        try:
            deadline = asyncio.get_running_loop().time() + timeout
            while True:
                changed = self._changed
                self._drop_unwanted_updates()
                remaining = deadline - asyncio.get_running_loop().time()
                if self._updates or remaining <= 0 or self._closing.is_set():
                    return copy.deepcopy(self._updates[:limit])
                try:
                    await asyncio.wait_for(changed.wait(), remaining)
                except TimeoutError:
                    pass
        finally:
            if self._poller is request:
                self._poller = None

    def _acknowledge(self, offset: int) -> None:
        if offset > 0:
            self._updates = [u for u in self._updates if u["update_id"] >= offset]
            self.acknowledged_offset = max(self.acknowledged_offset, offset)
        elif offset < 0:
            # A negative offset keeps only the last -offset updates and forgets the rest.
            dropped, self._updates = self._updates[:offset], self._updates[offset:]
            if dropped:
                self.acknowledged_offset = max(self.acknowledged_offset, dropped[-1]["update_id"] + 1)

    def _drop_unwanted_updates(self) -> None:
        def wanted(update: dict) -> bool:
            kind = next((key for key in update if key != "update_id"), "")
            if self._allowed_updates is None:
                return kind not in _OPT_IN_UPDATES
            return kind in self._allowed_updates

        self._updates = [u for u in self._updates if wanted(u)]

    def _send_message(self, params: dict) -> dict:
        text, entities = self._formatted(params, "text", "entities", 4096)
        if not text:
            raise _bad_request("message text is empty")
        content: dict[str, Any] = {"text": text}
        if entities:
            content["entities"] = entities
        return self._post(params, content)

    def _send_photo(self, params: dict) -> dict:
        file = self._input_file(params, "photo", "photo.jpg", "image/jpeg")
        content: dict[str, Any] = {"photo": self._photo_sizes(file["bytes"], file["file_name"], file)}
        return self._post(params, self._with_caption(params, content))

    def _send_document(self, params: dict) -> dict:
        file = self._input_file(params, "document", "document", "application/octet-stream")
        document = {key: file[key] for key in ("file_id", "file_unique_id", "file_name", "mime_type", "file_size")}
        return self._post(params, self._with_caption(params, {"document": document}))

    def _get_file(self, params: dict) -> dict:
        file = self._files.get(str(params.get("file_id", "")))
        if file is None:
            raise _bad_request("wrong file_id or the file is temporarily unavailable")
        return {key: file[key] for key in ("file_id", "file_unique_id", "file_size", "file_path")}

    def _edit_message_text(self, params: dict) -> dict:
        chat, message = self._editable(params)
        if "text" not in message:
            raise _bad_request("there is no text in the message to edit")
        text, entities = self._formatted(params, "text", "entities", 4096)
        if not text:
            raise _bad_request("message text is empty")
        return self._apply_edit(chat, message, params, {"text": text, "entities": entities or None})

    def _edit_message_caption(self, params: dict) -> dict:
        chat, message = self._editable(params)
        if "text" in message:
            raise _bad_request("there is no caption in the message to edit")
        caption, entities = self._formatted(params, "caption", "caption_entities", 1024)
        return self._apply_edit(
            chat, message, params, {"caption": caption or None, "caption_entities": entities or None}
        )

    def _edit_message_reply_markup(self, params: dict) -> dict:
        chat, message = self._editable(params)
        return self._apply_edit(chat, message, params, {})

    def _apply_edit(self, chat: _Chat, message: dict, params: dict, content: dict) -> dict:
        # An edit without reply_markup removes the inline keyboard, as on Telegram; a reply keyboard
        # belongs to the chat rather than the message, so it is neither compared nor removed.
        content["reply_markup"] = self._reply_markup(params, inline_only=True)
        current = {key: message.get(key) for key in content}
        if "inline_keyboard" not in (current["reply_markup"] or {}):
            current["reply_markup"] = None
            if content["reply_markup"] is None:
                del content["reply_markup"]
        if all(current[key] == value for key, value in content.items()):
            raise _bad_request(
                "message is not modified: specified new message content and reply markup are exactly the same "
                "as a current content and reply markup of the message"
            )
        for key, value in content.items():
            if value is None:
                message.pop(key, None)
            else:
                message[key] = value
        message["edit_date"] = int(time.time())
        self._notify(chat.info["id"])
        return self._public(message)

    def _answer_callback_query(self, params: dict) -> bool:
        query_id = str(params.get("callback_query_id", ""))
        if self._callbacks.get(query_id, True):
            raise _bad_request("query is too old and response timeout expired or query ID is invalid")
        text = str(params.get("text") or "")
        if len(text) > 200:
            raise _bad_request("MESSAGE_TOO_LONG")
        self._callbacks[query_id] = True
        self.answered_callbacks.append(
            {
                "callback_query_id": query_id,
                "text": text or None,
                "show_alert": _as_bool(params.get("show_alert")),
                "url": params.get("url"),
                "cache_time": _as_int(params.get("cache_time", 0), "cache_time"),
            }
        )
        return True

    def _set_my_commands(self, params: dict) -> bool:
        commands = _as_json(params.get("commands"), "commands")
        if not isinstance(commands, list):
            raise _bad_request('parameter "commands" is required')
        if len(commands) > 100:
            raise _bad_request("BOT_COMMANDS_TOO_MUCH")
        stored = []
        for command in commands:
            if not isinstance(command, dict) or not _COMMAND_NAME.fullmatch(str(command.get("command", ""))):
                raise _bad_request("BOT_COMMAND_INVALID")
            if not 1 <= len(str(command.get("description", ""))) <= 256:
                raise _bad_request("BOT_COMMAND_DESCRIPTION_INVALID")
            stored.append({"command": command["command"], "description": command["description"]})
        self.command_sets[self._command_key(params)] = stored
        return True

    def _get_my_commands(self, params: dict) -> list[dict]:
        return copy.deepcopy(self.command_sets.get(self._command_key(params), []))

    def _delete_my_commands(self, params: dict) -> bool:
        self.command_sets.pop(self._command_key(params), None)
        return True

    def _command_key(self, params: dict) -> tuple[str, str]:
        scope = _as_json(params.get("scope"), "scope") or {"type": "default"}
        key = "default" if scope == {"type": "default"} else json.dumps(scope, sort_keys=True)
        return key, str(params.get("language_code") or "")

    def _send_chat_action(self, params: dict) -> bool:
        chat = self._target_chat(params)
        action = str(params.get("action", ""))
        if action not in _CHAT_ACTIONS:
            raise _bad_request("wrong parameter action in request")
        self.chat_actions.append((chat.info["id"], action))
        return True

    def _create_forum_topic(self, params: dict) -> dict:
        chat = self._target_chat(params)
        if not chat.info.get("is_forum"):
            raise _bad_request("the chat is not a forum")
        name = str(params.get("name") or "")
        if not 1 <= len(name) <= 128:
            raise _bad_request("TOPIC_TITLE_EMPTY" if not name else "TOPIC_TITLE_TOO_LONG")
        topic = {"name": name, "icon_color": _as_int(params.get("icon_color", 7322096), "icon_color")}
        # The topic's thread id is the id of the service message that opens it.
        service = self._store_message(
            chat, {"from": self.bot_user, "forum_topic_created": topic, "is_topic_message": True}
        )
        service["message_thread_id"] = service["message_id"]
        chat.topics[service["message_id"]] = topic
        return {"message_thread_id": service["message_id"], **topic}

    def _delete_forum_topic(self, params: dict) -> bool:
        """Delete a topic with every message in it, as Telegram does for an admin with can_delete_messages."""
        chat = self._target_chat(params)
        thread_id = _as_int(params.get("message_thread_id"), "message_thread_id")
        if thread_id not in chat.topics:
            raise _bad_request("TOPIC_ID_INVALID")
        del chat.topics[thread_id]
        for message in [m for m in chat.messages if m.get("message_thread_id") == thread_id]:
            chat.messages.remove(message)
            del chat.by_id[message["message_id"]]
            self.deleted.append((chat.info["id"], message["message_id"]))
        self._notify()
        return True

    def _delete_message(self, params: dict) -> bool:
        chat = self._target_chat(params)
        message_id = _as_int(params.get("message_id"), "message_id")
        message = chat.by_id.get(message_id)
        # In groups a bot without admin rights may only delete its own messages.
        if message is None or (not chat.private and message.get("from", {}).get("id") != self.bot_id):
            raise _bad_request("message to delete not found" if message is None else "message can't be deleted")
        chat.messages.remove(message)
        del chat.by_id[message_id]
        self.deleted.append((chat.info["id"], message_id))
        self._notify()
        return True

    def _forward_message(self, params: dict) -> dict:
        source = self._source_message(params)
        content = self._copyable(source)
        sender = source.get("from", {})
        content["forward_origin"] = (
            {"type": "user", "date": source["date"], "sender_user": sender}
            if sender
            else {"type": "chat", "date": source["date"], "sender_chat": source["chat"]}
        )
        return self._post(params, content)

    def _copy_message(self, params: dict) -> dict:
        content = self._copyable(self._source_message(params))
        if "caption" in params:
            content.pop("caption", None)
            content.pop("caption_entities", None)
            content = self._with_caption(params, content)
        return {"message_id": self._post(params, content)["message_id"]}

    # ------------------------------------------------------------------------------------ plumbing

    def _post(self, params: dict, content: dict) -> dict:
        """Validate the common send parameters and store the bot's new message."""
        chat = self._target_chat(params)
        message: dict[str, Any] = {"from": self.bot_user, **content}
        thread_id = params.get("message_thread_id")
        if thread_id not in (None, "") and chat.info.get("is_forum"):
            thread_id = _as_int(thread_id, "message_thread_id")
            if thread_id not in chat.topics:
                raise _bad_request("message thread not found")
            message["message_thread_id"], message["is_topic_message"] = thread_id, True
        reply = _as_json(params.get("reply_parameters"), "reply_parameters") or {}
        reply_id = reply.get("message_id", params.get("reply_to_message_id"))
        if reply_id not in (None, ""):
            replied = chat.by_id.get(_as_int(reply_id, "reply_to_message_id"))
            if replied is not None:
                message["reply_to_message"] = _without_reply(replied)
            elif not (reply.get("allow_sending_without_reply") or _as_bool(params.get("allow_sending_without_reply"))):
                raise _bad_request("message to be replied not found")
        markup = self._reply_markup(params, inline_only=False)
        if markup is not None:
            message["reply_markup"] = markup
        return self._public(self._store_message(chat, message))

    def _store_message(self, chat: _Chat, message: dict) -> dict:
        message = {"message_id": chat.next_message_id, "date": int(time.time()), "chat": chat.info, **message}
        chat.next_message_id += 1
        chat.messages.append(message)
        chat.by_id[message["message_id"]] = message
        self._notify(chat.info["id"])
        return message

    def _public(self, message: dict) -> dict:
        """The message as the Bot API returns it: only inline keyboards are echoed back."""
        shown = copy.deepcopy(message)
        if "inline_keyboard" not in (shown.get("reply_markup") or {}):
            shown.pop("reply_markup", None)
        return shown

    def _user_message(
        self,
        user_id: int,
        chat_id: int | None,
        content: dict,
        reply_to: int | None = None,
        thread_id: int | None = None,
    ) -> dict:
        user = self._user(user_id)
        chat = self._chat_for(user_id, chat_id)
        message: dict[str, Any] = {"from": user, **content}
        if thread_id is not None:
            if thread_id not in chat.topics:
                raise ValueError(f"chat {chat.info['id']} has no topic {thread_id}")
            message["message_thread_id"], message["is_topic_message"] = thread_id, True
        if reply_to is not None:
            if reply_to not in chat.by_id:
                raise ValueError(f"chat {chat.info['id']} has no message {reply_to} to reply to")
            message["reply_to_message"] = _without_reply(chat.by_id[reply_to])
        chat.started = True  # writing to the bot lets it write back
        stored = self._store_message(chat, message)
        return self._enqueue({"message": self._public(stored)})

    def _enqueue(self, payload: dict) -> dict:
        update = {"update_id": next(self._update_ids), **payload}
        self._updates.append(update)
        self._notify(chats=False)
        return copy.deepcopy(update)

    def _notify(self, chat_id: int | None = None, *, chats: bool = True) -> None:
        # Waiters hold the old event; setting it wakes them and the fresh one catches the next change.
        self._changed.set()
        self._changed = asyncio.Event()
        if not chats:
            return
        keys = list(self._chat_changed) if chat_id is None else [chat_id] if chat_id in self._chat_changed else []
        for key in keys:
            self._chat_changed.pop(key).set()

    def _user(self, user_id: int) -> dict:
        if user_id not in self._users:
            raise ValueError(f"unknown user {user_id}; call add_user first")
        return self._users[user_id]

    def _private_chat(self, user_id: int) -> _Chat:
        self._user(user_id)
        return self._chats[user_id]

    def _chat_for(self, user_id: int, chat_id: int | None) -> _Chat:
        if chat_id is None:
            return self._private_chat(user_id)
        if chat_id not in self._chats:
            raise ValueError(f"unknown chat {chat_id}; call add_group first")
        return self._chats[chat_id]

    def _target_chat(self, params: dict) -> _Chat:
        """The chat a bot request addresses, refusing unknown chats and users who blocked the bot."""
        if params.get("chat_id") in (None, ""):
            raise _bad_request("chat_id is empty")
        try:
            chat = self._chats[int(params["chat_id"])]
        except (KeyError, ValueError):
            raise _bad_request("chat not found") from None
        if chat.blocked:
            raise BotAPIError(403, "Forbidden: bot was blocked by the user")
        if not chat.started:
            raise BotAPIError(403, "Forbidden: bot can't initiate conversation with a user")
        return chat

    def _editable(self, params: dict) -> tuple[_Chat, dict]:
        if params.get("inline_message_id"):
            raise _bad_request("inline messages are not supported by the emulator")
        chat = self._target_chat(params)
        message = chat.by_id.get(_as_int(params.get("message_id"), "message_id"))
        if message is None:
            raise _bad_request("message to edit not found")
        if message.get("from", {}).get("id") != self.bot_id:
            raise _bad_request("message can't be edited")
        return chat, message

    def _source_message(self, params: dict) -> dict:
        source_chat = self._chats.get(_as_int(params.get("from_chat_id"), "from_chat_id"))
        if source_chat is None:
            raise _bad_request("chat not found")
        message = source_chat.by_id.get(_as_int(params.get("message_id"), "message_id"))
        if message is None:
            raise _bad_request("message to forward not found")
        return message

    @staticmethod
    def _copyable(message: dict) -> dict:
        keys = ("text", "entities", "photo", "document", "caption", "caption_entities", "sticker", "voice")
        return {key: copy.deepcopy(message[key]) for key in keys if key in message}

    def _formatted(self, params: dict, key: str, entities_key: str, limit: int) -> tuple[str, list[dict]]:
        """Apply parse_mode (HTML is validated; explicit entities pass through), trim, and enforce the length limit."""
        raw = str(params.get(key) or "")
        mode = str(params.get("parse_mode") or "")
        if mode.upper() == "HTML":
            try:
                text, entities = parse_html(raw)
            except HTMLParseError as error:
                raise _bad_request(str(error)) from None
        elif mode and mode not in ("Markdown", "MarkdownV2"):
            raise _bad_request(f"unsupported parse_mode {mode}")
        else:
            # Markdown is kept verbatim: the emulator does not parse it.
            text, entities = raw, _as_json(params.get(entities_key), entities_key) or []
        text, entities = strip_text(text, entities)
        if utf16_len(text) > limit:
            raise _bad_request("message is too long" if key == "text" else "message caption is too long")
        return text, entities

    def _with_caption(self, params: dict, content: dict) -> dict:
        caption, entities = self._formatted(params, "caption", "caption_entities", 1024)
        if caption:
            content["caption"] = caption
            if entities:
                content["caption_entities"] = entities
        return content

    def _reply_markup(self, params: dict, *, inline_only: bool) -> dict | None:
        markup = _as_json(params.get("reply_markup"), "reply_markup")
        if not markup:
            return None
        if not isinstance(markup, dict):
            raise _bad_request("can't parse reply keyboard markup JSON object")
        if "inline_keyboard" in markup:
            rows = markup["inline_keyboard"]
            if not isinstance(rows, list) or not all(isinstance(row, list) for row in rows):
                raise _bad_request('field "inline_keyboard" of the InlineKeyboardMarkup must be an Array of Arrays')
            for button in itertools.chain.from_iterable(rows):
                if not isinstance(button, dict) or not button.get("text"):
                    raise _bad_request(
                        "BUTTON_TEXT_INVALID" if isinstance(button, dict) else "can't parse inline keyboard button"
                    )
                if "callback_data" in button and not 1 <= len(str(button["callback_data"]).encode()) <= 64:
                    raise _bad_request("BUTTON_DATA_INVALID")
                if "url" in button and not str(button["url"]).startswith(("http://", "https://", "tg://")):
                    raise _bad_request("BUTTON_URL_INVALID")
            return markup
        if inline_only:
            raise _bad_request("only inline keyboards can be edited")
        return markup

    def _input_file(self, params: dict, key: str, default_name: str, default_mime: str) -> dict:
        value = params.get(key)
        if isinstance(value, web.FileField):
            data = value.file.read()
            name = value.filename or default_name
            mime = (
                value.content_type if value.content_type not in (None, "", "application/octet-stream") else default_mime
            )
            return self._store_file(data, name, mime, "BQACAgIAAxkBAAI")
        if isinstance(value, str) and value in self._files:
            return self._files[value]
        if isinstance(value, str) and value.startswith(("http://", "https://")):
            return self._store_file(b"", value.rsplit("/", 1)[-1] or default_name, default_mime, "BQACAgIAAxkBAAI")
        if not value:
            raise _bad_request(f"there is no {key} in the request")
        raise _bad_request("wrong file identifier/HTTP URL specified")

    def _store_file(self, data: bytes, name: str, mime: str, prefix: str) -> dict:
        number = next(self._file_ids)
        file_id = f"{prefix}{number:08d}"
        file = {
            "file_id": file_id,
            "file_unique_id": "AgAD" + hashlib.sha256(data).hexdigest()[:12],
            "file_name": name,
            "mime_type": mime,
            "file_size": len(data),
            "bytes": data,
            "file_path": f"files/{number}_{name}",
        }
        self._files[file_id] = file
        return file

    def _photo_sizes(self, data: bytes, name: str, original: dict | None = None) -> list[dict]:
        original = original or self._store_file(data, name, "image/jpeg", "AgACAgIAAxkBAAI")
        sizes = []
        for width, height in ((90, 60), (320, 213), (800, 533)):
            file = original if width == 800 else self._store_file(data, name, "image/jpeg", "AgACAgIAAxkBAAI")
            sizes.append(
                {
                    "file_id": file["file_id"],
                    "file_unique_id": f"{file['file_unique_id']}{width}",
                    "file_size": len(data),
                    "width": width,
                    "height": height,
                }
            )
        return sizes


def _without_reply(message: dict) -> dict:
    """A replied-to message as Telegram nests it: without its own reply_to_message."""
    nested = copy.deepcopy(message)
    nested.pop("reply_to_message", None)
    if "inline_keyboard" not in (nested.get("reply_markup") or {}):
        nested.pop("reply_markup", None)
    return nested


def _as_int(value: Any, name: str) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        raise _bad_request(f"invalid {name} specified") from None


def _as_bool(value: Any) -> bool:
    return value is True or str(value).lower() == "true"


def _as_json(value: Any, name: str) -> Any:
    """Nested objects arrive as JSON strings in form data and as objects in JSON bodies."""
    if value is None or value == "":
        return None
    if isinstance(value, str):
        try:
            return json.loads(value)
        except ValueError:
            raise _bad_request(f"can't parse {name} JSON object") from None
    return value
