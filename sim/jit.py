"""Compiled loops for the few places where numpy needs many passes or many small calls.

Kernels are plain Python functions compiled by numba on first use and cached next to the
source (``__pycache__``), so only the first run after a change pays the compile time. They
take and return numpy arrays. Their random numbers come from the caller's named stream:
drawn by the caller, or — in the weekly loops over all residents — computed in the loop
from a key the caller drew (:func:`sim.rng.uniform_at`: the number depends on the key and
the row only). Long loops whose rows are independent run half on each of two cores
(:func:`on_two_cores`), with the same results.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor, wait

import numba
import numpy as np

#: Decorator for kernels: compiled without the Python interpreter, cached on disk.
kernel = numba.njit(cache=True, nogil=True, boundscheck=False, error_model="numpy")
#: Decorator for small helpers of kernels: inlined into the calling kernel (no per-call
#: overhead of passing arrays).
inline = numba.njit(cache=True, nogil=True, boundscheck=False, error_model="numpy",
                    inline="always")


def threads_setting() -> int:
    """Cores for :func:`on_two_cores`: ``KONVOOI_THREADS`` (1 or 2), else 2 if there are two.

    Returns:
        1 or 2 (any other value of the variable is ignored here; the command line rejects it).
    """
    text = os.environ.get("KONVOOI_THREADS", "").strip()
    if text in ("1", "2"):
        return int(text)
    return 2 if (os.cpu_count() or 1) >= 2 else 1


#: Cores used by :func:`on_two_cores`.
THREADS = threads_setting()
#: Loops shorter than this run on one core (handing half to the other takes ~20 µs here,
#: more than short loops gain).
TWO_CORES_FROM = 50_000
_pool: ThreadPoolExecutor | None = None


def _forget_pool() -> None:
    """In a forked child the worker thread does not exist: start a new pool when needed."""
    global _pool
    _pool = None


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_forget_pool)


def _second_core() -> ThreadPoolExecutor:
    """The one worker thread that runs kernels on the second core (started when needed)."""
    global _pool
    if _pool is None:
        _pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="konvooi-kernel")
    return _pool


def on_two_cores(n: int, run: Callable[[int, int], object]) -> None:
    """Run ``run(lo, hi)`` over two halves of ``range(n)`` at once, one on each core.

    For compiled loops whose rows are independent (each row read and written by one half
    only): kernels release the interpreter lock, so a worker thread runs the second half
    while this thread runs the first. The result is the same as one call ``run(0, n)``,
    bit for bit; short loops, or ``THREADS = 1``, run as that one call.

    Args:
        n: Number of rows.
        run: Calls the kernel on rows ``lo`` to ``hi`` (slices of its arrays).
    """
    _halves(n, run)


def _halves(n: int, run: Callable[[int, int], object]) -> tuple:
    """``run`` over ``range(n)``: one call, or the two halves at once; their results."""
    if THREADS < 2 or n < TWO_CORES_FROM:
        return (run(0, n),)
    half = n // 2
    second = _second_core().submit(run, half, n)
    try:
        first = run(0, half)
    finally:
        rest = second.result()
    return first, rest


def found_on_two_cores(n: int, run: Callable[[int, int], object]) -> object:
    """What ``run(lo, hi)`` finds in two halves of ``range(n)``, one on each core, joined.

    For compiled scans that list the rows meeting a test in order: the joined lists equal
    one call ``run(0, n)``, bit for bit.

    Args:
        n: Number of rows.
        run: Calls the kernel on rows ``lo`` to ``hi``; returns what it found there (an
            array, or a tuple of arrays).

    Returns:
        The first half's findings, then the second's (per array of the tuple).
    """
    parts = _halves(n, run)
    if len(parts) == 1:
        return parts[0]
    first, rest = parts
    if isinstance(first, tuple):
        return tuple(np.concatenate(pair) for pair in zip(first, rest, strict=True))
    return np.concatenate([first, rest])


#: Rows per chunk of :func:`pipelined` (a chunk's columns stay in the cache between the steps).
PIPELINE_CHUNK = 1 << 16


def pipelined(n: int, chunk: int, produce: Callable[[int, int], object],
              consume: Callable[[int, int], object]) -> None:
    """``produce`` then ``consume`` each chunk of ``range(n)``, the two overlapping in time.

    The second core runs ``produce`` on the chunks in order while this thread runs
    ``consume`` on each chunk as soon as it is produced: for a pass whose second step
    cannot be split over the cores (scattered additions into shared sums) but whose first
    step can run ahead. The result is that of producing and consuming every chunk in order,
    bit for bit; with ``THREADS = 1`` it is exactly that.

    Args:
        n: Number of rows.
        chunk: Rows per chunk.
        produce: Works on rows ``lo`` to ``hi`` (a compiled loop that releases the GIL).
        consume: Works on rows ``lo`` to ``hi`` once they are produced.
    """
    bounds = [(lo, min(lo + chunk, n)) for lo in range(0, n, chunk)]
    if THREADS < 2:
        for lo, hi in bounds:
            produce(lo, hi)
            consume(lo, hi)
        return
    worker = _second_core()
    done = [worker.submit(produce, lo, hi) for lo, hi in bounds]  # run in order by one worker
    try:
        for (lo, hi), future in zip(bounds, done, strict=True):
            future.result()
            consume(lo, hi)
    finally:
        wait(done)  # no chunk still running when this returns or raises


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
