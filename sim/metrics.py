"""Outcomes, defined once: De Jong Gierveld categories and the groups they are reported for.

Each week every adult falls in one *cell* (adult age band x marital history x living alone
x frail) and one *answer pattern* (emotional score x social score x DJG-6 strongly lonely).
One ``bincount`` over residents gives a small cell-by-pattern table; every group and metric
is then a sum over that table, so the cost does not grow with the number of groups.
"""

from __future__ import annotations

import numpy as np

from sim.jit import kernel, on_two_cores
from sim.population import FRAIL, MARITAL_NAMES, Population
from sim.profiles import BAND_OF_YEAR

#: DJG-11 total at or above which a resident counts as lonely / severely lonely.
LONELY, SEVERE = 3, 9
#: Subscale score at or above which a resident counts as emotionally / socially lonely.
SUBSCALE_LONELY = 3
#: DJG-6 score at or above which a resident counts as strongly lonely.
STRONG_6 = 5
#: Metric columns of the tidy time series, in order.
METRICS = ("lonely", "severely_lonely", "emotionally_lonely", "socially_lonely", "emotional",
           "social", "strongly_lonely_6")
AGE_GROUPS = ("age_18_24", "age_25_44", "age_45_64", "age_65_74", "age_75_84", "age_85_plus")
GROUPS = ("all", *AGE_GROUPS, *MARITAL_NAMES, "living_alone", "frail_living_alone", "age_75_plus")

_N_BANDS, _N_MARITAL = 6, 4
_N_CELLS = _N_BANDS * _N_MARITAL * 2 * 2
_N_PATTERNS = 7 * 6 * 2


def _cell_parts() -> dict[str, np.ndarray]:
    band, marital, alone, frail = np.unravel_index(np.arange(_N_CELLS),
                                                   (_N_BANDS, _N_MARITAL, 2, 2))
    return {"band": band, "marital": marital, "alone": alone, "frail": frail}


def _group_matrix() -> np.ndarray:
    p = _cell_parts()
    rows = [np.ones(_N_CELLS, bool)]
    rows += [p["band"] == b for b in range(_N_BANDS)]
    rows += [p["marital"] == m for m in range(_N_MARITAL)]
    rows += [p["alone"] == 1, (p["alone"] == 1) & (p["frail"] == 1), p["band"] >= 4]
    return np.array(rows, np.float64)


def _pattern_values() -> np.ndarray:
    emo, soc, strong = np.unravel_index(np.arange(_N_PATTERNS), (7, 6, 2))
    total = emo + soc
    return np.stack([total >= LONELY, total >= SEVERE, emo >= SUBSCALE_LONELY,
                     soc >= SUBSCALE_LONELY, emo, soc, strong], axis=1).astype(np.float64)


GROUP_MATRIX = _group_matrix()
PATTERN_VALUES = _pattern_values()


def weekly_table(pop: Population) -> np.ndarray:
    """Counts of adults per cell and answer pattern.

    Args:
        pop: The population table.

    Returns:
        Array (cells, patterns) of counts.
    """
    halves = np.zeros((2, _N_CELLS, _N_PATTERNS), np.int64)
    rows = (pop.active, pop.age, pop.marital, pop.living_alone, pop.health, pop.djg_emotional,
            pop.djg_social, pop.djg6)
    on_two_cores(pop.n, lambda lo, hi: _count(*(c[lo:hi] for c in rows), BAND_OF_YEAR,
                                              halves[0 if lo == 0 else 1]))
    return halves[0] + halves[1]


@kernel
def _count(active, age, marital, alone, health, emotional, social, djg6, band_of_year, counts
           ):  # pragma: no cover - compiled
    """Adults per cell (age band, marital history, living alone, frail) and answer pattern."""
    for i in range(len(age)):
        if not active[i] or age[i] < 18:
            continue
        band = band_of_year[min(int(age[i]), 120)]
        cell = ((band * _N_MARITAL + marital[i]) * 2 + alone[i]) * 2 + (health[i] == FRAIL)
        pattern = (emotional[i] * 6 + social[i]) * 2 + (djg6[i] >= STRONG_6)
        counts[cell, pattern] += 1


def group_metrics(table: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Residents and metric values per group from a cell-by-pattern table.

    Args:
        table: Result of :func:`weekly_table`.

    Returns:
        ``(residents, values)``: residents per group, and (groups, metrics) shares/means
        (NaN for an empty group).
    """
    per_group = GROUP_MATRIX @ table  # groups x patterns
    residents = per_group.sum(axis=1)
    sums = per_group @ PATTERN_VALUES
    with np.errstate(invalid="ignore", divide="ignore"):
        values = sums / residents[:, None]
    return residents, values
