"""Taking part over the life course: people join and leave clubs at every age.

At the start, residents are club members with the chance of their age band and circumstances
(:func:`sim.synth.club_propensity`: lower when frail, on a low income, disabled, for older
migrants, none in a care home). Without turnover that cross-section would be frozen: children
born in the run would never join a club, and members would keep their club into old age, so
that the oldest grow ever more often members than the start's 85+.

Here membership is a two-state process per resident, run at each tie maintenance pass: a
member leaves at ``population.club_turnover_per_year`` × (1 − chance), a non-member joins at
that rate × chance. Its equilibrium is the chance itself, so the share of members by age
stays near the profile's, while memberships last years (about five on average). Leaving a
club lets its ties lapse (they fade at the lapsed contact rate, and the club no longer counts
as social participation); joining brings new club ties through
:func:`sim.maintenance.form_ties`. (Work has no such turnover yet: see docs/CALIBRATION.md.)
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from sim import synth
from sim.ties import CLUB

if TYPE_CHECKING:
    from sim.world import World


def change_clubs(world: World, weeks: int) -> None:
    """Residents join and leave clubs over a block of weeks.

    Args:
        world: The municipality.
        weeks: Length of the block.
    """
    pop, rng = world.pop, world.streams["ties"]
    n = pop.n
    ids = np.flatnonzero(pop.active[:n] & ~pop.care_home[:n] & (pop.age[:n] >= 5))
    # The two-state process over the block, exactly: a resident ends on the other side with
    # chance mixed × (1 - chance) for a member, mixed × chance for a non-member. Only those
    # whose draw is below ``mixed`` can switch, so only their chance is worked out.
    mixed = -np.expm1(-world.params.population.club_turnover_per_year * weeks / 52)
    draw = rng.random(len(ids))
    maybe = draw < mixed
    ids, draw = ids[maybe], draw[maybe]
    chance = synth.club_propensity(pop, world.profile, world.params, ids)
    member = pop.club[ids] >= 0
    switch = draw < mixed * np.where(member, 1 - chance, chance)
    leaving, joining = ids[switch & member], ids[switch & ~member]
    pop.club[leaving] = -1
    synth.enter_clubs(pop, rng, joining)
    # Only club ties rest on the club (whether it is still shared sets their contact rate);
    # taking part is read from the club column each week.
    ties = world.ties
    tie_ids = ties.ties_of(np.concatenate([leaving, joining]))
    world.value(tie_ids[ties.kind[tie_ids] == CLUB])
