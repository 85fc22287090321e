"""Buddy or visiting service (maatje, bezoekdienst): personal, meaningful contact.

Lever: a new tie with a volunteer who visits weekly and can grow close; after the programme
the buddy may stay in touch now and then. One-to-one attention matters most for emotional
loneliness — but grief is not fixed by a visit (the tie adds contact, grief runs its course).
"""

from __future__ import annotations

from dataclasses import dataclass

from sim.parameters.declare import param
from sim.policy.base import Intervention, register
from sim.policy.levers import change_visits, start_visits


@register("buddy")
@dataclass(frozen=True)
class Buddy(Intervention):
    """A weekly visiting volunteer."""

    addresses = ("no_close_bond",)

    weeks: int = param(52, unit="weeks", lo=1, hi=520, source="assumption",
                       doc="Length of the buddy programme.")
    visits_per_week: float = param(1.0, unit="visits per week", lo=0.1, hi=14,
                                   source="assumption: a weekly visit", doc="Visits per week.")
    visits_after: float = param(0.2, unit="visits per week", lo=0, hi=14, source="assumption",
                                doc="Visits after the programme ends (0: none).")
    start_closeness: float = param(0.3, unit="closeness 0-1", lo=0, hi=1, source="assumption",
                                   doc="Closeness at the first visit.")
    volunteer_hours: float = param(2.0, unit="hours per participant per week", lo=0, hi=40,
                                   source="assumption", doc="Volunteer time.")
    cost_per_place_year: float = param(800.0, unit="euros per place per year", lo=0, hi=1e6,
                                       source="assumption", doc="Running cost per place.")
    lockdown_continues: float = param(0.5, unit="share 0-1", lo=0, hi=1, source="assumption",
                                      doc="Share that goes on in a lockdown.")

    def begin(self, model, ids):  # noqa: ANN001, D102
        start_visits(model, ids, self.visits_per_week, self.start_closeness)

    def end(self, model, ids, completed):  # noqa: ANN001, D102
        change_visits(model, ids, self.visits_per_week, self.visits_after if completed else 0)
