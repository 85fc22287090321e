"""Who lives in the town, by age band, at the start and after some years.

Run: ``python experiments/demography.py [--residents N] [--years Y] [--seed S]
[--set key=value ...]`` (default 20,000 residents, 10 years, seed 1; one baseline run).

For each age band it prints, at the start and at the end: the share of residents, living with a
partner, living alone, employed, studying (pupils included), frail, in a care home, widowed,
never partnered, living with parents, club members (outside care homes) and ties per resident.
A band whose figures move far from the start's shows a part of the life course the run does
not keep up (docs/CALIBRATION.md, fifth session: school classes, clubs and work were found
this way).
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sim import LonelinessModel  # noqa: E402
from sim.population import EMPLOYED, FRAIL, NEVER, STUDENT, WIDOWED  # noqa: E402
from sim.scenario import load_for_script, script_parser  # noqa: E402

BANDS = ((0, 18), (18, 25), (25, 45), (45, 65), (65, 75), (75, 85), (85, 200))


def table(model: LonelinessModel) -> dict[str, list[float]]:
    """The figures by band (rows: figure, columns: :data:`BANDS`)."""
    pop = model.world.pop
    n = pop.n
    here, age = pop.active[:n], pop.age[:n]
    degree = model.world.ties.degree(np.arange(n))
    at_home = ~pop.care_home[:n]
    columns = {
        "share": None,
        "partnered": pop.partner[:n] >= 0,
        "alone": pop.household_size[:n] == 1,
        "employed": pop.work[:n] == EMPLOYED,
        "studying": pop.work[:n] == STUDENT,
        "frail": pop.health[:n] == FRAIL,
        "care home": pop.care_home[:n],
        "widowed": pop.marital[:n] == WIDOWED,
        "never partnered": pop.marital[:n] == NEVER,
        "with parents": pop.with_parents[:n],
        "club (at home)": pop.club[:n] >= 0,
        "ties": degree,
    }
    rows: dict[str, list[float]] = {name: [] for name in columns}
    for lo, hi in BANDS:
        band = here & (age >= lo) & (age < hi)
        for name, values in columns.items():
            if values is None:
                rows[name].append(band.sum() / max(here.sum(), 1))
            elif name == "club (at home)":
                rows[name].append(float(values[band & at_home].mean()))
            else:
                rows[name].append(float(values[band].mean()))
    return rows


def show(title: str, rows: dict[str, list[float]]) -> None:
    """Print one table."""
    print(title)
    print(" " * 17 + " ".join(f"{f'{lo}-{hi}' if hi < 200 else f'{lo}+':>7}" for lo, hi in BANDS))
    for name, values in rows.items():
        print(f"  {name:15s}" + " ".join(f"{v:7.3f}" for v in values))


def main(argv: list[str] | None = None) -> int:
    """Run the baseline and print the start's and the end's tables.

    Args:
        argv: Command-line arguments.

    Returns:
        0.
    """
    parser = script_parser(__doc__.splitlines()[0], years=10.0)
    args = parser.parse_args(argv)
    scenario = load_for_script("demography", args.scenario, args.set)
    model = LonelinessModel(scenario, residents=args.residents, years=args.years,
                            seed=args.seed, agents=False)
    show("start (after the warm-up)", table(model))
    model.run()
    show(f"after {args.years:g} years", table(model))
    return 0


if __name__ == "__main__":
    sys.exit(main())
