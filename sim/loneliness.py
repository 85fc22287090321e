"""Weekly loneliness: fulfilment against one's own desires, with inertia, grief and adaptation.

For each resident (compiled loops over all residents, see :mod:`sim.jit`):

1. *Achieved* emotional and social fulfilment (0-1) from this week's intake (summed tie
   values weighted per setting, see :mod:`sim.contacts` and :mod:`sim.lockdown`; the social
   worth lowered for those whose hearing loss hampers conversation, :mod:`sim.lasting`), with
   diminishing returns: ``A = I / (I + scale)``.
2. The *relative gap* to the resident's own desired level, ``max(D - A, 0) / D``.
3. A *target* latent score: ``gain * gap * (1 - mastery_protection * mastery)``, scaled by the
   personal fluctuation's felt-gap factor, plus its additive part, the lasting personal
   vulnerability (:mod:`sim.lasting`) and grief for the emotional side, capped at the subscale
   maximum (6 emotional, 5 social).
4. Latent loneliness moves toward its target with inertia; while loneliness is chronic, it
   recovers more slowly.
5. Desires adapt toward what is achieved (faster with mastery) and drift back to the
   resident's own baseline; grief fades at a personal pace; chronic loneliness builds
   withdrawal in the most vulnerable, which cuts out-of-home contact (see
   :func:`sim.contacts.out_of_home`).
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from sim.contacts import Intake
from sim.jit import exp32, inline, kernel, on_two_cores
from sim.lasting import prone_from
from sim.lockdown import Weights
from sim.parameters import LonelinessParams, Params
from sim.population import EMPLOYED, STUDENT, Population
from sim.rng import kernel_key, uniform_at
from sim.synth import SCHOOL_OFFSET
from sim.ties import INNER, PARTNER, Ties

#: DJG-11 emotional items (negatively worded; "yes" or "more or less" scores 1) and whether each
#: is in DJG-6. The latent level above which a resident endorses each item is the parameter
#: ``params.loneliness.emotional_thresholds`` (same order).
EMOTIONAL_ITEMS = (
    ("Ik mis een echt goede vriend of vriendin / I miss having a really close friend", False),
    ("Ik ervaar een leegte om mij heen / I experience a general sense of emptiness", True),
    ("Ik mis de gezelligheid om mij heen / I miss the pleasure of the company of others", False),
    ("Ik vind mijn kring van kennissen te beperkt / I find my circle of friends and "
     "acquaintances too limited", False),
    ("Ik mis mensen om mij heen / I miss having people around me", True),
    ("Vaak voel ik me in de steek gelaten / Often, I feel rejected", True),
)
#: DJG-11 social items (positively worded; "no" or "more or less" scores 1) and DJG-6
#: membership; thresholds: ``params.loneliness.social_thresholds``.
SOCIAL_ITEMS = (
    ("Er is altijd wel iemand in mijn omgeving bij wie ik met mijn dagelijkse probleempjes "
     "terecht kan / There is always someone I can talk to about my day-to-day problems", False),
    ("Er zijn genoeg mensen op wie ik in geval van narigheid kan terugvallen / There are plenty "
     "of people I can lean on when I have problems", True),
    ("Ik ken veel mensen op wie ik volledig kan vertrouwen / There are many people I can trust "
     "completely", True),
    ("Er zijn voldoende mensen met wie ik me nauw verbonden voel / There are enough people I "
     "feel close to", True),
    ("Ik kan iemand bellen als ik daar behoefte aan heb / I can call on my friends whenever I "
     "need them", False),
)
_E_SHORT = np.array([s for _, s in EMOTIONAL_ITEMS])
_S_SHORT = np.array([s for _, s in SOCIAL_ITEMS])


def fulfilment(pop: Population, intake: Intake, w: Weights,
               factors: tuple[float, float, float], params: Params) -> None:
    """Set achieved emotional and social fulfilment and weekly contacts.

    Per resident: the summed tie values weighted per setting by this week's weights (plus
    the remote part again for residents with video calling), social fulfilment from taking
    part in open foci (work, school, club, an intervention group), the discount that
    entrenched loneliness puts on what contact is worth (negative social cognition), and
    diminishing returns ``A = I / (I + scale)``.

    Args:
        pop: The population table.
        intake: Summed emotional and social tie values per resident and setting, and the
            own-network contacts a week.
        w: This week's setting weights.
        factors: ``(work, school, club)`` shares of those foci kept under lockdown measures.
        params: Model parameters.
    """
    fulfil = _fulfilment_rows(pop, intake, w, factors, params)
    on_two_cores(pop.n, lambda lo, hi: _fulfil(*fulfil(lo, hi)))


def live_week(pop: Population, intake: Intake, w: Weights, factors: tuple[float, float, float],
              params: Params, rng: np.random.Generator) -> None:
    """One week of every resident's fulfilment and inner life, then their DJG answers.

    In order, per resident: fulfilment (:func:`fulfilment`); the personal fluctuations take
    an AR(1) step (one emotional and one social, correlated by ``fluctuation_correlation``;
    uniform shocks scaled to unit variance); the targets of :func:`targets` follow; latent
    loneliness moves toward them with inertia (slower recovery while chronic); grief fades
    with the personal half-life; desires are lowered toward what is achieved (faster with
    mastery) and drift back to the personal baseline; withdrawal builds while loneliness is
    chronic and fades otherwise; and the resident answers the 11 items (see
    :func:`answer_items`). One pass per half of the residents: each resident's week reads
    only their own state.

    Args:
        pop: The population table.
        intake: The intake sums.
        w: This week's setting weights.
        factors: ``(work, school, club)`` shares of those foci kept under lockdown measures.
        params: Model parameters.
        rng: The loneliness stream (one key for two uniform draws per resident, made in the
            compiled loop: :func:`sim.rng.uniform_at`).
    """
    fulfil = _fulfilment_rows(pop, intake, w, factors, params)
    week, answer = _week_rows(pop, params, rng), _answer_rows(pop, params)
    on_two_cores(pop.n, lambda lo, hi: _live_week(fulfil(lo, hi), week(lo, hi),
                                                  answer(lo, hi)))


@kernel
def _live_week(fulfil, week, answer):  # pragma: no cover - compiled
    """The three kernels of :func:`live_week` on one half of the residents, in order."""
    _fulfil(*fulfil)
    _week(*week)
    _answer_all(*answer)


def _fulfilment_rows(pop: Population, intake: Intake, w: Weights,
                     factors: tuple[float, float, float], params: Params
                     ) -> Callable[[int, int], tuple]:
    """The arguments of :func:`_fulfil` for rows lo..hi (after the intake is weighed)."""
    n = pop.n
    lon = params.loneliness
    weights = np.stack([w.emotional, w.social, w.contacts, w.emotional_remote,
                        w.social_remote]).astype(np.float32)
    constants = np.array([*factors, lon.participation_weight, lon.withdrawal_discount,
                          lon.emotional_scale, lon.social_scale], np.float32)
    read = (pop.work, pop.workplace, pop.club, pop.activity, pop.remote_boost, pop.withdrawal,
            intake.weigh(n, weights), intake.network, pop.age, pop.hearing_from)
    written = (pop.achieved_emotional, pop.achieved_social, pop.contacts, pop.network_contacts)
    hearing_worth = np.float32(params.health.hearing_social_worth)
    return lambda lo, hi: (*(c[lo:hi] for c in read), constants, hearing_worth,
                           *(c[lo:hi] for c in written))


@kernel
def _fulfil(work, workplace, club, activity, boost, withdrawal, weighted, network_sum, age,
            hearing_from, constants, hearing_worth, achieved_e, achieved_s, contacts,
            network):  # pragma: no cover - compiled
    """Fulfilment per resident; see :func:`fulfilment`."""
    kept_work, kept_school, kept_club, taking_part_weight = (constants[0], constants[1],
                                                             constants[2], constants[3])
    discount, scale_e, scale_s = constants[4], constants[5], constants[6]
    for i in range(len(work)):
        # Video calling makes remote contact worth more.
        e = weighted[i, 0] + boost[i] * weighted[i, 3]
        s = weighted[i, 1] + boost[i] * weighted[i, 4]
        c = weighted[i, 2]
        # Open foci one takes part in: work, school, club and an intervention group.
        part = ((work[i] == EMPLOYED) * kept_work
                + ((work[i] == STUDENT) & (workplace[i] >= SCHOOL_OFFSET)) * kept_school
                + ((club[i] >= 0) + (activity[i] >= 0)) * kept_club)
        s += taking_part_weight * part
        worth = 1 - discount * withdrawal[i]
        e *= worth
        s *= worth
        # Hearing loss that hampers conversation: group talk and talk in passing lose worth.
        if age[i] > hearing_from[i]:
            s *= hearing_worth
        achieved_e[i] = e / (e + scale_e)
        achieved_s[i] = s / (s + scale_s)
        contacts[i] = c
        network[i] = network_sum[i]


def targets(pop: Population, params: Params) -> tuple[np.ndarray, np.ndarray]:
    """Latent emotional and social loneliness each resident's situation points to.

    Args:
        pop: The population table (fulfilment already computed).
        params: Model parameters.

    Returns:
        ``(emotional, social)`` targets per row (0-6 and 0-5).
    """
    n = pop.n
    lon = params.loneliness
    out = np.empty((2, n), np.float32)
    _targets(*_person(pop, n), _gains(lon), out)
    return out[0], out[1]


def _week_rows(pop: Population, params: Params, rng: np.random.Generator
               ) -> Callable[[int, int], tuple]:
    """The arguments of :func:`_week` for rows lo..hi (one key drawn from ``rng``)."""
    n = pop.n
    lon = params.loneliness
    key = kernel_key(rng)
    keep = np.exp(-1 / lon.fluctuation_weeks)
    rho = lon.fluctuation_correlation
    dynamics = np.array([
        keep, np.sqrt(1 - keep**2) * np.sqrt(12), rho, np.sqrt(1 - rho**2),  # stationary SD 1
        1 / lon.inertia_weeks, lon.chronic_after_weeks, lon.chronic_inertia_factor,
        lon.adaptation_per_year / 52, lon.restore_per_year / 52, lon.withdrawal_per_year / 52,
        prone_from(lon.withdrawal_prone_share),
    ], np.float32)
    rows = (*_person(pop, n), pop.grief_halflife[:n], pop.emotional[:n], pop.social[:n],
            pop.adapt_boost[:n], pop.desired_emotional_base[:n], pop.desired_social_base[:n],
            pop.withdrawal[:n], pop.lonely_weeks[:n])
    gains = _gains(lon)
    return lambda lo, hi: (*(c[lo:hi] for c in rows), gains, dynamics, key, lo)


def answer_items(pop: Population, params: Params) -> None:
    """Each resident answers the 11 De Jong Gierveld items from their latent state.

    An item is endorsed (scored 1) when the latent level plus the resident's fixed personal
    response offset for that item exceeds the item's threshold. Sets the emotional (0-6),
    social (0-5) and DJG-6 (0-6) scores and the count of consecutive lonely weeks.

    Args:
        pop: The population table.
        params: Model parameters (the item thresholds).
    """
    answer = _answer_rows(pop, params)
    on_two_cores(pop.n, lambda lo, hi: _answer_all(*answer(lo, hi)))


def _answer_rows(pop: Population, params: Params) -> Callable[[int, int], tuple]:
    """The arguments of :func:`_answer_all` for rows lo..hi."""
    thresholds = item_thresholds(params.loneliness)
    return lambda lo, hi: (hi - lo, pop.emotional[lo:hi], pop.social[lo:hi], pop.item_offset,
                           lo, thresholds, _SHORT, pop.djg_emotional[lo:hi],
                           pop.djg_social[lo:hi], pop.djg6[lo:hi], pop.lonely_weeks[lo:hi])


def item_thresholds(lon: LonelinessParams) -> np.ndarray:
    """Latent level above which each of the 11 items is endorsed (emotional, then social).

    Args:
        lon: Loneliness parameters.

    Returns:
        float32 array of 11 thresholds.
    """
    return np.array([*lon.emotional_thresholds, *lon.social_thresholds], np.float32)


#: DJG-6 membership of the 11 items (6 emotional, then 5 social).
_SHORT = np.concatenate([_E_SHORT, _S_SHORT]).astype(np.bool_)


def _person(pop: Population, n: int) -> tuple[np.ndarray, ...]:
    """The columns the targets read, in the order of :func:`_target_of`."""
    return (pop.mastery[:n], pop.desired_emotional[:n], pop.desired_social[:n],
            pop.achieved_emotional[:n], pop.achieved_social[:n], pop.grief[:n],
            pop.fluctuation[0, :n], pop.fluctuation[1, :n], pop.vulnerability[:n])


def _gains(lon: LonelinessParams) -> np.ndarray:
    """The parameters of the targets, in the order :func:`_target_of` reads them."""
    return np.array([lon.mastery_protection, lon.emotional_gain, lon.social_gain,
                     lon.grief_weight, lon.fluctuation_sd, lon.fluctuation_gap_sd,
                     lon.vulnerability_sd], np.float32)


@inline
def _target_of(mastery, desired_e, desired_s, achieved_e, achieved_s, grief, wobble_e, wobble_s,
               vulnerable, gains):  # pragma: no cover - compiled
    """Target emotional and social latent loneliness of one resident (see :func:`targets`).

    The personal fluctuations (standard scores) scale how strongly the gap is felt
    (log-normally, mean 1) and add a little of their own.
    """
    protection, emotional_gain, social_gain, grief_weight = gains[0], gains[1], gains[2], gains[3]
    own, felt = gains[4], gains[5]
    zero = np.float32(0.0)
    respond = 1 - protection * mastery
    gap_e = max(desired_e - achieved_e, zero) / max(desired_e, np.float32(0.05))
    gap_s = max(desired_s - achieved_s, zero) / max(desired_s, np.float32(0.05))
    mean_one = felt * felt / 2
    felt_e = exp32(felt * wobble_e - mean_one)
    felt_s = exp32(felt * wobble_s - mean_one)
    lasting = gains[6] * vulnerable
    te = emotional_gain * gap_e * respond * felt_e + grief_weight * grief + own * wobble_e
    ts = social_gain * gap_s * respond * felt_s + own * wobble_s
    te += lasting
    ts += lasting
    return min(max(te, zero), np.float32(6.0)), min(max(ts, zero), np.float32(5.0))


@kernel
def _targets(mastery, desired_e, desired_s, achieved_e, achieved_s, grief, wobble_e, wobble_s,
             vulnerable, gains, out):  # pragma: no cover - compiled
    for i in range(len(mastery)):
        out[0, i], out[1, i] = _target_of(mastery[i], desired_e[i], desired_s[i], achieved_e[i],
                                          achieved_s[i], grief[i], wobble_e[i], wobble_s[i],
                                          vulnerable[i], gains)


@kernel
def _answer_all(n, emotional, social, offset, first, thresholds, short, djg_e, djg_s, djg6,
                lonely_weeks):  # pragma: no cover - compiled
    """DJG answers from the latent state (see :func:`answer_items`).

    ``offset`` is the whole (items, rows) table; the residents are its columns ``first`` to
    ``first + n``. Item by item over the residents: branch-free loops over contiguous rows of
    the table, which the compiler turns into vector code (with a column slice of the table
    passed in, whose rows the compiler cannot know to be contiguous, this took 8× as long).
    """
    djg_e[:n] = 0
    djg_s[:n] = 0
    djg6[:n] = 0
    for k in range(len(thresholds)):
        latent = emotional if k < 6 else social
        score = djg_e if k < 6 else djg_s
        row, threshold, in_short = offset[k, first:first + n], thresholds[k], np.int8(short[k])
        for i in range(n):
            hit = np.int8(latent[i] + row[i] > threshold)
            score[i] += hit
            djg6[i] += hit * in_short
    for i in range(n):
        lonely_weeks[i] = min(lonely_weeks[i] + 1, 30000) * (djg_e[i] + djg_s[i] >= 3)


@kernel
def _week(mastery, desired_e, desired_s, achieved_e, achieved_s, grief, wobble_e, wobble_s,
          vulnerable, halflife, emotional, social, adapt_boost, base_e, base_s, withdrawal,
          lonely_weeks, gains, dynamics, key, first):  # pragma: no cover - compiled
    """One week's inner life per resident; see :func:`live_week`.

    The columns are rows ``first ..`` of the table; row ``r``'s two shocks are draws
    ``2r`` and ``2r + 1`` of the week's key. A few simple loops rather than one long one:
    the compiler turns each into vector code.
    """
    keep, scale, rho, rest = dynamics[0], dynamics[1], dynamics[2], dynamics[3]
    usual, chronic_after, chronic_factor = dynamics[4], dynamics[5], dynamics[6]
    adaptation, restore, withdrawal_rate = dynamics[7], dynamics[8], dynamics[9]
    prone_from = dynamics[10]
    half, zero, one = np.float32(0.5), np.float32(0.0), np.float32(1.0)
    slow = usual / chronic_factor
    n = len(mastery)
    for i in range(n):
        row = 2 * (first + i)
        shock_e = uniform_at(key, row) - half
        shock_s = (uniform_at(key, row + 1) - half) * rest + rho * shock_e
        wobble_e[i] = keep * wobble_e[i] + scale * shock_e
        wobble_s[i] = keep * wobble_s[i] + scale * shock_s
    for i in range(n):
        te, ts = _target_of(mastery[i], desired_e[i], desired_s[i], achieved_e[i],
                            achieved_s[i], grief[i], wobble_e[i], wobble_s[i], vulnerable[i],
                            gains)
        # Chronic loneliness is slow to recover, but can deepen at the ordinary pace.
        recover = slow if lonely_weeks[i] >= chronic_after else usual
        e, s = emotional[i], social[i]
        emotional[i] = e + (usual if te > e else recover) * (te - e)
        social[i] = s + (usual if ts > s else recover) * (ts - s)
    for i in range(n):
        if grief[i] > zero:  # most residents grieve nobody
            grief[i] *= np.exp2(-one / halflife[i])
    for i in range(n):
        # Expectations: lowered toward what is achieved (faster with mastery), drift back.
        adapt = adaptation * mastery[i] * (one + adapt_boost[i])
        d_e, d_s = desired_e[i], desired_s[i]
        desired_e[i] = d_e + adapt * min(achieved_e[i] - d_e, zero) + restore * (base_e[i] - d_e)
        desired_s[i] = d_s + adapt * min(achieved_s[i] - d_s, zero) + restore * (base_s[i] - d_s)
        # Withdrawal builds while loneliness is chronic and fades otherwise.
        chronic = np.float32((lonely_weeks[i] >= chronic_after)
                             & (vulnerable[i] >= prone_from))
        withdrawal[i] += withdrawal_rate * (chronic - withdrawal[i])


def settle(pop: Population, params: Params, rng: np.random.Generator, ids: np.ndarray) -> None:
    """Starting state: partly adapted desires, latent loneliness at its target, a history.

    Nobody's past is simulated, so the start stands in for it: desires are lowered part of
    the way toward what residents achieve (people have had time to adapt; at least
    ``settle_adaptation`` of the way), grief of the widowed reflects a random time since the
    loss (up to 15 years; less for a partner who gave little support,
    ``life.low_support_widowhood_grief``), latent loneliness sits at its target, and those
    lonely now have been lonely for a random while (:func:`spell_so_far`). Withdrawal starts
    at zero and builds in the warm-up (``LonelinessModel.warm_up``) for those whose spell
    turns chronic.

    Args:
        pop: The population table (fulfilment already computed).
        params: Model parameters.
        rng: The population stream.
        ids: Residents to settle.
    """
    lon = params.loneliness
    first = rng.normal(0, 1, len(ids))
    rho = lon.fluctuation_correlation
    pop.fluctuation[0, ids] = first
    pop.fluctuation[1, ids] = rho * first + np.sqrt(1 - rho**2) * rng.normal(0, 1, len(ids))
    pop.desired_emotional_base[ids] = pop.desired_emotional[ids]
    pop.desired_social_base[ids] = pop.desired_social[ids]
    # Equilibrium of adaptation and drift-back, reached part of the way: a random share
    # between settle_adaptation and all of it.
    for desired, achieved in ((pop.desired_emotional, pop.achieved_emotional),
                              (pop.desired_social, pop.achieved_social)):
        d, a = desired[ids], achieved[ids]
        adapt = lon.adaptation_per_year * pop.mastery[ids]
        eq = (adapt * np.minimum(a, d) + lon.restore_per_year * d) / (adapt + lon.restore_per_year)
        part = lon.settle_adaptation + (1 - lon.settle_adaptation) * rng.random(len(ids))
        desired[ids] = d + part * (eq - d)
    widowed = ids[pop.marital[ids] == 2]
    since = rng.uniform(0, 15 * 52, len(widowed))
    # A partner who gave little support leaves less grief (Carr et al. 2000).
    loss = np.where(pop.low_support[widowed], params.life.low_support_widowhood_grief, 1.0)
    pop.grief[widowed] = loss * np.exp2(-since / pop.grief_halflife[widowed])
    target_e, target_s = targets(pop, params)
    pop.emotional[ids] = target_e[ids]
    pop.social[ids] = target_s[ids]
    answer_items(pop, params)
    pop.lonely_weeks[ids] = spell_so_far(pop, params, rng, ids)
    pop.withdrawal[ids] = 0


def spell_so_far(pop: Population, params: Params, rng: np.random.Generator,
                 ids: np.ndarray) -> np.ndarray:
    """Weeks each resident has already been lonely when the town starts.

    A resident lonely at the start (DJG-11 >= 3) did not become lonely this week. One whose
    circumstances alone make them lonely (the answers they would give at their target
    without the passing fluctuation) has been lonely for a while: the spell began uniformly
    between now and ``settle_spell_weeks`` ago. One whose loneliness rests on a passing mood
    began it within the fluctuation's time scale (``fluctuation_weeks``). The others' count
    is zero. The warm-up (``LonelinessModel.warm_up``) carries the counts on, so that spells
    that last pass ``chronic_after_weeks`` and build withdrawal, as they would have before
    the start.

    Args:
        pop: The population table (fulfilment computed, answers given).
        params: Model parameters.
        rng: The population stream.
        ids: Residents to settle.

    Returns:
        Weeks lonely so far, per resident of ``ids``.
    """
    lon = params.loneliness
    lonely = (pop.djg_emotional[ids] + pop.djg_social[ids]) >= 3
    lasting = lonely & (_calm_score(pop, params, ids) >= 3)
    longest = np.where(lasting, lon.settle_spell_weeks, lon.fluctuation_weeks)
    weeks = np.floor(rng.random(len(ids)) * (longest + 1))
    return np.where(lonely, weeks, 0).astype(pop.lonely_weeks.dtype)


def _calm_score(pop: Population, params: Params, ids: np.ndarray) -> np.ndarray:
    """DJG-11 each resident would answer at their target without the personal fluctuation."""
    saved = pop.fluctuation[:, ids].copy()
    pop.fluctuation[:, ids] = 0
    target_e, target_s = targets(pop, params)
    pop.fluctuation[:, ids] = saved
    count = len(ids)
    emotional, social, short = (np.zeros(count, np.int8) for _ in range(3))
    _answer_all(count, target_e[ids], target_s[ids], pop.item_offset[:, ids], 0,
                item_thresholds(params.loneliness), _SHORT, emotional, social, short,
                np.zeros(count, pop.lonely_weeks.dtype))  # counts of this week: not kept
    return emotional.astype(np.int32) + social


def mourn_past_losses(pop: Population, ties: Ties, death: np.ndarray, params: Params,
                      rng: np.random.Generator) -> None:
    """Grief for close relatives and friends who died in the years before the start.

    In the run, the death of someone in the inner circle raises grief to
    ``life.other_loss_grief`` × closeness, which fades at the resident's own pace. The
    starting town has lived through such losses too: each resident loses a close tie at the
    summed death rate of the people now in their inner circle (their partner aside, whose
    loss makes one widowed, see :func:`settle`), so the time since the last loss is drawn
    from the exponential distribution of that rate, and the grief left is what that loss,
    at the mean closeness of those ties, has faded to since.

    Args:
        pop: The population table.
        ties: The tie store (the starting convoys).
        death: Weekly death hazard by sex and age (``hazards.death``).
        params: Model parameters.
        rng: A stream of its own.
    """
    n = pop.n
    ids = ties.live()
    ids = ids[(ties.closeness[ids] >= INNER) & (ties.kind[ids] != PARTNER)]
    a, b, close = ties.a[ids], ties.b[ids], ties.closeness[ids]
    inside = b >= 0
    other_age = np.where(inside, pop.age[np.maximum(b, 0)], pop.age[a] + ties.age_gap[ids])
    by_age = death.mean(axis=0)
    top = len(by_age) - 1
    dies = by_age[np.clip(other_age, 0, top).astype(np.int64)]  # a loses b
    dies_a = by_age[np.clip(pop.age[a], 0, top).astype(np.int64)]  # b loses a
    ends = np.concatenate([a, b[inside]])
    hazard = np.concatenate([dies, dies_a[inside]])
    weighted = np.concatenate([close * dies, (close * dies_a)[inside]])
    rate = np.bincount(ends, hazard, minlength=n)
    mean_close = np.bincount(ends, weighted, minlength=n) / np.maximum(rate, 1e-12)
    mourners = np.flatnonzero(pop.active[:n] & (rate > 0))
    since = rng.exponential(1 / rate[mourners])
    grief = (params.life.other_loss_grief * mean_close[mourners]
             * np.exp2(-since / pop.grief_halflife[mourners]))
    pop.grief[mourners] = np.maximum(pop.grief[mourners], grief.astype(np.float32))
