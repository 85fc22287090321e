"""Tie closeness, endings and formation."""

from __future__ import annotations

from dataclasses import dataclass

from sim.parameters.declare import param


@dataclass(frozen=True)
class TieParams:
    """How ties grow, fade, end and form."""

    decay_per_year: float = param(
        0.15, unit="share of closeness per year", lo=0, hi=1,
        source="issue #2 / Roberts & Dunbar 2011: closeness decays without in-person contact",
        doc="Closeness lost per year of weeks without in-person contact.")
    kin_decay_factor: float = param(
        0.3, unit="multiplier", lo=0, hi=1,
        source="Roberts & Dunbar 2011: kin ties resist a fall in contact far better than "
               "friendships; value assumption — calibrated",
        doc="Kin ties fade at this share of the non-kin rate.")
    friend_at: float = param(
        0.5, unit="closeness 0-1", lo=0, hi=1,
        source="assumption: friendships grow out of foci (Feld 1981)",
        doc="A neighbour, colleague or club tie this close becomes a friendship, which "
            "outlasts the focus.")
    growth_per_year: float = param(
        1.0, unit="share of (potential - closeness) per year", lo=0, hi=10,
        source="assumption — calibrated: a tie seen weekly nears its potential within ~2 years",
        doc="Closeness gained per year of weeks with in-person contact.")
    end_below: float = param(
        0.08, unit="closeness 0-1", lo=0, hi=1,
        source="assumption — calibrated (Mollenhorst 2014: half of non-kin ties replaced in 7 y)",
        doc="A non-kin tie whose closeness falls below this ends.")
    kin_floor: float = param(
        0.15, unit="closeness 0-1", lo=0, hi=1,
        source="assumption: kin ties are latent but never end",
        doc="Closeness below which a kin tie does not fall.")
    new_ties_per_year: tuple = param(
        (0.25, 0.5, 0.5), unit="new ties per year in (neighbourhood, work/school, club)",
        lo=0, hi=50,
        source="assumption — calibrated (Mollenhorst et al. 2014: about half of non-kin ties "
               "are replaced within 7 years)",
        doc="Rate of forming a new tie in each focus a resident takes part in.")
    update_weeks: int = param(
        13, unit="weeks", lo=1, hi=26,
        source="model design: tie closeness is updated in blocks of this many weeks",
        doc="Weeks between tie maintenance passes (closeness, endings, rates).")
    max_ties: int = param(
        60, unit="ties", lo=10, hi=250,
        source="Dunbar 1993: ~150 meaningful relations; the convoy studied here is smaller",
        doc="Most ties one resident can hold (slots per resident).")
