"""The compiled helpers give numpy's answers to the stated precision."""

from __future__ import annotations

import numpy as np
import pytest

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


def test_two_cores_give_the_same_run_as_one(baseline, monkeypatch):
    """Loops split over two cores (each half of the rows on its own core) give the same
    outputs, bit for bit, as one core; here even small loops are split (also the intake
    sums of a maintenance pass, split only in large towns), or not, and a maintenance pass
    grows ties in many chunks on the second core while the first sums them."""
    import sim.jit
    import sim.maintenance
    from sim import LonelinessModel

    def run(threads, split_sums_from):
        monkeypatch.setattr(sim.jit, "THREADS", threads)
        monkeypatch.setattr(sim.jit, "TWO_CORES_FROM", 100)
        monkeypatch.setattr(sim.maintenance, "SPLIT_SUMS_FROM", split_sums_from)
        monkeypatch.setattr(sim.maintenance, "GROW_CHUNK", 1000)
        model = LonelinessModel(baseline, residents=1500, years=0.5, seed=5, agents=False)
        model.run()
        return model

    one = run(1, 10**9)
    for two in (run(2, 100), run(1, 100), run(2, 10**9)):
        assert np.array_equal(one.recorder.values, two.recorder.values, equal_nan=True)
        assert np.array_equal(one.world.ties.closeness, two.world.ties.closeness)
        assert np.array_equal(one.world.intake.sums, two.world.intake.sums)


@pytest.mark.filterwarnings("ignore:This process .* is multi-threaded:DeprecationWarning")
def test_two_cores_work_in_a_forked_process():
    """A process forked after the worker thread started (as some sweep runners do) starts
    its own worker instead of waiting for one that does not exist there."""
    import multiprocessing

    import sim.jit

    halves = []
    sim.jit.on_two_cores(2 * sim.jit.TWO_CORES_FROM, lambda lo, hi: halves.append((lo, hi)))
    context = multiprocessing.get_context("fork")
    with context.Pool(1) as pool:
        got = pool.apply_async(_split, (2 * sim.jit.TWO_CORES_FROM,)).get(timeout=60)
    assert sorted(got) == sorted(halves)


def _split(n):
    import sim.jit

    halves = []
    sim.jit.on_two_cores(n, lambda lo, hi: halves.append((lo, hi)))
    return halves


def test_kernels_only_get_contiguous_arrays():
    """Every compiled kernel is called with contiguous arrays in a run with lockdowns and a
    policy package: numba compiles a loop over an array whose layout it cannot know to be
    contiguous (layout ``A``, e.g. a column slice of a 2-D table) without vector code, and
    the DJG answers once ran 8× slower that way."""
    import importlib
    import pkgutil

    from numba.core.registry import CPUDispatcher

    import sim
    from sim import LonelinessModel
    from sim.scenario import load

    for path in ("scenarios/lockdown_2020.toml", "scenarios/maatwerk.toml"):
        LonelinessModel(load(path), residents=1500, years=0.5, seed=3, agents=False).run()
    strided = []
    for info in pkgutil.walk_packages(sim.__path__, "sim."):
        for name, obj in vars(importlib.import_module(info.name)).items():
            if isinstance(obj, CPUDispatcher):
                strided += [f"{info.name}.{name}: {arg}" for sig in obj.signatures
                            for arg in sig if getattr(arg, "layout", "C") == "A"]
    assert not strided, strided


def test_out_of_home_is_the_vector_formula_bit_for_bit(fresh):
    """The compiled ability to go out (both columns) equals numpy's formula in numpy's types:
    mobility x caring, topped up by support (float64), times 1 - the withdrawal's effect
    (float32), toward family with only ``kin_withdrawal_share`` of that effect."""
    from sim.contacts import out_of_home
    from sim.population import CHRONIC, FRAIL

    pop, params = fresh.world.pop, fresh.world.params
    n = pop.n
    rng = np.random.default_rng(4)
    pop.support[:n] = rng.random(n).astype(np.float32) * (rng.random(n) < 0.3)
    pop.withdrawal[:n] = rng.random(n).astype(np.float32) * (rng.random(n) < 0.5)
    pop.caregiver[:n] = rng.random(n) < 0.2
    c = params.contact
    for rows in (slice(None), rng.integers(0, n, 300)):
        health = pop.health[rows]
        mobility = np.where(health == FRAIL, c.frail_mobility, np.where(
            (health == CHRONIC) | pop.disability[rows], c.chronic_mobility, 1.0))
        able = mobility * np.where(pop.caregiver[rows], params.life.caring_out_of_home, 1.0)
        able += pop.support[rows] * (1 - able)
        withdrawn = c.withdrawal_effect * pop.withdrawal[rows]
        want = np.stack([able * (1 - withdrawn),
                         able * (1 - c.kin_withdrawal_share * withdrawn)], 1).astype(np.float32)
        got = out_of_home(pop, params, rows)
        assert np.array_equal(got.view(np.uint32), want.view(np.uint32))
        assert (got[:, 1] >= got[:, 0]).all() and (got[:, 0] < 1).any()
