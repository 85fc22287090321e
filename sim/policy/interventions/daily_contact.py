"""Daily contact (dagelijks contact): someone looks in every day at a fixed time.

For frail residents living alone with no daily contact from their own network (De Jong
Gierveld, in 'Inzicht in eenzaamheid'): a volunteer or neighbour puts their head round the
door every day and asks "how was your day?". Lever: a new tie with daily in-person contact,
which can grow closer over the weeks.
"""

from __future__ import annotations

from dataclasses import dataclass

from sim.parameters.declare import param
from sim.policy.base import Intervention, register
from sim.policy.levers import change_visits, start_visits


@register("daily_contact")
@dataclass(frozen=True)
class DailyContact(Intervention):
    """A daily visit at a fixed time."""

    addresses = ("no_close_bond", "practical")

    target: tuple = param(("frail_living_alone", "no_daily_contact", "lonely"),
                          unit="target group names", source="De Jong Gierveld (DOMAIN.md)",
                          doc="Frail residents living alone without daily contact who are "
                              "lonely.")
    weeks: int = param(52, unit="weeks", lo=1, hi=520, source="assumption",
                       doc="How long the daily visits go on.")
    visits_per_week: float = param(7.0, unit="visits per week", lo=1, hi=14,
                                   source="DOMAIN.md: every day, at a fixed time",
                                   doc="Visits per week.")
    start_closeness: float = param(0.3, unit="closeness 0-1", lo=0, hi=1, source="assumption",
                                   doc="Closeness of the visitor at the first visit.")
    volunteer_hours: float = param(2.5, unit="hours per participant per week", lo=0, hi=40,
                                   source="assumption: ~20 minutes a day", doc="Volunteer time.")
    cost_per_place_year: float = param(
        600.0, unit="euros per place per year", lo=0, hi=1e6,
        source="assumption: coordination of volunteers", doc="Running cost per place.")
    dropout_per_year: float = param(0.15, unit="per year", lo=0, hi=10, source="assumption",
                                    doc="Drop-out when it fits.")
    lockdown_continues: float = param(0.8, unit="share 0-1", lo=0, hi=1,
                                      source="assumption: a doorstep visit or a call goes on",
                                      doc="Share that goes on in a lockdown.")

    def begin(self, model, ids):  # noqa: ANN001, D102
        start_visits(model, ids, self.visits_per_week, self.start_closeness)

    def end(self, model, ids, completed):  # noqa: ANN001, D102
        change_visits(model, ids, self.visits_per_week, 0.0)
