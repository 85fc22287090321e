"""Readable residents over fast arrays: ``model.resident(42).age`` reads the table row.

Every column of :data:`sim.population.COLUMNS` is a property of :class:`Resident` that reads
and writes the model's arrays, so a teacher can look at (and change) one person while the
weekly step works on all of them at once.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import mesa
import networkx as nx

from sim.population import COLUMNS, HEALTH_NAMES, MARITAL_NAMES, Column

if TYPE_CHECKING:
    from sim.model import LonelinessModel


def _column_property(col: Column) -> property:
    def get(self: Resident) -> Any:
        value = getattr(self.model.world.pop, col.name)[..., self.row]
        return value.copy() if col.width > 1 else value.item()

    def set_(self: Resident, value: Any) -> None:
        getattr(self.model.world.pop, col.name)[..., self.row] = value

    return property(get, set_, doc=f"{col.doc} ({col.unit})")


class Resident(mesa.Agent):
    """One resident: a mesa agent whose attributes are views on row ``row`` of the table."""

    model: LonelinessModel

    def __init__(self, model: LonelinessModel, row: int) -> None:
        super().__init__(model)
        self.row = int(row)

    @property
    def loneliness(self) -> int:
        """De Jong Gierveld 11-item total score (0-11); 3+ lonely, 9+ severely lonely."""
        return self.djg_emotional + self.djg_social

    @property
    def marital_status(self) -> str:
        """Marital history in words."""
        return MARITAL_NAMES[self.marital]

    @property
    def health_state(self) -> str:
        """Health in words."""
        return HEALTH_NAMES[self.health]

    def convoy(self) -> list[dict[str, Any]]:
        """This resident's ties: who, kind, circle and closeness, closest first."""
        from sim.graph import tie_records

        return tie_records(self.model.world, self.row)

    def ego_network(self) -> nx.Graph:
        """The resident's convoy as a networkx graph (ego, alters and ties among them)."""
        from sim.graph import ego_network

        return ego_network(self.model.world, self.row)

    def __repr__(self) -> str:
        return (f"Resident(row={self.row}, age={self.age:.0f}, {self.marital_status}, "
                f"{self.health_state}, DJG-11={self.loneliness})")


for _col in COLUMNS:
    setattr(Resident, _col.name, _column_property(_col))
