"""Vinden (find): signaler domain agents meet residents, notice loneliness and refer.

One :class:`SignalerDomain` agent per domain of :mod:`sim.policy.domains` (GP, home care,
pharmacy, shops, housing corporation, faith community, sports club, library, neighbours, debt
counselling, school, employer, self-organisations) and one :class:`SelfReferral` agent. Each
week the :class:`SignalerNetwork` takes the lonely adults not yet on the route (the
candidates); every domain agent works out from the residents' state how often it meets each
of them (meetings per year, lockdown measures applied) and turns that into a weekly referral
rate:

    rate = meetings / 52 × notice × refer × (1 − reluctance)
    notice = min(1, notice_per_meeting × (1 + kwaliteit) × (1 + weten))
    refer = min(1, referral_share × (1 + samenwerken))

Self-referral is a rate of its own: ``self_referral_per_year / 52 × (1 + informeren) ×
(1 − stigma × (1 − weten))``. The rates compete: a candidate is found with chance
``1 − exp(−Σ rates)`` and credited to one source with chance proportional to its rate — one
uniform draw per candidate per week from the engine's stream.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

import numpy as np

from sim.policy.domains import DOMAINS, LABELS, Domain
from sim.policy.route import AT_INTAKE, NONE, PolicyAgent
from sim.population import CHRONIC, EMPLOYED, FRAIL, STUDENT
from sim.profiles import adult_band
from sim.ties import NEIGHBOUR, S_CLUB, S_NEIGHBOUR, S_SCHOOL, S_WORK

if TYPE_CHECKING:
    from sim.model import LonelinessModel
    from sim.policy.agents import PolicyEngine

#: Margin on the bound of the rates (float32 rounding of meetings, e.g. 60.000004 > 60).
BOUND_SLACK = 1.001
#: Source key of residents who ask for help themselves.
SELF = "self"
#: Dutch and English label of each source of referrals.
SOURCE_LABELS = {**LABELS, SELF: ("zelf aangemeld", "self-referral")}
#: Kinds of club (the ``club`` focus): a fixed share of the club ids is each kind.
FAITH, SPORT, CULTURE = 0, 1, 2
_GOLDEN = (np.sqrt(5) - 1) / 2


def club_kinds(club: np.ndarray, faith_share: float, sports_share: float) -> np.ndarray:
    """Kind of each club: faith community, sports club, or culture and other (-1: none).

    Club ids are spread evenly over [0, 1) by the golden-ratio sequence, so the shares hold
    for any number of clubs, and a club keeps its kind for the whole run (no random draw).

    Args:
        club: Club ids (-1: not a member).
        faith_share: Share of clubs that are faith communities.
        sports_share: Share of clubs that are sports clubs.

    Returns:
        ``FAITH``, ``SPORT``, ``CULTURE`` or -1 per resident.
    """
    u = (club * _GOLDEN) % 1.0
    kind = np.where(u < faith_share, FAITH, np.where(u < faith_share + sports_share, SPORT,
                                                     CULTURE))
    return np.where(club >= 0, kind, -1).astype(np.int8)


@dataclass
class Candidates:
    """This week's candidates and what several domains need to know about them."""

    ids: np.ndarray
    band: np.ndarray
    health: np.ndarray
    at_home: np.ndarray
    going_out: np.ndarray
    club_kind: np.ndarray
    kept: np.ndarray
    stay_home: float


class SignalerDomain(PolicyAgent, ABC):
    """Signalers of one domain: how often they meet each candidate, and their rate of referral.

    Args:
        model: The model.
        engine: The policy engine.
        key: The domain's key in ``[policy.signalers]``.
        row: The domain's row in the network's rate table.
    """

    def __init__(self, model: LonelinessModel, engine: PolicyEngine, key: str,
                 row: int) -> None:
        super().__init__(model, engine)
        self.key, self.row = key, row

    @property
    def params(self) -> Domain:
        """The domain's parameters (``[policy.signalers.<key>]``)."""
        return getattr(self.engine.policy.signalers, self.key)

    @abstractmethod
    def meetings(self, c: Candidates) -> np.ndarray:
        """Meetings per year with each candidate, under this week's measures.

        Args:
            c: The candidates.

        Returns:
            Meetings per year per candidate.
        """

    @abstractmethod
    def most_meetings(self, kept: np.ndarray, stay_home: float) -> float:
        """An upper bound of :meth:`meetings` for any resident this week.

        The bound lets the network skip residents whose draw cannot lead to a referral.

        Args:
            kept: Share of in-person contact kept per setting this week (lockdowns).
            stay_home: This week's stay-at-home advice (0-1).

        Returns:
            Meetings per year.
        """

    def per_meeting(self) -> float:
        """Chance per meeting of noticing a lonely resident and referring them this week."""
        p, lv = self.params, self.engine.levels
        notice = min(1.0, p.notice_per_meeting * (1 + lv["kwaliteit"]) * (1 + lv["weten"]))
        return notice * min(1.0, p.referral_share * (1 + lv["samenwerken"]))

    def step(self) -> None:
        """Write this week's referral rate per candidate into the network's table."""
        net = self.engine.signalers
        net.rates[self.row] = self.meetings(net.candidates) / 52 * self.per_meeting()


class GeneralPracticeAgent(SignalerDomain):
    """Huisarts: consults by age band and health; open in a lockdown (phone consults)."""

    def most_meetings(self, kept: np.ndarray, stay_home: float) -> float:  # noqa: D102
        p = self.params
        return max(p.contacts_by_age) * max(p.health_factor)

    def meetings(self, c: Candidates) -> np.ndarray:  # noqa: D102
        p = self.params
        by_age = np.asarray(p.contacts_by_age)[c.band] * np.asarray(p.health_factor)[c.health]
        return by_age * c.at_home


class HomeCareAgent(SignalerDomain):
    """Wijkverpleging en thuiszorg: the frail and chronically ill at home; care-home staff."""

    def most_meetings(self, kept: np.ndarray, stay_home: float) -> float:  # noqa: D102
        p = self.params
        return max(p.visits_chronic, p.visits_frail, p.visits_care_home)

    def meetings(self, c: Candidates) -> np.ndarray:  # noqa: D102
        p = self.params
        by_health = np.zeros(3)
        by_health[[CHRONIC, FRAIL]] = p.visits_chronic, p.visits_frail
        return np.where(c.at_home, by_health[c.health], p.visits_care_home)


class PharmacyAgent(SignalerDomain):
    """Apotheek: repeat prescriptions, collected by those who go out."""

    def most_meetings(self, kept: np.ndarray, stay_home: float) -> float:  # noqa: D102
        return max(self.params.visits_by_health)

    def meetings(self, c: Candidates) -> np.ndarray:  # noqa: D102
        return np.asarray(self.params.visits_by_health)[c.health] * c.going_out * c.at_home


class LocalShopsAgent(SignalerDomain):
    """Kapper en supermarkt: everyone who goes out, less under a stay-at-home advice."""

    def most_meetings(self, kept: np.ndarray, stay_home: float) -> float:  # noqa: D102
        return self.params.visits_per_year * (1 - stay_home)

    def meetings(self, c: Candidates) -> np.ndarray:  # noqa: D102
        return self.params.visits_per_year * c.going_out * c.at_home * (1 - c.stay_home)


class HousingCorporationAgent(SignalerDomain):
    """Woningcorporatie: tenants at home, low-income households most."""

    def most_meetings(self, kept: np.ndarray, stay_home: float) -> float:  # noqa: D102
        return max(self.params.visits_low_income, self.params.visits_other)

    def meetings(self, c: Candidates) -> np.ndarray:  # noqa: D102
        p, pop = self.params, self.model.world.pop
        return np.where(pop.low_income[c.ids], p.visits_low_income, p.visits_other) * c.at_home


class ClubAgent(SignalerDomain):
    """A domain that meets the members of one kind of club; nobody while clubs are closed."""

    kind: ClassVar[int] = -1

    def members(self, c: Candidates) -> np.ndarray:
        """Meetings per year with the members of this kind of club (0 for others)."""
        return np.where(c.club_kind == self.kind, self.params.meetings_per_year, 0.0)

    def most_meetings(self, kept: np.ndarray, stay_home: float) -> float:  # noqa: D102
        return self.params.meetings_per_year * kept[S_CLUB]

    def meetings(self, c: Candidates) -> np.ndarray:  # noqa: D102
        return self.members(c) * c.going_out * c.kept[S_CLUB]


class FaithCommunityAgent(ClubAgent):
    """Geloofsgemeenschap: members meet at services."""

    kind = FAITH


class SportsClubAgent(ClubAgent):
    """Sportvereniging: members meet at trainings and matches."""

    kind = SPORT


class LibraryCultureAgent(ClubAgent):
    """Bibliotheek en cultuur: culture and hobby clubs, and library visits by anyone."""

    kind = CULTURE

    def most_meetings(self, kept: np.ndarray, stay_home: float) -> float:  # noqa: D102
        return (self.params.meetings_per_year + self.params.visits_per_year) * kept[S_CLUB]

    def members(self, c: Candidates) -> np.ndarray:  # noqa: D102
        return super().members(c) + self.params.visits_per_year * c.at_home


class NeighboursAgent(SignalerDomain):
    """Buren: each neighbour tie brings chats at the door, fewer under a stay-at-home advice.

    Neighbour ties are counted afresh every ``params.ties.update_weeks`` weeks, when tie
    maintenance ends and makes them; in between a count may be a few weeks old (a newcomer
    counts none until the next pass).
    """

    def __init__(self, *args: object) -> None:
        super().__init__(*args)
        self.count = np.zeros(0, np.int64)
        self._counted = -1

    def most_meetings(self, kept: np.ndarray, stay_home: float) -> float:  # noqa: D102
        return float(self._counts().max(initial=0)) * self.params.meetings_per_tie * kept[
            S_NEIGHBOUR]

    def meetings(self, c: Candidates) -> np.ndarray:  # noqa: D102
        return self._counts()[c.ids] * self.params.meetings_per_tie * c.kept[S_NEIGHBOUR]

    def _counts(self) -> np.ndarray:
        """Neighbour ties per resident, recounted at each tie maintenance week."""
        world = self.model.world
        size = world.pop.capacity
        if self.model.week != self._counted and (
                self.model.week % world.params.ties.update_weeks == 0 or len(self.count) < size):
            ties = world.ties
            live = ties.alive[: ties.n] & (ties.kind[: ties.n] == NEIGHBOUR)
            a, b = ties.a[: ties.n][live], ties.b[: ties.n][live]
            self.count = np.bincount(a, minlength=size) + np.bincount(b[b >= 0], minlength=size)
            self._counted = self.model.week
        return self.count


class DebtCounsellingAgent(SignalerDomain):
    """Schuldhulp en armoede: low-income residents; goes on by phone in a lockdown."""

    def most_meetings(self, kept: np.ndarray, stay_home: float) -> float:  # noqa: D102
        return self.params.meetings_low_income

    def meetings(self, c: Candidates) -> np.ndarray:  # noqa: D102
        low = self.model.world.pop.low_income[c.ids]
        return np.where(low, self.params.meetings_low_income, 0.0)


class EducationAgent(SignalerDomain):
    """Onderwijs: adult students; nobody in person while schools are closed."""

    def most_meetings(self, kept: np.ndarray, stay_home: float) -> float:  # noqa: D102
        return self.params.meetings_per_year * kept[S_SCHOOL]

    def meetings(self, c: Candidates) -> np.ndarray:  # noqa: D102
        student = self.model.world.pop.work[c.ids] == STUDENT
        return np.where(student, self.params.meetings_per_year * c.kept[S_SCHOOL], 0.0)


class EmployerAgent(SignalerDomain):
    """Werkgever: employees, fewer meetings in person when work moves home."""

    def most_meetings(self, kept: np.ndarray, stay_home: float) -> float:  # noqa: D102
        return self.params.meetings_per_year * kept[S_WORK]

    def meetings(self, c: Candidates) -> np.ndarray:  # noqa: D102
        employed = self.model.world.pop.work[c.ids] == EMPLOYED
        return np.where(employed, self.params.meetings_per_year * c.kept[S_WORK], 0.0)


class SelfOrganisationsAgent(SignalerDomain):
    """Zelforganisaties: residents with a migration background; closed with the clubs."""

    def most_meetings(self, kept: np.ndarray, stay_home: float) -> float:  # noqa: D102
        return self.params.meetings_per_year * kept[S_CLUB]

    def meetings(self, c: Candidates) -> np.ndarray:  # noqa: D102
        migrant = self.model.world.pop.migration[c.ids] & c.at_home
        return (np.where(migrant, self.params.meetings_per_year, 0.0) * c.going_out
                * c.kept[S_CLUB])


#: The agent class of each domain of :data:`sim.policy.domains.DOMAINS`.
AGENTS: dict[str, type[SignalerDomain]] = {
    "gp": GeneralPracticeAgent,
    "home_care": HomeCareAgent,
    "pharmacy": PharmacyAgent,
    "shops": LocalShopsAgent,
    "housing": HousingCorporationAgent,
    "faith": FaithCommunityAgent,
    "sports": SportsClubAgent,
    "library": LibraryCultureAgent,
    "neighbours": NeighboursAgent,
    "debt_counselling": DebtCounsellingAgent,
    "school": EducationAgent,
    "employer": EmployerAgent,
    "self_organisations": SelfOrganisationsAgent,
}


class SelfReferral(PolicyAgent):
    """Residents who ask for help themselves.

    Information (informeren) raises it, stigma holds it back, and awareness (weten) breaks
    the stigma.
    """

    def rate(self) -> float:
        """This week's rate of asking for help, per lonely resident and week."""
        pol, lv = self.engine.policy, self.engine.levels
        return (pol.self_referral_per_year / 52 * (1 + lv["informeren"])
                * (1 - pol.stigma * (1 - lv["weten"])))

    def step(self) -> None:
        """Write this week's self-referral rate into the network's last row."""
        self.engine.signalers.rates[-1] = self.rate()


class SignalerNetwork(PolicyAgent):
    """The signaling network: the domain agents and self-referral, and the weekly draw."""

    def __init__(self, model: LonelinessModel, engine: PolicyEngine) -> None:
        super().__init__(model, engine)
        self.domains = [AGENTS[key](model, engine, key, row) for row, key in enumerate(DOMAINS)]
        self.self_referral = SelfReferral(model, engine)
        #: Sources in the order of the rate table's rows and the ledger's ``found_by``.
        self.sources = (*DOMAINS, SELF)
        self.candidates: Candidates | None = None
        self.rates = np.zeros((len(self.sources), 0))
        self._kinds = np.zeros(0, np.int8)

    def step(self) -> None:
        """Find this week's candidates, collect every source's rate, and refer the found."""
        eng, model = self.engine, self.model
        pop = model.world.pop
        ids = np.flatnonzero(eng.mask(("lonely",)) & (pop.care_stage[: pop.n] == NONE))
        if not len(ids):
            return
        u = eng.rng.random(len(ids))
        # Thinning: no resident's rate exceeds the sum of the sources' bounds, so a draw above
        # the chance that bound gives can never lead to a referral. Only the rest are looked
        # at (a few percent); the outcome is the same as looking at everyone.
        kept, stay_home = model.weights.kept, model.measures.stay_home
        bound = sum(agent.most_meetings(kept, stay_home) / 52 * agent.per_meeting()
                    for agent in self.domains) + self.self_referral.rate()
        bound *= BOUND_SLACK
        maybe = u < -np.expm1(-bound)
        ids, u = ids[maybe], u[maybe]
        self.candidates = self._describe(ids)
        self.rates = np.zeros((len(self.sources), len(ids)))
        for agent in self.domains:
            agent.step()
        self.self_referral.step()
        rates = self.rates
        total = rates.sum(axis=0)  # reluctance holds back every source alike
        chance = -np.expm1(-total * (1 - pop.reluctance[ids]))
        found = u < chance
        # Given found, u / chance is uniform on [0, 1): it picks the source by its rate share.
        share = np.cumsum(rates[:, found], axis=0) / total[found]
        source = np.minimum((share < u[found] / chance[found]).sum(axis=0), len(rates) - 1)
        referred = ids[found]
        eng.move(referred, AT_INTAKE)
        eng.ledger.add(model.week, len(eng.interventions), "referred", len(referred))
        eng.ledger.found(model.week, np.bincount(source, minlength=len(self.sources)))

    def _club_kind(self, club: np.ndarray) -> np.ndarray:
        """Kind of each resident's club, from a table by club id kept for the run."""
        top = int(club.max(initial=-1)) + 1
        if top > len(self._kinds):
            signalers = self.engine.policy.signalers
            self._kinds = club_kinds(np.arange(2 * top), signalers.faith.club_share,
                                     signalers.sports.club_share)
        if not len(self._kinds):  # nobody described so far is in a club
            return np.full(len(club), -1, np.int64)
        return np.where(club >= 0, self._kinds[np.maximum(club, 0)], -1)

    def _describe(self, ids: np.ndarray) -> Candidates:
        pop, model = self.model.world.pop, self.model
        at_home = ~pop.care_home[ids]
        return Candidates(
            ids=ids, band=adult_band(pop.age[ids]), health=pop.health[ids], at_home=at_home,
            going_out=model.world.going_out()[ids],
            club_kind=self._club_kind(pop.club[ids]),
            kept=model.weights.kept, stay_home=model.measures.stay_home)
