"""Town-wide building blocks: weten, kwaliteit, samenwerken, informeren.

Each raises one level of the signalling route (see :mod:`sim.policy.signalers`), for every
signaler domain alike:

* ``awareness_campaign`` — weten (know): breaking the taboo; more noticing, less stigma;
* ``signaler_training`` — kwaliteit (quality): signalers notice loneliness more often;
* ``coalition`` — samenwerken (cooperate): more of the noticed are actually referred;
* ``information_point`` — informeren (inform): more people ask for help themselves.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from sim.parameters.declare import param
from sim.policy.base import Intervention, register


@dataclass(frozen=True)
class BuildingBlock(Intervention):
    """A town-wide measure that sets one level of the signalling route."""

    takes_participants = False
    level: ClassVar[str] = ""

    strength: float = param(0.5, unit="level 0-1", lo=0, hi=1,
                            source="assumption — calibrated",
                            doc="How far the measure raises its building block (1 doubles "
                                "noticing, referral or self-referral).")

    def setup(self, model):  # noqa: ANN001, D102
        levels = model.policy.levels
        levels[self.level] = max(levels[self.level], self.strength)


@register("awareness_campaign")
@dataclass(frozen=True)
class AwarenessCampaign(BuildingBlock):
    """Weten: a campaign that breaks the taboo."""

    level = "weten"


@register("signaler_training")
@dataclass(frozen=True)
class SignalerTraining(BuildingBlock):
    """Kwaliteit: training of GPs, home care, hairdressers, pharmacies and others."""

    level = "kwaliteit"


@register("coalition")
@dataclass(frozen=True)
class Coalition(BuildingBlock):
    """Samenwerken: a local coalition whose partners refer to each other."""

    level = "samenwerken"


@register("information_point")
@dataclass(frozen=True)
class InformationPoint(BuildingBlock):
    """Informeren: an information point where help is easy to find."""

    level = "informeren"
