"""The tie store: every convoy tie as a row of numpy arrays, plus per-resident slots.

A tie joins two residents (``a``, ``b``) or a resident and a relative living elsewhere
(``b == -1``). Its row number is its edge id (the ``tie`` attribute on networkx edges, see
:mod:`sim.graph`). Ended ties are marked dead and their rows reused by compaction. Each
resident has ``max_ties`` slots listing their tie ids, so finding a resident's ties is a
row lookup, not a scan of all ties.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from sim import tie_slots
from sim.arrays import per_item, rows_where, unique
from sim.jit import inline, kernel
from sim.rng import kernel_key, key_of, pair_code, uniform_at

#: Tie kinds (relationship).
PARTNER, FAMILY, FRIEND, NEIGHBOUR, COLLEAGUE, CLUB, VOLUNTEER, ACTIVITY = range(8)
KIND_NAMES = ("partner", "family", "friend", "neighbour", "colleague", "club", "volunteer",
              "activity")
#: Contact settings: where contact on a tie happens; lockdown measures act per setting.
(HOUSEHOLD, S_FAMILY, S_FRIEND, S_NEIGHBOUR, S_WORK, S_SCHOOL, S_CLUB, S_EXTERNAL,
 S_CARE_HOME) = range(9)
SETTING_NAMES = ("household", "family", "friend", "neighbour", "work", "school", "club",
                 "external", "care_home")
N_SETTINGS = len(SETTING_NAMES)
#: Circles of the convoy by closeness (Antonucci): inner >= 0.7 > middle >= 0.4 > outer.
INNER, MIDDLE = 0.7, 0.4
#: Age difference (years) from which a relative counts as one's child or grandchild.
DESCENDANT_GAP = 18.0
#: Where a tie's closeness starts (uniform between the two): a settled tie (one that exists
#: before it is modelled) at these shares of its potential, a new acquaintance at this
#: closeness (at most its potential), growing with contact (assumption).
SETTLED_START, NEW_START = (0.8, 1.0), (0.15, 0.3)


def start_closeness(potential: np.ndarray, share: np.ndarray, settled: bool) -> np.ndarray:
    """Starting closeness of ties from a uniform share 0-1 each (see :data:`SETTLED_START`).

    Args:
        potential: The ties' potential closeness.
        share: Where each starts within its range, 0-1.
        settled: Settled ties, or new acquaintances.

    Returns:
        Starting closeness per tie.
    """
    lo, hi = SETTLED_START if settled else NEW_START
    start = lo + (hi - lo) * share
    return potential * start if settled else np.minimum(potential, start)


_COLUMNS = ("a", "b", "kind", "closeness", "potential", "alive", "setting", "value_emotional",
            "value_social", "network_rate", "age_gap", "fixed_rate", "via", "near")


def circle_of(closeness: np.ndarray) -> np.ndarray:
    """Circle code per tie: 0 inner, 1 middle, 2 outer.

    Args:
        closeness: Closeness values.

    Returns:
        Circle codes.
    """
    return np.where(closeness >= INNER, 0, np.where(closeness >= MIDDLE, 1, 2)).astype(np.int8)


class Ties:
    """Arrays of ties, with slots per resident."""

    def __init__(self, capacity: int, residents: int, max_ties: int) -> None:
        self.n = 0
        self.capacity = max(16, int(capacity))
        self.max_ties = max_ties
        self.a = np.full(self.capacity, -1, np.int32)
        self.b = np.full(self.capacity, -1, np.int32)
        self.kind = np.zeros(self.capacity, np.int8)
        self.closeness = np.zeros(self.capacity, np.float32)
        self.potential = np.zeros(self.capacity, np.float32)
        self.alive = np.zeros(self.capacity, np.bool_)
        # Contribution of each tie to its ends' weekly intake, as last added (see contacts.py).
        self.setting = np.zeros(self.capacity, np.int8)
        self.value_emotional = np.zeros(self.capacity, np.float32)
        self.value_social = np.zeros(self.capacity, np.float32)
        # Contact rate counted as one's own network (0: household member or volunteer).
        self.network_rate = np.zeros(self.capacity, np.float32)
        # For ties to someone elsewhere: their age minus the resident's (years), so that
        # relatives elsewhere grow old and die too.
        self.age_gap = np.zeros(self.capacity, np.int8)
        # For volunteer ties (a buddy, a daily visitor): visits per week set by the programme.
        self.fixed_rate = np.zeros(self.capacity, np.float32)
        # For in-law ties (a family tie through one's partner): that partner, else -1.
        self.via = np.full(self.capacity, -1, np.int32)
        # For ties to someone elsewhere: they live near the municipality (a relative of a
        # newcomer who moved a short way, see ``convoy.newcomer_kin_near_share``) and are met
        # in person like kin in town, not at the rate of kin further away.
        self.near = np.zeros(self.capacity, np.bool_)
        self.slots = np.full((max(16, residents), max_ties), -1, np.int32)
        self.peer = np.full_like(self.slots, -1)  # the other resident of each slot's tie
        # Slots are kept packed: a resident's ties fill slots 0 .. count-1.
        self.count = np.zeros(len(self.slots), np.int32)

    # ---- adding and removing -------------------------------------------------------------
    def add(self, a: np.ndarray, b: np.ndarray, kind: np.ndarray | int,
            closeness: np.ndarray, potential: np.ndarray, age_gap: np.ndarray | int = 0
            ) -> np.ndarray:
        """Add ties; pairs where a resident has no free slot are dropped.

        Args:
            a: First resident of each tie.
            b: Second resident, or -1 for a relative outside the municipality.
            kind: Tie kind(s).
            closeness: Starting closeness.
            potential: Closeness the tie tends to with regular contact.
            age_gap: For ties to someone elsewhere, their age minus the first resident's
                (years), one value or one per tie.

        Returns:
            Ids of the ties actually added.
        """
        a = np.asarray(a, np.int32)
        b = np.asarray(b, np.int32)
        kinds = per_item(kind, len(a), np.int8)
        closeness = np.asarray(closeness, np.float32)
        potential = np.asarray(potential, np.float32)
        gaps = per_item(age_gap, len(a), np.int8)
        return self.add_by(lambda first, *stored: _store(
            a, b, kinds, closeness, potential, gaps, first, *stored), len(a))

    def add_drawn(self, rng: np.random.Generator, a: np.ndarray, b: np.ndarray, kind: int,
                  alpha: float, beta: float, settled: bool, age_gap: np.ndarray | int = 0
                  ) -> np.ndarray:
        """Add ties of one kind whose potential and starting closeness are drawn.

        The potential is Beta(``alpha``, ``beta``); the closeness starts as
        :func:`start_closeness` has it, from a uniform draw per tie. All potentials are
        drawn first, then all starting shares, as numpy would draw them for the whole batch.

        Args:
            rng: Random stream.
            a: First resident of each tie.
            b: Second resident, or -1 for a relative outside the municipality.
            kind: Tie kind.
            alpha: First Beta parameter of the kind's potential.
            beta: Second Beta parameter.
            settled: Ties that already exist (closeness near potential), or new ones.
            age_gap: For ties to someone elsewhere, their age minus the first resident's.

        Returns:
            Ids of the ties actually added (pairs without a free slot are dropped).
        """
        a = np.asarray(a, np.int32)
        b = np.asarray(b, np.int32)
        lo, hi = SETTLED_START if settled else NEW_START
        gaps = per_item(age_gap, len(a), np.int8)
        return self.add_by(lambda first, *stored: draw_and_store(
            rng, a, b, np.int8(kind), alpha, beta, settled, lo, hi, gaps, first, *stored),
                           len(a))

    def add_by(self, store: Callable[..., int], most: int) -> np.ndarray:
        """Add ties by a kernel that works out, slots and stores them in one call.

        Args:
            store: Called with the first free tie id and the arrays :func:`_store` writes
                (in its order); stores the ties from that id on and returns how many.
            most: At most this many ties are added (room is made for them first).

        Returns:
            Ids of the ties added.
        """
        self.reserve(most)
        added = store(self.n, *self._stored())
        ids = np.arange(self.n, self.n + added, dtype=np.int32)
        self.n += added
        return ids

    def reserve(self, count: int) -> None:
        """Make room for ``count`` more ties.

        Args:
            count: Ties about to be added.
        """
        if self.n + count > self.capacity:
            self._grow(max(self.n + count, int(self.capacity * 1.5)))

    def _stored(self) -> tuple[np.ndarray, ...]:
        """The arrays :func:`_store` writes, in its order."""
        return (self.count, self.slots, self.peer, self.a, self.b, self.kind, self.closeness,
                self.potential, self.alive, self.age_gap, self.fixed_rate, self.via, self.near)


    def fits(self, a: np.ndarray, b: np.ndarray) -> np.ndarray:
        """Which of these new pairs :meth:`add` would keep (both ends have a free slot).

        Args:
            a: First residents.
            b: Second residents (-1: someone elsewhere).

        Returns:
            Boolean per pair.
        """
        return tie_slots.would_fit(np.asarray(a, np.int32), np.asarray(b, np.int32),
                                   self.count, self.max_ties)

    def remove(self, ids: np.ndarray) -> None:
        """End ties (their rows become dead and their slots free).

        Args:
            ids: Tie ids; dead or repeated ids are ignored.
        """
        tie_slots.release(np.asarray(ids, np.int32), self.a, self.b, self.alive, self.count,
                      self.slots, self.peer)

    def make_external(self, ids: np.ndarray, stayer: np.ndarray, age_gap: np.ndarray) -> None:
        """Turn ties into ties with someone outside the municipality, kept by ``stayer``.

        Args:
            ids: Tie ids (both ends are residents now).
            stayer: The end who stays, per tie.
            age_gap: Age of the one who leaves minus the stayer's, per tie.
        """
        move_elsewhere(np.asarray(ids, np.int32), np.asarray(stayer, np.int32),
                       np.asarray(age_gap, np.int8), self.a, self.b, self.age_gap, self.near,
                       self.count, self.slots, self.peer)

    def ties_of(self, residents: np.ndarray) -> np.ndarray:
        """All live tie ids of some residents (a tie between two of them appears once).

        Args:
            residents: Resident rows.

        Returns:
            Sorted unique tie ids.
        """
        return unique(tie_slots.listed(np.asarray(residents, np.int32), self.count, self.slots))

    def ensure_residents(self, residents: int) -> None:
        """Make room in the slot table for at least ``residents`` rows.

        Args:
            residents: Number of resident rows needed.
        """
        if residents > len(self.slots):
            extra = np.full((max(residents, int(len(self.slots) * 1.5)) - len(self.slots),
                             self.max_ties), -1, np.int32)
            self.slots = np.vstack([self.slots, extra])
            self.peer = np.vstack([self.peer, extra])
            self.count = np.concatenate([self.count, np.zeros(len(extra), np.int32)])

    def degree(self, residents: np.ndarray | None = None) -> np.ndarray:
        """Number of live ties per resident.

        Args:
            residents: Rows to count (default: all rows).

        Returns:
            Tie counts.
        """
        return self.count.copy() if residents is None else self.count[residents]

    def has_tie(self, a: np.ndarray, b: np.ndarray) -> np.ndarray:
        """Whether residents ``a[i]`` and ``b[i]`` are already tied.

        Args:
            a: Residents.
            b: Residents.

        Returns:
            Boolean per pair.
        """
        return tie_slots.tied(np.asarray(a, np.int32), np.asarray(b, np.int32), self.count,
                              self.peer)

    def between(self, a: np.ndarray, b: np.ndarray) -> np.ndarray:
        """Ids of existing ties between residents ``a[i]`` and ``b[i]``.

        Args:
            a: Residents.
            b: Residents (-1, someone elsewhere: no tie is looked up).

        Returns:
            Tie ids, pair by pair (pairs without a tie contribute nothing).
        """
        return tie_slots.between(np.asarray(a, np.int32), np.asarray(b, np.int32), self.count,
                                 self.slots, self.peer)

    def draws(self, rng: np.random.Generator, ids: np.ndarray) -> np.ndarray:
        """One uniform draw per tie, keyed by whom the tie joins (common random numbers).

        The number depends on the stream's key and the pair (for a tie with someone
        elsewhere: the resident and the tie's drawn potential, which tells their ties
        elsewhere apart), not on the tie's row or on which other ties are in ``ids``: a
        run with a policy package and the run without it draw the same for the same tie
        even where their lists of ties differ.

        Args:
            rng: The stream of the part that draws (one key is taken from it).
            ids: Tie ids.

        Returns:
            float32 draws in [0, 1), one per tie.
        """
        ids = np.asarray(ids, np.int32)
        out = np.empty(len(ids), np.float32)
        _keyed_draws(kernel_key(rng), ids, self.a, self.b, self.potential.view(np.uint32), out)
        return out

    def live(self) -> np.ndarray:
        """Ids of all live ties."""
        return rows_where(self.alive[: self.n])

    def compact(self) -> None:
        """Drop dead rows so the arrays stay dense (renumbers ties; slots keep their order)."""
        keep = self.live()
        if len(keep) == self.n:
            return
        for name in _COLUMNS:
            arr = getattr(self, name)
            _move_to_front(arr, keep, self.n, arr.dtype.type(-1 if arr.dtype == np.int32 else 0))
        new_id = np.full(self.n, -1, np.int32)
        new_id[keep] = np.arange(len(keep), dtype=np.int32)
        tie_slots.renumber(self.count, self.slots, new_id)
        self.n = len(keep)

    # ---- internals -----------------------------------------------------------------------
    def _grow(self, capacity: int) -> None:
        for name in _COLUMNS:
            old = getattr(self, name)
            new = np.full(capacity, -1 if old.dtype == np.int32 else 0, old.dtype)
            new[: self.capacity] = old
            setattr(self, name, new)
        self.capacity = capacity


@kernel
def move_elsewhere(ids, stayer, gap, a, b, age_gap, near, count, slots, peer
                   ):  # pragma: no cover - compiled
    """Ties go on with someone outside the municipality; see :meth:`Ties.make_external`."""
    leaver = np.empty(len(ids), np.int32)
    for i in range(len(ids)):
        t = ids[i]
        leaver[i] = b[t] if a[t] == stayer[i] else a[t]
    tie_slots.detach(ids, leaver, stayer, count, slots, peer)
    for i in range(len(ids)):
        t = ids[i]
        a[t], b[t] = stayer[i], -1
        age_gap[t] = gap[i]
        near[t] = False


@kernel
def _move_to_front(column, keep, n, empty):  # pragma: no cover - compiled
    """In place: ``column[:len(keep)] = column[keep]`` (ascending ids), rows up to n emptied."""
    for i in range(len(keep)):
        column[i] = column[keep[i]]
    for i in range(len(keep), n):
        column[i] = empty


@kernel
def _keyed_draws(key, ids, a, b, potential_bits, out):  # pragma: no cover - compiled
    """Draw per tie; see :meth:`Ties.draws`."""
    for i in range(len(ids)):
        t = ids[i]
        out[i] = tie_draw(key, a[t], b[t], potential_bits[t])


@inline
def tie_draw(key, a, b, potential_bits):  # pragma: no cover - compiled
    """One tie's draw of :meth:`Ties.draws` (pair; someone elsewhere: and the potential)."""
    item = key_of(key, pair_code(a, b))
    if b < 0:
        item = key_of(item, potential_bits)
    return uniform_at(item, 0)


@kernel
def _store(a, b, kind, closeness, potential, age_gap, first, count, slots, peer, col_a, col_b,
           col_kind, col_closeness, col_potential, alive, col_age_gap, fixed_rate, via, near
           ):  # pragma: no cover - compiled
    """Slot and store new ties from id ``first`` on; returns how many were kept.

    Pairs where a resident has no free slot are dropped (:func:`sim.tie_slots.fill`).
    """
    keep = tie_slots.fill(a, b, first, count, slots, peer)
    t = first
    for i in range(len(a)):
        if not keep[i]:
            continue
        col_a[t], col_b[t], col_kind[t] = a[i], b[i], kind[i]
        col_closeness[t], col_potential[t] = closeness[i], potential[i]
        alive[t] = True
        col_age_gap[t] = age_gap[i]
        fixed_rate[t] = 0
        via[t] = -1
        near[t] = False
        t += 1
    return t - first


@kernel
def draw_and_store(rng, a, b, kind, alpha, beta, settled, lo, hi, age_gap, first, *stored
                    ):  # pragma: no cover - compiled
    """Draw potentials and starting closeness, then :func:`_store`; see Ties.add_drawn."""
    n = len(a)
    potential = np.empty(n, np.float32)
    closeness = np.empty(n, np.float32)
    for i in range(n):
        potential[i] = np.float32(rng.beta(alpha, beta))
    for i in range(n):
        start = np.float32(rng.uniform(lo, hi))  # as start_closeness, drawn in the stream
        closeness[i] = potential[i] * start if settled else min(potential[i], start)
    return _store(a, b, np.full(n, kind, np.int8), closeness, potential, age_gap, first,
                  *stored)
