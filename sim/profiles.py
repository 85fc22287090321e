"""Municipality profiles: the population mix, read from ``sim/data/municipalities.toml``."""

from __future__ import annotations

import functools
import tomllib
from dataclasses import dataclass
from importlib import resources

import numpy as np

from sim.jit import inline, kernel

#: Lower bounds of the seven age bands of ``age_shares`` (the last band is 85-100).
AGE_BANDS = (0, 18, 25, 45, 65, 75, 85)
#: Lower bounds of the six adult bands used by every other profile list.
ADULT_BANDS = (18, 25, 45, 65, 75, 85)
#: Mean age of each adult band as synthesised (uniform within a band; 85+ is 85 plus an
#: exponential tail of mean 5 years, see :func:`sim.synth.draw_ages`).
ADULT_BAND_MEANS = (21.5, 35.0, 55.0, 70.0, 80.0, 90.0)

_ADULT_LISTS = (
    "partnered", "single_widowed", "single_divorced", "care_home", "chronic", "frail",
    "disability", "low_income", "migration_background", "caregiver_heavy", "employed",
    "students", "club_member",
)


@dataclass(frozen=True)
class Profile:
    """One municipality type; adult lists are numpy arrays over :data:`ADULT_BANDS`."""

    name: str
    label_nl: str
    label_en: str
    age_shares: np.ndarray
    values: dict[str, np.ndarray]
    young_with_parents: float
    club_member_children: float
    mean_children: float
    childless: float
    kin_local_share: float
    neighbourhood_size: int

    def by_band(self, key: str, band: np.ndarray) -> np.ndarray:
        """Look up an adult-band list for each resident.

        Args:
            key: Name of the list, e.g. ``"frail"``.
            band: Adult band index (0-5) per resident.

        Returns:
            The share for each resident's band.
        """
        return self.values[key][band]

    def at_age(self, key: str, age: np.ndarray) -> np.ndarray:
        """Look up an adult-band list by single year of age, without steps at band edges.

        Within each band the share changes linearly with age, at the slope between the
        neighbouring bands' values (at their mean ages), through the band's own value at its
        mean age, so the band's mean is kept. A share that falls steeply with age, such as
        living with a partner after 75, then has no jump at 85: those turning 85 are not
        partnered at the rate of all 75-84-year-olds.

        Args:
            key: Name of the list, e.g. ``"partnered"``.
            age: Ages in years (18 and over).

        Returns:
            The share at each age, clipped to 0-1.
        """
        return within_bands(self.values[key], age)


@functools.cache
def _raw() -> dict:
    text = resources.files("sim.data").joinpath("municipalities.toml").read_text("utf-8")
    return tomllib.loads(text)


def profile_names() -> list[str]:
    """Names of the available municipality profiles."""
    return sorted(_raw())


def load_profile(name: str) -> Profile:
    """Read one profile and check its lists.

    Args:
        name: Profile name, e.g. ``"average"``.

    Returns:
        The profile.
    """
    raw = _raw()[name]
    shares = np.asarray(raw["age_shares"], dtype=float)
    if len(shares) != len(AGE_BANDS) or not np.isclose(shares.sum(), 1.0, atol=0.01):
        raise ValueError(f"profile {name}: age_shares must be {len(AGE_BANDS)} shares summing to 1")
    values = {}
    for key in _ADULT_LISTS:
        arr = np.asarray(raw[key], dtype=float)
        if len(arr) != len(ADULT_BANDS) or (arr < 0).any() or (arr > 1).any():
            raise ValueError(f"profile {name}: {key} must be {len(ADULT_BANDS)} shares 0-1")
        values[key] = arr
    if (values["employed"] + values["students"] > 1 + 1e-9).any():
        raise ValueError(f"profile {name}: employed + students must be at most 1 in each band")
    return Profile(
        name=name, label_nl=raw["label_nl"], label_en=raw["label_en"],
        age_shares=shares / shares.sum(), values=values,
        young_with_parents=float(raw["young_with_parents"]),
        club_member_children=float(raw["club_member_children"]),
        mean_children=float(raw["mean_children"]), childless=float(raw["childless"]),
        kin_local_share=float(raw["kin_local_share"]),
        neighbourhood_size=int(raw["neighbourhood_size"]),
    )


def within_bands(values: np.ndarray, age: np.ndarray) -> np.ndarray:
    """Band values (one per adult band) as a function of single years of age.

    Each band's value holds at its mean age (:data:`ADULT_BAND_MEANS`); within the band the
    line has the slope between its neighbours (the first and last band: between themselves
    and their one neighbour), so the band's mean is kept.

    Args:
        values: One value per adult band.
        age: Ages in years.

    Returns:
        Values per age, clipped to 0-1.
    """
    v, age = np.asarray(values, float), np.asarray(age)
    return _within_bands(v, band_slopes(v), np.asarray(ADULT_BAND_MEANS, float), BAND_OF_YEAR,
                         age.ravel()).reshape(age.shape)


@kernel
def _within_bands(values, slopes, means, band_of_year, age):  # pragma: no cover - compiled
    out = np.empty(len(age))
    for i in range(len(age)):
        out[i] = share_at(values, slopes, means, band_at(age[i], band_of_year), age[i])
    return out


@inline
def share_at(values, slopes, means, band, age):  # pragma: no cover - compiled
    """One age's value of :func:`within_bands` (``values``, ``slopes``: one per band)."""
    share = values[band] + slopes[band] * (np.float64(age) - means[band])
    return min(max(share, 0.0), 1.0)


@inline
def band_at(age, band_of_year):  # pragma: no cover - compiled
    """One age's adult band (:func:`adult_band`, for compiled loops)."""
    return band_of_year[int(min(age, np.float32(120.0)))]


@inline
def work_age(age, retirement_age):  # pragma: no cover - compiled
    """The age whose band's employment applies (:func:`work_band`): 64 up to the pension."""
    return np.float32(64.0) if age >= 65 and age < retirement_age else age


def band_slopes(values: np.ndarray) -> np.ndarray:
    """Slope (per year of age) of each band's line in :func:`within_bands`.

    Args:
        values: One value per adult band (or rows of them).

    Returns:
        One slope per band (per row).
    """
    v, m = np.asarray(values, float), np.asarray(ADULT_BAND_MEANS)
    return (v[..., _UPPER] - v[..., _LOWER]) / (m[_UPPER] - m[_LOWER])


def adult_band(age: np.ndarray) -> np.ndarray:
    """Adult band index 0-5 for ages (ages under 18 get band 0).

    Args:
        age: Ages in years.

    Returns:
        Band indices as int8.
    """
    return BAND_OF_YEAR[np.minimum(age, 120).astype(np.int32)]


def work_band(age: np.ndarray, retirement_age: float) -> np.ndarray:
    """Adult band whose ``employed`` share applies at each age.

    The age's own band, except from 65 up to the state-pension age: the run keeps everyone in
    work who works at 64 until they retire at ``events.retirement_age``, so those ages work at
    the 45-64 band's rate (at the start and in :mod:`sim.labour`).

    Args:
        age: Ages in years.
        retirement_age: The state-pension age.

    Returns:
        Band indices as int8.
    """
    age = np.asarray(age, np.float32)
    return _work_bands(age.ravel(), np.float32(retirement_age), BAND_OF_YEAR).reshape(age.shape)


@kernel
def _work_bands(age, retirement_age, band_of_year):  # pragma: no cover - compiled
    out = np.empty(len(age), np.int8)
    for i in range(len(age)):
        out[i] = band_at(work_age(age[i], retirement_age), band_of_year)
    return out


#: Adult band index (0-5) of each whole year of age 0-120.
BAND_OF_YEAR = (np.searchsorted(ADULT_BANDS, np.arange(121), side="right") - 1).clip(
    0, 5).astype(np.int8)

#: The lower and upper neighbour of each adult band, whose values set the band's slope in
#: :func:`within_bands` (the first and last band: themselves and their one neighbour).
_LOWER = np.array([0, *range(len(ADULT_BAND_MEANS) - 1)])
_UPPER = np.array([*range(1, len(ADULT_BAND_MEANS)), len(ADULT_BAND_MEANS) - 1])


def parental_home_share(age: np.ndarray, ages: tuple, shares: tuple) -> np.ndarray:
    """Share of residents of an age who live in the parental home, by a curve of ages.

    The share falls exponentially between the given ages (a constant leaving hazard in each
    stretch) and is 0 below the first and from the last.

    Args:
        age: Ages in years.
        ages: Ages of the curve, ascending (``population.with_parents_ages``).
        shares: Shares at those ages, all above 0 (``population.with_parents_shares``).

    Returns:
        Share per age.
    """
    age = np.asarray(age, np.float64)
    share = np.exp(np.interp(age, ages, np.log(shares)))
    return np.where((age >= ages[0]) & (age < ages[-1]), share, 0.0)
