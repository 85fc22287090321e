"""Compiled loops for the few places where numpy needs many passes or many small calls.

Kernels are plain Python functions compiled by numba on first use and cached next to the
source (``__pycache__``), so only the first run after a change pays the compile time. They
take and return numpy arrays and draw no random numbers: every draw is made by the caller
from its named stream, so a kernel changes speed, never the draws.
"""

from __future__ import annotations

import numba

#: Decorator for kernels: compiled without the Python interpreter, cached on disk.
kernel = numba.njit(cache=True, nogil=True, boundscheck=False, error_model="numpy")
#: Decorator for small helpers of kernels: inlined into the calling kernel (no per-call
#: overhead of passing arrays).
inline = numba.njit(cache=True, nogil=True, boundscheck=False, error_model="numpy",
                    inline="always")
