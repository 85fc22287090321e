"""Compiled bookkeeping of the per-resident tie slots (see :class:`sim.ties.Ties`).

Each resident's row of ``slots`` lists their tie ids in columns ``0 .. count-1`` and
``peer`` the resident at the other end (-1: someone elsewhere). These loops keep the rows
packed while ties are added and ended; each touches only the residents concerned.
"""

from __future__ import annotations

import numpy as np

from sim.jit import kernel


@kernel
def fill(a, b, first_id, count, slots, peer):  # pragma: no cover - compiled
    """Give new ties ``first_id, first_id+1, ...`` a slot at both ends, in order.

    A pair is skipped when either resident has no free slot left (after earlier pairs).

    Args:
        a: First resident of each pair.
        b: Second resident, or -1 for someone elsewhere.
        first_id: Id of the first tie that is kept.
        count: Used slots per resident (updated).
        slots: Tie id per resident and slot (updated).
        peer: Other end per resident and slot (updated).

    Returns:
        Whether each pair was kept.
    """
    max_ties = slots.shape[1]
    keep = np.zeros(len(a), np.bool_)
    tie = first_id
    for i in range(len(a)):
        x, y = a[i], b[i]
        if count[x] >= max_ties or (y >= 0 and count[y] >= max_ties):
            continue
        keep[i] = True
        slots[x, count[x]] = tie
        peer[x, count[x]] = y
        count[x] += 1
        if y >= 0:
            slots[y, count[y]] = tie
            peer[y, count[y]] = x
            count[y] += 1
        tie += 1
    return keep


@kernel
def would_fit(a, b, count, max_ties):  # pragma: no cover - compiled
    """Which pairs :func:`fill` would keep, without adding them.

    Args:
        a: First resident of each pair.
        b: Second resident, or -1 for someone elsewhere.
        count: Used slots per resident (counted up while checking, then restored).
        max_ties: Slots per resident.

    Returns:
        Whether each pair would be kept.
    """
    keep = np.zeros(len(a), np.bool_)
    for i in range(len(a)):
        x, y = a[i], b[i]
        if count[x] >= max_ties or (y >= 0 and count[y] >= max_ties):
            continue
        keep[i] = True
        count[x] += 1
        if y >= 0:
            count[y] += 1
    for i in range(len(a)):
        if keep[i]:
            count[a[i]] -= 1
            if b[i] >= 0:
                count[b[i]] -= 1
    return keep


@kernel
def drop(resident, tie, count, slots, peer):  # pragma: no cover - compiled
    """Free one resident's slot of one tie (the last used slot moves into the gap)."""
    last = count[resident] - 1
    for col in range(last + 1):
        if slots[resident, col] == tie:
            slots[resident, col] = slots[resident, last]
            peer[resident, col] = peer[resident, last]
            slots[resident, last] = -1
            peer[resident, last] = -1
            count[resident] = last
            return


@kernel
def release(ids, a, b, alive, count, slots, peer):  # pragma: no cover - compiled
    """End ties: mark them dead and free their slots (dead or repeated ids are skipped).

    Args:
        ids: Tie ids.
        a: First end of every tie.
        b: Second end of every tie (-1: elsewhere).
        alive: Whether every tie is live (updated).
        count: Used slots per resident (updated).
        slots: Tie id per resident and slot (updated).
        peer: Other end per resident and slot (updated).
    """
    for tie in ids:
        if not alive[tie]:
            continue
        alive[tie] = False
        drop(a[tie], tie, count, slots, peer)
        if b[tie] >= 0:
            drop(b[tie], tie, count, slots, peer)


@kernel
def detach(ids, leaver, stayer, count, slots, peer):  # pragma: no cover - compiled
    """Ties go on with someone who left: free the leaver's slot, the stayer's peer is -1.

    Args:
        ids: Tie ids.
        leaver: The end who leaves, per tie.
        stayer: The end who stays, per tie.
        count: Used slots per resident (updated).
        slots: Tie id per resident and slot (updated).
        peer: Other end per resident and slot (updated).
    """
    for i in range(len(ids)):
        tie = ids[i]
        if leaver[i] >= 0:
            drop(leaver[i], tie, count, slots, peer)
        s = stayer[i]
        for col in range(count[s]):
            if slots[s, col] == tie:
                peer[s, col] = -1


@kernel
def renumber(count, slots, new_id):  # pragma: no cover - compiled
    """New tie ids in every used slot after the tie store was compacted (order kept).

    Args:
        count: Used slots per resident.
        slots: Tie id per resident and slot (updated).
        new_id: New id per old tie id (live ties only are in slots).
    """
    for r in range(len(count)):
        for col in range(count[r]):
            slots[r, col] = new_id[slots[r, col]]


@kernel
def household_peers(residents, count, peer, household):  # pragma: no cover - compiled
    """Residents tied to one of ``residents`` and living in the same household.

    Args:
        residents: Resident rows.
        count: Used slots per resident.
        peer: Other end per resident and slot.
        household: Household id per resident.

    Returns:
        Their tied housemates (unsorted, possibly repeated).
    """
    out = np.empty(len(residents) * peer.shape[1], np.int32)
    k = 0
    for r in residents:
        for col in range(count[r]):
            p = peer[r, col]
            if p >= 0 and household[p] == household[r]:
                out[k] = p
                k += 1
    return out[:k]


@kernel
def tied(a, b, count, peer):  # pragma: no cover - compiled
    """Whether residents ``a[i]`` and ``b[i]`` share a tie.

    Args:
        a: Residents.
        b: Residents.
        count: Used slots per resident.
        peer: Other end per resident and slot.

    Returns:
        Boolean per pair.
    """
    out = np.zeros(len(a), np.bool_)
    for i in range(len(a)):
        x, y = a[i], b[i]
        for col in range(count[x]):
            if peer[x, col] == y:
                out[i] = True
                break
    return out


@kernel
def between(a, b, count, slots, peer):  # pragma: no cover - compiled
    """The ties between residents ``a[i]`` and ``b[i]`` (pairs with ``b[i]`` -1 are skipped).

    Args:
        a: Residents.
        b: Residents, or -1.
        count: Used slots per resident.
        slots: Tie id per resident and slot.
        peer: Other end per resident and slot.

    Returns:
        Tie ids, pair by pair in slot order.
    """
    found = np.empty(len(a) * slots.shape[1], np.int32)
    k = 0
    for i in range(len(a)):
        x, y = a[i], b[i]
        if y < 0:
            continue
        for col in range(count[x]):
            if peer[x, col] == y:
                found[k] = slots[x, col]
                k += 1
    return found[:k].copy()


@kernel
def listed(residents, count, slots):  # pragma: no cover - compiled
    """The tie ids in the used slots of some residents (a tie between two of them twice).

    Args:
        residents: Resident rows.
        count: Used slots per resident.
        slots: Tie id per resident and slot.

    Returns:
        Tie ids, resident by resident.
    """
    total = 0
    for r in residents:
        total += count[r]
    out = np.empty(total, np.int32)
    k = 0
    for r in residents:
        for col in range(count[r]):
            out[k] = slots[r, col]
            k += 1
    return out
