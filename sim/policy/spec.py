"""The municipality's policy: budget, assignment, welfare and volunteer capacity, finding."""

from __future__ import annotations

from dataclasses import dataclass, field

from sim.parameters.declare import param
from sim.policy.domains import Signalers

ASSIGNMENTS = ("maatwerk", "generic")


@dataclass(frozen=True)
class Policy:
    """The scenario's ``[policy]`` table (the interventions are listed separately)."""

    budget_per_year: float = param(
        0.0, unit="euros per year", lo=0, hi=1e10, source="scenario",
        doc="The municipality's yearly budget for its package against loneliness.")
    assignment: str = param(
        "maatwerk", unit="maatwerk | generic", source="scenario",
        doc="maatwerk: an intake conversation finds the cause and matches help to it; "
            "generic: everyone gets what the municipality offers most.")
    welfare_hours_per_week: float = param(
        40.0, unit="professional hours per week", lo=0, hi=100_000, source="scenario",
        doc="Hours the welfare organisation has for intakes and professional support.")
    intake_hours: float = param(
        3.0, unit="hours per intake", lo=0, hi=40,
        source="assumption: one or more good conversations ('een goed gesprek', Schoenmakers)",
        doc="Professional time of a maatwerk intake that looks for the cause.")
    generic_intake_hours: float = param(
        0.5, unit="hours per intake", lo=0, hi=40, source="assumption",
        doc="Professional time of a generic registration.")
    cause_found: float = param(
        0.8, unit="share 0-1", lo=0, hi=1, source="assumption — calibrated",
        doc="Chance that a maatwerk intake finds the main cause (else help is matched as in "
            "generic assignment).")
    professional_hour_cost: float = param(
        75.0, unit="euros per hour", lo=0, hi=1000,
        source="assumption: CAO Sociaal Werk scale plus overhead [unverified]",
        doc="Cost of one professional hour.")
    volunteer_hours_per_week: float = param(
        100.0, unit="volunteer hours per week", lo=0, hi=1e6, source="scenario",
        doc="Volunteer hours available at the start.")
    volunteer_recruitment_per_year: float = param(
        0.3, unit="share of the start pool per year", lo=0, hi=10,
        source="assumption (Movisie: volunteer turnover is high)",
        doc="New volunteer hours recruited per year, relative to the starting pool.")
    volunteer_attrition_per_year: float = param(
        0.3, unit="share of the pool per year", lo=0, hi=10, source="assumption",
        doc="Share of volunteer hours lost per year.")
    volunteer_hour_cost: float = param(
        5.0, unit="euros per hour", lo=0, hi=1000,
        source="assumption: coordination and expenses",
        doc="Cost of one volunteer hour.")
    volunteers_in_lockdown: float = param(
        0.5, unit="share 0-1", lo=0, hi=1,
        source="assumption: many volunteers are older and stayed home in 2020",
        doc="Share of volunteer hours available during a lockdown.")
    self_referral_per_year: float = param(
        0.05, unit="per lonely resident per year", lo=0, hi=52,
        source="assumption — calibrated",
        doc="Chance a year that a lonely resident asks for help themselves, before stigma, "
            "awareness and information.")
    stigma: float = param(
        0.5, unit="share 0-1", lo=0, hi=1,
        source="DOMAIN.md: taboo keeps people from asking (weten)",
        doc="Share of self-referrals that stigma prevents (awareness, weten, lowers it).")
    signalers: Signalers = field(
        default_factory=Signalers,
        metadata={"doc": "Signaler domains (vinden): who meets residents, how often, how well "
                         "they notice loneliness and how often they refer ([policy.signalers."
                         "<domain>] tables, see sim/policy/domains.py)."})
    misfit_mastery_loss: float = param(
        0.05, unit="mastery points", lo=0, hi=1,
        source="Kwekkeboom: dropping out of a misfit intervention ('even this I can't do')",
        doc="Mastery lost by a participant who drops out of an intervention that did not fit.")
    misfit_reluctance: float = param(
        0.5, unit="share 0-1", lo=0, hi=1, source="assumption",
        doc="How much less willing to try again after dropping out of a misfit intervention.")
