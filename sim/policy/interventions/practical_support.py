"""Practical support (praktische ondersteuning).

Transport, help with administration, relieving an informal carer.

Lever: support that closes part of the gap between what a resident can do out of the home
and full participation (``support``), so existing ties get the contact they need.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from sim.parameters.declare import param
from sim.policy.base import Intervention, register


@register("practical_support")
@dataclass(frozen=True)
class PracticalSupport(Intervention):
    """Transport, respite care, help with paperwork."""

    addresses = ("practical",)

    weeks: int = param(26, unit="weeks", lo=1, hi=520, source="assumption",
                       doc="How long the support runs.")
    strength: float = param(0.5, unit="share of the mobility gap closed", lo=0, hi=1,
                            source="assumption — calibrated",
                            doc="How much of the gap to full out-of-home contact is closed.")
    professional_hours: float = param(0.5, unit="hours per participant per week", lo=0,
                                      hi=40, source="assumption", doc="Professional time.")
    volunteer_hours: float = param(1.0, unit="hours per participant per week", lo=0, hi=40,
                                   source="assumption: volunteer drivers",
                                   doc="Volunteer time.")
    cost_per_place_year: float = param(1200.0, unit="euros per place per year", lo=0,
                                       hi=1e6, source="assumption", doc="Running cost.")

    def begin(self, model, ids):  # noqa: ANN001, D102
        pop = model.world.pop
        pop.support[ids] = np.maximum(pop.support[ids], self.strength)
        model.world.retarget(ids)

    def end(self, model, ids, completed):  # noqa: ANN001, D102
        model.world.pop.support[ids] = 0.0
        model.world.retarget(ids)
