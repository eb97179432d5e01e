"""Every callback-data format the bot issues: one dataclass per prefix, with build, parse and pattern."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import ClassVar

from surveys.complaints import Action

MAX_BYTES = 64  # Telegram refuses longer callback data, so longer data was never issued by us
MAX_ID = 2**63  # SQLite integers are 64-bit: a larger id is forged


def _parts(data: str | None, prefix: str, count: int) -> list[str] | None:
    """Split data of one prefix into its fields, or None when it is not ours."""
    if not data or len(data.encode()) > MAX_BYTES:
        return None
    parts = data.split("|")
    if parts[0] != prefix or len(parts) != count + 1:
        return None
    return parts[1:]


def _id(field: str) -> int | None:
    """Read a database id from a field, or None when it cannot be one."""
    if not (field.isascii() and field.isdigit()) or field.startswith("0"):  # only the digits we issue
        return None
    value = int(field)
    return value if 0 < value < MAX_ID else None


@dataclass(frozen=True)
class Answer:
    """A score or choice button of a question: `a|invitation|question|value`."""

    invitation_id: int
    question_id: str
    value: str
    prefix: ClassVar[str] = "a"
    regex: ClassVar[str] = r"a\|"  # what bot/routes.py routes to the handler

    def build(self) -> str:
        return f"a|{self.invitation_id}|{self.question_id}|{self.value}"

    @classmethod
    def parse(cls, data: str | None) -> Answer | None:
        parts = _parts(data, cls.prefix, 3)
        invitation_id = _id(parts[0]) if parts else None
        return cls(invitation_id, parts[1], parts[2]) if parts and invitation_id else None


@dataclass(frozen=True)
class Skip:
    """The skip button of a question: `s|invitation|question`."""

    invitation_id: int
    question_id: str
    prefix: ClassVar[str] = "s"
    regex: ClassVar[str] = r"s\|"  # what bot/routes.py routes to the handler

    def build(self) -> str:
        return f"s|{self.invitation_id}|{self.question_id}"

    @classmethod
    def parse(cls, data: str | None) -> Skip | None:
        parts = _parts(data, cls.prefix, 2)
        invitation_id = _id(parts[0]) if parts else None
        return cls(invitation_id, parts[1]) if parts and invitation_id else None


@dataclass(frozen=True)
class Language:
    """A language button of /language: `l|code` (the handler checks the code is supported)."""

    code: str
    prefix: ClassVar[str] = "l"
    regex: ClassVar[str] = r"l\|"  # what bot/routes.py routes to the handler

    def build(self) -> str:
        return f"l|{self.code}"

    @classmethod
    def parse(cls, data: str | None) -> Language | None:
        parts = _parts(data, cls.prefix, 1)
        return cls(parts[0]) if parts and parts[0] else None


@dataclass(frozen=True)
class Forget:
    """The customer's answer to /forget: `f|yes` or `f|no`."""

    confirmed: bool
    prefix: ClassVar[str] = "f"
    regex: ClassVar[str] = r"f\|(yes|no)$"  # what bot/routes.py routes to the handler

    def build(self) -> str:
        return "f|yes" if self.confirmed else "f|no"

    @classmethod
    def parse(cls, data: str | None) -> Forget | None:
        parts = _parts(data, cls.prefix, 1)
        return cls(parts[0] == "yes") if parts and parts[0] in ("yes", "no") else None


@dataclass(frozen=True)
class Confirmation:
    """The customer's answer to "was your issue resolved?": `c|complaint|yes` or `c|complaint|no`."""

    complaint_id: int
    fixed: bool
    prefix: ClassVar[str] = "c"
    regex: ClassVar[str] = r"c\|"  # what bot/routes.py routes to the handler

    def build(self) -> str:
        return f"c|{self.complaint_id}|{'yes' if self.fixed else 'no'}"

    @classmethod
    def parse(cls, data: str | None) -> Confirmation | None:
        parts = _parts(data, cls.prefix, 2)
        complaint_id = _id(parts[0]) if parts else None
        if not parts or complaint_id is None or parts[1] not in ("yes", "no"):
            return None
        return cls(complaint_id, parts[1] == "yes")


@dataclass(frozen=True)
class Desk:
    """A staff button on a complaint card: `d|complaint|action`."""

    complaint_id: int
    action: Action  # surveys.complaints owns the actions: a new one needs no change here
    prefix: ClassVar[str] = "d"
    regex: ClassVar[str] = r"d\|"  # what bot/routes.py routes to the handler

    def build(self) -> str:
        return f"d|{self.complaint_id}|{self.action}"

    @classmethod
    def parse(cls, data: str | None) -> Desk | None:
        parts = _parts(data, cls.prefix, 2)
        complaint_id = _id(parts[0]) if parts else None
        if not parts or complaint_id is None or parts[1] not in set(Action):
            return None
        return cls(complaint_id, Action(parts[1]))


def pattern(*formats: type[Answer | Skip | Language | Forget | Confirmation | Desk]) -> re.Pattern[str]:
    """The pattern a CallbackQueryHandler registers for data of these formats."""
    return re.compile("^(?:" + "|".join(f.regex for f in formats) + ")")
