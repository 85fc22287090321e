"""Health transitions and the loneliness-health loop."""

from __future__ import annotations

from dataclasses import dataclass

from sim.parameters.declare import param


@dataclass(frozen=True)
class HealthParams:
    """Health transitions and the loneliness-health loop."""

    decline_per_year_at_65: float = param(
        0.045, unit="per year", lo=0, hi=1,
        source="assumption — calibrated so that frailty stays near 13% (65-74) / 45% (85+), GGD "
               "Haaglanden 2016: after five years 11% / 26% (75-84) / 47% (20,000 residents, "
               "seed 1); at 0.03 it fell to 9% / 21% / 35%",
        doc="Yearly hazard of moving one health state down (good->chronic->frail) at age 65.")
    decline_doubling_years: float = param(
        9.0, unit="years", lo=1, hi=50,
        source="assumption — calibrated",
        doc="The decline hazard doubles every this many years of age.")
    recovery_per_year: float = param(
        0.08, unit="per year", lo=0, hi=1,
        source="assumption — calibrated (frailty is partly reversible; Gill et al. 2006)",
        doc="Yearly hazard of moving one health state up.")
    hearing_loss_by_age: tuple = param(
        (0.03, 0.08, 0.20, 0.45, 0.70), unit="share 0-1 at ages 55, 65, 75, 85, 95 (linear "
        "in between, constant outside)", lo=0, hi=1,
        source="[derived, approximate] Homans et al. 2017 (Laryngoscope 127:725; Rotterdam "
               "Study, 4,743 Dutch residents 52-99): hearing loss rises steeply with age, "
               "about half the residents of 85+; Goman & Lin 2016 (Am. J. Public Health "
               "106:1820): the prevalence about doubles each decade, 80+ the highest; WHO "
               "World Report on Hearing 2021: moderate or worse (>= 35 dB, better ear) for "
               "over a quarter of those over 60; values read as hearing loss that hampers "
               "conversation [unverified against the papers' tables]",
        doc="Share of residents, by age, whose hearing loss hampers conversation (contact."
            "hearing_social_worth). A resident's hearing rank is one keyed draw per row "
            "(stream 'hearing'), kept as the age from which the share passes it "
            "(pop.hearing_from), so once acquired the loss stays as the resident ages.")
    hearing_social_worth: float = param(
        0.8, unit="multiplier", lo=0, hi=1,
        source="Shukla et al. 2020 (Otolaryngol. Head Neck Surg. 163:622; review of 14 studies: "
               "hearing loss goes with loneliness and social isolation); Pronk et al. 2011 and "
               "2014 (Ear Hear. 32:1; J. Aging Health 26:703; LASA): hearing decline raises "
               "loneliness; Heffernan et al. 2016 (Int. J. Audiol. 55:S3): group and noisy "
               "settings are avoided; size assumption — calibrated on lonely 75-84 and 85+ "
               "(GGD 2020: 54 % and 66 %; docs/CALIBRATION.md, ninth session). At 1 every "
               "output is as without the mechanism",
        doc="Share of the social worth of contact (ties and taking part in foci) that a "
            "resident with hearing loss (hearing_loss_by_age) keeps: conversation in groups "
            "and in passing is lost first; the emotional worth of contact is left alone.")
    lonely_decline_rr: float = param(
        1.3, unit="relative risk", lo=1, hi=5,
        source="Holt-Lunstad et al. 2015 (loneliness OR ~1.26 mortality); Valtorta 2016",
        doc="Multiplier on health decline while loneliness is chronic.")
