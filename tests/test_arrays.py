"""The sorting set operations give numpy's answers (they replace its slow hashing)."""

from __future__ import annotations

import numpy as np

from sim.arrays import difference, first_and_inverse, isin, per_item, stable_sort, union, unique


def test_set_operations_match_numpy():
    rng = np.random.default_rng(4)
    a = rng.integers(-5, 40, 200).astype(np.int32)
    b = rng.integers(0, 60, 50)
    assert np.array_equal(unique(a), np.unique(a))
    # Short integer arrays take the compiled path, long ones numpy's (int64 as well).
    for values in (a, a.astype(np.int64), np.tile(a, 30), np.zeros(0, np.int32)):
        got = first_and_inverse(values)
        expected = np.unique(values, return_index=True, return_inverse=True)
        for got_part, want in zip(got, expected, strict=True):
            assert got_part.dtype == want.dtype and np.array_equal(got_part, want)
    assert np.array_equal(isin(a, b), np.isin(a, b))
    assert np.array_equal(union(a, b), np.union1d(a, b))
    assert np.array_equal(difference(a, b), np.setdiff1d(a, b))
    assert not isin(a, []).any() and len(unique([])) == 0


def test_stable_sort_keeps_equal_values_in_index_order():
    rng = np.random.default_rng(5)
    # Focus-index keys (focus * 512 + age) with repeats, as twins of one age in one focus.
    keys = rng.integers(0, 30, 5000) * 512.0 + rng.integers(0, 40, 5000)
    order, ordered = stable_sort(keys)
    assert np.array_equal(order, np.argsort(keys, kind="stable"))
    assert np.array_equal(ordered, keys[order])
    assert len(stable_sort(np.zeros(0))[0]) == 0


def test_per_item_repeats_a_scalar_or_keeps_the_values():
    for value, dtype in ((3, np.int8), (-1.5, np.float32), (np.array([1, 2, 300]), np.int32)):
        want = np.broadcast_to(np.asarray(value, dtype), (3,))
        got = per_item(value, 3, dtype)
        assert got.dtype == dtype and np.array_equal(got, want)
