"""Long checks (``make test-slow``): ten years of population, and the calibration run."""

from __future__ import annotations

import numpy as np
import pytest

from sim import LonelinessModel

pytestmark = pytest.mark.slow


def test_population_stays_plausible_over_ten_years(baseline):
    """Births, deaths, moves and migration keep size and age structure plausible."""
    model = LonelinessModel(baseline, residents=6000, years=10, seed=5, agents=False)
    pop = model.world.pop

    def shares():
        act = pop.active[: pop.n]
        age = pop.age[: pop.n][act]
        return act.sum(), (age < 18).mean(), (age >= 65).mean(), (age >= 80).mean()

    size0, young0, old0, oldest0 = shares()
    model.run()
    size, young, old, oldest = shares()
    assert abs(size / size0 - 1) < 0.05, f"population {size0} -> {size}"
    assert abs(young - young0) < 0.04, f"share under 18 {young0:.3f} -> {young:.3f}"
    # The Netherlands ages by ~0.3-0.5 points of 65+ a year; allow 0-8 points in 10 years.
    assert 0 <= old - old0 < 0.08, f"share 65+ {old0:.3f} -> {old:.3f}"
    assert abs(oldest - oldest0) < 0.04, f"share 80+ {oldest0:.3f} -> {oldest:.3f}"
    lonely = model.recorder.series("all", "lonely")
    assert abs(np.mean(lonely[-52:]) - np.mean(lonely[:52])) < 0.06, "no runaway drift"


def test_calibration_patterns_hold_at_20000_residents():
    """The calibration script's patterns (see experiments/calibrate.py) on a full baseline."""
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "experiments"))
    from calibrate import evaluate

    from sim import load

    model = LonelinessModel(load(Path(__file__).resolve().parents[1] / "scenarios"
                                 / "baseline.toml"), years=2, seed=1, agents=False)
    model.run()
    results = {t.name: t for t in evaluate(model)}
    # Directions the science gives, whatever the exact levels:
    v = {name: t.value for name, t in results.items()}
    assert v["socially lonely (social >= 3)"] > v["emotionally lonely (emotional >= 3)"]
    assert v["lonely 85+ minus 75-84 (>= 0.08)"] > 0
    assert v["severely lonely, partnered"] < v["severely lonely, widowed"]
