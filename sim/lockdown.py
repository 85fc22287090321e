"""Lockdowns: dated measures turned into the share of in-person contact kept per setting.

Measures act on *settings* (see :mod:`sim.ties`), never on loneliness directly: they close
foci (work, school, clubs, cafés), cap visits and ban care-home visitors. Households keep
their contact. A share of forgone in-person contact moves to phone and video, which is
worth less — least for emotional needs. Whatever happens to loneliness follows from that.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np

from sim.parameters import ContactParams
from sim.scenario import Lockdown
from sim.ties import (
    N_SETTINGS,
    S_CARE_HOME,
    S_CLUB,
    S_EXTERNAL,
    S_FAMILY,
    S_FRIEND,
    S_NEIGHBOUR,
    S_SCHOOL,
    S_WORK,
)


@dataclass(frozen=True)
class Measures:
    """The measures in force in one week (overlapping periods combine, strictest wins)."""

    work_from_home: float = 0.0
    schools_closed: bool = False
    clubs_closed: bool = False
    hospitality_closed: bool = False
    care_home_visiting_ban: bool = False
    max_visitors: int = 0
    stay_home: float = 0.0

    @property
    def any(self) -> bool:
        """Whether any measure is in force."""
        return self != Measures()


def measures_on(day: dt.date, periods: tuple[Lockdown, ...]) -> Measures:
    """Combine the lockdown periods in force on a day.

    Args:
        day: The date.
        periods: The scenario's lockdown periods.

    Returns:
        The combined measures (no measures if none is in force).
    """
    active = [p for p in periods if p.start <= day < p.end]
    if not active:
        return Measures()
    caps = [p.max_visitors for p in active if p.max_visitors > 0]
    return Measures(
        work_from_home=max(p.work_from_home for p in active),
        schools_closed=any(p.schools_closed for p in active),
        clubs_closed=any(p.clubs_closed for p in active),
        hospitality_closed=any(p.hospitality_closed for p in active),
        care_home_visiting_ban=any(p.care_home_visiting_ban for p in active),
        max_visitors=min(caps) if caps else 0,
        stay_home=max(p.stay_home for p in active),
    )


def kept_in_person(m: Measures, c: ContactParams) -> np.ndarray:
    """Share of in-person contact kept in each setting under the measures.

    Args:
        m: Measures in force.
        c: Contact parameters.

    Returns:
        Factor 0-1 per setting.
    """
    # A visit with k visitors; sizes are geometric with mean visit_group_mean, so a cap of
    # `cap` visitors keeps the share P(size <= cap) of visits.
    visits = 1.0 if m.max_visitors == 0 else 1 - (1 - 1 / c.visit_group_mean) ** m.max_visitors
    private = (1 - m.stay_home) * visits
    f = np.ones(N_SETTINGS)
    f[S_FAMILY] = private
    f[S_FRIEND] = private * (1 - c.hospitality_share * m.hospitality_closed)
    f[S_NEIGHBOUR] = 1 - (1 - c.neighbour_outdoor_share) * m.stay_home
    f[S_WORK] = 1 - m.work_from_home
    f[S_SCHOOL] = 0.0 if m.schools_closed else 1.0
    f[S_CLUB] = 0.0 if m.clubs_closed else 1.0
    f[S_EXTERNAL] = private
    f[S_CARE_HOME] = 0.0 if m.care_home_visiting_ban else private
    return f


@dataclass(frozen=True)
class Weights:
    """What one unit of summed tie value is worth this week, per setting."""

    emotional: np.ndarray
    social: np.ndarray
    contacts: np.ndarray
    kept: np.ndarray
    emotional_remote: np.ndarray
    social_remote: np.ndarray


def weights(m: Measures, c: ContactParams) -> Weights:
    """Per-setting weights on the summed tie values, given the measures.

    A tie's value is split into its in-person share ``1 / (1 + remote ratio)`` and the rest.
    In person counts fully; remote counts at ``remote_weight_*``; of the in-person contact a
    lockdown removes, the share ``substitution`` comes back as remote contact. Social
    fulfilment rests only partly (``social_from_this_week``) on this week's contact: the rest
    rests on having the ties at all, which a closure does not take away at once.

    Args:
        m: Measures in force.
        c: Contact parameters.

    Returns:
        Emotional, social and contact-count weights per setting, the kept shares, and the
        remote parts of the emotional and social weights (for residents with video calling).
    """
    f = kept_in_person(m, c)
    in_person = 1 / (1 + np.asarray(c.remote_per_in_person))
    remote = (1 - in_person) + np.asarray(c.substitution) * in_person * (1 - f)
    social_now = in_person * f + c.remote_weight_social * remote
    social_usual = in_person + c.remote_weight_social * (1 - in_person)
    beta = c.social_from_this_week
    return Weights(
        emotional=(in_person * f + c.remote_weight_emotional * remote).astype(np.float32),
        social=((1 - beta) * social_usual + beta * social_now).astype(np.float32),
        contacts=(in_person * f + remote).astype(np.float32),
        kept=f.astype(np.float32),
        emotional_remote=(c.remote_weight_emotional * remote).astype(np.float32),
        social_remote=(beta * c.remote_weight_social * remote).astype(np.float32),
    )


def participation_factors(m: Measures, c: ContactParams) -> tuple[float, float, float]:
    """Worth of belonging to work, school and a club this week, under the measures.

    Work from home and remote lessons keep belonging at the remote social worth; a closed
    club keeps only what does not rest on this week's contact.

    Args:
        m: Measures in force.
        c: Contact parameters.

    Returns:
        ``(work, school, club)`` factors 0-1.
    """
    beta = c.social_from_this_week
    remote = c.remote_weight_social

    def worth(kept: float, remote_share: float) -> float:
        return (1 - beta) + beta * (kept + remote * remote_share * (1 - kept))

    return (worth(1 - m.work_from_home, 1.0), worth(0.0 if m.schools_closed else 1.0, 1.0),
            worth(0.0 if m.clubs_closed else 1.0, 0.0))
