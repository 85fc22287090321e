"""The tie store keeps its slots and arrays consistent through adds, removals and compaction."""

from __future__ import annotations

import numpy as np

from sim.ties import FRIEND, Ties


def degrees_from_arrays(ties, n):
    live = ties.live()
    b = ties.b[live]
    ends = np.concatenate([ties.a[live], b[b >= 0]])
    return np.bincount(ends, minlength=n)


def random_store(rng, residents, max_ties, pairs):
    """A tie store with random friendships (some with someone elsewhere), and their ids."""
    ties = Ties(10, residents, max_ties=max_ties)
    a = rng.integers(0, residents, pairs).astype(np.int32)
    b = rng.integers(-1, residents, pairs).astype(np.int32)
    keep = a != b
    ids = ties.add(a[keep], b[keep], FRIEND, np.full(keep.sum(), 0.5), np.full(keep.sum(), 0.6))
    return ties, ids


def test_add_remove_compact_keep_slots_consistent():
    ties, ids = random_store(np.random.default_rng(0), 50, 8, 300)
    assert (ties.degree()[:50] <= 8).all(), "no resident holds more ties than slots"
    assert (ties.degree()[:50] == degrees_from_arrays(ties, 50)).all()
    ties.remove(ids[::3])
    assert (ties.degree()[:50] == degrees_from_arrays(ties, 50)).all()
    before = sorted(zip(ties.a[ties.live()].tolist(), ties.b[ties.live()].tolist(),
                        strict=True))
    ties.compact()
    after = sorted(zip(ties.a[: ties.n].tolist(), ties.b[: ties.n].tolist(), strict=True))
    assert before == after and ties.alive[: ties.n].all()
    assert (ties.degree()[:50] == degrees_from_arrays(ties, 50)).all()
    assert_slots_match_ties(ties, 50)


def assert_slots_match_ties(ties, n):
    """Every used slot names a live tie of its resident, and the tie's other end as peer."""
    for r in range(n):
        for col in range(ties.count[r]):
            t = ties.slots[r, col]
            assert 0 <= t < ties.n and ties.alive[t], f"slot {r},{col} names a live tie"
            a, b = ties.a[t], ties.b[t]
            assert r in (a, b), f"tie {t} in slot {r},{col} has resident {r} at one end"
            assert ties.peer[r, col] == (b if a == r else a), "peer is the other end"


def test_has_tie_and_make_external():
    ties = Ties(10, 10, max_ties=4)
    ids = ties.add(np.array([1, 2]), np.array([2, 3]), FRIEND, np.array([0.5, 0.5]),
                   np.array([0.5, 0.5]))
    assert ties.has_tie(np.array([1, 2, 3, 1]), np.array([2, 1, 2, 3])).tolist() == [
        True, True, True, False]
    ties.make_external(ids[:1], np.array([1]), np.array([0], np.int8))
    assert ties.b[ids[0]] == -1 and ties.a[ids[0]] == 1
    assert not ties.has_tie(np.array([2]), np.array([1]))[0]
    assert ties.degree(np.array([1, 2])).tolist() == [1, 1]


def test_fits_predicts_which_pairs_add_keeps():
    """A resident has a fixed number of slots; ``fits`` says in advance which pairs get one."""
    rng = np.random.default_rng(2)
    ties = Ties(1000, 50, 4)
    a = rng.integers(0, 50, 300).astype(np.int32)
    b = np.where(rng.random(300) < 0.2, -1, rng.integers(0, 50, 300)).astype(np.int32)
    ok = a != b
    a, b = a[ok], b[ok]
    before = ties.count.copy()
    fits = ties.fits(a, b)
    assert np.array_equal(ties.count, before), "checking changes nothing"
    ids = ties.add(a, b, 1, np.ones(len(a)), np.ones(len(a)))
    assert 0 < fits.sum() < len(a), "some pairs find no free slot (a fair test)"
    assert np.array_equal(ties.a[ids], a[fits]) and np.array_equal(ties.b[ids], b[fits])
    assert ties.count.max() <= 4


def test_intake_sums_stay_in_step_with_the_ties(baseline, monkeypatch):
    """After weeks of life events that link, unlink and re-value ties one batch at a time,
    the intake sums equal a fresh sum of every live tie's cached values; and re-valuing tie
    by tie (small batches) or rates first (large ones) caches the same values, bit for bit."""
    import sim.contacts
    from sim import LonelinessModel

    model = LonelinessModel(baseline, residents=1500, years=0.6, seed=2, agents=False)
    model.run()
    world, live = model.world, model.world.ties.live()
    kept = world.intake.sums.copy()
    world.intake.clear()
    world.intake.apply(world.ties, live, 1.0)
    assert np.allclose(kept, world.intake.sums, atol=1e-4)
    assert kept.sum() > 0
    cached = {}
    for name, below in (("rates first", 0), ("tie by tie", 10**9)):
        monkeypatch.setattr(sim.contacts, "DIRECT_BELOW", below)
        world.refresh_values()
        cached[name] = (world.intake.sums.copy(), world.ties.value_emotional.copy(),
                        world.ties.value_social.copy(), world.ties.setting.copy())
    for a, b in zip(cached["rates first"], cached["tie by tie"], strict=True):
        assert np.array_equal(a, b)


def test_between_finds_the_ties_numpy_found():
    """``Ties.between`` (compiled) gives the ids of the broadcast compare it replaced."""
    rng = np.random.default_rng(6)
    ties, _ = random_store(rng, 40, 6, 400)
    x = rng.integers(0, 40, 300).astype(np.int32)
    y = rng.integers(-1, 40, 300).astype(np.int32)
    inside = y >= 0  # the old code's callers looked up pairs in town only
    r, c = np.nonzero(ties.peer[x[inside]] == y[inside][:, None])
    want = ties.slots[x[inside][r], c]
    assert len(want) and np.array_equal(ties.between(x, y), want)
