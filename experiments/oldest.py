"""Why 85+ and 75-84 differ: loneliness of the two oldest bands, by component and by group.

Run: ``python experiments/oldest.py [--residents N] [--years Y] [--seed S] [--seeds K]
[--set key=value ...]`` (default 20,000 residents, 5 years, seed 1). For every seed it runs the
town and, over the last 52 weeks, averages per band (65-74, 75-84, 85+): lonely (DJG-11 >= 3),
severe (>= 9), emotional >= 3, social >= 3, the composition (partnered, widowed, other;
living alone, care home, frail, a low-support partnership) and the state behind it
(withdrawal, desired and achieved fulfilment, grief). It then splits the gap "lonely 85+ minus
lonely 75-84" into composition (85+'s mix at 75-84's rates) and rates (85+'s rates at 85+'s
mix) over the groups partnered / widowed / other x frail or not x care home or not. With
``--seeds K`` it ends with the gap per seed, its mean and its standard deviation.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sim import LonelinessModel  # noqa: E402
from sim.population import FRAIL, PARTNERED, WIDOWED  # noqa: E402
from sim.scenario import load_for_script, script_parser  # noqa: E402

BANDS = (("65-74", 65, 75), ("75-84", 75, 85), ("85+", 85, 200))
STATE = ("lonely", "severe", "emo>=3", "soc>=3", "partnered", "widowed", "alone", "care_home",
         "frail", "low_support_p", "withdrawal", "des_emo", "ach_emo", "des_soc", "ach_soc",
         "grief", "emo_lat", "soc_lat", "age")
N_GROUPS = 12  # marital (partnered, widowed, other) x frail x care home


def week_stats(model: LonelinessModel, acc: dict) -> None:
    """Add this week's per-band figures to ``acc``."""
    pop = model.world.pop
    n = pop.n
    age = pop.age[:n]
    djg = pop.djg_emotional[:n].astype(np.int16) + pop.djg_social[:n]
    marital = pop.marital[:n]
    m3 = np.where(marital == PARTNERED, 0, np.where(marital == WIDOWED, 1, 2))
    frail = pop.health[:n] == FRAIL
    group = m3 * 4 + frail * 2 + pop.care_home[:n]
    cols = {
        "lonely": djg >= 3, "severe": djg >= 9, "emo>=3": pop.djg_emotional[:n] >= 3,
        "soc>=3": pop.djg_social[:n] >= 3, "partnered": marital == PARTNERED,
        "widowed": marital == WIDOWED, "alone": pop.living_alone[:n],
        "care_home": pop.care_home[:n], "frail": frail,
        "low_support_p": (marital == PARTNERED) & pop.low_support[:n],
        "withdrawal": pop.withdrawal[:n], "des_emo": pop.desired_emotional[:n],
        "ach_emo": pop.achieved_emotional[:n], "des_soc": pop.desired_social[:n],
        "ach_soc": pop.achieved_social[:n], "grief": pop.grief[:n], "emo_lat": pop.emotional[:n],
        "soc_lat": pop.social[:n], "age": age}
    for label, lo, hi in BANDS:
        sel = pop.active[:n] & (age >= lo) & (age < hi)
        a = acc.setdefault(label, {"n": 0.0, **{k: 0.0 for k in STATE},
                                   "g_n": np.zeros(N_GROUPS), "g_lonely": np.zeros(N_GROUPS)})
        a["n"] += sel.sum()
        for k in STATE:
            a[k] += float(cols[k][sel].sum())
        a["g_n"] += np.bincount(group[sel], minlength=N_GROUPS)
        a["g_lonely"] += np.bincount(group[sel], weights=cols["lonely"][sel], minlength=N_GROUPS)


def one_seed(scenario, residents: int, years: float, seed: int) -> dict:
    """Run one town and return the per-band averages over its last 52 weeks."""
    model = LonelinessModel(scenario, residents=residents, years=years, seed=seed, agents=False)
    acc: dict = {}
    while model.week < model.weeks:
        model.step()
        if model.week > model.weeks - 52:
            week_stats(model, acc)
    out = {}
    for label, a in acc.items():
        row = {k: a[k] / a["n"] for k in STATE}
        row["n"] = a["n"] / 52
        row["g_share"] = a["g_n"] / a["n"]
        row["g_rate"] = np.divide(a["g_lonely"], a["g_n"], out=np.zeros(N_GROUPS),
                                  where=a["g_n"] > 0)
        out[label] = row
    return out


def report(seed: int, out: dict) -> tuple[float, float, float, float]:
    """Print one seed's table; return the gap, its composition and rate parts, severe ratio."""
    print(f"seed {seed}: " + "  ".join(f"{b} n={out[b]['n']:.0f}" for b, _, _ in BANDS))
    print(f"  {'':14s}" + "".join(f"{b:>9s}" for b, _, _ in BANDS))
    for k in STATE:
        print(f"  {k:14s}" + "".join(f"{out[b][k]:9.3f}" for b, _, _ in BANDS))
    o, y = out["85+"], out["75-84"]
    gap = o["lonely"] - y["lonely"]
    comp = float(((o["g_share"] - y["g_share"]) * y["g_rate"]).sum())
    rate = float((o["g_share"] * (o["g_rate"] - y["g_rate"])).sum())
    names = [f"{m}{'/frail' if f else ''}{'/home' if h else ''}"
             for m in ("partnered", "widowed", "other") for f in (0, 1) for h in (0, 1)]
    print("  group               share 75-84  85+   lonely 75-84  85+")
    for i, name in enumerate(names):
        if y["g_share"][i] + o["g_share"][i] > 0.005:
            print(f"  {name:20s} {y['g_share'][i]:8.3f} {o['g_share'][i]:6.3f} "
                  f"{y['g_rate'][i]:10.3f} {o['g_rate'][i]:6.3f}")
    ratio = o["severe"] / out["65-74"]["severe"]
    print(f"  gap {gap:.3f} = composition {comp:.3f} + rates {rate:.3f}; severe 85+/65-74 "
          f"{ratio:.3f}\n")
    return gap, comp, rate, ratio


def main(argv: list[str] | None = None) -> int:
    """Run the seeds and print the tables.

    Args:
        argv: Command-line arguments.

    Returns:
        0.
    """
    parser = script_parser(__doc__.splitlines()[0], years=5.0)
    parser.add_argument("--seeds", type=int, default=1, help="run this many seeds from --seed on")
    args = parser.parse_args(argv)
    scenario = load_for_script("oldest", args.scenario, args.set)
    rows = []
    for seed in range(args.seed, args.seed + args.seeds):
        rows.append((seed, *report(seed, one_seed(scenario, args.residents, args.years, seed))))
    gaps = np.array([r[1] for r in rows])
    print("seed   gap   composition  rates  severe ratio")
    for seed, gap, comp, rate, ratio in rows:
        print(f"{seed:4d} {gap:6.3f} {comp:9.3f} {rate:9.3f} {ratio:9.3f}")
    print(f"gap mean {gaps.mean():.3f} sd {gaps.std(ddof=1) if len(gaps) > 1 else 0:.3f}; "
          f"met (>= 0.08) {int((gaps >= 0.08).sum())}/{len(gaps)}; severe ratio in 1.3-2.1 "
          f"{sum(1.3 <= r[4] <= 2.1 for r in rows)}/{len(rows)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
