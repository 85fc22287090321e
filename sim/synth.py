"""The synthetic municipality: residents, households and foci drawn from a profile.

Every step is vectorised over residents. The profile (``sim/data/municipalities.toml``)
gives the shares by age band; this module turns them into people who live together, work,
study, belong to clubs and live in neighbourhoods.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import numpy as np

from sim.arrays import first_and_inverse, stable_sort
from sim.parameters import Params
from sim.population import (
    DIVORCED,
    EMPLOYED,
    FRAIL,
    NEVER,
    PARTNERED,
    STUDENT,
    WIDOWED,
    Population,
)
from sim.profiles import (
    ADULT_BAND_MEANS,
    AGE_BANDS,
    Profile,
    adult_band,
    parental_home_share,
)
from sim.traits import draw_traits, need_rules, social_needs

#: Mean size of a workplace, school class cohort, study cohort and club (assumption).
WORKPLACE_SIZE, CLASS_SIZE, STUDY_SIZE, CLUB_SIZE = 20, 25, 40, 40
#: Birth cohorts told apart in a school's class ids (runs of up to 180 years stay distinct).
COHORTS = 200
#: Residents a newcomer meets when looking for a club of people their age (assumption: enough
#: to find a member in nearly every case; see :func:`enter_clubs`).
CLUB_PEEK = 32
#: Residents per care home (assumption: a typical Dutch verpleeghuis location).
CARE_HOME_SIZE = 90
#: Focus id offsets so that workplaces, schools and studies never share ids.
SCHOOL_OFFSET, STUDY_OFFSET = 10_000_000, 20_000_000
#: Age at which students graduate in the run (:func:`sim.events.life.yearly_transitions`).
GRADUATION_AGE = 24.0


@dataclass(frozen=True)
class Places:
    """How many workplaces, schools and places of study the town has.

    Counted once, from the starting town (its employed, pupils and students divided by the
    mean sizes above); everyone placed later — newcomers, school starters and leavers —
    goes to one of these, so a workplace keeps its size over the years instead of filling
    up with each week's few arrivals.
    """

    workplaces: int
    schools: int
    study_places: int

    @classmethod
    def for_counts(cls, employed: int, pupils: int, students: int) -> Places:
        """Places for a town with these numbers of employed, pupils and students.

        Args:
            employed: Employed residents.
            pupils: Pupils (4-17).
            students: Students (18+).

        Returns:
            At least one of each.
        """
        return cls(workplaces=max(1, employed // WORKPLACE_SIZE),
                   schools=max(1, pupils // (CLASS_SIZE * 14)),  # 14 school years
                   study_places=max(1, students // STUDY_SIZE))

    def school_class(self, rng: np.random.Generator, age: np.ndarray, years: float = 0.0
                     ) -> np.ndarray:
        """Focus ids of class cohorts: one of the schools, and the pupils' birth cohort.

        A class is the pupils of one school born in the same year, so children who start
        school later in the run form classes of their own (one per school and year).

        Args:
            rng: Random stream.
            age: The pupils' ages.
            years: Years since the start of the run (a birth cohort is ``age - years``).

        Returns:
            Focus id per pupil.
        """
        cohort = np.floor(np.asarray(age, np.float64) - years).astype(np.int32) % COHORTS
        return SCHOOL_OFFSET + rng.integers(0, self.schools, len(cohort)) * COHORTS + cohort

    def study_place(self, rng: np.random.Generator, count: int) -> np.ndarray:
        """Focus ids of places of study for ``count`` students."""
        return STUDY_OFFSET + rng.integers(0, self.study_places, count)

    def workplace(self, rng: np.random.Generator, count: int) -> np.ndarray:
        """Focus ids of workplaces for ``count`` employed residents."""
        return rng.integers(0, self.workplaces, count)


def draw_ages(rng: np.random.Generator, shares: np.ndarray, count: int) -> np.ndarray:
    """Draw ages: a band by its share, then uniform within the band (85+: exponential tail).

    Args:
        rng: Random stream.
        shares: Shares of the seven age bands.
        count: Number of ages.

    Returns:
        Ages in years (float32).
    """
    band = rng.choice(len(shares), size=count, p=shares)
    lo = np.asarray(AGE_BANDS, float)[band]
    hi = np.r_[AGE_BANDS[1:], 100][band]
    age = lo + rng.random(count) * (hi - lo)
    top = band == len(shares) - 1
    age[top] = np.minimum(85 + rng.exponential(5.0, top.sum()), 104.9)
    return age.astype(np.float32)


def social_need(age: np.ndarray, params: Params) -> np.ndarray:
    """Share of one's own standard of social fulfilment still wanted at an age.

    Socioemotional selectivity (Carstensen 1992): with a shorter time horizon people invest
    in fewer, closer ties, so the wider circle they want shrinks between
    ``loneliness.social_need_from`` and ``social_need_until``; after that, networks shrink by
    loss rather than by choice (Lang & Carstensen 1994). The wish for intimacy (emotional
    fulfilment) stays.

    Args:
        age: Ages in years.
        params: Model parameters.

    Returns:
        Multiplier per age (1 before the onset, constant after the end, at least 0.2).
    """
    return social_needs(np.asarray(age, np.float32).ravel(), need_rules(params)).reshape(
        np.shape(age))


def create_residents(pop: Population, profile: Profile, params: Params,
                     rng: np.random.Generator, count: int, ages: np.ndarray | None = None
                     ) -> np.ndarray:
    """Add residents with individual attributes (not yet households or foci).

    Args:
        pop: The population table.
        profile: Municipality profile.
        params: Model parameters.
        rng: Random stream.
        count: Number of residents.
        ages: Ages to use instead of drawing from the profile.

    Returns:
        The new rows.
    """
    ids = pop.add(count)
    age = draw_ages(rng, profile.age_shares, count) if ages is None else ages
    draw_traits(pop, profile, params, rng, ids, age, GRADUATION_AGE)
    return ids


def form_households(pop: Population, profile: Profile, params: Params,
                    rng: np.random.Generator, ids: np.ndarray, next_household: int,
                    newcomers: bool = False) -> int:
    """Group new residents into couples, single-person households, families and care homes.

    Args:
        pop: The population table.
        profile: Municipality profile.
        params: Model parameters.
        rng: Random stream.
        ids: The residents to place (all new).
        next_household: First free household id.
        newcomers: They move in from elsewhere: none into a care home, and the adults into
            homes of their own (young adults who move in are mostly students and starters
            who left the parental home elsewhere).

    Returns:
        The next free household id.
    """
    age = pop.age[ids]
    band = adult_band(age)
    adult = age >= 18
    u = rng.random((len(ids), 4))
    settled = not newcomers
    care = adult & (u[:, 0] < profile.by_band("care_home", band)) & settled
    at_home = young_at_home(profile, params, age) * settled
    with_parents = adult & ~care & (u[:, 1] < at_home)
    # The profile's partnered share is of everyone of an age; young adults at home are single.
    partnered = np.minimum(partnered_share(profile, params, age, pop.female[ids])
                           / np.maximum(1 - at_home, 0.05), 1.0)
    wants_partner = adult & ~care & ~with_parents & (u[:, 2] < partnered)
    # Couples: quantile-match partnered women and men by age (assortative, men ~2 y older).
    women = ids[wants_partner & pop.female[ids]]
    men = ids[wants_partner & ~pop.female[ids]]
    women = women[np.argsort(pop.age[women] + rng.normal(0, 3, len(women)))]
    men = men[np.argsort(pop.age[men] + rng.normal(0, 3, len(men)))]
    k = min(len(women), len(men))
    pick_w = np.sort(rng.choice(len(women), k, replace=False)) if len(women) > k else np.arange(k)
    pick_m = np.sort(rng.choice(len(men), k, replace=False)) if len(men) > k else np.arange(k)
    wives, husbands = women[pick_w], men[pick_m]
    couple_hh = next_household + np.arange(k, dtype=np.int32)
    next_household += k
    pop.partner[wives], pop.partner[husbands] = husbands, wives
    pop.household[wives] = pop.household[husbands] = couple_hh
    pop.marital[wives] = pop.marital[husbands] = PARTNERED
    # Marital history of adults without a partner.
    single = adult & (pop.partner[ids] < 0)
    sw = profile.at_age("single_widowed", age)
    sd = profile.at_age("single_divorced", age)
    hist = np.where(u[:, 3] < sw, WIDOWED, np.where(u[:, 3] < sw + sd, DIVORCED, NEVER))
    pop.marital[ids[single]] = hist[single]
    pop.marital[ids[with_parents]] = NEVER
    # Care homes: each resident is a one-person household in a care-home focus.
    care_ids = ids[care]
    pop.care_home[care_ids] = True
    pop.household[care_ids] = next_household + np.arange(len(care_ids), dtype=np.int32)
    next_household += len(care_ids)
    # Other single adults head their own household.
    heads = ids[single & ~care & ~with_parents]
    pop.household[heads] = next_household + np.arange(len(heads), dtype=np.int32)
    next_household += len(heads)
    # Children and young adults at home join a parent household of fitting age.
    dependants = ids[(~adult) | with_parents]
    place_with_parents(pop, rng, dependants, np.concatenate([wives, heads]),
                       params.population.single_parent_share)
    pop.with_parents[dependants] = True
    # Anyone left without a household (no fitting parent among the candidates) heads one.
    alone = ids[pop.household[ids] < 0]
    pop.household[alone] = next_household + np.arange(len(alone), dtype=np.int32)
    pop.with_parents[alone] = False
    return next_household + len(alone)


def in_class(workplace: np.ndarray) -> np.ndarray:
    """Whether each workplace focus id is a school class (not a workplace or place of study).

    Args:
        workplace: Focus ids of the ``workplace`` column.

    Returns:
        Boolean per id.
    """
    return (workplace >= SCHOOL_OFFSET) & (workplace < STUDY_OFFSET)


def young_at_home(profile: Profile, params: Params, age: np.ndarray) -> np.ndarray:
    """Chance of living in the parental home at the start, by single year of age.

    The national curve (``population.with_parents_shares``), scaled so that its mean over
    18-24 is the profile's ``young_with_parents`` (cities have more young adults living on
    their own, rural municipalities fewer), at most 1.

    Args:
        profile: Municipality profile.
        params: Model parameters.
        age: Ages in years.

    Returns:
        Chance per resident (0 below 18 and from the curve's last age).
    """
    pp = params.population
    curve = functools.partial(parental_home_share, ages=pp.with_parents_ages,
                              shares=pp.with_parents_shares)
    national = curve(np.linspace(18, 25, 701)).mean()
    return np.minimum(curve(age) * profile.young_with_parents / national, 1.0)


def partnered_share(profile: Profile, params: Params, age: np.ndarray, female: np.ndarray
                    ) -> np.ndarray:
    """Chance of living with a partner at the start, by single year of age and sex.

    The profile's share for both sexes (:meth:`Profile.at_age`: no step at band edges) is
    split over women and men by ``population.partnered_sex_ratio``: at old ages far more
    men than women live with a partner, as women outlive their (older) husbands.

    Args:
        profile: Municipality profile.
        params: Model parameters.
        age: Ages in years.
        female: Whether each is a woman.

    Returns:
        Chance per resident (0 below 18).
    """
    both = profile.at_age("partnered", age)
    ratio = np.interp(age, ADULT_BAND_MEANS, params.population.partnered_sex_ratio)
    band7 = np.searchsorted(AGE_BANDS, age, side="right") - 1
    women = np.asarray(params.population.female_share)[band7]
    share_women = both / ((1 - women) * ratio + women)
    return np.where(age >= 18, np.minimum(np.where(female, 1.0, ratio) * share_women, 1.0), 0.0)


def place_with_parents(pop: Population, rng: np.random.Generator, children: np.ndarray,
                       candidates: np.ndarray, single_share: float) -> None:
    """Put each child in the household of a candidate parent aged ~24-38 years older.

    Single parents are chosen less often than couples (about one family in seven with
    children is a one-parent family, CBS) by thinning single candidates.

    Args:
        pop: The population table.
        rng: Random stream.
        children: Residents to place.
        candidates: Possible parents (women in couples, single heads of households).
        single_share: Relative chance that a single adult is considered as a parent.
    """
    if not len(children):
        return
    partnered = pop.partner[candidates] >= 0
    keep = partnered | (rng.random(len(candidates)) < single_share)
    cand = candidates[keep & (pop.age[candidates] >= 20) & (pop.age[candidates] < 65)]
    if not len(cand):
        return
    cand = cand[stable_sort(pop.age[cand])[0]]  # equal ages in index order, on any machine
    target = pop.age[children] + rng.uniform(24, 38, len(children))
    pos = np.searchsorted(pop.age[cand], target) + rng.integers(-25, 26, len(children))
    parent = cand[pos.clip(0, len(cand) - 1)]
    pop.household[children] = pop.household[parent]


def assign_foci(pop: Population, profile: Profile, params: Params, rng: np.random.Generator,
                ids: np.ndarray, n_neighbourhoods: int, places: Places | None = None,
                years: float = 0.0) -> Places:
    """Give residents a neighbourhood, workplace/school and club.

    Args:
        pop: The population table.
        profile: Municipality profile.
        params: Model parameters.
        rng: Random stream.
        ids: Residents to place (whole households at once).
        n_neighbourhoods: Number of ordinary neighbourhoods.
        places: The town's workplaces, schools and places of study (newcomers join these);
            None for the starting town, whose places are counted from its residents.
        years: Years since the start of the run (for school classes by birth cohort).

    Returns:
        The places (as given, or as counted).
    """
    hh = pop.household[ids]
    uniq, _, inv = first_and_inverse(hh)
    nb = rng.integers(0, n_neighbourhoods, len(uniq)).astype(np.int32)
    pop.neighbourhood[ids] = nb[inv]
    care = ids[pop.care_home[ids]]
    n_homes = max(1, round(len(care) / CARE_HOME_SIZE))
    pop.neighbourhood[care] = n_neighbourhoods + rng.integers(0, n_homes, len(care))
    age = pop.age[ids]
    work = pop.work[ids]
    employed = ids[work == EMPLOYED]
    pupils = ids[(work == STUDENT) & (age < 18)]
    students = ids[(work == STUDENT) & (age >= 18)]
    counted = places or Places.for_counts(len(employed), len(pupils), len(students))
    pop.workplace[employed] = counted.workplace(rng, len(employed))
    # A class cohort: the same birth year and one of several schools.
    pop.workplace[pupils] = counted.school_class(rng, pop.age[pupils], years)
    pop.workplace[students] = counted.study_place(rng, len(students))
    join_clubs(pop, profile, params, rng, ids, existing=places is not None)
    return counted


def club_propensity(pop: Population, profile: Profile, params: Params, ids: np.ndarray,
                    age: np.ndarray | None = None) -> np.ndarray:
    """Probability of club membership by age, reduced by frailty, income and care home.

    Adults: the profile's ``club_member`` share by single year of age (``Profile.at_age``:
    no steps at the band edges, each band's mean kept); children from 5:
    ``club_member_children``.

    Args:
        pop: The population table.
        profile: Municipality profile.
        params: Model parameters.
        ids: Residents.
        age: Their ages to use instead of the current ones (e.g. a block ago).

    Returns:
        Membership probabilities.
    """
    age = pop.age[ids] if age is None else np.asarray(age)
    p = np.where(age >= 18, profile.at_age("club_member", age),
                 profile.club_member_children * (age >= 5))
    frail, poor, disabled, old_migrant = params.population.club_reductions
    p = p * np.where(pop.health[ids] == FRAIL, frail, 1.0) * np.where(pop.low_income[ids], poor, 1)
    p = p * np.where(pop.disability[ids], disabled, 1.0)
    p = p * np.where(pop.migration[ids] & (age >= 65), old_migrant, 1.0)
    return p * ~pop.care_home[ids]


def join_clubs(pop: Population, profile: Profile, params: Params, rng: np.random.Generator,
               ids: np.ndarray, existing: bool = False) -> None:
    """Members join age-graded clubs.

    The starting town's members are sorted by age (with noise) and cut into clubs. Later
    members (``existing``) join the town's clubs (see :func:`enter_clubs`).

    Args:
        pop: The population table.
        profile: Municipality profile.
        params: Model parameters.
        rng: Random stream.
        ids: Residents who may join.
        existing: Join the clubs there are instead of forming new ones.
    """
    members = ids[rng.random(len(ids)) < club_propensity(pop, profile, params, ids)]
    if existing:
        enter_clubs(pop, rng, members)
        return
    _new_clubs(pop, members, pop.age[members] + rng.normal(0, 8, len(members)))


def enter_clubs(pop: Population, rng: np.random.Generator, members: np.ndarray) -> None:
    """New members join the town's clubs, each a club of people about their age.

    Each joins the club of the member closest to their own age (plus noise of 8 years, as
    the starting clubs' cut) among :data:`CLUB_PEEK` residents met at random — or a new
    club if none of those is a member.

    Args:
        pop: The population table.
        rng: Random stream.
        members: Residents who join.
    """
    target = pop.age[members] + rng.normal(0, 8, len(members))
    if not len(members):
        return
    met = rng.integers(0, pop.n, (len(members), CLUB_PEEK))
    club = pop.club[met]
    joinable = (club >= 0) & pop.active[met]
    gap = np.where(joinable, np.abs(pop.age[met] - target[:, None]), np.inf)
    pick = (np.arange(len(members)), gap.argmin(axis=1))
    found = joinable[pick]
    pop.club[members[found]] = club[pick][found]
    _new_clubs(pop, members[~found], target[~found])


def _new_clubs(pop: Population, members: np.ndarray, target: np.ndarray) -> None:
    """Members sorted by target age, cut into new clubs of :data:`CLUB_SIZE`."""
    if not len(members):
        return
    order = np.argsort(target)
    start = int(pop.club[: pop.n].max()) + 1
    pop.club[members[order]] = start + np.arange(len(members), dtype=np.int32) // CLUB_SIZE
