"""Municipality profiles: the population mix, read from ``sim/data/municipalities.toml``."""

from __future__ import annotations

import functools
import tomllib
from dataclasses import dataclass
from importlib import resources

import numpy as np

#: Lower bounds of the seven age bands of ``age_shares`` (the last band is 85-100).
AGE_BANDS = (0, 18, 25, 45, 65, 75, 85)
#: Lower bounds of the six adult bands used by every other profile list.
ADULT_BANDS = (18, 25, 45, 65, 75, 85)

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
    return Profile(
        name=name, label_nl=raw["label_nl"], label_en=raw["label_en"],
        age_shares=shares / shares.sum(), values=values,
        young_with_parents=float(raw["young_with_parents"]),
        club_member_children=float(raw["club_member_children"]),
        mean_children=float(raw["mean_children"]), childless=float(raw["childless"]),
        kin_local_share=float(raw["kin_local_share"]),
        neighbourhood_size=int(raw["neighbourhood_size"]),
    )


def adult_band(age: np.ndarray) -> np.ndarray:
    """Adult band index 0-5 for ages (ages under 18 get band 0).

    Args:
        age: Ages in years.

    Returns:
        Band indices as int8.
    """
    return BAND_OF_YEAR[np.minimum(age, 120).astype(np.int32)]


#: Adult band index (0-5) of each whole year of age 0-120.
BAND_OF_YEAR = (np.searchsorted(ADULT_BANDS, np.arange(121), side="right") - 1).clip(
    0, 5).astype(np.int8)
