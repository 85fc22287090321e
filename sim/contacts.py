"""Contact on ties, summed per resident and setting.

Contact on a tie is a Poisson process. Its rate depends on the kind of tie, whether the two
still share a focus (neighbourhood, workplace, school, club), closeness, and both people's
ability to go out (health, withdrawal, care-giving). A share of it is remote, by setting.

Each tie's weekly value to each of its two ends is ``g = r / (1 + r)`` (the chance-like worth
of a week's contact at total rate ``r``; more contact has diminishing returns), weighted by
``0.3 + 0.7 * closeness`` for social fulfilment (everyone counts a little, people one can
lean on count more) and by ``closeness**2`` for emotional fulfilment (only close ties feed
the need for intimacy). These values are summed per resident and *setting* (household, family,
friend, ..., see :mod:`sim.ties`) into two small matrices. Lockdowns and other weekly changes
then act per setting on those sums, so the weekly step never touches the ties.
"""

from __future__ import annotations

import numpy as np

from sim.arrays import rows_where
from sim.jit import PIPELINE_CHUNK, inline, kernel, on_two_cores, pipelined
from sim.parameters import ContactParams, Params
from sim.population import CHRONIC, FRAIL, Population
from sim.synth import SCHOOL_OFFSET
from sim.ties import (
    ACTIVITY,
    CLUB,
    COLLEAGUE,
    FAMILY,
    HOUSEHOLD,
    N_SETTINGS,
    NEIGHBOUR,
    S_CARE_HOME,
    S_EXTERNAL,
    S_FRIEND,
    S_SCHOOL,
    VOLUNTEER,
    Ties,
)

#: Share of a tie's social value that does not depend on closeness: a passing acquaintance
#: counts for something, but "people I can lean on" are closer ties (assumption).
SOCIAL_FLOOR = 0.3
#: Setting of a tie by kind when the two do not share a household (partner .. club).
KIND_SETTING = np.array([1, 1, 2, 3, 4, 6, 2, 6], np.int8)


def out_of_home(pop: Population, params: Params, rows: np.ndarray | slice = slice(None)
                ) -> np.ndarray:
    """Share of out-of-home contact residents can keep (health, withdrawal, caring).

    Two columns: toward anyone, and toward family, to whom only ``kin_withdrawal_share`` of
    withdrawal's effect applies (relatives keep coming to someone who withdraws). One row per
    resident, so a tie's rate reads both from one place (:func:`tie_rates`).

    Args:
        pop: The population table.
        params: Model parameters.
        rows: Which rows (default: all rows up to the table's capacity).

    Returns:
        float32 (rows, 2), factors 0-1.
    """
    c = params.contact
    ids = np.arange(pop.capacity)[rows] if isinstance(rows, slice) else np.asarray(rows)
    out = np.empty((len(ids), 2), np.float32)
    _out_of_home(ids, pop.health, pop.disability, pop.caregiver, pop.support, pop.withdrawal,
                 float(c.frail_mobility), float(c.chronic_mobility),
                 float(params.life.caring_out_of_home), np.float32(c.withdrawal_effect),
                 np.float32(c.kin_withdrawal_share), out)
    return out


@kernel
def _out_of_home(ids, health, disability, caregiver, support, withdrawal, frail_mobility,
                 chronic_mobility, caring_out_of_home, effect, kin_share,
                 out):  # pragma: no cover - compiled
    """Both columns of :func:`out_of_home` for rows ``ids``.

    In numpy's types, as the vector formula had them: mobility, caring and the ability to
    go out in float64, the withdrawal's effect in float32 (a Python float times a float32
    column), their product rounded to float32.
    """
    one = np.float32(1.0)
    for j in range(len(ids)):
        i = ids[j]
        h = health[i]
        mobility = frail_mobility if h == FRAIL else (
            chronic_mobility if (h == CHRONIC or disability[i]) else 1.0)
        able = mobility * (caring_out_of_home if caregiver[i] else 1.0)
        able += support[i] * (1.0 - able)  # practical support: transport, respite
        withdrawn = effect * withdrawal[i]
        out[j, 0] = np.float32(able * (one - withdrawn))
        out[j, 1] = np.float32(able * (one - kin_share * withdrawn))


def tie_rates(pop: Population, ties: Ties, params: Params, ids: np.ndarray,
              going_out: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Setting and total contact rate (in person plus remote, per week) of some ties.

    The base rate is the kind's (family, friend, neighbour...) while the two still share the
    focus the tie rests on (neighbourhood, workplace or school, club, activity group) and
    the lapsed rate of a private friendship otherwise. It rises with closeness and falls
    with either end's ability to go out (toward family with less of withdrawal in it, the
    second column of :func:`out_of_home`: relatives keep coming). Household members meet
    daily; a volunteer comes at the programme's rate; relatives and friends elsewhere are seen
    less in person, except those who live near the municipality (``ties.near``), met like kin
    in town.
    Remote contact adds its setting's share on top.

    Args:
        pop: The population table.
        ties: The tie store.
        params: Model parameters.
        ids: Tie ids.
        going_out: Result of :func:`out_of_home` (both columns).

    Returns:
        ``(setting, rate)`` per tie.
    """
    ids = np.asarray(ids, np.int32)
    setting = np.empty(len(ids), np.int8)
    rate = np.empty(len(ids), np.float32)
    constants = _rate_constants(params.contact)
    on_two_cores(len(ids), lambda lo, hi: _rates(
        ids[lo:hi], ties.a, ties.b, ties.kind, ties.closeness, ties.fixed_rate, ties.near,
        pop.household,
        pop.care_home, pop.neighbourhood, pop.workplace, pop.club, pop.activity, going_out,
        *constants, setting[lo:hi], rate[lo:hi]))
    return setting, rate


#: Ties per chunk in :func:`_rates` (its scratch arrays stay in the cache).
_CHUNK = 1 << 16


@kernel
def _rates(ids, a, b, kind, closeness, fixed_rate, near, household, care_home, neighbourhood,
           workplace, club, activity, going_out, per_kind, lapsed, external, gain,
           partner_rate, remote, setting_out, rate_out):  # pragma: no cover - compiled
    """Setting and rate per tie; see :func:`tie_rates`.

    Chunk by chunk, each column of the population is first read for both ends of every tie
    in one simple loop (one column at a time stays in the cache, so the scattered reads are
    cheap), then the rates are worked out from these contiguous copies.
    """
    size = min(len(ids), _CHUNK)
    x = np.empty(size, np.int32)
    z = np.empty(size, np.int32)
    house_x, house_z = np.empty(size, np.int32), np.empty(size, np.int32)
    focus_x, focus_z = np.empty(size, np.int32), np.empty(size, np.int32)
    near_x, near_z = np.empty(size, np.int32), np.empty(size, np.int32)
    care_x, care_z = np.empty(size, np.bool_), np.empty(size, np.bool_)
    go_x, go_z = np.empty(size, np.float32), np.empty(size, np.float32)
    for start in range(0, len(ids), _CHUNK):
        stop = min(start + _CHUNK, len(ids))
        m = stop - start
        for j in range(m):
            t = ids[start + j]
            x[j] = a[t]
            z[j] = a[t] if b[t] < 0 else b[t]
        for ends, out_x, out_z in ((household, house_x, house_z),
                                   (neighbourhood, near_x, near_z)):
            for j in range(m):
                out_x[j] = ends[x[j]]
                out_z[j] = ends[z[j]]
        for j in range(m):
            care_x[j] = care_home[x[j]]
            care_z[j] = care_home[z[j]]
        for j in range(m):
            toward = _toward(kind[ids[start + j]])
            go_x[j] = going_out[x[j], toward]
            go_z[j] = going_out[z[j], toward]
        for k, column in ((NEIGHBOUR, neighbourhood), (COLLEAGUE, workplace), (CLUB, club),
                          (ACTIVITY, activity)):
            for j in range(m):
                if kind[ids[start + j]] == k:
                    focus_x[j] = column[x[j]]
                    focus_z[j] = column[z[j]]
        for j in range(m):
            t = ids[start + j]
            setting_out[start + j], rate_out[start + j] = _rate_of(
                kind[t], b[t] < 0, near[t], closeness[t], fixed_rate[t],
                house_x[j] == house_z[j], focus_x[j], focus_z[j], care_x[j], care_z[j],
                near_x[j] == near_z[j], go_x[j], go_z[j], per_kind, lapsed, external, gain,
                partner_rate, remote)


@inline
def _toward(kind):  # pragma: no cover - compiled
    """Column of :func:`out_of_home` for a tie of this kind (1: family, 0: anyone else)."""
    return 1 if kind == FAMILY else 0


@inline
def _rate_of(k, ext, near, closeness, fixed_rate, same_household, fa, fb, care_x, care_z,
             same_neighbourhood, going_x, going_z, per_kind, lapsed, external, gain,
             partner_rate, remote):  # pragma: no cover - compiled
    """Setting and total contact rate of one tie (ends x and z; z is x for a tie elsewhere).

    ``fa`` and ``fb`` are both ends' focus of the tie's kind (neighbourhood, workplace,
    club or activity group; ignored for other kinds). ``near``: the one elsewhere lives near
    the municipality, and is met in person at the kind's rate and setting (a relative like
    kin in town), not at the external rate.
    """
    home = (not ext) and same_household
    shared = True
    school = False
    if k == NEIGHBOUR or k == COLLEAGUE or k == CLUB or k == ACTIVITY:
        shared = fa == fb and fa >= 0 and not ext
        school = k == COLLEAGUE and shared and fa >= SCHOOL_OFFSET
    base = per_kind[k] if shared else lapsed
    s = KIND_SETTING[k]
    if k >= NEIGHBOUR and k != VOLUNTEER and not shared:
        s = S_FRIEND  # a tie whose focus has lapsed is kept up privately
    if school:
        s = S_SCHOOL
    if ext and not near:
        base = external
        s = S_EXTERNAL
    # Visits to a care-home resident (from town or elsewhere) fall under care-home rules;
    # fellow residents of one home are not visitors.
    care = (care_x or (care_z and not ext)) and not home
    mates = care_x and care_z and not ext and same_neighbourhood
    if care and not mates:
        s = S_CARE_HOME
    in_person = base * (0.4 + gain * closeness) * going_x
    if not ext:
        in_person *= going_z
    if home:
        s = HOUSEHOLD
        in_person = partner_rate
    if k == VOLUNTEER:  # a buddy or daily visitor comes at the programme's rate
        s = S_FRIEND
        in_person = fixed_rate
    return s, np.float32(in_person * (1 + remote[s]))


def _rate_constants(c: ContactParams) -> tuple:
    """The contact parameters :func:`_rate_of` reads, after ``going_z``, in its order."""
    per_kind = np.array([c.family_per_week, c.family_per_week, c.friend_per_week,
                         c.neighbour_per_week, c.colleague_per_week, c.club_per_week, 0.0,
                         c.club_per_week], np.float32)
    return (per_kind, np.float32(c.lapsed_per_week),
            np.float32(c.family_per_week * c.external_in_person_share),
            np.float32(c.closeness_rate_gain), np.float32(c.partner_per_week),
            np.asarray(c.remote_per_in_person, np.float32))


def revalue(pop: Population, ties: Ties, params: Params, intake: Intake, ids: np.ndarray,
            going_out: np.ndarray, fresh: bool = False) -> None:
    """Cache ties' setting and weekly values from their contact rates; keep the intake in step.

    Each tie's old values are taken out of both ends' intake sums, its new setting, emotional
    and social value and own-network contact rate are cached (see the module docstring and
    :func:`value_of`), and the new values are added back: for a few ties, in one compiled
    pass that works out each rate as it goes; for many, in one pass after the rates
    (:func:`tie_rates`, see :data:`DIRECT_BELOW`).

    Args:
        pop: The population table.
        ties: The tie store.
        params: Model parameters.
        intake: The intake sums (updated).
        ids: Tie ids.
        going_out: Result of :func:`out_of_home` (both columns).
        fresh: The ties' values are not in the intake (new ties, ties whose old values were
            taken out already, or an emptied intake): only add the new ones.
    """
    ids = np.asarray(ids, np.int32)
    cached = (ties.setting, ties.value_emotional, ties.value_social, ties.network_rate,
              intake.sums, intake.network, intake.changed, fresh)
    if len(ids) < DIRECT_BELOW:
        _revalue_direct(ids, ties.a, ties.b, ties.kind, ties.closeness, ties.fixed_rate,
                        ties.near, pop.household, pop.care_home, pop.neighbourhood, pop.workplace,
                        pop.club, pop.activity, going_out, *_rate_constants(params.contact),
                        *cached)
        return
    setting, rate = tie_rates(pop, ties, params, ids, going_out)
    if not fresh:
        _revalue(ids, setting, rate, ties.a, ties.b, ties.kind, ties.closeness, *cached)
        return
    # New values only (e.g. every tie at the start): the second core caches them chunk by
    # chunk while this one adds each finished chunk to the intake, in the ties' order.
    pipelined(len(ids), PIPELINE_CHUNK, lambda lo, hi: _cache_values(
        ids[lo:hi], setting[lo:hi], rate[lo:hi], ties.kind, ties.closeness, ties.setting,
        ties.value_emotional, ties.value_social, ties.network_rate),
        lambda lo, hi: intake.apply(ties, ids[lo:hi], 1.0))


@kernel
def _cache_values(ids, setting, rate, kind, closeness, tie_setting, emotional, social, network
                  ):  # pragma: no cover - compiled
    """Each tie's setting and values from its rate, cached (not added to the intake)."""
    for i in range(len(ids)):
        t = ids[i]
        tie_setting[t] = setting[i]
        emotional[t], social[t], network[t] = value_of(setting[i], rate[i], kind[t],
                                                       closeness[t])


#: Below this many ties, :func:`revalue` works out each tie's rate as it goes (the ties of the
#: week's movers, newcomers, new partners: a few thousand scattered ties, whose reads wait on
#: memory once instead of twice); above it, the rates come first, column by column
#: (:func:`_rates`, faster for all ties at once). Same values either way.
DIRECT_BELOW = 50_000


@kernel
def _revalue(ids, setting, rate, a, b, kind, closeness, tie_setting, emotional, social, network,
             sums, network_sum, changed, fresh):  # pragma: no cover - compiled
    """Old values out, new values cached and in, from given rates; see :func:`revalue`."""
    for i in range(len(ids)):
        t = ids[i]
        _revalue_one(t, setting[i], rate[i], a[t], b[t], kind[t], closeness[t], tie_setting,
                     emotional, social, network, sums, network_sum, changed, fresh)


@kernel
def _revalue_direct(ids, a, b, kind, closeness, fixed_rate, near, household, care_home,
                    neighbourhood, workplace, club, activity, going_out, per_kind, lapsed,
                    external, gain, partner_rate, remote, tie_setting, emotional, social,
                    network, sums, network_sum, changed, fresh):  # pragma: no cover - compiled
    """Each tie's rate, then its old values out, new values in; see :func:`revalue`."""
    for i in range(len(ids)):
        t = ids[i]
        x, y, k = a[t], b[t], kind[t]
        ext = y < 0
        z = x if ext else y
        focus = (neighbourhood if k == NEIGHBOUR else workplace if k == COLLEAGUE
                 else club if k == CLUB else activity)  # read only for these four kinds
        s, r = _rate_of(k, ext, near[t], closeness[t], fixed_rate[t],
                        household[x] == household[z],
                        focus[x], focus[z], care_home[x], care_home[z],
                        neighbourhood[x] == neighbourhood[z], going_out[x, _toward(k)],
                        going_out[z, _toward(k)], per_kind, lapsed, external, gain,
                        partner_rate, remote)
        _revalue_one(t, s, r, x, y, k, closeness[t], tie_setting, emotional, social, network,
                     sums, network_sum, changed, fresh)


@inline
def _revalue_one(t, s, rate, x, y, kind, closeness, tie_setting, emotional, social, network,
                 sums, network_sum, changed, fresh):  # pragma: no cover - compiled
    """One tie: old values out, new values cached and in.

    A tie whose setting and values did not change (a relative elsewhere of someone who
    moved house, say) is left as it is.
    """
    e, soc, d = value_of(s, rate, kind, closeness)
    if not fresh:
        if s == tie_setting[t] and e == emotional[t] and soc == social[t] and d == network[t]:
            return
        add_to_ends(sums, network_sum, x, y, tie_setting[t], -emotional[t], -social[t],
                    -network[t])
    tie_setting[t] = s
    emotional[t], social[t], network[t] = e, soc, d
    add_to_ends(sums, network_sum, x, y, s, emotional[t], social[t], network[t])  # as cached
    changed[x] = True
    if y >= 0:
        changed[y] = True


@inline
def value_of(setting, rate, kind, closeness):  # pragma: no cover - compiled
    """Emotional and social value of one tie's week, and its own-network contact rate.

    Args:
        setting: The tie's setting.
        rate: Total contact rate (per week).
        kind: Tie kind.
        closeness: Closeness (0-1).

    Returns:
        ``(emotional, social, network)``; network is the contact rate (contacts a week, in
        person or remote) of a tie of one's own network outside the household, 0 for a
        household member or a volunteer: summed per resident, it tells who has contact
        about every day (:data:`sim.policy.targets.DAILY_CONTACTS`).
    """
    g = rate / (1 + rate)
    own = setting != HOUSEHOLD and kind != VOLUNTEER
    network = rate if own else np.float32(0.0)
    return closeness * closeness * g, g * (SOCIAL_FLOOR + (1 - SOCIAL_FLOOR) * closeness), network


#: What :meth:`Intake.weigh` sums: emotional and social intake, the contact index (from the
#: social sums), and the remote parts of emotional and social intake (worth more to residents
#: with video calling).
WEIGHTED = ("emotional", "social", "contacts", "emotional_remote", "social_remote")


class Intake:
    """Per-resident sums of tie values by setting, and own-network contacts a week.

    One row per resident holds, for each setting, the emotional and the social sum side by
    side: a tie's update touches one cache line per end, not two scattered arrays.
    ``network`` sums the contact rates of one's own network outside the household.
    """

    def __init__(self, capacity: int) -> None:
        self.sums = np.zeros((capacity, 2 * N_SETTINGS), np.float32)
        self.network = np.zeros(capacity, np.float32)
        # Weighted sums (see weigh), kept between weeks: only residents whose ties changed
        # (``changed``) are summed again while the weights stay the same.
        self.weighted = np.zeros((capacity, len(WEIGHTED)), np.float32)
        self.changed = np.ones(capacity, np.bool_)
        self._weights: np.ndarray | None = None

    @property
    def emotional(self) -> np.ndarray:
        """Summed emotional tie values (rows: residents, columns: settings)."""
        return self.sums[:, 0 : 2 * N_SETTINGS : 2]

    @property
    def social(self) -> np.ndarray:
        """Summed social tie values (rows: residents, columns: settings)."""
        return self.sums[:, 1 : 2 * N_SETTINGS : 2]

    def ensure(self, capacity: int) -> None:
        """Grow to at least ``capacity`` rows.

        Args:
            capacity: Rows needed.
        """
        if capacity > len(self.sums):
            more = capacity - len(self.sums)
            self.sums = np.vstack([self.sums, np.zeros((more, self.sums.shape[1]), np.float32)])
            self.network = np.concatenate([self.network, np.zeros(more, np.float32)])
            self.weighted = np.vstack([self.weighted, np.zeros((more, len(WEIGHTED)),
                                                               np.float32)])
            self.changed = np.concatenate([self.changed, np.ones(more, np.bool_)])

    def weigh(self, n: int, weights: np.ndarray) -> np.ndarray:
        """Each resident's sums weighted over the settings, one column per :data:`WEIGHTED`.

        Args:
            n: Rows wanted.
            weights: Weight per setting of each of :data:`WEIGHTED` (rows) — emotional and
                social sums are weighted by this week's lockdown weights.

        Returns:
            Array (rows, len(WEIGHTED)); a view kept by the intake, valid until it changes.
        """
        if self._weights is None or not np.array_equal(weights, self._weights):
            self.changed[:n] = True
            self._weights = weights.copy()
        rows = rows_where(self.changed[:n])
        on_two_cores(len(rows), lambda lo, hi: _weigh(rows[lo:hi], self.sums, weights,
                                                      self.weighted, self.changed))
        return self.weighted[:n]

    def clear(self) -> None:
        """Empty all sums (before summing every live tie again)."""
        self.sums.fill(0)
        self.network.fill(0)
        self.changed.fill(True)

    def apply(self, ties: Ties, ids: np.ndarray, sign: float) -> None:
        """Add (sign +1) or subtract (-1) the cached values of some ties at both ends.

        Args:
            ties: The tie store.
            ids: Tie ids.
            sign: +1 to add, -1 to remove.
        """
        if len(ids):
            add_values(np.asarray(ids, np.int32), ties.a, ties.b, ties.setting,
                       ties.value_emotional, ties.value_social, ties.network_rate, self.sums,
                       self.network, self.changed, np.float32(sign))


@kernel
def add_values(ids, a, b, setting, value_emotional, value_social, network, sums, network_sum,
               changed, sign):  # pragma: no cover - compiled
    """Add ``sign`` times each tie's values to both ends' sums; see :meth:`Intake.apply`."""
    for t in ids:
        add_tie_values(t, sign, a, b, setting, value_emotional, value_social, network, sums,
                       network_sum, changed)


@inline
def add_tie_values(t, sign, a, b, setting, value_emotional, value_social, network, sums,
                   network_sum, changed):  # pragma: no cover - compiled
    """Add ``sign`` times tie ``t``'s cached values to both ends' sums, marking them changed."""
    x, y = a[t], b[t]
    add_to_ends(sums, network_sum, x, y, setting[t], sign * value_emotional[t],
                sign * value_social[t], sign * network[t])
    changed[x] = True
    if y >= 0:
        changed[y] = True


@inline
def add_to_ends(sums, network_sum, x, y, setting, emotional, social, network
                ):  # pragma: no cover - compiled
    """Add one tie's values to the intake of both its ends (``y`` -1: elsewhere).

    The own-network contacts (none for household members and volunteers) are summed in a
    separate, smaller array, touched only for ties that count there.
    """
    col = 2 * np.int64(setting)
    for end in (x, y):
        if end >= 0:
            sums[end, col] += emotional
            sums[end, col + 1] += social
            if network != 0:
                network_sum[end] += network


@kernel
def _weigh(rows, sums, weights, weighted, changed):  # pragma: no cover - compiled
    """Weighted sums of some residents; see :meth:`Intake.weigh`.

    The five weightings of :data:`WEIGHTED` read each setting's emotional (e) or social (s)
    sum: e, s, s, e, s.
    """
    zero = np.float32(0.0)
    for i in rows:
        emotional = social = contacts = emotional_remote = social_remote = zero
        for k in range(weights.shape[1]):
            e, s = sums[i, 2 * k], sums[i, 2 * k + 1]
            emotional += e * weights[0, k]
            social += s * weights[1, k]
            contacts += s * weights[2, k]
            emotional_remote += e * weights[3, k]
            social_remote += s * weights[4, k]
        weighted[i, 0], weighted[i, 1], weighted[i, 2] = emotional, social, contacts
        weighted[i, 3], weighted[i, 4] = emotional_remote, social_remote
        changed[i] = False
