"""Batch scoring: score any CSV of texts, and re-score stored answers after a scorer changes."""

from __future__ import annotations

from pathlib import Path

from tqdm import tqdm

from analysis.reading import read_text
from analysis.topics import Taxonomy
from surveys.export import CsvFileError, read_csv, write_csv
from surveys.store import Store


class ScoringInputError(ValueError):
    """The input CSV cannot be read or lacks the text column."""


# Columns `journeypulse sentiment` adds, last and in this order; an input column of the same name is kept as
# "input_<name>" (a labelled file's own `feeling` or `complaint` column survives beside the reading).
READING_COLUMNS = ("language", "sentiment", "feeling", "complaint", "topics")


def _kept_name(name: str, taken: set[str]) -> str:
    """The header an input column keeps: its own, or "input_<name>" when a reading column has that name."""
    while name in READING_COLUMNS or name in taken:
        name = f"input_{name}"
    return name


def score_csv(source: Path, column: str, target: Path, progress: bool = True, taxonomy: Taxonomy | None = None) -> int:
    """Copy a CSV, same delimiter, adding language, sentiment, feeling, complaint (1/0) and topics; return rows."""
    try:
        table = read_csv(source)  # strict: a malformed row fails naming its line, nothing is written
    except CsvFileError as exc:
        raise ScoringInputError(str(exc)) from None
    columns = table.columns
    if column not in columns:
        raise ScoringInputError(f"{source}: no column {column!r} (columns: {', '.join(columns) or 'none'})")
    kept: dict[str, str] = {}
    for name in columns:
        kept[name] = _kept_name(name, set(kept.values()) | (set(columns) - {name}))
    rows = [{kept[name]: value for name, value in row.items()} for _, row in table.rows]
    for row in tqdm(rows, desc="scoring", unit="text", disable=not progress or len(rows) < 1000):
        reading = read_text(row.get(kept[column]) or "", taxonomy)
        score = reading.score
        row["language"] = score.language
        row["sentiment"] = "" if score.polarity is None else round(score.polarity, 4)
        row["feeling"] = "" if score.feeling is None else score.feeling.value
        row["complaint"] = int(reading.complaint)
        row["topics"] = ";".join(reading.topics)
    return write_csv(target, [kept[name] for name in columns] + list(READING_COLUMNS), rows, table.delimiter)


async def rescore(
    store: Store, everything: bool = True, progress: bool = True, taxonomy: Taxonomy | None = None
) -> int:
    """Read stored text answers again (all, or only unscored ones): score, feeling, topics, complaint; return how many."""
    texts = await store.unscored_texts(all_texts=everything)
    readings = []
    for answer_id, text in tqdm(texts, desc="rescoring", unit="answer", disable=not progress or len(texts) < 1000):
        readings.append((answer_id, read_text(text or "", taxonomy)))
    await store.set_readings(readings)
    return len(readings)
