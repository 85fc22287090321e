"""Lasting personal traits, drawn once per resident: vulnerability to loneliness and hearing.

Each is keyed by the resident's row from a stream of its own (:func:`sim.rng.uniform_at`), so
the other streams' draws are the same whatever these hold, and a resident's trait does not
depend on who else arrived that week.

* *Vulnerability* (``pop.vulnerability``, a standard score): about half of the differences in
  loneliness between people are lasting (Boomsma et al. 2005). It adds to both latent targets
  (``loneliness.vulnerability_sd``, :mod:`sim.loneliness`), decides who withdraws when lonely
  for long (:func:`prone_from`) and raises the divorce hazard (``events.
  divorce_vulnerability_ratio``; :func:`select_divorced` for those divorced before arriving).
* *Hearing* (``pop.hearing_from``): the age from which the resident's hearing loss hampers
  conversation (``health.hearing_loss_by_age``), which lowers the social worth of contact
  (``health.hearing_social_worth``, in :func:`sim.loneliness.fulfilment`).
"""

from __future__ import annotations

import statistics

import numpy as np

from sim.jit import kernel
from sim.parameters import Params
from sim.population import DIVORCED, Population
from sim.rng import uniform_at


def prone_from(share: float) -> float:
    """Vulnerability from which chronic loneliness builds withdrawal (the top ``share``).

    Args:
        share: Share of residents prone to withdraw (0-1).

    Returns:
        The standard-score threshold (-inf for everyone, +inf for nobody).
    """
    if share >= 1:
        return -np.inf
    if share <= 0:
        return np.inf
    return float(statistics.NormalDist().inv_cdf(1 - share))


def give_lasting_traits(pop: Population, params: Params, keys: tuple[np.uint64, np.uint64],
                        ids: np.ndarray) -> None:
    """Each new resident's lasting vulnerability and the age their hearing loss begins.

    The vulnerability is a standard score. Hearing: a uniform rank per resident, and
    hearing loss hampers conversation once the share with it at the resident's age
    (``health.hearing_loss_by_age``) passes the rank — so once acquired it stays; stored as
    the age from which that holds (:func:`_hearing_onsets`). Each is drawn from a key of its
    own (:func:`sim.rng.uniform_at`), so the other streams' draws are the same whatever these
    hold.

    Args:
        pop: The population table.
        params: Model parameters.
        keys: The run's vulnerability and hearing keys (:func:`sim.rng.kernel_key`).
        ids: The new rows.
    """
    rows = np.asarray(ids, np.int64)
    normals, ranks, onsets = (np.empty(len(rows), np.float32) for _ in range(3))
    _normals_at(keys[0], rows, normals)
    pop.vulnerability[rows] = normals
    _uniforms_at(keys[1], rows, ranks)
    _hearing_onsets(ranks, np.asarray(params.health.hearing_loss_by_age, np.float32), onsets)
    pop.hearing_from[rows] = onsets


def select_divorced(pop: Population, params: Params, ids: np.ndarray) -> None:
    """Make those divorced before they arrive as vulnerable as divorce selects in the run.

    In the run the more vulnerable divorce more often (``events.divorce_vulnerability_ratio``,
    a hazard ratio per standard deviation); among people who divorced at such a hazard the
    vulnerability is shifted by its logarithm (a normal tilted by the hazard). Residents
    divorced at the start or on arrival get that shift.

    Args:
        pop: The population table (households formed).
        params: Model parameters.
        ids: The new residents.
    """
    shift = np.log(params.events.divorce_vulnerability_ratio)
    if shift:
        divorced = ids[pop.marital[ids] == DIVORCED]
        pop.vulnerability[divorced] += np.float32(shift)


@kernel
def _uniforms_at(key, rows, out):  # pragma: no cover - compiled
    """One keyed uniform per row: ``out[j]`` for row ``rows[j]``."""
    for j in range(len(rows)):
        out[j] = uniform_at(key, rows[j])


@kernel
def _normals_at(key, rows, out):  # pragma: no cover - compiled
    """One standard normal per row: ``out[j]`` for row ``rows[j]``.

    Box-Muller from two keyed uniforms at positions ``2 r`` and ``2 r + 1``.
    """
    for j in range(len(rows)):
        r = rows[j]
        u = 1.0 - np.float64(uniform_at(key, 2 * r))  # (0, 1]
        v = np.float64(uniform_at(key, 2 * r + 1))
        out[j] = np.float32(np.sqrt(-2.0 * np.log(u)) * np.cos(2.0 * np.pi * v))


#: Ages at which ``health.hearing_loss_by_age`` gives the share with hearing loss.
HEARING_AGES = (55.0, 65.0, 75.0, 85.0, 95.0)


def hearing_loss(age: np.ndarray, onset: np.ndarray) -> np.ndarray:
    """Whether each resident's hearing loss hampers conversation (as :func:`_fulfil` sees it).

    Args:
        age: Ages of the residents.
        onset: The ages from which it does (``pop.hearing_from``).

    Returns:
        Boolean per resident.
    """
    return np.asarray(age, np.float32) > np.asarray(onset, np.float32)


@kernel
def _hearing_onsets(ranks, shares, out):  # pragma: no cover - compiled
    """Age from which each hearing rank lies below the share with hearing loss.

    The share (``shares`` at HEARING_AGES, linear in between, constant outside) rises
    with age, so ``rank < share(age)`` holds from the age where the share reaches the rank:
    from birth for ranks below the share at 55, never for ranks at or above the share at 95.
    """
    for j in range(len(ranks)):
        rank = ranks[j]
        onset = np.float32(np.inf)
        if rank < shares[0]:
            onset = np.float32(-np.inf)
        else:
            for k in range(4):
                lo, hi = shares[k], shares[k + 1]
                if lo <= rank < hi:
                    onset = np.float32(55.0 + 10.0 * k + 10.0 * (rank - lo) / (hi - lo))
                    break
        out[j] = onset
