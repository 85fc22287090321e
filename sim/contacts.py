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

from sim.parameters import ContactParams, Params
from sim.population import CHRONIC, FRAIL, Population
from sim.synth import SCHOOL_OFFSET
from sim.ties import (
    ACTIVITY,
    CLUB,
    COLLEAGUE,
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
#: Contacts a week (in person or remote) from which a tie counts as daily contact.
DAILY_CONTACTS = 6.0
#: Setting of a tie by kind when the two do not share a household (partner .. club).
KIND_SETTING = np.array([1, 1, 2, 3, 4, 6, 2, 6], np.int8)


def out_of_home(pop: Population, params: Params, rows: np.ndarray | slice = slice(None)
                ) -> np.ndarray:
    """Share of out-of-home contact residents can keep (health, withdrawal, caring).

    Args:
        pop: The population table.
        params: Model parameters.
        rows: Which rows (default: all rows up to the table's capacity).

    Returns:
        Factor 0-1 per row.
    """
    c = params.contact
    health = pop.health[rows]
    mobility = np.where(health == FRAIL, c.frail_mobility, np.where(
        (health == CHRONIC) | pop.disability[rows], c.chronic_mobility, 1.0))
    caring = np.where(pop.caregiver[rows], params.life.caring_out_of_home, 1.0)
    able = mobility * caring
    able += pop.support[rows] * (1 - able)  # practical support: transport, respite
    return (able * (1 - c.withdrawal_effect * pop.withdrawal[rows])).astype(np.float32)


def tie_rates(pop: Population, ties: Ties, params: Params, ids: np.ndarray,
              going_out: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Setting and total contact rate (in person plus remote, per week) of some ties.

    Args:
        pop: The population table.
        ties: The tie store.
        params: Model parameters.
        ids: Tie ids.
        going_out: Result of :func:`out_of_home`.

    Returns:
        ``(setting, rate)`` per tie.
    """
    c = params.contact
    a, b, kind = ties.a[ids], ties.b[ids], ties.kind[ids]
    ext = b < 0
    bb = np.where(ext, a, b)
    home = (pop.household[a] == pop.household[bb]) & ~ext
    care = (pop.care_home[a] | (pop.care_home[bb] & ~ext)) & ~home
    # The focus a neighbour, colleague or club tie rests on must still be shared.
    setting = KIND_SETTING[kind]
    shared = np.ones(len(a), np.bool_)
    school = np.zeros(len(a), np.bool_)
    for k, column in ((NEIGHBOUR, pop.neighbourhood), (COLLEAGUE, pop.workplace),
                      (CLUB, pop.club), (ACTIVITY, pop.activity)):
        sel = np.flatnonzero(kind == k)
        fa = column[a[sel]]
        shared[sel] = (fa == column[bb[sel]]) & (fa >= 0) & ~ext[sel]
        if k == COLLEAGUE:
            school[sel] = shared[sel] & (fa >= SCHOOL_OFFSET)
    base = np.where(shared, _per_kind(c)[kind], np.float32(c.lapsed_per_week))
    base[ext] = c.family_per_week * c.external_in_person_share
    # A tie whose focus has lapsed is kept up privately, like a friendship.
    focus_kind = (kind >= NEIGHBOUR) & (kind != VOLUNTEER)
    setting[focus_kind & ~shared] = S_FRIEND
    setting[school] = S_SCHOOL
    setting[ext] = S_EXTERNAL
    # Visits to a care-home resident (from town or elsewhere) fall under care-home rules;
    # fellow residents of one home are not visitors.
    housemates = pop.care_home[a] & pop.care_home[bb] & ~ext & (
        pop.neighbourhood[a] == pop.neighbourhood[bb])
    setting[care & ~housemates] = S_CARE_HOME
    setting[home] = HOUSEHOLD
    in_person = base * (0.4 + c.closeness_rate_gain * ties.closeness[ids])
    in_person *= going_out[a]
    in_person *= np.where(ext, np.float32(1), going_out[bb])
    in_person[home] = c.partner_per_week
    # A volunteer (buddy, daily visitor) comes by at the rate the programme sets.
    visitor = kind == VOLUNTEER
    setting[visitor] = S_FRIEND
    in_person[visitor] = ties.fixed_rate[ids][visitor]
    remote = np.asarray(c.remote_per_in_person, np.float32)[setting]
    return setting, (in_person * (1 + remote)).astype(np.float32)


def _per_kind(c: ContactParams) -> np.ndarray:
    return np.array([c.family_per_week, c.family_per_week, c.friend_per_week,
                     c.neighbour_per_week, c.colleague_per_week, c.club_per_week, 0.0,
                     c.club_per_week], np.float32)


def store_values(ties: Ties, ids: np.ndarray, setting: np.ndarray, rate: np.ndarray) -> None:
    """Cache each tie's setting and weekly emotional and social value from its rate.

    Args:
        ties: The tie store.
        ids: Tie ids.
        setting: Setting per tie.
        rate: Total contact rate per tie (per week).
    """
    g = rate / (1 + rate)
    closeness = ties.closeness[ids]
    # Someone from one's own network (not a household member, not a volunteer) in contact
    # about every day.
    own = (setting != HOUSEHOLD) & (ties.kind[ids] != VOLUNTEER)
    ties.daily[ids] = (own & (rate >= DAILY_CONTACTS)).astype(np.float32)
    ties.setting[ids] = setting
    ties.value_social[ids] = g * (SOCIAL_FLOOR + (1 - SOCIAL_FLOOR) * closeness)
    ties.value_emotional[ids] = closeness**2 * g


def tie_values(pop: Population, ties: Ties, params: Params, ids: np.ndarray,
               going_out: np.ndarray) -> None:
    """Compute and cache each tie's setting and weekly emotional and social value.

    Args:
        pop: The population table.
        ties: The tie store.
        params: Model parameters.
        ids: Tie ids.
        going_out: Result of :func:`out_of_home`.
    """
    store_values(ties, ids, *tie_rates(pop, ties, params, ids, going_out))


class Intake:
    """Per-resident sums of tie values by setting (rows: residents, columns: settings)."""

    def __init__(self, capacity: int) -> None:
        self.emotional = np.zeros((capacity, N_SETTINGS), np.float32)
        self.social = np.zeros((capacity, N_SETTINGS), np.float32)
        self.daily = np.zeros(capacity, np.float32)  # ties with daily contact

    def ensure(self, capacity: int) -> None:
        """Grow to at least ``capacity`` rows.

        Args:
            capacity: Rows needed.
        """
        if capacity > len(self.emotional):
            extra = np.zeros((capacity - len(self.emotional), N_SETTINGS), np.float32)
            self.emotional = np.vstack([self.emotional, extra])
            self.social = np.vstack([self.social, extra])
            self.daily = np.concatenate([self.daily, extra[:, 0]])

    def rebuild(self, ties: Ties) -> None:
        """Sum the cached values of all live ties from scratch.

        Args:
            ties: The tie store (values already cached).
        """
        self.emotional.fill(0)
        self.social.fill(0)
        self.daily.fill(0)
        n = ties.n
        alive = ties.alive[:n]
        setting = ties.setting[:n][alive].astype(np.int64)
        a = ties.a[:n][alive].astype(np.int64)
        b = ties.b[:n][alive].astype(np.int64)
        internal = b >= 0
        flat = np.concatenate([a * N_SETTINGS + setting, (b * N_SETTINGS + setting)[internal]])
        for target, values in ((self.emotional, ties.value_emotional),
                               (self.social, ties.value_social)):
            v = values[:n][alive]
            np.add.at(target.reshape(-1), flat, np.concatenate([v, v[internal]]))
        self._count_daily(np.flatnonzero(alive), ties, 1.0)

    def apply(self, ties: Ties, ids: np.ndarray, sign: float) -> None:
        """Add (sign +1) or subtract (-1) the cached values of some ties at both ends.

        Args:
            ties: The tie store.
            ids: Tie ids.
            sign: +1 to add, -1 to remove.
        """
        if not len(ids):
            return
        b = ties.b[ids]
        internal = b >= 0
        ends = np.concatenate([ties.a[ids], b[internal]]).astype(np.int64)
        setting = np.concatenate([ties.setting[ids], ties.setting[ids][internal]])
        flat = ends * N_SETTINGS + setting
        for target, values in ((self.emotional, ties.value_emotional),
                               (self.social, ties.value_social)):
            v = values[ids]
            v = np.concatenate([v, v[internal]])
            np.add.at(target.reshape(-1), flat, v if sign > 0 else -v)
        self._count_daily(ids, ties, sign)

    def _count_daily(self, ids: np.ndarray, ties: Ties, sign: float) -> None:
        """Count ties with daily contact at both ends (few ties: only those are touched)."""
        ids = ids[ties.daily[ids] > 0]
        b = ties.b[ids]
        np.add.at(self.daily, np.concatenate([ties.a[ids], b[b >= 0]]), np.float32(sign))
