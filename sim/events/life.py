"""What each life event does to a resident, their household and their convoy.

Each handler takes the municipality (:class:`sim.world.World`) and the rows that have the
event this week, and works on them as arrays. Ties change only through ``world.link``,
``world.unlink`` and ``world.retarget``, which keep the weekly intake sums in step.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from sim import convoy, tie_slots
from sim.arrays import difference, first_and_inverse, isin, rows_where, unique, unique_small
from sim.jit import kernel
from sim.labour import work_chance
from sim.population import (
    DIVORCED,
    EMPLOYED,
    FRAIL,
    NEVER,
    NO_WORK,
    PARTNERED,
    RETIRED,
    STUDENT,
    WIDOWED,
)
from sim.synth import GRADUATION_AGE, STUDY_OFFSET
from sim.ties import FRIEND, INNER, PARTNER

if TYPE_CHECKING:
    from sim.world import World



def death(world: World, ids: np.ndarray) -> None:
    """Residents die: partners are widowed and grieve; close ties grieve a little.

    Args:
        world: The municipality.
        ids: Residents who die.
    """
    pop, ties, life = world.pop, world.ties, world.params.life
    widowed = _bereave(np.asarray(ids, np.int32), pop.n, np.float32(INNER),
                       np.float32(life.other_loss_grief),
                       np.float32(life.low_support_widowhood_grief),
                       np.float32(life.kin_rally_after_loss), ties.a, ties.b, ties.kind,
                       ties.closeness, ties.potential, ties.count, ties.slots, pop.grief,
                       pop.partner, pop.low_support, pop.marital, pop.caregiver)
    world.retarget(widowed)
    world.leave(ids, "death")


@kernel
def _bereave(dead_ids, n, inner, close_grief, low_support_grief, rally, a, b, kind, closeness,
             potential, count, slots, grief, partner, low_support, marital, caregiver
             ):  # pragma: no cover - compiled
    """What deaths do to those left behind; see :func:`death` (before the dead leave).

    Each resident in an inner-circle tie (closeness at least ``inner``) with someone who died
    grieves at least ``close_grief`` times that closeness. Then the partners of the dead are
    widowed: grief 1 (``low_support_grief`` after a partnership of little support), their
    family rallies round (:func:`sim.convoy.family_rallies`), no partner, no caring.

    Returns:
        The widowed (in the order of the dead).
    """
    dead = np.zeros(n, np.bool_)
    for r in dead_ids:
        dead[r] = True
    for t in unique_small(tie_slots.listed(dead_ids, count, slots)):
        other = b[t] if dead[a[t]] else a[t]
        if other >= 0 and not dead[other] and closeness[t] >= inner:
            grief[other] = max(grief[other], close_grief * closeness[t])
    widowed = partner[dead_ids]
    widowed = widowed[widowed >= 0]
    widowed = widowed[~dead[widowed]]
    for r in widowed:
        grief[r] = low_support_grief if low_support[r] else np.float32(1.0)
        marital[r] = WIDOWED
    convoy.family_rallies(widowed, rally, count, slots, kind, potential, closeness)
    for r in widowed:
        partner[r] = -1
        caregiver[r] = False
    return widowed


def divorce(world: World, ids: np.ndarray) -> None:
    """Couples separate: the partner tie ends; one of them moves out, often to another area.

    Args:
        world: The municipality.
        ids: Residents who separate (with their partners).
    """
    pop, rng = world.pop, world.streams["events"]
    partners = pop.partner[ids]
    ids = ids[partners >= 0]
    partners = pop.partner[ids]
    ids, partners = _unique_pairs(ids, partners)
    both = np.concatenate([ids, partners])
    world.unlink(_partner_ties(world, ids))
    world.unlink(_lost_at_divorce(world, ids, partners))
    pop.partner[both] = -1
    pop.marital[both] = DIVORCED
    life = world.params.life
    np.maximum.at(pop.grief, both, np.float32(life.separation_grief))
    man_leaves = rng.random(len(ids)) < life.man_moves_out
    movers = np.where(pop.female[ids] ^ man_leaves, ids, partners)
    pop.household[movers] = world.new_households(len(movers))
    relocate_within = rng.random(len(movers)) < life.divorce_relocate
    world.relocate(movers[relocate_within])
    world.retarget(both)  # household ties of both change setting


def partnering(world: World, ids: np.ndarray) -> None:
    """Single residents start living with a partner.

    The partner is a single of the other sex and about the same age in town, or a newcomer
    from elsewhere.

    Args:
        world: The municipality.
        ids: Residents who find a partner.
    """
    pop, rng = world.pop, world.streams["events"]
    age = pop.age[ids] + np.where(pop.female[ids], 2.0, -2.0)  # men ~2 years older
    chosen = world.singles.find(rng, ids, (~pop.female[ids]).astype(float), age, 4.0)
    ok = chosen >= 0
    safe = np.maximum(chosen, 0)
    ok &= pop.active[safe] & (pop.partner[safe] < 0) & (pop.household_size[safe] == 1)
    ok &= ~pop.care_home[safe] & ~isin(chosen, ids)
    # A partner can be chosen only once.
    _, first, _ = first_and_inverse(np.where(ok, chosen, -1 - np.arange(len(chosen))))
    once = np.zeros(len(ids), bool)
    once[first] = True
    ok &= once
    a, b = ids[ok], chosen[ok]
    newcomers = ids[~ok]
    if len(newcomers):
        a = np.concatenate([a, newcomers])
        b = np.concatenate([b, world.immigrate_partners(newcomers)])
    pop.partner[a], pop.partner[b] = b, a
    pop.marital[a] = pop.marital[b] = PARTNERED
    pop.household[b] = pop.household[a]
    pop.neighbourhood[b] = pop.neighbourhood[a]
    world.retarget(b)
    couples = world.link(a, b, PARTNER, settled=False,
                         start=world.params.life.new_partner_closeness)
    # Some partners give little emotional support.
    world.value(convoy.partner_support(pop, world.ties, world.part_stream("support-couples"),
                                       world.params, couples, settled=False))
    # Each joins the other's family: new in-laws, met as acquaintances.
    inlaws = convoy.inlaw_ties(pop, world.ties, world.streams["ties"], world.params, a, b,
                               settled=False)
    world.value(inlaws, fresh=True)


def birth(world: World, mothers: np.ndarray) -> None:
    """A baby is born into the mother's household, tied to everyone living there.

    Args:
        world: The municipality.
        mothers: Women who give birth.
    """
    pop = world.pop
    babies = world.add_residents(np.zeros(len(mothers), np.float32))
    world.born += len(babies)
    pop.household[babies] = pop.household[mothers]
    pop.neighbourhood[babies] = pop.neighbourhood[mothers]
    pop.with_parents[babies] = True
    pop.marital[babies] = NEVER
    world.tie_to_household(babies, mothers)


def leave_home(world: World, ids: np.ndarray) -> None:
    """Young adults leave the parental home, to a place of their own or out of town.

    Args:
        world: The municipality.
        ids: Young adults who leave.
    """
    pop, rng = world.pop, world.streams["events"]
    pop.with_parents[ids] = False
    out = rng.random(len(ids)) < world.params.events.leave_home_out_share
    world.emigrate(ids[out])
    stay = ids[~out]
    pop.household[stay] = world.new_households(len(stay))
    world.relocate(stay)


def move(world: World, ids: np.ndarray) -> None:
    """A household moves: to another neighbourhood, or out of the municipality.

    Args:
        world: The municipality.
        ids: Residents whose household moves.
    """
    pop, rng = world.pop, world.streams["events"]
    ev = world.params.events
    out = rng.random(len(ids)) < np.interp(world.pop.age[ids], ev.move_ages, ev.move_out_shares)
    members = world.housemates(ids)
    leaving_hh = unique(pop.household[ids[out]])
    leaving = isin(pop.household[members], leaving_hh)
    world.emigrate(members[leaving])
    world.relocate(members[~leaving], whole_households=True)


def health_decline(world: World, ids: np.ndarray) -> None:
    """Health worsens one step.

    Frail residents often leave their club, and a partner may take up heavy care.

    Args:
        world: The municipality.
        ids: Residents whose health declines.
    """
    pop, rng = world.pop, world.streams["events"]
    pop.health[ids] = np.minimum(pop.health[ids] + 1, FRAIL)
    frail = ids[pop.health[ids] == FRAIL]
    life = world.params.life
    # A member who becomes frail leaves with the chance that keeps membership among the
    # frail at their chance of membership (population.club_reductions), as ageing does in
    # sim.participation.
    frail_factor = world.params.population.club_reductions[0]
    quit_club = frail[rng.random(len(frail)) < 1 - frail_factor]
    pop.club[quit_club] = -1
    partners = pop.partner[frail]
    carers = partners[(partners >= 0)]
    carers = carers[rng.random(len(carers)) < life.partner_takes_up_care]
    pop.caregiver[carers] = True
    world.retarget(np.concatenate([ids, carers]))


def health_recovery(world: World, ids: np.ndarray) -> None:
    """Health improves one step (frailty is partly reversible).

    Args:
        world: The municipality.
        ids: Residents who recover.
    """
    pop = world.pop
    was_frail = pop.health[ids] == FRAIL
    pop.health[ids] = np.maximum(pop.health[ids] - 1, 0)
    partners = pop.partner[ids[was_frail]]
    pop.caregiver[partners[partners >= 0]] = False
    world.retarget(np.concatenate([ids, partners[partners >= 0]]))


def care_home(world: World, ids: np.ndarray) -> None:
    """Frail older residents move into a care home; a partner stays at home.

    Args:
        world: The municipality.
        ids: Residents who enter a care home.
    """
    pop = world.pop
    pop.care_home[ids] = True
    pop.household[ids] = world.new_households(len(ids))
    pop.neighbourhood[ids] = world.care_home_focus(len(ids))
    pop.club[ids] = -1
    partners = pop.partner[ids]
    pop.caregiver[partners[partners >= 0]] = False
    world.retarget(ids)


def yearly_transitions(world: World) -> None:
    """School start, school leaving, study end and retirement, checked each week.

    Args:
        world: The municipality.
    """
    pop, rng = world.pop, world.streams["events"]
    n = pop.n
    start_school, leavers, graduates, retiring = _transitions(
        pop.active[:n], pop.age[:n], pop.work[:n], pop.workplace[:n],
        np.float32(world.params.events.retirement_age))
    world.enrol_pupils(start_school)
    study = leavers[rng.random(len(leavers)) < world.params.life.school_leavers_study]
    pop.workplace[study] = world.places.study_place(rng, len(study))
    # Those who leave education find work with the chance of their age (sim.labour).
    done = np.concatenate([difference(leavers, study), graduates])
    chance = work_chance(world.profile, pop.age[done], world.params.events.retirement_age)
    to_work = done[rng.random(len(done)) < chance]
    pop.work[done] = NO_WORK
    pop.workplace[done] = -1
    pop.work[to_work] = EMPLOYED
    pop.workplace[to_work] = world.places.workplace(rng, len(to_work))
    pop.work[retiring] = RETIRED
    pop.workplace[retiring] = -1
    world.retarget(np.concatenate([study, done, retiring]))


@kernel
def _transitions(active, age, work, workplace, retirement_age):  # pragma: no cover - compiled
    """Rows that start school, leave school, graduate and retire (each ascending).

    See :func:`_transition` for the codes; the rows are found in one pass over its codes.
    """
    code = _transition(active, age, work, workplace, retirement_age)
    who = rows_where(code)
    rows = np.empty((4, len(who)), np.int32)
    found = np.zeros(4, np.int64)
    for i in who:
        k = code[i] - 1
        rows[k, found[k]] = i
        found[k] += 1
    return (rows[0, :found[0]].copy(), rows[1, :found[1]].copy(), rows[2, :found[2]].copy(),
            rows[3, :found[3]].copy())


@kernel
def _transition(active, age, work, workplace, retirement_age):  # pragma: no cover - compiled
    """Code per resident: 1 starts school, 2 leaves school, 3 graduates, 4 retires, 0 none.

    The four cases exclude each other (they need different work states, or a school versus
    a place of study), so their codes add up: a branch-free loop the compiler vectorises.
    """
    code = np.zeros(len(age), np.int8)
    for i in range(len(age)):
        a, w, place = age[i], work[i], workplace[i]
        starts = (w == NO_WORK) & (a >= 4) & (a < 18)
        leaves = (w == STUDENT) & (a >= 18) & (place < STUDY_OFFSET)
        graduates = (w == STUDENT) & (a >= GRADUATION_AGE) & (place >= STUDY_OFFSET)
        retires = (w == EMPLOYED) & (a >= retirement_age)
        code[i] = active[i] * (np.int8(starts) + 2 * np.int8(leaves) + 3 * np.int8(graduates)
                               + 4 * np.int8(retires))
    return code


def _lost_at_divorce(world: World, ids: np.ndarray, partners: np.ndarray) -> np.ndarray:
    """Ties that end with a marriage: the in-laws, and shared friends who take sides.

    Kalmijn & Broese van Groenou 2005; Terhell et al. 2004.

    Args:
        world: The municipality.
        ids: One partner of each separating couple.
        partners: The other partner.

    Returns:
        Tie ids to end.
    """
    ties = world.ties
    ex = np.full(world.pop.n, -1, np.int32)
    ex[ids], ex[partners] = partners, ids
    tie_ids = ties.ties_of(np.concatenate([ids, partners]))
    via = ties.via[tie_ids]
    inlaw = (via >= 0) & (via == ex[ties.a[tie_ids]])
    friend = ties.kind[tie_ids] == FRIEND
    drop = world.streams["ties"].random(len(tie_ids)) < world.params.life.divorce_friend_loss
    return tie_ids[inlaw | (friend & drop)]


def _partner_ties(world: World, ids: np.ndarray) -> np.ndarray:
    ties = world.ties
    tie_ids = ties.ties_of(ids)
    return tie_ids[ties.kind[tie_ids] == PARTNER]


def _unique_pairs(a: np.ndarray, b: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    lo, hi = np.minimum(a, b), np.maximum(a, b)
    key = unique(lo.astype(np.int64) << 32 | hi.astype(np.int64))
    return (key >> 32).astype(np.int32), (key & 0xFFFFFFFF).astype(np.int32)
