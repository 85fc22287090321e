"""The shared lever of group interventions: a group that meets, like a club.

Participants join one of the intervention's groups (a focus), belong to it (participation),
get to know fellow members (new ties that may grow close), and may gain a little mastery
from completing. Withdrawn people come less often. Meetings, a valued role and occupation
differ only in their parameters.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from sim.parameters.declare import param
from sim.policy.base import Intervention
from sim.policy.levers import join_groups, leave_groups, meet_in_groups


@dataclass(frozen=True)
class GroupActivity(Intervention):
    """An intervention delivered in groups."""

    group_size: int = param(15, unit="participants per group", lo=2, hi=200,
                            source="assumption", doc="Size of a group.")
    new_ties_per_year: float = param(
        4.0, unit="new acquaintances per participant per year", lo=0, hi=52,
        source="assumption — calibrated", doc="How fast participants get to know each other.")
    mastery_gain: float = param(0.0, unit="mastery points on completing", lo=0, hi=1,
                                source="assumption", doc="Mastery gained by completing.")

    def begin(self, model, ids):  # noqa: ANN001, D102
        join_groups(model, self, ids, self.group_size)

    def during(self, model, ids):  # noqa: ANN001, D102
        # Withdrawn people come less often and meet fewer people.
        attending = ids[model.policy.rng.random(len(ids)) >= model.world.pop.withdrawal[ids]]
        meet_in_groups(model, attending, self.new_ties_per_year)

    def end(self, model, ids, completed):  # noqa: ANN001, D102
        pop = model.world.pop
        if completed and self.mastery_gain:
            pop.mastery[ids] = np.minimum(pop.mastery[ids] + self.mastery_gain, 0.99)
        leave_groups(model, ids)
