"""Realistic expectations (cognitieve benadering): breaking negative thoughts.

Levers: faster adaptation of desired relationships toward what is achieved (``adapt_boost``),
lowering the gap from the desired side, and less withdrawal (contact feels worth more and
people go out more), with part of the effect lasting after the course.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from sim.parameters.declare import param
from sim.policy.base import Intervention, register


@register("realistic_expectations")
@dataclass(frozen=True)
class RealisticExpectations(Intervention):
    """A cognitive-behavioural course."""

    addresses = ("expectations",)

    weeks: int = param(12, unit="weeks", lo=1, hi=520, source="assumption",
                       doc="Course length.")
    adaptation_gain: float = param(
        6.0, unit="extra multiple of the adaptation rate", lo=0, hi=100,
        source="Masi et al. 2011: addressing maladaptive cognition is the most effective "
               "single approach; size assumption — calibrated",
        doc="How much faster expectations adapt during the course.")
    withdrawal_relief: float = param(
        0.5, unit="share of withdrawal removed", lo=0, hi=1,
        source="Masi et al. 2011 (maladaptive social cognition); assumption — calibrated",
        doc="Share of a participant's withdrawal the course breaks down.")
    lasting: float = param(0.3, unit="share of the gain kept after", lo=0, hi=1,
                           source="assumption", doc="Share of the effect that stays.")
    professional_hours: float = param(1.0, unit="hours per participant per week", lo=0,
                                      hi=40, source="assumption", doc="Professional time.")
    cost_per_place_year: float = param(2000.0, unit="euros per place per year", lo=0,
                                       hi=1e6, source="assumption", doc="Running cost.")

    def begin(self, model, ids):  # noqa: ANN001, D102
        pop = model.world.pop
        pop.adapt_boost[ids] = np.maximum(pop.adapt_boost[ids], self.adaptation_gain)
        pop.withdrawal[ids] *= 1 - self.withdrawal_relief
        model.world.retarget(ids)

    def end(self, model, ids, completed):  # noqa: ANN001, D102
        kept = self.adaptation_gain * self.lasting if completed else 0.0
        model.world.pop.adapt_boost[ids] = kept
