"""Maatwerk: what an intake conversation ('een goed gesprek') finds as the main cause.

The welfare professional looks at the person's situation, which the model knows as state:
fresh grief (loss), missing an intimate bond (no close bond: low emotional fulfilment), a
thin network (small network: low social fulfilment), poor mobility or heavy care (practical
barriers), a large gap despite a reasonable network (expectations, negative thoughts), and
having no work, study, club or activity (no role or occupation). The strongest sign wins.
"""

from __future__ import annotations

import numpy as np

from sim.policy.base import CAUSES
from sim.population import EMPLOYED, STUDENT, Population


def main_cause(pop: Population, ids: np.ndarray, going_out: np.ndarray) -> np.ndarray:
    """Index into :data:`sim.policy.base.CAUSES` of each resident's main cause.

    Args:
        pop: The population table.
        ids: Residents at intake.
        going_out: Share of out-of-home contact each resident can keep.

    Returns:
        Cause index per resident.
    """
    achieved = pop.achieved_social[ids]
    desired = pop.desired_social[ids]
    relative_gap = np.maximum(desired - achieved, 0) / np.maximum(desired, 0.05)
    busy = (pop.work[ids] == EMPLOYED) | (pop.work[ids] == STUDENT) | (pop.club[ids] >= 0) | (
        pop.activity[ids] >= 0)
    scores = np.stack([
        pop.grief[ids] * 1.5,                                     # loss
        1 - pop.achieved_emotional[ids],                           # no close bond
        1 - achieved,                                              # small network
        (1 - going_out[ids]) * 1.5 + 0.5 * pop.caregiver[ids],    # practical barriers
        relative_gap * (achieved >= 0.5) * 1.5,                    # expectations
        (~busy) * 0.6,                                             # no role or occupation
    ])
    assert len(scores) == len(CAUSES)
    return scores.argmax(axis=0).astype(np.int8)
