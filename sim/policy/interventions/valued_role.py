"""A socially valued role (een zinvolle rol): volunteering, work.

Lever: a team to belong to (participation and new acquaintances) and a gain in mastery from
being useful.
"""

from __future__ import annotations

from dataclasses import dataclass

from sim.parameters.declare import param
from sim.policy.base import register
from sim.policy.interventions.groups import GroupActivity


@register("valued_role")
@dataclass(frozen=True)
class ValuedRole(GroupActivity):
    """Guided volunteering in a team."""

    addresses = ("no_role",)

    weeks: int = param(52, unit="weeks", lo=1, hi=520, source="assumption",
                       doc="Length of the guided placement.")
    group_size: int = param(8, unit="people per team", lo=2, hi=200, source="assumption",
                            doc="Team size.")
    new_ties_per_year: float = param(3.0, unit="new acquaintances per year", lo=0, hi=52,
                                     source="assumption", doc="How fast team members connect.")
    mastery_gain: float = param(0.05, unit="mastery points over the programme", lo=0, hi=1,
                                source="Van Campen: a valued role builds resilience; size "
                                       "assumption", doc="Mastery gained by completing.")
    professional_hours: float = param(0.3, unit="hours per participant per week", lo=0, hi=40,
                                      source="assumption: guidance by a volunteer broker",
                                      doc="Professional time.")
    cost_per_place_year: float = param(500.0, unit="euros per place per year", lo=0, hi=1e6,
                                       source="assumption", doc="Running cost per place.")
