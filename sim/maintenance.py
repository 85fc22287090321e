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

from sim import convoy, fading, labour, participation
from sim.arrays import rows_where, unique
from sim.contacts import add_to_ends, tie_rates, value_of
from sim.convoy import FOCUS_KINDS
from sim.jit import PIPELINE_CHUNK, found_on_two_cores, kernel, on_two_cores, pipelined
from sim.rng import kernel_key
from sim.synth import SCHOOL_OFFSET, in_class
from sim.ties import (
    FAMILY,
    FRIEND,
    INNER,
    S_CLUB,
    S_FRIEND,
    S_NEIGHBOUR,
    S_SCHOOL,
    S_WORK,
    VOLUNTEER,
    tie_draw,
)
from sim.world import World

#: Lockdown setting that governs new ties in each focus of :data:`sim.convoy.FOCUS_KINDS`.
_FOCUS_SETTING = (S_NEIGHBOUR, S_WORK, S_CLUB)


def update_closeness(world: World, weeks: int, kept: np.ndarray) -> None:
    """Grow or fade the closeness of every live tie over a block of weeks.

    Faded non-kin ties end; every other tie's new weekly value is cached and summed afresh
    into the intake (compiled passes over the ties after their contact rates).

    Args:
        world: The municipality.
        weeks: Length of the block.
        kept: Mean share of in-person contact kept per setting over the block (lockdowns).
    """
    ties, params = world.ties, world.params
    c, tp = params.contact, params.ties
    ids = ties.live()
    setting, rate = tie_rates(world.pop, ties, params, ids, world.contact_going())
    # Meaningful contact per unit of contact rate, by setting: the in-person share that the
    # measures kept, plus remote contact (and in-person contact a lockdown moved online) at
    # its emotional worth.
    in_person = 1 / (1 + np.asarray(c.remote_per_in_person, np.float32))
    substitute = np.asarray(c.substitution, np.float32)
    remote = (1 - in_person) + substitute * in_person * (1 - kept)
    worth = (in_person * kept + c.remote_weight_emotional * remote).astype(np.float32)
    rules = np.array([weeks, tp.growth_per_year / 52, tp.decay_per_year / 52,
                      tp.kin_decay_factor, tp.friend_at, tp.kin_floor, tp.end_below,
                      tp.distant_friend_decay_factor], np.float32)
    intake = world.intake
    intake.clear()
    ending = np.zeros(len(ids), np.bool_)

    def grow_or_fade(lo: int, hi: int) -> None:
        _grow_or_fade(ids[lo:hi], setting[lo:hi], rate[lo:hi], worth, rules, ties.kind,
                      ties.b, ties.closeness, ties.potential, ties.setting, ties.value_emotional,
                      ties.value_social, ties.network_rate, ending[lo:hi])

    def add_kept(lo: int, hi: int, rows: tuple[int, int]) -> None:
        _add_kept(ids[lo:hi], ending[lo:hi], ties.a, ties.b, ties.setting,
                  ties.value_emotional, ties.value_social, ties.network_rate, intake.sums,
                  intake.network, *rows)

    n = world.pop.n
    if n < SPLIT_SUMS_FROM:
        # The second core grows or fades the ties chunk by chunk while this one adds each
        # finished chunk to the intake (every row): the sums in the order of the ties.
        every_row = (0, len(intake.network))
        pipelined(len(ids), GROW_CHUNK, grow_or_fade,
                  lambda lo, hi: add_kept(lo, hi, every_row))
    else:  # each core adds to its own half of the residents: same sums, same order
        on_two_cores(len(ids), grow_or_fade)
        on_two_cores(n, lambda lo, hi: add_kept(0, len(ids), (lo, hi)))
    ties.remove(ids[ending])


@kernel
def _grow_or_fade(ids, setting, rate, worth, rules, kind, b, closeness, potential, tie_setting,
                  value_emotional, value_social, network, ending):  # pragma: no cover - compiled
    """New closeness of each tie after a block, and its new values cached.

    Kin fade at ``kin_decay_factor`` of the rate, friendships with someone elsewhere (kept
    up remotely, visited now and then) at ``distant_friend_decay_factor``. Marks the
    non-kin ties that faded out in ``ending`` (their values are left as they were).
    """
    weeks, growth, decay, kin_decay_factor = rules[0], rules[1], rules[2], rules[3]
    friend_at, kin_floor, end_below = rules[4], rules[5], rules[6]
    distant_friend_decay = decay * rules[7]
    for i in range(len(ids)):
        t = ids[i]
        k = kind[t]
        kin = k <= FAMILY
        # Chance of a week with meaningful contact (exp in double precision: as exact as
        # expm1 for small rates, and much faster).
        p = np.float32(1.0 - np.exp(-np.float64(rate[i] * worth[setting[i]])))
        fade = decay * kin_decay_factor if kin else (
            distant_friend_decay if k == FRIEND and b[t] < 0 else decay)
        close = closeness[t]
        close += weeks * (growth * (potential[t] - close) * p - fade * close * (1 - p))
        close = min(max(close, np.float32(0.0)), np.float32(1.0))
        # Friendships grow out of foci: close enough, a neighbour/colleague/club tie is a friend.
        if k > FRIEND and k != VOLUNTEER and close >= friend_at:
            kind[t] = FRIEND
        if kin:
            close = max(close, kin_floor)
        elif close < end_below:
            ending[i] = True
        closeness[t] = close
        if not ending[i]:
            s = setting[i]
            tie_setting[t] = s
            value_emotional[t], value_social[t], network[t] = value_of(s, rate[i], kind[t],
                                                                       close)


#: Ties per chunk when growing and summing overlap (:func:`sim.jit.pipelined`).
GROW_CHUNK = PIPELINE_CHUNK
#: Residents from which the intake sums of a maintenance pass are split over two cores. The
#: scattered additions wait on memory; each core reads every tie and adds to its own half
#: of the residents. At 100,000 residents that took 21 ms a pass, one plain pass 14 ms; at
#: 1,000,000, 385 ms against 465 ms (measured here, same sums either way).
SPLIT_SUMS_FROM = 500_000


@kernel
def _add_kept(ids, ending, a, b, setting, value_emotional, value_social, network, sums,
              network_sum, lo, hi):  # pragma: no cover - compiled
    """Add the values of the ties that go on to the intake of their ends in rows lo..hi.

    Each resident's sums are built in the order of the ties, whatever the rows.
    """
    if lo == 0 and hi >= len(network_sum):  # all rows: no ends to leave out
        for i in range(len(ids)):
            if not ending[i]:
                t = ids[i]
                add_to_ends(sums, network_sum, a[t], b[t], setting[t], value_emotional[t],
                            value_social[t], network[t])
        return
    for i in range(len(ids)):
        if ending[i]:
            continue
        t = ids[i]
        x, y = a[t], b[t]
        x = x if lo <= x < hi else -1
        y = y if lo <= y < hi else -1
        if x >= 0 or y >= 0:
            add_to_ends(sums, network_sum, x, y, setting[t], value_emotional[t],
                        value_social[t], network[t])


def outlive(world: World, weeks: int) -> None:
    """People elsewhere age and die too: end ties to those who died in the block.

    Their age is the resident's age plus the tie's ``age_gap``; they die at the Dutch
    mortality of that age (both sexes averaged). A close loss brings some grief.

    Args:
        world: The municipality.
        weeks: Length of the block.
    """
    ties, pop = world.ties, world.pop
    # One pass over the ties: each tie elsewhere's chance and its draw (Ties.draws).
    key, death = kernel_key(world.part_stream("outlive")), world.hazards.death.mean(axis=0)
    died = found_on_two_cores(ties.n, lambda lo, hi: _died_elsewhere(
        key, lo, hi, ties.alive, ties.a, ties.b, ties.age_gap, ties.potential.view(np.uint32),
        pop.age, death, np.float32(weeks)))
    close = died[ties.closeness[died] >= INNER]
    grieving = ties.a[close]
    grief = world.params.life.other_loss_grief * ties.closeness[close]
    np.maximum.at(pop.grief, grieving, grief.astype(np.float32))
    world.log("loss_elsewhere", unique(grieving))
    world.unlink(died)


@kernel
def _died_elsewhere(key, lo, hi, alive, a, b, age_gap, potential_bits, age, death, weeks
                    ):  # pragma: no cover - compiled
    """Ids ``lo..hi`` of live ties elsewhere whose person died within the block.

    Their age is the resident's plus the tie's gap; ``death`` is the weekly hazard by whole
    year of age (both sexes averaged), so the chances are worked out once per year of age
    (1 from age 105). A tie's draw is that of :meth:`sim.ties.Ties.draws`.
    """
    by_year = np.empty(len(death), np.float32)
    for year in range(len(death)):
        by_year[year] = np.float32(1.0) if year >= 105 else -np.expm1(-weeks * death[year])
    out = np.empty(hi - lo, np.int32)
    k = 0
    for t in range(lo, hi):
        if not alive[t] or b[t] != -1:
            continue
        alter_age = age[a[t]] + np.float32(age_gap[t])
        p = by_year[int(min(max(alter_age, np.float32(0.0)), np.float32(len(death) - 1)))]
        if tie_draw(key, a[t], b[t], potential_bits[t]) < p:
            out[k] = t
            k += 1
    return out[:k].copy()


def form_ties(world: World, weeks: int, kept: np.ndarray) -> None:
    """New acquaintances in the foci residents take part in.

    Args:
        world: The municipality.
        weeks: Length of the block.
        kept: Mean share of in-person contact kept per setting over the block.
    """
    pop, params = world.pop, world.params
    n = pop.n
    willing = pop.active[:n] * _willingness(world, n)
    for (kind, column, spread), index, rate, setting in zip(
            FOCUS_KINDS, world.focus, params.ties.new_ties_per_year, _FOCUS_SETTING,
            strict=True):
        rng = world.part_stream(f"form-{column}")
        focus = getattr(pop, column)[:n]
        if setting == S_WORK:  # pupils meet classmates at their own rate
            rate = np.where(in_class(focus), params.ties.class_new_ties_per_year, rate)
        chance = rate * weeks / 52 * willing * kept[setting] * (focus >= 0)
        if column == "neighbourhood":  # meeting places make neighbours meet
            chance = chance * world.place_boost[np.maximum(focus, 0)]
        if setting == S_WORK:  # schools close separately from work (studies count as school)
            school = focus >= SCHOOL_OFFSET
            chance = np.where(school, chance * kept[S_SCHOOL] / max(kept[S_WORK], 1e-6), chance)
        seekers = rows_where(rng.random(n, dtype=np.float32) < chance)
        # Who meets whom, and the new tie, keyed by the seeker and the pair: a run with a
        # policy package and the run without it form the same ties where they agree.
        key = kernel_key(rng)
        a, b = convoy.pair_in_focus(rng, index, seekers, focus[seekers], pop.age[seekers],
                                    convoy.age_spread(column, spread, focus[seekers]),
                                    world.ties, key)
        # The index may be weeks old: both must still live here and share the focus.
        ok = pop.active[a] & pop.active[b] & (focus[a] == focus[b])
        a, b = a[ok], b[ok]
        # Children's friendships grow out of their class: classmates draw the potential
        # closeness of friends (Knecht et al. 2011).
        pupils = in_class(focus[a])
        new = np.concatenate([
            convoy.add_ties(world.ties, rng, params, a[~pupils], b[~pupils], kind,
                            settled=False, key=key),
            convoy.add_ties(world.ties, rng, params, a[pupils], b[pupils], kind, settled=False,
                            key=key, potential_as=FRIEND)])
        world.value(new, fresh=True)


def _willingness(world: World, n: int) -> np.ndarray:
    """How readily each resident meets new people: ability to go out × (1 + sociability)."""
    return world.going_out()[:n] * (1 + world.pop.sociability[:n])


def replace_friends(world: World, weeks: int, kept: np.ndarray) -> None:
    """New friendships in place of those lost against one's will (network turnover).

    Older adults' networks lose members and gain new ones (Van Tilburg 1998; Cornwell &
    Laumann 2015); lost friends are substituted (Zettel & Rook 2004). A resident with a
    friendship to replace (``friends_missed``, see :meth:`sim.world.World.unlink`) seeks a
    new one at ``ties.replace_per_year``, as far as they go out (withdrawal, frailty) and
    private meetings are open (lockdowns). Those with a workplace or school grow new
    friendships there instead (colleague ties that grow close, :func:`update_closeness`) and
    do not seek here (:func:`sim.convoy.replaces_lost_friends`). A seeker finds someone of
    about their age (within three times :data:`sim.convoy.FRIEND_AGE_SPREAD`) anywhere in
    town who has a friendship to replace too: those who lost friends meet each other, and a
    new friendship settles one lost friendship at both ends, so replacement does not add
    friendships beyond those lost. The friendship starts as a new tie (low closeness) and
    grows with contact.

    Args:
        world: The municipality.
        weeks: Length of the block.
        kept: Mean share of in-person contact kept per setting over the block.
    """
    pop, params = world.pop, world.params
    n = pop.n
    missed = pop.friends_missed[:n]
    open_to = (pop.active[:n] & (missed > 0)
               & convoy.replaces_lost_friends(pop, slice(0, n)))
    rng = world.part_stream("replace")
    chance = (np.minimum(missed, 1) * open_to * _willingness(world, n) * kept[S_FRIEND]
              * -np.expm1(-params.ties.replace_per_year * weeks / 52))
    seekers = rows_where(rng.random(n, dtype=np.float32) < chance)
    pool = rows_where(open_to)
    if not len(seekers) or len(pool) < 2:
        return
    index = convoy.FocusIndex(pool, np.zeros(len(pool)), pop.age[pool])
    key = kernel_key(rng)  # who meets whom keyed by seeker and pair, as in form_ties
    a, b = convoy.pair_in_focus(rng, index, seekers, np.zeros(len(seekers)),
                                pop.age[seekers], convoy.FRIEND_AGE_SPREAD, world.ties, key)
    near = np.abs(pop.age[a] - pop.age[b]) <= 3 * convoy.FRIEND_AGE_SPREAD
    new = convoy.add_ties(world.ties, rng, params, a[near], b[near], FRIEND, settled=False,
                          key=key)
    world.value(new, fresh=True)
    ends = np.concatenate([world.ties.a[new], world.ties.b[new]])
    np.subtract.at(pop.friends_missed, ends, np.float32(1))
    np.maximum(pop.friends_missed[:n], 0, out=pop.friends_missed[:n])


def maintain(world: World, weeks: int, kept: np.ndarray) -> None:
    """One maintenance pass: closeness and fresh intake sums, endings, new ties.

    Args:
        world: The municipality.
        weeks: Length of the block.
        kept: Mean share of in-person contact kept per setting over the block.
    """
    world.refresh_going_out()
    update_closeness(world, weeks, kept)  # sums every tie's new value into the intake
    outlive(world, weeks)                 # the changes below keep the intake in step
    participation.change_clubs(world, weeks)  # people join and leave clubs at every age
    labour.change_work(world, weeks)          # and find and lose work at every working age
    form_ties(world, weeks, kept)
    replace_friends(world, weeks, kept)  # lost friends replaced by new ones
    fading.age_convoys(world, weeks)  # later life: narrower needs, fewer peripheral ties
    ties = world.ties
    if ties.n > 1.25 * np.count_nonzero(ties.alive[: ties.n]) + 1000:
        ties.compact()
