"""Signaler domains (vinden): who meets residents in ordinary contact, declared once.

The ``[policy.signalers.<domain>]`` tables of a scenario. Each domain is a group of people
who meet residents in their ordinary lives and can notice loneliness: how often they meet
whom (meetings per year, a mean over the group they meet), how likely they notice a lonely
resident at one meeting (their base skill, before training and awareness) and what share of
the noticed they actually refer (before cooperation).

The thirteen domains cover the twelve domains of partners of the national programme
(DOMAIN.md) as far as they meet residents: care and welfare (``gp``, ``home_care``,
``pharmacy``), entrepreneurs (``shops``, ``employer``), housing, faith, sport, culture and
libraries (``library``), debt and poverty with finance (``debt_counselling``), education
(``school``), self-organisations with integration (``self_organisations``), and every citizen
(``neighbours``). The municipality itself is not a signaler: its desk (Wmo-loket, sociaal
wijkteam) is where referrals and self-referrals arrive (the welfare organisation's intake).
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any, ClassVar

from sim.parameters.declare import param

_CALIBRATED = "assumption — calibrated"


def _notice(default: float, doc: str) -> float:
    """A domain's noticing skill: chance per meeting, before training and awareness."""
    return param(default, unit="chance per meeting", lo=0, hi=1, source=_CALIBRATED, doc=doc)


def _refer(default: float, doc: str) -> float:
    """A domain's referral share, before cooperation."""
    return param(default, unit="share 0-1", lo=0, hi=1, source=_CALIBRATED, doc=doc)


def _rate(default: float, unit: str, doc: str, hi: float = 365,
          source: str = _CALIBRATED) -> float:
    """A mean number of meetings per year (per resident of the group met)."""
    return param(default, unit=unit, lo=0, hi=hi, source=source, doc=doc)


_CLUB_MEETINGS = ("Meetings a year of a member, before the ability to go out; none while clubs "
                  "are closed.")


def _table(cls: type) -> Any:
    """A domain's sub-table of ``[policy.signalers]``."""
    return field(default_factory=cls, metadata={"doc": cls.__doc__})


@dataclass(frozen=True)
class Domain:
    """What every signaler domain has: a noticing skill and a referral share."""

    label_nl: ClassVar[str] = ""
    label_en: ClassVar[str] = ""

    notice_per_meeting: float = _notice(
        0.002, "Chance that the signaler notices a lonely resident's loneliness at one "
               "meeting, before training (kwaliteit) and awareness (weten).")
    referral_share: float = _refer(
        0.2, "Share of the noticed residents the signaler actually refers to an intake, "
             "before cooperation (samenwerken).")


@dataclass(frozen=True)
class GeneralPractice(Domain):
    """Huisarts (general practice): consults rise with age and poorer health."""

    label_nl, label_en = "huisarts", "general practice (GP)"

    notice_per_meeting: float = _notice(
        0.01, "Chance that the GP notices loneliness at one consult (a trained eye, but a "
              "short consult about a complaint).")
    referral_share: float = _refer(
        0.4, "Share of the noticed patients the GP refers (to the welfare organisation, "
             "often through the practice nurse).")
    contacts_by_age: tuple = param(
        (3.0, 3.5, 4.5, 6.5, 10.0, 15.0), unit="contacts per year, ages 18-24 ... 85+",
        lo=0, hi=100,
        source="CBS StatLine 80191ned (2018): 4.5 registered GP contacts a person a year, all "
               "ages; Nivel Zorgregistraties eerste lijn (2019): about 15 a year at 85+; "
               "bands between interpolated [approximate]",
        doc="Mean GP contacts (consults, home visits, phone) a year by adult age band.")
    health_factor: tuple = param(
        (0.6, 1.5, 2.5), unit="multiplier for good, chronic, frail", lo=0, hi=20,
        source=_CALIBRATED,
        doc="How much more often residents in each health state see the GP than their age "
            "band's mean. Care-home residents see the elderly-care physician instead "
            "(home_care).")


@dataclass(frozen=True)
class HomeCare(Domain):
    """Wijkverpleging en thuiszorg (district nursing and home help), and care-home staff."""

    label_nl, label_en = "wijkverpleging en thuiszorg", "home care and district nursing"

    notice_per_meeting: float = _notice(
        0.004, "Chance that a carer notices loneliness at one visit (they see the home and "
               "the daily rhythm, but visits are short and timed).")
    referral_share: float = _refer(0.3, "Share of the noticed clients the carer refers.")
    visits_frail: float = _rate(
        80.0, "visits per year", "Mean home-care visits a year to a frail resident living at "
        "home (not every frail resident has home care; this is the mean over all of them).")
    visits_chronic: float = _rate(
        6.0, "visits per year", "Mean home-care visits a year to a chronically ill resident "
        "living at home.")
    visits_care_home: float = _rate(
        300.0, "contacts per year", "Contacts a year between care staff (and the elderly-care "
        "physician) and a care-home resident.", hi=2000,
        source="assumption: care staff see a verpleeghuis resident about every day")


@dataclass(frozen=True)
class Pharmacy(Domain):
    """Apotheek (pharmacy): repeat prescriptions collected in person."""

    label_nl, label_en = "apotheek", "pharmacy"

    notice_per_meeting: float = _notice(
        0.002, "Chance that the pharmacy assistant notices loneliness at one visit.")
    visits_by_health: tuple = param(
        (2.0, 12.0, 12.0), unit="visits per year for good, chronic, frail", lo=0, hi=200,
        source="assumption: repeat prescriptions of the chronically ill about monthly",
        doc="Mean pharmacy visits a year by health state, before the ability to go out "
            "(medicines are delivered to those who cannot).")


@dataclass(frozen=True)
class LocalShops(Domain):
    """Kapper en supermarkt (hairdresser and supermarket): local entrepreneurs."""

    label_nl, label_en = "kapper en supermarkt", "hairdresser and supermarket"

    notice_per_meeting: float = _notice(
        0.0005, "Chance that shop staff notice loneliness at one visit (brief, but a "
                "familiar face; the hairdresser hears a lot).")
    referral_share: float = _refer(
        0.1, "Share of the noticed customers referred (shop staff rarely know where to).")
    visits_per_year: float = _rate(
        100.0, "visits per year", "Mean visits a year to local shops, before the ability to "
        "go out and a stay-at-home advice.",
        source="assumption: groceries about twice a week, the hairdresser every six weeks")


@dataclass(frozen=True)
class HousingCorporation(Domain):
    """Woningcorporatie (housing corporation): caretakers, repairs, rent arrears."""

    label_nl, label_en = "woningcorporatie", "housing corporation"

    notice_per_meeting: float = _notice(
        0.01, "Chance that the caretaker (huismeester) or a repairman notices loneliness at "
              "one home visit (they see how someone lives).")
    visits_low_income: float = _rate(
        3.0, "visits per year", "Mean contacts a year with a low-income resident at home.",
        source="assumption: most low-income households rent from a corporation [unverified]")
    visits_other: float = _rate(
        0.5, "visits per year", "Mean contacts a year with any other resident living at home.")


@dataclass(frozen=True)
class FaithCommunity(Domain):
    """Geloofsgemeenschap (church, mosque, temple): members meet at services."""

    label_nl, label_en = "geloofsgemeenschap", "faith community"

    notice_per_meeting: float = _notice(
        0.003, "Chance that the pastor or fellow members notice a member's loneliness at one "
               "service (pastoral care looks for it).")
    club_share: float = param(
        0.25, unit="share of clubs 0-1", lo=0, hi=1,
        source="CBS Statistische Trends 2023 (religieuze betrokkenheid): 14 % of people 15+ "
               "attended a service at least monthly in 2019; with about 45 % of adults in a "
               "club, about a quarter of the clubs [approximate]",
        doc="Share of the clubs (the ``club`` focus) that are faith communities.")
    meetings_per_year: float = _rate(
        40.0, "meetings per year", _CLUB_MEETINGS)


@dataclass(frozen=True)
class SportsClub(Domain):
    """Sportvereniging (sports club): trainers and fellow members."""

    label_nl, label_en = "sportvereniging", "sports club"

    notice_per_meeting: float = _notice(
        0.0005, "Chance that a trainer or fellow member notices a member's loneliness at one "
                "training or match.")
    referral_share: float = _refer(0.1, "Share of the noticed members referred.")
    club_share: float = param(
        0.45, unit="share of clubs 0-1", lo=0, hi=1, source=_CALIBRATED,
        doc="Share of the clubs (the ``club`` focus) that are sports clubs.")
    meetings_per_year: float = _rate(60.0, "meetings per year", _CLUB_MEETINGS)


@dataclass(frozen=True)
class LibraryCulture(Domain):
    """Bibliotheek en cultuur (library, culture and hobby clubs)."""

    label_nl, label_en = "bibliotheek en cultuur", "library and culture"

    meetings_per_year: float = _rate(
        30.0, "meetings per year", "Meetings a year of a member of a club that is neither "
        "faith nor sport (choir, hobby, culture), before the ability to go out; none while "
        "clubs are closed.")
    visits_per_year: float = _rate(
        3.0, "visits per year", "Library visits a year of any resident living at home "
        "(reading, the digital-government desk), before the ability to go out; none while "
        "culture is closed.")


@dataclass(frozen=True)
class Neighbours(Domain):
    """Buren (neighbours): every citizen can notice and ring the doorbell."""

    label_nl, label_en = "buren", "neighbours"

    notice_per_meeting: float = _notice(
        0.002, "Chance that a neighbour notices loneliness at one chat.")
    referral_share: float = _refer(
        0.05, "Share of the noticed whom a neighbour gets to help (most neighbours do not "
              "know where to go).")
    meetings_per_tie: float = _rate(
        20.0, "meetings per year per neighbour tie", "Meetings a year with each neighbour one "
        "is tied to, before a stay-at-home advice.")


@dataclass(frozen=True)
class DebtCounselling(Domain):
    """Schuldhulpverlening en armoedebeleid (debt counselling and poverty schemes)."""

    label_nl, label_en = "schuldhulp en armoede", "debt counselling and poverty"

    notice_per_meeting: float = _notice(
        0.02, "Chance that a debt counsellor notices loneliness at one conversation (long "
              "talks about one's whole situation).")
    referral_share: float = _refer(0.3, "Share of the noticed clients referred.")
    meetings_low_income: float = _rate(
        1.5, "meetings per year", "Mean conversations a year with a low-income resident (debt "
        "counselling, income support, poverty schemes); they go on by phone in a lockdown.")


@dataclass(frozen=True)
class Education(Domain):
    """Onderwijs (mentors and student counsellors) for adult students."""

    label_nl, label_en = "onderwijs", "education"

    notice_per_meeting: float = _notice(
        0.001, "Chance that a mentor or teacher notices a student's loneliness at one "
               "meeting.")
    meetings_per_year: float = _rate(
        30.0, "meetings per year", "Meetings a year with a mentor or teacher who knows the "
        "student; none while schools are closed.")


@dataclass(frozen=True)
class Employer(Domain):
    """Werkgever en bedrijfsarts (employer, manager and occupational physician)."""

    label_nl, label_en = "werkgever", "employer"

    notice_per_meeting: float = _notice(
        0.0005, "Chance that a manager notices an employee's loneliness at one meeting.")
    referral_share: float = _refer(
        0.1, "Share of the noticed employees referred (often through the occupational "
             "physician).")
    meetings_per_year: float = _rate(
        40.0, "meetings per year", "Meetings a year with one's manager, before working from "
        "home.")


@dataclass(frozen=True)
class SelfOrganisations(Domain):
    """Zelforganisaties (migrant self-organisations): integration and belonging."""

    label_nl, label_en = "zelforganisaties", "migrant self-organisations"

    notice_per_meeting: float = _notice(
        0.003, "Chance that someone of one's own community notices loneliness at one meeting.")
    meetings_per_year: float = _rate(
        6.0, "meetings per year", "Mean meetings a year of a resident with a migration "
        "background living at home, before the ability to go out; none while clubs are "
        "closed.",
        source="assumption; older Turkish and Moroccan migrants are lonely and nearly "
               "invisible to services (DOMAIN.md)")


@dataclass(frozen=True)
class Signalers:
    """The ``[policy.signalers]`` table: one sub-table per domain."""

    gp: GeneralPractice = _table(GeneralPractice)
    home_care: HomeCare = _table(HomeCare)
    pharmacy: Pharmacy = _table(Pharmacy)
    shops: LocalShops = _table(LocalShops)
    housing: HousingCorporation = _table(HousingCorporation)
    faith: FaithCommunity = _table(FaithCommunity)
    sports: SportsClub = _table(SportsClub)
    library: LibraryCulture = _table(LibraryCulture)
    neighbours: Neighbours = _table(Neighbours)
    debt_counselling: DebtCounselling = _table(DebtCounselling)
    school: Education = _table(Education)
    employer: Employer = _table(Employer)
    self_organisations: SelfOrganisations = _table(SelfOrganisations)


#: Domain keys in the order of the ``[policy.signalers]`` table.
DOMAINS: tuple[str, ...] = tuple(f.name for f in fields(Signalers))
#: Dutch and English label of each domain.
LABELS: dict[str, tuple[str, str]] = {
    f.name: (f.default_factory.label_nl, f.default_factory.label_en) for f in fields(Signalers)}
