"""The schema as ordered migrations: entry N brings the database to `PRAGMA user_version` N + 1."""

from __future__ import annotations

_LINK_VERSION = """
        ALTER TABLE orders ADD COLUMN link_version INTEGER NOT NULL DEFAULT 0;
    """


# Ordered schema changes; entry N brings the database to `PRAGMA user_version` N + 1.
MIGRATIONS: list[str] = [
    """
        CREATE TABLE customers (
            id INTEGER PRIMARY KEY,
            telegram_user_id INTEGER NOT NULL UNIQUE,
            chat_id INTEGER NOT NULL,
            first_name TEXT,
            language TEXT NOT NULL DEFAULT 'en',
            stopped_at TEXT,
            unreachable_at TEXT,
            created_at TEXT NOT NULL
        );
        CREATE TABLE orders (
            id INTEGER PRIMARY KEY,
            order_ref TEXT NOT NULL UNIQUE,
            customer_name TEXT,
            purchased_at TEXT NOT NULL,
            customer_id INTEGER REFERENCES customers(id),
            created_at TEXT NOT NULL
        );
        CREATE TABLE invitations (
            id INTEGER PRIMARY KEY,
            order_id INTEGER NOT NULL REFERENCES orders(id),
            survey TEXT NOT NULL,
            due_at TEXT NOT NULL,
            sent_at TEXT,
            reminder_due_at TEXT,
            reminded_at TEXT,
            completed_at TEXT,
            asked_question_id TEXT,
            asked_message_id INTEGER,
            created_at TEXT NOT NULL,
            UNIQUE (order_id, survey)
        );
        CREATE INDEX invitations_due ON invitations (due_at) WHERE sent_at IS NULL;
        CREATE INDEX invitations_reminder ON invitations (reminder_due_at)
            WHERE reminded_at IS NULL AND completed_at IS NULL;
        CREATE TABLE answers (
            id INTEGER PRIMARY KEY,
            invitation_id INTEGER NOT NULL REFERENCES invitations(id),
            question_id TEXT NOT NULL,
            stage TEXT NOT NULL,
            question_type TEXT NOT NULL,
            value_number REAL,
            value_text TEXT,
            skipped INTEGER NOT NULL DEFAULT 0,
            language TEXT NOT NULL,
            answered_at TEXT NOT NULL,
            sentiment REAL,
            subjectivity REAL,
            text_language TEXT,
            scorer TEXT,
            source_message_id INTEGER,
            UNIQUE (invitation_id, question_id)
        );
        CREATE INDEX answers_answered_at ON answers (answered_at);
        CREATE TABLE inbox (
            update_id INTEGER PRIMARY KEY,
            payload TEXT NOT NULL,
            received_at TEXT NOT NULL,
            processed_at TEXT
        );
        CREATE INDEX inbox_pending ON inbox (update_id) WHERE processed_at IS NULL;
    """,
    """
        CREATE TABLE complaints (
            id INTEGER PRIMARY KEY,
            invitation_id INTEGER NOT NULL UNIQUE REFERENCES invitations(id),
            customer_id INTEGER NOT NULL REFERENCES customers(id),
            state TEXT NOT NULL DEFAULT 'open',
            opened_at TEXT NOT NULL,
            touched_at TEXT NOT NULL,
            assignee_id INTEGER,
            assignee_name TEXT,
            first_reply_at TEXT,
            resolved_at TEXT,
            confirmed INTEGER,
            confirmed_at TEXT,
            escalated_at TEXT,
            card_claimed_at TEXT,
            card_chat_id INTEGER,
            card_message_id INTEGER,
            thread_id INTEGER,
            card_dirty INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX complaints_state ON complaints (state, opened_at);
        CREATE TABLE complaint_flags (
            complaint_id INTEGER NOT NULL REFERENCES complaints(id) ON DELETE CASCADE,
            answer_id INTEGER NOT NULL UNIQUE REFERENCES answers(id) ON DELETE CASCADE,
            reasons TEXT NOT NULL
        );
        CREATE TABLE complaint_events (
            id INTEGER PRIMARY KEY,
            complaint_id INTEGER NOT NULL REFERENCES complaints(id) ON DELETE CASCADE,
            at TEXT NOT NULL,
            kind TEXT NOT NULL,
            actor_id INTEGER,
            actor_name TEXT,
            detail TEXT
        );
        CREATE INDEX complaint_events_complaint ON complaint_events (complaint_id, at);
        CREATE TABLE desk_messages (
            chat_id INTEGER NOT NULL,
            message_id INTEGER NOT NULL,
            complaint_id INTEGER NOT NULL REFERENCES complaints(id) ON DELETE CASCADE,
            PRIMARY KEY (chat_id, message_id)
        );
        CREATE TABLE desk_notes (
            id INTEGER PRIMARY KEY,
            complaint_id INTEGER NOT NULL REFERENCES complaints(id) ON DELETE CASCADE,
            body TEXT NOT NULL,
            created_at TEXT NOT NULL,
            claimed_at TEXT,
            message_id INTEGER
        );
        CREATE INDEX desk_notes_unsent ON desk_notes (id) WHERE claimed_at IS NULL;
        ALTER TABLE orders ADD COLUMN forgotten_at TEXT;
    """,
    """
        CREATE TABLE digests (
            week TEXT NOT NULL,
            manager_id INTEGER NOT NULL,
            sent_at TEXT NOT NULL,
            PRIMARY KEY (week, manager_id)
        );
    """,
    """
        ALTER TABLE complaint_events ADD COLUMN chat_id INTEGER;
        ALTER TABLE complaint_events ADD COLUMN message_id INTEGER;
        CREATE UNIQUE INDEX complaint_events_message ON complaint_events (chat_id, message_id)
            WHERE message_id IS NOT NULL;
    """,
    # The reading of a text answer: feeling ('negative'|'neutral'|'positive'|'none', NULL when not scored),
    # topic keys (';'-joined, '' when none) and whether the text alone is a complaint (0/1).
    """
        ALTER TABLE answers ADD COLUMN feeling TEXT;
        ALTER TABLE answers ADD COLUMN topics TEXT;
        ALTER TABLE answers ADD COLUMN complaint INTEGER;
    """,
    # The version of an order's deep link: `orders relink` raises it, so a forwarded link stops working.
    _LINK_VERSION,
    # Shop webhook deliveries already taken (Shopify and WooCommerce retry, and may repeat a delivery).
    """
        CREATE TABLE shop_deliveries (
            platform TEXT NOT NULL,
            delivery_id TEXT NOT NULL,
            received_at TEXT NOT NULL,
            PRIMARY KEY (platform, delivery_id)
        );
    """,
    # Ids shown in links and buttons (orders, invitations, complaints) and queued notes are never reused
    # (AUTOINCREMENT: tables rebuilt, rows kept); one lease table for every claim; inbox retries and
    # updates or messages set aside for staff; refusals in the support chat queued like notes.
    """
        CREATE TABLE orders_new (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            order_ref TEXT NOT NULL UNIQUE,
            customer_name TEXT,
            purchased_at TEXT NOT NULL,
            customer_id INTEGER REFERENCES customers(id),
            created_at TEXT NOT NULL,
            forgotten_at TEXT,
            link_version INTEGER NOT NULL DEFAULT 0
        );
        INSERT INTO orders_new SELECT id, order_ref, customer_name, purchased_at, customer_id, created_at, forgotten_at,
            link_version FROM orders;
        DROP TABLE orders;
        ALTER TABLE orders_new RENAME TO orders;
        CREATE TABLE invitations_new (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            order_id INTEGER NOT NULL REFERENCES orders(id),
            survey TEXT NOT NULL,
            due_at TEXT NOT NULL,
            sent_at TEXT,
            reminder_due_at TEXT,
            reminded_at TEXT,
            completed_at TEXT,
            asked_question_id TEXT,
            asked_message_id INTEGER,
            created_at TEXT NOT NULL,
            UNIQUE (order_id, survey)
        );
        INSERT INTO invitations_new SELECT id, order_id, survey, due_at, sent_at, reminder_due_at, reminded_at,
            completed_at, asked_question_id, asked_message_id, created_at FROM invitations;
        DROP TABLE invitations;
        ALTER TABLE invitations_new RENAME TO invitations;
        CREATE INDEX invitations_due ON invitations (due_at) WHERE sent_at IS NULL;
        CREATE INDEX invitations_reminder ON invitations (reminder_due_at)
            WHERE reminded_at IS NULL AND completed_at IS NULL;
        CREATE TABLE complaints_new (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            invitation_id INTEGER NOT NULL UNIQUE REFERENCES invitations(id),
            customer_id INTEGER NOT NULL REFERENCES customers(id),
            state TEXT NOT NULL DEFAULT 'open',
            opened_at TEXT NOT NULL,
            touched_at TEXT NOT NULL,
            assignee_id INTEGER,
            assignee_name TEXT,
            first_reply_at TEXT,
            resolved_at TEXT,
            confirmed INTEGER,
            confirmed_at TEXT,
            escalated_at TEXT,
            card_chat_id INTEGER,
            card_message_id INTEGER,
            thread_id INTEGER,
            card_dirty INTEGER NOT NULL DEFAULT 0,
            confirmation_due INTEGER NOT NULL DEFAULT 0
        );
        INSERT INTO complaints_new (id, invitation_id, customer_id, state, opened_at, touched_at, assignee_id,
            assignee_name, first_reply_at, resolved_at, confirmed, confirmed_at, escalated_at, card_chat_id,
            card_message_id, thread_id, card_dirty) SELECT id, invitation_id, customer_id, state, opened_at, touched_at, assignee_id,
            assignee_name, first_reply_at, resolved_at, confirmed, confirmed_at, escalated_at, card_chat_id,
            card_message_id, thread_id, card_dirty FROM complaints;
        DROP TABLE complaints;
        ALTER TABLE complaints_new RENAME TO complaints;
        CREATE INDEX complaints_state ON complaints (state, opened_at);
        CREATE INDEX complaints_card ON complaints (id) WHERE card_message_id IS NULL;
        CREATE TABLE desk_notes_new (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            complaint_id INTEGER REFERENCES complaints(id) ON DELETE CASCADE,
            body TEXT NOT NULL,
            created_at TEXT NOT NULL,
            message_id INTEGER,
            chat_id INTEGER,
            reply_to INTEGER,
            thread_id INTEGER,
            recipient_id INTEGER,
            set_aside_at TEXT
        );
        INSERT INTO desk_notes_new (id, complaint_id, body, created_at, message_id)
            SELECT id, complaint_id, body, created_at, message_id FROM desk_notes;
        DROP TABLE desk_notes;
        ALTER TABLE desk_notes_new RENAME TO desk_notes;
        CREATE INDEX desk_notes_unsent ON desk_notes (id) WHERE message_id IS NULL AND set_aside_at IS NULL;
        CREATE TABLE leases (
            kind TEXT NOT NULL,
            item TEXT NOT NULL,
            until TEXT NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 1,
            PRIMARY KEY (kind, item)
        ) WITHOUT ROWID;
        ALTER TABLE inbox ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE inbox ADD COLUMN retry_at TEXT;
        CREATE TABLE set_aside (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            kind TEXT NOT NULL,
            item TEXT NOT NULL,
            reason TEXT NOT NULL,
            at TEXT NOT NULL
        );
    """,
]


# From this schema on the database runs with secure_delete: an older one is vacuumed once on upgrade,
# so what earlier erasures left in free pages goes too.
SECURE_SCHEMA = MIGRATIONS.index(_LINK_VERSION) + 1
