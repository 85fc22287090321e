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

if TYPE_CHECKING:
    from sim.world import World


def switching(rng: np.random.Generator, member: np.ndarray, chance: np.ndarray,
              turnover_per_year: float, weeks: int) -> np.ndarray:
    """Who ends a block on the other side of a two-state membership.

    A member leaves at ``turnover_per_year × (1 − chance)``, a non-member joins at
    ``turnover_per_year × chance``; over a block of any length the chance to end on the
    other side is exactly that share of ``1 − exp(−turnover × years)``.

    Args:
        rng: Random stream (one draw per resident).
        member: Whether each resident takes part now.
        chance: Each resident's chance of taking part (the process's equilibrium).
        turnover_per_year: Pace of the process.
        weeks: Length of the block.

    Returns:
        Whether each resident switches.
    """
    mixed = -np.expm1(-turnover_per_year * weeks / 52)
    return rng.random(len(member)) < mixed * np.where(member, 1 - chance, chance)


def change_clubs(world: World, weeks: int) -> None:
    """Residents join and leave clubs over a block of weeks.

    Args:
        world: The municipality.
        weeks: Length of the block.
    """
    pop, rng = world.pop, world.streams["ties"]
    n = pop.n
    ids = np.flatnonzero(pop.active[:n] & ~pop.care_home[:n] & (pop.age[:n] >= 5))
    chance = synth.club_propensity(pop, world.profile, world.params, ids)
    member = pop.club[ids] >= 0
    switch = switching(rng, member, chance, world.params.population.club_turnover_per_year,
                       weeks)
    leaving, joining = ids[switch & member], ids[switch & ~member]
    pop.club[leaving] = -1
    synth.enter_clubs(pop, rng, joining)
    world.retarget(np.concatenate([leaving, joining]))
