"""The route a lonely resident travels, and the base class of the agents along it.

Noticed or self-referred (vinden) → intake conversation → waiting list → taking part
(ondersteunen) → completing or dropping out. ``care_stage`` holds where each resident is.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import mesa

if TYPE_CHECKING:
    from sim.model import LonelinessModel
    from sim.policy.agents import PolicyEngine

#: Codes of the ``care_stage`` column.
NONE, AT_INTAKE, WAITING, TAKING_PART = 0, 1, 2, 3


class PolicyAgent(mesa.Agent):
    """A policy agent of the engine."""

    def __init__(self, model: LonelinessModel, engine: PolicyEngine) -> None:
        super().__init__(model)
        self.engine = engine
