"""One seed, named random streams, and per-row draws inside compiled loops.

Each module draws from its own :class:`numpy.random.Generator`, derived from the scenario seed
and the stream's name. Adding a stream (say, for a new intervention) leaves every other
stream's draws untouched, so two strategies run on common random numbers.

The weekly loops over all residents (the event draw, the personal fluctuations) draw inside
the compiled loop instead: the caller takes one key from its named stream
(:func:`kernel_key`) and the loop gives row ``i`` the number :func:`uniform_at` ``(key, i)``
— SplitMix64 (Steele, Lea & Flood 2014; Java's ``SplittableRandom``, and the seeder of
Vigna's xoshiro generators) at position ``i`` of the sequence that starts at the key. A resident's
draw then depends on the seed, the stream, the week and their row only, not on how many
rows the town has: common random numbers per resident and week. It saves numpy filling and
the loop reading an array of 150,000-300,000 draws a week at 100,000 residents (0.67 ms for
300,000 float32 draws here against 0.25 ms computed in the loop, on one core).
"""

from __future__ import annotations

import zlib

import numpy as np

from sim.jit import inline


def stream(seed: int, name: str) -> np.random.Generator:
    """Return the generator for one named stream.

    Args:
        seed: The scenario seed.
        name: The stream's name, e.g. ``"population"`` or ``"events"``.

    Returns:
        A generator that depends only on ``seed`` and ``name``.
    """
    key = zlib.crc32(name.encode("utf-8"))
    return np.random.default_rng(np.random.SeedSequence([seed, key]))


def kernel_key(rng: np.random.Generator) -> np.uint64:
    """A key for :func:`uniform_at`, drawn from a named stream (one draw).

    Args:
        rng: The stream.

    Returns:
        A 64-bit key.
    """
    return rng.integers(0, 2**64, dtype=np.uint64)


#: SplitMix64's increment (the golden ratio in 64 bits) and its two mixing multipliers.
_GOLDEN = np.uint64(0x9E3779B97F4A7C15)
_MIX1 = np.uint64(0xBF58476D1CE4E5B9)
_MIX2 = np.uint64(0x94D049BB133111EB)


@inline
def _mix(z):  # pragma: no cover - compiled
    """SplitMix64's output function: every bit of ``z`` (uint64) moves every bit out."""
    z = (z ^ (z >> np.uint64(30))) * _MIX1
    z = (z ^ (z >> np.uint64(27))) * _MIX2
    return z ^ (z >> np.uint64(31))


@inline
def bits_at(key, position):  # pragma: no cover - compiled
    """64 random bits at ``position`` of the SplitMix64 sequence seeded by ``key``."""
    return _mix(key + (np.uint64(position) + np.uint64(1)) * _GOLDEN)


@inline
def uniform_at(key, position):  # pragma: no cover - compiled
    """Uniform float32 in [0, 1) at ``position`` of the SplitMix64 sequence seeded by ``key``.

    The top 24 bits of the 64-bit output, as numpy makes its float32 draws.

    Args:
        key: From :func:`kernel_key`.
        position: Non-negative integer (a row, or twice a row plus 0 or 1 for two draws).

    Returns:
        float32 draw.
    """
    return np.float32(bits_at(key, position) >> np.uint64(40)) * np.float32(1.0 / (1 << 24))


# ---- draws that belong to one resident or one pair ------------------------------------------
# A part of the model that draws over a list whose length depends on the state (the ties that
# may end, the residents who seek a new tie) shifts every later draw once two runs' lists
# differ. Keying each draw by whom it is about instead — a resident's row, a pair of rows —
# gives the same resident or pair the same number in both runs, whatever else differs.


@inline
def key_of(key, ident):  # pragma: no cover - compiled
    """The key of one item (a resident's row, a pair's code) within a week's key.

    Args:
        key: From :func:`kernel_key`.
        ident: Non-negative integer naming the item (see :func:`pair_code`).

    Returns:
        A key for :func:`uniform_at` and :func:`beta_at`, independent of other items' keys.
    """
    return _mix(key ^ _mix(np.uint64(ident) * _GOLDEN + _GOLDEN))


@inline
def pair_code(x, y):  # pragma: no cover - compiled
    """One number for an unordered pair of rows (``y < 0``: ``x`` and someone elsewhere)."""
    if y < 0:
        return (np.uint64(x) << np.uint64(32)) | np.uint64(0xFFFFFFFF)
    lo, hi = min(x, y), max(x, y)
    return (np.uint64(lo) << np.uint64(32)) | np.uint64(hi)


@inline
def _open_unit_at(key, position):  # pragma: no cover - compiled
    """Uniform float64 in (0, 1] (53 bits): safe to take the logarithm of."""
    return (np.float64(bits_at(key, position) >> np.uint64(11)) + 1.0) * (1.0 / 2.0**53)


@inline
def normal_at(key, position):  # pragma: no cover - compiled
    """Standard normal draw from positions ``2 position`` and ``2 position + 1`` (Box-Muller)."""
    u = _open_unit_at(key, 2 * position)
    v = _open_unit_at(key, 2 * position + 1)
    return np.sqrt(-2.0 * np.log(u)) * np.cos(2.0 * np.pi * v)


@inline
def _gamma_at(key, shape):  # pragma: no cover - compiled
    """Gamma(shape, 1) draw from the sequence of ``key`` (Marsaglia & Tsang 2000).

    Shapes below 1 use Gamma(shape + 1) times ``U ** (1 / shape)``. Each try of the
    rejection step takes the next three positions of the sequence (about 1 in 30 is
    rejected for shapes of 2 or more).
    """
    boost = 1.0
    if shape < 1.0:
        boost = _open_unit_at(key, 0) ** (1.0 / shape)
        shape += 1.0
    d = shape - 1.0 / 3.0
    c = 1.0 / np.sqrt(9.0 * d)
    position = 1
    while True:
        x = normal_at(key, position)  # positions 2p, 2p + 1
        u = _open_unit_at(key, 2 * position + 2)
        position += 2
        v = 1.0 + c * x
        if v <= 0.0:
            continue
        v = v * v * v
        if np.log(u) < 0.5 * x * x + d - d * v + d * np.log(v):
            return d * v * boost


@inline
def beta_at(key, a, b):  # pragma: no cover - compiled
    """Beta(a, b) draw from the sequence of ``key``: ``X / (X + Y)`` of two Gamma draws."""
    x = _gamma_at(key_of(key, 1), a)
    y = _gamma_at(key_of(key, 2), b)
    return x / (x + y)
