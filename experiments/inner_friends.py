"""Inner-circle friendships of one age band over the years: where they go, where new ones come from.

Run: ``python experiments/inner_friends.py [--seed S] [--years Y] [--lo 25 --hi 45]
[--set key=value ...]`` (default 20,000 residents, 10 years, seed 1, band 25-44).

Each friend tie (kind FRIEND) is followed from year end to year end by an id of its own (kept
through :meth:`sim.ties.Ties.compact`; a tie that goes on at a distance when one end moves
away keeps its row). Counted once per end in the band, as ``drift.py`` counts the inner
circle:

* losses: inner friendships (closeness >= ``ties.INNER``) at the end of one year that a year
  later have ended (the friend died or left, or the tie faded out / was pruned), are still
  there but below the inner circle (in town; at a distance after the friend moved away this
  year; at a distance since before), or whose band end died, left or aged out;
* gains: inner friendships at the end of a year that were not inner a year before, by what
  they were (a friend in town or elsewhere below the inner circle, a neighbour / colleague /
  club tie, no tie: a new friendship or an arrival's);
* what caps new ones: the band's focus ties formed in the run and the friendships grown out
  of them, by potential closeness (the ceiling a tie tends to) and closeness;
* at the end, inner friends and emotional loneliness (DJG, mean over the last year's weeks) of
  newcomers (arrived in the run) against residents there from the start.

Nothing in ``sim`` is changed (``Ties.compact`` is wrapped to carry the ids along).
"""

from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from town import band_parser  # noqa: E402

from sim import LonelinessModel  # noqa: E402
from sim.scenario import load_for_script  # noqa: E402
from sim.ties import FAMILY, FRIEND, INNER, Ties  # noqa: E402

TRACK: dict = {"uid": np.zeros(0, np.int64), "seen": 0, "next": 1, "ties": None}


def _sync(ties: Ties) -> None:
    """Give every row added since the last look an id of its own."""
    if len(TRACK["uid"]) < ties.capacity:
        grown = np.zeros(ties.capacity, np.int64)
        grown[: len(TRACK["uid"])] = TRACK["uid"]
        TRACK["uid"] = grown
    lo, hi = TRACK["seen"], ties.n
    if hi > lo:
        TRACK["uid"][lo:hi] = np.arange(TRACK["next"], TRACK["next"] + hi - lo)
        TRACK["next"] += hi - lo
    TRACK["seen"] = hi


def _instrument() -> None:
    compact = Ties.compact

    def tracked(self: Ties) -> None:
        if self is TRACK["ties"]:
            _sync(self)
            keep = self.live()
            uid = TRACK["uid"]
            uid[: len(keep)] = uid[keep]
            uid[len(keep):] = 0
            TRACK["seen"] = len(keep)
        compact(self)
    Ties.compact = tracked


def snapshot(model: LonelinessModel, lo: float, hi: float) -> dict:
    """Friend and focus ties with an end in the band, keyed by tie id."""
    pop, ties = model.world.pop, model.world.ties
    _sync(ties)
    live = ties.live()
    a, b = ties.a[live], ties.b[live]
    age, act = pop.age, pop.active

    def in_band(x: np.ndarray) -> np.ndarray:
        x = np.maximum(x, 0)
        return act[x] & (age[x] >= lo) & (age[x] < hi)

    wa = in_band(a)
    wb = (b >= 0) & in_band(b)
    keep = (wa | wb) & (ties.kind[live] > FAMILY)
    ids = live[keep]
    return {"uid": TRACK["uid"][ids], "a": a[keep], "b": b[keep], "wa": wa[keep], "wb": wb[keep],
            "kind": ties.kind[ids].copy(), "c": ties.closeness[ids].copy(),
            "pot": ties.potential[ids].copy()}


def flows(prev: dict, now: dict, pop, arrived_from: int, tally: dict, year: int) -> None:
    """Losses of last year's inner friendships and gains of this year's, per band end."""
    index = {u: i for i, u in enumerate(now["uid"])}
    j = np.array([index.get(u, -1) for u in prev["uid"]])
    was_inner = (prev["kind"] == FRIEND) & (prev["c"] >= INNER)
    for end, other, w in (("a", "b", "wa"), ("b", "a", "wb")):
        sel = np.flatnonzero(was_inner & prev[w])
        for i in sel:
            r, o = prev[end][i], prev[other][i]
            k = j[i]
            if not pop.active[r]:
                cause = "band end died or left"
            elif k < 0:
                cause = ("ended: the friend died or left" if o >= 0 and not pop.active[o]
                         else "ended: faded out, pruned, died elsewhere")
            else:
                ext_now = now["b"][k] < 0
                if now["c"][k] >= INNER:
                    cause = ("kept: inner, at a distance" if ext_now else "kept: inner, in town")
                    if prev["b"][i] >= 0 and ext_now:
                        cause = "kept: inner, friend moved away this year"
                elif ext_now and prev["b"][i] >= 0:
                    cause = "below inner: friend moved away this year"
                elif ext_now:
                    cause = "below inner: faded at a distance"
                else:
                    cause = "below inner: faded in town"
            tally[(year, "loss", cause)] += 1
    back = {u: i for i, u in enumerate(prev["uid"])}
    inner_now = (now["kind"] == FRIEND) & (now["c"] >= INNER)
    for end, w in (("a", "wa"), ("b", "wb")):
        for k in np.flatnonzero(inner_now & now[w]):
            i = back.get(now["uid"][k], -1)
            r = now[end][k]
            if i >= 0 and prev["kind"][i] == FRIEND and prev["c"][i] >= INNER:
                if not prev["wa" if end == "a" else "wb"][i]:
                    tally[(year, "gain", "composition: aged into the band")] += 1
                continue
            if i < 0:
                cause = ("new tie: arrival's friend" if r >= arrived_from
                         else "new tie: replacement / classmate / other")
            elif prev["kind"][i] == FRIEND:
                cause = ("rose: friend at a distance" if prev["b"][i] < 0
                         else "rose: friend in town")
            else:
                cause = "grew: neighbour/colleague/club tie"
            tally[(year, "gain", cause)] += 1


def per_resident(snap: dict, pop, rows: np.ndarray, mask: np.ndarray) -> float:
    """Ties in ``mask`` per resident of ``rows`` (each end in rows counted)."""
    inside = np.zeros(pop.n, bool)
    inside[rows] = True
    a, b = snap["a"], snap["b"]
    cnt = (mask & inside[a]).sum() + (mask & (b >= 0) & inside[np.maximum(b, 0)]).sum()
    return cnt / max(len(rows), 1)


def describe(snap: dict, pop, lo: float, hi: float, start_n: int, label: str) -> None:
    """Print the band's friends and inner friends (in town, elsewhere).

    For all, originals and newcomers; then the originals' and newcomers' friends in town by
    potential and closeness.
    """
    n = pop.n
    rows = np.flatnonzero(pop.active[:n] & (pop.age[:n] >= lo) & (pop.age[:n] < hi))
    f = snap["kind"] == FRIEND
    inner = f & (snap["c"] >= INNER)
    ext = snap["b"] < 0
    parts = []
    for name, sel in (("all", rows), ("originals", rows[rows < start_n]),
                      ("newcomers", rows[rows >= start_n])):
        parts.append(f"{name} {len(sel):5d}: friends {per_resident(snap, pop, sel, f):4.2f} "
                     f"inner {per_resident(snap, pop, sel, inner):4.2f} "
                     f"(in town {per_resident(snap, pop, sel, inner & ~ext):4.2f}, "
                     f"elsewhere {per_resident(snap, pop, sel, inner & ext):4.2f})")
    print(f"  {label:8s} " + " | ".join(parts))
    town = f & ~ext
    for name, sel in (("originals", rows[rows < start_n]), ("newcomers", rows[rows >= start_n])):
        inside = np.zeros(pop.n, bool)
        inside[sel] = True
        w = (town & inside[snap["a"]]).astype(int) + (town & (snap["b"] >= 0)
                                                       & inside[np.maximum(snap["b"], 0)])
        if w.sum():
            pot, c = snap["pot"], snap["c"]
            high = np.average(pot >= 0.8, weights=w)
            mid, top = np.average(c >= 0.6, weights=w), np.average(c >= INNER, weights=w)
            ratio = np.average(c / np.maximum(pot, 1e-6), weights=w)
            print(f"           {name} friends in town {w.sum() / max(len(sel), 1):4.2f}: "
                  f"potential {np.average(pot, weights=w):4.2f} (>=0.8 {high:5.3f}) "
                  f"closeness {np.average(c, weights=w):4.2f} (>=0.6 {mid:5.3f}, >=0.7 {top:5.3f})"
                  f" c/pot {ratio:4.2f}")


def caps(snap: dict, start_uids: set, label: str) -> None:
    """Potential and closeness of the band's focus ties and friendships made in the run."""
    new = np.array([u not in start_uids for u in snap["uid"]], bool)
    focus = new & (snap["kind"] > FRIEND)
    fr_new = new & (snap["kind"] == FRIEND)
    fr_old = ~new & (snap["kind"] == FRIEND)
    w = snap["wa"].astype(int) + snap["wb"]
    for name, sel in (("focus ties formed in run", focus), ("friends formed in run", fr_new),
                      ("friends from the start", fr_old)):
        if not sel.any():
            continue
        pot, c, ww = snap["pot"][sel], snap["c"][sel], w[sel]
        print(f"  {label} {name:26s} n {ww.sum():6d}  "
              f"potential mean {np.average(pot, weights=ww):4.2f}"
              f"  >=0.5 {np.average(pot >= 0.5, weights=ww):5.3f}"
              f"  >=0.7 {np.average(pot >= 0.7, weights=ww):5.3f}"
              f"  >=0.8 {np.average(pot >= 0.8, weights=ww):5.3f}"
              f" | closeness mean {np.average(c, weights=ww):4.2f}"
              f"  c/pot {np.average(c / np.maximum(pot, 1e-6), weights=ww):4.2f}"
              f"  inner {np.average(c >= INNER, weights=ww):5.3f}")


def main(argv: list[str] | None = None) -> int:
    """Run one town and print the band's inner friendships' flows year by year.

    Args:
        argv: Command-line arguments.

    Returns:
        0.
    """
    parser = band_parser(__doc__.splitlines()[0], 25.0, 45.0)
    args = parser.parse_args(argv)
    _instrument()
    scenario = load_for_script("inner_friends", args.scenario, args.set)
    model = LonelinessModel(scenario, residents=args.residents, years=args.years,
                            seed=args.seed, agents=False)
    TRACK["ties"] = model.world.ties
    pop = model.world.pop
    start_n = pop.n
    lo, hi = args.lo, args.hi
    print(f"inner-circle friends (closeness >= {INNER}) of residents aged {lo:g}-{hi:g}:")
    snap = snapshot(model, lo, hi)
    start_uids = set(snap["uid"].tolist())
    describe(snap, pop, lo, hi, start_n, "year 0")
    tally: dict = defaultdict(float)
    residents = []
    djg = {"originals": [], "newcomers": []}
    for year in range(1, args.years + 1):
        arrived_from = pop.n
        for _ in range(52):
            model.step()
            if year == args.years:
                n = pop.n
                band = pop.active[:n] & (pop.age[:n] >= lo) & (pop.age[:n] < hi)
                new = np.arange(n) >= start_n
                for name, sel in (("originals", band & ~new), ("newcomers", band & new)):
                    djg[name].append(float(pop.djg_emotional[:n][sel].mean()))
        now = snapshot(model, lo, hi)
        flows(snap, now, pop, arrived_from, tally, year)
        snap = now
        describe(snap, pop, lo, hi, start_n, f"year {year}")
        residents.append(int((pop.active[:pop.n] & (pop.age[:pop.n] >= lo)
                              & (pop.age[:pop.n] < hi)).sum()))
        if year in (1, args.years):
            caps(snap, start_uids, f"y{year:<2d}")
    years = range(1, args.years + 1)
    per = np.mean(residents)
    print(f"\ninner friendships lost and gained per year, once per end in the band "
          f"(per resident a year: mean over years / {per:.0f} residents)")
    print(f"{'':52s}" + "".join(f"{y:>6d}" for y in years))
    for kind in ("loss", "gain"):
        for cause in sorted({c for (_, k, c) in tally if k == kind}):
            values = [tally.get((y, kind, cause), 0.0) for y in years]
            print(f"{kind} {cause:47s}" + "".join(f"{v:6.0f}" for v in values)
                  + f"  {np.mean(values) / per:6.3f}")
    print(f"\nyear {args.years}, emotional DJG (mean over the year's weeks): "
          f"originals {np.mean(djg['originals']):.2f}, newcomers {np.mean(djg['newcomers']):.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
