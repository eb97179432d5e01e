"""Cross-validate the survey feeling readers: the feeling read_text reports, and why it differs from the reader's.

Example:
    .venv/bin/python benchmarks/survey_feeling_cv.py          # all three languages, 5 folds (a few minutes each)
    .venv/bin/python benchmarks/survey_feeling_cv.py en --folds 3

Each fold refits a language's reader and gate (train_survey_feelings.fit) on the other folds of the survey answers not
held out, and reads the fold's answers as read_text does (score_text, the decline reader, then the survey reader's
report). It prints the reported feeling's three-way macro-F1 beside score_text's (`none` as neutral; score_text is not
out of sample for the rows its feeling models learnt), the confusion of the reported feeling, and, for each answer the
reader would read otherwise than score_text, what decided: the gate, the pole guard, score_text's own rules, or the
reader. Design data only: `heldout` rows are never read. Needs scikit-learn (pip install -e '.[train]').
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter

import train_survey_feelings as trainer
from train_complaints import has_sklearn
from train_sentiment import f1_of

from analysis.declines import as_declined, says_nothing
from analysis.sentiment import score_text
from analysis.survey_feeling import SurveyFeelingModel, parse_survey_feeling_model
from analysis.trained import CLASSES, shipped_scorer

_POLES = {"negative", "positive"}


def fold_model(language: str, survey, general) -> SurveyFeelingModel:
    """The reader and gate fitted on `survey` (and the general rows), as the shipped file would hold them."""
    return parse_survey_feeling_model(
        {**trainer.model_json(language, *trainer.fit(language, survey, general)), "meta": {}}
    )


def _three_way(feeling) -> str:
    """A feeling as the three-way figures count it: `none` (and unscored) as neutral."""
    return str(feeling) if str(feeling) in CLASSES else "neutral"


def what_decided(model: SurveyFeelingModel, text: str, score) -> str:
    """Why the reported feeling of `text` is what it is, where the reader reads it: agree, gate, pole, rule or reader."""
    if score.feeling is None or str(score.feeling) not in CLASSES or score.scorer != shipped_scorer(score.language):
        return "not read"  # declines, emoji, other scorers
    found = model.probabilities(text)
    if found is None:
        return "nothing known"
    if found[1] <= model.threshold:
        return "gate"
    chosen = max(CLASSES, key=found[0].__getitem__)
    if chosen == str(score.feeling):
        return "agree"
    if model.report(text, score).feeling == score.feeling:  # the pole guard, or score_text's rules (facts, praise)
        return "pole" if {chosen, str(score.feeling)} == _POLES else "rule"
    return "reader"


def cross_validate(language: str, folds: int) -> str:
    """The fold-by-fold reported feeling of one language's survey answers, summed up."""
    from sklearn.model_selection import StratifiedKFold

    survey = trainer.survey_rows(language).reset_index(drop=True)
    general = trainer.general_rows(language)
    labels, scored, reported, decided = [], [], [], Counter()
    for fit_index, read_index in StratifiedKFold(folds, shuffle=True, random_state=0).split(survey, survey["label"]):
        model = fold_model(language, survey.iloc[fit_index], general)
        for text, label in zip(survey["read"].iloc[read_index], survey["label"].iloc[read_index], strict=True):
            score = score_text(text)
            if says_nothing(text, score):
                score = as_declined(score)
            shown = model.report(text, score)
            labels.append(label)
            scored.append(_three_way(score.feeling))
            reported.append(_three_way(shown.feeling))
            why = what_decided(model, text, score)
            decided[(why, "right" if reported[-1] == label else "wrong")] += 1
    confusion = Counter(zip(labels, reported, strict=True))
    lines = [
        f"{language}: {len(labels)} answers, {folds} folds; three-way macro-F1 score_text "
        f"{f1_of(labels, scored, CLASSES):.3f}, reported {f1_of(labels, reported, CLASSES):.3f}",
        "  label \\ reported  " + "  ".join(f"{name:>8}" for name in CLASSES),
        *(f"  {label:<17} " + "  ".join(f"{confusion[label, name]:>8}" for name in CLASSES) for label in CLASSES),
        "  what decided (reported right / wrong): "
        + ", ".join(
            f"{why} {decided[why, 'right']} / {decided[why, 'wrong']}"
            for why in ("agree", "gate", "pole", "rule", "reader", "nothing known", "not read")
        ),
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("languages", nargs="*", default=["en", "ru", "zh"])
    parser.add_argument("--folds", type=int, default=5)
    args = parser.parse_args(argv)
    if not has_sklearn():
        return 1
    for language in args.languages:
        print(cross_validate(language, args.folds), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
