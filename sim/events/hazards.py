"""Weekly hazards of every life event, vectorised over residents.

All events compete: one uniform draw per resident per week decides whether anything happens
and, if so, which event (the draw falls in that event's slice of the stacked hazards). The
Python work that follows is proportional to the number of events, not of residents.
"""

from __future__ import annotations

import numpy as np

from sim.parameters import Params
from sim.population import FRAIL, GOOD, Population

#: Event names in the order of the hazard stack.
EVENTS = ("death", "divorce", "partnering", "birth", "leave_home", "move", "health_decline",
          "health_recovery", "care_home")
_YEAR = 52.0


def gompertz_q(anchors: tuple, floor: float, ages: np.ndarray) -> np.ndarray:
    """Yearly death probability from a Gompertz curve through two (age, q) anchors.

    Args:
        anchors: ``(age1, q1, age2, q2)``.
        floor: Age-independent (Makeham) mortality.
        ages: Ages in whole years.

    Returns:
        q per age, capped at 0.6.
    """
    a1, q1, a2, q2 = anchors
    slope = np.log(q2 / q1) / (a2 - a1)
    return np.minimum(floor + q1 * np.exp(slope * (ages - a1)), 0.6)


def band6(age: np.ndarray) -> np.ndarray:
    """Band index for the six-entry rate lists: 18-24, 25-34, 35-44, 45-64, 65-74, 75+.

    Args:
        age: Ages.

    Returns:
        Band indices 0-5.
    """
    return (np.searchsorted((25, 35, 45, 65, 75), age, side="right")).astype(np.int8)


class HazardTables:
    """Weekly hazards by whole age (0-110), computed once from the parameters."""

    def __init__(self, params: Params) -> None:
        ev, hp = params.events, params.health
        ages = np.arange(111, dtype=float)
        band = band6(ages)
        q = np.stack([gompertz_q(ev.mortality_q_men, ev.mortality_floor, ages),
                      gompertz_q(ev.mortality_q_women, ev.mortality_floor, ages)])
        self.death = (-np.log1p(-q) / _YEAR).astype(np.float32)  # (sex, age)
        self.death_rr = np.asarray(ev.health_mortality_rr, np.float32)
        self.divorce = (ev.divorce_per_year / _YEAR
                        * np.asarray(ev.divorce_age_profile)[band]).astype(np.float32)
        self.partnering = (np.asarray(ev.partnering_per_year)[band] / _YEAR).astype(np.float32)
        self.move = (np.interp(ages, ev.move_ages, ev.move_rates) / _YEAR).astype(np.float32)
        decline = hp.decline_per_year_at_65 * np.exp2((ages - 65) / hp.decline_doubling_years)
        self.decline = np.stack([np.minimum(decline, 1.0),  # (chronically lonely, age)
                                 np.minimum(decline * hp.lonely_decline_rr, 1.0)]) / _YEAR
        self.decline = self.decline.astype(np.float32)
        self.recovery = np.float32(hp.recovery_per_year / _YEAR)
        self.death_by_age = self.death.copy()
        self.birth = np.float32(ev.births_per_year / _YEAR)
        self.leave_home = np.float32(ev.leave_home_per_year / _YEAR)
        self.care_home = np.float32(ev.care_home_per_year / _YEAR)


def normalise_health(tables: HazardTables, pop: Population) -> None:
    """Make the health multipliers of mortality average to 1 at each age.

    The life table gives the average mortality of an age; frail residents die sooner and
    healthy ones later, but the average over the starting population's health mix (by
    five-year age group) stays the life table's.

    Args:
        tables: Hazard tables to adjust in place.
        pop: The starting population.
    """
    act = pop.active_ids()
    group = np.minimum(pop.age[act], 110).astype(np.int32) // 5
    rr = tables.death_rr[pop.health[act]]
    total = np.bincount(group, weights=rr, minlength=23)
    count = np.bincount(group, minlength=23)
    mean_rr = np.where(count > 0, total / np.maximum(count, 1), 1.0)
    tables.death = (tables.death_by_age / mean_rr[np.arange(111) // 5]).astype(np.float32)


def weekly_hazards(pop: Population, tables: HazardTables, chronic_lonely: np.ndarray
                   ) -> np.ndarray:
    """Stack of weekly hazards, one row per event in :data:`EVENTS`, one column per row.

    Args:
        pop: The population table.
        tables: Hazards by age, from :class:`HazardTables`.
        chronic_lonely: Whether each resident's loneliness is chronic.

    Returns:
        Array (events, residents), float32; zero for inactive rows.
    """
    n = pop.n
    age = pop.age[:n]
    whole = np.minimum(age, 110).astype(np.int32)
    active = pop.active[:n]
    adult = active & (age >= 18)
    female = pop.female[:n]
    health = pop.health[:n]
    together = pop.partner[:n] >= 0
    home = ~pop.care_home[:n]
    single = adult & ~together & ~pop.with_parents[:n] & home
    h = np.zeros((len(EVENTS), n), np.float32)
    h[0] = tables.death.ravel()[female * 111 + whole] * tables.death_rr[health] * active
    # Either partner's draw ends the couple, so each carries half the couple's rate.
    h[1] = 0.5 * tables.divorce[whole] * (together & adult & home)
    h[2] = tables.partnering[whole] * (single & (pop.household_size[:n] == 1))
    h[3] = tables.birth * (female & together & (age >= 25) & (age < 40))
    h[4] = tables.leave_home * (pop.with_parents[:n] & adult)
    # A household moves together, so a couple shares one move hazard between two adults.
    h[5] = tables.move[whole] * (adult & ~pop.with_parents[:n] & home) / (1 + together)
    h[6] = tables.decline.ravel()[chronic_lonely * 111 + whole] * (adult & (health < FRAIL))
    h[7] = tables.recovery * (adult & (health > GOOD))
    h[8] = tables.care_home * (home & (health == FRAIL) & (age >= 75))
    return h


def draw_events(rng: np.random.Generator, hazards: np.ndarray) -> dict[str, np.ndarray]:
    """Decide who has which event this week (competing risks, one draw per resident).

    Args:
        rng: The events stream.
        hazards: Result of :func:`weekly_hazards`.

    Returns:
        Resident rows per event name (possibly empty).
    """
    n = hazards.shape[1]
    total = hazards.sum(axis=0)
    u = rng.random(n, dtype=np.float32)
    who = np.flatnonzero(u < total)
    cum = np.cumsum(hazards[:, who], axis=0)
    which = (u[who] >= cum).sum(axis=0)
    return {name: who[which == k].astype(np.int32) for k, name in enumerate(EVENTS)}
