"""The policy agents: signalers, welfare organisation, municipality, volunteer pool.

Signalers find (the domain agents of :mod:`sim.policy.signalers`), the welfare organisation
talks and matches, the municipality funds places, the volunteer pool gives time.

Each is a :class:`mesa.Agent` with its own ``step``; :class:`PolicyEngine` runs them in the
order of the route a lonely resident travels (:mod:`sim.policy.route`): noticed (vinden) →
intake conversation → waiting list → taking part (ondersteunen) → completing or dropping out.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from sim.arrays import isin, unique
from sim.policy.base import CAUSES, Intervention
from sim.policy.causes import main_cause
from sim.policy.ledger import Ledger
from sim.policy.route import AT_INTAKE, NONE, TAKING_PART, WAITING, PolicyAgent
from sim.policy.signalers import SignalerNetwork
from sim.policy.spec import Policy
from sim.policy.targets import target_mask
from sim.rng import stream

if TYPE_CHECKING:
    from sim.model import LonelinessModel


class WelfareOrganisation(PolicyAgent):
    """Holds intake conversations with limited hours and matches help to the person.

    Under maatwerk the conversation looks for the main cause and offers an intervention that
    addresses it; under generic assignment a short registration offers what the municipality
    offers most. Referred residents wait in a real queue (first come, first served).
    """

    def step(self) -> None:
        """Hold as many intakes as the free hours allow and make offers."""
        eng, model = self.engine, self.model
        pop, pol = model.world.pop, eng.policy
        maatwerk = pol.assignment == "maatwerk"
        per_intake = pol.intake_hours if maatwerk else pol.generic_intake_hours
        hours = max(pol.welfare_hours_per_week - eng.professional_hours_in_use(), 0.0)
        queue = eng.queue(AT_INTAKE)
        k = len(queue) if per_intake == 0 else min(len(queue), int(hours // per_intake))
        ids = queue[:k]
        week, intake_row = model.week, len(eng.interventions)
        eng.ledger.set(week, intake_row, "waiting", len(queue) - k)
        eng.ledger.add(week, intake_row, "professional_hours", k * per_intake)
        eng.ledger.add(week, intake_row, "cost", k * per_intake * pol.professional_hour_cost)
        if not k:
            return
        cause = main_cause(pop, ids, model.world.going_out())
        pop.care_cause[ids] = cause
        found = maatwerk & (eng.rng.random(k) < pol.cause_found)
        offer = eng.match(ids, np.where(found, cause, -1))
        placed = offer >= 0
        eng.move(ids, np.where(placed, WAITING, NONE), offer)
        for j in unique(offer[placed]):
            eng.ledger.add(week, int(j), "referred", int((offer == j).sum()))


class VolunteerPool(PolicyAgent):
    """Volunteer hours: recruited and lost over time, fewer during a lockdown."""

    def __init__(self, model: LonelinessModel, engine: PolicyEngine) -> None:
        super().__init__(model, engine)
        self.hours = engine.policy.volunteer_hours_per_week

    def step(self) -> None:
        """Recruitment and attrition of volunteer hours."""
        pol = self.engine.policy
        self.hours += (pol.volunteer_recruitment_per_year * pol.volunteer_hours_per_week
                       - pol.volunteer_attrition_per_year * self.hours) / 52

    def available(self) -> float:
        """Volunteer hours that can be given this week."""
        lockdown = self.model.measures.any
        return self.hours * (self.engine.policy.volunteers_in_lockdown if lockdown else 1.0)


class Municipality(PolicyAgent):
    """Funds the places of each intervention and runs them: placing, completing, drop-out."""

    def step(self) -> None:
        """Fill free places from the waiting lists, run a week, and pay for it."""
        eng, model = self.engine, self.model
        week = model.week
        volunteer_hours = eng.volunteers.available() - eng.volunteer_hours_in_use()
        lockdown = model.measures.any
        for j, iv in enumerate(eng.interventions):
            if not iv.takes_participants:
                eng.ledger.add(week, j, "cost", iv.budget / 52)
                continue
            enrolled = eng.members(j)
            self._finish(j, iv, enrolled, lockdown)
            enrolled = eng.members(j)
            free = iv.capacity() - len(enrolled)
            if iv.volunteer_hours > 0:
                free = min(free, int(max(volunteer_hours, 0) // iv.volunteer_hours))
            waiting = eng.queue(WAITING, j)
            new = waiting[: max(free, 0)]
            if len(new):
                eng.move(new, TAKING_PART)
                eng.helped.update(new.tolist())
                iv.begin(model, new)
            enrolled = eng.members(j)
            volunteer_hours -= len(new) * iv.volunteer_hours
            if len(enrolled):
                iv.during(model, enrolled)
            eng.count_week(j, iv, enrolled, len(waiting) - len(new))

    def _finish(self, j: int, iv: Intervention, enrolled: np.ndarray, lockdown: bool) -> None:
        """End the programme for those who completed it or drop out this week."""
        eng, model = self.engine, self.model
        pop, week, pol = model.world.pop, model.week, eng.policy
        if not len(enrolled):
            return
        done = enrolled[week - pop.care_since[enrolled] >= iv.weeks]
        rest = enrolled[week - pop.care_since[enrolled] < iv.weeks]
        fits = isin(pop.care_cause[rest], [CAUSES.index(c) for c in iv.addresses])
        hazard = iv.dropout_per_year / 52 * np.where(fits, 1.0, iv.misfit_dropout_factor)
        if lockdown and iv.lockdown_continues < 1:
            hazard = hazard * (2 - iv.lockdown_continues)  # a paused programme loses people
        quits = eng.rng.random(len(rest)) < hazard
        dropped, misfit = rest[quits], rest[quits & ~fits]
        # Baat het niet, dan schaadt het: a misfit drop-out ends up with less grip and less
        # willing to try again.
        pop.mastery[misfit] = np.maximum(pop.mastery[misfit] - pol.misfit_mastery_loss, 0.01)
        pop.reluctance[misfit] = np.maximum(pop.reluctance[misfit], pol.misfit_reluctance)
        for ids, completed in ((done, True), (dropped, False)):
            if len(ids):
                iv.end(model, ids, completed)
                eng.move(ids, NONE, -1)
        eng.ledger.add(week, j, "completed", len(done))
        eng.ledger.add(week, j, "dropped_out", len(dropped))
        eng.ledger.add(week, j, "dropped_out_misfit", len(misfit))


class PolicyEngine:
    """Creates the policy agents and runs the policy phase of the week."""

    def __init__(self, model: LonelinessModel, policy: Policy,
                 interventions: tuple[Intervention, ...]) -> None:
        self.model = model
        self.policy = policy
        self.interventions = list(interventions)
        self.rng = stream(model.config.seed, "policy")
        self.levels = {"weten": 0.0, "kwaliteit": 0.0, "samenwerken": 0.0, "informeren": 0.0}
        self.helped: set[int] = set()  # everyone who ever took part
        self._masks: dict[tuple[str, ...], np.ndarray] = {}
        self._involved: np.ndarray | None = None
        self._queues: dict[tuple[int, int | None], np.ndarray] = {}
        self.signalers = SignalerNetwork(model, self)
        self.ledger = Ledger(model.weeks, [iv.label for iv in self.interventions],
                             self.signalers.sources)
        self.welfare = WelfareOrganisation(model, self)
        self.volunteers = VolunteerPool(model, self)
        self.municipality = Municipality(model, self)

    def setup(self) -> None:
        """Let each intervention prepare (town-wide measures set their levels here)."""
        for iv in self.interventions:
            iv.setup(self.model)

    def step(self) -> None:
        """The policy phase: find, talk and match, place and run, recruit volunteers."""
        self._masks = {}
        for agent in (self.signalers, self.welfare, self.municipality):
            self._involved = None  # who is on the route, found afresh for each agent
            self._queues.clear()
            agent.step()
        self.volunteers.step()

    def mask(self, names: tuple[str, ...]) -> np.ndarray:
        """Eligibility mask for target groups, computed once per week per combination.

        Args:
            names: Target group names.

        Returns:
            Boolean per row.
        """
        key = tuple(names)
        if key not in self._masks:
            self._masks[key] = target_mask(self.model.world.pop, key)
        return self._masks[key]

    # ---- helpers -------------------------------------------------------------------------
    def queue(self, stage: int, offer: int | None = None) -> np.ndarray:
        """Residents at a stage (and offer), first come first served.

        Kept until someone moves along the route (:meth:`move`) or the phase ends.
        """
        key = (stage, offer)
        if key in self._queues:
            return self._queues[key]
        pop = self.model.world.pop
        if self._involved is None:  # everyone somewhere on the route, found once per phase
            n = pop.n
            self._involved = np.flatnonzero((pop.care_stage[:n] > NONE) & pop.active[:n])
        ids = self._involved
        keep = pop.care_stage[ids] == stage
        if offer is not None:
            keep &= pop.care_offer[ids] == offer
        ids = ids[keep]
        queue = ids[np.argsort(pop.care_since[ids], kind="stable")].astype(np.int32)
        self._queues[key] = queue
        return queue

    def move(self, ids: np.ndarray, stage: int | np.ndarray, offer: int | np.ndarray | None = None
             ) -> None:
        """Move residents to another stage of the route (from this week on).

        Args:
            ids: Residents.
            stage: Their new stage (one or one each).
            offer: Their intervention (one or one each; None: unchanged).
        """
        pop = self.model.world.pop
        pop.care_stage[ids] = stage
        pop.care_since[ids] = self.model.week
        if offer is not None:
            pop.care_offer[ids] = offer
        self._queues.clear()

    def members(self, j: int) -> np.ndarray:
        """Current participants of intervention ``j``."""
        return self.queue(TAKING_PART, j)

    def match(self, ids: np.ndarray, cause: np.ndarray) -> np.ndarray:
        """The intervention offered to each resident (-1: none fits their eligibility).

        With a known cause, the eligible intervention addressing it that has the most room
        (places minus participants and waiting list) is offered; otherwise (generic, or cause
        not found) the eligible intervention with the most places — what the municipality
        offers most.

        Args:
            ids: Residents at intake.
            cause: Cause index per resident, -1 when not known.

        Returns:
            Intervention index per resident.
        """
        offer = np.full(len(ids), -1, np.int8)
        best_any = np.full(len(ids), -1.0)
        best_fit = np.full(len(ids), -np.inf)
        fit_offer = np.full(len(ids), -1, np.int8)
        for j, iv in enumerate(self.interventions):
            if not iv.takes_participants or iv.capacity() == 0:
                continue
            eligible = self.mask(iv.target)[ids]
            size = float(iv.capacity())
            better = eligible & (size > best_any)
            offer[better], best_any[better] = j, size
            room = size - len(self.members(j)) - len(self.queue(WAITING, j))
            addresses = isin(cause, [CAUSES.index(c) for c in iv.addresses])
            better = eligible & addresses & (room > best_fit)
            fit_offer[better], best_fit[better] = j, room
        return np.where(fit_offer >= 0, fit_offer, offer)

    def professional_hours_in_use(self) -> float:
        """Professional hours taken by running interventions this week."""
        return sum(len(self.members(j)) * iv.professional_hours
                   for j, iv in enumerate(self.interventions))

    def volunteer_hours_in_use(self) -> float:
        """Volunteer hours taken by running interventions this week."""
        return sum(len(self.members(j)) * iv.volunteer_hours
                   for j, iv in enumerate(self.interventions))

    def count_week(self, j: int, iv: Intervention, enrolled: np.ndarray, waiting: int) -> None:
        """Record stocks, hours and cost of intervention ``j`` for the week."""
        pol, week, led = self.policy, self.model.week, self.ledger
        led.set(week, j, "eligible", int(self.mask(iv.target).sum()))
        led.set(week, j, "waiting", waiting)
        led.set(week, j, "enrolled", len(enrolled))
        vol = len(enrolled) * iv.volunteer_hours
        prof = len(enrolled) * iv.professional_hours
        led.add(week, j, "volunteer_hours", vol)
        led.add(week, j, "professional_hours", prof)
        led.add(week, j, "cost", len(enrolled) * iv.cost_per_place_year / 52
                + vol * pol.volunteer_hour_cost + prof * pol.professional_hour_cost)
