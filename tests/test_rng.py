"""Draws made inside compiled loops: uniform, independent, and tied to the row alone."""

from __future__ import annotations

import numpy as np

from sim.jit import kernel
from sim.rng import beta_at, kernel_key, key_of, normal_at, stream, uniform_at
from sim.ties import NEIGHBOUR


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


@kernel
def _keyed(key, count, a, b):  # pragma: no cover - compiled
    normal, beta = np.empty(count), np.empty(count)
    for i in range(count):
        item = key_of(key, i)
        normal[i] = normal_at(item, 0)
        beta[i] = beta_at(item, a, b)
    return normal, beta


def test_keyed_normal_and_beta_draws_follow_their_distributions():
    """The draws keyed by a resident or a pair (new ties' potentials, the age a seeker
    looks for) are standard normal and Beta(a, b): moments and quantiles as numpy's own
    samplers give them (a million draws each; 5 % of normals beyond ±1.96)."""
    key = kernel_key(stream(1, "keyed"))
    reference = np.random.default_rng(7)
    quantiles = np.linspace(0.01, 0.99, 9)
    for a, b in ((3.0, 2.1), (8.0, 2.0), (2.0, 4.5), (0.5, 0.7)):
        normal, beta = _keyed(key, 1_000_000, a, b)
        numpy_beta = reference.beta(a, b, 1_000_000)
        assert abs(beta.mean() - a / (a + b)) < 0.002
        assert abs(beta.var() / numpy_beta.var() - 1) < 0.02
        gap = np.quantile(beta, quantiles) - np.quantile(numpy_beta, quantiles)
        assert np.abs(gap).max() < 0.004
    assert abs(normal.mean()) < 0.003 and abs(normal.var() - 1) < 0.005
    assert abs(np.mean(np.abs(normal) > 1.96) - 0.05) < 0.001


def test_a_ties_draw_depends_on_whom_it_joins_not_on_the_list(baseline):
    """Which ties end is drawn per pair: a tie gets the same number whichever other ties
    are drawn for with it, and a new number next week."""
    from sim import LonelinessModel

    world = LonelinessModel(baseline, residents=800, years=1, seed=3, agents=False).world
    ties = world.ties
    live = ties.live()
    world.new_week(5)
    whole = ties.draws(world.part_stream("drift"), live)
    some = ties.draws(world.part_stream("drift"), live[::7][::-1])
    assert np.array_equal(whole[::7][::-1], some)
    assert abs(whole.mean() - 0.5) < 0.03
    world.new_week(6)
    assert not np.array_equal(ties.draws(world.part_stream("drift"), live), whole)


def test_the_same_seekers_meet_the_same_people_when_others_join_the_search(baseline):
    """New acquaintances, keyed by seeker and pair: a resident who seeks in both runs meets
    the same person with the same potential closeness, whether or not others (say, the
    neighbours a meeting place draws out) seek too."""
    from sim import LonelinessModel, convoy

    world = LonelinessModel(baseline, residents=3000, years=1, seed=3, agents=False).world
    pop, index = world.pop, world.focus[0]
    key = kernel_key(stream(1, "meet"))
    everyone = np.flatnonzero(pop.active[: pop.n] & (pop.neighbourhood[: pop.n] >= 0))
    fewer = everyone[::3]

    def meet(seekers):
        a, b = convoy.pair_in_focus(None, index, seekers, pop.neighbourhood[seekers],
                                    pop.age[seekers], 10.0, world.ties, key)
        return {(int(x), int(y)): i for i, (x, y) in enumerate(zip(a, b, strict=True))}, a, b

    all_pairs, _, _ = meet(everyone)
    few_pairs, a, b = meet(fewer)
    assert len(few_pairs) > 100
    assert set(few_pairs) <= set(all_pairs)
    first, again = (convoy.add_ties(world.ties, None, world.params, a[:50], b[:50], NEIGHBOUR,
                                    settled=False, key=key) for _ in range(2))
    assert np.array_equal(world.ties.potential[first], world.ties.potential[again])


@kernel
def _generator_draws(rng, lam, n, p):  # pragma: no cover - compiled
    out = np.empty((6, len(lam)))
    for i in range(len(lam)):
        out[0, i] = rng.random()
    for i in range(len(lam)):
        out[1, i] = rng.uniform(0.15, 0.3)
    for i in range(len(lam)):
        out[2, i] = rng.beta(2.0, 4.5)
    for i in range(len(lam)):
        out[3, i] = rng.normal(0.0, 0.36)
    for i in range(len(lam)):
        out[4, i] = rng.poisson(lam[i])
    for i in range(len(lam)):
        out[5, i] = rng.binomial(n[i], p[i])
    return out


def test_compiled_arrivals_draw_numpys_numbers_from_the_same_stream():
    """The arrivals' kernels (sim/traits.py, convoy._kin_counts, Ties.add_drawn) take the
    numpy stream itself: numba runs numpy's algorithms on it, so a loop draws, value for
    value, what numpy draws for the whole array — including the edge cases the kin counts
    meet (p = 0 or 1, n = 0, λ = 0) — and leaves the stream where numpy leaves it."""
    size = 2_000
    pick = np.random.default_rng(3)
    lam = pick.choice([0.0, 0.3, 2.5, 12.0], size)
    n = pick.integers(0, 12, size)
    p = pick.choice([0.0, 1.0, 0.5, 0.05, 0.95], size)
    compiled, vectorised = stream(7, "arrivals"), stream(7, "arrivals")
    drawn = _generator_draws(compiled, lam, n, p)
    expected = np.stack([vectorised.random(size), vectorised.uniform(0.15, 0.3, size),
                         vectorised.beta(2.0, 4.5, size), vectorised.normal(0.0, 0.36, size),
                         vectorised.poisson(lam), vectorised.binomial(n, p)])
    assert np.array_equal(drawn, expected)
    assert compiled.random() == vectorised.random()
