"""Demographic and life-event rates (Dutch figures, see ``../shared/FACTS.md`` sources)."""

from __future__ import annotations

from dataclasses import dataclass

from sim.parameters.declare import param


@dataclass(frozen=True)
class EventParams:
    """Yearly rates of life events; each weekly hazard is rate / 52."""

    mortality_q_men: tuple = param(
        (61.0, 0.00694, 81.0, 0.0569), unit="(age, q, age, q)", lo=0, hi=120,
        source="CBS 37360ned 2023 period life table, men: q61 and q81; Gompertz between them",
        doc="Two anchors of men's yearly death probability; a Gompertz curve passes through both.")
    mortality_q_women: tuple = param(
        (70.0, 0.012, 80.0, 0.037), unit="(age, q, age, q)", lo=0, hi=120,
        source="FACTS.md section 3: women q70 ~0.012, q80 ~0.037 [unverified, derived]",
        doc="Two anchors of women's yearly death probability; a Gompertz curve through both.")
    mortality_floor: float = param(
        0.0003, unit="per year", lo=0, hi=0.01,
        source="CBS 37360ned: q at ages 20-40 is 0.0002-0.0008",
        doc="Age-independent (Makeham) part of mortality.")
    health_mortality_rr: tuple = param(
        (0.6, 1.0, 2.5), unit="relative risk (good, chronic, frail)", lo=0, hi=20,
        source="assumption — calibrated (frailty roughly doubles mortality; Kojima 2018)",
        doc="Mortality multiplier by health state.")
    divorce_per_year: float = param(
        0.0082, unit="per married person per year", lo=0, hi=0.2,
        source="CBS 37890 (2020): 8.1 (men) and 8.4 (women) per 1,000 married",
        doc="Average yearly divorce hazard of a partnered resident.")
    divorce_age_profile: tuple = param(
        (1.6, 1.6, 1.3, 0.7, 0.25, 0.1), unit="relative rate by band 18-24,25-34,35-44,45-64,"
        "65-74,75+", lo=0, hi=10,
        source="CBS: divorce peaks after 5-15 years of marriage; assumption — calibrated",
        doc="Multiplier on the divorce hazard by age band of the resident.")
    divorce_vulnerability_ratio: float = param(
        1.25, unit="hazard ratio per standard deviation of vulnerability", lo=1, hi=4,
        source="Karney & Bradbury 1995 (meta-analysis: neuroticism and negative affect predict "
               "divorce); size assumption — calibrated",
        doc="How much more often the more vulnerable divorce (loneliness.vulnerability_sd): "
            "each partner's half of the couple's hazard is multiplied by this ratio per "
            "standard deviation (mean 1 over the population; at most three deviations). The "
            "divorced at the start and among newcomers are selected alike (their "
            "vulnerability shifted by its logarithm).")
    partnering_per_year: tuple = param(
        (0.06, 0.075, 0.045, 0.02, 0.006, 0.002), unit="per single person per year by band "
        "18-24,25-34,35-44,45-64,65-74,75+", lo=0, hi=1,
        source="assumption — calibrated so that the partnered share stays near CBS 37620",
        doc="Hazard that a single resident starts living with a partner.")
    births_per_year: float = param(
        0.135, unit="per partnered woman aged 25-40 per year", lo=0, hi=1,
        source="CBS: total fertility 1.43 (2023), nearly all at ages 25-40: 1.43 / 15 years / "
               "~0.7 partnered [derived]",
        doc="Birth hazard of a partnered woman of childbearing age.")
    move_ages: tuple = param(
        (18.0, 25.0, 30.0, 40.0, 50.0, 60.0, 70.0, 80.0, 100.0), unit="years", lo=0, hi=120,
        source="CBS Statistische Trends 2020 (verhuisgedrag van zestigers), moves in 2017",
        doc="Ages at which the moving rates below are given.")
    move_rates: tuple = param(
        (0.20, 0.27, 0.20, 0.10, 0.058, 0.040, 0.036, 0.05, 0.05), unit="moves per year",
        lo=0, hi=1,
        source="CBS Statistische Trends 2020 [S13] (age 25: 27%, 30: 20%, 40: 10%, 50: 5.8%, "
               "60: 4.0%, 70: 3.6%); 80+ ~5% [unverified]",
        doc="Share of residents of an age who move house in a year (within and out of town).")
    move_out_shares: tuple = param(
        (0.55, 0.5, 0.45, 0.35, 0.3, 0.25, 0.2, 0.15, 0.1), unit="share 0-1 at move_ages",
        lo=0, hi=1,
        source="CBS: about 40% of all moves cross a municipal border, fewer at older ages "
               "(most moves of older people are local) [unverified]",
        doc="Share of moves that leave the municipality (the household moves out), by age.")
    leave_home_out_share: float = param(
        0.45, unit="share 0-1", lo=0, hi=1,
        source="assumption: many young adults leave town to study or work",
        doc="Share of young adults leaving home who leave the municipality.")
    care_home_per_year: float = param(
        0.045, unit="per frail resident aged 75+ per year", lo=0, hi=1,
        source="calibrated to 7.6% of 75+ in care homes (CBS via TvGG 2020, FACTS.md S16), "
               "kept over ten years: 7.3% at the start, 8.2% after ten years (at 0.06: 9.8%; "
               "experiments/demography.py, docs/CALIBRATION.md)",
        doc="Hazard that a frail resident aged 75 or more enters a care home.")
    retirement_age: float = param(
        67.0, unit="years", lo=55, hi=75,
        source="AOW age 66y4m (2019-2021), 67 from 2024 (Rijksoverheid); simplified to 67",
        doc="Age at which working residents retire.")
    in_migration_ages: tuple = param(
        (0.0, 17.0, 18.0, 22.0, 28.0, 35.0, 45.0, 65.0, 85.0), unit="years", lo=0, hi=110,
        source="CBS: movers between municipalities are mostly aged 20-35 [unverified]",
        doc="Ages where the in-migration age density is given.")
    in_migration_density: tuple = param(
        (0.5, 0.3, 0.3, 1.0, 1.0, 0.5, 0.25, 0.1, 0.05), unit="relative density", lo=0,
        hi=10, source="assumption: shape of the in-migrant age distribution (children arrive "
                      "with their parents)",
        doc="Relative density of in-migrant ages at the ages above (linear between).")
