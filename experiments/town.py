"""One town of a scenario for a diagnosis script: its arguments, and building and running it."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sim import LonelinessModel  # noqa: E402
from sim.scenario import load_for_script, script_parser  # noqa: E402


def band_parser(description: str, lo: float, hi: float,
                years: float = 10) -> argparse.ArgumentParser:
    """The common script arguments plus the age band a diagnosis looks at (``--lo``, ``--hi``).

    Args:
        description: The script's one-line description (for ``--help``).
        lo: Default youngest age of the band.
        hi: Default age the band stops before.
        years: Default run length.

    Returns:
        The parser.
    """
    parser = script_parser(description, years=years)
    parser.add_argument("--lo", type=float, default=lo)
    parser.add_argument("--hi", type=float, default=hi)
    return parser


def run_one_town(program: str, description: str, argv: list[str] | None,
                 years: float = 5.0) -> LonelinessModel:
    """Parse the common script arguments, then build and run the town they describe.

    Args:
        program: The script's name (opens error messages).
        description: The script's one-line description (for ``--help``).
        argv: Command-line arguments (None: ``sys.argv``).
        years: Default run length.

    Returns:
        The model after its run.
    """
    args = script_parser(description, years=years).parse_args(argv)
    scenario = load_for_script(program, args.scenario, args.set)
    model = LonelinessModel(scenario, residents=args.residents, years=args.years,
                            seed=args.seed, agents=False)
    model.run()
    return model
