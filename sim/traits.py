"""A new resident's personal attributes, drawn in one compiled pass.

Sex, health, disability, low income, migration background, caring burden, mastery, work or
study, desired fulfilment, the pace of grief and the personal response style on the DJG
items (see :func:`sim.synth.create_residents`, which sets ages first). Residents arrive a
few at a time every week (births, newcomers, partners from elsewhere); one compiled call
does what took some forty numpy calls.

The draws come from the caller's numpy stream (numba runs numpy's own algorithms on it), in
the order the vectorised version drew them: every resident's sex, then ten uniforms per
resident, then each Beta, uniform and normal in turn for all of them. The profile's shares
by age follow :func:`sim.profiles.within_bands` and the band lookups of
:mod:`sim.profiles`, with numpy's precision rules (float32 ages compared with float32
thresholds, shares in float64).
"""

from __future__ import annotations

import numpy as np

from sim.jit import inline, kernel
from sim.parameters import Params
from sim.population import (
    CHRONIC,
    DJG_ITEMS,
    EMPLOYED,
    FRAIL,
    NO_WORK,
    RETIRED,
    STUDENT,
    Population,
)
from sim.profiles import (
    ADULT_BAND_MEANS,
    AGE_BANDS,
    BAND_OF_YEAR,
    Profile,
    band_at,
    band_slopes,
    share_at,
    work_age,
)

#: Profile lists read per resident, in the order of the rows of the table passed to the kernel.
SHARES = ("frail", "chronic", "disability", "low_income", "migration_background",
          "caregiver_heavy", "employed", "students")
_FRAIL, _CHRONIC, _DISABILITY, _LOW_INCOME, _MIGRATION, _CAREGIVER, _EMPLOYED, _STUDENTS = (
    range(len(SHARES)))
#: Age from which a resident counts as an adult here, and when school starts.
_ADULT, _SCHOOL = 18, 4


def draw_traits(pop: Population, profile: Profile, params: Params, rng: np.random.Generator,
                ids: np.ndarray, age: np.ndarray, graduation_age: float) -> None:
    """Draw the personal attributes of new residents whose ages are known.

    Args:
        pop: The population table (rows ``ids`` are written).
        profile: Municipality profile.
        params: Model parameters.
        rng: Random stream.
        ids: The new rows (consecutive).
        age: Their ages (float32).
        graduation_age: Age from which nobody is a student (:data:`sim.synth.GRADUATION_AGE`).
    """
    _draw(rng, int(ids[0]) if len(ids) else 0, np.asarray(age, np.float32),
          *_rules(profile, params), np.float32(graduation_age), pop.active, pop.age,
          pop.female, pop.health, pop.disability, pop.low_income, pop.migration, pop.caregiver,
          pop.mastery, pop.work, pop.desired_emotional, pop.desired_social,
          pop.desired_emotional_base, pop.desired_social_base, pop.grief_halflife,
          pop.item_offset, pop.household)


#: The last profile and parameters :func:`_rules` worked out, with the result.
_last_rules: list = [None, None, ()]


def _rules(profile: Profile, params: Params) -> tuple:
    """The profile's and parameters' numbers :func:`_draw` reads, up to the retirement age.

    Worked out once for a profile and a parameter set (both frozen; arrivals come every
    week, with the same ones).
    """
    if _last_rules[0] is profile and _last_rules[1] is params:
        return _last_rules[2]
    pp, lon = params.population, params.loneliness
    values = np.array([profile.values[key] for key in SHARES], np.float64)
    conc = lon.desired_spread
    lo, hi = lon.grief_halflife_weeks
    rules = np.array([
        *pp.mastery_beta, *pp.mastery_shifts,
        lon.desired_emotional_mean * conc, (1 - lon.desired_emotional_mean) * conc,
        lon.desired_social_mean * conc, (1 - lon.desired_social_mean) * conc,
        lo, hi - lo, pp.item_offset_sd], np.float64)
    _last_rules[:] = profile, params, (
        np.asarray(pp.female_share, np.float64), values, band_slopes(values),
        np.asarray(ADULT_BAND_MEANS, np.float64), np.asarray(AGE_BANDS, np.float32),
        BAND_OF_YEAR, np.float32(params.events.retirement_age), rules, need_rules(params))
    return _last_rules[2]


def need_rules(params: Params) -> np.ndarray:
    """The parameters of :func:`social_needs`, in float32 as numpy applies them to ages."""
    lon = params.loneliness
    return np.array([lon.social_need_from, lon.social_need_until, lon.social_need_decline],
                    np.float32)


@kernel
def social_needs(age, need):  # pragma: no cover - compiled
    """Share of the social standard still wanted at each age; see :func:`sim.synth.social_need`.

    Args:
        age: Ages in years (float32).
        need: :func:`need_rules`.

    Returns:
        float32 multiplier per age.
    """
    out = np.empty(len(age), np.float32)
    for i in range(len(age)):
        out[i] = _social_need(age[i], need)
    return out


@inline
def _social_need(age, need):  # pragma: no cover - compiled
    """One age's multiplier: falls ``need[2]`` per decade from ``need[0]`` to ``need[1]``."""
    years = min(max(age, need[0]), need[1])
    return max(np.float32(1.0) - need[2] * (years - need[0]) / np.float32(10.0),
               np.float32(0.2))


@kernel
def _draw(rng, first, age, female_share, values, slopes, means, age_bands, band_of_year,
          retirement_age, rules, need, graduation_age, active, col_age, female, health,
          disability, low_income, migration, caregiver, mastery, work, desired_e, desired_s,
          base_e, base_s, grief_halflife, item_offset, household):  # pragma: no cover
    """Attributes of residents ``first .. first + len(age)``; see :func:`draw_traits`."""
    n = len(age)
    for i in range(n):
        r = first + i
        active[r] = True
        col_age[r] = age[i]
        band7 = 0
        for k in range(1, len(age_bands)):
            if age[i] >= age_bands[k]:
                band7 = k
        female[r] = rng.random() < female_share[band7]
    u = np.empty((n, 10))
    for i in range(n):
        for j in range(10):
            u[i, j] = rng.random()
    employed = np.zeros(n, np.bool_)
    for i in range(n):
        r, a = first + i, age[i]
        adult = a >= _ADULT
        band = band_at(a, band_of_year)
        frail = share_at(values[_FRAIL], slopes[_FRAIL], means, band, a) if adult else 0.0
        chronic = share_at(values[_CHRONIC], slopes[_CHRONIC], means, band, a) if adult else 0.0
        health[r] = FRAIL if u[i, 0] < frail else CHRONIC if u[i, 0] < frail + chronic else 0
        disability[r] = u[i, 1] < (values[_DISABILITY, band] if adult else 0.0)
        low_income[r] = u[i, 2] < (values[_LOW_INCOME, band] if adult else 0.06)
        migration[r] = u[i, 3] < values[_MIGRATION, band]
        caregiver[r] = u[i, 4] < (values[_CAREGIVER, band] if adult else 0.0)
        # The 45-64 band's employment holds up to the state-pension age (profiles.work_band).
        employed_share = values[_EMPLOYED, band_at(work_age(a, retirement_age), band_of_year)]
        employed[i] = adult and u[i, 5] < employed_share
        student = (adult and not employed[i] and a < graduation_age
                   and u[i, 6] * max(1 - employed_share, 1e-9) < values[_STUDENTS, band])
        pupil = a >= _SCHOOL and a < _ADULT
        retired = adult and not employed[i] and a >= retirement_age
        work[r] = (EMPLOYED if employed[i] else STUDENT if student or pupil
                   else RETIRED if retired else NO_WORK)
    shift_income, shift_disability, shift_frail = rules[2], rules[3], rules[4]
    for i in range(n):
        r = first + i
        grip = rng.beta(rules[0], rules[1]) - shift_income * low_income[r]
        grip -= shift_disability * disability[r] + shift_frail * (health[r] == FRAIL)
        mastery[r] = min(max(grip, 0.02), 0.98)
    for i in range(n):
        desired_e[first + i] = rng.beta(rules[5], rules[6])
        base_e[first + i] = desired_e[first + i]
    for i in range(n):
        desired_s[first + i] = rng.beta(rules[7], rules[8]) * _social_need(age[i], need)
        base_s[first + i] = desired_s[first + i]
    for i in range(n):
        grief_halflife[first + i] = rules[9] + rng.random() * rules[10]
    for k in range(DJG_ITEMS):
        for i in range(n):
            item_offset[k, first + i] = rng.normal(0.0, rules[11])
    for i in range(n):
        household[first + i] = -1
