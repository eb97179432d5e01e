"""The SQLite store: every SQL statement of journeypulse lives in this package, parameterised, behind one connection.

One module per aggregate, each a part of `Store`; `inbox` and `desk` hold the Telegram-side tables only `bot/` uses.
"""

from __future__ import annotations

from surveys.store.answers import Answers
from surveys.store.complaints import Complaints
from surveys.store.database import BUSY_TIMEOUT_MS, StoreError
from surveys.store.desk import Desk
from surveys.store.inbox import Inbox
from surveys.store.invitations import Invitations
from surveys.store.leases import LEASE_TIME, Lease, Leases
from surveys.store.privacy import Privacy
from surveys.store.reporting import (
    ANSWER_FACTS,
    COMPLAINT_FACTS,
    INVITATION_ANSWERS,
    INVITATION_FACTS,
    ORDER_CHANNELS,
    REPORT_ANSWERS,
    TREND_ANSWERS,
    complaint_facts_params,
    connect_readonly,
)
from surveys.store.rows import (
    AnswerRef,
    Complaint,
    ComplaintCard,
    Customer,
    DeskNote,
    FlaggedAnswer,
    Invitation,
    Order,
    ScoredAnswer,
    SetAside,
    StaffReply,
    Vitals,
    from_text,
    to_text,
)
from surveys.store.schema import MIGRATIONS, SECURE_SCHEMA


class Store(Complaints, Privacy, Invitations, Answers, Desk, Inbox, Leases):
    """The whole store: one database object over every aggregate."""


__all__ = [
    "ANSWER_FACTS",
    "BUSY_TIMEOUT_MS",
    "COMPLAINT_FACTS",
    "INVITATION_ANSWERS",
    "INVITATION_FACTS",
    "LEASE_TIME",
    "MIGRATIONS",
    "ORDER_CHANNELS",
    "REPORT_ANSWERS",
    "SECURE_SCHEMA",
    "AnswerRef",
    "TREND_ANSWERS",
    "Complaint",
    "ComplaintCard",
    "Customer",
    "DeskNote",
    "FlaggedAnswer",
    "Invitation",
    "Lease",
    "Order",
    "ScoredAnswer",
    "SetAside",
    "StaffReply",
    "Store",
    "StoreError",
    "Vitals",
    "complaint_facts_params",
    "connect_readonly",
    "from_text",
    "to_text",
]
