"""Weekly outcomes kept in preallocated arrays (the model's data collector).

Per week and group: residents and the metrics of :mod:`sim.metrics`. For ``trace`` randomly
sampled residents: their weekly state. For everyone: the life-event log (week, resident,
event), which the output writes for the traced residents.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from sim.arrays import isin
from sim.metrics import GROUPS, METRICS, group_metrics, weekly_table
from sim.rng import stream

if TYPE_CHECKING:
    from sim.model import LonelinessModel

#: Columns of the trace table besides week and resident.
TRACE_COLUMNS = ("emotional", "social", "djg11", "contacts", "health", "active")


class Recorder:
    """Outcome arrays of one run."""

    def __init__(self, model: LonelinessModel, trace: int) -> None:
        self.model = model
        weeks = model.weeks
        self.residents = np.zeros((weeks, len(GROUPS)), np.int64)
        self.values = np.full((weeks, len(GROUPS), len(METRICS)), np.nan)
        self.weeks_recorded = 0
        active = model.world.pop.active_ids()
        rng = stream(model.config.seed, "trace")
        k = min(trace, len(active))
        self.traced = np.sort(rng.choice(active, k, replace=False)) if k else np.zeros(0, int)
        self.trace = np.zeros((weeks, k, len(TRACE_COLUMNS)), np.float32)
        self.events: list[tuple[int, str, np.ndarray]] = []

    def record(self, week: int) -> None:
        """Store the outcomes of one week.

        Args:
            week: Week index (0-based).
        """
        world = self.model.world
        pop = world.pop
        residents, values = group_metrics(weekly_table(pop))
        self.residents[week] = residents
        self.values[week] = values
        self.weeks_recorded = week + 1
        for name, ids in world.event_log:
            self.events.append((week, name, ids))
        world.event_log.clear()
        if len(self.traced):
            t = self.traced
            self.trace[week] = np.stack([
                pop.emotional[t], pop.social[t], pop.djg_emotional[t] + pop.djg_social[t],
                pop.contacts[t], pop.health[t], pop.active[t]], axis=1)

    def latest(self, group: str, metric: str) -> float:
        """Most recent value of one metric for one group (NaN before the first week).

        Args:
            group: Group name from :data:`sim.metrics.GROUPS`.
            metric: Metric name from :data:`sim.metrics.METRICS`.

        Returns:
            The value.
        """
        if not self.weeks_recorded:
            return float("nan")
        return float(self.values[self.weeks_recorded - 1, GROUPS.index(group),
                                 METRICS.index(metric)])

    def series(self, group: str, metric: str) -> np.ndarray:
        """Weekly values of one metric for one group.

        Args:
            group: Group name.
            metric: Metric name.

        Returns:
            One value per recorded week.
        """
        return self.values[: self.weeks_recorded, GROUPS.index(group), METRICS.index(metric)]

    def events_of(self, residents: np.ndarray) -> list[tuple[int, int, str]]:
        """Life events of some residents as (week, resident, event), in order.

        Args:
            residents: Resident rows.

        Returns:
            Event records.
        """
        wanted = set(np.asarray(residents).tolist())
        out = []
        for week, name, ids in self.events:
            for row in np.asarray(ids)[isin(ids, residents)].tolist():
                if row in wanted:
                    out.append((week, row, name))
        return out
