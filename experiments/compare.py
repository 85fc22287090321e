"""Compare policy packages over several seeds: loneliness-years averted, with their spread.

Run: ``python experiments/compare.py SCENARIO [SCENARIO ...] [--residents N] [--years Y]
[--seeds K] [--first-seed S] [--set key=value ...]`` (default 20,000 residents, 2 years,
seeds 1-8).

For each seed every scenario runs with its package and without it (the same scenario and
seed, no interventions; scenarios that differ only in their package share it), as
``konvooi run`` does for one seed. It prints, per scenario, the loneliness-years averted and
the cost per loneliness-year averted for every seed, their mean, standard deviation and the
standard error of the mean; and for every scenario after the first, its difference from the
first seed by seed (a paired comparison: the same towns). One run is not a verdict
(docs/MODEL.md §13): at 20,000 residents and two years, maatwerk and generic differ by about
ten loneliness-years with a standard error of about one and a half over eight seeds.
"""

from __future__ import annotations

import argparse
import dataclasses
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sim import LonelinessModel, load  # noqa: E402
from sim.errors import ScenarioError  # noqa: E402
from sim.policy.report import summary  # noqa: E402
from sim.scenario import Scenario, parse_override  # noqa: E402


def averted_by_seed(scenarios: list[Scenario], seeds: list[int], residents: int,
                    years: float) -> list[list[dict[str, float | None]]]:
    """Loneliness-years averted and cost per loneliness-year, per scenario and seed.

    Args:
        scenarios: Scenarios with a policy package.
        seeds: Seeds to run.
        residents: Town size.
        years: Length of each run.

    Returns:
        ``result[i][j]`` for scenario ``i`` and seed ``j``: ``{"averted": ..., "per_year":
        ...}`` (per_year is None when nothing was averted).
    """
    result: list[list[dict[str, float | None]]] = [[] for _ in scenarios]
    for seed in seeds:
        without: dict[Scenario, LonelinessModel] = {}
        for i, scenario in enumerate(scenarios):
            # Without interventions the policy section plays no part (LonelinessModel):
            # scenarios that differ only in their package share the run without it.
            plain = dataclasses.replace(scenario, interventions=(), name="", description="",
                                        policy=_NO_POLICY)
            if plain not in without:
                without[plain] = _run(plain, residents, years, seed)
            report = summary(_run(scenario, residents, years, seed), without[plain])
            result[i].append({"averted": report["loneliness_years_averted"],
                              "per_year": report["cost_per_loneliness_year_averted"]})
    return result


_NO_POLICY = Scenario().policy


def _run(scenario: Scenario, residents: int, years: float, seed: int) -> LonelinessModel:
    model = LonelinessModel(scenario, residents=residents, years=years, seed=seed,
                            agents=False)
    model.run()
    return model


def spread(values: list[float]) -> tuple[float, float, float]:
    """Mean, standard deviation and standard error of the mean (0 for one value).

    Args:
        values: Values, one per seed.

    Returns:
        ``(mean, sd, se)``.
    """
    mean = statistics.fmean(values)
    sd = statistics.stdev(values) if len(values) > 1 else 0.0
    return mean, sd, sd / len(values) ** 0.5


def main(argv: list[str] | None = None) -> int:
    """Run the comparison and print it.

    Args:
        argv: Command-line arguments.

    Returns:
        0, or 2 on bad input (with a one-line message).
    """
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("scenarios", nargs="+")
    parser.add_argument("--residents", type=int, default=20_000)
    parser.add_argument("--years", type=float, default=2.0)
    parser.add_argument("--seeds", type=int, default=8)
    parser.add_argument("--first-seed", type=int, default=1)
    parser.add_argument("--set", action="append", default=[])
    args = parser.parse_args(argv)
    if args.seeds < 1 or args.residents < 100 or args.years <= 0:
        print("compare: --seeds must be at least 1, --residents at least 100, --years above 0",
              file=sys.stderr)
        return 2
    try:
        overrides = dict(parse_override(s) for s in args.set)
        scenarios = [load(path, overrides) for path in args.scenarios]
    except (ScenarioError, OSError) as error:
        print(f"compare: {error}", file=sys.stderr)
        return 2
    without_package = [path for path, s in zip(args.scenarios, scenarios, strict=True)
                       if not s.interventions]
    if without_package:
        print(f"compare: {without_package[0]} has no interventions to compare", file=sys.stderr)
        return 2
    seeds = list(range(args.first_seed, args.first_seed + args.seeds))
    result = averted_by_seed(scenarios, seeds, args.residents, args.years)
    print(f"loneliness-years averted, {args.residents:,} residents, {args.years:g} years, "
          f"seeds {seeds[0]}-{seeds[-1]}")
    for path, rows in zip(args.scenarios, result, strict=True):
        averted = [row["averted"] for row in rows]
        mean, sd, se = spread(averted)
        print(f"  {Path(path).stem:24s} " + " ".join(f"{v:7.1f}" for v in averted)
              + f"   mean {mean:6.1f}  sd {sd:5.1f}  se {se:5.1f}")
        costs = [row["per_year"] for row in rows]
        print(f"  {'  euros per year averted':24s} " + " ".join(
            f"{c:7.0f}" if c is not None else "      -" for c in costs))
    first = [row["averted"] for row in result[0]]
    for path, rows in zip(args.scenarios[1:], result[1:], strict=True):
        difference = [a - b for a, b in zip(first, [row["averted"] for row in rows],
                                            strict=True)]
        mean, sd, se = spread(difference)
        print(f"  {Path(args.scenarios[0]).stem} minus {Path(path).stem}: mean {mean:+.1f}, "
              f"sd {sd:.1f}, se {se:.1f} (seed by seed)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
