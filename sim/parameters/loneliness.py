"""From fulfilment to latent loneliness."""

from __future__ import annotations

from dataclasses import dataclass

from sim.parameters.declare import param


@dataclass(frozen=True)
class LonelinessParams:
    """From fulfilment to latent emotional and social loneliness."""

    emotional_scale: float = param(
        0.7, unit="closeness-weighted contacts", lo=0.01, hi=10,
        source="assumption — calibrated",
        doc="Emotional intake at which fulfilment reaches half of its maximum.")
    social_scale: float = param(
        4.6, unit="active ties", lo=0.1, hi=50,
        source="assumption — calibrated",
        doc="Social intake at which social fulfilment reaches half of its maximum.")
    participation_weight: float = param(
        1.25, unit="active ties per focus", lo=0, hi=10,
        source="assumption — calibrated: belonging to work, school or a club counts as breadth "
               "(with social_need_decline: the age pattern of GGD 2020, 75+ lonelier than all "
               "adults by 5-8 points; docs/CALIBRATION.md, sixth session)",
        doc="Social intake from each open focus a resident takes part in.")
    desired_emotional_mean: float = param(
        0.62, unit="share 0-1", lo=0, hi=1,
        source="assumption — calibrated (De Jong Gierveld 1987: desired relationships differ)",
        doc="Mean desired emotional fulfilment at start.")
    desired_social_mean: float = param(
        0.77, unit="share 0-1", lo=0, hi=1,
        source="assumption — calibrated",
        doc="Mean desired social fulfilment at start.")
    desired_spread: float = param(
        4.6, unit="beta concentration", lo=1, hi=200,
        source="assumption — calibrated: some people want very little",
        doc="Concentration of the Beta distribution of desired levels (higher: less spread).")
    emotional_gain: float = param(
        13.0, unit="DJG points per unit relative gap", lo=0, hi=50,
        source="assumption — calibrated",
        doc="How strongly the relative emotional gap raises latent emotional loneliness.")
    social_gain: float = param(
        15.0, unit="DJG points per unit relative gap", lo=0, hi=50,
        source="assumption — calibrated",
        doc="How strongly the relative social gap raises latent social loneliness.")
    mastery_protection: float = param(
        0.53, unit="share 0-1", lo=0, hi=1,
        source="Schoenmakers 2013; SCP: mastery protects; assumption — calibrated",
        doc="Share of the loneliness response removed at full mastery.")
    grief_weight: float = param(
        1.2, unit="emotional DJG points at full grief", lo=0, hi=6,
        source="Stroebe et al. 2007 (bereavement); assumption — calibrated",
        doc="Emotional loneliness added by fresh grief; fades with the resident's grief.")
    grief_halflife_weeks: tuple = param(
        (26.0, 104.0), unit="weeks (min, max)", lo=1, hi=520,
        source="Stroebe et al. 2007: grief lasts months to years, at a personal pace",
        doc="Range of personal grief half-lives, drawn uniformly per resident.")
    inertia_weeks: float = param(
        8.0, unit="weeks", lo=1, hi=104,
        source="assumption — calibrated: loneliness follows circumstances over weeks to months",
        doc="Time constant with which latent loneliness follows its target.")
    chronic_after_weeks: int = param(
        104, unit="weeks", lo=4, hi=1040,
        source="Martina & Stevens; DOMAIN.md: chronic = years long",
        doc="Weeks of continuous loneliness (DJG >= 3) after which it counts as chronic.")
    chronic_inertia_factor: float = param(
        3.0, unit="multiplier", lo=1, hi=20,
        source="DOMAIN.md: chronic loneliness responds little to changes; assumption",
        doc="Inertia multiplier while chronic: recovery is slower.")
    adaptation_per_year: float = param(
        0.67, unit="share of gap per year", lo=0, hi=2,
        source="Dykstra & De Jong Gierveld: lowering expectations is frequent and works; "
               "assumption — calibrated",
        doc="Rate at which desired levels move toward achieved levels, scaled by mastery.")
    restore_per_year: float = param(
        0.05, unit="share of difference per year", lo=0, hi=2,
        source="assumption — calibrated: expectations drift back to one's own standard",
        doc="Rate at which desired levels return to the resident's own baseline.")
    fluctuation_sd: float = param(
        1.0, unit="DJG points", lo=0, hi=5,
        source="assumption — calibrated: panel studies (e.g. LASA) find much turnover in who "
               "is lonely; the model does not see every small circumstance",
        doc="What the personal, slowly changing fluctuation (a standard score: unmodelled "
            "circumstances, mood) adds to both latent targets, in DJG points per standard "
            "deviation; it also scales the felt gap (fluctuation_gap_sd).")
    fluctuation_weeks: float = param(
        26.0, unit="weeks", lo=1, hi=520,
        source="assumption — calibrated",
        doc="Autocorrelation time of the personal fluctuation.")
    withdrawal_discount: float = param(
        0.53, unit="share 0-1", lo=0, hi=1,
        source="Cacioppo & Hawkley 2009: chronic loneliness biases social cognition — contact "
               "feels less rewarding; size assumption — calibrated",
        doc="Share of the worth of contact lost at full withdrawal (why light measures help "
            "the chronically lonely little).")
    vulnerability_sd: float = param(
        1.5, unit="DJG points per standard deviation", lo=0, hi=5,
        source="Boomsma et al. 2005 (Dutch twins: about half of the variance in loneliness is "
               "lasting and heritable); Cacioppo & Hawkley 2009 (stable differences in social "
               "cognition); size assumption — calibrated",
        doc="What a resident's lasting personal vulnerability (a standard score drawn once) "
            "adds to both latent targets, whatever their circumstances.")
    withdrawal_prone_share: float = param(
        0.2, unit="share 0-1", lo=0, hi=1,
        source="Cacioppo & Hawkley 2009 (the loop of hypervigilance and withdrawal runs in "
               "those whose social cognition turns negative); share assumption — calibrated",
        doc="Share of residents (the most vulnerable) in whom chronic loneliness builds "
            "withdrawal; 1: everyone.")
    warm_up_weeks: int = param(
        156, unit="weeks", lo=0, hi=1040,
        source="model design: long enough for desires and withdrawal to settle",
        doc="Weeks the personal dynamics run on the starting town before week 0.")
    settle_spell_weeks: int = param(
        312, unit="weeks", lo=0, hi=1040,
        source="model design: a resident whose circumstances make them lonely at the start "
               "has been lonely for a while; the length so far is unknown, so it is drawn "
               "uniformly up to this many weeks (assumption — calibrated: the start at the "
               "run's level of chronicity and withdrawal, experiments/drift.py)",
        doc="Longest time a resident lonely at the start, by circumstance rather than mood, "
            "has already been lonely (the warm-up carries the count on; see "
            "loneliness.spell_so_far).")
    settle_adaptation: float = param(
        0.4, unit="share 0-1", lo=0, hi=1,
        source="model design: residents have had years to adapt their desires before the "
               "start; assumption — calibrated (the start at the run's level of adaptation)",
        doc="Least share of the way from the drawn desires to the equilibrium of adaptation "
            "and drift-back that a resident's desires have gone at the start (each resident "
            "a uniform share between this and 1).")
    fluctuation_correlation: float = param(
        0.6, unit="correlation -1..1", lo=-1, hi=1,
        source="assumption — calibrated: emotional and social loneliness are distinct but "
               "correlated (De Jong Gierveld & Van Tilburg 2006, r ~ 0.3-0.4)",
        doc="Correlation between the emotional and social personal fluctuations.")
    withdrawal_per_year: float = param(
        0.8, unit="per year", lo=0, hi=5,
        source="Cacioppo & Hawkley 2009; assumption — calibrated",
        doc="Rate at which withdrawal builds while loneliness is chronic (and fades otherwise).")
    emotional_thresholds: tuple = param(
        (2.71, 1.41, 1.34, 5.30, 1.38, 4.00), unit="latent emotional level (0-6) per item, in "
        "the order of loneliness.EMOTIONAL_ITEMS", lo=0, hi=8,
        source="Van Tilburg 2020 (Gerontologist 61:e335, LASA 2019, Table 1): most items of a "
               "subscale are endorsed about equally often, so three items share a difficulty; "
               "values assumption — calibrated to the GGD subscale and total prevalences",
        doc="Latent emotional loneliness above which a resident endorses each emotional item.")
    social_thresholds: tuple = param(
        (2.78, 4.53, 1.15, 1.16, 1.18), unit="latent social level (0-5) per item, in the order of "
        "loneliness.SOCIAL_ITEMS", lo=0, hi=7,
        source="Van Tilburg 2020 (LASA 2019, Table 1): social items endorsed by 12-26 %, most "
               "by 'many people I can trust', least by 'people I can lean on' (order used); "
               "values assumption — calibrated to the GGD subscale and total prevalences",
        doc="Latent social loneliness above which a resident no longer endorses each social "
            "item.")
    social_need_from: float = param(
        55.0, unit="years", lo=18, hi=100,
        source="Carstensen 1992; Lang & Carstensen 1994 (socioemotional selectivity: with a "
               "shorter time horizon people invest in fewer, closer ties); onset assumption",
        doc="Age from which the social fulfilment a resident wants starts to fall.")
    social_need_until: float = param(
        80.0, unit="years", lo=18, hi=120,
        source="Lang & Carstensen 1994: in very old age networks shrink through losses "
               "(deaths, frailty) more than through choice; age assumption — calibrated",
        doc="Age after which the desired social level falls no further.")
    social_need_decline: float = param(
        0.16, unit="share of the desired social level per decade", lo=0, hi=0.5,
        source="Carstensen 1992; Lang & Carstensen 1994; Wrzus et al. 2013 (meta-analysis: the "
               "wider network shrinks across adulthood, the family network does not); size "
               "assumption — calibrated (0.18 until the sixth session: 75+ then only 3-5 "
               "points lonelier than all adults, GGD 2020 8; docs/CALIBRATION.md)",
        doc="How much of one's desired social fulfilment is given up per decade past "
            "social_need_from (the wish for close ties, emotional fulfilment, stays).")
    fluctuation_gap_sd: float = param(
        0.14, unit="log-scale standard deviation", lo=0, hi=3,
        source="assumption — calibrated: mood and unseen circumstances change how strongly a "
               "shortfall is felt (cognitive discrepancy model, De Jong Gierveld 1987); those "
               "without a shortfall are not made lonely by it",
        doc="Spread of the personal fluctuation as a factor on the felt gap (lognormal, mean 1).")
