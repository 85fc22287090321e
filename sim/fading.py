"""Convoys change with age, in the maintenance pass: needs, pruning, grandchildren, turnover.

Four mechanisms from the study of ageing convoys and one of tie turnover at every age, each
vectorised over residents or ties and run every ``ties.update_weeks`` weeks (never in the
weekly step):

* **Narrowing needs** (socioemotional selectivity, Carstensen 1992): past
  ``loneliness.social_need_from`` the social fulfilment a resident wants falls with age
  (:func:`sim.synth.social_need`); the wish for intimacy stays.
* **Pruning** (Lang & Carstensen 1994; Van Tilburg 1998): past ``ties.prune_from`` residents
  let peripheral ties go — ties outside the inner circle that are not a partner, household
  member, child or grandchild. Kin other than children (siblings, in-laws) fade with them.
* **Mobility** (Aartsen et al. 2004): a frail or care-home resident loses ties that rest on
  going out — non-kin ties outside the inner circle (club, activity, colleague, neighbour,
  casual friend) — while kin and close friends keep coming to them.
* **Grandchildren** (Kahn & Antonucci 1980: the convoy's members change over the life course,
  new generations join it): as residents with children age, grandchildren grow up and join
  their convoy at the pace at which ``convoy.grandchildren_by_band`` rises with age
  (:func:`sim.convoy.grandchildren_expected`), so the run keeps up the starting convoys.
* **Acquaintances drift apart** (Mollenhorst, Volker & Flap 2014: about half of the non-kin
  ties are replaced within seven years, mostly the weak ones): neighbour, colleague and club
  ties that are neither friendships nor in the inner circle end at
  ``ties.acquaintance_end_per_year``, and faster once their focus has lapsed
  (``lapsed_end_per_year``). With the formation of new ties (``ties.new_ties_per_year``) this
  keeps the number of focus ties by age level over the years instead of piling up.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from sim import convoy
from sim.arrays import interp_at, rows_where
from sim.jit import found_on_two_cores, inline, kernel, on_two_cores
from sim.parameters import Params
from sim.population import FRAIL, WIDOWED, Population
from sim.rng import kernel_key
from sim.synth import social_need
from sim.ties import (
    CLUB,
    DESCENDANT_GAP,
    FAMILY,
    FRIEND,
    INNER,
    NEIGHBOUR,
    PARTNER,
    S_FRIEND,
    VOLUNTEER,
    Ties,
    tie_draw,
)

if TYPE_CHECKING:
    from sim.world import World


def narrow_needs(world: World, weeks: int) -> None:
    """Lower desired social fulfilment for the years residents aged over the block.

    Args:
        world: The municipality.
        weeks: Length of the block (everyone aged ``weeks / 52`` years in it).
    """
    pop, params = world.pop, world.params
    n = pop.n
    age = pop.age[:n]
    ratio = social_need(age, params) / social_need(age - weeks / 52, params)
    pop.desired_social[:n] *= ratio
    pop.desired_social_base[:n] *= ratio


def grandchildren_grow_up(world: World, weeks: int) -> np.ndarray:
    """Grandchildren join the convoys of residents with children as both grow older.

    Each resident with a child or grandchild tie gains grandchild ties at the rate at which
    :func:`sim.convoy.grandchildren_expected` rises over the block (Poisson): the starting
    convoys' numbers by age are then what the run keeps up, instead of running down as the
    starting grandparents die and their successors' convoys stay as they were at the start.
    A grandchild lives in town with the kin share of the profile (found by age, else
    elsewhere), and is a settled family tie: known all their life.

    Args:
        world: The municipality.
        weeks: Length of the block.

    Returns:
        The new tie ids.
    """
    pop, params, rng = world.pop, world.params, world.part_stream("grandchildren")
    n = pop.n
    age = pop.age[:n]
    gain = _rise(age, np.float32(weeks / 52), *convoy.grandchildren_table(params))
    able = pop.active[:n] & (age >= 18) & ~pop.with_parents[:n] & (gain > 0)
    count = np.zeros(n, np.int64)
    count[able] = rng.poisson(gain[able])
    ids = rows_where(count)
    ids = ids[_has_descendants(pop, world.ties, ids)]
    if not len(ids):
        return np.zeros(0, np.int32)
    local = world.profile.kin_local_share * np.where(
        pop.migration[ids], params.convoy.migrant_kin_local_factor, 1.0)
    in_town = rng.binomial(count[ids], local)
    new, elsewhere = convoy.kin_in_town(pop, world.ties, rng, params, np.repeat(ids, in_town),
                                        pop.active_ids(), *convoy.GRANDCHILD_AGES)
    elsewhere = np.concatenate([elsewhere, np.repeat(ids, count[ids] - in_town)])
    far = convoy.add_ties(world.ties, rng, params, elsewhere,
                          np.full(len(elsewhere), -1, np.int32), FAMILY, settled=True,
                          age_gap=convoy.GRANDCHILD_GAP)
    new = np.concatenate([new, far])
    # The family rallied round a widowed grandparent (life.death, and at the start
    # convoy.kin_ties): a grandchild who joins their convoy later joins that family.
    ties = world.ties
    b = ties.b[new]
    elder = np.where((b >= 0) & (pop.age[np.maximum(b, 0)] > pop.age[ties.a[new]]), b, ties.a[new])
    rallied = new[pop.marital[elder] == WIDOWED]
    amount = np.float32(params.life.kin_rally_after_loss)
    ties.potential[rallied] = np.minimum(ties.potential[rallied] + amount, 1.0)
    ties.closeness[rallied] = np.minimum(ties.closeness[rallied] + amount,
                                         ties.potential[rallied])
    world.value(new, fresh=True)
    return new


@kernel
def _rise(age, years, ages, values):  # pragma: no cover - compiled
    """How much :func:`sim.convoy.grandchildren_expected` rose over the last ``years``."""
    rise = np.empty(len(age))
    for i in range(len(age)):
        rise[i] = (interp_at(np.float64(age[i]), ages, values)
                   - interp_at(np.float64(age[i] - years), ages, values))
    return rise


def _has_descendants(pop: Population, ties: Ties, ids: np.ndarray) -> np.ndarray:
    """Whether each resident has a family tie with someone 18 or more years younger."""
    slots = ties.slots[ids]
    peer = ties.peer[ids]
    tid = np.maximum(slots, 0)
    other_age = np.where(peer >= 0, pop.age[np.maximum(peer, 0)],
                         pop.age[ids][:, None] + ties.age_gap[tid])
    younger = pop.age[ids][:, None] - other_age
    kin = (slots >= 0) & (ties.kind[tid] == FAMILY) & (ties.via[tid] < 0)
    return (kin & (younger >= DESCENDANT_GAP)).any(axis=1)


def end_chances(pop: Population, ties: Ties, params: Params, ids: np.ndarray, years: float,
                settled: bool = False) -> tuple[np.ndarray, np.ndarray]:
    """Chance that each tie ends through pruning with age or through frailty.

    Spared: partners, volunteers, the inner circle and household members. Each end past
    ``ties.prune_from`` lets a peripheral tie go at a yearly hazard of ``prune_per_decade``
    per decade over that age (ties with their children and grandchildren excepted); each
    frail or care-home end loses non-kin ties met out of the home at ``frail_outing_loss``
    a year.

    Args:
        pop: The population table.
        ties: The tie store.
        params: Model parameters.
        ids: Live tie ids.
        years: Length of the period.
        settled: Instead, the pruning of all the years each end has lived past
            ``ties.prune_from`` (for the starting town; ``years`` is then ignored): the
            yearly hazard grows linearly with age, so those years add up to
            ``prune_per_decade`` × 5 × decades².

    Returns:
        ``(chance, pruning)`` per tie (0-1): the chance of ending, and the chance pruning
        alone would give (a draw below it was a tie let go by choice).
    """
    ids = np.asarray(ids, np.int32)
    chance = np.zeros(len(ids), np.float32)
    pruning = np.zeros(len(ids), np.float32)
    inputs = _chance_inputs(pop, ties, params, years, settled)
    on_two_cores(len(ids), lambda lo, hi: _end_chances(ids[lo:hi], *inputs, chance[lo:hi],
                                                       pruning[lo:hi]))
    return chance, pruning


def _chance_inputs(pop: Population, ties: Ties, params: Params, years: float, settled: bool
                   ) -> tuple:
    """The arguments of :func:`_end_chance` after the tie, in its order."""
    tp = params.ties
    return (ties.a, ties.b, ties.kind, ties.closeness, ties.age_gap, pop.age, pop.household,
            pop.health, pop.care_home, np.float32(tp.prune_from), np.float32(tp.prune_per_decade),
            np.float32(tp.frail_outing_loss), np.float32(years), settled)


def settle_convoys(pop: Population, ties: Ties, params: Params, rng: np.random.Generator
                   ) -> None:
    """Starting convoys as the years past ``ties.prune_from`` have left them.

    Frailty's toll on the starting convoys is drawn at synthesis already (fewer friends and
    club memberships for the frail, see :func:`sim.convoy.focus_ties`).

    Args:
        pop: The population table.
        ties: The tie store (the starting convoys).
        params: Model parameters.
        rng: Random stream.
    """
    ids = ties.live()
    gone = rng.random(len(ids)) < end_chances(pop, ties, params, ids, 1.0, settled=True)[0]
    ties.remove(ids[gone])


def age_convoys(world: World, weeks: int) -> None:
    """One block of convoy change: narrower needs, grandchildren, pruned and lost ties.

    The acquaintances that drifted apart end last, so the draws before them are those of a
    run without that turnover.

    Args:
        world: The municipality.
        weeks: Length of the block.
    """
    narrow_needs(world, weeks)
    grandchildren_grow_up(world, weeks)
    pop, tp = world.pop, world.params.ties
    n = pop.n
    # Only ties of residents past the onset, frail or in a care home can end here.
    at_risk = pop.active[:n] & ((pop.age[:n] >= tp.prune_from) | (pop.health[:n] == FRAIL)
                                | pop.care_home[:n])
    pruned, lost, drifted = _find_endings(world, weeks, at_risk)
    # A tie that pruning alone would have ended was let go by choice (not replaced); the
    # rest ended because an end became frail or moved into a care home.
    world.unlink(pruned, replaceable=False)
    world.unlink(lost)
    drift_apart(world, weeks, drifted)


def drift_chances(ties: Ties, params: Params, ids: np.ndarray, years: float) -> np.ndarray:
    """Chance that each acquaintance tie ends over a period as the two drift apart.

    Acquaintances — neighbour, colleague and club ties that have not grown into a friendship
    or into the inner circle — end at ``ties.acquaintance_end_per_year`` while the two still
    share the focus, and at ``lapsed_end_per_year`` more once it has lapsed (a move, a
    retirement, leaving the club; the tie is then kept up privately, setting ``friend``).
    Other ties get 0.

    Args:
        ties: The tie store.
        params: Model parameters.
        ids: Live tie ids.
        years: Length of the period.

    Returns:
        Chance per tie (0-1).
    """
    tp = params.ties
    return _drift_chances(np.asarray(ids, np.int32), ties.kind, ties.closeness, ties.setting,
                          tp.acquaintance_end_per_year, tp.lapsed_end_per_year, years)


def drift_apart(world: World, weeks: int, drifted: np.ndarray | None = None) -> None:
    """End the acquaintance ties that drifted apart over a block (see :func:`drift_chances`).

    Args:
        world: The municipality.
        weeks: Length of the block.
        drifted: The ties found drifted apart already (:func:`age_convoys` finds them in
            its pass over the ties); None: find them here.
    """
    if drifted is None:
        drifted = _find_endings(world, weeks, np.zeros(world.pop.n, np.bool_))[2]
    world.unlink(drifted)


def _find_endings(world: World, weeks: int, at_risk: np.ndarray
                  ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The ties that end over a block: pruned, lost to frailty, and drifted apart.

    One pass over the ties (:func:`_endings`): each tie touching ``at_risk`` gets its chances
    and its draw (:meth:`Ties.draws`); each acquaintance that goes on gets its chance of
    drifting apart and a draw of the drift's own stream (ending the others first changes
    nothing the drift reads).

    Args:
        world: The municipality.
        weeks: Length of the block.
        at_risk: Residents whose ties can end through pruning or frailty (a mask).

    Returns:
        ``(pruned, lost, drifted)`` tie ids, each ascending.
    """
    pop, ties, tp = world.pop, world.ties, world.params.ties
    key, inputs = kernel_key(world.part_stream("endings")), _chance_inputs(
        pop, ties, world.params, weeks / 52, False)
    drift_key, drift = kernel_key(world.part_stream("drift")), _drift_pair(
        tp.acquaintance_end_per_year, tp.lapsed_end_per_year, weeks / 52)
    return found_on_two_cores(ties.n, lambda lo, hi: _endings(
        key, drift_key, drift, lo, hi, at_risk, ties.alive, ties.potential.view(np.uint32),
        ties.setting, *inputs))


@inline
def _drift_chance(kind, closeness, setting, chances):  # pragma: no cover - compiled
    """One tie's chance of :func:`drift_chances` (``chances``: :func:`_drift_pair`)."""
    if NEIGHBOUR <= kind <= CLUB and closeness < np.float32(INNER):
        return chances[1] if setting == S_FRIEND else chances[0]
    return 0.0


@inline
def _drift_pair(end, lapsed_end, years):  # pragma: no cover - compiled
    """The chance of drifting apart while sharing the focus, and once it has lapsed."""
    chances = np.empty(2)
    chances[0] = -np.expm1(-(end + 0.0) * years)
    chances[1] = -np.expm1(-(end + lapsed_end) * years)
    return chances


@kernel
def _drift_chances(ids, kind, closeness, setting, end, lapsed_end, years
                   ):  # pragma: no cover - compiled
    """Chance per tie; see :func:`drift_chances`."""
    chance = np.zeros(len(ids))
    chances = _drift_pair(end, lapsed_end, years)
    for i in range(len(ids)):
        t = ids[i]
        chance[i] = _drift_chance(kind[t], closeness[t], setting[t], chances)
    return chance


@kernel
def _end_chances(ids, a, b, kind, closeness, age_gap, age, household, health, care_home,
                 prune_from, prune_per_decade, frail_outing_loss, years, settled, chance,
                 pruning):  # pragma: no cover - compiled
    """Chance per tie into ``chance``, pruning's alone into ``pruning``; see end_chances."""
    for i in range(len(ids)):
        chance[i], pruning[i] = _end_chance(ids[i], a, b, kind, closeness, age_gap, age,
                                            household, health, care_home, prune_from,
                                            prune_per_decade, frail_outing_loss, years, settled)


@kernel
def _endings(key, drift_key, drift, lo, hi, residents, alive, potential_bits, setting, a, b,
             kind, closeness, age_gap, age, household, health, care_home, prune_from,
             prune_per_decade, frail_outing_loss, years, settled
             ):  # pragma: no cover - compiled
    """Live ties ``lo..hi`` that end: (pruned, lost otherwise, drifted apart).

    A tie touching ``residents`` (a mask) gets its chances (:func:`_end_chance`) against its
    draw (:meth:`Ties.draws`): below the chance it ends, and below pruning's chance alone it
    was let go by choice. An acquaintance that does not end so drifts apart when its draw
    with ``drift_key`` is below its chance (:func:`_drift_chance`; ``drift``:
    :func:`_drift_pair`).
    """
    pruned = np.empty(hi - lo, np.int32)
    lost = np.empty(hi - lo, np.int32)
    drifted = np.empty(hi - lo, np.int32)
    n_pruned = n_lost = n_drifted = 0
    for t in range(lo, hi):
        if not alive[t]:
            continue
        x, y = a[t], b[t]
        if residents[x] or (y >= 0 and residents[y]):
            chance, pruning = _end_chance(t, a, b, kind, closeness, age_gap, age, household,
                                          health, care_home, prune_from, prune_per_decade,
                                          frail_outing_loss, years, settled)
            draw = tie_draw(key, x, y, potential_bits[t])
            if draw < chance:
                if draw < pruning:
                    pruned[n_pruned] = t
                    n_pruned += 1
                else:
                    lost[n_lost] = t
                    n_lost += 1
                continue
        k = kind[t]  # (the same test in an inlined helper ran 2.3 times slower here)
        if NEIGHBOUR <= k <= CLUB:
            chance = _drift_chance(k, closeness[t], setting[t], drift)
            if chance > 0 and tie_draw(drift_key, x, y, potential_bits[t]) < chance:
                drifted[n_drifted] = t
                n_drifted += 1
    return pruned[:n_pruned].copy(), lost[:n_lost].copy(), drifted[:n_drifted].copy()


@inline
def _end_chance(t, a, b, kind, closeness, age_gap, age, household, health, care_home,
                prune_from, prune_per_decade, frail_outing_loss, years, settled
                ):  # pragma: no cover - compiled
    """One tie's chance of ending and pruning's alone (0, 0 if spared); see end_chances."""
    zero = np.float32(0.0)
    x, y, k = a[t], b[t], kind[t]
    ext = y < 0
    z = x if ext else y
    if (k == PARTNER or k == VOLUNTEER or closeness[t] >= np.float32(INNER)
            or (not ext and household[x] == household[z])):
        return zero, zero
    # Age of the other end, seen from x; someone elsewhere is x's age plus the tie's gap.
    gap = np.float32(age_gap[t]) if ext else age[z] - age[x]
    kin = k == FAMILY
    outing = k >= FRIEND  # non-kin ties met out of the home
    hazard = np.float32(0.0)
    pruned = np.float32(0.0)
    for side in range(1 if ext else 2):
        end = x if side == 0 else z
        younger = -gap if side == 0 else gap  # how much younger the other end is
        if not (kin and younger >= DESCENDANT_GAP):
            decades = max(age[end] - prune_from, 0) / 10
            part = prune_per_decade * (5 * decades * decades if settled else decades)
            hazard += part
            pruned += part
        if not settled and outing and (health[end] == FRAIL or care_home[end]):
            hazard += frail_outing_loss
    return (np.float32(-np.expm1(-hazard * (1 if settled else years))),
            np.float32(-np.expm1(-pruned * (1 if settled else years))))
