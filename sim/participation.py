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
:func:`sim.maintenance.form_ties`. Work follows the same two-state process
(:mod:`sim.labour`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from sim import synth
from sim.profiles import Profile
from sim.ties import CLUB

if TYPE_CHECKING:
    from sim.world import World


def change_clubs(world: World, weeks: int) -> None:
    """Residents join and leave clubs over a block of weeks.

    Args:
        world: The municipality.
        weeks: Length of the block.
    """
    pop, rng = world.pop, world.part_stream("clubs")
    n = pop.n
    ids = np.flatnonzero(pop.active[:n] & ~pop.care_home[:n] & (pop.age[:n] >= 5))
    draw = rng.random(len(ids))
    # Only residents whose draw could make them switch need their chances worked out (the
    # same decisions as working them out for all: see switch_bound).
    maybe = draw < switch_bound(world, ids, weeks)
    ids, draw = ids[maybe], draw[maybe]
    member = pop.club[ids] >= 0
    switch = draw < switching_chance(world, ids, member, weeks)
    leaving, joining = ids[switch & member], ids[switch & ~member]
    pop.club[leaving] = -1
    synth.enter_clubs(pop, rng, joining)
    # Only club ties rest on the club (whether it is still shared sets their contact rate);
    # taking part is read from the club column each week.
    ties = world.ties
    tie_ids = ties.ties_of(np.concatenate([leaving, joining]))
    world.value(tie_ids[ties.kind[tie_ids] == CLUB])


def switching_chance(world: World, ids: np.ndarray, member: np.ndarray, weeks: int
                     ) -> np.ndarray:
    """Chance that each resident ends the block on the other side of club membership.

    See :func:`follow_chance`, with the club chance of each resident's age now and a block
    ago and the club turnover.

    Args:
        world: The municipality.
        ids: Residents (living at home, 5 or older).
        member: Whether each is a club member now.
        weeks: Length of the block.

    Returns:
        Chance per resident.
    """
    pop = world.pop
    now = synth.club_propensity(pop, world.profile, world.params, ids)
    before = synth.club_propensity(pop, world.profile, world.params, ids,
                                   pop.age[ids] - weeks / 52)
    return follow_chance(now, before, member, turnover_share(world, weeks))


def follow_chance(now: np.ndarray, before: np.ndarray, inside: np.ndarray, mixed: float
                  ) -> np.ndarray:
    """Chance of ending a block on the other side of a two-state membership (club, work).

    Ageing moves the chance of being inside: those inside leave, or those outside join, so
    that whoever was inside with the chance of their age a block ago is inside with the
    chance of their age now. Turnover then acts over the block, exactly (the two-state
    process toward the chance now, a share ``mixed`` of the way). For someone inside the
    result is at most ``mixed`` plus the ageing part ``1 - now / before``; for someone
    outside ``mixed`` plus ``(now - before) / (1 - before)``.

    Args:
        now: Chance of being inside at each resident's age now.
        before: The same a block ago.
        inside: Whether each is inside now.
        mixed: Share of the turnover's way to its equilibrium covered in the block.

    Returns:
        Chance per resident.
    """
    leave_by_age, join_by_age = _ageing_parts(now, before)
    stays, comes = 1 - mixed * (1 - now), mixed * now  # inside at the end, from each state
    end_inside = np.where(inside, (1 - leave_by_age) * stays + leave_by_age * comes,
                          join_by_age * stays + (1 - join_by_age) * comes)
    return np.where(inside, 1 - end_inside, end_inside)


def _ageing_parts(now: np.ndarray, before: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Who leaves (if inside) or joins (if outside) so the share follows the chance's change.

    Args:
        now: Chance of being inside at each age now.
        before: The same a block ago.

    Returns:
        ``(leave, join)``: ``1 - now / before`` where the chance fell, ``(now - before) /
        (1 - before)`` where it rose, 0 otherwise.
    """
    leave = np.where(now < before, 1 - now / np.maximum(before, 1e-9), 0.0)
    join = np.where(now > before, (now - before) / np.maximum(1 - before, 1e-9), 0.0)
    return leave, join


def share_of_way(rate_per_year: float, weeks: int) -> float:
    """Share of a two-state turnover's way to its equilibrium covered in a block.

    Args:
        rate_per_year: The turnover's pace (per year).
        weeks: Length of the block.

    Returns:
        ``1 - exp(-rate × years)``.
    """
    return float(-np.expm1(-rate_per_year * weeks / 52))


def turnover_share(world: World, weeks: int) -> float:
    """Share of the club turnover's way to its equilibrium covered in a block.

    Args:
        world: The municipality.
        weeks: Length of the block.

    Returns:
        :func:`share_of_way` at ``population.club_turnover_per_year``.
    """
    return share_of_way(world.params.population.club_turnover_per_year, weeks)


def switch_bound(world: World, ids: np.ndarray, weeks: int) -> np.ndarray:
    """Upper bound of each resident's :func:`switching_chance`, without working it out.

    The turnover's share plus :func:`ageing_bound` at the resident's whole year of age; 1
    for those whose multipliers change with age over the block (crossing 5 or 18, or 65 as
    an older migrant), whose chance is always worked out.

    Args:
        world: The municipality.
        ids: Residents (living at home, 5 or older).
        weeks: Length of the block.

    Returns:
        Bound per resident.
    """
    pop, years = world.pop, weeks / 52
    age = pop.age[ids]
    crossing = (((age - years < 5) | ((age - years < 18) & (age >= 18)))
                | (pop.migration[ids] & (age - years < 65) & (age >= 65)))
    mixed = turnover_share(world, weeks)
    by_age = ageing_bound(world.profile, years)[np.minimum(age, 120).astype(np.int32)]
    return np.where(crossing, 1.0, mixed + by_age)


def ageing_bound(profile: Profile, years: float) -> np.ndarray:
    """Upper bound, per whole year of age, of the ageing part of :func:`switching_chance`.

    For an adult who was an adult a block ago the circumstances' multipliers are the same at
    both ages (older migrants crossing 65 aside, whose chance is always worked out: see
    :func:`switch_bound`), so the member's part ``1 - now / before`` is that of the age
    curve alone, and the non-member's ``(now - before) / (1 - before)`` is largest without
    multipliers. Both are worked out for the profile's ``club_member`` curve on a grid of
    0.005 years and the largest per whole year kept, with a margin.

    Args:
        profile: Municipality profile.
        years: Length of the block in years.

    Returns:
        Bound per whole year of age 0-120 (0 below 18: children's chance does not change
        with age between 5 and 18).
    """
    age = np.arange(18 + years, 121, 0.005)
    now, before = profile.at_age("club_member", age), profile.at_age("club_member", age - years)
    part = np.maximum(*_ageing_parts(now, before))
    bound = np.zeros(121)
    np.maximum.at(bound, np.minimum(age, 120).astype(np.int32), part)
    return 1.1 * bound + 1e-3
