"""The municipality's state and every change to who lives where and who is tied to whom.

:class:`World` owns the resident table, the tie store and the weekly intake sums, and offers
the few mutations life events need (link, unlink, retarget, relocate, emigrate, arrive...).
Each keeps the intake sums in step with the ties, and each is vectorised over the residents
concerned, so its cost scales with the number of events.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import numpy as np

from sim import convoy, synth, tie_slots
from sim.arrays import difference, first_and_inverse, unique, unique_small
from sim.contacts import Intake, add_tie_values, add_values, out_of_home, revalue
from sim.convoy import owes_replacement
from sim.events.hazards import HazardTables, normalise_health
from sim.jit import kernel
from sim.lasting import give_lasting_traits, select_divorced
from sim.parameters import Params
from sim.population import PARTNERED, STUDENT, WIDOWED, Population
from sim.profiles import load_profile
from sim.rng import kernel_key, stream
from sim.scenario import Scenario
from sim.ties import FAMILY, FRIEND, Ties, move_elsewhere

#: Named random streams (each module draws only from its own).
STREAMS = ("population", "network", "events", "ties", "migration", "loneliness",
           "partnership")
#: Streams renewed every week (see :meth:`World.new_week`).
WEEKLY_STREAMS = ("events", "ties", "migration", "loneliness")


class World:
    """Residents, ties and intake sums of one synthetic municipality."""

    def __init__(self, scenario: Scenario, residents: int | None = None) -> None:
        self.params: Params = scenario.params
        self.hazards = HazardTables(self.params)
        self.profile = load_profile(scenario.municipality)
        self.seed = scenario.seed
        self.streams = {name: stream(scenario.seed, name) for name in STREAMS}
        size = residents or scenario.residents
        self.start_size = size
        start_cap = int(size * 1.3) + 64
        # Rows are never reused (ids stay valid for traces and events): births and newcomers
        # add about 5 % of the population a year (100,000 residents: 150,000 rows after 10
        # years), so the table starts with room for the whole run instead of growing (a
        # copy of every column, and of the tie slots, mid-run).
        cap = max(start_cap, int(size * (1.1 + 0.055 * scenario.years)) + 64)
        self.pop = Population(cap)
        self.ties = Ties(start_cap * 14, cap, self.params.ties.max_ties)
        self.intake = Intake(cap)
        self.next_household = 0
        self.n_neighbourhoods = max(1, round(size / self.profile.neighbourhood_size))
        self.n_care_homes = 1
        self.on_arrive: Callable[[np.ndarray], None] = lambda ids: None
        self.on_leave: Callable[[np.ndarray], None] = lambda ids: None
        self.event_log: list[tuple[str, np.ndarray]] = []
        self.week = 0  # the week under way (see new_week)
        self.lost_people = 0  # died or moved out since the last in-migration
        self.born = 0  # born since the last in-migration
        self._going_out: np.ndarray | None = None
        self._stale: list[np.ndarray] = []
        #: Keys of the residents' lasting vulnerability and hearing rank (streams of their
        #: own, keyed by row).
        self.trait_keys = (kernel_key(stream(scenario.seed, "vulnerability")),
                           kernel_key(stream(scenario.seed, "hearing")))
        self._build(size)

    # ---- construction ------------------------------------------------------------------
    def _build(self, size: int) -> None:
        rng, net = self.streams["population"], self.streams["network"]
        pop, ties, params, profile = self.pop, self.ties, self.params, self.profile
        ids = synth.create_residents(pop, profile, params, rng, size)
        give_lasting_traits(pop, params, self.trait_keys, ids)
        self.next_household = synth.form_households(pop, profile, params, rng, ids, 0)
        select_divorced(pop, params, ids)
        #: The town's workplaces, schools and places of study, counted at the start.
        self.places = synth.assign_foci(pop, profile, params, rng, ids, self.n_neighbourhoods)
        self.n_care_homes = max(1, int(pop.neighbourhood[ids].max()) + 1 - self.n_neighbourhoods)
        #: Multiplier on new neighbour ties per neighbourhood (meeting places raise it).
        self.place_boost = np.ones(self.n_neighbourhoods + self.n_care_homes, np.float32)
        pop.refresh_households()
        normalise_health(self.hazards, pop)
        couples = convoy.household_ties(pop, ties, net, params, ids)
        convoy.partner_support(pop, ties, self.streams["partnership"], params, couples,
                               settled=True)
        convoy.past_partner_support(pop, self.streams["partnership"], params,
                                    ids[pop.marital[ids] == WIDOWED])
        convoy.kin_ties(pop, ties, profile, net, params, ids, ids)
        convoy.focus_ties(pop, ties, net, params, ids)
        self.refresh_values()
        self.refresh_indexes()

    def refresh_indexes(self) -> None:
        """Rebuild the indexes used to find new tie partners and new partners.

        They may grow a few weeks old between rebuilds: every pick is checked against the
        current state, and newcomers since the last rebuild can seek but not yet be found.
        """
        pop = self.pop
        act = pop.active_ids()
        self.focus = [convoy.FocusIndex(*_in_focus(act, getattr(pop, column), pop.age))
                      for _, column, _ in convoy.FOCUS_KINDS]
        free = _free_singles(act, pop.partner, pop.age, pop.care_home, pop.household_size)
        self.singles = convoy.FocusIndex(free, pop.female[free].astype(float), pop.age[free])

    def refresh_values(self) -> None:
        """Recompute every live tie's weekly value and sum the intake afresh."""
        self.refresh_going_out()
        self.intake.clear()
        self.value(self.ties.live(), fresh=True)

    def value(self, ids: np.ndarray, fresh: bool = False) -> None:
        """Cache ties' weekly values from their contact rates, keeping the intake in step.

        Args:
            ids: Tie ids.
            fresh: The ties' values are not in the intake yet (see :func:`revalue`).
        """
        revalue(self.pop, self.ties, self.params, self.intake, ids, self.contact_going(), fresh)

    def new_week(self, week: int) -> None:
        """Start a week: renew the weekly random streams.

        Each weekly stream is derived from the seed, its name and the week. A draw over all
        residents therefore gives resident ``i`` the same number in two runs of the same
        seed, even after the runs diverged (say, one with a policy package): common random
        numbers per resident and week, so comparisons measure the package, not luck.

        Args:
            week: The week starting.
        """
        self.week = week
        for name in WEEKLY_STREAMS:
            self.streams[name] = stream(self.seed, f"{name}:{week}")

    def part_stream(self, part: str) -> np.random.Generator:
        """A stream of its own for one part of a tie maintenance pass, this week.

        The parts draw over lists whose length depends on the state (ties elsewhere, who seeks
        a tie, which ties may end). With one stream for the pass, a run with a policy package
        and the run without it would draw for every later part at shifted positions once one
        list differed; with a stream per part, the difference stays in that part. Within a
        part, draws over such lists are keyed by whom they are about (``Ties.draws``, the
        ``key`` of :func:`sim.convoy.pair_in_focus`), so it stays with those residents.

        Args:
            part: The part's name, e.g. ``"outlive"``.

        Returns:
            A generator that depends only on the seed, the part and the week.
        """
        return stream(self.seed, f"ties-{part}:{self.week}")

    def contact_going(self) -> np.ndarray:
        """Share of out-of-home contact each resident can keep (:func:`out_of_home`).

        Two columns: toward anyone and toward family. Cached: recomputed for everyone at each
        tie maintenance pass (withdrawal changes slowly, and tie values follow it only at
        those passes), and for the residents whose health, caring or support changed when
        their ties are re-valued (:meth:`flush`).
        """
        if self._going_out is None or len(self._going_out) < self.pop.capacity:
            self._going_out = out_of_home(self.pop, self.params)
        return self._going_out

    def going_out(self) -> np.ndarray:
        """Share of out-of-home contact each resident can keep toward anyone (a view)."""
        return self.contact_going()[:, 0]

    def refresh_going_out(self) -> None:
        """Recompute everyone's ability to go out (start of a tie maintenance pass)."""
        self._going_out = None

    def follow_going_out(self) -> None:
        """Re-value the ties of residents whose ability to go out changed (e.g. withdrawal).

        Gives the same tie values as :meth:`refresh_values`, touching only those ties.
        """
        n = self.pop.n
        now = out_of_home(self.pop, self.params, slice(0, n))
        self.retarget(np.flatnonzero((now != self.contact_going()[:n]).any(axis=1)))
        self.flush()

    # ---- ties ----------------------------------------------------------------------------
    def link(self, a: np.ndarray, b: np.ndarray, kind: int, settled: bool,
             start: float | None = None, fixed_rate: float = 0.0) -> np.ndarray:
        """Create ties and add their value to both ends' intake.

        Args:
            a: First residents.
            b: Second residents (-1: someone outside the municipality).
            kind: Tie kind.
            settled: Whether the ties start near their potential closeness.
            start: Starting closeness (overrides ``settled``), e.g. for a new partner.
            fixed_rate: For volunteer ties, in-person visits per week.

        Returns:
            The new tie ids.
        """
        # A new relationship replaces an existing tie between the same two people.
        self.unlink(self.ties.between(a, b), replaceable=False)
        ids = convoy.add_ties(self.ties, self.streams["ties"], self.params, a, b, kind, settled)
        if start is not None:
            self.ties.closeness[ids] = np.minimum(self.ties.potential[ids], start)
        self.ties.fixed_rate[ids] = fixed_rate
        self.value(ids, fresh=True)
        return ids

    def unlink(self, ids: np.ndarray, replaceable: bool = True) -> None:
        """End ties and take their value out of both ends' intake.

        Args:
            ids: Tie ids.
            replaceable: The ends lose these ties against their will (a friend dies, moves
                away, becomes homebound): each friendship lost adds
                ``ties.friend_replacement`` to both ends' ``friends_missed``
                (:func:`sim.maintenance.replace_friends`). False for ties let go by choice
                (pruning with age) or turned into another relationship.
        """
        ties, intake, pop = self.ties, self.intake, self.pop
        share = self.params.ties.friend_replacement if replaceable else 0.0
        _end_ties(np.asarray(ids, np.int32), np.float32(share), ties.a, ties.b, ties.kind,
                  ties.alive, ties.setting, ties.value_emotional, ties.value_social,
                  ties.network_rate, ties.count, ties.slots, ties.peer, intake.sums,
                  intake.network, intake.changed, pop.workplace, pop.age, pop.friends_missed)

    def retarget(self, residents: np.ndarray) -> None:
        """Mark residents whose household, focus or health changed.

        Their ties are re-valued at the next :meth:`flush` (once per week, however many
        events touched them).

        Args:
            residents: Resident rows.
        """
        if len(residents):
            self._stale.append(np.asarray(residents, np.int32))

    def flush(self) -> None:
        """Re-value the ties of every resident marked by :meth:`retarget` this week."""
        if not self._stale:
            return
        residents = unique(np.concatenate(self._stale))
        self._stale.clear()
        self.contact_going()[residents] = out_of_home(self.pop, self.params,
                                                      residents)  # health, caring
        self.value(self.ties.ties_of(residents))

    # ---- where people live ------------------------------------------------------------
    def new_households(self, count: int) -> np.ndarray:
        """Fresh household ids.

        Args:
            count: How many.

        Returns:
            The ids.
        """
        ids = np.arange(self.next_household, self.next_household + count, dtype=np.int32)
        self.next_household += count
        return ids

    def housemates(self, residents: np.ndarray) -> np.ndarray:
        """Everyone living in the same households as some residents (themselves included).

        Household members are tied to each other, so they are found through the residents'
        ties (two steps, for a partner who moved in later) instead of a scan of the town.

        Args:
            residents: Resident rows.

        Returns:
            Sorted unique rows of all members of their households.
        """
        return _housemates(np.asarray(residents, np.int32), self.ties.count, self.ties.peer,
                           self.pop.household, self.pop.active)

    def relocate(self, ids: np.ndarray, whole_households: bool = False) -> None:
        """Move residents to a random other neighbourhood (a household moves together).

        Args:
            ids: Residents who move.
            whole_households: Draw one new neighbourhood per household instead of per person.
        """
        if not len(ids):
            return
        rng = self.streams["events"]
        if whole_households:
            hh, _, inv = first_and_inverse(self.pop.household[ids])
            nb = rng.integers(0, self.n_neighbourhoods, len(hh))[inv]
        else:
            nb = rng.integers(0, self.n_neighbourhoods, len(ids))
        self.pop.neighbourhood[ids] = nb
        self.retarget(ids)

    def care_home_focus(self, count: int) -> np.ndarray:
        """Neighbourhood ids of care homes for new care-home residents.

        Args:
            count: How many residents.

        Returns:
            A care home's focus id for each.
        """
        rng = self.streams["events"]
        return (self.n_neighbourhoods + rng.integers(0, self.n_care_homes, count)).astype(
            np.int32)

    def enrol_pupils(self, ids: np.ndarray) -> None:
        """Children start school in a class cohort of their age.

        Args:
            ids: Children who start.
        """
        if not len(ids):
            return
        pop = self.pop
        pop.work[ids] = STUDENT
        pop.workplace[ids] = self.places.school_class(self.streams["events"], pop.age[ids],
                                                      self.week / 52)
        self.retarget(ids)

    # ---- arriving and leaving -----------------------------------------------------------
    def add_residents(self, ages: np.ndarray) -> np.ndarray:
        """New residents (born or moved in) with attributes drawn from the profile.

        Args:
            ages: Their ages.

        Returns:
            Their rows.
        """
        ids = synth.create_residents(self.pop, self.profile, self.params,
                                     self.streams["migration"], len(ages), ages)
        give_lasting_traits(self.pop, self.params, self.trait_keys, ids)
        cap = self.pop.capacity
        self.ties.ensure_residents(cap)
        self.intake.ensure(cap)
        self.contact_going()[ids] = out_of_home(self.pop, self.params, ids)
        self.on_arrive(ids)
        self.log("arrival", ids)
        return ids

    def tie_to_household(self, ids: np.ndarray, via: np.ndarray) -> None:
        """Family ties between new household members and everyone already living there.

        Args:
            ids: New members (their household is already set).
            via: A member already living in each new member's household (e.g. the mother).
        """
        if not len(ids):
            return
        others = difference(self.housemates(via), ids)
        a, b = _pairs_at_home(np.asarray(ids, np.int32), others, self.pop.household)
        self.link(a, b, FAMILY, settled=True)

    def immigrate(self, count: int) -> np.ndarray:
        """Households move in: ages from the in-migration profile; couples, singles, families.

        Args:
            count: Number of people arriving.

        Returns:
            The new rows.
        """
        if count <= 0:
            return np.zeros(0, np.int32)
        rng = self.streams["migration"]
        ev = self.params.events
        grid = np.arange(0, 100, 0.5)
        dens = np.interp(grid, ev.in_migration_ages, ev.in_migration_density, left=0, right=0)
        ages = (rng.choice(grid, count, p=dens / dens.sum()) + rng.random(count) * 0.5)
        ids = self.add_residents(ages.astype(np.float32))  # children join adult newcomers
        self.next_household = synth.form_households(self.pop, self.profile, self.params, rng,
                                                    ids, self.next_household, newcomers=True)
        select_divorced(self.pop, self.params, ids)
        couples = convoy.household_ties(self.pop, self.ties, self.streams["ties"], self.params,
                                        ids)
        convoy.partner_support(self.pop, self.ties, self.part_stream("support-movers"),
                               self.params, couples, settled=True)
        self._welcome(ids)  # values the new ties
        return ids

    def _welcome(self, ids: np.ndarray) -> None:
        """Newcomers take up work, study and clubs, and bring kin and old friends elsewhere.

        Args:
            ids: The newcomers (their households are set or set later).
        """
        pop, net = self.pop, self.streams["ties"]
        synth.assign_foci(pop, self.profile, self.params, self.streams["migration"], ids,
                          self.n_neighbourhoods, self.places, self.week / 52)
        # Their kin live elsewhere, but most moves are short (a share of them nearby, met
        # like kin in town: convoy.newcomer_kin_near_share).
        convoy.kin_ties(pop, self.ties, replace(self.profile, kin_local_share=0.0), net,
                        self.params, ids, np.zeros(0, np.int32),
                        self.params.convoy.newcomer_kin_near_share)
        # Adults bring their friendships, kept up at a distance: as many as the town's
        # residents of their age, health and history have (with two each, newcomers pulled
        # the friends of 25-44 down from 4.5 to 3.0 in ten years).
        adults = ids[pop.age[ids] >= 18]
        old_friends = np.repeat(adults, net.poisson(convoy.friends_expected(pop, self.params,
                                                                           adults)))
        convoy.add_ties(self.ties, net, self.params, old_friends,
                        np.full(len(old_friends), -1, np.int32), FRIEND, settled=True)
        new = self.ties.ties_of(ids)
        self.value(new, fresh=True)

    def immigrate_partners(self, for_ids: np.ndarray) -> np.ndarray:
        """Partners from elsewhere who move in with residents.

        Args:
            for_ids: Residents whose partner arrives.

        Returns:
            Rows of the arriving partners.
        """
        rng = self.streams["migration"]
        ages = np.maximum(self.pop.age[for_ids] + rng.normal(0, 3, len(for_ids)), 18)
        ids = self.add_residents(ages.astype(np.float32))
        self.pop.female[ids] = ~self.pop.female[for_ids]
        self.pop.marital[ids] = PARTNERED
        self.pop.with_parents[ids] = False
        self._welcome(ids)  # their household and neighbourhood are set by the caller
        return ids

    def emigrate(self, ids: np.ndarray) -> None:
        """Residents move out of town: close ties go on at a distance, others end.

        A tie with someone who stays goes on if it is kin or at least
        ``life.keep_after_move`` close: it becomes a tie with someone elsewhere, kept by the
        one who stays. The leavers' other ties end (as :meth:`unlink`, replaceable). All in
        one compiled pass (:func:`_move_out`), then the ties that go on are valued afresh.

        Args:
            ids: Residents who leave.
        """
        if not len(ids):
            return
        ties, intake, pop = self.ties, self.intake, self.pop
        kept = _move_out(np.asarray(ids, np.int32), pop.n,
                         np.float32(self.params.life.keep_after_move),
                         np.float32(self.params.ties.friend_replacement), ties.a, ties.b,
                         ties.kind, ties.closeness, ties.alive, ties.setting,
                         ties.value_emotional, ties.value_social, ties.network_rate,
                         ties.age_gap, ties.near, ties.count, ties.slots, ties.peer,
                         intake.sums, intake.network, intake.changed, pop.workplace, pop.age,
                         pop.friends_missed)
        self.value(kept, fresh=True)
        self.leave(ids, "moved_out")

    def leave(self, ids: np.ndarray, reason: str) -> None:
        """Residents stop being part of the municipality (their row stays, inactive).

        Their ties end (as :meth:`unlink`, replaceable), their partners are single, and a
        care-home place or waiting-list spot of theirs is freed (:func:`_leave`).

        Args:
            ids: Residents who die or move out.
            reason: ``"death"`` or ``"moved_out"``, for the event log.
        """
        if not len(ids):
            return
        ties, intake, pop = self.ties, self.intake, self.pop
        _leave(np.asarray(ids, np.int32), np.float32(self.params.ties.friend_replacement),
               ties.a, ties.b, ties.kind, ties.alive, ties.setting, ties.value_emotional,
               ties.value_social, ties.network_rate, ties.count, ties.slots, ties.peer,
               intake.sums, intake.network, intake.changed, pop.workplace, pop.age,
               pop.friends_missed, pop.partner, pop.active, pop.care_stage)
        self.lost_people += len(ids)
        if reason != "death":  # deaths are logged as the event itself
            self.log(reason, ids)
        self.on_leave(ids)

    def log(self, name: str, ids: np.ndarray) -> None:
        """Record a life event for the event log (week is added by the model).

        Args:
            name: Event name.
            ids: Residents concerned.
        """
        if len(ids):
            self.event_log.append((name, np.asarray(ids, np.int32)))


@kernel
def _in_focus(residents, focus, age):  # pragma: no cover - compiled
    """Those of ``residents`` in a focus of the column ``focus``: (rows, focus ids, ages)."""
    rows = np.empty(len(residents), np.int32)
    ids = np.empty(len(residents), focus.dtype)
    ages = np.empty(len(residents), age.dtype)
    k = 0
    for r in residents:
        if focus[r] >= 0:
            rows[k], ids[k], ages[k] = r, focus[r], age[r]
            k += 1
    return rows[:k].copy(), ids[:k].copy(), ages[:k].copy()


@kernel
def _free_singles(residents, partner, age, care_home, household_size
                  ):  # pragma: no cover - compiled
    """Those of ``residents`` free to find a partner: adults alone, without one, not in care."""
    out = np.empty(len(residents), np.int32)
    k = 0
    for r in residents:
        if partner[r] < 0 and age[r] >= 18 and not care_home[r] and household_size[r] == 1:
            out[k] = r
            k += 1
    return out[:k].copy()


@kernel
def _end_ties(ids, share, a, b, kind, alive, setting, value_emotional, value_social, network,
              count, slots, peer, sums, network_sum, changed, workplace, age, friends_missed
              ):  # pragma: no cover - compiled
    """End ties in the order of their ids; see :meth:`World.unlink`.

    Per live tie: a friendship lost adds ``share`` to the ``friends_missed`` of each end who
    replaces lost friends (:func:`sim.convoy.owes_replacement`), its values leave both ends'
    intake sums, and its slots are freed. Dead or repeated ids are skipped.
    """
    for t in np.sort(ids):
        if not alive[t]:
            continue
        x, y = a[t], b[t]
        if share > 0 and kind[t] == FRIEND:
            for end in (x, y):
                if end >= 0 and owes_replacement(workplace[end], age[end]):
                    friends_missed[end] += share
        add_tie_values(t, np.float32(-1.0), a, b, setting, value_emotional, value_social,
                       network, sums, network_sum, changed)
        alive[t] = False
        tie_slots.drop(x, t, count, slots, peer)
        if y >= 0:
            tie_slots.drop(y, t, count, slots, peer)


@kernel
def _move_out(ids, n, keep_after, share, a, b, kind, closeness, alive, setting,
              value_emotional, value_social, network, age_gap, near, count, slots, peer, sums,
              network_sum, changed, workplace, age, friends_missed
              ):  # pragma: no cover - compiled
    """The ties of residents who move out of town; see :meth:`World.emigrate`.

    In the order the separate steps had: the ties that end are ended (:func:`_end_ties`),
    then the values of those that go on leave the intake, and these become ties elsewhere
    of the one who stays, the age gap the leaver's age minus the stayer's (-100 to 100).

    Returns:
        Ids of the ties that go on (ascending), not valued yet.
    """
    tie_ids = unique_small(tie_slots.listed(ids, count, slots))
    leaving = np.zeros(n, np.bool_)
    for r in ids:
        leaving[r] = True
    keep = np.zeros(len(tie_ids), np.bool_)
    for i in range(len(tie_ids)):
        t = tie_ids[i]
        y = b[t]
        one_side = y >= 0 and leaving[a[t]] != leaving[y]
        keep[i] = one_side and (kind[t] <= FAMILY or closeness[t] >= keep_after)
    _end_ties(tie_ids[~keep], share, a, b, kind, alive, setting, value_emotional,
              value_social, network, count, slots, peer, sums, network_sum, changed,
              workplace, age, friends_missed)
    kept = tie_ids[keep]
    add_values(kept, a, b, setting, value_emotional, value_social, network, sums, network_sum,
               changed, np.float32(-1.0))
    stayer = np.empty(len(kept), np.int32)
    gap = np.empty(len(kept), np.int8)
    for i in range(len(kept)):
        x, y = a[kept[i]], b[kept[i]]
        stayer[i], leaver = (y, x) if leaving[x] else (x, y)
        gap[i] = np.int8(min(max(age[leaver] - age[stayer[i]], np.float32(-100)),
                             np.float32(100)))
    move_elsewhere(kept, stayer, gap, a, b, age_gap, near, count, slots, peer)
    return kept


@kernel
def _pairs_at_home(ids, others, household):  # pragma: no cover - compiled
    """Each of ``ids`` paired with each of ``others`` (ascending) in the same household.

    Returns:
        ``(a, b)``: pairs in the order of ``ids``, then of ``others``.
    """
    count = 0
    for i in ids:
        for o in others:
            count += household[o] == household[i]
    a = np.empty(count, np.int32)
    b = np.empty(count, np.int32)
    k = 0
    for i in ids:
        for o in others:
            if household[o] == household[i]:
                a[k], b[k] = i, o
                k += 1
    return a, b


@kernel
def _housemates(residents, count, peer, household, active):  # pragma: no cover - compiled
    """Sorted active members of the residents' households; see :meth:`World.housemates`."""
    found = unique_small(residents)
    for _ in range(2):
        near = tie_slots.household_peers(found, count, peer, household)
        found = unique_small(np.concatenate((found, near)))
    return found[active[found]]


@kernel
def _leave(ids, share, a, b, kind, alive, setting, value_emotional, value_social, network,
           count, slots, peer, sums, network_sum, changed, workplace, age, friends_missed,
           partner, active, care_stage):  # pragma: no cover - compiled
    """Residents leave the town's tables; see :meth:`World.leave`.

    Their ties end (:func:`_end_ties`, in the order of the tie ids); their partners, and
    they, have no partner any more; their rows are inactive, with no care stage.
    """
    _end_ties(unique_small(tie_slots.listed(ids, count, slots)), share, a, b, kind, alive,
              setting, value_emotional, value_social, network, count, slots, peer, sums,
              network_sum, changed, workplace, age, friends_missed)
    for p in partner[ids]:  # as they were before any is cleared
        if p >= 0:
            partner[p] = -1
    for r in ids:
        active[r] = False
        partner[r] = -1
        care_stage[r] = 0  # a place or a waiting-list spot is freed
