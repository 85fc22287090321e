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
    lonely_decline_rr: float = param(
        1.3, unit="relative risk", lo=1, hi=5,
        source="Holt-Lunstad et al. 2015 (loneliness OR ~1.26 mortality); Valtorta 2016",
        doc="Multiplier on health decline while loneliness is chronic.")
