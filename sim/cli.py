"""Command line: ``konvooi run`` and ``konvooi bench``.

Every bad input ends in one line ``konvooi: <what is wrong>`` and exit code 2.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import resource
import sys
import time
from pathlib import Path

from tqdm import tqdm

from sim.errors import KonvooiError
from sim.scenario import Scenario, load, parse_override


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one line, no usage block
        raise KonvooiError(message)


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
    if value <= 0:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {value}")
    return value


def _non_negative_int(text: str) -> int:
    value = _positive_int(text) if text.strip() != "0" else 0
    return value


def _positive_float(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number, got {text!r}") from None
    if not value > 0:
        raise argparse.ArgumentTypeError(f"must be more than 0, got {value}")
    return value


#: Help text of ``--agents`` (run and bench).
AGENTS_HELP = ("create a Resident agent for every resident up front (mesa AgentSet); "
               "default: on demand, as nothing on the command line looks at them")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of ``konvooi``."""
    parser = _Parser(prog="konvooi", description="konvooi: a policy lab for loneliness "
                     "(een beleidslab tegen eenzaamheid).")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    run = sub.add_parser("run", help="run a scenario and write its outputs")
    run.add_argument("scenario", help="scenario TOML file, e.g. scenarios/baseline.toml")
    run.add_argument("--residents", type=_positive_int, help="number of residents")
    run.add_argument("--years", type=_positive_float, help="years to simulate")
    run.add_argument("--seed", type=_non_negative_int, help="random seed")
    run.add_argument("--set", action="append", default=[], metavar="KEY=VALUE",
                     help="override a scenario key, e.g. params.ties.decay_per_year=0.2")
    run.add_argument("--out", type=Path, default=Path("runs/latest"), help="output directory")
    run.add_argument("--trace", type=_non_negative_int, default=0, metavar="K",
                     help="record the weekly state and life events of K random residents")
    run.add_argument("--summary", action="store_true", help="print a short summary at the end")
    run.add_argument("--quiet", action="store_true", help="no progress bar")
    run.add_argument("--agents", action="store_true", help=AGENTS_HELP)
    bench = sub.add_parser("bench", help="measure speed and memory of the weekly step")
    bench.add_argument("--residents", type=_positive_int, default=100_000)
    bench.add_argument("--years", type=_positive_float, default=10.0)
    bench.add_argument("--scenario", default=None, help="scenario file (default: built-in)")
    bench.add_argument("--seed", type=_non_negative_int, default=1)
    bench.add_argument("--json", action="store_true", help="print one JSON object")
    bench.add_argument("--agents", action="store_true", help=AGENTS_HELP)
    bench.add_argument("--phases", action="store_true",
                       help="also report milliseconds per week of each phase of the step")
    return parser


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``konvooi`` command.

    Args:
        argv: Arguments (default: ``sys.argv[1:]``).

    Returns:
        Exit code.
    """
    try:
        args = build_parser().parse_args(argv)
        threads = os.environ.get("KONVOOI_THREADS", "").strip()
        if threads not in ("", "1", "2"):
            raise KonvooiError(f"KONVOOI_THREADS must be 1 or 2, not {threads!r}")
        if args.command == "run":
            return _run(args)
        return _bench(args)
    except KonvooiError as exc:
        print(f"konvooi: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("konvooi: interrupted; no outputs were written", file=sys.stderr)
        return 130


def _run(args: argparse.Namespace) -> int:
    from sim.model import LonelinessModel
    from sim.output import prepare_dir, write_run

    overrides = dict(parse_override(text) for text in args.set)
    scenario = load(args.scenario, overrides)
    prepare_dir(args.out)
    started = time.perf_counter()
    model = LonelinessModel(scenario, residents=args.residents, years=args.years,
                            seed=args.seed, trace=args.trace, agents=args.agents)
    with tqdm(total=model.weeks, desc=scenario.name, unit="wk", disable=args.quiet,
              file=sys.stderr) as bar:
        model.run(progress=bar)
    counterfactual = None
    if model.policy is not None:  # the same run without the package, for what it averted
        without = dataclasses.replace(model.config, interventions=())
        counterfactual = LonelinessModel(without, agents=False)
        with tqdm(total=model.weeks, desc="without package", unit="wk", disable=args.quiet,
                  file=sys.stderr) as bar:
            counterfactual.run(progress=bar)
    wall = time.perf_counter() - started
    files = write_run(model, args.out, wall, counterfactual)
    if args.summary:
        _print_summary(model, files, wall)
    return 0


def _print_summary(model: object, files: list[Path], wall: float) -> None:
    from sim.output import summary

    s = summary(model)
    cfg = model.config  # type: ignore[attr-defined]
    print(f"konvooi {cfg.name}: {cfg.residents:,} residents ({cfg.municipality}), "
          f"{model.weeks} weeks from {cfg.start}, seed {cfg.seed}, {wall:.1f} s")  # type: ignore
    print("Last year, adults 18+ / laatste jaar, volwassenen:")
    labels = {"all": "everyone / iedereen", "age_75_plus": "75+",
              "living_alone": "living alone / alleenwonend", "widowed": "widowed / verweduwd"}
    for group, label in labels.items():
        v = s[group]
        print(f"  {label:30s} lonely {v['lonely']:6.1%}  severely {v['severely_lonely']:6.1%}"
              f"  emotional {v['emotionally_lonely']:6.1%}  social {v['socially_lonely']:6.1%}")
    policy = _read_policy(files)
    if policy:
        per_year = policy["cost_per_loneliness_year_averted"]
        print(f"Package / pakket: {policy['loneliness_years_averted']:.1f} loneliness-years "
              f"averted for {policy['cost_euros']:,.0f} euros"
              + (f" ({per_year:,.0f} per loneliness-year)" if per_year else ""))
        print("Referred to an intake by / naar een intake verwezen door:")
        for source in sorted(policy["found_by"].values(), key=lambda v: -v["referred"]):
            if source["referred"]:
                print(f"  {source['label']:60s} {source['referred']:6d}")
    print(f"Outputs: {', '.join(str(f) for f in files)}")


def _read_policy(files: list[Path]) -> dict | None:
    return json.loads(files[-1].read_text()).get("policy")


def _bench(args: argparse.Namespace) -> int:
    from sim import jit
    from sim.model import LonelinessModel
    from sim.resident import Resident

    scenario = load(args.scenario) if args.scenario else Scenario()
    # Compile (first run after installing or changing the code) or load the compiled kernels
    # on a tiny town first, so the figures measure the simulation, not the compiler.
    warming = time.perf_counter()
    LonelinessModel(scenario, residents=300, years=0.3, seed=args.seed, agents=False).run()
    started = time.perf_counter()
    model = LonelinessModel(scenario, residents=args.residents, years=args.years, seed=args.seed,
                            agents=args.agents)
    built = time.perf_counter()
    spent = _time_phases(model) if args.phases else None
    model.run()
    done = time.perf_counter()
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    result = {
        "residents": args.residents,
        "weeks": model.weeks,
        "seconds": round(done - started, 3),
        "compile_seconds": round(started - warming, 3),
        "build_seconds": round(built - started, 3),
        "step_seconds": round(done - built, 3),
        "resident_weeks_per_s": round(args.residents * model.weeks / (done - started)),
        "step_resident_weeks_per_s": round(args.residents * model.weeks / (done - built)),
        "peak_rss_mb": round(peak_mb, 1),
        "ties": int(len(model.world.ties.live())),
        "resident_agents": len(model.agents_by_type.get(Resident, ())),
        "cores": jit.THREADS,
    }
    if spent is not None:
        result["phase_ms_per_week"] = {name: round(1000 * seconds / model.weeks, 2)
                                       for name, seconds in spent.items()}
    if args.json:
        print(json.dumps(result))
    else:
        for key, value in result.items():
            print(f"{key:28s} {value}")
    return 0


#: The phases of :meth:`sim.model.LonelinessModel.step`, in order.
PHASES = ("live_through_life_events", "apply_measures", "feel", "maintain_ties",
          "act_on_policy", "record")


def _time_phases(model: object) -> dict[str, float]:
    """Wrap each phase of the model's step in a timer; returns the running totals (s)."""
    spent = dict.fromkeys(PHASES, 0.0)
    for name in PHASES:
        phase = getattr(model, name)

        def timed(phase=phase, name=name) -> None:
            started = time.perf_counter()
            phase()
            spent[name] += time.perf_counter() - started

        setattr(model, name, timed)
    return spent


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
