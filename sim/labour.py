"""Work over the life course: people find and lose work at every working age.

At the start, adults are employed with the chance of their age band (the profile's
``employed``; from 65 up to ``events.retirement_age`` at the 45-64 band's chance, since the
run retires everyone at that age) and, if not employed, students with the band's share of
``students``. In the run, study ends with the yearly transitions (school leavers study or
start work, graduates at 24 start work, everyone employed retires at the state-pension age),
but nobody would ever lose or find work in between: the employed share of each cohort would
be frozen at what it was at 25, and graduates all working would lift it above the profile's
(45-64: 0.76 at the start, 0.81 after ten years).

Here work follows its chance at each tie maintenance pass, as club membership does
(:func:`sim.participation.follow_chance`): at the band edges the chance steps (25, 45),
and the employed leave work or others find it just often enough that each band's share stays
the profile's; on top of that, work turns over: the employed lose it at
``population.work_turnover_per_year`` × (1 − chance), those without work find it at that
rate × the chance. Losing work lets colleague ties lapse (they fade at the lapsed contact
rate) and ends work as social participation; new work is at a workplace of the town, where
new colleague ties form (:func:`sim.maintenance.form_ties`). Students, pupils, the retired,
care-home residents and those past the state-pension age are left out.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from sim.participation import follow_chance, share_of_way
from sim.population import EMPLOYED, NO_WORK, Population
from sim.profiles import Profile, work_band
from sim.ties import COLLEAGUE

if TYPE_CHECKING:
    from sim.world import World


def work_chance(profile: Profile, age: np.ndarray, retirement_age: float) -> np.ndarray:
    """Chance of being employed at each age, among adults who are not students.

    The band's ``employed`` share (up to the state-pension age: the 45-64 band's); in the
    youngest band, where students are many, as a share of those who do not study
    (``employed / (1 - students)``). From 25 the run has no students (they graduate at 24),
    so there the band's share is everyone's.

    Args:
        profile: Municipality profile.
        age: Ages (18 or over).
        retirement_age: The state-pension age (no work from then on).

    Returns:
        Chance per age.
    """
    age = np.asarray(age, np.float32)
    band = work_band(age, retirement_age)
    employed = profile.by_band("employed", band)
    share = np.where(band == 0, employed / np.maximum(1 - profile.by_band("students", band),
                                                      1e-9), employed)
    return np.where(age < retirement_age, np.minimum(share, 1.0), 0.0)


def change_work(world: World, weeks: int) -> None:
    """Residents find and lose work over a block of weeks.

    Args:
        world: The municipality.
        weeks: Length of the block.
    """
    pop, rng = world.pop, world.part_stream("work")
    retirement_age = world.params.events.retirement_age
    ids = _working_age(pop, retirement_age)
    age = pop.age[ids]
    employed = pop.work[ids] == EMPLOYED
    now = work_chance(world.profile, age, retirement_age)
    before = work_chance(world.profile, age - weeks / 52, retirement_age)
    mixed = share_of_way(world.params.population.work_turnover_per_year, weeks)
    switch = rng.random(len(ids)) < follow_chance(now, before, employed, mixed)
    losing, finding = ids[switch & employed], ids[switch & ~employed]
    pop.work[losing] = NO_WORK
    pop.workplace[losing] = -1
    pop.work[finding] = EMPLOYED
    pop.workplace[finding] = world.places.workplace(rng, len(finding))
    # Only colleague ties rest on the workplace; work as participation is read each week.
    ties = world.ties
    tie_ids = ties.ties_of(np.concatenate([losing, finding]))
    world.value(tie_ids[ties.kind[tie_ids] == COLLEAGUE])


def _working_age(pop: Population, retirement_age: float) -> np.ndarray:
    """Adults below the state-pension age, living at home, employed or without work."""
    n = pop.n
    age, work = pop.age[:n], pop.work[:n]
    return np.flatnonzero(pop.active[:n] & ~pop.care_home[:n] & (age >= 18)
                          & (age < retirement_age) & ((work == EMPLOYED) | (work == NO_WORK)))
