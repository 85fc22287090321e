"""The levers interventions pull, shared by the plug-ins: visits, groups, and town levels."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from sim.convoy import fresh_pairs
from sim.ties import ACTIVITY, VOLUNTEER

if TYPE_CHECKING:
    from sim.model import LonelinessModel
    from sim.policy.base import Intervention

#: Activity-group ids of intervention ``j`` start at ``(j + 1) * GROUP_STRIDE``.
GROUP_STRIDE = 1_000_000


def index_of(model: LonelinessModel, iv: Intervention) -> int:
    """Position of an intervention in the scenario's list (by identity).

    Args:
        model: The model.
        iv: The intervention.

    Returns:
        Its index.
    """
    return next(j for j, x in enumerate(model.policy.interventions) if x is iv)


def start_visits(model: LonelinessModel, ids: np.ndarray, per_week: float,
                 closeness: float) -> None:
    """A volunteer starts visiting each resident: a new tie with a fixed visit rate.

    Args:
        model: The model.
        ids: Residents visited.
        per_week: Visits per week.
        closeness: Starting closeness (it grows toward the tie's potential with contact).
    """
    world = model.world
    world.link(ids, np.full(len(ids), -1, np.int32), VOLUNTEER, settled=False, start=closeness,
               fixed_rate=per_week)


def visitor_ties(model: LonelinessModel, ids: np.ndarray, per_week: float) -> np.ndarray:
    """The volunteer ties of some residents that visit at a given rate."""
    ties = model.world.ties
    own = ties.ties_of(ids)
    return own[(ties.kind[own] == VOLUNTEER) & np.isclose(ties.fixed_rate[own], per_week)]


def change_visits(model: LonelinessModel, ids: np.ndarray, per_week: float,
                  after: float) -> None:
    """Change the visit rate of volunteer ties (0 ends them).

    Args:
        model: The model.
        ids: Residents.
        per_week: Current visit rate of the ties to change.
        after: New visit rate; 0 ends the ties.
    """
    world = model.world
    ties = visitor_ties(model, ids, per_week)
    if after <= 0:
        world.unlink(ties)
        return
    world.ties.fixed_rate[ties] = after
    world.retarget(ids)


def join_groups(model: LonelinessModel, iv: Intervention, ids: np.ndarray,
                group_size: int) -> None:
    """Participants join one of the intervention's groups (a focus, like a club).

    Args:
        model: The model.
        iv: The intervention.
        ids: New participants.
        group_size: People per group.
    """
    pop = model.world.pop
    groups = max(1, -(-iv.capacity() // group_size))
    base = (index_of(model, iv) + 1) * GROUP_STRIDE
    rng = model.policy.rng
    pop.activity[ids] = base + rng.integers(0, groups, len(ids))
    model.world.retarget(ids)


def leave_groups(model: LonelinessModel, ids: np.ndarray) -> None:
    """Participants leave their intervention group (their group ties lapse unless close).

    Args:
        model: The model.
        ids: Leaving participants.
    """
    model.world.pop.activity[ids] = -1
    model.world.retarget(ids)


def meet_in_groups(model: LonelinessModel, ids: np.ndarray, per_year: float) -> None:
    """New acquaintances among participants of the same group this week.

    Args:
        model: The model.
        ids: Participants (with their group in ``activity``).
        per_year: New ties per participant per year (halved under closed clubs).
    """
    rng = model.policy.rng
    kept = float(model.weights.kept[6])  # groups meet like clubs (closed in a lockdown)
    seekers = ids[rng.random(len(ids)) < per_year / 52 * kept]
    if not len(seekers) or len(ids) < 2:
        return
    group = model.world.pop.activity[ids]
    same = group[None, :] == model.world.pop.activity[seekers][:, None]
    # Pick a random member of the seeker's group (uniformly among the group's members).
    weights = same / np.maximum(same.sum(axis=1, keepdims=True), 1)
    pick = (weights.cumsum(axis=1) < rng.random((len(seekers), 1))).sum(axis=1)
    partners = ids[np.minimum(pick, len(ids) - 1)]
    a, b = fresh_pairs(model.world.ties, seekers, partners)
    model.world.link(a, b, ACTIVITY, settled=False)
