"""Remote contact tools (beeldbellen): video calling and help to use it.

Lever: remote contact becomes worth more (``remote_boost``) — it still replaces meeting in
person only partly, least for emotional needs.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from sim.parameters.declare import param
from sim.policy.base import Intervention, register


@register("video_calling")
@dataclass(frozen=True)
class VideoCalling(Intervention):
    """A tablet and lessons in video calling."""

    addresses = ("practical", "no_close_bond")

    weeks: int = param(8, unit="weeks", lo=1, hi=520, source="assumption: lessons",
                       doc="Length of the lessons (the tool stays).")
    boost: float = param(0.5, unit="extra share of remote worth", lo=0, hi=3,
                         source="assumption — calibrated", doc="How much more remote "
                                                               "contact is worth with video.")
    volunteer_hours: float = param(1.0, unit="hours per participant per week", lo=0, hi=40,
                                   source="assumption: digital buddies", doc="Volunteer time.")
    cost_per_place_year: float = param(700.0, unit="euros per place per year", lo=0, hi=1e6,
                                       source="assumption: device and data", doc="Cost.")
    lockdown_continues: float = param(1.0, unit="share 0-1", lo=0, hi=1, source="assumption",
                                      doc="Video calling goes on in a lockdown.")

    def begin(self, model, ids):  # noqa: ANN001, D102
        pop = model.world.pop
        pop.remote_boost[ids] = np.maximum(pop.remote_boost[ids], self.boost)
