"""The statistics of week-over-week change on constructed data: real changes are called, noise is not."""

from __future__ import annotations

import math
import random

from analysis.stats import benjamini_hochberg, two_proportions, welch, wilson


def test_wilson_known_values_and_edges():
    low, high = wilson(5, 10)
    assert math.isclose(low, 0.2366, abs_tol=1e-3) and math.isclose(high, 0.7634, abs_tol=1e-3)
    assert math.isclose(wilson(0, 10)[0], 0.0, abs_tol=1e-12) and math.isclose(wilson(10, 10)[1], 1.0)
    assert all(math.isnan(v) for v in wilson(0, 0))


def test_wilson_covers_at_about_the_nominal_rate():
    rng = random.Random(14)
    for true_p, n in ((0.1, 40), (0.5, 30), (0.8, 200)):
        covered = 0
        for _ in range(2000):
            x = sum(rng.random() < true_p for _ in range(n))
            low, high = wilson(x, n)
            covered += low <= true_p <= high
        assert 0.92 <= covered / 2000 <= 0.98, (true_p, n, covered)


def test_two_proportions_calls_a_real_change_not_noise():
    p, low, high = two_proportions(20, 200, 60, 200)  # 10 % → 30 %
    assert p < 1e-4 and low > 0
    p, low, high = two_proportions(20, 200, 23, 200)  # 10 % → 11.5 %
    assert p > 0.3 and low < 0 < high
    assert all(math.isnan(v) for v in two_proportions(0, 0, 5, 10))


def test_two_proportions_false_alarms_at_about_alpha_and_interval_covers():
    rng = random.Random(7)
    alarms = covered = 0
    for _ in range(1000):
        x1 = sum(rng.random() < 0.3 for _ in range(150))
        x2 = sum(rng.random() < 0.3 for _ in range(150))
        p, low, high = two_proportions(x1, 150, x2, 150)
        alarms += p < 0.05
        covered += low <= 0 <= high
    assert alarms / 1000 < 0.08 and covered / 1000 > 0.92


def _sample(rng, mean, n):
    values = [rng.gauss(mean, 1.0) for _ in range(n)]
    m = sum(values) / n
    return m, sum((v - m) ** 2 for v in values) / (n - 1), n


def test_welch_interval_covers_and_calls_a_shift():
    rng = random.Random(3)
    covered = 0
    for _ in range(1000):
        p, low, high = welch(*_sample(rng, 0.0, 80), *_sample(rng, 0.2, 60))
        covered += low <= 0.2 <= high
    assert 0.92 <= covered / 1000 <= 0.98
    p, low, _ = welch(*_sample(rng, 0.0, 300), *_sample(rng, 0.6, 300))
    assert p < 1e-6 and low > 0
    assert all(math.isnan(v) for v in welch(0.0, 1.0, 1, 0.0, 1.0, 10))


def test_benjamini_hochberg():
    assert benjamini_hochberg([0.001, 0.04, 0.03, 0.5]) == [True, False, False, False]
    assert benjamini_hochberg([0.01, 0.02, 0.03, 0.04]) == [True, True, True, True]
    assert benjamini_hochberg([math.nan, 0.001]) == [False, True]
    rng = random.Random(1)
    false = sum(any(benjamini_hochberg([rng.random() for _ in range(30)])) for _ in range(500))
    assert false / 500 < 0.08  # all nulls: BH controls the family-wise rate at about alpha
