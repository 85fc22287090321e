"""All model parameters, grouped; each field carries unit, range and source."""

from __future__ import annotations

from dataclasses import dataclass, field

from sim.parameters.contact import ContactParams
from sim.parameters.convoy import ConvoyParams
from sim.parameters.declare import describe, param
from sim.parameters.events import EventParams
from sim.parameters.health import HealthParams
from sim.parameters.lifecourse import LifeCourseParams
from sim.parameters.loneliness import LonelinessParams
from sim.parameters.population import PopulationParams
from sim.parameters.ties import TieParams


@dataclass(frozen=True)
class Params:
    """The model's parameter groups (each overridable from a scenario's ``[params.*]``)."""

    contact: ContactParams = field(default_factory=ContactParams)
    loneliness: LonelinessParams = field(default_factory=LonelinessParams)
    ties: TieParams = field(default_factory=TieParams)
    convoy: ConvoyParams = field(default_factory=ConvoyParams)
    health: HealthParams = field(default_factory=HealthParams)
    events: EventParams = field(default_factory=EventParams)
    life: LifeCourseParams = field(default_factory=LifeCourseParams)
    population: PopulationParams = field(default_factory=PopulationParams)


__all__ = [
    "ContactParams", "ConvoyParams", "EventParams", "HealthParams", "LifeCourseParams",
    "LonelinessParams", "Params", "PopulationParams", "TieParams", "describe", "param",
]
