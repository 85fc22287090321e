"""Target groups for eligibility, by name (scenario ``target = [...]``)."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from sim.population import EMPLOYED, FRAIL, WIDOWED, Population

#: DJG-11 score from which a resident counts as lonely / severely lonely.
_LONELY, _SEVERE = 3, 9
#: Expected contacts a week with one's own network (outside the household, in person or
#: remote) from which a resident has contact about every day (definition: once a day).
DAILY_CONTACTS = 7.0


def _djg(pop: Population) -> np.ndarray:
    n = pop.n
    return pop.djg_emotional[:n] + pop.djg_social[:n]


TARGETS: dict[str, Callable[[Population], np.ndarray]] = {
    "all": lambda p: np.ones(p.n, bool),
    "lonely": lambda p: _djg(p) >= _LONELY,
    "severely_lonely": lambda p: _djg(p) >= _SEVERE,
    "emotionally_lonely": lambda p: p.djg_emotional[: p.n] >= 3,
    "socially_lonely": lambda p: p.djg_social[: p.n] >= 3,
    "living_alone": lambda p: p.living_alone[: p.n],
    "frail": lambda p: p.health[: p.n] == FRAIL,
    "frail_living_alone": lambda p: p.living_alone[: p.n] & (p.health[: p.n] == FRAIL),
    # Daily contact is for people whose own network is not in touch about every day.
    "no_daily_contact": lambda p: ((p.network_contacts[: p.n] < DAILY_CONTACTS)
                                   & ~p.with_parents[: p.n]),
    "age_65_plus": lambda p: p.age[: p.n] >= 65,
    "age_75_plus": lambda p: p.age[: p.n] >= 75,
    "widowed": lambda p: p.marital[: p.n] == WIDOWED,
    "caregivers": lambda p: p.caregiver[: p.n],
    "migration_background": lambda p: p.migration[: p.n],
    "low_income": lambda p: p.low_income[: p.n],
    "disability": lambda p: p.disability[: p.n],
    "not_working": lambda p: p.work[: p.n] != EMPLOYED,
}


def target_mask(pop: Population, names: tuple[str, ...]) -> np.ndarray:
    """Residents in all of the named groups (adults in the municipality only).

    Args:
        pop: The population table.
        names: Group names from :data:`TARGETS`.

    Returns:
        Boolean per row.
    """
    n = pop.n
    mask = pop.active[:n] & (pop.age[:n] >= 18)
    for name in names:
        mask &= TARGETS[name](pop)
    return mask
