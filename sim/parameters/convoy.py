"""How the starting convoys are drawn (Antonucci convoys, Dunbar layers, Van Tilburg sizes)."""

from __future__ import annotations

from dataclasses import dataclass

from sim.parameters.declare import param


@dataclass(frozen=True)
class ConvoyParams:
    """Mean numbers of ties per resident at the start, by focus, and their closeness."""

    friends_by_band: tuple = param(
        (4.0, 5.0, 4.0, 3.5, 3.4, 3.2, 1.9), unit="mean friends, bands 0-17,18-24,25-44,45-64,"
        "65-74,75-84,85+", lo=0, hi=30,
        source="assumption — calibrated to Van Tilburg (LASA): network ~14 at 55-85, "
               "85+ about half of 70-84; peers die and frailty limits new friendships",
        doc="Mean number of friends at the start (age-homophilous, anywhere in town).")
    neighbours_mean: float = param(
        2.5, unit="ties", lo=0, hi=20, source="CBS: 59-69% of adults have weekly neighbour "
        "contact; assumption on the number", doc="Mean neighbour ties at the start.")
    colleagues_mean: float = param(
        4.0, unit="ties", lo=0, hi=30, source="assumption — calibrated",
        doc="Mean colleague (or classmate, fellow student) ties while working or studying.")
    club_mean: float = param(
        3.0, unit="ties", lo=0, hi=30, source="assumption — calibrated",
        doc="Mean ties with fellow members of one's club.")
    siblings_mean: float = param(
        1.8, unit="living siblings", lo=0, hi=10,
        source="CBS: completed fertility ~1.8-2.5 for the cohorts born 1935-1975 [derived]",
        doc="Mean number of living siblings below age 60 (fewer survive at older ages).")
    parents_alive: tuple = param(
        (2.0, 1.9, 1.6, 0.8, 0.2, 0.02), unit="living parents by band 18-24 .. 85+",
        lo=0, hi=2, source="assumption derived from CBS 37360ned survival at parents' ages",
        doc="Expected number of living parents.")
    grandchildren_by_band: tuple = param(
        (0.0, 0.0, 0.0, 0.5, 2.5, 3.5), lo=0, hi=20,
        unit="mean grandchildren in the convoy by band 18-24 .. 85+",
        source="assumption [unverified]: Dutch grandparents have ~4 grandchildren on average, "
               "of whom not all are close",
        doc="Grandchildren (outside the household) in the convoy of a resident with children, "
            "at each band's mean age (profiles.ADULT_BAND_MEANS; linear in between). In the "
            "run, grandchildren join at the pace this number rises with age "
            "(fading.grandchildren_grow_up).")
    sibling_survival: tuple = param(
        (1.0, 1.0, 1.0, 0.8, 0.55, 0.3), unit="share of siblings alive by band 18-24 .. 85+",
        lo=0, hi=1, source="assumption derived from CBS 37360ned survival",
        doc="Share of siblings still alive.")
    migrant_kin_local_factor: float = param(
        0.5, unit="multiplier", lo=0, hi=1,
        source="Fokkema et al.: older migrants' kin often live abroad [unverified]",
        doc="Multiplier on the share of kin living in town for residents with a migration "
            "background.")
    newcomer_kin_near_share: float = param(
        0.45, unit="share 0-1", lo=0, hi=1,
        source="[derived] CBS 2001 (most house moves within the same province): ~60% of "
               "movers between municipalities stay in their province; NIDI Demos 2024 (GGS): "
               "for 3/4 of Dutch parents their children aged 18-35 live within an hour; CBS "
               "2016 (afstand tot de moeder): ~half of 25-40-year-old parents live within "
               "5 km of their mother. 0.6 x 0.75 = 0.45, equal to the average profile's "
               "kin_local_share; assumption: kin nearby are met like kin in town",
        doc="Share of the parents, siblings, children and grandchildren of a newcomer (moved "
            "in, or a partner from elsewhere) who live near the municipality (ties.near): met "
            "in person like kin in town, not at the external rate. Times "
            "migrant_kin_local_factor for newcomers with a migration background.")
    potential_beta: tuple = param(
        (3.0, 2.1, 8.0, 2.0, 4.0, 3.0, 2.0, 4.5, 2.0, 4.5, 2.0, 4.5), unit="Beta (a, b) per kind: "
        "partner, family, friend, neighbour, colleague, club", lo=0.1, hi=100,
        source="assumption — calibrated: inner circle ~4-5 (Antonucci & Akiyama 1987; Dunbar "
               "support clique ~5)",
        doc="Closeness a tie tends to with regular contact, drawn per tie (the partner row: "
            "couples other than the low-support ones, low_support_share).")
    low_support_share: float = param(
        0.25, unit="share 0-1", lo=0, hi=1,
        source="Hsieh & Hawkley 2018 (J. Soc. Pers. Relat. 35:1319; NSHAP wave II, 953 "
               "couples aged 57+): about a fifth of marriages aversive (little support, much "
               "strain), 35 % of men and 42 % of women in purely supportive marriages, 39 % / "
               "25 % ambivalent (support with strain), the rest indifferent (little support, "
               "little strain): little support for about 25-33 %; De Jong Gierveld, Broese "
               "van Groenou, Hoogendoorn & Smit 2009 (J. Gerontol. B 64:497; LASA, married "
               "64-92): 1 in 4-5 moderately or strongly emotionally or socially lonely, more "
               "so without frequent emotional support from the spouse; value 0.25 within "
               "that range, the upper end (0.3) trialled (docs/CALIBRATION.md)",
        doc="Share of couples (together at the start, moving in, or forming in the run) whose "
            "partner gives little emotional support: their partner tie's potential closeness "
            "is drawn from low_support_beta (pop.low_support), and its loss grieves less "
            "(life.low_support_widowhood_grief). The same share of the residents widowed "
            "before the start lost such a partnership.")
    low_support_beta: tuple = param(
        (1.5, 4.5), unit="Beta (a, b)", lo=0.1, hi=100,
        source="assumption: a partner who gives little emotional support (De Jong Gierveld "
               "et al. 2009: no frequent emotional support from the spouse, rare "
               "conversations) is no closer than an acquaintance (mean 0.25; neighbour, "
               "colleague and club ties 0.31); Beta(1, 6), mean 0.14, trialled "
               "(docs/CALIBRATION.md)",
        doc="Closeness the partner tie of a low-support couple tends to (instead of the "
            "partner row of potential_beta, which the other couples keep).")
    inlaw_share: float = param(
        0.22, unit="share 0-1", lo=0, hi=1,
        source="assumption — calibrated: partners share family life, so each partner's parents "
               "and siblings are part of the other's convoy (in-laws; Kalmijn & Broese van "
               "Groenou 2005)",
        doc="Share of one's partner's parents and siblings who are also in one's own convoy.")
    inlaw_closeness: float = param(
        0.73, unit="multiplier", lo=0, hi=1,
        source="assumption: in-laws are on average less close than one's own kin",
        doc="Closeness and potential of an in-law tie relative to a tie with one's own kin.")
