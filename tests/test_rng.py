"""Draws made inside compiled loops: uniform, independent, and tied to the row alone."""

from __future__ import annotations

import numpy as np

from sim.jit import kernel
from sim.rng import kernel_key, stream, uniform_at


@kernel
def _draws(key, first, count):  # pragma: no cover - compiled
    out = np.empty(count, np.float32)
    for i in range(count):
        out[i] = uniform_at(key, first + i)
    return out


def test_draws_are_uniform_and_uncorrelated():
    """A million draws: every tenth of [0, 1) gets its share (chi-square, 9 degrees of
    freedom: 27.9 is exceeded by chance once in a thousand), mean 1/2, variance 1/12, and
    neither neighbouring positions nor two keys' draws are correlated."""
    key = kernel_key(stream(1, "test"))
    u = _draws(key, 0, 1_000_000)
    assert u.min() >= 0 and u.max() < 1
    counts = np.bincount((u * 10).astype(np.int64), minlength=10)
    expected = len(u) / 10
    assert ((counts - expected) ** 2 / expected).sum() < 27.9
    assert abs(u.mean() - 0.5) < 0.002 and abs(u.var() - 1 / 12) < 0.001
    assert abs(np.corrcoef(u[:-1], u[1:])[0, 1]) < 0.005
    other = _draws(kernel_key(stream(2, "test")), 0, 1_000_000)
    assert abs(np.corrcoef(u, other)[0, 1]) < 0.005


def test_a_rows_draw_does_not_depend_on_the_other_rows():
    """Common random numbers: row 70,000's draw is the same whether the loop starts at row
    0 or at row 60,000 (one core or the second half of two), and differs between weeks."""
    week1, week2 = kernel_key(stream(1, "events:1")), kernel_key(stream(1, "events:2"))
    whole = _draws(week1, 0, 100_000)
    half = _draws(week1, 60_000, 40_000)
    assert np.array_equal(whole[60_000:], half)
    assert not np.array_equal(whole, _draws(week2, 0, 100_000))


def test_each_part_of_a_maintenance_pass_draws_from_its_own_stream(baseline):
    """However many numbers one part of a pass (or the week's events) drew, the next part's
    draws are the same: a run with a policy package and the run without it keep common
    random numbers part by part (docs/MODEL.md §13)."""
    from sim import LonelinessModel

    world = LonelinessModel(baseline, residents=500, years=1, seed=4, agents=False).world
    world.new_week(12)
    first = world.part_stream("drift").random(5)
    world.streams["ties"].random(1000)
    world.part_stream("outlive").random(777)
    assert np.array_equal(world.part_stream("drift").random(5), first)
    assert not np.array_equal(world.part_stream("clubs").random(5), first)
    world.new_week(25)
    assert not np.array_equal(world.part_stream("drift").random(5), first)
