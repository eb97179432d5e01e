"""Key drivers: how strongly each stage's rating goes with the customer's NPS, and how well the stage does."""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd

from analysis.stats import Z95, benjamini_hochberg, normal_p

DRIVER_STAGES = ("purchase", "delivery", "first_use", "support")
MIN_PAIRS = 10  # fewer customers with both a stage rating and an NPS: no correlation is computed


@dataclass(frozen=True)
class Driver:
    """One stage as a driver of NPS: Pearson r over customers (orders), its interval and significance."""

    stage: str
    pairs: int
    r: float
    low: float
    high: float
    p: float
    significant: bool
    performance: float  # % positive among the stage's rated answers


def stage_ratings(answers: pd.DataFrame) -> pd.DataFrame:
    """Per order and stage, the mean rating on 0–1 (CSAT and CES rescaled, support solved 1 / not solved 0)."""
    v, kind = answers["value_number"], answers["question_type"].astype(object)
    score = pd.Series(math.nan, index=answers.index)
    score[kind == "csat"] = (v[kind == "csat"] - 1) / 4
    score[kind == "ces"] = (v[kind == "ces"] - 1) / 6
    choice = answers["value_text"].astype(object)
    score[(kind == "choice") & (choice == "solved")] = 1.0
    score[(kind == "choice") & (choice == "not_solved")] = 0.0
    rated = answers.assign(score=score, stage=answers["stage"].astype(object)).dropna(subset=["score"])
    return rated.groupby(["order_id", "stage"])["score"].mean().unstack()


def key_drivers(answers: pd.DataFrame, performance: dict[str, float]) -> list[Driver]:
    """Correlate each stage's rating with the same customer's NPS; Fisher-z intervals, Benjamini–Hochberg."""
    if answers.empty:
        return []
    nps = answers[answers["question_type"].astype(object) == "nps"].groupby("order_id")["value_number"].mean()
    ratings = stage_ratings(answers)
    raw = []
    for stage in DRIVER_STAGES:
        if stage not in ratings:
            continue
        both = pd.concat([ratings[stage], nps], axis=1, join="inner").dropna()
        n = len(both)
        if n < MIN_PAIRS or both.iloc[:, 0].std() == 0 or both.iloc[:, 1].std() == 0:
            continue
        r = float(both.iloc[:, 0].corr(both.iloc[:, 1]))
        z = math.atanh(max(min(r, 0.999999), -0.999999))
        se = 1 / math.sqrt(n - 3)
        raw.append((stage, n, r, math.tanh(z - Z95 * se), math.tanh(z + Z95 * se), normal_p(z / se)))
    keep = benjamini_hochberg([item[5] for item in raw])
    return [
        Driver(stage, n, r, low, high, p, real, performance.get(stage, math.nan))
        for (stage, n, r, low, high, p), real in zip(raw, keep, strict=True)
    ]
