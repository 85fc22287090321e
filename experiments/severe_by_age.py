"""Who is severely lonely at each age, and in what state: the shape behind the age checks.

Run: ``python experiments/severe_by_age.py [--residents N] [--years Y] [--seed S]
[--set key=value ...]`` (default 20,000 residents, 5 years, seed 1). At the end of the run it
prints, per adult age band, the DJG-11 distribution (0, 1-2, moderate 3-8, severe 9-11), the
share chronically lonely (lonely every week for ``chronic_after_weeks``), mean withdrawal,
desired and achieved fulfilment and latent loneliness; and, for the severely lonely of the
band, their chronic share, withdrawal, achieved and desired fulfilment, emotional
fluctuation, grief and mastery. ``calibrate.py`` compares severe loneliness by band with the
surveys (its "further checks"); this shows which state the model's severe loneliness is.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from town import run_one_town  # noqa: E402

from sim import LonelinessModel  # noqa: E402

BANDS = ((18, 25), (25, 45), (45, 65), (65, 75), (75, 85), (85, 200))


def describe(model: LonelinessModel) -> None:
    """Print the band table of the module docstring for a model that has run.

    Args:
        model: The model.
    """
    pop = model.world.pop
    n = pop.n
    chronic_after = model.params.loneliness.chronic_after_weeks
    age = pop.age[:n]
    djg = pop.djg_emotional[:n].astype(np.int16) + pop.djg_social[:n]
    chronic = pop.lonely_weeks[:n] >= chronic_after
    columns = {"withdrawal": pop.withdrawal[:n], "des_emo": pop.desired_emotional[:n],
               "ach_emo": pop.achieved_emotional[:n], "des_soc": pop.desired_social[:n],
               "ach_soc": pop.achieved_social[:n], "lat_emo": pop.emotional[:n],
               "lat_soc": pop.social[:n]}
    severe_columns = {"withdrawal": pop.withdrawal[:n], "ach_emo": pop.achieved_emotional[:n],
                      "ach_soc": pop.achieved_social[:n],
                      "des_emo": pop.desired_emotional[:n],
                      "fluct_emo": pop.fluctuation[0, :n], "grief": pop.grief[:n],
                      "mastery": pop.mastery[:n]}
    print("band      n      0   1-2   3-8   9+  chronic " + " ".join(f"{k:>10s}" for k in columns))
    for lo, hi in BANDS:
        band = pop.active[:n] & (age >= lo) & (age < hi)
        d = djg[band]
        shares = [(d == 0).mean(), ((d >= 1) & (d <= 2)).mean(), ((d >= 3) & (d <= 8)).mean(),
                  (d >= 9).mean()]
        label = f"{lo}-{hi - 1}" if hi < 200 else f"{lo}+"
        print(f"{label:7s} {band.sum():5d} " + " ".join(f"{x:5.3f}" for x in shares)
              + f"  {chronic[band].mean():6.3f} "
              + " ".join(f"{c[band].mean():10.3f}" for c in columns.values()))
    print("the severely lonely (9+) of each band:")
    print("band      n  chronic " + " ".join(f"{k:>10s}" for k in severe_columns))
    for lo, hi in BANDS:
        severe = pop.active[:n] & (age >= lo) & (age < hi) & (djg >= 9)
        label = f"{lo}-{hi - 1}" if hi < 200 else f"{lo}+"
        print(f"{label:7s} {severe.sum():4d}  {chronic[severe].mean():6.3f} "
              + " ".join(f"{c[severe].mean():10.3f}" for c in severe_columns.values()))


def main(argv: list[str] | None = None) -> int:
    """Run one town and print the table.

    Args:
        argv: Command-line arguments.

    Returns:
        0.
    """
    describe(run_one_town("severe_by_age", __doc__.splitlines()[0], argv))
    return 0


if __name__ == "__main__":
    sys.exit(main())
