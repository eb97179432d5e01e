"""Answers: recorded once each, their readings, what they flag, and the export."""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from datetime import datetime

from surveys.definitions import Question
from surveys.engine import AnswerValue
from surveys.reading import Reading
from surveys.store.database import Database
from surveys.store.rows import AnswerRef, ScoredAnswer, _reading_columns, columns, from_row, to_text

# The answers export's columns, in the order export_rows selects them.
ANSWER_COLUMNS = (
    "order_id",
    "survey",
    "question_id",
    "stage",
    "type",
    "answer",
    "skipped",
    "language",
    "answered_at",
    "sentiment",
    "text_language",
    "feeling",
    "complaint",
    "topics",
)


class Answers(Database):
    """The store's part for answers: recorded once each, their readings, what they flag, and the export."""

    async def record_answer(
        self,
        invitation_id: int,
        question: Question,
        value: AnswerValue,
        language: str,
        now: datetime,
        reading: Reading | None = None,
        source_message_id: int | None = None,
        completes: bool = False,
    ) -> bool:
        """Store one answer with its reading (and finish the survey when it `completes` it); False when given already."""
        insert = (
            "INSERT INTO answers (invitation_id, question_id, stage, question_type, value_number, value_text,"
            " skipped, language, answered_at, sentiment, subjectivity, text_language, scorer, feeling, topics,"
            " complaint, source_message_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT (invitation_id, question_id) DO NOTHING"
        )
        params = (
            invitation_id,
            question.id,
            question.stage,
            question.type,
            value.number,
            value.text,
            int(value.skipped),
            language,
            to_text(now),
            *_reading_columns(reading),
            source_message_id,
        )
        if not completes:
            return await self._write(insert, params) == 1
        async with self._transaction() as db:
            cursor = await db.execute(insert, params)
            if cursor.rowcount != 1:
                return False
            await db.execute(
                "UPDATE invitations SET completed_at = ? WHERE id = ? AND completed_at IS NULL",
                (to_text(now), invitation_id),
            )
            return True

    async def answer_from_message(self, customer_id: int, message_id: int) -> AnswerRef | None:
        """Return which question a customer's chat message already answered, if it did."""
        row = await self._one(
            f"SELECT {columns(AnswerRef, 'a')} FROM answers a JOIN invitations i ON i.id = a.invitation_id"
            " JOIN orders o ON o.id = i.order_id WHERE o.customer_id = ? AND a.source_message_id = ?"
            " ORDER BY a.id DESC LIMIT 1",
            (customer_id, message_id),
        )
        return from_row(AnswerRef, row) if row else None

    async def answers(self, invitation_id: int) -> dict[str, AnswerValue]:
        """Return the answers given to one invitation so far, by question id."""
        rows = await self._all(
            "SELECT question_id, value_number, value_text, skipped FROM answers WHERE invitation_id = ?",
            (invitation_id,),
        )
        return {r[0]: AnswerValue(r[1], r[2], bool(r[3])) for r in rows}

    async def export_rows(self) -> AsyncIterator[dict]:
        """Yield one dict per answer, oldest first, for export."""
        sql = (
            "SELECT o.order_ref, i.survey, a.question_id, a.stage, a.question_type,"
            " CASE WHEN a.skipped THEN '' WHEN a.value_number IS NOT NULL"
            " THEN CAST(CAST(a.value_number AS INTEGER) AS TEXT) ELSE a.value_text END,"
            " a.skipped, a.language, a.answered_at, a.sentiment, a.text_language, a.feeling, a.complaint, a.topics"
            " FROM answers a JOIN invitations i ON i.id = a.invitation_id JOIN orders o ON o.id = i.order_id"
            " ORDER BY a.answered_at, a.id"
        )
        async with self._db.execute(sql) as cursor:
            async for row in cursor:
                yield dict(zip(ANSWER_COLUMNS, row, strict=True))

    async def unscored_texts(self, all_texts: bool = False) -> list[tuple[int, str]]:
        """Return (answer id, text) of text answers, only those never read for complaints unless `all_texts`."""
        where = "" if all_texts else " AND complaint IS NULL"
        return [
            (r[0], r[1])
            for r in await self._all(
                f"SELECT id, value_text FROM answers WHERE question_type = 'text' AND NOT skipped{where}"
            )
        ]

    async def set_readings(self, readings: Sequence[tuple[int, Reading]]) -> None:
        """Store the reading (score, feeling, topics, complaint) of many text answers, by answer id."""
        async with self._transaction() as db:
            await db.executemany(
                "UPDATE answers SET sentiment = ?, subjectivity = ?, text_language = ?, scorer = ?, feeling = ?,"
                " topics = ?, complaint = ? WHERE id = ?",
                [(*_reading_columns(reading), answer_id) for answer_id, reading in readings],
            )

    async def scored_answers(self, invitation_id: int) -> list[ScoredAnswer]:
        """Return the answers of one invitation with their sentiment, in the order given."""
        rows = await self._all(
            f"SELECT {columns(ScoredAnswer)} FROM answers WHERE invitation_id = ? AND NOT skipped ORDER BY id",
            (invitation_id,),
        )
        return [from_row(ScoredAnswer, r) for r in rows]
