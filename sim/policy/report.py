"""Policy outputs: weekly table per intervention, who found whom, what the package achieved.

Loneliness-years averted compare the run with the same run without the package (same
scenario and seed, no interventions): the difference in the number of lonely adults
(DJG-11 >= 3), summed over the weeks and divided by 52.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

import numpy as np

from sim.metrics import GROUPS, METRICS
from sim.policy.base import CAUSE_NAMES_NL, CAUSES
from sim.policy.ledger import COUNTS
from sim.policy.signalers import SOURCE_LABELS
from sim.policy.targets import TARGETS

if TYPE_CHECKING:
    from sim.model import LonelinessModel

#: Groups in which the report counts who was helped.
HELPED_GROUPS = ("all", "age_18_24", "age_25_44", "age_45_64", "age_65_74", "age_75_84",
                 "age_85_plus", "living_alone", "frail_living_alone", "widowed")
AGE_BANDS = {"age_18_24": (18, 25), "age_25_44": (25, 45), "age_45_64": (45, 65),
             "age_65_74": (65, 75), "age_75_84": (75, 85), "age_85_plus": (85, 200)}


def interventions_rows(model: LonelinessModel) -> tuple[list[str], list[list[Any]]]:
    """Header and rows of ``interventions.csv``: one row per week and intervention.

    Args:
        model: A model with a policy that has run.

    Returns:
        ``(header, rows)``.
    """
    led = model.policy.ledger
    rows = []
    for week in range(model.recorder.weeks_recorded):
        date = (model.config.start + dt.timedelta(weeks=week)).isoformat()
        for j, label in enumerate(led.labels):
            values = led.table[week, j]
            rows.append([week, date, label, *[_number(v) for v in values]])
    return ["week", "date", "intervention", *COUNTS], rows


def _number(value: float) -> float | int:
    return int(value) if float(value).is_integer() else round(float(value), 2)


def lonely_adults(model: LonelinessModel) -> np.ndarray:
    """Number of lonely adults per recorded week.

    Args:
        model: A model that has run.

    Returns:
        Counts per week.
    """
    rec = model.recorder
    g, m = GROUPS.index("all"), METRICS.index("lonely")
    return rec.residents[: rec.weeks_recorded, g] * rec.values[: rec.weeks_recorded, g, m]


def summary(model: LonelinessModel, counterfactual: LonelinessModel) -> dict[str, Any]:
    """Loneliness-years averted, cost, cost per loneliness-year, and who was helped.

    Args:
        model: The run with the package.
        counterfactual: The same scenario and seed without interventions.

    Returns:
        JSON-ready dict.
    """
    led = model.policy.ledger
    averted = float((lonely_adults(counterfactual) - lonely_adults(model)).sum() / 52)
    cost = float(led.total("cost").sum())
    per_intervention = {
        label: {count: _number(led.total(count)[j]) for count in
                ("referred", "completed", "dropped_out", "dropped_out_misfit", "cost")}
        for j, label in enumerate(led.labels)}
    return {
        "loneliness_years_averted": round(averted, 2),
        "cost_euros": round(cost, 2),
        "cost_per_loneliness_year_averted": round(cost / averted, 2) if averted > 0 else None,
        "interventions": per_intervention,
        "found_by": found_by(model),
        "helped": helped(model, counterfactual),
    }


def found_by(model: LonelinessModel) -> dict[str, dict[str, Any]]:
    """Residents referred to the intake, per signaler domain and self-referral (vinden).

    Args:
        model: A model with a policy that has run.

    Returns:
        ``{source: {"label": "<nl> / <en>", "referred": n}}`` in the order of the sources.
    """
    led = model.policy.ledger
    totals = led.found_by[: model.recorder.weeks_recorded].sum(axis=0)
    return {source: {"label": " / ".join(SOURCE_LABELS[source]), "referred": int(n)}
            for source, n in zip(led.sources, totals, strict=True)}


def helped(model: LonelinessModel, counterfactual: LonelinessModel) -> dict[str, Any]:
    """Who took part, by group, compared with the same people without the package.

    Residents present from the start keep their row in both runs, so a participant's DJG-11
    at the end can be set against their own score in the run without the package.

    Args:
        model: The run with the package.
        counterfactual: The run without it.

    Returns:
        ``{group: {"took_part": n, "djg11_with": mean, "djg11_without": mean}}`` and the
        count of participants per main cause.
    """
    pop, cf = model.world.pop, counterfactual.world.pop
    ids = np.array(sorted(model.policy.helped), np.int64)
    out: dict[str, Any] = {}
    if not len(ids):
        return out
    both = ids[(ids < min(pop.n, cf.n))]
    both = both[pop.active[both] & cf.active[both] & (pop.age[both] == cf.age[both])]
    for name in HELPED_GROUPS:
        mask = _group(pop, name)
        in_group, comparable = ids[mask[ids]], both[mask[both]]
        row: dict[str, Any] = {"took_part": int(len(in_group))}
        if len(comparable):
            row["djg11_with"] = round(float(_djg(pop, comparable).mean()), 3)
            row["djg11_without"] = round(float(_djg(cf, comparable).mean()), 3)
        out[name] = row
    causes = pop.care_cause[ids]
    out["main_causes"] = {f"{c} / {nl}": int((causes == k).sum())
                          for k, (c, nl) in enumerate(zip(CAUSES, CAUSE_NAMES_NL, strict=True))}
    return out


def _djg(pop: Any, ids: np.ndarray) -> np.ndarray:
    return pop.djg_emotional[ids] + pop.djg_social[ids]


def _group(pop: Any, name: str) -> np.ndarray:
    if name == "all":
        return np.ones(pop.n, bool)
    if name in TARGETS:
        return TARGETS[name](pop)
    lo, hi = AGE_BANDS[name]
    return (pop.age[: pop.n] >= lo) & (pop.age[: pop.n] < hi)
