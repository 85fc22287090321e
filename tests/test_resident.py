"""The Resident agent is a readable view that reads and writes the arrays."""

from __future__ import annotations

import networkx as nx
import numpy as np

from sim import Resident
from sim.graph import convoy_graph


def test_resident_reads_and_writes_the_arrays(fresh):
    pop = fresh.world.pop
    row = int(pop.active_ids()[42])
    person = fresh.resident(row)
    assert isinstance(person, Resident)
    assert person.age == float(pop.age[row])
    assert person.loneliness == int(pop.djg_emotional[row] + pop.djg_social[row])
    person.mastery = 0.9
    assert np.isclose(pop.mastery[row], 0.9)
    pop.grief[row] = 0.25
    assert np.isclose(person.grief, 0.25)
    assert person.item_offset.shape == (11,)


def test_one_agent_per_active_resident_and_they_follow_arrivals_and_departures(fresh):
    for _ in range(8):
        fresh.step()
    active = set(fresh.world.pop.active_ids().tolist())
    agents = {a.row for a in fresh.agents_by_type[Resident]}
    assert agents == active


def test_convoy_and_ego_network_match_the_tie_arrays(fresh):
    world = fresh.world
    row = int(world.pop.active_ids()[10])
    records = fresh.resident(row).convoy()
    assert len(records) == world.ties.degree(np.array([row]))[0]
    ego = fresh.resident(row).ego_network()
    assert ego.nodes[row]["ego"]
    for u, v, data in ego.edges(data=True):
        tid = data["tie"]
        ends = {int(world.ties.a[tid]), int(world.ties.b[tid])}
        assert {u, v} == ends or (world.ties.b[tid] < 0 and u in ends | {v})
    graph = convoy_graph(world)
    assert isinstance(graph, nx.Graph)
    internal = world.ties.b[world.ties.live()] >= 0
    assert graph.number_of_edges() == len(world.ties.live())
    assert sum(1 for n in graph if not graph.nodes[n].get("elsewhere")) == len(active_of(world))
    assert internal.any()


def active_of(world):
    return world.pop.active_ids()


def test_agents_made_on_demand_leave_with_their_resident(baseline):
    """Without an agent per resident, ``model.resident`` makes one when asked; it leaves the
    AgentSet when the resident dies or moves away."""
    from sim import LonelinessModel

    model = LonelinessModel(baseline, residents=2000, years=1, seed=5, agents=False)
    assert not model.agents_by_type.get(Resident)
    rows = model.world.pop.active_ids()[:400]
    people = [model.resident(int(row)) for row in rows]
    assert people[0].row == rows[0] and people[0].age == float(model.world.pop.age[rows[0]])
    assert model.resident(int(rows[0])) is people[0]  # one agent per resident
    model.run()
    gone = [p.row for p in people if not model.world.pop.active[p.row]]
    assert gone, "some of 400 residents should die or move within a year (fair test)"
    present = {a.row for a in model.agents_by_type[Resident]}
    assert present.isdisjoint(gone) and len(present) == len(people) - len(gone)
