"""Occupation or distraction (bezigheid): a course, gardening, painting.

Distraction eases loneliness but does not solve it. Lever: a small group to belong to while
it runs (participation), few new ties, and a little mastery from doing something.
"""

from __future__ import annotations

from dataclasses import dataclass

from sim.parameters.declare import param
from sim.policy.base import register
from sim.policy.interventions.groups import GroupActivity


@register("occupation")
@dataclass(frozen=True)
class Occupation(GroupActivity):
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
