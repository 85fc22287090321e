"""Why the partnered are so rarely severely lonely: their answers, intake and the partner tie.

Run: ``python experiments/partnered.py [--residents N] [--years Y] [--seed S] [--set k=v]``
(default 20,000 residents, 5 years, seed 1; one simulation). At the end of the run, for
adults 18+ by marital status (partnered by age band too), it prints

* severe loneliness (DJG-11 >= 9), the shares with emotional >= 5, social >= 4, and both
  subscales' mean; the joint distribution of (emotional, social) among the severe;
* achieved and desired emotional fulfilment, the relative gap, and the emotional intake
  (weighted sum of tie values, the fulfilment's input) with the partner tie's share of it;
* the partner tie's closeness, potential and emotional value, and what fulfilment the
  partner alone would give (``v / (v + emotional_scale)``) against the desired level;
* severe loneliness by quintile of the partner tie's closeness, and for partners who give
  little support (``pop.low_support``) against the others;
* the emotional intake by setting.

It is the diagnosis behind ``REPORT-partnered.md`` on branch ``partnered``.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from town import run_one_town  # noqa: E402

from sim import LonelinessModel  # noqa: E402
from sim.population import DIVORCED, PARTNERED, WIDOWED  # noqa: E402
from sim.ties import PARTNER, SETTING_NAMES  # noqa: E402


def partner_tie(model: LonelinessModel) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per resident: the partner tie's closeness, potential and emotional value (NaN if none)."""
    pop, ties = model.world.pop, model.world.ties
    n = pop.n
    live = ties.live()
    live = live[ties.kind[live] == PARTNER]
    out = [np.full(n, np.nan, np.float64) for _ in range(3)]
    for column, values in zip(out, (ties.closeness, ties.potential, ties.value_emotional),
                              strict=True):
        for end in (ties.a[live], ties.b[live]):
            ok = end >= 0
            column[end[ok]] = values[live][ok]
    return out[0], out[1], out[2]


def describe(model: LonelinessModel) -> None:
    """Print the diagnosis (see the module docstring)."""
    pop = model.world.pop
    n = pop.n
    lon = model.params.loneliness
    adult = pop.active[:n] & (pop.age[:n] >= 18)
    e, s = pop.djg_emotional[:n].astype(int), pop.djg_social[:n].astype(int)
    severe = (e + s) >= 9
    intake = model.world.intake.weighted[:n, 0]  # emotional, before the withdrawal discount
    worth = 1 - lon.withdrawal_discount * pop.withdrawal[:n]
    close, potential, value = partner_tie(model)
    de, ae = pop.desired_emotional[:n], pop.achieved_emotional[:n]
    gap = np.maximum(de - ae, 0) / np.maximum(de, 0.05)
    age = pop.age[:n]
    groups = [("partnered", pop.marital[:n] == PARTNERED),
              ("  18-44", (pop.marital[:n] == PARTNERED) & (age < 45)),
              ("  45-64", (pop.marital[:n] == PARTNERED) & (age >= 45) & (age < 65)),
              ("  65-74", (pop.marital[:n] == PARTNERED) & (age >= 65) & (age < 75)),
              ("  75+", (pop.marital[:n] == PARTNERED) & (age >= 75)),
              ("widowed", pop.marital[:n] == WIDOWED),
              ("divorced", pop.marital[:n] == DIVORCED),
              ("all 18+", np.ones(n, bool))]
    print(f"{'group':10s} {'size':>6s} {'severe':>6s} {'e>=5':>6s} {'s>=4':>6s} {'e>=3':>6s} "
          f"{'s>=3':>6s} {'meanE':>6s} {'meanS':>6s} {'latE':>5s} {'latS':>5s} {'desE':>5s} "
          f"{'achE':>5s} {'gapE':>5s} {'desS':>5s} {'achS':>5s} {'intE':>5s} {'ptnr%':>5s} "
          f"{'withd':>5s} {'grief':>5s}")
    for name, mask in groups:
        m = adult & mask
        has = m & ~np.isnan(value)
        share = np.nansum(value[has]) / max(intake[has].sum(), 1e-9)
        print(f"{name:10s} {m.sum():6d} {severe[m].mean():6.3f} {(e[m] >= 5).mean():6.3f} "
              f"{(s[m] >= 4).mean():6.3f} {(e[m] >= 3).mean():6.3f} {(s[m] >= 3).mean():6.3f} "
              f"{e[m].mean():6.2f} {s[m].mean():6.2f} {pop.emotional[:n][m].mean():5.2f} "
              f"{pop.social[:n][m].mean():5.2f} {de[m].mean():5.3f} {ae[m].mean():5.3f} "
              f"{gap[m].mean():5.3f} {pop.desired_social[:n][m].mean():5.3f} "
              f"{pop.achieved_social[:n][m].mean():5.3f} {intake[m].mean():5.2f} "
              f"{100 * share:5.1f} {pop.withdrawal[:n][m].mean():5.3f} "
              f"{pop.grief[:n][m].mean():5.3f}")
    for name, mask in (("partnered", pop.marital[:n] == PARTNERED),
                       ("widowed", pop.marital[:n] == WIDOWED)):
        m = adult & mask
        table = np.zeros((7, 6))
        np.add.at(table, (e[m], s[m]), 1)
        print(f"{name}: answer patterns, % (rows emotional 0-6, columns social 0-5); "
              "severe cells e+s >= 9 marked *")
        for row in range(7):
            cells = [f"{100 * table[row, col] / m.sum():5.1f}{'*' if row + col >= 9 else ' '}"
                     for col in range(6)]
            print(f"  {row}  " + " ".join(cells))
    m = adult & (pop.marital[:n] == PARTNERED) & ~np.isnan(value)
    alone = value[m] * worth[m] / (value[m] * worth[m] + lon.emotional_scale)
    print(f"partner tie (partnered adults, n={m.sum()}): closeness mean {close[m].mean():.3f} "
          f"(p10 {np.percentile(close[m], 10):.3f}, p50 {np.percentile(close[m], 50):.3f}, "
          f"p90 {np.percentile(close[m], 90):.3f}); potential mean {potential[m].mean():.3f}; "
          f"emotional value mean {value[m].mean():.3f}")
    print(f"  fulfilment from the partner alone: mean {alone.mean():.3f}, share at or above the "
          f"desired level {(alone >= de[m]).mean():.3f}; achieved {ae[m].mean():.3f} against "
          f"desired {de[m].mean():.3f}; share with any gap {(ae[m] < de[m]).mean():.3f}")
    others = intake[m] - value[m]
    print(f"  emotional intake without the partner: mean {others.mean():.3f}, "
          f"p10 {np.percentile(others, 10):.3f}, p50 {np.percentile(others, 50):.3f}")
    edges = np.quantile(close[m], [0.2, 0.4, 0.6, 0.8])
    q = np.searchsorted(edges, close[m])
    print("  by quintile of partner closeness: closeness, severe, e>=5, s>=4, gapE, meanE")
    for k in range(5):
        sel = q == k
        print(f"    q{k + 1}  {close[m][sel].mean():.3f}  {severe[m][sel].mean():.3f}  "
              f"{(e[m][sel] >= 5).mean():.3f}  {(s[m][sel] >= 4).mean():.3f}  "
              f"{gap[m][sel].mean():.3f}  {e[m][sel].mean():.2f}")
    for name, low in (("low-support", True), ("supportive", False)):
        sel = m & (pop.low_support[:n] == low)
        if not sel.any():
            continue
        print(f"  partnered, {name:11s} n={sel.sum():5d}: partner closeness "
              f"{close[sel].mean():.3f}, severe {severe[sel].mean():.3f}, e>=5 "
              f"{(e[sel] >= 5).mean():.3f}, s>=4 {(s[sel] >= 4).mean():.3f}, lonely (>=3) "
              f"{((e + s)[sel] >= 3).mean():.3f}, gapE {gap[sel].mean():.3f}")
    sums = model.world.intake.emotional[:n] * model.weights.emotional[None, :]
    print("emotional intake by setting (weighted tie values; household includes the partner):")
    print(f"  {'group':10s} " + " ".join(f"{x[:9]:>9s}" for x in SETTING_NAMES))
    for name, mask in groups:
        m = adult & mask
        print(f"  {name:10s} " + " ".join(f"{x:9.3f}" for x in sums[m].mean(axis=0)))
    for name, mask in (("partnered", pop.marital[:n] == PARTNERED),
                       ("widowed", pop.marital[:n] == WIDOWED)):
        mm = adult & mask
        sev = mm & severe
        print(f"{name}: of the severe, share with e>=5 {(e[sev] >= 5).mean():.2f}, "
              f"s>=4 {(s[sev] >= 4).mean():.2f}; social latent of all "
              f"{pop.social[:n][mm].mean():.2f}, achieved social "
              f"{pop.achieved_social[:n][mm].mean():.3f} vs desired "
              f"{pop.desired_social[:n][mm].mean():.3f}")


def main(argv: list[str] | None = None) -> int:
    """Run one town and print the diagnosis."""
    describe(run_one_town("partnered", __doc__.splitlines()[0], argv))
    return 0


if __name__ == "__main__":
    sys.exit(main())
