"""Train the Russian and Chinese sentiment models shipped in analysis/models from the labelled shared data.

Example:
    .venv/bin/pip install -e '.[train]'
    .venv/bin/python benchmarks/train_sentiment.py --data-dir ../shared/data --cross-domain

Split: a row is held out when `is_held_out(text)` is true -- the MD5 of SPLIT_SALT + its text, read as a
number, is divisible by 5 (about one row in five). The rule depends on the text alone, so it is the same
on every machine and in every order, and duplicate texts always fall on the same side. The models are
trained (and their regularisation chosen by 5-fold cross-validation) on the other rows only;
benchmarks/sentiment_quality.py measures them on the held-out rows.

Model: TF-IDF over character n-grams (analysis.trained.char_ngrams: no word segmentation, so no jieba at
run time) with sublinear tf and l2 norm, then logistic regression with balanced class weights. The
vocabulary is pruned to the n-grams with the largest |weight| and the model refitted on just those, so
the shipped file is small and the plain-Python scorer reproduces scikit-learn's decision exactly.
scikit-learn is needed only here (the `train` extra), never at run time.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from analysis.trained import MODEL_FORMAT, char_ngrams, model_file, parse_model

REPO_ROOT = Path(__file__).resolve().parent.parent
MODELS_DIR = REPO_ROOT / "analysis" / "models"
SPLIT_SALT = "journeypulse-heldout-v1:"
HELD_OUT_ONE_IN = 5
C_GRID = (1.0, 3.0, 10.0, 30.0)
CV_FOLDS = 5
SEED = 0


@dataclass(frozen=True)
class Recipe:
    """What one language's model is trained on and how."""

    language: str
    path: str  # under the data dir
    ngram_range: tuple[int, int]
    features: int  # n-grams kept after pruning
    # Further training sources (beside `path`): the polar rows of three-way sets, lexicon words, and the
    # `dev` rows of the project's survey answers. Never their held-out rows.
    extra: tuple[str, ...] = ()


SURVEY_ANSWERS = REPO_ROOT / "benchmarks" / "data" / "survey_answers.csv"
RECIPES = {
    "ru": Recipe(
        "ru", "ru/sentirueval2015_tweets_train.csv", (2, 5), 40_000,
        extra=("ru/goemotions_ru.csv", "ru/linis_crowd_words.csv", "survey_answers"),
    ),
    "zh": Recipe("zh", "zh/online_shopping_dev.csv", (1, 3), 40_000),
}


def is_held_out(text: str) -> bool:
    """True for the rows kept out of training: MD5(SPLIT_SALT + text) divisible by HELD_OUT_ONE_IN."""
    digest = hashlib.md5((SPLIT_SALT + text).encode("utf-8")).hexdigest()
    return int(digest, 16) % HELD_OUT_ONE_IN == 0


def read_labelled(path: Path) -> pd.DataFrame:
    """Read a `text,label,domain` CSV of the shared data, adding the boolean column `held_out`."""
    frame = pd.read_csv(path, dtype={"text": str, "domain": str}, keep_default_na=False)
    frame["label"] = frame["label"].astype(int)
    frame["held_out"] = frame["text"].map(is_held_out)
    return frame


def read_extra(source: str, data_dir: Path, language: str) -> pd.DataFrame:
    """Polar rows of one extra source as `text,label,domain,held_out`, held_out marking rows never trained on."""
    if source == "survey_answers":
        if not SURVEY_ANSWERS.exists():
            return pd.DataFrame(columns=["text", "label", "domain", "held_out"])
        frame = pd.read_csv(SURVEY_ANSWERS, dtype=str, keep_default_na=False)
        # The survey answers' heldout rows are dropped here, not just held out: no model ever sees them.
        frame = frame[(frame["language"] == language) & (frame["split"] == "dev")]
        frame = frame[frame["feeling"].isin(["negative", "positive"])]
        return pd.DataFrame({"text": frame["text"], "label": (frame["feeling"] == "positive").astype(int),
                             "domain": "survey answers", "held_out": False})  # fmt: skip
    frame = pd.read_csv(data_dir / source, keep_default_na=False)
    if "word" in frame:  # a lexicon: words rated clearly one way, each a one-word training text
        frame = frame[frame["mean"].astype(float).abs() >= 1.0]
        return pd.DataFrame({"text": frame["word"].astype(str), "label": (frame["mean"] > 0).astype(int),
                             "domain": "lexicon", "held_out": False})  # fmt: skip
    frame = frame[frame["polarity"].isin(["negative", "positive"])]
    return pd.DataFrame({"text": frame["text"].astype(str), "label": (frame["polarity"] == "positive").astype(int),
                         "domain": frame["domain"].astype(str), "held_out": frame["text"].astype(str).map(is_held_out)})  # fmt: skip


def macro_f1(labels: list[int], predictions: list[int | None]) -> float:
    """Mean F1 of the classes 0 and 1; a None prediction is wrong for either class."""
    f1s = []
    for cls in (0, 1):
        tp = sum(1 for y, p in zip(labels, predictions, strict=True) if y == cls and p == cls)
        fp = sum(1 for y, p in zip(labels, predictions, strict=True) if y != cls and p == cls)
        fn = sum(1 for y, p in zip(labels, predictions, strict=True) if y == cls and p != cls)
        f1s.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return sum(f1s) / len(f1s)


def vectorizer(recipe: Recipe, vocabulary: list[str] | None = None):
    from sklearn.feature_extraction.text import TfidfVectorizer

    low, high = recipe.ngram_range
    return TfidfVectorizer(
        analyzer=lambda text: char_ngrams(text, low, high),
        sublinear_tf=True,
        min_df=1 if vocabulary else 2,
        vocabulary=vocabulary,
        dtype=np.float64,
    )


def classifier(c: float):
    from sklearn.linear_model import LogisticRegression

    return LogisticRegression(C=c, class_weight="balanced", max_iter=3000)


def choose_c(recipe: Recipe, train: pd.DataFrame) -> tuple[float, float]:
    """Pick C by stratified k-fold macro-F1 on the training rows only; return (C, its mean CV macro-F1)."""
    from sklearn.metrics import f1_score
    from sklearn.model_selection import StratifiedKFold

    # The vocabulary and idf come from all training rows; that sees no labels and no held-out row.
    x = vectorizer(recipe).fit_transform(train["text"])
    y = train["label"].to_numpy()
    folds = list(StratifiedKFold(CV_FOLDS, shuffle=True, random_state=SEED).split(x, y))
    scores = {}
    for c in C_GRID:
        scores[c] = float(np.mean([
            f1_score(y[test], classifier(c).fit(x[fit], y[fit]).predict(x[test]), average="macro")
            for fit, test in folds
        ]))  # fmt: skip
        print(f"  C={c:<5g} cross-validated macro-F1 {scores[c]:.4f}", file=sys.stderr, flush=True)
    best = max(scores, key=scores.get)
    return best, scores[best]


def fit_pruned(recipe: Recipe, train: pd.DataFrame, c: float) -> dict:
    """Fit on all n-grams, keep the `features` with the largest |weight|, refit on those; return the model JSON."""
    import sklearn

    full = vectorizer(recipe)
    x = full.fit_transform(train["text"])
    y = train["label"].to_numpy()
    coef = classifier(c).fit(x, y).coef_[0]
    names = full.get_feature_names_out()
    keep = np.argsort(-np.abs(coef), kind="stable")[: recipe.features]
    pruned = vectorizer(recipe, vocabulary=sorted(names[keep]))
    model = classifier(c).fit(pruned.fit_transform(train["text"]), y)
    ngrams = pruned.get_feature_names_out().tolist()
    return {
        "format": MODEL_FORMAT,
        "language": recipe.language,
        "ngram_range": list(recipe.ngram_range),
        "ngrams": ngrams,
        # Five significant digits change no decision on the held-out rows; they halve the file.
        "idf": [float(f"{v:.5g}") for v in pruned.idf_],
        "coef": [float(f"{v:.5g}") for v in model.coef_[0]],
        "intercept": float(model.intercept_[0]),
        "meta": {
            "model": "TF-IDF (character n-grams, sublinear tf, l2) + logistic regression (balanced)",
            "C": c,
            "features": len(ngrams),
            "sklearn": sklearn.__version__,
        },
    }


def evaluate(data: dict, frame: pd.DataFrame) -> tuple[float, float, float]:
    """Score `frame` with the plain-Python scorer built from `data`: (accuracy, macro-F1, coverage)."""
    model = parse_model(data)
    decisions = [model.decision(text) for text in frame["text"]]
    predictions = [None if d is None or d == 0.0 else int(d > 0) for d in decisions]
    labels = frame["label"].tolist()
    accuracy = sum(p == y for p, y in zip(predictions, labels, strict=True)) / len(labels)
    coverage = sum(p is not None for p in predictions) / len(labels)
    return accuracy, macro_f1(labels, predictions), coverage


def check_parity(recipe: Recipe, data: dict, train: pd.DataFrame, held_out: pd.DataFrame) -> float:
    """Refit scikit-learn on exactly the shipped weights' vocabulary and compare decisions; return the max gap."""
    model = parse_model(data)
    pruned = vectorizer(recipe, vocabulary=data["ngrams"]).fit(train["text"])
    x = pruned.transform(held_out["text"])
    reference = x @ np.array(data["coef"]) + data["intercept"]
    # sklearn scores a text without known n-grams by the intercept alone; ours declines to score it.
    decisions = [model.decision(text) for text in held_out["text"]]
    ours = np.array([data["intercept"] if d is None else d for d in decisions])
    return float(np.max(np.abs(reference - ours)))


def write_model(data: dict, language: str) -> Path:
    target = MODELS_DIR / model_file(language)
    target.parent.mkdir(parents=True, exist_ok=True)
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    # mtime=0 so that retraining on the same data gives a byte-identical file.
    with target.open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=9, mtime=0) as handle:
        handle.write(payload)
    return target


def cross_domain(recipe: Recipe, frame: pd.DataFrame, c: float, shipped: dict) -> list[str]:
    """For each domain: held-out macro-F1 of the shipped model vs. a model trained without that domain."""
    lines = []
    train = frame[~frame["held_out"]]
    for domain in sorted(frame["domain"].unique()):
        test = frame[frame["held_out"] & (frame["domain"] == domain)]
        _, inside, _ = evaluate(shipped, test)
        _, outside, _ = evaluate(fit_pruned(recipe, train[train["domain"] != domain], c), test)
        lines.append(f"{recipe.language:<3} {domain:<16} {len(test):>6} {inside:>10.3f} {outside:>13.3f} {outside - inside:>+7.3f}")
        print(lines[-1], file=sys.stderr, flush=True)
    return lines


def train_language(recipe: Recipe, data_dir: Path, with_cross_domain: bool) -> list[str]:
    frame = pd.concat([read_labelled(data_dir / recipe.path)] + [read_extra(source, data_dir, recipe.language) for source in recipe.extra], ignore_index=True)
    train, held_out = frame[~frame["held_out"]], frame[frame["held_out"]]
    print(f"{recipe.language}: {recipe.path}: {len(train)} training rows, {len(held_out)} held out", file=sys.stderr)
    start = time.perf_counter()
    c, cv_f1 = choose_c(recipe, train)
    data = fit_pruned(recipe, train, c)
    accuracy, f1, coverage = evaluate(data, held_out)
    gap = check_parity(recipe, data, train, held_out)
    data["meta"].update({
        "trained_on": f"{', '.join((recipe.path,) + recipe.extra)} (shared data: rows where is_held_out(text) is "
                      f"false, polar rows only; lexicon words |mean| >= 1; survey answers: dev rows only) "
                      f"(benchmarks/train_sentiment.py, salt {SPLIT_SALT!r})",
        "training_rows": len(train), "held_out_rows": len(held_out), "cv_macro_f1": round(cv_f1, 4),
        "held_out_macro_f1": round(f1, 4), "held_out_accuracy": round(accuracy, 4),
    })  # fmt: skip
    target = write_model(data, recipe.language)
    lines = [
        f"{recipe.language}: C={c:g} (CV macro-F1 {cv_f1:.4f}), {len(data['ngrams'])} n-grams, "
        f"{target.stat().st_size / 1e6:.2f} MB -> {target.relative_to(REPO_ROOT)}",
        f"{recipe.language}: held out {len(held_out)} rows: accuracy {accuracy:.4f}, macro-F1 {f1:.4f}, "
        f"coverage {coverage:.4f}; max |decision - sklearn| {gap:.2e}; {time.perf_counter() - start:.0f} s",
    ]
    if with_cross_domain:
        lines.append(f"{'':3} {'left-out domain':<16} {'n':>6} {'shipped F1':>10} {'without it F1':>13} {'drop':>7}")
        lines += cross_domain(recipe, frame, c, data)
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0],
        epilog="example: .venv/bin/python benchmarks/train_sentiment.py --language zh --cross-domain",
    )
    parser.add_argument("--data-dir", type=Path, default=REPO_ROOT.parent / "shared" / "data",
                        help="folder holding ru/ and zh/ (default: ../shared/data beside the repo)")  # fmt: skip
    parser.add_argument("--language", choices=sorted(RECIPES), action="append",
                        help="train only this language (repeatable; default: all)")  # fmt: skip
    parser.add_argument("--cross-domain", action="store_true",
                        help="also retrain without each domain and report the held-out drop on it (slow)")  # fmt: skip
    args = parser.parse_args(argv)
    try:
        import sklearn  # noqa: F401
    except ImportError:
        print("error: training needs scikit-learn: pip install -e '.[train]'", file=sys.stderr)
        return 2
    lines = []
    for language in args.language or sorted(RECIPES):
        recipe = RECIPES[language]
        if not (args.data_dir / recipe.path).exists():
            print(f"error: {args.data_dir / recipe.path} not found; pass --data-dir", file=sys.stderr)
            return 2
        lines += train_language(recipe, args.data_dir, args.cross_domain)
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
