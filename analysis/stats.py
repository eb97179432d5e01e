"""Week-over-week significance: Wilson intervals, two-proportion and Welch tests, Benjamini–Hochberg."""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import Enum

Z95 = 1.959963984540054  # two-sided 95 % normal quantile
ALPHA = 0.05  # false-discovery rate controlled across stages × figures


class Verdict(Enum):
    """What a week-over-week change is called once tested."""

    BETTER = "better"
    WORSE = "worse"
    HELD = "held"  # no significant change
    UNTESTED = "untested"  # one of the weeks has no answers


@dataclass(frozen=True)
class Change:
    """One tested week-over-week change of a figure at a stage."""

    stage: str
    figure: str
    now: float
    before: float
    delta: float
    p: float  # two-sided p-value (NaN when untested)
    low: float  # 95 % interval of the delta
    high: float
    verdict: Verdict = Verdict.UNTESTED


def wilson(successes: int, n: int, z: float = Z95) -> tuple[float, float]:
    """Wilson score interval of a proportion, as fractions (NaN, NaN without answers)."""
    if n <= 0:
        return math.nan, math.nan
    p = successes / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return max(0.0, centre - half), min(1.0, centre + half)


def normal_p(z: float) -> float:
    """Two-sided p-value of a standard normal statistic."""
    return math.erfc(abs(z) / math.sqrt(2))


def two_proportions(x1: int, n1: int, x2: int, n2: int) -> tuple[float, float, float]:
    """Pooled two-proportion z-test of p2 − p1: (p-value, low, high) with an unpooled 95 % interval of the difference."""
    if n1 <= 0 or n2 <= 0:
        return math.nan, math.nan, math.nan
    p1, p2 = x1 / n1, x2 / n2
    pooled = (x1 + x2) / (n1 + n2)
    se0 = math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2))
    p = 1.0 if se0 == 0 else normal_p((p2 - p1) / se0)
    se = math.sqrt(p1 * (1 - p1) / n1 + p2 * (1 - p2) / n2)
    return p, p2 - p1 - Z95 * se, p2 - p1 + Z95 * se


def welch(mean1: float, var1: float, n1: int, mean2: float, var2: float, n2: int) -> tuple[float, float, float]:
    """Welch test of mean2 − mean1 by the normal approximation: (p-value, low, high) of the difference."""
    if n1 < 2 or n2 < 2:
        return math.nan, math.nan, math.nan
    se = math.sqrt(var1 / n1 + var2 / n2)
    diff = mean2 - mean1
    if se == 0:
        return (1.0 if diff == 0 else 0.0), diff, diff
    return normal_p(diff / se), diff - Z95 * se, diff + Z95 * se


def benjamini_hochberg(pvalues: list[float], alpha: float = ALPHA) -> list[bool]:
    """Which of the p-values are discoveries at false-discovery rate `alpha` (NaN never is)."""
    ranked = sorted((p, i) for i, p in enumerate(pvalues) if not math.isnan(p))
    m = len(ranked)
    cutoff = -1
    for k, (p, _) in enumerate(ranked, 1):
        if p <= alpha * k / m:
            cutoff = k
    keep = [False] * len(pvalues)
    for _, i in ranked[: max(cutoff, 0)]:
        keep[i] = True
    return keep
