"""Compiled loops for the few places where numpy needs many passes or many small calls.

Kernels are plain Python functions compiled by numba on first use and cached next to the
source (``__pycache__``), so only the first run after a change pays the compile time. They
take and return numpy arrays and draw no random numbers: every draw is made by the caller
from its named stream, so a kernel changes speed, never the draws.
"""

from __future__ import annotations

import numba
import numpy as np

#: Decorator for kernels: compiled without the Python interpreter, cached on disk.
kernel = numba.njit(cache=True, nogil=True, boundscheck=False, error_model="numpy")
#: Decorator for small helpers of kernels: inlined into the calling kernel (no per-call
#: overhead of passing arrays).
inline = numba.njit(cache=True, nogil=True, boundscheck=False, error_model="numpy",
                    inline="always")

#: Range of :func:`exp32`'s argument; beyond it the argument is clipped.
EXP32_RANGE = 16.0


@inline
def exp32(x):  # pragma: no cover - compiled
    """``exp(x)`` in float32 by a polynomial, for loops that should run as vector code.

    numba calls the C library for ``np.exp``, one value at a time (vectorised versions need
    Intel's SVML, which the PyPI builds of llvmlite lack); a polynomial compiles to vector
    instructions (8× faster here). ``exp(x) = exp(x / 32) ** 32``: a degree-6 Taylor
    polynomial for ``|x / 32| <= 0.5``, then five squarings. Relative error below 4e-6 for
    ``|x| <= 8``, below 1e-4 up to ``|x| = 16`` (tested); ``x`` is clipped to
    ``±EXP32_RANGE``.
    """
    y = min(max(x, np.float32(-EXP32_RANGE)), np.float32(EXP32_RANGE)) * np.float32(1 / 32)
    p = np.float32(1.0) + y * (np.float32(1.0) + y * (np.float32(1 / 2) + y * (
        np.float32(1 / 6) + y * (np.float32(1 / 24) + y * (np.float32(1 / 120)
                                                           + y * np.float32(1 / 720))))))
    p *= p
    p *= p
    p *= p
    p *= p
    return p * p
