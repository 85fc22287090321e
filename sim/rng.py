"""One seed, named random streams.

Each module draws from its own :class:`numpy.random.Generator`, derived from the scenario seed
and the stream's name. Adding a stream (say, for a new intervention) leaves every other
stream's draws untouched, so two strategies run on common random numbers.
"""

from __future__ import annotations

import zlib

import numpy as np


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
