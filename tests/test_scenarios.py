"""Scenario files: every file loads and runs; bad input gives one clear line."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from sim import LonelinessModel, load
from sim.errors import ScenarioError
from sim.scenario import from_dict, parse_override, to_dict

SCENARIOS = sorted((Path(__file__).resolve().parents[1] / "scenarios").glob("*.toml"))


@pytest.mark.parametrize("path", SCENARIOS, ids=lambda p: p.name)
def test_every_scenario_loads_and_runs_a_few_weeks(path):
    model = LonelinessModel(load(path), residents=600, years=0.1)
    model.run()
    assert model.week == model.weeks == 5
    assert model.recorder.latest("all", "lonely") >= 0


def test_required_scenarios_exist_and_differ_only_in_lockdowns():
    base = load(SCENARIOS[0].parent / "baseline.toml")
    lock = load(SCENARIOS[0].parent / "lockdown_2020.toml")
    assert base.residents == 20_000 and base.municipality == "average"
    assert str(base.start) == "2019-01-01" and base.lockdowns == ()
    assert len(lock.lockdowns) >= 2
    same = dataclasses.replace(lock, name=base.name, description=base.description, lockdowns=())
    assert same == base, "lockdown_2020 must be the baseline plus its lockdown periods only"


def test_scenario_writes_back_to_the_same_data(baseline):
    data = to_dict(baseline)
    assert from_dict(data) == baseline


def write(tmp_path, text):
    path = tmp_path / "bad.toml"
    path.write_text(text)
    return path


@pytest.mark.parametrize("text, expected", [
    ('residnts = 10\n', "residnts: unknown key; allowed:"),
    ('residents = "many"\n', "residents: expected a whole number"),
    ('residents = 5\n', "residents: 5 is out of range; allowed: 100 to"),
    ('years = -1\n', "years: -1 is out of range"),
    ('municipality = "Atlantis"\n', "municipality: unknown profile 'Atlantis'; allowed: "),
    ('start = "yesterday"\n', "start: expected a date like 2020-03-16"),
    ('[params.ties]\ndecay_per_year = 1.5\n', "params.ties.decay_per_year: 1.5 is out of range"),
    ('[params.loneliness]\nfoo = 1\n', "params.loneliness.foo: unknown key"),
    ('[[lockdowns]]\nstart = 2020-03-01\nend = 2020-02-01\n', "lockdowns[0].end: 2020-02-01 "
     "must be after start"),
    ('[[lockdowns]]\nwork_from_home = 2\n', "lockdowns[0].work_from_home: 2 is out of range"),
    ('[[lockdowns]]\nclubs_closed = "yes"\n', "lockdowns[0].clubs_closed: expected true or false"),
    ('lockdowns = 3\n', "lockdowns: expected a list of tables"),
    ('[params.contact]\nsubstitution = [1, 2]\n', "params.contact.substitution: expected 9 "
     "numbers"),
    ('residents = = 3\n', "not valid TOML"),
])
def test_bad_scenarios_give_one_line_naming_file_and_key(tmp_path, text, expected):
    path = write(tmp_path, text)
    with pytest.raises(ScenarioError) as err:
        load(path)
    message = str(err.value)
    assert "\n" not in message
    assert message.startswith(str(path)), message
    assert expected in message, message


def test_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(ScenarioError, match="no such scenario file"):
        load(tmp_path / "nope.toml")


def test_overrides_are_validated_like_the_file(baseline):
    path = Path(__file__).resolve().parents[1] / "scenarios" / "baseline.toml"
    key, value = parse_override("params.ties.decay_per_year=0.2")
    assert load(path, {key: value}).params.ties.decay_per_year == 0.2
    assert load(path, dict([parse_override("name=test run")])).name == "test run"
    with pytest.raises(ScenarioError, match="params.ties.nope: unknown key"):
        load(path, dict([parse_override("params.ties.nope=1")]))
    with pytest.raises(ScenarioError, match="expected dotted.key=value"):
        parse_override("residents")


@pytest.mark.parametrize("script", ["calibrate", "demography", "drift", "friend_flows",
                                    "severe_by_age"])
def test_experiment_scripts_refuse_bad_settings_in_one_line(script, capsys):
    """The experiment scripts' ``--set`` goes through the scenario's validation: a wrong key
    or value ends the script with one line naming the script, the file and the key."""
    import importlib
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "experiments"))
    module = importlib.import_module(script)
    with pytest.raises(SystemExit) as stop:
        module.main(["--set", "params.ties.nope=1"])
    message = str(stop.value)
    assert message.startswith(f"{script}: ") and "params.ties.nope: unknown key" in message
    assert "\n" not in message


def test_calibration_over_several_seeds_reports_each_target_per_seed(capsys):
    """``calibrate.py --seeds K``: every target's value on each seed and on how many it is met
    (a calibration should not rest on one seed's luck)."""
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "experiments"))
    import calibrate

    status = calibrate.main(["--seeds", "2", "--residents", "600", "--years", "1"])
    out = capsys.readouterr().out
    lines = [line for line in out.splitlines() if line.startswith("severely lonely, widowed")]
    assert len(lines) == 1 and lines[0].split()[-1] in ("0/2", "1/2", "2/2"), out
    assert "targets met per seed:" in out and status in (0, 1)
    assert calibrate.main(["--seeds", "0"]) == 2
