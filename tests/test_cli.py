"""The command line: outputs, determinism, and one-line errors with a non-zero exit."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

import pytest

from sim.cli import main
from sim.metrics import GROUPS, METRICS

ROOT = Path(__file__).resolve().parents[1]
BASELINE = str(ROOT / "scenarios" / "baseline.toml")


def run(tmp_path, name, *extra):
    out = tmp_path / name
    code = main(["run", BASELINE, "--residents", "800", "--years", "0.3", "--quiet",
                 "--out", str(out), *extra])
    assert code == 0
    return out


def test_run_writes_tidy_timeseries_and_run_record(tmp_path):
    out = run(tmp_path, "a", "--trace", "4", "--seed", "5")
    rows = list(csv.DictReader((out / "timeseries.csv").open()))
    assert set(["week", "date", "group", "residents", *METRICS]) <= set(rows[0])
    weeks = {r["week"] for r in rows}
    assert len(weeks) == 16 and {r["group"] for r in rows} == set(GROUPS)
    assert rows[0]["date"] == "2019-01-01"
    record = json.loads((out / "run.json").read_text())
    assert record["seed"] == 5 and record["scenario"]["residents"] == 800
    assert record["version"] and record["wall_seconds"] > 0
    traces = list(csv.DictReader((out / "traces.csv").open()))
    assert {"week", "resident", "emotional_latent", "social_latent", "djg11",
            "contacts_per_week", "health"} <= set(traces[0])
    assert len({t["resident"] for t in traces}) == 4
    assert (out / "events.csv").read_text().startswith("week,resident,event")


def test_same_seed_gives_byte_identical_outputs(tmp_path):
    a = run(tmp_path, "a", "--trace", "3")
    b = run(tmp_path, "b", "--trace", "3")
    c = run(tmp_path, "c", "--seed", "2")
    for name in ("timeseries.csv", "traces.csv", "events.csv"):
        assert (a / name).read_bytes() == (b / name).read_bytes(), name
    assert (a / "timeseries.csv").read_bytes() != (c / "timeseries.csv").read_bytes()


@pytest.mark.parametrize("args, expected", [
    (["run", "nope.toml"], "nope.toml: no such scenario file"),
    (["run", BASELINE, "--residents", "-5"], "argument --residents: must be at least 1"),
    (["run", BASELINE, "--years", "many"], "argument --years: expected a number"),
    (["run", BASELINE, "--set", "params.ties.decay_per_year=7"], "decay_per_year: 7 is out of "
     "range"),
    (["run", BASELINE, "--set", "colour=blue"], "colour: unknown key"),
    (["fly"], "invalid choice: 'fly'"),
    (["run", BASELINE, "--set", "policy.signalers.barber.notice_per_meeting=0.1"],
     "policy.signalers.barber: unknown key; allowed: debt_counselling, employer"),
])
def test_bad_input_gives_one_line_and_exit_2(args, expected, capsys):
    assert main(args) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0, err
    assert err.startswith("konvooi: ") and expected in err, err


def test_bad_thread_setting_gives_one_line_and_exit_2(monkeypatch, capsys):
    monkeypatch.setenv("KONVOOI_THREADS", "four")
    assert main(["bench", "--residents", "300", "--years", "0.1"]) == 2
    err = capsys.readouterr().err.strip()
    assert err == "konvooi: KONVOOI_THREADS must be 1 or 2, not 'four'"


def test_unwritable_output_directory_fails_before_the_run(tmp_path, capsys):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    assert main(["run", BASELINE, "--residents", "300", "--years", "0.1", "--quiet",
                 "--out", str(blocker / "sub")]) == 2
    assert "cannot write there" in capsys.readouterr().err


def test_console_script_and_bench_json():
    exe = Path(sys.executable).with_name("konvooi")
    result = subprocess.run([str(exe), "bench", "--residents", "500", "--years", "0.2",
                             "--json"], capture_output=True, text=True, check=True)
    data = json.loads(result.stdout)
    assert {"residents", "weeks", "seconds", "resident_weeks_per_s", "peak_rss_mb"} <= set(data)
    assert data["residents"] == 500 and data["weeks"] == 10
    assert data["resident_agents"] == 0  # the command line makes agents on demand


def test_bench_reports_each_phase_of_the_week(capsys):
    code = main(["bench", "--residents", "500", "--years", "0.3", "--json", "--phases",
                 "--agents"])
    assert code == 0
    data = json.loads(capsys.readouterr().out)
    phases = data["phase_ms_per_week"]
    assert set(phases) == {"live_through_life_events", "apply_measures", "feel",
                           "maintain_ties", "act_on_policy", "record"}
    assert all(ms >= 0 for ms in phases.values()) and phases["feel"] > 0
    assert sum(phases.values()) * data["weeks"] / 1000 <= data["step_seconds"]
    assert data["resident_agents"] > 400  # --agents keeps one per resident


def test_a_package_run_writes_interventions_and_what_it_averted(tmp_path, capsys):
    out = tmp_path / "pkg"
    code = main(["run", str(ROOT / "scenarios" / "maatwerk.toml"), "--residents", "1500",
                 "--years", "0.5", "--quiet", "--summary", "--out", str(out)])
    assert code == 0
    rows = list(csv.DictReader((out / "interventions.csv").open()))
    assert {"week", "date", "intervention", "eligible", "referred", "waiting", "enrolled",
            "completed", "dropped_out", "volunteer_hours", "professional_hours", "cost"} <= set(
        rows[0])
    assert {r["intervention"] for r in rows} >= {"meeting_activities", "daily_contact", "intake"}
    policy = json.loads((out / "run.json").read_text())["policy"]
    assert {"loneliness_years_averted", "cost_euros", "cost_per_loneliness_year_averted",
            "found_by", "helped"} <= set(policy)
    assert policy["cost_euros"] > 0
    found = policy["found_by"]
    assert sum(v["referred"] for v in found.values()) == policy["interventions"]["intake"][
        "referred"] > 0
    assert found["gp"]["label"] == "huisarts / general practice (GP)"
    assert "naar een intake verwezen door" in capsys.readouterr().out
