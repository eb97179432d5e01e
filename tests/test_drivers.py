"""Key drivers on constructed customers: the stage that moves NPS is found, an unrelated one is not."""

from __future__ import annotations

import random

import pandas as pd

from analysis.drivers import key_drivers


def _answers(seed: int, n: int = 120) -> pd.DataFrame:
    rng = random.Random(seed)
    rows = []
    for order in range(n):
        delivery = rng.randint(1, 5)
        first_use = rng.randint(1, 5)  # unrelated to NPS
        nps = min(10, max(0, round(2 * delivery + rng.gauss(0, 1.5))))
        rows += [
            (order, "delivery", "csat", delivery, None),
            (order, "first_use", "csat", first_use, None),
            (order, "loyalty", "nps", nps, None),
        ]
    return pd.DataFrame(rows, columns=["order_id", "stage", "question_type", "value_number", "value_text"])


def test_the_stage_that_moves_nps_is_called_and_noise_is_not():
    drivers = {d.stage: d for d in key_drivers(_answers(1), {"delivery": 40.0, "first_use": 60.0})}
    assert drivers["delivery"].significant and drivers["delivery"].r > 0.7
    assert drivers["delivery"].low < drivers["delivery"].r < drivers["delivery"].high
    assert not drivers["first_use"].significant and drivers["first_use"].performance == 60.0


def test_noise_is_rarely_a_driver():
    called = sum(d.significant for seed in range(40) for d in key_drivers(_answers(seed), {}) if d.stage == "first_use")
    assert called <= 5  # about alpha of 40 seeded weeks
