"""Scenarios: TOML files validated on load against the declared parameters.

A scenario names the municipality, its size, the period, the seed, lockdown periods and any
parameter overrides. Loading checks every key, type and range and fails with one line that
names the file, the key and what is allowed. A loaded scenario writes back to the same data
(:func:`to_dict`), which is what ``run.json`` records.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import tomllib
import typing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sim.errors import ScenarioError
from sim.parameters import Params, param
from sim.policy import ASSIGNMENTS, REGISTRY, Intervention, Policy
from sim.policy.targets import TARGETS
from sim.profiles import profile_names


@dataclass(frozen=True)
class Lockdown:
    """One dated period of lockdown measures (a scenario may hold any number)."""

    name: str = param("lockdown", unit="text", source="scenario", doc="Label of the period.")
    start: dt.date = param(dt.date(2020, 3, 16), unit="date", source="scenario",
                           doc="First day of the measures.")
    end: dt.date = param(dt.date(2020, 6, 1), unit="date", source="scenario",
                         doc="First day without the measures.")
    work_from_home: float = param(
        0.0, unit="share 0-1", lo=0, hi=1, source="scenario",
        doc="Share of in-person work contact that moves home.")
    schools_closed: bool = param(False, unit="yes/no", source="scenario",
                                 doc="Schools and universities teach remotely.")
    clubs_closed: bool = param(False, unit="yes/no", source="scenario",
                               doc="Sport, culture, faith and club meetings stop.")
    hospitality_closed: bool = param(False, unit="yes/no", source="scenario",
                                     doc="Cafés, restaurants and venues are closed.")
    care_home_visiting_ban: bool = param(False, unit="yes/no", source="scenario",
                                         doc="No visitors in care homes.")
    max_visitors: int = param(0, unit="visitors per day (0 = no cap)", lo=0, hi=100,
                              source="scenario", doc="Cap on visitors received at home.")
    stay_home: float = param(
        0.0, unit="share 0-1", lo=0, hi=1, source="scenario",
        doc="Share of private visits to family, friends and neighbours forgone under a "
            "stay-at-home advice.")


@dataclass(frozen=True)
class Scenario:
    """Everything a run needs besides the code."""

    name: str = param("baseline", unit="text", source="scenario", doc="Scenario name.")
    description: str = param("", unit="text", source="scenario", doc="What this scenario is.")
    municipality: str = param("average", unit="profile name", source="sim/data/municipalities.toml",
                              doc="Which municipality profile sets the population mix.")
    residents: int = param(20_000, unit="residents", lo=100, hi=5_000_000, source="scenario",
                           doc="Residents at the start.")
    start: dt.date = param(dt.date(2019, 1, 1), unit="date", source="scenario",
                           doc="Date of the first simulated week.")
    years: float = param(5.0, unit="years", lo=0.02, hi=60, source="scenario",
                         doc="Simulated period (52 weeks a year).")
    seed: int = param(1, unit="integer", lo=0, hi=2**63 - 1, source="scenario",
                      doc="Seed of all random streams.")
    lockdowns: tuple[Lockdown, ...] = field(default=(), metadata={"doc": "Lockdown periods."})
    params: Params = field(default_factory=Params, metadata={"doc": "Parameter overrides."})
    policy: Policy = field(default_factory=Policy, metadata={"doc": "The municipality's policy."})
    interventions: tuple[Intervention, ...] = field(
        default=(), metadata={"doc": "The package of interventions ([[interventions]])."})

    @property
    def weeks(self) -> int:
        """Number of simulated weeks."""
        return max(1, round(self.years * 52))


def load(path: str | Path, overrides: dict[str, Any] | None = None) -> Scenario:
    """Read and validate a scenario file.

    Args:
        path: The TOML file.
        overrides: Dotted keys and values applied on top of the file (``--set``).

    Returns:
        The validated scenario.

    Raises:
        ScenarioError: with a one-line message naming the file and the key.
    """
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ScenarioError(f"{path}: no such scenario file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ScenarioError(f"{path}: cannot read: {exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ScenarioError(f"{path}: not valid TOML: {exc}") from None
    for key, value in (overrides or {}).items():
        _set_dotted(data, key, value, str(path))
    return from_dict(data, source=str(path))


def script_parser(description: str, years: float) -> argparse.ArgumentParser:
    """The arguments every experiment script takes: one town of a scenario, run for years.

    ``--scenario``, ``--residents``, ``--years`` (of the type of ``years``: whole years for
    scripts that report year by year), ``--seed`` and ``--set dotted.key=value`` (repeatable;
    read with :func:`load_for_script`). A script adds its own arguments to the parser.

    Args:
        description: The script's one-line description.
        years: Default run length.

    Returns:
        The parser.
    """
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--scenario", default="scenarios/baseline.toml")
    parser.add_argument("--residents", type=int, default=20_000)
    parser.add_argument("--years", type=type(years), default=years)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--set", action="append", default=[])
    return parser


def load_for_script(program: str, path: str | Path, settings: list[str]) -> Scenario:
    """A scenario with ``--set`` overrides for a script; bad input ends it with one line.

    Args:
        program: The script's name, opening the message.
        path: The TOML file.
        settings: ``dotted.key=value`` texts as given on the command line.

    Returns:
        The validated scenario.

    Raises:
        SystemExit: with ``"<program>: <what is wrong>"`` (exit status 1) on bad input.
    """
    try:
        return load(path, dict(parse_override(text) for text in settings))
    except ScenarioError as error:
        raise SystemExit(f"{program}: {error}") from None


def from_dict(data: dict[str, Any], source: str = "<scenario>") -> Scenario:
    """Build a validated scenario from plain data (as read from TOML).

    Args:
        data: Nested dict of scenario keys.
        source: Name used in error messages (usually the file name).

    Returns:
        The validated scenario.
    """
    scenario = _build(Scenario, data, "", source)
    if scenario.municipality not in profile_names():
        raise ScenarioError(f"{source}: municipality: unknown profile {scenario.municipality!r}; "
                            f"allowed: {', '.join(profile_names())}")
    for i, period in enumerate(scenario.lockdowns):
        if period.end <= period.start:
            raise ScenarioError(f"{source}: lockdowns[{i}].end: {period.end} must be after "
                                f"start {period.start}")
    _check_policy(scenario, source)
    return scenario


def _check_policy(scenario: Scenario, source: str) -> None:
    policy = scenario.policy
    if policy.assignment not in ASSIGNMENTS:
        raise ScenarioError(f"{source}: policy.assignment: {policy.assignment!r} is not known; "
                            f"allowed: {', '.join(ASSIGNMENTS)}")
    clubs = policy.signalers.faith.club_share + policy.signalers.sports.club_share
    if clubs > 1 + 1e-9:
        raise ScenarioError(f"{source}: policy.signalers: faith.club_share + sports.club_share "
                            f"= {clubs:g}, more than 1 (the rest are culture clubs)")
    for i, iv in enumerate(scenario.interventions):
        for name in iv.target:
            if name not in TARGETS:
                raise ScenarioError(f"{source}: interventions[{i}].target: no group {name!r}; "
                                    f"allowed: {', '.join(TARGETS)}")
    labels = [iv.label for iv in scenario.interventions]
    if len(set(labels)) < len(labels):
        raise ScenarioError(f"{source}: interventions: two have the same name; give each a "
                            f"distinct name = \"...\"")
    cost = sum(iv.yearly_cost() if iv.takes_participants else iv.budget
               for iv in scenario.interventions)
    if cost > policy.budget_per_year + 1e-6:
        raise ScenarioError(f"{source}: interventions cost {cost:,.0f} euros a year, more than "
                            f"policy.budget_per_year = {policy.budget_per_year:,.0f}")


def to_dict(obj: Any) -> Any:
    """Write a scenario (or any part of it) back to plain data, the inverse of :func:`from_dict`.

    Args:
        obj: A scenario, parameter group or value.

    Returns:
        Nested dicts, lists and plain values.
    """
    if dataclasses.is_dataclass(obj):
        data = {f.name: to_dict(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
        return {"type": obj.kind, **data} if isinstance(obj, Intervention) else data
    if isinstance(obj, tuple):
        return [to_dict(v) for v in obj]
    return obj


def parse_override(text: str) -> tuple[str, Any]:
    """Split a ``dotted.key=value`` override; the value is read as TOML, else as text.

    Args:
        text: The override as given on the command line.

    Returns:
        The dotted key and the parsed value.
    """
    key, sep, raw = text.partition("=")
    if not sep or not key.strip():
        raise ScenarioError(f"--set {text!r}: expected dotted.key=value")
    try:
        value = tomllib.loads(f"v = {raw.strip()}")["v"]
    except tomllib.TOMLDecodeError:
        value = raw.strip()
    return key.strip(), value


def _set_dotted(data: dict[str, Any], key: str, value: Any, source: str) -> None:
    node: Any = data
    parts = key.split(".")
    for part in parts[:-1]:
        if isinstance(node, list):
            if not part.isdigit() or int(part) >= len(node):
                raise ScenarioError(f"{source}: --set {key}: no list item {part!r}")
            node = node[int(part)]
        else:
            node = node.setdefault(part, {})
        if not isinstance(node, dict | list):
            raise ScenarioError(f"{source}: --set {key}: {part!r} is not a table")
    node[parts[-1]] = value


def _build(cls: type, data: Any, prefix: str, source: str) -> Any:
    where = prefix.rstrip(".") or "top level"
    if not isinstance(data, dict):
        raise ScenarioError(f"{source}: {where}: expected a table, got {_kind(data)}")
    fields = {f.name: f for f in dataclasses.fields(cls)}
    hints = typing.get_type_hints(cls)
    unknown = sorted(set(data) - set(fields))
    if unknown:
        raise ScenarioError(f"{source}: {prefix}{unknown[0]}: unknown key; allowed: "
                            f"{', '.join(sorted(fields))}")
    values = {}
    for name, value in data.items():
        values[name] = _convert(hints[name], fields[name], value, f"{prefix}{name}", source)
    return cls(**values)


def _convert(hint: Any, fld: dataclasses.Field, value: Any, key: str, source: str) -> Any:
    meta = fld.metadata
    if dataclasses.is_dataclass(hint):
        return _build(hint, value, key + ".", source)
    origin = typing.get_origin(hint)
    if origin is tuple:
        args = typing.get_args(hint)
        if args and args[0] is Intervention:
            return tuple(_build_intervention(v, f"{key}[{i}]", source)
                         for i, v in enumerate(_as_list(value, key, source)))
        if args and dataclasses.is_dataclass(args[0]):
            if not isinstance(value, list):
                raise ScenarioError(f"{source}: {key}: expected a list of tables "
                                    f"([[{key}]]), got {_kind(value)}")
            return tuple(_build(args[0], v, f"{key}[{i}].", source) for i, v in enumerate(value))
    if hint is tuple or origin is tuple:
        default = fld.default_factory() if fld.default_factory is not dataclasses.MISSING else ()
        if default and isinstance(default[0], str):
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise ScenarioError(f"{source}: {key}: expected a list of names, got {value!r}")
            return tuple(value)
        if not isinstance(value, list) or not all(_is_number(v) for v in value):
            raise ScenarioError(f"{source}: {key}: expected a list of {len(default)} numbers "
                                f"({meta.get('unit', '')}), got {value!r}")
        if len(value) != len(default):
            raise ScenarioError(f"{source}: {key}: expected {len(default)} numbers "
                                f"({meta.get('unit', '')}), got {len(value)}")
        for v in value:
            _check_range(float(v), meta, key, source)
        return tuple(float(v) for v in value)
    if hint is bool:
        if not isinstance(value, bool):
            raise ScenarioError(f"{source}: {key}: expected true or false, got {value!r}")
        return value
    if hint is int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise ScenarioError(f"{source}: {key}: expected a whole number "
                                f"({meta.get('unit', '')}), got {value!r}")
        _check_range(value, meta, key, source)
        return value
    if hint is float:
        if not _is_number(value):
            raise ScenarioError(f"{source}: {key}: expected a number ({meta.get('unit', '')}), "
                                f"got {value!r}")
        _check_range(float(value), meta, key, source)
        return float(value)
    if hint is str:
        if not isinstance(value, str):
            raise ScenarioError(f"{source}: {key}: expected text, got {value!r}")
        return value
    if hint is dt.date:
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        if isinstance(value, str):
            try:
                return dt.date.fromisoformat(value)
            except ValueError:
                pass
        raise ScenarioError(f"{source}: {key}: expected a date like 2020-03-16, got {value!r}")
    raise ScenarioError(f"{source}: {key}: unsupported value {value!r}")  # pragma: no cover


def _as_list(value: Any, key: str, source: str) -> list:
    if not isinstance(value, list):
        raise ScenarioError(f"{source}: {key}: expected a list of tables ([[{key}]]), got "
                            f"{_kind(value)}")
    return value


def _build_intervention(data: Any, key: str, source: str) -> Intervention:
    if not isinstance(data, dict) or "type" not in data:
        raise ScenarioError(f"{source}: {key}.type: missing; allowed: {', '.join(REGISTRY)}")
    data = dict(data)
    kind = data.pop("type")
    if kind not in REGISTRY:
        raise ScenarioError(f"{source}: {key}.type: unknown intervention {kind!r}; allowed: "
                            f"{', '.join(sorted(REGISTRY))}")
    return _build(REGISTRY[kind], data, key + ".", source)


def _check_range(value: float, meta: Any, key: str, source: str) -> None:
    lo, hi = meta.get("lo"), meta.get("hi")
    if (lo is not None and value < lo) or (hi is not None and value > hi):
        raise ScenarioError(f"{source}: {key}: {value:g} is out of range; allowed: "
                            f"{_fmt(lo)} to {_fmt(hi)} {meta.get('unit', '')}".rstrip())


def _fmt(bound: float | None) -> str:
    return "any" if bound is None else f"{bound:g}"


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _kind(value: Any) -> str:
    return type(value).__name__
