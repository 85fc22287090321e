"""Physical meeting places in the neighbourhood (ontmoetingsplekken).

A community centre, benches, a neighbourhood living room.

A town-wide measure: in the covered neighbourhoods, neighbours form new ties more often.
"""

from __future__ import annotations

from dataclasses import dataclass

from sim.parameters.declare import param
from sim.policy.base import Intervention, register


@register("meeting_places")
@dataclass(frozen=True)
class MeetingPlaces(Intervention):
    """Meeting places in some neighbourhoods."""

    takes_participants = False

    coverage: float = param(0.3, unit="share of neighbourhoods", lo=0, hi=1,
                            source="scenario", doc="Share of neighbourhoods with a place.")
    tie_gain: float = param(1.0, unit="extra share of new neighbour ties", lo=0, hi=10,
                            source="assumption — calibrated",
                            doc="How many more neighbour ties form where there is a place.")

    def setup(self, model):  # noqa: ANN001, D102
        world = model.world
        rng = model.policy.rng
        covered = rng.random(world.n_neighbourhoods) < self.coverage
        world.place_boost[: world.n_neighbourhoods][covered] *= 1 + self.tie_gain
