"""The intervention plug-in: parameters declared once, a lever, and a registry by name.

An intervention is a frozen dataclass of parameters (validated from the scenario's
``[[interventions]]`` tables like every other parameter) with four hooks:

* ``setup(model)`` once, before the first week;
* ``begin(model, ids)`` when residents take up a place;
* ``during(model, ids)`` every week for the residents enrolled (most need nothing);
* ``end(model, ids, completed)`` when they complete or drop out.

Each acts through a lever of the model — a tie, participation in a group, support to go
out, remote contact, expectations, tie formation — never on loneliness directly. The core
never names a specific intervention.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

import numpy as np

from sim.parameters.declare import param

if TYPE_CHECKING:
    from sim.model import LonelinessModel

#: Causes of loneliness an intake conversation can identify (maatwerk).
CAUSES = ("loss", "no_close_bond", "small_network", "practical", "expectations", "no_role")
CAUSE_NAMES_NL = ("verlies/rouw", "geen hechte band", "klein netwerk", "praktische drempels",
                  "onrealistische verwachtingen", "geen rol of bezigheid")

REGISTRY: dict[str, type[Intervention]] = {}


def register(name: str):  # noqa: ANN201 - decorator
    """Register an intervention class under the name used in scenario files.

    Args:
        name: The ``type`` value in ``[[interventions]]``.

    Returns:
        The class decorator.
    """
    def wrap(cls: type[Intervention]) -> type[Intervention]:
        cls.kind = name
        REGISTRY[name] = cls
        return cls

    return wrap


@dataclass(frozen=True)
class Intervention:
    """Fields every intervention has (sub-classes add the parameters of their lever)."""

    kind: ClassVar[str] = ""
    #: Causes this intervention addresses (maatwerk matches on these).
    addresses: ClassVar[tuple[str, ...]] = ()
    #: Residents-facing (takes referrals and places) or a town-wide measure.
    takes_participants: ClassVar[bool] = True

    name: str = param("", unit="text", source="scenario",
                      doc="Label in the outputs (default: the type).")
    places: int = param(0, unit="participants at a time", lo=0, hi=1_000_000, source="scenario",
                        doc="Capacity; 0 means: as many as the intervention's budget buys.")
    budget: float = param(0.0, unit="euros per year", lo=0, hi=1e10, source="scenario",
                          doc="Yearly budget for this intervention (used when places is 0).")
    target: tuple = param(("lonely",), unit="target group names", source="scenario",
                          doc="Who is eligible: residents in any of these groups (see "
                              "sim/policy/targets.py).")
    weeks: int = param(26, unit="weeks", lo=1, hi=520, source="scenario",
                       doc="How long a participant takes part.")
    cost_per_place_year: float = param(
        1000.0, unit="euros per place per year", lo=0, hi=1e6,
        source="assumption (Movisie/Effectieve interventies cost sheets differ widely)",
        doc="Running cost of one occupied place for a year (materials, coordination).")
    volunteer_hours: float = param(0.0, unit="hours per participant per week", lo=0, hi=40,
                                   source="assumption", doc="Volunteer time per participant.")
    professional_hours: float = param(0.0, unit="hours per participant per week", lo=0, hi=40,
                                      source="assumption",
                                      doc="Professional time per participant.")
    dropout_per_year: float = param(
        0.3, unit="per year", lo=0, hi=10,
        source="assumption — calibrated; drop-out of group interventions is common",
        doc="Drop-out hazard of a participant for whom the intervention fits.")
    misfit_dropout_factor: float = param(
        3.0, unit="multiplier", lo=1, hi=50,
        source="Kwekkeboom (interview in 'Inzicht in eenzaamheid'): 'baat het niet, dan "
               "schaadt het'; assumption on the size",
        doc="Drop-out multiplier when the intervention does not address the person's cause.")
    lockdown_continues: float = param(
        0.0, unit="share 0-1", lo=0, hi=1, source="assumption",
        doc="Share of the intervention's activity that goes on during a lockdown.")

    @property
    def label(self) -> str:
        """Name in the outputs."""
        return self.name or self.kind

    def capacity(self) -> int:
        """Places: as given, or what the budget buys at the cost per place."""
        if self.places:
            return self.places
        if self.cost_per_place_year <= 0:
            return 0
        return int(self.budget // self.cost_per_place_year)

    def yearly_cost(self) -> float:
        """Cost of the intervention at full occupation for a year."""
        return self.capacity() * self.cost_per_place_year

    # ---- hooks ---------------------------------------------------------------------------
    def setup(self, model: LonelinessModel) -> None:
        """Once, before the first week (town-wide measures act here)."""

    def begin(self, model: LonelinessModel, ids: np.ndarray) -> None:
        """Residents take up a place.

        Args:
            model: The model.
            ids: The new participants.
        """

    def during(self, model: LonelinessModel, ids: np.ndarray) -> None:
        """Every week, for the residents enrolled.

        Args:
            model: The model.
            ids: The participants.
        """

    def end(self, model: LonelinessModel, ids: np.ndarray, completed: bool) -> None:
        """Residents complete (``completed``) or drop out.

        Args:
            model: The model.
            ids: The leaving participants.
            completed: True if they completed the programme.
        """
