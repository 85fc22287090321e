"""The compiled helpers give numpy's answers to the stated precision."""

from __future__ import annotations

import numpy as np

from sim.jit import EXP32_RANGE, exp32, kernel


@kernel
def _exp_all(x, out):  # pragma: no cover - compiled
    for i in range(len(x)):
        out[i] = exp32(x[i])


def test_exp32_matches_exp_within_its_stated_error():
    x = np.linspace(-EXP32_RANGE, EXP32_RANGE, 100_001).astype(np.float32)
    got = np.empty_like(x)
    _exp_all(x, got)
    error = np.abs(got / np.exp(x.astype(np.float64)) - 1)
    assert error[np.abs(x) <= 8].max() < 4e-6
    assert error.max() < 1e-4
    beyond = np.array([-40.0, 40.0], np.float32)
    out = np.empty_like(beyond)
    _exp_all(beyond, out)
    assert np.allclose(out, np.exp([-EXP32_RANGE, EXP32_RANGE]), rtol=1e-4)  # clipped
