"""What the policy did, week by week and per intervention (``interventions.csv``)."""

from __future__ import annotations

import numpy as np

#: Counters per week and intervention, in column order.
COUNTS = ("eligible", "referred", "waiting", "enrolled", "completed", "dropped_out",
          "dropped_out_misfit", "volunteer_hours", "professional_hours", "cost")


class Ledger:
    """Weekly counters; the last row ``intake`` holds the welfare organisation's queue.

    Besides the table per intervention, ``found_by`` counts per week who referred the
    residents who reached the intake: each signaler domain, or the resident themselves.

    Args:
        weeks: Weeks of the run.
        labels: Intervention labels.
        sources: Sources of referrals (signaler domains and self-referral).
    """

    def __init__(self, weeks: int, labels: list[str], sources: tuple[str, ...] = ()) -> None:
        self.labels = [*labels, "intake"]
        self.table = np.zeros((weeks, len(self.labels), len(COUNTS)))
        self.sources = tuple(sources)
        self.found_by = np.zeros((weeks, len(self.sources)), np.int64)

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

    def found(self, week: int, counts: np.ndarray) -> None:
        """Add this week's referrals per source.

        Args:
            week: Week index.
            counts: Referred residents per source, in the order of ``sources``.
        """
        self.found_by[week] += counts

    def total(self, count: str, weeks: int | None = None) -> np.ndarray:
        """Sum of a counter over weeks, per intervention row.

        Args:
            count: Counter name.
            weeks: Only the first ``weeks`` weeks.

        Returns:
            One total per row.
        """
        return self.table[:weeks, :, COUNTS.index(count)].sum(axis=0)
