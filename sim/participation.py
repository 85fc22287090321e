"""Taking part over the life course: people join and leave clubs at every age.

At the start, residents are club members with the chance of their age band and circumstances
(:func:`sim.synth.club_propensity`: lower when frail, on a low income, disabled, for older
migrants, none in a care home). Without turnover that cross-section would be frozen: children
born in the run would never join a club, and members would keep their club into old age, so
that the oldest grow ever more often members than the start's 85+.

Here membership follows the chance at each tie maintenance pass in two ways. As residents
age, their chance changes (it falls after 45 and steeply after 75, it starts at 5): members
leave, or non-members join, just often enough that the share of members at each age stays
the profile's. On top of that, memberships turn over: a member leaves at
``population.club_turnover_per_year`` × (1 − chance), a non-member joins at that rate ×
chance (a two-state process whose equilibrium is the chance itself), so that memberships
last years (about five on average) and circumstances (frailty, income) take effect. Leaving a
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
    now = synth.club_propensity(pop, world.profile, world.params, ids)
    before = synth.club_propensity(pop, world.profile, world.params, ids,
                                   pop.age[ids] - weeks / 52)
    member = pop.club[ids] >= 0
    # Ageing moves the chance: members leave, or non-members join, so that whoever was a
    # member with the chance of their age a block ago is one with the chance of their age now.
    leave_by_age = np.where(now < before, 1 - now / np.maximum(before, 1e-9), 0.0)
    join_by_age = np.where(now > before, (now - before) / np.maximum(1 - before, 1e-9), 0.0)
    # Turnover over the block, exactly (the two-state process toward ``now``).
    mixed = -np.expm1(-world.params.population.club_turnover_per_year * weeks / 52)
    stays, comes = 1 - mixed * (1 - now), mixed * now  # member at the end, from each state
    end_member = np.where(member, (1 - leave_by_age) * stays + leave_by_age * comes,
                          join_by_age * stays + (1 - join_by_age) * comes)
    switch = rng.random(len(ids)) < np.where(member, 1 - end_member, end_member)
    leaving, joining = ids[switch & member], ids[switch & ~member]
    pop.club[leaving] = -1
    synth.enter_clubs(pop, rng, joining)
    # Only club ties rest on the club (whether it is still shared sets their contact rate);
    # taking part is read from the club column each week.
    ties = world.ties
    tie_ids = ties.ties_of(np.concatenate([leaving, joining]))
    world.value(tie_ids[ties.kind[tie_ids] == CLUB])
