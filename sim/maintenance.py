"""Tie maintenance, every few weeks: closeness grows or fades, weak ties end, new ties form.

Closeness follows the weeks with meaningful contact: in a week with in-person contact (remote
contact counts at its emotional worth) a tie grows toward its potential; in a week without,
it fades (about 15 % a year). Non-kin ties that fade below a threshold end; kin ties never
fall below a floor. New ties form in the foci a resident takes part in (neighbourhood,
work or school, club), less so for people who withdraw or cannot go out, and not in foci a
lockdown has closed.
"""

from __future__ import annotations

import numpy as np

from sim import convoy
from sim.synth import SCHOOL_OFFSET
from sim.contacts import tie_rates, tie_values
from sim.convoy import FOCUS_KINDS, FocusIndex
from sim.ties import FAMILY, N_SETTINGS, S_CLUB, S_NEIGHBOUR, S_SCHOOL, S_WORK
from sim.world import World

#: Lockdown setting that governs new ties in each focus of :data:`sim.convoy.FOCUS_KINDS`.
_FOCUS_SETTING = (S_NEIGHBOUR, S_WORK, S_CLUB)


def update_closeness(world: World, weeks: int, kept: np.ndarray) -> None:
    """Grow or fade the closeness of every live tie over a block of weeks.

    Args:
        world: The municipality.
        weeks: Length of the block.
        kept: Mean share of in-person contact kept per setting over the block (lockdowns).
    """
    ties, params = world.ties, world.params
    c = params.contact
    ids = ties.live()
    setting, rate = tie_rates(world.pop, ties, params, ids, world.going_out())
    in_person_share = (1 / (1 + np.asarray(c.remote_per_in_person, np.float32)))[setting]
    in_person = rate * in_person_share * kept[setting]
    remote = rate * (1 - in_person_share)
    p = 1 - np.exp(-(in_person + c.remote_weight_emotional * remote))
    decay = params.ties.decay_per_year / 52
    growth = params.ties.growth_per_year / 52
    close = ties.closeness[ids]
    pot = ties.potential[ids]
    change = weeks * (growth * (pot - close) * p - decay * close * (1 - p))
    close = np.clip(close + change, 0, 1)
    kin = ties.kind[ids] <= FAMILY
    ties.closeness[ids] = np.where(kin, np.maximum(close, params.ties.kin_floor), close)
    fading = ids[~kin & (ties.closeness[ids] < params.ties.end_below)]
    ties.remove(fading)  # intake is rebuilt after maintenance


def form_ties(world: World, weeks: int, kept: np.ndarray, indexes: list[FocusIndex]) -> None:
    """New acquaintances in the foci residents take part in.

    Args:
        world: The municipality.
        weeks: Length of the block.
        kept: Mean share of in-person contact kept per setting over the block.
        indexes: One :class:`FocusIndex` per focus kind (may be a few weeks old).
    """
    pop, rng, params = world.pop, world.streams["ties"], world.params
    n = pop.n
    willing = pop.active[:n] * world.going_out()[:n]
    for (kind, column, spread), index, rate, setting in zip(
            FOCUS_KINDS, indexes, params.ties.new_ties_per_year, _FOCUS_SETTING, strict=True):
        focus = getattr(pop, column)[:n]
        chance = rate * weeks / 52 * willing * kept[setting] * (focus >= 0)
        if setting == S_WORK:  # schools close separately from work
            school = focus >= SCHOOL_OFFSET
            chance = np.where(school, chance * kept[S_SCHOOL] / max(kept[S_WORK], 1e-6), chance)
        seekers = np.flatnonzero(rng.random(n, dtype=np.float32) < chance).astype(np.int32)
        a, b = convoy.pair_in_focus(rng, index, seekers, focus[seekers], pop.age[seekers],
                                    spread, world.ties)
        ok = pop.active[b]
        convoy.add_ties(world.ties, rng, params, a[ok], b[ok], kind, settled=False)


def focus_indexes(world: World) -> list[FocusIndex]:
    """Fresh member indexes for each focus kind.

    Args:
        world: The municipality.

    Returns:
        One index per entry of :data:`sim.convoy.FOCUS_KINDS`.
    """
    pop = world.pop
    act = pop.active_ids()
    out = []
    for _, column, _ in FOCUS_KINDS:
        focus = getattr(pop, column)[act]
        inside = focus >= 0
        out.append(FocusIndex(act[inside], focus[inside], pop.age[act[inside]]))
    return out


def maintain(world: World, weeks: int, kept: np.ndarray, indexes: list[FocusIndex]) -> None:
    """One maintenance pass: closeness, endings, new ties, fresh values and intake sums.

    Args:
        world: The municipality.
        weeks: Length of the block.
        kept: Mean share of in-person contact kept per setting over the block.
        indexes: Focus indexes for new ties.
    """
    assert len(kept) == N_SETTINGS
    update_closeness(world, weeks, kept)
    form_ties(world, weeks, kept, indexes)
    ties = world.ties
    if ties.n > 1.25 * len(ties.live()) + 1000:
        ties.compact()
    tie_values(world.pop, ties, world.params, ties.live(), world.going_out())
    world.intake.rebuild(ties)
