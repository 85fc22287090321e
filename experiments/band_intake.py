"""What one age band's ties give them, year by year: number and emotional value by kind.

Run: ``python experiments/band_intake.py [--lo 75 --hi 85] [--residents N] [--years Y]
[--seed S] [--set key=value ...]`` (default 75-84, 20,000 residents, 10 years, seed 1).

At the start (after the warm-up) and at the end of every year it prints, per resident of the
band: ties and their summed weekly emotional value by kind (both ends counted, so a tie
between two residents of the band counts for each), the value of ties with people elsewhere,
achieved and desired emotional fulfilment, withdrawal, the ability to go out, the share frail
and the mean closeness of family ties. Ties that stay while their value falls point at
contact (withdrawal, frailty) rather than at lost ties (docs/CALIBRATION.md, eighth session:
the oldest's drift).
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from town import band_parser  # noqa: E402

from sim import LonelinessModel  # noqa: E402
from sim.population import FRAIL  # noqa: E402
from sim.scenario import load_for_script  # noqa: E402
from sim.ties import FAMILY, KIND_NAMES  # noqa: E402


def line(model: LonelinessModel, label: str, lo: float, hi: float) -> str:
    """One row of the table for the band ``lo <= age < hi``."""
    world = model.world
    pop, ties = world.pop, world.ties
    n = pop.n
    band = pop.active[:n] & (pop.age[:n] >= lo) & (pop.age[:n] < hi)
    residents = max(int(band.sum()), 1)
    live = ties.live()
    a, b = ties.a[live], ties.b[live]
    ends = [band[a], (b >= 0) & band[np.maximum(b, 0)]]
    kind, value = ties.kind[live], ties.value_emotional[live]
    cells = []
    for k, name in enumerate(KIND_NAMES):
        count = sum(int((end & (kind == k)).sum()) for end in ends)
        if count:
            worth = sum(float(value[end & (kind == k)].sum()) for end in ends)
            cells.append(f"{name} {count / residents:.2f}/{worth / residents:.3f}")
    family = (ends[0] | ends[1]) & (kind == FAMILY)
    elsewhere = float(value[ends[0] & (b < 0)].sum()) / residents
    return (f"{label:7s} {residents:5d} | achE {pop.achieved_emotional[:n][band].mean():.3f}"
            f" desE {pop.desired_emotional[:n][band].mean():.3f}"
            f" withdr {pop.withdrawal[:n][band].mean():.3f}"
            f" going out {world.going_out()[:n][band].mean():.3f}"
            f" frail {(pop.health[:n][band] == FRAIL).mean():.3f}"
            f" kin closeness {ties.closeness[live][family].mean():.3f}"
            f" | elsewhere {elsewhere:.3f} | " + "  ".join(cells))


def main() -> None:
    """Run one town and print the band's intake at the start and after every year."""
    parser = band_parser(__doc__.splitlines()[0], 75.0, 85.0)
    args = parser.parse_args()
    scenario = load_for_script("band_intake.py", args.scenario, args.set)
    model = LonelinessModel(scenario, residents=args.residents, years=args.years,
                            seed=args.seed, agents=False)
    print(f"ages {args.lo:g}-{args.hi:g}: residents | fulfilment and contact | per resident: "
          "ties/emotional value by kind (value of ties elsewhere separately)")
    print(line(model, "start", args.lo, args.hi))
    for year in range(1, args.years + 1):
        for _ in range(52):
            model.step()
        print(line(model, f"year {year}", args.lo, args.hi))


if __name__ == "__main__":
    main()
