"""Shared fixtures: small municipalities, built once per test session where read-only."""

from __future__ import annotations

from pathlib import Path

import pytest

from sim import LonelinessModel, load

ROOT = Path(__file__).resolve().parents[1]
SCENARIOS = ROOT / "scenarios"


@pytest.fixture(scope="session")
def baseline():
    """The baseline scenario file, loaded."""
    return load(SCENARIOS / "baseline.toml")


@pytest.fixture(scope="session")
def small_run(baseline):
    """A 3,000-resident baseline run of one year (read-only: do not change it)."""
    model = LonelinessModel(baseline, residents=3000, years=1, seed=7, trace=5)
    model.run()
    return model


@pytest.fixture
def fresh(baseline):
    """A new 2,000-resident model that a test may change."""
    return LonelinessModel(baseline, residents=2000, years=2, seed=3)
