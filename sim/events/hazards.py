"""Weekly hazards of every life event, vectorised over residents.

All events compete: one uniform draw per resident per week decides whether anything happens
and, if so, which event (the draw falls in that event's slice of the stacked hazards). The
Python work that follows is proportional to the number of events, not of residents.
"""

from __future__ import annotations

import numpy as np

from sim.jit import inline, kernel
from sim.parameters import Params
from sim.population import FRAIL, GOOD, Population
from sim.rng import kernel_key, uniform_at

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


def leaving_hazard(params: Params, ages: np.ndarray) -> np.ndarray:
    """Yearly hazard of leaving the parental home, by whole year of age.

    The rate at which the share living with their parents falls with age
    (``population.with_parents_shares``, :func:`sim.profiles.parental_home_share`): the
    leaving the cross-section implies, before migration. From the curve's last age on, the
    last stretch's rate; 0 before the first.

    Args:
        params: Model parameters.
        ages: Whole ages (years).

    Returns:
        Hazard per year at each age.
    """
    pp = params.population
    x, log_share = np.asarray(pp.with_parents_ages), np.log(pp.with_parents_shares)
    at = np.clip(ages, x[0], x[-1] - 1)
    rate = np.interp(at, x, log_share) - np.interp(at + 1, x, log_share)
    return np.where(ages >= x[0], rate, 0.0)


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
        #: Divorce hazard ratio per SD of vulnerability as (log-ratio, its correction for a
        #: mean of 1, the largest multiplier: three deviations).
        beta = float(np.log(ev.divorce_vulnerability_ratio))
        self.divorce_selection = np.array([beta, beta * beta / 2,
                                           np.exp(3 * beta - beta * beta / 2)], np.float32)
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
        self.leave_home = (leaving_hazard(params, ages) / _YEAR).astype(np.float32)
        self.care_home = np.float32(ev.care_home_per_year / _YEAR)
        self.refresh_bound()

    def refresh_bound(self) -> None:
        """An upper bound of any resident's summed weekly hazards, by whole age (``bound``).

        Every event's largest hazard at that age (over sex, health, household), summed: a
        resident whose draw is above it has no event this week, whatever their state.
        """
        ages = np.arange(111)
        bound = (self.death.max(axis=0) * self.death_rr.max()
                 + 0.5 * self.divorce * self.divorce_selection[2]
                 + self.partnering + self.birth * ((ages >= 25) & (ages < 40))
                 + self.leave_home + self.move + self.decline.max(axis=0) + self.recovery
                 + self.care_home * (ages >= 75))
        self.bound = (bound * 1.001).astype(np.float32)  # margin for float32 rounding


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
    tables.refresh_bound()


def draw_events(pop: Population, tables: HazardTables, chronic_after: float,
                rng: np.random.Generator) -> dict[str, np.ndarray]:
    """Decide who has which event this week (competing risks, one draw per resident).

    Each resident's weekly hazard of every event in :data:`EVENTS` follows from their age,
    sex, health, household and partner; one uniform draw per resident decides whether
    anything happens and, if so, which event (the draw falls in that event's slice of the
    stacked hazards). The draws are made, and the hazards computed and compared, in one
    compiled pass (:func:`sim.rng.uniform_at`): no array over all residents is made.

    Args:
        pop: The population table.
        tables: Hazards by age, from :class:`HazardTables`.
        chronic_after: Weeks of loneliness from which it is chronic (raises health decline).
        rng: The events stream (one key).

    Returns:
        Resident rows per event name (possibly empty).
    """
    rows = (pop.age[: pop.n], pop.active, pop.female, pop.health, pop.partner, pop.care_home,
            pop.with_parents, pop.household_size, pop.lonely_weeks,
            np.float32(chronic_after), pop.vulnerability, tables.divorce_selection)
    # One core: this is the week's first compiled loop after the handlers' Python work, and
    # handing half of it to the idle second core cost more than it saved (100,000 residents:
    # 1.1-1.2 ms a week against 0.5-0.6 on one core, measured in the running model).
    who, which = _draw(tables.bound, kernel_key(rng), *rows, tables.death, tables.death_rr,
                       tables.divorce, tables.partnering, tables.birth, tables.leave_home,
                       tables.move, tables.decline, tables.recovery, tables.care_home)
    return {name: who[which == k] for k, name in enumerate(EVENTS)}


@inline
def _selected(vulnerable, selection):  # pragma: no cover - compiled
    """Divorce hazard multiplier of one resident: ``exp(beta z - beta^2 / 2)``, capped."""
    return min(np.float32(np.exp(selection[0] * vulnerable - selection[1])), selection[2])


@kernel
def _draw(bound, key, age, active, female, health, partner, care_home, with_parents,
          household_size, lonely_weeks, chronic_after, vulnerability, selection, death, death_rr,
          divorce, partnering,
          birth, leave_home, move, decline, recovery, to_care_home):  # pragma: no cover - compiled
    """Rows with an event and the event of each (index in EVENTS), rows ascending.

    See :func:`draw_events`; row ``i``'s draw is :func:`sim.rng.uniform_at` ``(key, i)``.
    A draw above the bound of the resident's age (:meth:`HazardTables.refresh_bound`) means no
    event, so only the few below it have their hazards worked out. The draws, and the rows
    below the bound, come first in two branch-free loops (vector code; 0.47 → 0.25 ms at
    125,000 rows against one loop that branches per row).
    """
    n = len(age)
    zero = np.float32(0.0)
    draws = np.empty(n, np.float32)
    for i in range(n):
        draws[i] = uniform_at(key, i)
    below = np.empty(n, np.int32)
    count = 0
    for i in range(n):
        below[count] = i
        count += active[i] & (draws[i] < bound[min(int(age[i]), 110)])
    who = np.empty(count, np.int32)
    which = np.empty(count, np.int8)
    found = 0
    for c in range(count):
        i = below[c]
        u = draws[i]
        a = age[i]
        whole = min(int(a), 110)
        adult = a >= 18
        together = partner[i] >= 0
        home = not care_home[i]
        parents = with_parents[i]
        hl = health[i]
        single = adult and not together and not parents and home
        h = (
            np.float32(death[1 if female[i] else 0, whole] * death_rr[hl]),
            # Either partner's draw ends the couple, so each carries half the couple's rate
            # (more for the more vulnerable, the population's mean unchanged).
            np.float32(0.5 * divorce[whole] * _selected(vulnerability[i], selection))
            if together and adult and home else zero,
            partnering[whole] if single and household_size[i] == 1 else zero,
            birth if female[i] and together and 25 <= a < 40 else zero,
            leave_home[whole] if parents and adult else zero,
            # A household moves together: a couple shares one move hazard between two adults.
            np.float32(move[whole] / (2.0 if together else 1.0))
            if adult and not parents and home else zero,
            decline[int(lonely_weeks[i] >= chronic_after), whole]
            if adult and hl < FRAIL else zero,
            recovery if adult and hl > GOOD else zero,
            to_care_home if home and hl == FRAIL and a >= 75 else zero,
        )
        total = zero
        for k in range(len(h)):
            total += h[k]
        if u >= total:
            continue
        cum = zero
        for k in range(len(h)):
            cum += h[k]
            if u < cum:
                who[found] = i
                which[found] = k
                found += 1
                break
    return who[:found].copy(), which[:found].copy()
