"""Resident state: one table of named numpy arrays, declared once.

A resident's id is their row, forever. Residents who die or move away are masked inactive,
never deleted. Arrays grow (amortised doubling) when newcomers arrive.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from sim.arrays import rows_where
from sim.jit import kernel

#: Marital history codes (``marital`` column).
NEVER, PARTNERED, WIDOWED, DIVORCED = 0, 1, 2, 3
MARITAL_NAMES = ("never_partnered", "partnered", "widowed", "divorced")
#: Health codes (``health`` column).
GOOD, CHRONIC, FRAIL = 0, 1, 2
HEALTH_NAMES = ("good", "chronic", "frail")
#: Work codes (``work`` column).
NO_WORK, EMPLOYED, STUDENT, RETIRED = 0, 1, 2, 3
WORK_NAMES = ("none", "employed", "student", "retired")
#: Number of De Jong Gierveld items.
DJG_ITEMS = 11


@dataclass(frozen=True)
class Column:
    """Declaration of one resident attribute."""

    name: str
    dtype: type
    default: float
    unit: str
    doc: str
    width: int = 1


COLUMNS: tuple[Column, ...] = (
    Column("active", np.bool_, False, "yes/no", "Lives in the municipality now."),
    Column("age", np.float32, 0.0, "years", "Age."),
    Column("female", np.bool_, False, "yes/no", "Sex is female."),
    Column("household", np.int32, -1, "id", "Household (shared dwelling) id."),
    Column("household_size", np.int16, 1, "persons", "Persons in the household (derived)."),
    Column("partner", np.int32, -1, "row", "Co-resident partner, or -1."),
    Column("marital", np.int8, NEVER, "code", "0 never partnered, 1 partnered, 2 widowed, "
           "3 divorced."),
    Column("with_parents", np.bool_, False, "yes/no", "Lives in the parental home."),
    Column("living_alone", np.bool_, False, "yes/no", "Lives alone (not in a care home)."),
    Column("neighbourhood", np.int32, -1, "id", "Neighbourhood (buurt)."),
    Column("health", np.int8, GOOD, "code", "0 good, 1 chronic illness, 2 frail."),
    Column("disability", np.bool_, False, "yes/no", "Long-standing disability."),
    Column("mastery", np.float32, 0.5, "0-1", "Grip on one's life (Pearlin mastery, rescaled)."),
    Column("low_income", np.bool_, False, "yes/no", "Below the low-income line."),
    Column("migration", np.bool_, False, "yes/no", "Migration background."),
    Column("caregiver", np.bool_, False, "yes/no", "Heavily burdened informal caregiver."),
    Column("low_support", np.bool_, False, "yes/no", "One's partnership (the current one, or "
           "the last) is one of little emotional support (params.convoy.low_support_share)."),
    Column("work", np.int8, NO_WORK, "code", "0 none, 1 employed, 2 student/school, 3 retired."),
    Column("workplace", np.int32, -1, "id", "Workplace or school focus, or -1."),
    Column("club", np.int32, -1, "id", "Club/faith/activity focus, or -1."),
    Column("care_home", np.bool_, False, "yes/no", "Lives in a care home."),
    Column("emotional", np.float32, 0.0, "0-6", "Latent emotional loneliness."),
    Column("social", np.float32, 0.0, "0-5", "Latent social loneliness."),
    Column("desired_emotional", np.float32, 0.75, "0-1", "Desired emotional fulfilment."),
    Column("desired_social", np.float32, 0.75, "0-1", "Desired social fulfilment."),
    Column("achieved_emotional", np.float32, 0.0, "0-1", "Emotional fulfilment this week."),
    Column("achieved_social", np.float32, 0.0, "0-1", "Social fulfilment this week."),
    Column("desired_emotional_base", np.float32, 0.75, "0-1", "Desired emotional fulfilment "
           "before any adaptation (personal)."),
    Column("desired_social_base", np.float32, 0.75, "0-1", "Desired social fulfilment before "
           "any adaptation (personal)."),
    Column("grief", np.float32, 0.0, "0-1", "Grief after a loss; fades at a personal pace."),
    Column("grief_halflife", np.float32, 52.0, "weeks", "Personal half-life of grief."),
    Column("lonely_weeks", np.int16, 0, "weeks", "Consecutive weeks with DJG-11 >= 3."),
    Column("fluctuation", np.float32, 0.0, "standard score", "Personal fluctuation of emotional "
           "and social loneliness (unmodelled circumstances), slowly changing.", width=2),
    Column("withdrawal", np.float32, 0.0, "0-1", "Social withdrawal built by chronic loneliness."),
    Column("friends_missed", np.float32, 0.0, "friendships", "Friendships lost against one's "
           "will (the friend died, moved, became homebound) still to be replaced, times "
           "ties.friend_replacement (maintenance.replace_friends)."),
    Column("contacts", np.float32, 0.0, "index", "Weekly contact index: the sum over ties of "
           "the chance-like worth of a week's contact, closeness-weighted (see contacts.py)."),
    Column("network_contacts", np.float32, 0.0, "contacts per week", "Expected contacts a week "
           "(in person or remote) with one's own network outside the household; volunteers not "
           "counted."),
    Column("djg_emotional", np.int8, 0, "0-6", "DJG emotional subscale score."),
    Column("djg_social", np.int8, 0, "0-5", "DJG social subscale score."),
    Column("djg6", np.int8, 0, "0-6", "DJG 6-item short scale score."),
    # Policy: where a resident is in the route from being noticed to being helped, and the
    # levers interventions move (all neutral by default).
    Column("care_stage", np.int8, 0, "code", "0 none, 1 waiting for an intake, 2 waiting for "
           "a place, 3 taking part."),
    Column("care_offer", np.int8, -1, "index", "Intervention offered or taken part in."),
    Column("care_cause", np.int8, -1, "index", "Main cause found at intake (maatwerk)."),
    Column("care_since", np.int32, 0, "week", "Week the current care stage began."),
    Column("reluctance", np.float32, 0.0, "0-1", "Unwillingness to try help again after a "
           "misfit."),
    Column("activity", np.int32, -1, "id", "Group of an intervention (meetings, volunteering, "
           "course), a focus like a club."),
    Column("remote_boost", np.float32, 0.0, "share", "Extra worth of remote contact (video "
           "calling)."),
    Column("adapt_boost", np.float32, 0.0, "multiplier - 1", "Faster adaptation of "
           "expectations (cognitive support)."),
    Column("sociability", np.float32, 0.0, "multiplier - 1", "More new ties (social skills)."),
    Column("support", np.float32, 0.0, "0-1", "Practical support closing the gap to full "
           "out-of-home contact (transport, respite)."),
    Column("vulnerability", np.float32, 0.0, "standard score", "Lasting personal "
           "vulnerability to loneliness (social cognition, mood; see "
           "loneliness.vulnerability_sd)."),
    Column("hearing_from", np.float32, np.inf, "years", "Age from which the resident's "
           "hearing loss hampers conversation (health.hearing_loss_by_age; inf: never)."),
    Column("item_offset", np.float32, 0.0, "latent points", "Personal response style per DJG "
           "item (fixed).", width=DJG_ITEMS),
)


class Population:
    """The table of resident arrays; each column is an attribute (``pop.age`` ...).

    Columns wider than one value (the DJG item offsets) are stored item-major, shape
    ``(width, capacity)``, so that one item over all residents is contiguous.
    """

    def __init__(self, capacity: int) -> None:
        self.n = 0
        self.capacity = max(16, int(capacity))
        for col in COLUMNS:
            shape = (self.capacity,) if col.width == 1 else (col.width, self.capacity)
            setattr(self, col.name, np.full(shape, col.default, dtype=col.dtype))

    def add(self, count: int) -> np.ndarray:
        """Append ``count`` new rows with default values.

        Args:
            count: Number of rows to add.

        Returns:
            The new rows' ids.
        """
        if self.n + count > self.capacity:
            self._grow(max(self.n + count, int(self.capacity * 1.5)))
        ids = np.arange(self.n, self.n + count, dtype=np.int32)
        self.n += count
        return ids

    def _grow(self, capacity: int) -> None:
        for col in COLUMNS:
            old = getattr(self, col.name)
            shape = (capacity,) if col.width == 1 else (col.width, capacity)
            new = np.full(shape, col.default, dtype=col.dtype)
            new[..., : self.capacity] = old
            setattr(self, col.name, new)
        self.capacity = capacity

    def active_ids(self) -> np.ndarray:
        """Rows of residents currently in the municipality."""
        return rows_where(self.active[: self.n])

    def grow_older(self, years: float) -> None:
        """Everyone in the municipality ages.

        Args:
            years: Time passed.
        """
        n = self.n
        _grow_older(self.age[:n], self.active[:n], np.float32(years))

    def refresh_households(self) -> None:
        """Recompute household sizes and who lives alone (derived columns)."""
        n = self.n
        _household_sizes(self.active[:n], self.household[:n], self.care_home[:n],
                         self.household_size[:n], self.living_alone[:n])


@kernel
def _grow_older(age, active, years):  # pragma: no cover - compiled
    """Add ``years`` to the age of active rows (a branch-free loop: vector code)."""
    for i in range(len(age)):
        age[i] += years * active[i]


@kernel
def _household_sizes(active, household, care_home, size, alone):  # pragma: no cover - compiled
    """Persons per household for each resident (0 if inactive) and who lives alone.

    Counts sit one place up from the household id; place 0 collects the rows without a
    household (inactive, or id -1) and is emptied before it is read: branch-free loops.
    """
    top = 0
    for i in range(len(household)):
        top = max(top, household[i])
    count = np.zeros(top + 2, np.int32)
    for i in range(len(household)):
        count[(household[i] + 1) * active[i]] += 1
    count[0] = 0
    for i in range(len(household)):
        persons = count[(household[i] + 1) * active[i]]
        size[i] = persons
        alone[i] = (persons == 1) & ~care_home[i]
