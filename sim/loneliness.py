"""Weekly loneliness: fulfilment against one's own desires, with inertia, grief and adaptation.

For each resident (vectorised):

1. *Achieved* emotional and social fulfilment (0-1) from this week's intake (summed tie
   values weighted per setting, see :mod:`sim.contacts` and :mod:`sim.lockdown`), with
   diminishing returns: ``A = I / (I + scale)``.
2. The *relative gap* to the resident's own desired level, ``max(D - A, 0) / D``.
3. A *target* latent score: ``gain * gap * (1 - mastery_protection * mastery)``, scaled by the
   personal fluctuation's felt-gap factor, plus its additive part (and grief for the emotional
   side), capped at the subscale maximum (6 emotional, 5 social).
4. Latent loneliness moves toward its target with inertia; while loneliness is chronic, it
   recovers more slowly.
5. Desires adapt toward what is achieved (faster with mastery) and drift back to the
   resident's own baseline; grief fades at a personal pace; chronic loneliness builds
   withdrawal, which cuts out-of-home contact (see :func:`sim.contacts.out_of_home`).
"""

from __future__ import annotations

import numpy as np

from sim.lockdown import Weights
from sim.parameters import Params
from sim.population import EMPLOYED, STUDENT, Population
from sim.synth import SCHOOL_OFFSET

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


def participation(pop: Population, factors: tuple[float, float, float]) -> np.ndarray:
    """Open foci a resident takes part in this week (work, school/study, club).

    Args:
        pop: The population table.
        factors: ``(work, school, club)`` shares kept under lockdown measures.

    Returns:
        Participation count per row, float32 (an intervention group counts like a club).
    """
    n = pop.n
    work, school, club = factors
    employed = pop.work[:n] == EMPLOYED
    studying = (pop.work[:n] == STUDENT) & (pop.workplace[:n] >= SCHOOL_OFFSET)
    groups = (pop.club[:n] >= 0).astype(np.float32) + (pop.activity[:n] >= 0)
    return (employed * work + studying * school + groups * club).astype(np.float32)


def fulfilment(pop: Population, intake_emotional: np.ndarray, intake_social: np.ndarray,
               daily: np.ndarray, w: Weights, taking_part: np.ndarray, params: Params) -> None:
    """Set achieved emotional and social fulfilment and weekly contacts.

    Args:
        pop: The population table.
        intake_emotional: Summed emotional tie values per resident and setting.
        intake_social: Summed social tie values per resident and setting.
        daily: Ties with daily contact per resident.
        w: This week's setting weights.
        taking_part: Result of :func:`participation`.
        params: Model parameters.
    """
    n = pop.n
    lon = params.loneliness
    ie = intake_emotional[:n] @ w.emotional
    soc = intake_social[:n]
    is_ = soc @ w.social + lon.participation_weight * taking_part
    boost = pop.remote_boost[:n]
    if boost.any():  # video calling makes remote contact worth more
        ie += boost * (intake_emotional[:n] @ w.emotional_remote)
        is_ += boost * (soc @ w.social_remote)
    # Entrenched loneliness discounts what contact is worth (negative social cognition).
    worth = 1 - lon.withdrawal_discount * pop.withdrawal[:n]
    ie *= worth
    is_ *= worth
    pop.achieved_emotional[:n] = ie / (ie + lon.emotional_scale)
    pop.achieved_social[:n] = is_ / (is_ + lon.social_scale)
    pop.contacts[:n] = soc @ w.contacts
    pop.daily_contacts[:n] = daily[:n]


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
    respond = 1 - lon.mastery_protection * pop.mastery[:n]
    de, ds = pop.desired_emotional[:n], pop.desired_social[:n]
    gap_e = np.maximum(de - pop.achieved_emotional[:n], 0) / np.maximum(de, 0.05)
    gap_s = np.maximum(ds - pop.achieved_social[:n], 0) / np.maximum(ds, 0.05)
    # The personal fluctuation (a standard score) scales how strongly the gap is felt, and
    # adds a little of its own.
    z_e, z_s = pop.fluctuation[0, :n], pop.fluctuation[1, :n]
    sd = lon.fluctuation_gap_sd
    felt_e = np.exp(sd * z_e - sd * sd / 2)
    felt_s = np.exp(sd * z_s - sd * sd / 2)
    target_e = np.clip(lon.emotional_gain * gap_e * respond * felt_e
                       + lon.grief_weight * pop.grief[:n] + lon.fluctuation_sd * z_e, 0.0, 6.0)
    target_s = np.clip(lon.social_gain * gap_s * respond * felt_s + lon.fluctuation_sd * z_s,
                       0.0, 5.0)
    return target_e, target_s


def fluctuate(pop: Population, params: Params, rng: np.random.Generator) -> None:
    """Advance each resident's personal fluctuations one week (AR(1) processes).

    One for the emotional and one for the social side, correlated by
    ``fluctuation_correlation``. Uniform draws scaled to unit variance keep this cheap; over
    weeks the sum is near normal.

    Args:
        pop: The population table.
        params: Model parameters.
        rng: The loneliness stream.
    """
    n = pop.n
    lon = params.loneliness
    keep = np.float32(np.exp(-1 / lon.fluctuation_weeks))
    scale = np.float32(np.sqrt(1 - keep**2) * np.sqrt(12))  # stationary SD 1
    shock = rng.random((2, n), dtype=np.float32)
    shock -= np.float32(0.5)
    rho = np.float32(lon.fluctuation_correlation)
    shock[1] *= np.sqrt(1 - rho**2)
    shock[1] += rho * shock[0]
    wobble = pop.fluctuation[:, :n]
    wobble *= keep
    wobble += scale * shock


def update_latent(pop: Population, params: Params) -> None:
    """Move latent loneliness toward its target; adapt desires; fade grief; build withdrawal.

    Args:
        pop: The population table.
        params: Model parameters.
    """
    n = pop.n
    lon = params.loneliness
    target_e, target_s = targets(pop, params)
    chronic = pop.lonely_weeks[:n] >= lon.chronic_after_weeks
    usual = 1 / lon.inertia_weeks
    slow = np.where(chronic, usual / lon.chronic_inertia_factor, usual).astype(np.float32)
    em, so = pop.emotional[:n], pop.social[:n]
    # Chronic loneliness is slow to recover, but can deepen at the ordinary pace.
    em += np.where(target_e > em, usual, slow) * (target_e - em)
    so += np.where(target_s > so, usual, slow) * (target_s - so)
    # Grief fades with the personal half-life.
    grief = pop.grief[:n]
    grief *= np.exp2(-1 / pop.grief_halflife[:n])
    # Expectations: lowered toward what is achieved (faster with mastery), and drift back.
    adapt = lon.adaptation_per_year / 52 * pop.mastery[:n] * (1 + pop.adapt_boost[:n])
    back = lon.restore_per_year / 52
    for desired, achieved, base in (
            (pop.desired_emotional, pop.achieved_emotional, pop.desired_emotional_base),
            (pop.desired_social, pop.achieved_social, pop.desired_social_base)):
        d = desired[:n]
        d += adapt * np.minimum(achieved[:n] - d, 0) + back * (base[:n] - d)
    # Withdrawal builds while loneliness is chronic and fades otherwise.
    wd = pop.withdrawal[:n]
    wd += lon.withdrawal_per_year / 52 * (chronic - wd)


def answer_items(pop: Population, params: Params) -> None:
    """Each resident answers the 11 De Jong Gierveld items from their latent state.

    An item is endorsed (scored 1) when the latent level plus the resident's fixed personal
    response offset for that item exceeds the item's threshold. Sets the emotional (0-6),
    social (0-5) and DJG-6 (0-6) scores and the count of consecutive lonely weeks.

    Args:
        pop: The population table.
        params: Model parameters (the item thresholds).
    """
    n = pop.n
    off = pop.item_offset[:, :n]
    lon = params.loneliness
    scores = (pop.djg_emotional[:n], pop.djg_social[:n], pop.djg6[:n])
    for score in scores:
        score.fill(0)
    hit = np.empty(n, np.bool_)
    level = np.empty(n, np.float32)
    items = [(pop.emotional[:n], k, t, short) for k, t, short in zip(
        range(6), lon.emotional_thresholds, _E_SHORT, strict=True)]
    items += [(pop.social[:n], 6 + k, t, short) for k, t, short in zip(
        range(5), lon.social_thresholds, _S_SHORT, strict=True)]
    for latent, k, threshold, short in items:
        np.add(latent, off[k], out=level)
        np.greater(level, threshold, out=hit)
        subscale = scores[0] if k < 6 else scores[1]
        np.add(subscale, hit, out=subscale, casting="unsafe")
        if short:
            np.add(scores[2], hit, out=scores[2], casting="unsafe")
    lonely = (pop.djg_emotional[:n] + pop.djg_social[:n]) >= 3
    weeks = pop.lonely_weeks[:n]
    np.add(weeks, 1, out=weeks, where=lonely)
    weeks[~lonely] = 0
    np.minimum(weeks, 30000, out=weeks)


def settle(pop: Population, params: Params, rng: np.random.Generator, ids: np.ndarray) -> None:
    """Starting state: partly adapted desires, latent loneliness at its target, a history.

    Nobody's past is simulated, so the start stands in for it: desires are lowered part of
    the way toward what residents achieve (people have had time to adapt), grief of the
    widowed reflects a random time since the loss (up to 15 years), latent loneliness sits at
    its target, and those lonely now have been lonely for a random while (some chronically).

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
    # Equilibrium of adaptation and drift-back, reached part of the way.
    for desired, achieved in ((pop.desired_emotional, pop.achieved_emotional),
                              (pop.desired_social, pop.achieved_social)):
        d, a = desired[ids], achieved[ids]
        adapt = lon.adaptation_per_year * pop.mastery[ids]
        eq = (adapt * np.minimum(a, d) + lon.restore_per_year * d) / (adapt + lon.restore_per_year)
        desired[ids] = d + rng.random(len(ids)) * (eq - d)
    widowed = ids[pop.marital[ids] == 2]
    since = rng.uniform(0, 15 * 52, len(widowed))
    pop.grief[widowed] = np.exp2(-since / pop.grief_halflife[widowed])
    target_e, target_s = targets(pop, params)
    pop.emotional[ids] = target_e[ids]
    pop.social[ids] = target_s[ids]
    answer_items(pop, params)
    # How long each has been lonely, and the withdrawal it built, come from the warm-up
    # (LonelinessModel.warm_up), which starts everyone's count at zero.
    pop.lonely_weeks[ids] = 0
    pop.withdrawal[ids] = 0
