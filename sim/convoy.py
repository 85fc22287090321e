"""Building convoys: ties through foci (household, family, neighbourhood, work, clubs).

The key helper, :func:`pair_in_focus`, sorts the members of each focus by age and pairs each
resident with someone a few places away in that order: ties form within a focus, and mostly
between people of similar age (age homophily), all without a Python loop over residents.
"""

from __future__ import annotations

import numpy as np

from sim import fading, tie_slots
from sim.arrays import isin, lower_bound_from, stable_sort, unique, unique_small
from sim.jit import inline, kernel
from sim.parameters import Params
from sim.population import DIVORCED, FRAIL, WIDOWED, Population
from sim.profiles import ADULT_BAND_MEANS, AGE_BANDS, Profile, adult_band
from sim.rng import beta_at, bits_at, kernel_key, key_of, normal_at, pair_code, uniform_at
from sim.synth import in_class
from sim.ties import (
    CLUB,
    COLLEAGUE,
    DESCENDANT_GAP,
    FAMILY,
    FRIEND,
    NEIGHBOUR,
    NEW_START,
    PARTNER,
    SETTLED_START,
    Ties,
    draw_and_store,
    start_closeness,
)

#: Row of ``convoy.potential_beta`` per tie kind: volunteers draw like friends, activity groups
#: like clubs.
_BETA_ROW = np.array([0, 1, 2, 3, 4, 5, 2, 5])


def _beta_params(params: Params) -> np.ndarray:
    """``convoy.potential_beta`` as rows of (alpha, beta), one per row of :data:`_BETA_ROW`."""
    return np.asarray(params.convoy.potential_beta, np.float64).reshape(-1, 2)


def add_ties(ties: Ties, rng: np.random.Generator, params: Params, a: np.ndarray,
             b: np.ndarray, kind: int, settled: bool, age_gap: int | np.ndarray = 0,
             key: np.uint64 | None = None, potential_as: int | None = None) -> np.ndarray:
    """Add ties of one kind with drawn potentials.

    Args:
        ties: The tie store.
        rng: Random stream.
        params: Model parameters.
        a: First residents.
        b: Second residents (-1: relative outside the municipality).
        kind: Tie kind.
        settled: True for ties that already exist at the start (closeness near potential);
            False for new acquaintances (closeness starts low and may grow).
        age_gap: For ties to someone elsewhere, their age minus the resident's (years),
            one value or one per tie.
        key: Instead of ``rng``, draw each new tie's potential and starting closeness from
            this key and the pair (:func:`sim.rng.key_of`; residents in town only): the same
            pair gets the same tie in two runs that differ elsewhere.
        potential_as: Draw the potentials as for ties of this kind (with ``key``), e.g.
            classmates who may become friends.

    Returns:
        Ids of the added ties.
    """
    if key is not None:
        row = _BETA_ROW[kind if potential_as is None else potential_as]
        ab = _beta_params(params)[row]
        pot, share = np.empty(len(a), np.float32), np.empty(len(a), np.float32)
        _pair_draws(key, np.asarray(a, np.int32), np.asarray(b, np.int32), ab[0], ab[1], pot,
                    share)
        return ties.add(a, b, kind, start_closeness(pot, share, settled), pot, age_gap)
    alpha, beta = _beta_params(params)[_BETA_ROW[kind]]
    return ties.add_drawn(rng, a, b, kind, alpha, beta, settled, age_gap)


class FocusIndex:
    """Members of one kind of focus, sorted by (focus, age), for finding tie partners.

    A request for a partner of age ``x`` in focus ``f`` looks up ``f`` and ``x + noise`` in
    the sorted keys and takes the member found there: ties form within a focus and mostly
    between people of similar age (age homophily), with no Python loop over residents. The
    index may be a few weeks old; every pair is checked against the current focus.
    """

    _STRIDE = 512.0  # key = focus * stride + age; ages never come near the stride

    def __init__(self, members: np.ndarray, focus: np.ndarray, age: np.ndarray) -> None:
        keys = focus.astype(np.float64) * self._STRIDE + age
        order, self.keys = stable_sort(keys)
        self.members = members[order]

    def find(self, rng: np.random.Generator, seekers: np.ndarray, focus: np.ndarray,
             age: np.ndarray, spread_years: float, key: np.uint64 | None = None
             ) -> np.ndarray:
        """One partner per seeker in the same focus, about the same age (or -1).

        Args:
            rng: Random stream.
            seekers: Residents looking for a partner.
            focus: Their current focus ids.
            age: Their ages.
            spread_years: Standard deviation of the age difference sought.
            key: Instead of ``rng``, draw from this key by the seeker's row (see
                :func:`pair_in_focus`).

        Returns:
            Partner rows (-1 where none was found in the focus).
        """
        if not len(self.members) or not len(seekers):
            return np.full(len(seekers), -1, np.int32)
        if key is not None:
            noise, half = np.empty(len(seekers)), np.empty(len(seekers), np.float32)
            _seeker_draws(key, np.asarray(seekers, np.int32), noise, half)
            noise *= spread_years
        else:
            noise = rng.normal(0, spread_years, len(seekers))
        base = focus * self._STRIDE
        target = base + age + noise
        # Looked up in sorted order, each search starting where the last one ended; kept
        # within the seeker's focus (its first and last member: a sought age beyond its
        # members' gives the nearest member; a school class is one birth cohort, an
        # age-graded club a few years).
        pos, first, last = (np.empty(len(target), np.intp) for _ in range(3))
        _look_up(self.keys, target, base, self._STRIDE, np.argsort(target), pos, first, last)
        below = (half if key is not None else rng.random(len(pos))) < 0.5
        pos = np.clip(pos - below, first, np.maximum(last, first)).clip(0, len(self.keys) - 1)
        found = self.members[pos]
        same = np.floor(self.keys[pos] / self._STRIDE) == focus
        return np.where(same & (found != seekers), found, -1).astype(np.int32)


@kernel
def _look_up(keys, target, base, stride, order, pos, first, last):  # pragma: no cover
    """Per seeker, in ``order``: its target's place among the keys, and its focus's bounds.

    The focus runs from key ``base`` to ``base + stride``: ``first`` and ``last`` are the
    indexes of its first and last member (``last < first`` if it has none).
    """
    p = f = e = 0
    for k in range(len(order)):
        i = order[k]
        p = lower_bound_from(keys, target[i], p)
        f = lower_bound_from(keys, base[i], f)
        e = lower_bound_from(keys, base[i] + stride, e)
        pos[i], first[i], last[i] = p, f, e - 1


def pair_in_focus(rng: np.random.Generator, index: FocusIndex, seekers: np.ndarray,
                  focus: np.ndarray, age: np.ndarray, spread_years: float,
                  ties: Ties | None = None, key: np.uint64 | None = None
                  ) -> tuple[np.ndarray, np.ndarray]:
    """New pairs: each seeker (repeated once per wanted tie) with a partner from the index.

    Args:
        rng: Random stream.
        index: Focus members to choose from.
        seekers: Residents looking for a tie (a resident may appear several times).
        focus: Their focus ids.
        age: Their ages.
        spread_years: Standard deviation of the age difference sought.
        ties: If given, pairs already tied are dropped.
        key: Instead of ``rng``, key each seeker's draws by their row and the pairs' order
            by the pair (:func:`sim.rng.key_of`; each seeker then at most once): in two
            runs that differ elsewhere, the same seekers meet the same people.

    Returns:
        Arrays ``a`` and ``b`` of new pairs, each unordered pair at most once, in random
        order (which pairs come first matters where slots run out).
    """
    partner = index.find(rng, seekers, focus, age, spread_years, key)
    ok = partner >= 0
    a, b = fresh_pairs(ties, seekers[ok], partner[ok])
    if key is not None:
        order = np.empty(len(a), np.uint64)
        _pair_order(key, a, b, order)
        order = stable_sort(order)[0]
    else:
        order = rng.permutation(len(a))
    return a[order], b[order]


def fresh_pairs(ties: Ties | None, a: np.ndarray, b: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Unordered pairs of different residents, each once, not tied already.

    Args:
        ties: The tie store (None: skip the check against existing ties).
        a: First residents.
        b: Second residents (all >= 0).

    Returns:
        The kept pairs ``(a, b)`` with ``a < b``, sorted.
    """
    ok = a != b
    lo, hi = np.minimum(a[ok], b[ok]), np.maximum(a[ok], b[ok])
    key = unique(lo.astype(np.int64) << 32 | hi.astype(np.int64))
    a, b = (key >> 32).astype(np.int32), (key & 0xFFFFFFFF).astype(np.int32)
    if ties is not None and len(a):
        new = ~ties.has_tie(a, b)
        a, b = a[new], b[new]
    return a, b


def household_ties(pop: Population, ties: Ties, rng: np.random.Generator, params: Params,
                   ids: np.ndarray) -> np.ndarray:
    """Partner ties and ties between everyone else sharing a household.

    Args:
        pop: The population table.
        ties: The tie store.
        rng: Random stream.
        params: Model parameters.
        ids: Residents whose household ties to create (whole households).

    Returns:
        The ids of the partner ties made (for :func:`partner_support`).
    """
    partner = pop.partner[ids]
    a = ids[(partner >= 0) & (ids < partner)]
    partner_ties = add_ties(ties, rng, params, a, pop.partner[a], PARTNER, settled=True)
    hh = pop.household[ids]
    order = np.argsort(hh, kind="stable")
    m, h = ids[order], hh[order]
    # Every pair within a household except partners: small households, so pair by offsets.
    src, dst = [], []
    for off in range(1, 8):
        same = h[off:] == h[:-off]
        src.append(m[:-off][same])
        dst.append(m[off:][same])
    a, b = np.concatenate(src), np.concatenate(dst)
    not_partner = pop.partner[a] != b
    add_ties(ties, rng, params, a[not_partner], b[not_partner], FAMILY, settled=True)
    return partner_ties


def partner_support(pop: Population, ties: Ties, rng: np.random.Generator, params: Params,
                    partner_ties: np.ndarray, settled: bool) -> np.ndarray:
    """Decide which new couples' partnership gives little emotional support.

    A share ``convoy.low_support_share`` of couples (one draw per couple; Hsieh & Hawkley
    2018: aversive and indifferent marriages, De Jong Gierveld et al. 2009: no frequent
    emotional support from the spouse) have a partner who is no confidant: their partner
    tie's potential closeness is drawn from ``convoy.low_support_beta`` instead of the
    partner row of ``convoy.potential_beta``, and both carry ``pop.low_support`` (its loss
    grieves less, :func:`sim.events.life.death`). The other couples' flag is cleared (it
    describes the current partnership, or the last). Draws come from ``rng`` only, a stream
    of their own, so that with the share 0 every other draw of the run is unchanged.

    Args:
        pop: The population table.
        ties: The tie store.
        rng: The partnership stream.
        params: Model parameters.
        partner_ties: The couples' partner ties (just made).
        settled: Ties of couples together before the start (closeness near the potential);
            otherwise a new couple's closeness is at most the new potential.

    Returns:
        The partner ties whose potential and closeness changed (to be re-valued if their
        values are in the intake already).
    """
    partner_ties = np.asarray(partner_ties, np.int32)
    a, b = ties.a[partner_ties], ties.b[partner_ties]
    share = params.convoy.low_support_share
    # Keyed by the couple (common random numbers: a run with a policy package that changes
    # who partners draws the same for every other couple).
    low = ((ties.draws(rng, partner_ties) < share) if share > 0
           else np.zeros(len(partner_ties), bool))
    pop.low_support[a] = pop.low_support[b] = low
    changed = partner_ties[low]
    if not len(changed):
        return changed
    alpha, beta = params.convoy.low_support_beta
    pot, part = np.empty(len(changed), np.float32), np.empty(len(changed), np.float32)
    _pair_draws(kernel_key(rng), ties.a[changed], ties.b[changed], np.float64(alpha),
                np.float64(beta), pot, part)
    ties.potential[changed] = pot
    if settled:
        ties.closeness[changed] = start_closeness(pot, part, settled=True)
    else:
        ties.closeness[changed] = np.minimum(ties.closeness[changed], pot)
    return changed


def past_partner_support(pop: Population, rng: np.random.Generator, params: Params,
                         widowed: np.ndarray) -> None:
    """Whether the partner that residents widowed before the start lost gave little support.

    The same share as for couples (``convoy.low_support_share``); it sets the grief they
    were left with (:func:`sim.loneliness.settle`).

    Args:
        pop: The population table.
        rng: The partnership stream.
        params: Model parameters.
        widowed: Residents widowed before the start.
    """
    share = params.convoy.low_support_share
    pop.low_support[widowed] = (rng.random(len(widowed)) < share) if share > 0 else False


#: Age difference (grandchild minus grandparent, years) of a grandchild in town, and of one
#: elsewhere.
GRANDCHILD_AGES, GRANDCHILD_GAP = (-70, -45), -57


def grandchildren_expected(age: np.ndarray, params: Params) -> np.ndarray:
    """Mean number of grandchildren in the convoy of a resident with children, by age.

    The values of ``convoy.grandchildren_by_band`` hold at the bands' mean ages
    (:data:`sim.profiles.ADULT_BAND_MEANS`) and are interpolated in between, so the number
    grows smoothly with age, at the start and in the run
    (:func:`sim.fading.grandchildren_grow_up`).

    Args:
        age: Ages in years.
        params: Model parameters (``convoy.grandchildren_by_band``).

    Returns:
        Expected grandchild ties per resident.
    """
    return np.interp(age, *grandchildren_table(params))


def grandchildren_table(params: Params) -> tuple[np.ndarray, np.ndarray]:
    """The ages and values :func:`grandchildren_expected` interpolates between."""
    return (np.asarray(ADULT_BAND_MEANS, np.float64),
            np.asarray(params.convoy.grandchildren_by_band, np.float64))


def kin_in_town(pop: Population, ties: Ties, rng: np.random.Generator, params: Params,
                src: np.ndarray, candidates: np.ndarray, lo: float, hi: float
                ) -> tuple[np.ndarray, np.ndarray]:
    """Tie residents with relatives in town whose age differs by ``lo..hi`` years.

    Args:
        pop: The population table.
        ties: The tie store.
        rng: Random stream.
        params: Model parameters.
        src: Residents seeking a relative (repeated once per relative).
        candidates: Residents who may be those relatives.
        lo: Smallest age difference (relative minus resident).
        hi: Largest age difference.

    Returns:
        The new tie ids, and the entries of ``src`` for whom nobody fitting lives in town
        (their relative lives elsewhere).
    """
    kin = match_by_age(pop, rng, src, candidates, lo, hi)
    found = kin >= 0
    new = add_ties(ties, rng, params, *fresh_pairs(ties, src[found], kin[found]), FAMILY,
                   settled=True)
    return new, src[~found]


def kin_ties(pop: Population, ties: Ties, profile: Profile, rng: np.random.Generator,
             params: Params, ids: np.ndarray, candidates: np.ndarray,
             near_share: float = 0.0) -> None:
    """Parents, adult children and siblings outside the household, in town or elsewhere.

    Args:
        pop: The population table.
        ties: The tie store.
        profile: Municipality profile.
        rng: Random stream.
        params: Model parameters.
        ids: Adults whose kin ties to create.
        candidates: Residents who may be their kin in town.
        near_share: Share of the kin elsewhere who live near the municipality
            (``ties.near``; times ``convoy.migrant_kin_local_factor`` for residents with a
            migration background): newcomers' kin (``convoy.newcomer_kin_near_share``).
            0 at the start, whose kin elsewhere were calibrated as far away.
    """
    cv = params.convoy
    adults = ids[(pop.age[ids] >= 18) & ~pop.with_parents[ids]]
    band = adult_band(pop.age[adults])
    local = profile.kin_local_share * np.where(pop.migration[adults], cv.migrant_kin_local_factor,
                                               1.0)
    # The children still at home are among the children (they are tied through the
    # household): only the others are adult children living on their own. Parents in town
    # find their adult children (below); from the child's side only parents elsewhere are
    # added, so old residents are not over-linked. A local sibling tie is made from one
    # side, so each resident seeks half of their local siblings.
    age = pop.age[adults]
    counts = _kin_counts(rng, np.asarray(cv.parents_alive, np.float64)[band],
                         cv.siblings_mean * np.asarray(cv.sibling_survival)[band], age >= 45,
                         profile.childless,
                         max(profile.mean_children / (1 - profile.childless) - 1, 0.0),
                         children_at_home(pop, adults, ids),
                         grandchildren_expected(age, params), local)
    ext_par, loc_sib, ext_sib, loc_kid, ext_kid, loc_grand, ext_grand = counts
    for count, (lo, hi) in ((loc_sib, (-6, 6)), (loc_kid, (-38, -24)),
                            (loc_grand, GRANDCHILD_AGES)):
        if not len(candidates):  # newcomers: all their kin live elsewhere
            break
        _, not_found = kin_in_town(pop, ties, rng, params, np.repeat(adults, count),
                                   candidates, lo, hi)
        # Kin not found in town live elsewhere (adults is sorted: ids are increasing).
        missing = np.bincount(np.searchsorted(adults, not_found), minlength=len(adults))
        if lo <= -45:
            ext_grand += missing
        elif lo < 0:
            ext_kid += missing
        else:
            ext_sib += missing
    if not len(candidates):
        ext_sib += loc_sib
        ext_kid += loc_kid
        ext_grand += loc_grand
    alpha, beta = _beta_params(params)[_BETA_ROW[FAMILY]]
    near_factor = cv.migrant_kin_local_factor

    def store(first: int, *stored: np.ndarray) -> int:
        return _add_kin_elsewhere(rng, adults, ext_par, ext_sib, ext_kid, ext_grand, alpha, beta,
                                  *SETTLED_START, near_share, near_factor, pop.migration, first,
                                  *stored)

    ties.add_by(store, int(ext_par.sum() + ext_sib.sum() + ext_kid.sum() + ext_grand.sum()))
    # Couples whose kin are all known now also know each other's parents and siblings.
    partner = pop.partner[adults]
    couple = (partner >= 0) & (adults < partner) & isin(partner, adults)
    inlaw_ties(pop, ties, rng, params, adults[couple], partner[couple], settled=True)
    # The family rallied round those widowed before the start, as it will after a death.
    rally(ties, adults[pop.marital[adults] == WIDOWED], params.life.kin_rally_after_loss)


@kernel
def _add_kin_elsewhere(rng, adults, parents, siblings, children, grandchildren, alpha, beta, lo,
                       hi, near_share, near_factor, migration, first, *stored
                       ):  # pragma: no cover - compiled
    """Store the adults' relatives elsewhere from tie id ``first`` on; see :func:`kin_ties`.

    Adult by adult: parents, siblings, children and grandchildren, as many as counted, each a
    settled family tie with the age gap of its kind, drawn by :func:`sim.ties.draw_and_store`;
    then, with ``near_share`` > 0, whether each added relative lives near (one draw per tie,
    ``near_share`` times ``near_factor`` for adults with a migration background).

    Returns:
        How many ties were added (relatives of adults without a free slot are dropped).
    """
    per_kind = (parents, siblings, children, grandchildren)
    gap_of = (np.int8(30), np.int8(0), np.int8(-30), np.int8(GRANDCHILD_GAP))
    total = 0
    for counts in per_kind:
        total += counts.sum()
    holder = np.empty(total, np.int32)
    gaps = np.empty(total, np.int8)
    k = 0
    for i in range(len(adults)):
        for kind in range(4):
            for _ in range(per_kind[kind][i]):
                holder[k], gaps[k] = adults[i], gap_of[kind]
                k += 1
    added = draw_and_store(rng, holder, np.full(total, -1, np.int32), np.int8(FAMILY), alpha,
                           beta, True, lo, hi, gaps, first, *stored)
    if near_share > 0:
        col_a, near = stored[3], stored[-1]  # ties.a and ties.near (see Ties._stored)
        for t in range(first, first + added):
            near[t] = rng.random() < near_share * (near_factor if migration[col_a[t]] else 1.0)
    return added


@kernel
def _kin_counts(rng, parents, siblings, older, childless, extra_children, at_home, grandchildren,
                local):  # pragma: no cover - compiled
    """Relatives per adult; see :func:`kin_ties` (drawn in numpy's order for whole arrays).

    Returns:
        Rows: parents elsewhere, siblings in town (to seek) and elsewhere, children in town
        and elsewhere, grandchildren in town and elsewhere.
    """
    n = len(parents)
    n_par, n_sib, n_kid = np.empty(n, np.int64), np.empty(n, np.int64), np.empty(n, np.int64)
    has_kids = np.empty(n, np.bool_)
    for i in range(n):
        n_par[i] = rng.poisson(parents[i])
    for i in range(n):
        n_sib[i] = rng.poisson(siblings[i])
    for i in range(n):
        has_kids[i] = rng.random() >= childless
    for i in range(n):
        more = rng.poisson(extra_children)
        n_kid[i] = 1 + more if older[i] and has_kids[i] else 0
    out = np.zeros((7, n), np.int64)
    able = np.empty(n, np.bool_)
    for i in range(n):
        kids = max(n_kid[i], at_home[i])
        able[i] = kids > 0
        n_kid[i] = kids - at_home[i]
    for i in range(n):
        out[0, i] = rng.binomial(n_par[i], 1 - local[i])
    for i in range(n):
        out[1, i] = rng.binomial(n_sib[i], local[i] / 2)
    for i in range(n):
        out[2, i] = rng.binomial(n_sib[i], 1 - local[i])
    for i in range(n):
        out[3, i] = rng.binomial(n_kid[i], local[i])
        out[4, i] = n_kid[i] - out[3, i]
    grand = np.empty(n, np.int64)
    for i in range(n):
        grand[i] = rng.poisson(grandchildren[i]) * able[i]
    for i in range(n):
        out[5, i] = rng.binomial(grand[i], local[i])
        out[6, i] = grand[i] - out[5, i]
    return out


def children_at_home(pop: Population, adults: np.ndarray, ids: np.ndarray) -> np.ndarray:
    """Children living in each adult's household (residents at home, 18 or more years younger).

    Args:
        pop: The population table.
        adults: Sorted resident rows whose children to count.
        ids: Residents among whom the children are (the adults' own households included).

    Returns:
        Count per adult.
    """
    kids = ids[pop.with_parents[ids] & pop.active[ids]]
    if not len(kids) or not len(adults):
        return np.zeros(len(adults), np.int64)
    order = np.argsort(pop.household[adults], kind="stable")
    hh = pop.household[adults][order]
    first = np.searchsorted(hh, pop.household[kids], side="left")
    last = np.searchsorted(hh, pop.household[kids], side="right")
    count = np.zeros(len(adults), np.int64)
    for offset in range(int((last - first).max(initial=0))):
        at = first + offset
        ok = at < last
        parent = order[at[ok]]
        ok_age = pop.age[adults[parent]] - pop.age[kids[ok]] >= DESCENDANT_GAP
        np.add.at(count, parent[ok_age], 1)
    return count


def inlaw_ties(pop: Population, ties: Ties, rng: np.random.Generator, params: Params,
               a: np.ndarray, b: np.ndarray, settled: bool) -> np.ndarray:
    """Partners join each other's families: ties with some of the other's parents and siblings.

    Each in-law tie is a family tie of the resident (its first end, ``a``) that records the
    partner it comes through (``ties.via``), so that a divorce can end it. Children and
    grandchildren are not copied: each partner has their own ties with them.

    Args:
        pop: The population table.
        ties: The tie store.
        rng: Random stream.
        params: Model parameters.
        a: One partner of each couple.
        b: The other partner.
        settled: Whether the families have known each other for long (see :func:`add_ties`).

    Returns:
        Ids of the new in-law ties.
    """
    if not len(a):
        return np.zeros(0, np.int32)
    alpha, beta = _beta_params(params)[_BETA_ROW[FAMILY]]
    lo, hi = SETTLED_START if settled else NEW_START
    holder = np.concatenate([a, b]).astype(np.int32)
    via = np.concatenate([b, a]).astype(np.int32)

    def store(first: int, *stored: np.ndarray) -> int:
        return _add_inlaws(rng, holder, via, params.convoy.inlaw_share, alpha, beta, settled,
                           lo, hi, np.float32(params.convoy.inlaw_closeness), pop.age,
                           pop.household, first, *stored)

    return ties.add_by(store, int(ties.count[via].sum()))  # each of a partner's ties at most


@kernel
def _add_inlaws(rng, holder, via, share, alpha, beta, settled, lo, hi, closer, age, household,
                first, count, slots, peer, a, b, kind, closeness, potential, alive, age_gap,
                fixed_rate, tie_via, near):  # pragma: no cover - compiled
    """Find, draw and store in-law ties from id ``first`` on; see :func:`inlaw_ties`.

    The pairs and their draws come from :func:`_inlaw_pairs`, the potentials and starting
    closeness from :func:`sim.ties.draw_and_store`, in the same stream; then each tie records
    the partner it comes through, its age gap and nearness, and its potential and closeness
    are scaled by ``closer`` (``convoy.inlaw_closeness``).

    Returns:
        How many ties were added.
    """
    by, to, through, gaps, nearby = _inlaw_pairs(rng, holder, via, share, count, slots, peer,
                                                 kind, tie_via, age_gap, near, age, household)
    added = draw_and_store(rng, by, to, np.int8(FAMILY), alpha, beta, settled, lo, hi,
                           np.zeros(len(by), np.int8), first, count, slots, peer, a, b, kind,
                           closeness, potential, alive, age_gap, fixed_rate, tie_via, near)
    for j in range(added):
        t = first + j
        tie_via[t] = through[j]
        age_gap[t] = gaps[j]
        near[t] = nearby[j]  # the partner's kin nearby are near too
        potential[t] *= closer
        closeness[t] *= closer
    return added


@kernel
def _inlaw_pairs(rng, holder, via, share, count, slots, peer, kind, tie_via, age_gap, tie_near,
                 age, household):  # pragma: no cover - compiled
    """The in-law ties to make; see :func:`inlaw_ties`.

    Candidates are the partner's (``via``) ties in slot order: family, not an in-law tie, not
    18 or more years younger, outside the partner's household, not the holder. Every
    candidate draws (``share``), in that order; one tie per pair (the first wins; relatives
    elsewhere are one tie each), none where the two are tied already, and only while both
    have free slots.

    Returns:
        Per tie to make: holder, the other end, the partner it comes through, the age gap
        (relatives elsewhere; else 0) and whether the relative lives near.
    """
    total = 0
    for i in range(len(via)):
        total += count[via[i]]
    by, to, through, gaps = (np.empty(total, np.int32), np.empty(total, np.int32),
                             np.empty(total, np.int32), np.empty(total, np.float32))
    tids = np.empty(total, np.int32)
    ok = np.zeros(total, np.bool_)
    k = 0
    for i in range(len(via)):
        v, h = via[i], holder[i]
        for col in range(count[v]):
            t, o = slots[v, col], peer[v, col]
            ext = o < 0
            gap = np.float32(age_gap[t]) if ext else age[o] - age[v]
            ok[k] = (kind[t] == FAMILY and tie_via[t] < 0 and gap > -DESCENDANT_GAP
                     and o != h and (ext or household[o] != household[v]))
            by[k], to[k], through[k], gaps[k], tids[k] = h, o, v, gap, t
            k += 1
    for k in range(total):
        ok[k] &= rng.random() < share
    seen = set()
    for k in range(total):
        if not ok[k]:
            continue
        h, o = np.int64(by[k]), np.int64(to[k])
        key = -2 - 2 * np.int64(tids[k]) if o < 0 else min(h, o) << 32 | max(h, o)
        if key in seen:
            ok[k] = False
            continue
        seen.add(key)
        if o >= 0:
            for col in range(count[h]):
                if peer[h, col] == o:
                    ok[k] = False
                    break
    keep = np.flatnonzero(ok)
    fits = tie_slots.would_fit(by[keep], to[keep], count, slots.shape[1])
    keep = keep[fits]
    gap_kept = np.empty(len(keep), np.int8)
    near = np.empty(len(keep), np.bool_)
    for j in range(len(keep)):
        k = keep[j]
        ext = to[k] < 0
        years = age[through[k]] + gaps[k] - age[by[k]]
        gap_kept[j] = np.int8(min(max(years, np.float32(-100.0)), np.float32(100.0))) * ext
        near[j] = ext and tie_near[tids[k]]
    return by[keep], to[keep], through[keep], gap_kept, near


def rally(ties: Ties, ids: np.ndarray, amount: float) -> None:
    """Family ties of some residents grow closer (potential and closeness), e.g. after a loss.

    Tie values are not refreshed here: the caller marks the residents for re-valuing.

    Args:
        ties: The tie store.
        ids: Residents whose family rallies round.
        amount: Closeness points added (capped at 1 and at the new potential).
    """
    family_rallies(np.asarray(ids, np.int32), np.float32(amount), ties.count, ties.slots,
                   ties.kind, ties.potential, ties.closeness)


@kernel
def family_rallies(ids, amount, count, slots, kind, potential, closeness
                   ):  # pragma: no cover - compiled
    """The residents' family ties grow ``amount`` (float32) closer; see :func:`rally`."""
    for t in unique_small(tie_slots.listed(ids, count, slots)):
        if kind[t] == FAMILY:
            potential[t] = min(potential[t] + amount, np.float32(1.0))
            closeness[t] = min(closeness[t] + amount, potential[t])


def match_by_age(pop: Population, rng: np.random.Generator, src: np.ndarray,
                 candidates: np.ndarray, lo: float, hi: float) -> np.ndarray:
    """For each resident, a candidate whose age differs by ``lo..hi`` years (or -1).

    Args:
        pop: The population table.
        rng: Random stream.
        src: Residents looking for a match.
        candidates: Possible matches.
        lo: Smallest age difference (candidate minus resident).
        hi: Largest age difference.

    Returns:
        Matched rows, -1 where none fits (same household or out of range).
    """
    if not len(src) or not len(candidates):
        return np.full(len(src), -1, np.int32)
    cand = candidates[stable_sort(pop.age[candidates])[0]]  # equal ages (babies) in index order
    target = pop.age[src] + rng.uniform(lo, hi, len(src))
    pos = np.searchsorted(pop.age[cand], target).clip(0, len(cand) - 1)
    kin = cand[pos]
    diff = pop.age[kin] - pop.age[src]
    ok = (diff >= lo - 1) & (diff <= hi + 1) & (pop.household[kin] != pop.household[src])
    return np.where(ok, kin, -1).astype(np.int32)


FOCUS_KINDS = ((NEIGHBOUR, "neighbourhood", 15.0), (COLLEAGUE, "workplace", 10.0),
               (CLUB, "club", 6.0))
#: Spread (years) of the age sought among classmates: a class is one birth cohort, so the
#: workplaces' ten years would mostly look outside it.
CLASS_AGE_SPREAD = 1.0


def age_spread(column: str, spread: float, focus: np.ndarray) -> float | np.ndarray:
    """Spread of the age a seeker looks for in a focus (see :data:`FOCUS_KINDS`).

    Args:
        column: The focus column (``"neighbourhood"``, ``"workplace"``, ``"club"``).
        spread: The focus kind's spread (years).
        focus: The seekers' focus ids.

    Returns:
        The spread, or per seeker: :data:`CLASS_AGE_SPREAD` for pupils in a school class.
    """
    if column != "workplace":
        return spread
    return np.where(in_class(focus), CLASS_AGE_SPREAD, spread)


#: Standard deviation (years) of the age difference of a friendship sought anywhere in town
#: (friends are strongly age-homophilous): at the start and for lost friends replaced.
FRIEND_AGE_SPREAD = 4.0


def replaces_lost_friends(pop: Population, rows: np.ndarray | slice) -> np.ndarray:
    """Whether each resident replaces friendships lost against their will.

    Adults without a workplace or school (:func:`sim.maintenance.replace_friends`): those
    with one find new friends there (colleague ties that grow close), so they owe none, or
    they would replace the same loss twice on retiring.

    Args:
        pop: The population table.
        rows: Resident rows (or a slice of them).

    Returns:
        Boolean per row.
    """
    return _owe_replacements(pop.workplace[rows], pop.age[rows])


@inline
def owes_replacement(workplace, age):  # pragma: no cover - compiled
    """The rule of :func:`replaces_lost_friends` for one resident (for compiled loops)."""
    return workplace < 0 and age >= 18


@kernel
def _owe_replacements(workplace, age):  # pragma: no cover - compiled
    owe = np.empty(len(workplace), np.bool_)
    for i in range(len(workplace)):
        owe[i] = owes_replacement(workplace[i], age[i])
    return owe


def friends_expected(pop: Population, params: Params, ids: np.ndarray) -> np.ndarray:
    """Mean number of friends of residents of their age, health and marital history.

    ``convoy.friends_by_band``, fewer for the frail and for the divorced, who lost shared
    friends with their marriage (see :func:`sim.events.life.divorce`).

    Args:
        pop: The population table.
        params: Model parameters.
        ids: Residents.

    Returns:
        Mean friends per resident.
    """
    band7 = np.searchsorted(AGE_BANDS, pop.age[ids], side="right") - 1
    fewer = (np.where(pop.health[ids] == FRAIL, params.population.frail_fewer_ties, 1.0)
             * np.where(pop.marital[ids] == DIVORCED, 1 - params.life.divorce_friend_loss, 1.0))
    return np.asarray(params.convoy.friends_by_band)[band7] * fewer


def focus_ties(pop: Population, ties: Ties, rng: np.random.Generator, params: Params,
               ids: np.ndarray) -> None:
    """Friends, neighbours, colleagues/classmates and fellow club members at the start.

    Args:
        pop: The population table.
        ties: The tie store.
        rng: Random stream.
        params: Model parameters.
        ids: Residents whose focus ties to create.
    """
    cv = params.convoy
    age = pop.age[ids]
    # Friends: anywhere in town (one focus), strongly age-homophilous. Each tie is sought
    # from one side, so each resident asks for half the mean.
    wanted = rng.poisson(friends_expected(pop, params, ids) / 2)
    town = np.zeros(len(ids))
    seek = np.repeat(np.arange(len(ids)), wanted)
    a, b = pair_in_focus(rng, FocusIndex(ids, town, age), ids[seek], town[seek], age[seek],
                         FRIEND_AGE_SPREAD, ties)
    add_ties(ties, rng, params, a, b, FRIEND, settled=True)
    means = {NEIGHBOUR: cv.neighbours_mean, COLLEAGUE: cv.colleagues_mean, CLUB: cv.club_mean}
    for kind, column, spread in FOCUS_KINDS:
        focus = getattr(pop, column)[ids]
        inside = np.flatnonzero(focus >= 0)
        index = FocusIndex(ids[inside], focus[inside], age[inside])
        seek = np.repeat(inside, rng.poisson(means[kind] / 2, len(inside)))
        a, b = pair_in_focus(rng, index, ids[seek], focus[seek], age[seek],
                             age_spread(column, spread, focus[seek]), ties)
        add_ties(ties, rng, params, a, b, kind, settled=True)
    # The oldest have already let peripheral ties go, as they will in the run (sim.fading).
    fading.settle_convoys(pop, ties, params, rng)


# ---- draws keyed by the seeker's row and by the pair (see sim.rng): positions 0-2 of a
# seeker's sequence, 3-4 and the sub-keys 1-2 of a pair's.


@kernel
def _seeker_draws(key, seekers, noise, half):  # pragma: no cover - compiled
    """Each seeker's age noise (standard normal) and the draw for the place below."""
    for i in range(len(seekers)):
        item = key_of(key, seekers[i])
        noise[i] = normal_at(item, 0)
        half[i] = uniform_at(item, 2)


@kernel
def _pair_order(key, a, b, order):  # pragma: no cover - compiled
    """Random bits per pair: sorting by them puts the pairs in a random, shared order."""
    for i in range(len(a)):
        order[i] = bits_at(key_of(key, pair_code(a[i], b[i])), 3)


@kernel
def _pair_draws(key, a, b, alpha, beta, potential, share):  # pragma: no cover - compiled
    """Each pair's closeness potential (Beta) and a uniform share for its start."""
    for i in range(len(a)):
        item = key_of(key, pair_code(a[i], b[i]))
        potential[i] = beta_at(item, alpha, beta)
        share[i] = uniform_at(item, 4)
