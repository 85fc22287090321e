"""Friendships of one age band over the years: gains and losses by cause, start against run.

Run: ``python experiments/friend_flows.py [--seed S] [--years Y] [--lo 75 --hi 85]
[--set key=value ...]`` (default 20,000 residents, 10 years, seed 1, band 75-84).

It counts, for each resident of the band, the friend ties (kind FRIEND) they gain and lose
in each year, by cause, and prints the band's convoy (ties by kind and closeness) at the
start and at the end of each year. Nothing in ``sim`` is changed: the functions that end or
add ties are wrapped and tag each change with the step that made it (a diagnostic that
follows the code's structure; if a step is renamed it shows up as "other"):

* lost: the friend died or moved out (``World.leave``, ``World.emigrate``); a friend
  elsewhere died (``maintenance.outlive``); the tie faded below ``ties.end_below``
  (``maintenance.update_closeness``); pruning with age or frailty (``fading.age_convoys``,
  split by the two hazards of ``fading.end_chances``); a divorce; a club or work change;
* gained: acquaintances grown into friends (``update_closeness``: kind turned FRIEND), new
  friendships (``maintenance.replace_friends`` where present), arrivals' friends;
* composition: friends of residents who age into or out of the band, newcomers' friends
  ("new friendship (arrival)"), and those of band members who die or move out themselves
  ("own exit").
"""

from __future__ import annotations

import sys
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from town import band_parser  # noqa: E402

from sim import LonelinessModel, fading, labour, maintenance, participation  # noqa: E402
from sim import model as model_module  # noqa: E402
from sim import world as world_module  # noqa: E402
from sim.events import HANDLERS, life  # noqa: E402
from sim.population import FRAIL  # noqa: E402
from sim.scenario import load_for_script  # noqa: E402
from sim.ties import FRIEND, INNER, KIND_NAMES, MIDDLE, Ties  # noqa: E402

BAND = [75.0, 85.0]
CAUSE: list[str] = ["other"]
LEAVERS: list[np.ndarray] = []
STATS: dict[tuple[int, str], float] = defaultdict(float)
STATE: dict[str, Any] = {"year": 0, "on": False, "model": None}


def _in_band(pop: Any, ends: np.ndarray) -> np.ndarray:
    return pop.active[ends] & (pop.age[ends] >= BAND[0]) & (pop.age[ends] < BAND[1])


def _tally(key: str, count: float) -> None:
    STATS[(STATE["year"], key)] += float(count)


def _count_ends(ties: Ties, ids: np.ndarray, pop: Any, label: str,
                weights: np.ndarray | None = None) -> None:
    """Count the friend ties among ``ids`` once per end in the band, under ``label``."""
    ids = np.asarray(ids)
    if not len(ids):
        return
    friend = ties.kind[ids] == FRIEND
    ids = ids[friend]
    w = np.ones(len(ids)) if weights is None else np.asarray(weights)[friend]
    leavers = LEAVERS[-1] if LEAVERS else np.zeros(0, np.int32)
    a, b = ties.a[ids], ties.b[ids]
    for ends, valid in ((a, np.ones(len(a), bool)), (np.maximum(b, 0), b >= 0)):
        ok = valid & _in_band(pop, ends)
        own = ok & np.isin(ends, leavers)
        _tally(label, w[ok & ~own].sum())
        _tally(f"own exit ({label})", w[own].sum())


def _wrap(owner: Any, name: str, cause: str) -> None:
    """Tag every tie change made inside ``owner.name`` with ``cause``."""
    original = getattr(owner, name)

    def wrapped(*args: Any, **kwargs: Any) -> Any:
        CAUSE.append(cause)
        try:
            return original(*args, **kwargs)
        finally:
            CAUSE.pop()
    setattr(owner, name, wrapped)


def _wrap_leaving(owner: Any, name: str, cause: Callable[..., str]) -> None:
    """As :func:`_wrap`, remembering who leaves (their own ties are their own exit)."""
    original = getattr(owner, name)

    def wrapped(self: Any, ids: np.ndarray, *args: Any) -> Any:
        LEAVERS.append(np.asarray(ids))
        CAUSE.append(cause(*args))
        try:
            return original(self, ids, *args)
        finally:
            CAUSE.pop()
            LEAVERS.pop()
    setattr(owner, name, wrapped)


def _split_endings(ties: Ties, ids: np.ndarray, pop: Any, params: Any) -> None:
    """Share each ended friendship between pruning and frailty by their hazards."""
    tp = params.ties
    ids = ids[ties.kind[ids] == FRIEND]
    if not len(ids):
        return
    a, b = ties.a[ids], ties.b[ids]
    prune, frail = np.zeros(len(ids)), np.zeros(len(ids))
    for end, valid in ((a, np.ones(len(ids), bool)), (np.where(b >= 0, b, a), b >= 0)):
        prune += valid * tp.prune_per_decade * np.maximum(pop.age[end] - tp.prune_from, 0) / 10
        frail += valid * tp.frail_outing_loss * ((pop.health[end] == FRAIL) | pop.care_home[end])
    total = np.maximum(prune + frail, 1e-9)
    _count_ends(ties, ids, pop, "lost: pruning with age", prune / total)
    _count_ends(ties, ids, pop, "lost: frailty / care home", frail / total)


def _instrument() -> None:
    """Wrap the functions that add and end ties.

    Ties end through ``World.unlink`` (one compiled pass) or, when they fade out in a
    maintenance pass, ``Ties.remove``; they are added through ``Ties.add`` or
    ``Ties.add_drawn``.
    """
    remove, unlink, update = Ties.remove, world_module.World.unlink, maintenance.update_closeness

    def count_lost(ties: Ties, ids: np.ndarray) -> None:
        model = STATE["model"]
        if STATE["on"] and ties is model.world.ties:
            ids = np.unique(np.asarray(ids, np.int32))
            ids = ids[ties.alive[ids]]
            if CAUSE[-1] == "endings":
                _split_endings(ties, ids, model.world.pop, model.params)
            else:
                _count_ends(ties, ids, model.world.pop, "lost: " + CAUSE[-1])

    def tagged_remove(self: Ties, ids: np.ndarray) -> None:
        count_lost(self, ids)
        remove(self, ids)

    def tagged_unlink(self: Any, ids: np.ndarray, *args: Any, **kwargs: Any) -> None:
        count_lost(self.ties, ids)
        unlink(self, ids, *args, **kwargs)

    def tagged(add: Callable[..., np.ndarray]) -> Callable[..., np.ndarray]:
        def tagged_add(self: Ties, *args: Any, **kwargs: Any) -> np.ndarray:
            ids = add(self, *args, **kwargs)
            model = STATE["model"]
            if STATE["on"] and self is model.world.ties:
                _count_ends(self, ids, model.world.pop,
                            "gained: new friendship (" + CAUSE[-1] + ")")
            return ids
        return tagged_add

    def tagged_update(world: Any, weeks: int, kept: np.ndarray) -> None:
        if not STATE["on"]:
            update(world, weeks, kept)
            return
        ties = world.ties
        before = ties.kind[: ties.n].copy()
        CAUSE.append("faded below end_below")
        try:
            update(world, weeks, kept)
        finally:
            CAUSE.pop()
        grown = np.flatnonzero(ties.alive[: ties.n] & (ties.kind[: ties.n] == FRIEND)
                               & (before != FRIEND))
        for kind in np.unique(before[grown]):
            _count_ends(ties, grown[before[grown] == kind], world.pop,
                        f"gained: {KIND_NAMES[kind]} grown into a friend")

    Ties.remove, world_module.World.unlink = tagged_remove, tagged_unlink
    Ties.add, Ties.add_drawn = tagged(Ties.add), tagged(Ties.add_drawn)
    maintenance.update_closeness = model_module.update_closeness = tagged_update
    _wrap(maintenance, "outlive", "friend elsewhere died")
    _wrap(participation, "change_clubs", "club change")
    _wrap(labour, "change_work", "work change")
    _wrap(maintenance, "form_ties", "formed in a focus")
    if hasattr(maintenance, "replace_friends"):
        _wrap(maintenance, "replace_friends", "replacing a lost friend")
    _wrap(fading, "age_convoys", "endings")
    _wrap(fading, "drift_apart", "acquaintances drift apart")
    _wrap(world_module.World, "_welcome", "arrival")
    _wrap(world_module.World, "link", "new relationship")
    _wrap_leaving(world_module.World, "leave",
                  lambda reason: "the friend " + ("died" if reason == "death" else "moved out"))
    _wrap_leaving(world_module.World, "emigrate", lambda: "the friend moved out")
    _wrap(life, "divorce", "divorce")
    HANDLERS["divorce"] = life.divorce


def _friends_of(ties: Ties, rows: np.ndarray) -> np.ndarray:
    slots = ties.slots[rows]
    return ((slots >= 0) & (ties.kind[np.maximum(slots, 0)] == FRIEND)).sum(axis=1)


def convoy_line(model: LonelinessModel, label: str) -> tuple[int, float]:
    """Print the band's ties per resident by kind and its friendships by closeness."""
    pop, ties = model.world.pop, model.world.ties
    n = pop.n
    inside = np.zeros(n, bool)
    inside[np.flatnonzero(_in_band(pop, np.arange(n)))] = True
    residents = int(inside.sum())
    live = ties.live()
    a, b, c, k = ties.a[live], ties.b[live], ties.closeness[live], ties.kind[live]
    weight = inside[a].astype(int) + ((b >= 0) & inside[np.maximum(b, 0)])
    per = {KIND_NAMES[j]: (weight * (k == j)).sum() / max(residents, 1) for j in range(6)}
    f = k == FRIEND
    circles = {"inner": c >= INNER, "middle": (c >= MIDDLE) & (c < INNER), "outer": c < MIDDLE,
               "elsewhere": b < 0}
    friends = {name: (weight * f * sel).sum() / max(residents, 1)
               for name, sel in circles.items()}
    mean_close = (weight * f * c).sum() / max((weight * f).sum(), 1)
    print(f"  {label:9s} residents {residents:5d} | " + " ".join(
        f"{name} {v:4.2f}" for name, v in per.items()) + " | friends: " + " ".join(
        f"{name} {v:4.2f}" for name, v in friends.items()) + f" closeness {mean_close:4.2f}")
    return residents, per["friend"]


def main(argv: list[str] | None = None) -> int:
    """Run one town and print the band's friendship flows year by year.

    Args:
        argv: Command-line arguments.

    Returns:
        0.
    """
    parser = band_parser(__doc__.splitlines()[0], 75.0, 85.0)
    args = parser.parse_args(argv)
    BAND[:] = [args.lo, args.hi]
    _instrument()
    scenario = load_for_script("friend_flows", args.scenario, args.set)
    model = LonelinessModel(scenario, residents=args.residents, years=args.years,
                            seed=args.seed, agents=False)
    STATE["model"] = model
    pop = model.world.pop
    print(f"ties per resident aged {args.lo:g}-{args.hi:g} (by kind) and their friendships "
          "(by circle), year 0 = start after the warm-up:")
    stock = {0: convoy_line(model, "year 0")}
    STATE["on"] = True
    for year in range(1, args.years + 1):
        STATE["year"] = year
        for _ in range(52):
            n0 = pop.n
            age0, active0 = pop.age[:n0].copy(), pop.active[:n0].copy()
            model.step()
            kept = active0 & pop.active[:n0]
            for key, crossed in (("composition: aged into the band (+)",
                                  (age0 < args.lo) & (pop.age[:n0] >= args.lo)),
                                 ("composition: aged out of the band (-)",
                                  (age0 < args.hi) & (pop.age[:n0] >= args.hi))):
                rows = np.flatnonzero(kept & crossed)
                _tally(key, _friends_of(model.world.ties, rows).sum())
        stock[year] = convoy_line(model, f"year {year}")
    years = range(1, args.years + 1)
    mean_residents = np.mean([stock[y][0] for y in stock])
    print("\nfriend ties gained and lost per year, counted once per end in the band")
    print(f"{'cause':60s}" + "".join(f"{y:>6d}" for y in years) + "  per resident a year")
    for key in sorted({key for (_, key) in STATS}):
        values = [STATS.get((y, key), 0.0) for y in years]
        if max(values) == 0:
            continue
        print(f"{key:60s}" + "".join(f"{v:6.0f}" for v in values)
              + f"  {np.mean(values) / mean_residents:6.3f}")
    print(f"{'friends per resident at the end of the year':60s}"
          + "".join(f"{stock[y][1]:6.2f}" for y in years) + f"  (start {stock[0][1]:.2f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
