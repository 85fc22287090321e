"""Contact rates and the worth of a contact."""

from __future__ import annotations

from dataclasses import dataclass

from sim.parameters.declare import param


@dataclass(frozen=True)
class ContactParams:
    """How often convoy members meet, and what a contact is worth."""

    partner_per_week: float = param(
        7.0, unit="contacts per week", lo=0, hi=14,
        source="assumption: partners who live together see each other daily",
        doc="In-person contact rate with a co-resident partner or household member.")
    family_per_week: float = param(
        0.8, unit="contacts per week", lo=0, hi=7,
        source="CBS Sociale samenhang: >80% of adults have weekly family contact (any mode); "
               "in-person share assumption — calibrated",
        doc="Base in-person contact rate with a relative in town (times 0.4 + "
            "closeness_rate_gain x closeness).")
    friend_per_week: float = param(
        0.6, unit="contacts per week", lo=0, hi=7,
        source="CBS Sociale samenhang 2022: weekly contact with friends 88% (15-34), 67% (65+); "
               "assumption — calibrated",
        doc="In-person contact rate with a close friend.")
    neighbour_per_week: float = param(
        1.0, unit="contacts per week", lo=0, hi=7,
        source="CBS Nederland in cijfers 2023: weekly neighbour contact 41-69% by age",
        doc="In-person contact rate with a neighbour while both live in the neighbourhood.")
    colleague_per_week: float = param(
        3.0, unit="contacts per week", lo=0, hi=7,
        source="assumption: a working week of 3-5 days with shared work contact",
        doc="In-person contact rate with a colleague or classmate while the focus is shared.")
    club_per_week: float = param(
        1.0, unit="contacts per week", lo=0, hi=7,
        source="assumption: weekly club, faith or activity meeting",
        doc="In-person contact rate with a fellow member while both are members.")
    lapsed_per_week: float = param(
        0.08, unit="contacts per week", lo=0, hi=1,
        source="assumption — calibrated (a few meetings a year after a focus ends)",
        doc="In-person contact rate on a non-kin tie whose shared focus has ended.")
    closeness_rate_gain: float = param(
        1.0, unit="multiplier per unit closeness", lo=0, hi=5,
        source="assumption: closer ties are met more often (Hill & Dunbar 2003 layer frequencies)",
        doc="Contact rate is multiplied by (0.4 + gain x closeness).")
    external_in_person_share: float = param(
        0.15, unit="share 0-1", lo=0, hi=1,
        source="assumption: relatives elsewhere are mostly phoned, visited a few times a year",
        doc="Share of contact with relatives outside the municipality that is in person.")
    remote_per_in_person: tuple = param(
        (0.0, 0.6, 0.5, 0.05, 0.2, 0.1, 0.1, 6.0, 0.6),
        unit="remote contacts per in-person contact", lo=0, hi=20,
        source="assumption — calibrated; order: household, family, friend, neighbour, work, "
               "school, club, external family, care home",
        doc="Remote (phone, video, messages) contact per unit of in-person contact, by setting.")
    remote_weight_emotional: float = param(
        0.3, unit="share 0-1", lo=0, hi=1,
        source="DOMAIN.md / Van Tilburg et al. 2020: online contact replaces close contact poorly",
        doc="What a remote contact is worth for emotional fulfilment, relative to in person.")
    remote_weight_social: float = param(
        0.6, unit="share 0-1", lo=0, hi=1,
        source="assumption — calibrated: remote contact keeps a wider circle in view",
        doc="What a remote contact is worth for social fulfilment, relative to in person.")
    frail_mobility: float = param(
        0.7, unit="share 0-1", lo=0, hi=1,
        source="CBS 85454NED: ADL limitations 24% of 75+; assumption — calibrated (0.61 "
               "before the start lost its step in frailty at 65, docs/CALIBRATION.md)",
        doc="Share of out-of-home in-person contact a frail resident can still keep.")
    chronic_mobility: float = param(
        0.9, unit="share 0-1", lo=0, hi=1,
        source="assumption — calibrated",
        doc="Share of out-of-home in-person contact a chronically ill resident keeps.")
    kin_withdrawal_share: float = param(
        0.6, unit="share 0-1", lo=0, hi=1,
        source="Wrzus et al. 2013 (meta-analysis: the family network stays stable across "
               "adulthood, friends and the wider network change); Dykstra & Fokkema 2011 "
               "(Dutch family solidarity: adult children keep in touch with parents in need); "
               "size assumption — calibrated on severe loneliness of the widowed, divorced and "
               "partnered (GGD 2020; docs/CALIBRATION.md, ninth session)",
        doc="Share of withdrawal's effect on going out (withdrawal_effect) that applies to "
            "in-person contact with family: relatives keep coming to someone who withdraws "
            "more than friends and acquaintances do.")
    withdrawal_effect: float = param(
        0.57, unit="share 0-1", lo=0, hi=1,
        source="Cacioppo & Hawkley 2009 (lonely people withdraw); assumption — calibrated",
        doc="Share of out-of-home in-person contact lost at full withdrawal.")
    substitution: tuple = param(
        (0.0, 0.5, 0.4, 0.2, 0.5, 0.5, 0.1, 0.3, 0.5), unit="share 0-1", lo=0, hi=1,
        source="assumption — calibrated (Van Tilburg et al. 2020: online contact rose in 2020)",
        doc="Share of in-person contact forgone in a lockdown that becomes remote, by setting.")
    social_from_this_week: float = param(
        0.35, unit="share 0-1", lo=0, hi=1,
        source="assumption — calibrated; De Jong Gierveld: social loneliness is about having a "
               "wider circle to rely on, emotional loneliness about missed intimate contact",
        doc="Share of social fulfilment that rests on this week's contact; the rest rests on "
            "having the ties and belonging at all, so a short closure touches it less.")
    neighbour_outdoor_share: float = param(
        0.5, unit="share 0-1", lo=0, hi=1,
        source="assumption: much neighbour contact happens outdoors, on the street",
        doc="Share of neighbour contact that a stay-at-home advice does not stop.")
    visit_group_mean: float = param(
        2.5, unit="visitors per visit", lo=1, hi=10,
        source="assumption: the size of a home visit is geometric with this mean",
        doc="Mean number of visitors at a home visit, used to turn a visitor cap into a share "
            "of visits that can still happen.")
    hospitality_share: float = param(
        0.3, unit="share 0-1", lo=0, hi=1,
        source="assumption — calibrated",
        doc="Share of in-person friend contact that happens in cafés, restaurants and venues.")
