"""Drift over the years: the calibration targets and the state behind them, year by year.

Run: ``python experiments/drift.py [--residents N] [--years Y] [--seed S] [--set key=value ...]``
(default 20,000 residents, 10 years, seed 1; one simulation, as ``experiments/calibrate.py``).

At the end of every simulated year it prints

* the 13 targets of ``calibrate.py`` (each the mean over that year's 52 weeks) and how many
  are met;
* the demography of the older bands (65-74, 75-84, 85+): share of adults, mean age, women,
  partnered / widowed / divorced / never partnered, living alone, care home, frail, and the
  share who arrived during the run (in-migrants, partners from elsewhere);
* the loneliness state by band: severe loneliness, withdrawal, the share chronically lonely,
  desired and achieved fulfilment (emotional / social), grief, and the convoy (inner circle,
  all ties, kin, friends);
* severe loneliness of the widowed and partnered by age band (composition against level);
* the year's events (deaths, widowhood, partnering, care-home entries) at 75+.

It answers "which state builds up?" for the docs/CALIBRATION.md drift table.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from calibrate import evaluate, last_year  # noqa: E402

from sim import LonelinessModel  # noqa: E402
from sim.population import FRAIL, NEVER, PARTNERED, WIDOWED  # noqa: E402
from sim.scenario import load_for_script, script_parser  # noqa: E402
from sim.ties import FAMILY, FRIEND, INNER  # noqa: E402

BANDS = (("65-74", 65, 75), ("75-84", 75, 85), ("85+", 85, 200))


def _per_resident(model: LonelinessModel) -> dict[str, np.ndarray]:
    """Ties per resident: all, inner circle, kin, friends."""
    pop, ties = model.world.pop, model.world.ties
    n = pop.n
    live = ties.live()
    a, b, c, k = ties.a[live], ties.b[live], ties.closeness[live], ties.kind[live]
    inside = b >= 0
    ends = np.concatenate([a, b[inside]])

    def count(mask: np.ndarray) -> np.ndarray:
        return np.bincount(ends, weights=np.concatenate([mask, mask[inside]]), minlength=n)

    ones = np.ones(len(live), bool)
    return {"all": count(ones), "inner": count(c >= INNER), "kin": count(k == FAMILY),
            "friend": count(k == FRIEND)}


def state(model: LonelinessModel, start_n: int, events: dict[str, np.ndarray]) -> list[str]:
    """Lines describing the older bands' demography and loneliness state now."""
    pop = model.world.pop
    n = pop.n
    chronic_after = model.params.loneliness.chronic_after_weeks
    act = pop.active[:n]
    age = pop.age[:n]
    adults = act & (age >= 18)
    convoy = _per_resident(model)
    severe = (pop.djg_emotional[:n] + pop.djg_social[:n]) >= 9
    lines = ["  band   share  age  women partn widow divor never alone  care frail  new  "
             "| severe withdr chron  desE  achE  desS  achS grief | inner  all  kin friend"]
    for label, lo, hi in BANDS:
        s = act & (age >= lo) & (age < hi)
        m = pop.marital[:n][s]

        def mean(x: np.ndarray, sel: np.ndarray = s) -> float:
            return float(np.mean(x[sel])) if sel.any() else float("nan")

        demo = [s.sum() / adults.sum(), mean(age), mean(pop.female[:n]),
                np.mean(m == PARTNERED), np.mean(m == WIDOWED), np.mean(m == 3),
                np.mean(m == NEVER), mean(pop.living_alone[:n]), mean(pop.care_home[:n]),
                mean(pop.health[:n] == FRAIL), np.mean(np.flatnonzero(s) >= start_n)]
        feel = [mean(severe), mean(pop.withdrawal[:n]),
                mean(pop.lonely_weeks[:n] >= chronic_after), mean(pop.desired_emotional[:n]),
                mean(pop.achieved_emotional[:n]), mean(pop.desired_social[:n]),
                mean(pop.achieved_social[:n]), mean(pop.grief[:n])]
        net = [mean(convoy[k]) for k in ("inner", "all", "kin", "friend")]
        lines.append(f"  {label:6s} {demo[0]:5.3f} {demo[1]:4.1f} "
                     + " ".join(f"{x:5.2f}" for x in demo[2:]) + " | "
                     + " ".join(f"{x:5.3f}" for x in feel) + " | "
                     + " ".join(f"{x:5.2f}" for x in net))
    cells = []
    for status, name in ((WIDOWED, "widowed"), (PARTNERED, "partnered")):
        parts = []
        for label, lo, hi in (("<65", 18, 65), *BANDS):
            s = act & (age >= lo) & (age < hi) & (pop.marital[:n] == status)
            parts.append(f"{label} {severe[s].mean() if s.any() else np.nan:5.3f} ({s.sum()})")
        cells.append(f"  severe {name:9s}: " + "  ".join(parts))
    lines += cells
    lines.append("  events at 75+ this year: " + "  ".join(
        f"{k} {v}" for k, v in events.items()))
    return lines


def main(argv: list[str] | None = None) -> int:
    """Run one scenario and print targets and state at the end of every year.

    Args:
        argv: Command-line arguments.

    Returns:
        0.
    """
    parser = script_parser(__doc__.splitlines()[0], years=10)
    args = parser.parse_args(argv)
    scenario = load_for_script("drift", args.scenario, args.set)
    model = LonelinessModel(scenario, residents=args.residents, years=args.years,
                            seed=args.seed, agents=False)
    pop = model.world.pop
    start_n = pop.n
    summary = []
    print("year 0 (start, after warm-up):")
    print("\n".join(state(model, start_n, {})))
    for year in range(1, args.years + 1):
        counts = {"death": 0, "widowed": 0, "partnering": 0, "care_home": 0}
        widowed_before = pop.marital[: pop.n] == WIDOWED
        for _ in range(52):
            seen = len(model.recorder.events)
            model.step()
            for _, name, ids in model.recorder.events[seen:]:
                if name in counts:
                    counts[name] += int((pop.age[ids] >= 75).sum())
        now_widowed = (pop.marital[: pop.n] == WIDOWED) & pop.active[: pop.n]
        grown = np.zeros(pop.n, bool)
        grown[: len(widowed_before)] = widowed_before
        counts["widowed"] = int((now_widowed & ~grown & (pop.age[: pop.n] >= 75)).sum())
        targets = evaluate(model)
        met = sum(t.ok for t in targets)
        bands = [last_year(model, g, "severely_lonely")
                 for g in ("age_65_74", "age_75_84", "age_85_plus")]
        summary.append((year, [t.value for t in targets], met, bands))
        print(f"\nyear {year}: {met} of {len(targets)} targets met")
        for t in targets:
            print(f"  {t.name:42s} {t.target:7.3f} {t.value:7.3f}  {'ok' if t.ok else 'MISS'}")
        print("\n".join(state(model, start_n, counts)))
    print("\nsummary (targets in calibrate.py order; then severe 65-74, 75-84, 85+)")
    for year, values, met, bands in summary:
        print(f"  {year:2d} " + " ".join(f"{v:6.3f}" for v in values) + f"  met {met:2d}  "
              + " ".join(f"{v:5.3f}" for v in bands))
    return 0


if __name__ == "__main__":
    sys.exit(main())
