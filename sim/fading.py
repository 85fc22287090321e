"""Convoys in later life, in the maintenance pass: narrower needs and fewer peripheral ties.

Three mechanisms from the study of ageing convoys, each vectorised over residents or ties and
run every ``ties.update_weeks`` weeks (never in the weekly step):

* **Narrowing needs** (socioemotional selectivity, Carstensen 1992): past
  ``loneliness.social_need_from`` the social fulfilment a resident wants falls with age
  (:func:`sim.synth.social_need`); the wish for intimacy stays.
* **Pruning** (Lang & Carstensen 1994; Van Tilburg 1998): past ``ties.prune_from`` residents
  let peripheral ties go — ties outside the inner circle that are not a partner, household
  member, child or grandchild. Kin other than children (siblings, in-laws) fade with them.
* **Mobility** (Aartsen et al. 2004): a frail or care-home resident loses ties that rest on
  going out — non-kin ties outside the inner circle (club, activity, colleague, neighbour,
  casual friend) — while kin and close friends keep coming to them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from sim.jit import kernel
from sim.parameters import Params
from sim.population import FRAIL, Population
from sim.synth import social_need
from sim.ties import DESCENDANT_GAP, FAMILY, FRIEND, INNER, PARTNER, VOLUNTEER, Ties

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


def end_chances(pop: Population, ties: Ties, params: Params, ids: np.ndarray, years: float,
                settled: bool = False) -> np.ndarray:
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
        Chance per tie (0-1).
    """
    tp = params.ties
    return _end_chances(np.asarray(ids, np.int32), ties.a, ties.b, ties.kind, ties.closeness,
                        ties.age_gap, pop.age, pop.household, pop.health, pop.care_home,
                        np.float32(tp.prune_from), np.float32(tp.prune_per_decade),
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
    gone = rng.random(len(ids)) < end_chances(pop, ties, params, ids, 1.0, settled=True)
    ties.remove(ids[gone])


def age_convoys(world: World, weeks: int) -> None:
    """One block of later-life change: narrower needs, pruned and lost peripheral ties.

    Args:
        world: The municipality.
        weeks: Length of the block.
    """
    narrow_needs(world, weeks)
    pop, tp = world.pop, world.params.ties
    n = pop.n
    # Only ties of residents past the onset, frail or in a care home can end here.
    at_risk = pop.active[:n] & ((pop.age[:n] >= tp.prune_from) | (pop.health[:n] == FRAIL)
                                | pop.care_home[:n])
    ties = world.ties
    ids = _ties_touching(at_risk, ties.alive[: ties.n], ties.a, ties.b)
    p = end_chances(pop, ties, world.params, ids, weeks / 52)
    world.unlink(ids[world.streams["ties"].random(len(ids)) < p])


@kernel
def _end_chances(ids, a, b, kind, closeness, age_gap, age, household, health, care_home,
                 prune_from, prune_per_decade, frail_outing_loss, years, settled
                 ):  # pragma: no cover - compiled
    """Chance per tie; see :func:`end_chances` (one pass over the ties)."""
    chance = np.zeros(len(ids), np.float32)
    for i in range(len(ids)):
        t = ids[i]
        x, y, k = a[t], b[t], kind[t]
        ext = y < 0
        z = x if ext else y
        if (k == PARTNER or k == VOLUNTEER or closeness[t] >= np.float32(INNER)
                or (not ext and household[x] == household[z])):
            continue
        # Age of the other end, seen from x; someone elsewhere is x's age plus the tie's gap.
        gap = np.float32(age_gap[t]) if ext else age[z] - age[x]
        kin = k == FAMILY
        outing = k >= FRIEND  # non-kin ties met out of the home
        hazard = np.float32(0.0)
        for side in range(1 if ext else 2):
            end = x if side == 0 else z
            younger = -gap if side == 0 else gap  # how much younger the other end is
            if not (kin and younger >= DESCENDANT_GAP):
                decades = max(age[end] - prune_from, 0) / 10
                hazard += prune_per_decade * (5 * decades * decades if settled else decades)
            if not settled and outing and (health[end] == FRAIL or care_home[end]):
                hazard += frail_outing_loss
        chance[i] = -np.expm1(-hazard * (1 if settled else years))
    return chance


@kernel
def _ties_touching(residents, alive, a, b):  # pragma: no cover - compiled
    """Ids of live ties with at least one end among ``residents`` (a mask over residents)."""
    out = np.empty(len(alive), np.int32)
    k = 0
    for t in range(len(alive)):
        y = b[t]
        if alive[t] and (residents[a[t]] or (y >= 0 and residents[y])):
            out[k] = t
            k += 1
    return out[:k].copy()
