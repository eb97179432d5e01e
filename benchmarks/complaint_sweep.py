"""Sweep candidate complaint readers through the whole desk, on fresh `rules` answers no reader trained on.

Example:
    .venv/bin/python benchmarks/complaint_sweep.py zh --from-line 5867            # the ninth session's fresh rows
    .venv/bin/python benchmarks/complaint_sweep.py en --from-line 5867 --only refit "guard, unhappy 0.1"

Each candidate refits the language's complaint reader (and guard reader) by a recipe, plugs it into read_text in
place of the shipped one, and prints the desk's recall, false flags and declines flagged on the evaluated answers:
the `rules` rows of benchmarks/data/survey_answers.csv (after line --from-line, the CSV's 0-based row index), which
no candidate trains on; plus the share of 1,500 off-domain validation texts flagged (GoEmotions comments for en/ru,
short positive shop reviews for zh), which no candidate fits on. `heldout` rows are never read. The ninth session
chose the Chinese guard reader and train_complaints.UNHAPPY_NEEDS with it (docs/reading-log.md, "Ninth session").
Needs scikit-learn and ../shared/data, as train_complaints.py does.
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
from dataclasses import dataclass

import numpy as np
import pandas as pd
import train_complaints as trainer  # a sibling script: benchmarks/ is on sys.path when run as a script
from complaint_flags import stored

import analysis.complaint_model as complaint_model
from analysis.complaint_model import ComplaintModel
from analysis.reading import read_text
from surveys.complaints import FlagRules

VALIDATION_TEXTS = 1500


@dataclass(frozen=True)
class Candidate:
    """One recipe for a language's complaint readers and the decision around them."""

    name: str
    splits: tuple[str, ...] = ()  # the survey splits both readers learn from (none given: the shipped ones, per reader)
    off_domain_weight: float = 0.0  # the negative-text reader also learns off-domain non-complaints, each this much
    review_weight: float = 0.0  # zh: short shop reviews as weak labels (negative = complaint), each this much
    c: float | None = None  # None: the shipped C of the language (trainer.c_of)
    threshold: float = trainer.CHOICE["threshold"]
    unhappy_needs: float | None = None  # UNHAPPY also needs the reader's probability above this (None: as shipped)
    survey_guard: bool = False  # the guard reader learns from the survey answers alone (as the shipped zh one does)
    guard: bool = True  # False: no guard reader, so no neutral or positive text is read by a model


CANDIDATES = (
    Candidate("refit"),  # the shipped recipe
    Candidate("no guard", guard=False),
    Candidate("no unhappy gate", unhappy_needs=0.0),
    Candidate("dev+rules", splits=("dev", "rules")),
    Candidate("off-domain 0.1", off_domain_weight=0.1),
    Candidate("off-domain 0.3", off_domain_weight=0.3),
    Candidate("C 4", c=4.0),
    Candidate("threshold 0.5", threshold=0.5),
    Candidate("unhappy 0.1", unhappy_needs=0.1),
    Candidate("guard", survey_guard=True),
    Candidate("guard, unhappy 0.1", survey_guard=True, unhappy_needs=0.1),
    Candidate("guard, unhappy 0.1, threshold 0.5", survey_guard=True, unhappy_needs=0.1, threshold=0.5),
    Candidate("reviews 0.05, guard", review_weight=0.05, survey_guard=True),
)


@dataclass
class Data:
    """The survey rows of one language, the evaluated part, and the off-domain fitting and validation texts."""

    language: str
    rows: pd.DataFrame
    evaluated: pd.DataFrame
    fitting: list[str]
    validation: pd.DataFrame


def load(language: str, from_line: int) -> Data:
    """Read the survey answers (never heldout ones into the evaluation) and split off the off-domain validation texts."""
    frame = pd.read_csv(trainer.SURVEY_ANSWERS, keep_default_na=False, dtype=str)
    frame["line"] = range(len(frame))
    frame = frame[frame["language"] == language]
    evaluated = frame[(frame["split"] == "rules") & (frame["line"] >= from_line)]
    validation = trainer.off_domain_rows(language, validation=True)
    validation = validation.sample(n=min(VALIDATION_TEXTS, len(validation)), random_state=1)
    unseen = set(validation["text"])
    fitting = [t for t in trainer.off_domain_rows(language)["text"] if t not in unseen]
    return Data(language, frame, evaluated, fitting, validation)


def _short_reviews(unseen: set[str]) -> tuple[list[str], list[int]]:
    """Short Chinese shop reviews kept in training, as (text, 1 for a negative review)."""
    from train_sentiment import is_held_out

    frame = pd.read_csv(trainer.DATA_DIR / "zh/online_shopping_dev.csv", keep_default_na=False, dtype=str)
    frame = frame[frame["text"].str.len() <= trainer.SHORT_REVIEW]
    frame = frame[[not is_held_out(t) and t not in unseen for t in frame["text"]]]
    return list(frame["text"]), [1 if label == "0" else 0 for label in frame["label"]]


def _fitting_rows(data: Data, splits: tuple[str, ...]) -> tuple[list[str], list[int], list[float]]:
    """The texts, labels and row weights of the survey rows of `splits` that are not evaluated."""
    rows = data.rows[data.rows["split"].isin(splits) & ~data.rows["text"].isin(set(data.evaluated["text"]))]
    # the declines weigh as in the shipped readers
    return (
        list(rows["text"]),
        [int(c == "1") for c in rows["complaint"]],
        list(trainer.row_weights(data.language, rows)),
    )


def build(data: Data, candidate: Candidate) -> ComplaintModel:
    """Fit the candidate's readers on the survey rows it may use (never the evaluated ones)."""
    texts, ys, row_weight = _fitting_rows(data, candidate.splits or trainer.reader_splits(data.language))
    c = candidate.c or trainer.c_of(data.language)
    if candidate.review_weight:
        extra, labels = _short_reviews(set(data.validation["text"]))
        weights = trainer.balanced_weights(ys, row_weight)
        tfidf, model = trainer.pipeline(data.language, c, balanced=False)
        matrix = tfidf.fit_transform(texts + extra)
        model.fit(matrix, ys + labels, sample_weight=np.array(weights + [candidate.review_weight] * len(extra)))
    elif candidate.off_domain_weight:
        tfidf, model = trainer.fit_guard(
            data.language, texts, ys, data.fitting, candidate.off_domain_weight, c, row_weight=row_weight
        )
    else:
        tfidf, model = trainer.pipeline(data.language, c)
        model.fit(tfidf.fit_transform(texts), ys, sample_weight=np.array(row_weight))
    reader = dataclasses.replace(trainer.fitted_model(tfidf, model, data.language), threshold=candidate.threshold)
    if candidate.guard and (candidate.survey_guard or data.language in trainer.GUARD_LANGUAGES):
        shipped = trainer.GUARD_OFF_DOMAIN_WEIGHTS.get(data.language, trainer.GUARD_CHOICE["off_domain_weight"])
        weight = 0.0 if candidate.survey_guard else shipped
        guard_splits = candidate.splits or trainer.GUARD_SPLITS.get(data.language, trainer.TRAINING_SPLITS)
        texts, ys, row_weight = _fitting_rows(data, guard_splits)
        guard = trainer.fitted_model(
            *trainer.fit_guard(data.language, texts, ys, data.fitting, weight, c, row_weight=row_weight), data.language
        )
        reader = dataclasses.replace(
            reader, guard=dataclasses.replace(guard, threshold=trainer.GUARD_CHOICE["threshold"])
        )
    return reader


def measure(data: Data, candidate: Candidate, reader: ComplaintModel) -> str:
    """One line: the desk's figures on the evaluated answers and the off-domain validation texts with this reader."""
    desk = FlagRules()
    shipped = complaint_model.load_complaint_model
    if candidate.unhappy_needs is not None:
        reader = dataclasses.replace(reader, unhappy_needs=candidate.unhappy_needs)
    complaint_model.load_complaint_model = lambda _language: reader  # type: ignore[assignment]  # the candidate stands in
    try:
        flagged = np.array([bool(desk.answer_reasons(stored(t, read_text(t)))) for t in data.evaluated["text"]])
        off = np.array([bool(desk.answer_reasons(stored(t, read_text(t)))) for t in data.validation["text"]])
    finally:
        complaint_model.load_complaint_model = shipped
    y = (data.evaluated["complaint"] == "1").to_numpy()
    declines = (data.evaluated["feeling"] == "none").to_numpy()
    polarity = data.validation["polarity"].to_numpy()
    shares = ", ".join(f"{p} {off[polarity == p].mean():.3f}" for p in ("neutral", "positive") if (polarity == p).any())
    return (
        f"{data.language} {candidate.name:36} recall {flagged[y].mean():.3f} ({flagged[y].sum()}/{y.sum()})  "
        f"false flags {flagged[~y].mean():.3f} ({flagged[~y].sum()}/{(~y).sum()})  declines {flagged[declines].sum()}  "
        f"| off-domain flagged: {shares}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("language", choices=("en", "ru", "zh"))
    parser.add_argument("--from-line", type=int, default=0, help="evaluate only `rules` rows from this CSV row on")
    parser.add_argument("--only", nargs="*", help="candidate names (default: all)")
    args = parser.parse_args(argv)
    data = load(args.language, args.from_line)
    if data.evaluated.empty:
        print(f"error: no {args.language} `rules` rows from line {args.from_line}", file=sys.stderr)
        return 1
    for candidate in CANDIDATES:
        if args.only and candidate.name not in args.only:
            continue
        if candidate.review_weight and args.language != "zh":
            continue
        print(measure(data, candidate, build(data, candidate)), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
