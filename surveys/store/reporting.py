"""Read-only reporting queries that analysis/ runs with pandas on a separate connection."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

from surveys.complaints import OPEN_STATES, TRANSITIONS, Action
from surveys.store.database import StoreError
from surveys.store.rows import _marks, to_text

ANSWER_FACTS = """
SELECT a.id AS answer_id, o.order_ref AS order_id, o.customer_id, i.id AS invitation_id, i.survey,
       a.question_id, a.stage, a.question_type, a.value_number, a.value_text, a.skipped,
       a.language, a.answered_at, a.sentiment, a.subjectivity, a.text_language, a.scorer
FROM answers a JOIN invitations i ON i.id = a.invitation_id JOIN orders o ON o.id = i.order_id
WHERE a.answered_at >= ? AND a.answered_at < ?
"""

INVITATION_FACTS = """
SELECT i.id AS invitation_id, i.survey, o.customer_id, c.language, i.sent_at, i.completed_at,
       (SELECT a.value_text FROM answers a JOIN invitations p ON p.id = a.invitation_id
         WHERE p.order_id = i.order_id AND a.question_id = 'channel' AND NOT a.skipped) AS channel
FROM invitations i JOIN orders o ON o.id = i.order_id LEFT JOIN customers c ON c.id = o.customer_id
WHERE i.sent_at >= ? AND i.sent_at < ?
"""

# The channel of each order with an answer in [start, end): the channel may have been answered earlier.
ORDER_CHANNELS = """
SELECT i.order_id, o.order_ref AS order_id_ref, a.value_text AS channel
FROM answers a JOIN invitations i ON i.id = a.invitation_id JOIN orders o ON o.id = i.order_id
WHERE a.question_id = 'channel' AND NOT a.skipped
  AND i.order_id IN (SELECT p.order_id FROM answers b JOIN invitations p ON p.id = b.invitation_id
                     WHERE b.answered_at >= ? AND b.answered_at < ?)
"""


def connect_readonly(path: str | Path) -> sqlite3.Connection:
    """Open the database read-only for reports (WAL lets it read while the bot writes)."""
    if not Path(path).exists():
        raise StoreError(f"database {path} does not exist")
    return sqlite3.connect(f"file:{Path(path).resolve()}?mode=ro", uri=True)


# One row per (invitation sent in the range, answer given to it), for response rate, completion and drop-off.
INVITATION_ANSWERS = """
SELECT i.id AS invitation_id, i.survey, i.sent_at, i.completed_at, a.question_id, a.skipped
FROM invitations i LEFT JOIN answers a ON a.invitation_id = i.id
WHERE i.sent_at >= ? AND i.sent_at < ?
"""


# Complaints opened in the range, and every complaint opened before its end that is still not resolved.
# Its parameters come from complaint_facts_params.
COMPLAINT_FACTS = f"""
SELECT c.id AS complaint_id, c.state, c.opened_at, c.first_reply_at, c.confirmed,
       (SELECT min(e.at) FROM complaint_events e WHERE e.complaint_id = c.id AND e.kind = ?)
           AS first_resolved_at,
       (SELECT group_concat(DISTINCT a.stage) FROM complaint_flags f JOIN answers a ON a.id = f.answer_id
         WHERE f.complaint_id = c.id) AS stages
FROM complaints c
WHERE c.opened_at < ? AND (c.opened_at >= ? OR c.state IN ({_marks(OPEN_STATES)}))
"""


def complaint_facts_params(start: datetime, end: datetime) -> tuple[str, ...]:
    """The parameters of COMPLAINT_FACTS for complaints of [start, end)."""
    return (TRANSITIONS[Action.RESOLVE].event, to_text(end), to_text(start), *OPEN_STATES)


# Narrow answer rows for the weekly trend: only what per-stage figures need, no joins and no free texts.
TREND_ANSWERS = """
SELECT substr(answered_at, 1, 10) AS day, stage, question_type, value_number, sentiment,
       CASE WHEN question_type = 'choice' THEN value_text END AS choice
FROM answers WHERE answered_at >= ? AND answered_at < ? AND NOT skipped
"""

# The answers of the report's weeks, only the columns the report uses; skipped answers are left out.
REPORT_ANSWERS = """
SELECT i.order_id, a.invitation_id, i.survey, a.stage, a.question_type, a.value_number, a.value_text,
       a.language, substr(a.answered_at, 1, 10) AS day, a.sentiment, a.text_language, a.scorer, a.topics
FROM answers a JOIN invitations i ON i.id = a.invitation_id
WHERE a.answered_at >= ? AND a.answered_at < ? AND NOT a.skipped
"""
