"""What the policy did, week by week and per intervention (``interventions.csv``)."""

from __future__ import annotations

import numpy as np

#: Counters per week and intervention, in column order.
COUNTS = ("eligible", "referred", "waiting", "enrolled", "completed", "dropped_out",
          "dropped_out_misfit", "volunteer_hours", "professional_hours", "cost")


class Ledger:
    """Weekly counters; the last row ``intake`` holds the welfare organisation's queue."""

    def __init__(self, weeks: int, labels: list[str]) -> None:
        self.labels = [*labels, "intake"]
        self.table = np.zeros((weeks, len(self.labels), len(COUNTS)))

    def add(self, week: int, index: int, count: str, value: float) -> None:
        """Add to one counter.

        Args:
            week: Week index.
            index: Intervention index (``len(labels)`` for the intake row).
            count: Counter name from :data:`COUNTS`.
            value: Amount.
        """
        self.table[week, index, COUNTS.index(count)] += value

    def set(self, week: int, index: int, count: str, value: float) -> None:
        """Set one counter (for stocks such as waiting and enrolled).

        Args:
            week: Week index.
            index: Intervention index.
            count: Counter name.
            value: Value.
        """
        self.table[week, index, COUNTS.index(count)] = value

    def total(self, count: str, weeks: int | None = None) -> np.ndarray:
        """Sum of a counter over weeks, per intervention row.

        Args:
            count: Counter name.
            weeks: Only the first ``weeks`` weeks.

        Returns:
            One total per row.
        """
        return self.table[:weeks, :, COUNTS.index(count)].sum(axis=0)
