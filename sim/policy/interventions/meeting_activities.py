"""Meeting activities (ontmoeting): walking club, shared dinner, card night, coffee morning.

Lever: a group that meets weekly — belonging (participation) and new acquaintances, which
are mostly weak ties. The scientists found that meetings help less than hoped and mainly
touch social, not emotional, loneliness; in the model that follows from weak ties feeding
social fulfilment far more than emotional fulfilment.
"""

from __future__ import annotations

from dataclasses import dataclass

from sim.parameters.declare import param
from sim.policy.base import register
from sim.policy.interventions.groups import GroupActivity


@register("meeting_activities")
@dataclass(frozen=True)
class MeetingActivities(GroupActivity):
    """A weekly group activity."""

    addresses = ("small_network", "no_role")

    weeks: int = param(26, unit="weeks", lo=1, hi=520, source="assumption",
                       doc="How long a participant takes part.")
    group_size: int = param(15, unit="participants per group", lo=2, hi=200,
                            source="assumption", doc="Size of a group.")
    new_ties_per_year: float = param(
        4.0, unit="new acquaintances per participant per year", lo=0, hi=52,
        source="assumption — calibrated", doc="How fast participants get to know each other.")
    volunteer_hours: float = param(0.5, unit="hours per participant per week", lo=0, hi=40,
                                   source="assumption", doc="Volunteer time.")
    cost_per_place_year: float = param(400.0, unit="euros per place per year", lo=0, hi=1e6,
                                       source="assumption: venue, coffee, materials",
                                       doc="Running cost per place.")
    dropout_per_year: float = param(0.6, unit="per year", lo=0, hi=10, source="assumption",
                                    doc="Drop-out when it fits.")
