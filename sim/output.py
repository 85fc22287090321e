"""Run outputs, written atomically: a run directory never holds a half-written file.

Every file is written to a temporary name in the same directory and renamed into place;
``run.json`` comes last, so its presence means the run completed. Floats are written with
fixed precision, so the same seed gives byte-identical CSV files.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import numpy as np

from sim import __version__
from sim.errors import KonvooiError
from sim.metrics import GROUPS, METRICS
from sim.model import LonelinessModel
from sim.policy.report import interventions_rows
from sim.policy.report import summary as policy_summary
from sim.scenario import to_dict


def prepare_dir(out: Path) -> None:
    """Create the output directory and check it is writable, before a long run starts.

    Args:
        out: The directory.
    """
    try:
        out.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=out, prefix=".probe-"):
            pass
    except OSError as exc:
        raise KonvooiError(f"--out {out}: cannot write there ({exc.strerror})") from None


def write_atomic(path: Path, text: str) -> None:
    """Write a text file under a temporary name, then rename it into place.

    Args:
        path: Final file name.
        text: Content.
    """
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _csv(header: Iterable[str], rows: Iterable[Iterable[Any]]) -> str:
    lines = [",".join(header)]
    lines += [",".join(_cell(v) for v in row) for row in rows]
    return "\n".join(lines) + "\n"


def _cell(value: Any) -> str:
    if isinstance(value, float | np.floating):
        return "" if np.isnan(value) else f"{value:.6f}"
    return str(value)


def timeseries_csv(model: LonelinessModel) -> str:
    """The tidy weekly table: one row per week and group.

    Args:
        model: A model that has run.

    Returns:
        CSV text.
    """
    rec = model.recorder
    rows = []
    for week in range(rec.weeks_recorded):
        date = (model.config.start + dt.timedelta(weeks=week)).isoformat()
        for g, group in enumerate(GROUPS):
            rows.append([week, date, group, int(rec.residents[week, g]),
                         *(float(v) for v in rec.values[week, g])])
    return _csv(["week", "date", "group", "residents", *METRICS], rows)


def traces_csv(model: LonelinessModel) -> str:
    """Weekly state of the traced residents.

    Args:
        model: A model that has run.

    Returns:
        CSV text.
    """
    rec = model.recorder
    rows = []
    for week in range(rec.weeks_recorded):
        for k, row in enumerate(rec.traced.tolist()):
            e, s, djg, contacts, health, active = rec.trace[week, k].tolist()
            if not active:
                continue
            rows.append([week, row, f"{e:.4f}", f"{s:.4f}", int(djg), f"{contacts:.4f}",
                         int(health)])
    return _csv(["week", "resident", "emotional_latent", "social_latent", "djg11",
                 "contacts_per_week", "health"], rows)


def events_csv(model: LonelinessModel) -> str:
    """Life events of the traced residents.

    Args:
        model: A model that has run.

    Returns:
        CSV text.
    """
    return _csv(["week", "resident", "event"], model.recorder.events_of(model.recorder.traced))


def run_record(model: LonelinessModel, wall_seconds: float) -> dict[str, Any]:
    """What ``run.json`` holds: the resolved scenario, seed, version, timing and a summary.

    Args:
        model: A model that has run.
        wall_seconds: Wall time of the run.

    Returns:
        JSON-ready dict.
    """
    return {
        "scenario": to_dict(model.config),
        "seed": model.config.seed,
        "version": __version__,
        "weeks": model.recorder.weeks_recorded,
        "wall_seconds": round(wall_seconds, 3),
        "summary": summary(model),
    }


def summary(model: LonelinessModel) -> dict[str, dict[str, float]]:
    """Means over the last 52 recorded weeks, for a few headline groups.

    Args:
        model: A model that has run.

    Returns:
        ``{group: {metric: value}}``.
    """
    rec = model.recorder
    last = slice(max(0, rec.weeks_recorded - 52), rec.weeks_recorded)
    out = {}
    for group in ("all", "age_75_plus", "living_alone", "widowed"):
        g = GROUPS.index(group)
        out[group] = {m: round(float(np.nanmean(rec.values[last, g, i])), 4)
                      for i, m in enumerate(METRICS)}
    return out


def write_run(model: LonelinessModel, out: Path, wall_seconds: float,
              counterfactual: LonelinessModel | None = None) -> list[Path]:
    """Write every output file of a run into ``out``.

    Args:
        model: A model that has run.
        out: The output directory (created if needed).
        wall_seconds: Wall time of the run.
        counterfactual: The same run without interventions, if the scenario has a package.

    Returns:
        The files written, ``run.json`` last.
    """
    prepare_dir(out)
    files = [(out / "timeseries.csv", timeseries_csv(model))]
    if len(model.recorder.traced):
        files += [(out / "traces.csv", traces_csv(model)), (out / "events.csv", events_csv(model))]
    record = run_record(model, wall_seconds)
    if model.policy is not None and counterfactual is not None:
        files.append((out / "interventions.csv", _csv(*interventions_rows(model))))
        record["policy"] = policy_summary(model, counterfactual)
    files.append((out / "run.json", json.dumps(record, indent=2, default=str) + "\n"))
    for path, text in files:
        write_atomic(path, text)
    return [p for p, _ in files]

