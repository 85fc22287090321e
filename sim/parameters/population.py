"""How individual residents are drawn (assumptions and sourced shares)."""

from __future__ import annotations

from dataclasses import dataclass

from sim.parameters.declare import param


@dataclass(frozen=True)
class PopulationParams:
    """Individual attributes of synthetic residents."""

    female_share: tuple = param(
        (0.49, 0.49, 0.49, 0.50, 0.52, 0.56, 0.66), lo=0, hi=1,
        unit="share by band 0-17, 18-24, 25-44, 45-64, 65-74, 75-84, 85+",
        source="CBS 37296ned: women outnumber men from ~70; about two thirds of 85+ "
               "[unverified]",
        doc="Share of women by age band.")
    partnered_sex_ratio: tuple = param(
        (0.5, 0.95, 1.05, 1.2, 1.6, 4.5), lo=0.1, hi=10,
        unit="men's share living with a partner / women's, by adult band 18-24 .. 85+",
        source="CBS 2011 (S10): at 87, 50% of men and 11% of women live with a partner (85+: "
               "4.5); CBS via S7: 23% of men and 44% of women aged 70+ live alone (75-84: 1.6); "
               "women partner younger (CBS 37620); values between [derived, unverified]",
        doc="How much more often men than women of an age live with a partner at the start "
            "(women outlive their husbands, men marry younger women); the profile's share for "
            "both sexes together is kept. Each value holds at the band's mean age "
            "(profiles.ADULT_BAND_MEANS), linear in between.")
    with_parents_ages: tuple = param(
        (18.0, 18.5, 19.5, 21.5, 24.5, 27.5, 30.5, 35.5), unit="years", lo=18, hi=50,
        source="CBS figures by completed years of age (with_parents_shares), placed at the "
               "middle of the year; 18.0: the model's minors all live with their parents",
        doc="Ages at which the share living in the parental home is given (ascending); from "
            "the last one nobody starts out living with their parents.")
    with_parents_shares: tuple = param(
        (1.0, 0.88, 0.795, 0.59, 0.365, 0.17, 0.08, 0.02), unit="share 0-1 at with_parents_ages",
        lo=0.001, hi=1,
        source="CBS Jeugdmonitor, as reported by NOS, Woonbond and kamers.nl 2016-2019: living "
               "with a parent at 18: 88 % (2016), 19: 79.5 % (2017), 21: 66.6 % of men and "
               "51.9 % of women (2016), 24: 36.5 % (2017), 27: 17 % (2016); 30: from 27-30 "
               "about 15 % (CBS 2023) [derived]; 35: assumption. Mean over 18-24: 0.61 "
               "(leaving age ~23.5, CBS 2017)",
        doc="Share of young adults of an age living in the parental home, nationally; "
            "falls exponentially between the ages given. The profile's young_with_parents "
            "scales it at the start; the run's leaving hazard at each age is its rate of "
            "fall (sim.events.hazards.leaving_hazard).")
    mastery_beta: tuple = param(
        (6.0, 5.0), unit="Beta (a, b)", lo=0.1, hi=100,
        source="assumption: Pearlin mastery rescaled to 0-1, mean ~0.55",
        doc="Distribution of mastery (grip on one's life).")
    mastery_shifts: tuple = param(
        (0.10, 0.10, 0.08), unit="mastery points for (low income, disability, frailty)",
        lo=0, hi=1,
        source="SCP; Schoenmakers 2013: mastery is lower with poverty and poor health; sizes "
               "assumption",
        doc="How much lower mastery is with low income, a disability and frailty.")
    item_offset_sd: float = param(
        0.36, unit="latent points", lo=0, hi=3,
        source="assumption — calibrated: personal response style on survey items",
        doc="Spread of the fixed personal offsets with which a resident answers each DJG item.")
    single_parent_share: float = param(
        0.12, unit="relative chance", lo=0, hi=1,
        source="CBS: about one family in seven with children is a one-parent family [derived]",
        doc="Chance that a single adult, rather than a couple, is considered as a parent.")
    club_reductions: tuple = param(
        (0.3, 0.7, 0.7, 0.6), lo=0, hi=1,
        unit="multiplier for (frail, low income, disability, migrant 65+)",
        source="assumption: participation is lower with frailty, poverty, disability, and for "
               "older migrants (SCP)",
        doc="How much less likely these residents are to be club members.")
    work_turnover_per_year: float = param(
        0.1, unit="per year", lo=0, hi=2,
        source="CBS arbeidsmarktdynamiek: about 5 % of the employed lose work in a year "
               "(other than by retiring), most finding work again within the year; spells of "
               "a year or more, which a quarterly pass sees, about 2 % a year [unverified]: "
               "0.1 × (1 − 0.8) = 0.02; assumption (0.25 raised adult loneliness by 0.01, "
               "docs/CALIBRATION.md)",
        doc="Pace at which work follows its chance at each working age (the profile's "
            "employed): an employed resident loses work at this rate times (1 - chance), one "
            "without work finds it at this rate times the chance (sim.labour).")
    club_turnover_per_year: float = param(
        0.3, unit="per year", lo=0, hi=2,
        source="assumption: people join and leave clubs throughout life, memberships lasting "
               "years (about five on average at 0.3); chosen so that the share of members by "
               "age stays near the start's over ten years (experiments/drift.py, "
               "docs/CALIBRATION.md)",
        doc="Pace at which club membership follows its chance at each age (the profile's "
            "club_member, club_member_children and club_reductions): a member leaves at this "
            "rate times (1 - chance), a non-member joins at this rate times the chance.")
    frail_fewer_ties: float = param(
        0.6, unit="multiplier", lo=0, hi=1,
        source="assumption — calibrated",
        doc="Frail residents start with this share of the usual number of friends.")
