"""Social-skills training (sociale vaardigheden): taking initiative, language lessons.

Lever: more new ties in every focus the resident takes part in (``sociability``), a skill
that stays after the course.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from sim.parameters.declare import param
from sim.policy.base import Intervention, register


@register("social_skills")
@dataclass(frozen=True)
class SocialSkills(Intervention):
    """A training course in social skills."""

    addresses = ("small_network", "expectations")

    weeks: int = param(10, unit="weeks", lo=1, hi=520, source="assumption: a 10-week course",
                       doc="Course length.")
    skill_gain: float = param(0.5, unit="extra share of new ties", lo=0, hi=5,
                              source="assumption — calibrated",
                              doc="How many more new ties a trained resident makes.")
    professional_hours: float = param(0.5, unit="hours per participant per week", lo=0,
                                      hi=40, source="assumption: group trainer",
                                      doc="Professional time.")
    cost_per_place_year: float = param(1500.0, unit="euros per place per year", lo=0,
                                       hi=1e6, source="assumption", doc="Running cost.")

    def end(self, model, ids, completed):  # noqa: ANN001, D102
        if completed:
            pop = model.world.pop
            pop.sociability[ids] = np.maximum(pop.sociability[ids], self.skill_gain)
