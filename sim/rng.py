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
def uniform_at(key, position):  # pragma: no cover - compiled
    """Uniform float32 in [0, 1) at ``position`` of the SplitMix64 sequence seeded by ``key``.

    The top 24 bits of the 64-bit output, as numpy makes its float32 draws.

    Args:
        key: From :func:`kernel_key`.
        position: Non-negative integer (a row, or twice a row plus 0 or 1 for two draws).

    Returns:
        float32 draw.
    """
    z = key + (np.uint64(position) + np.uint64(1)) * _GOLDEN
    z = (z ^ (z >> np.uint64(30))) * _MIX1
    z = (z ^ (z >> np.uint64(27))) * _MIX2
    z = z ^ (z >> np.uint64(31))
    return np.float32(z >> np.uint64(40)) * np.float32(1.0 / (1 << 24))
