"""Batch scoring: score any CSV of texts, and re-score stored answers after a scorer changes."""

from __future__ import annotations

from pathlib import Path

from tqdm import tqdm

from analysis.sentiment import score_text
from surveys.export import CsvFileError, read_csv, write_csv
from surveys.store import Store


class ScoringInputError(ValueError):
    """The input CSV cannot be read or lacks the text column."""


def score_csv(source: Path, column: str, target: Path, progress: bool = True) -> int:
    """Copy a CSV adding `language` and `sentiment` (empty when not scored); return the row count."""
    try:
        columns, lines = read_csv(source)  # strict: a malformed row fails naming its line, nothing is written
    except CsvFileError as exc:
        raise ScoringInputError(str(exc)) from None
    if column not in columns:
        raise ScoringInputError(f"{source}: no column {column!r} (columns: {', '.join(columns) or 'none'})")
    rows = [row for _, row in lines]
    for row in tqdm(rows, desc="scoring", unit="text", disable=not progress or len(rows) < 1000):
        score = score_text(row.get(column) or "")
        row["language"] = score.language
        row["sentiment"] = "" if score.polarity is None else round(score.polarity, 4)
    extra = [name for name in ("language", "sentiment") if name not in columns]
    return write_csv(target, columns + extra, rows)


async def rescore(store: Store, everything: bool = True, progress: bool = True) -> int:
    """Score stored text answers again (all, or only unscored ones); return how many were scored."""
    texts = await store.unscored_texts(all_texts=everything)
    scores = []
    for answer_id, text in tqdm(texts, desc="rescoring", unit="answer", disable=not progress or len(texts) < 1000):
        s = score_text(text or "")
        scores.append((s.polarity, s.subjectivity, s.language, s.scorer, answer_id))
    await store.set_scores(scores)
    return len(scores)
