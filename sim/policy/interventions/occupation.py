"""Occupation or distraction (bezigheid): a course, gardening, painting.

Distraction eases loneliness but does not solve it. Lever: a small group to belong to while
it runs (participation), few new ties, and a little mastery from doing something.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from sim.parameters.declare import param
from sim.policy.base import Intervention, register
from sim.policy.levers import join_groups, leave_groups, meet_in_groups


@register("occupation")
@dataclass(frozen=True)
class Occupation(Intervention):
    """A course or hobby group."""

    addresses = ("no_role",)

    weeks: int = param(12, unit="weeks", lo=1, hi=520, source="assumption: a course",
                       doc="Length of the course.")
    group_size: int = param(10, unit="people per group", lo=2, hi=200, source="assumption",
                            doc="Group size.")
    new_ties_per_year: float = param(1.0, unit="new acquaintances per year", lo=0, hi=52,
                                     source="assumption", doc="Few ties form in a course.")
    mastery_gain: float = param(0.02, unit="mastery points", lo=0, hi=1, source="assumption",
                                doc="Mastery gained by completing.")
    cost_per_place_year: float = param(600.0, unit="euros per place per year", lo=0, hi=1e6,
                                       source="assumption", doc="Running cost per place.")

    def begin(self, model, ids):  # noqa: ANN001, D102
        join_groups(model, self, ids, self.group_size)

    def during(self, model, ids):  # noqa: ANN001, D102
        meet_in_groups(model, ids, self.new_ties_per_year)

    def end(self, model, ids, completed):  # noqa: ANN001, D102
        pop = model.world.pop
        if completed:
            pop.mastery[ids] = np.minimum(pop.mastery[ids] + self.mastery_gain, 0.99)
        leave_groups(model, ids)
