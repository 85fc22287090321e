"""The loneliness model: a Dutch municipality, one week per step."""

from __future__ import annotations

import dataclasses
import datetime as dt

import mesa
import numpy as np

from sim import loneliness
from sim.events import HANDLERS, draw_events
from sim.events.life import yearly_transitions
from sim.lockdown import measures_on, participation_factors, weights
from sim.maintenance import maintain, update_closeness
from sim.policy.agents import PolicyEngine
from sim.recorder import Recorder
from sim.resident import Resident
from sim.rng import stream
from sim.scenario import Scenario
from sim.ties import N_SETTINGS
from sim.world import World

#: Weeks between the warm-up's closeness passes. A pass costs ~50 ms at 100,000 residents
#: (one warm-up week ~3.5 ms), so the warm-up takes a yearly step: three passes over the
#: default 156 weeks. The step is stable (growth and fading per year are at most 1).
WARM_UP_CLOSENESS_WEEKS = 52
#: Between those passes, withdrawal reaches the contact rates every this many weeks (re-valuing
#: the ties of everyone whose withdrawal changed costs ~20 ms at 100,000 residents).
WARM_UP_RATE_WEEKS = 26


class LonelinessModel(mesa.Model):
    """Residents with social convoys living through weeks, life events and lockdowns.

    Args:
        scenario: The scenario (default: the built-in baseline values).
        residents: Override the number of residents.
        years: Override the simulated period.
        seed: Override the seed.
        trace: Number of randomly sampled residents whose weekly state is recorded.
        agents: Keep a :class:`Resident` agent for every resident in ``model.agents``
            (Mesa's AgentSet), in step with arrivals and departures. With False, agents are
            made on demand by :meth:`resident` (what the command line does: nothing there
            looks at individual agents, and a million of them cost ~8 s and ~300 MB).
    """

    def __init__(self, scenario: Scenario | None = None, *, residents: int | None = None,
                 years: float | None = None, seed: int | None = None, trace: int = 0,
                 agents: bool = True) -> None:
        scenario = scenario or Scenario()
        changes = {k: v for k, v in (("residents", residents), ("years", years),
                                     ("seed", seed)) if v is not None}
        scenario = dataclasses.replace(scenario, **changes)
        super().__init__(rng=scenario.seed)
        self.config = scenario
        self.params = scenario.params
        self.weeks = scenario.weeks
        self.week = 0
        self.world = World(scenario)
        self._kept_sum = np.zeros(N_SETTINGS, np.float32)
        self._kept_weeks = 0
        self.apply_measures()
        self.feel(first=True)
        self.warm_up(self.params.loneliness.warm_up_weeks)
        self._residents: dict[int, Resident] = {}
        self.world.on_leave = self._remove_agents  # also those made on demand
        if agents:
            self.world.on_arrive = self._add_agents
            self._add_agents(self.world.pop.active_ids())
        self.recorder = Recorder(self, trace)
        # Policy agents only when the scenario has interventions: without them the run is the
        # baseline, draw for draw.
        self.policy = (PolicyEngine(self, scenario.policy, scenario.interventions)
                       if scenario.interventions else None)
        if self.policy is not None:
            self.policy.setup()
        self.datacollector = mesa.DataCollector(model_reporters={
            "lonely": lambda m: m.recorder.latest("all", "lonely"),
            "emotionally_lonely": lambda m: m.recorder.latest("all", "emotionally_lonely"),
            "socially_lonely": lambda m: m.recorder.latest("all", "socially_lonely"),
            "severely_lonely": lambda m: m.recorder.latest("all", "severely_lonely"),
        })

    # ---- the week ------------------------------------------------------------------------
    def step(self) -> None:
        """One week, phase by phase."""
        self.world.new_week(self.week)
        self.live_through_life_events()  # deaths, births, partners, moves, health, care homes
        self.apply_measures()            # lockdown measures of this week -> contact weights
        self.feel()                      # contact -> fulfilment -> latent loneliness -> DJG
        self.maintain_ties()             # every few weeks: closeness, endings, new ties
        self.act_on_policy()             # find, talk and match, support (policy agents)
        self.record()                    # outcomes of the week
        self.week += 1
        self.running = self.week < self.weeks

    def live_through_life_events(self) -> None:
        """Draw this week's life events, apply them, and let newcomers fill vacated homes."""
        world = self.world
        world.pop.grow_older(1 / 52)
        happened = draw_events(world.pop, world.hazards,
                               self.params.loneliness.chronic_after_weeks,
                               world.streams["events"])
        for name, handler in HANDLERS.items():
            ids = happened[name]
            ids = ids[world.pop.active[ids]]  # an earlier event this week may have removed them
            if len(ids):
                world.log(name, ids)
                handler(world, ids)
        yearly_transitions(world)
        # Vacated homes are re-let every four weeks: newcomers replace those who died or left,
        # less the babies born (the housing stock, and so the population, stays about level).
        if self.week % 4 == 3:
            gap = max(world.lost_people - world.born, 0)
            world.immigrate(int(world.streams["migration"].poisson(gap)))
            world.lost_people = world.born = 0
        world.pop.refresh_households()
        world.flush()

    def apply_measures(self) -> None:
        """Work out the lockdown measures in force this week and their contact weights."""
        self.measures = measures_on(self.date, self.config.lockdowns)
        self.weights = weights(self.measures, self.params.contact)
        self._kept_sum += self.weights.kept
        self._kept_weeks += 1

    def feel(self, first: bool = False) -> None:
        """Weekly fulfilment, latent loneliness and the residents' DJG answers.

        Args:
            first: Settle the starting state instead of taking a weekly step.
        """
        world = self.world
        factors = participation_factors(self.measures, self.params.contact)
        if first:
            loneliness.fulfilment(world.pop, world.intake, self.weights, factors, self.params)
            loneliness.settle(world.pop, self.params, world.streams["population"],
                              world.pop.active_ids())
            return
        loneliness.live_week(world.pop, world.intake, self.weights, factors, self.params,
                             world.streams["loneliness"])

    def warm_up(self, weeks: int) -> None:
        """Let feelings settle on the starting convoys before week 0 (nothing is recorded).

        Nobody's past is simulated, so for ``weeks`` weeks the personal dynamics run on the
        starting town: latent loneliness, adapting desires, withdrawal and how long
        loneliness has lasted; every half year (:data:`WARM_UP_RATE_WEEKS`) withdrawal reaches
        the contact rates, and every year (:data:`WARM_UP_CLOSENESS_WEEKS`) the closeness of
        the starting ties follows the contact they had (the withdrawn see less of people). Grief
        for those who died before the start (:func:`loneliness.mourn_past_losses`, and the
        widowed's from :func:`loneliness.settle`) is drawn as of week 0 and kept. Life
        events, new ties and the later-life changes wait for week 0.

        Args:
            weeks: Length of the warm-up.
        """
        world = self.world
        pop = world.pop
        loneliness.mourn_past_losses(pop, world.ties, world.hazards.death, self.params,
                                     stream(self.config.seed, "past-losses"))
        # Grief is drawn as of week 0 (the time since each loss); the warm-up stands for the
        # time before it, so it must not fade that grief further.
        grief = pop.grief.copy()
        saved = world.streams["loneliness"]
        world.streams["loneliness"] = stream(self.config.seed, "warm-up")
        unlocked = np.ones(N_SETTINGS, np.float32)
        for week in range(1, weeks + 1):
            self.feel()
            if week % WARM_UP_CLOSENESS_WEEKS == 0:
                # Closeness follows the contact each tie had over the year (withdrawal
                # included), and ties that faded out end, as they would have before week 0.
                world.refresh_going_out()
                update_closeness(world, WARM_UP_CLOSENESS_WEEKS, unlocked)
            elif week % WARM_UP_RATE_WEEKS == 0:
                world.follow_going_out()  # withdrawal reaches contact rates
        world.streams["loneliness"] = saved
        pop.grief[:] = grief
        world.refresh_values()

    def maintain_ties(self) -> None:
        """Every ``ties.update_weeks`` weeks: one tie maintenance pass."""
        block = self.params.ties.update_weeks
        if (self.week + 1) % block:
            return
        kept = self._kept_sum / max(self._kept_weeks, 1)
        maintain(self.world, block, kept)
        if (self.week + 1) % (2 * block) == 0:
            self.world.refresh_indexes()
        self._kept_sum[:] = 0
        self._kept_weeks = 0

    def act_on_policy(self) -> None:
        """The policy agents' week (nothing happens in a scenario without interventions)."""
        if self.policy is not None:
            self.policy.step()
            self.world.flush()  # interventions may have changed ties and foci

    def record(self) -> None:
        """Store this week's outcomes and collect the model reporters."""
        self.recorder.record(self.week)
        self.datacollector.collect(self)

    def run(self, progress: object | None = None) -> None:
        """Run all weeks of the scenario.

        Args:
            progress: Optional object with an ``update(1)`` method (e.g. a tqdm bar).
        """
        while self.running and self.week < self.weeks:
            self.step()
            if progress is not None:
                progress.update(1)

    # ---- looking at people ----------------------------------------------------------------
    @property
    def date(self) -> dt.date:
        """Date of the current week's first day."""
        return self.config.start + dt.timedelta(weeks=self.week)

    def resident(self, row: int) -> Resident:
        """The agent of one resident (current or former).

        Args:
            row: The resident's row.

        Returns:
            The :class:`Resident` view (created on demand for former residents).
        """
        agent = self._residents.get(int(row))
        if agent is None:
            if not 0 <= row < self.world.pop.n:
                raise KeyError(f"no resident {row}")
            agent = Resident(self, row)
            if self.world.pop.active[row]:
                self._residents[int(row)] = agent
            else:
                agent.remove()
        return agent

    def _add_agents(self, ids: np.ndarray) -> None:
        for row in ids.tolist():
            self._residents[row] = Resident(self, row)

    def _remove_agents(self, ids: np.ndarray) -> None:
        for row in ids.tolist():
            agent = self._residents.pop(row, None)
            if agent is not None:
                agent.remove()
