"""networkx views of the convoys, built from the tie arrays on demand.

The tie arrays are the source of truth (the weekly step needs arrays); networkx is how the
convoy is inspected, drawn and analysed. Each edge carries its tie id (``tie``), so a
value read from the graph can be traced back to the arrays. A whole-town graph costs about
0.4 kB per tie, so for large municipalities inspect ego networks instead.
"""

from __future__ import annotations

from typing import Any

import networkx as nx
import numpy as np

from sim.arrays import unique
from sim.contacts import tie_rates
from sim.ties import KIND_NAMES, SETTING_NAMES, circle_of
from sim.world import World

CIRCLE_NAMES = ("inner", "middle", "outer")


def _edge_attrs(world: World, ids: np.ndarray) -> list[dict[str, Any]]:
    ties = world.ties
    circles = circle_of(ties.closeness[ids])
    setting, rate = tie_rates(world.pop, ties, world.params, ids, world.contact_going())
    return [{"tie": int(t), "kind": KIND_NAMES[k], "circle": CIRCLE_NAMES[c],
             "closeness": round(float(x), 3), "setting": SETTING_NAMES[s],
             "contacts_per_week": round(float(r), 3)}
            for t, k, c, x, s, r in zip(ids, ties.kind[ids], circles, ties.closeness[ids],
                                        setting, rate, strict=True)]


def _add_ties(world: World, graph: nx.Graph, ids: np.ndarray) -> None:
    ties = world.ties
    for tid, attrs in zip(ids, _edge_attrs(world, ids), strict=True):
        a, b = int(ties.a[tid]), int(ties.b[tid])
        other = b if b >= 0 else f"elsewhere-{tid}"
        if b < 0:
            graph.add_node(other, elsewhere=True)
        graph.add_edge(a, other, **attrs)


def convoy_graph(world: World, residents: np.ndarray | None = None) -> nx.Graph:
    """The convoys of some (default: all active) residents as one graph.

    Relatives outside the municipality are nodes ``"elsewhere-<tie>"`` with
    ``elsewhere=True``.

    Args:
        world: The municipality.
        residents: Rows to include (ties among them and to people elsewhere).

    Returns:
        An undirected graph; node attributes age and living_alone, edge attributes tie,
        kind, circle, closeness, setting and expected contacts_per_week (in person and
        remote, without lockdown).
    """
    pop = world.pop
    rows = pop.active_ids() if residents is None else np.asarray(residents, np.int32)
    graph = nx.Graph()
    graph.add_nodes_from((int(r), {"age": round(float(pop.age[r]), 1),
                                   "living_alone": bool(pop.living_alone[r])}) for r in rows)
    ids = world.ties.ties_of(rows)
    inside = np.zeros(pop.n, bool)
    inside[rows] = True
    b = world.ties.b[ids]
    keep = inside[world.ties.a[ids]] & ((b < 0) | inside[np.maximum(b, 0)])
    _add_ties(world, graph, ids[keep])
    return graph


def ego_network(world: World, row: int) -> nx.Graph:
    """One resident, everyone in their convoy, and the ties among those people.

    Args:
        world: The municipality.
        row: The resident.

    Returns:
        The ego network.
    """
    ties = world.ties
    own = ties.ties_of(np.array([row]))
    alters = unique(np.concatenate([ties.a[own], ties.b[own]]))
    alters = alters[alters >= 0]
    graph = convoy_graph(world, alters)
    graph.nodes[row]["ego"] = True
    return graph


def tie_records(world: World, row: int) -> list[dict[str, Any]]:
    """A resident's ties as plain records, closest first.

    Args:
        world: The municipality.
        row: The resident.

    Returns:
        One dict per tie: other (row or "elsewhere"), kind, circle, closeness, setting,
        contacts_per_week, tie.
    """
    ties = world.ties
    ids = ties.ties_of(np.array([row]))
    records = []
    for tid, attrs in zip(ids, _edge_attrs(world, ids), strict=True):
        a, b = int(ties.a[tid]), int(ties.b[tid])
        other = "elsewhere" if b < 0 else (b if a == row else a)
        records.append({"other": other, **attrs})
    return sorted(records, key=lambda r: -r["closeness"])
