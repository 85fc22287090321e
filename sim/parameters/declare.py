"""Parameters declared once: value, unit, allowed range and source.

Every model constant is a dataclass field made with :func:`param`. The scenario loader, the
``--set`` option of the command line and (later) dashboard sliders all read this one
declaration, so a parameter can never be validated in one place and forgotten in another.
"""

from __future__ import annotations

import dataclasses
from dataclasses import field
from typing import Any


def param(
    default: Any,
    *,
    unit: str,
    lo: float | None = None,
    hi: float | None = None,
    source: str,
    doc: str,
) -> Any:
    """Declare one model parameter.

    Args:
        default: The default value (a number, bool, string or tuple of numbers).
        unit: Unit of the value, e.g. ``"per year"`` or ``"share 0-1"``.
        lo: Smallest allowed value (inclusive), or None for no lower bound.
        hi: Largest allowed value (inclusive), or None for no upper bound.
        source: Where the default comes from: a statistic, a paper, or
            ``"assumption — calibrated"``.
        doc: One sentence saying what the parameter does in the model.

    Returns:
        A dataclass field carrying the metadata.
    """
    meta = {"unit": unit, "lo": lo, "hi": hi, "source": source, "doc": doc}
    if isinstance(default, list | tuple):
        return field(default_factory=lambda: tuple(default), metadata=meta)
    return field(default=default, metadata=meta)


def describe(obj: Any, prefix: str = "") -> list[dict[str, Any]]:
    """List every parameter below a parameter dataclass, with its metadata.

    Args:
        obj: A parameter dataclass instance.
        prefix: Dotted path of ``obj`` itself.

    Returns:
        One dict per leaf parameter: key, value, unit, lo, hi, source, doc.
    """
    rows: list[dict[str, Any]] = []
    for f in dataclasses.fields(obj):
        value = getattr(obj, f.name)
        key = f"{prefix}{f.name}"
        if dataclasses.is_dataclass(value):
            rows.extend(describe(value, key + "."))
        elif "unit" in f.metadata:
            rows.append({"key": key, "value": value, **f.metadata})
    return rows
