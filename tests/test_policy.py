"""Policy agents and interventions: worked examples of what the scientists found.

Small towns and fixed seeds; signalling is made generous (every signaler domain notices ten
times as often, and more residents ask for help themselves) so that enough residents reach
help in a short run — the comparisons are within one seed, between strategies that differ
only in their policy section.
"""

from __future__ import annotations

import numpy as np
import pytest

from sim import LonelinessModel
from sim.errors import ScenarioError
from sim.policy.agents import TAKING_PART
from sim.policy.domains import DOMAINS, Signalers
from sim.scenario import from_dict, to_dict

RESIDENTS, YEARS, SEED = 4000, 2, 21


def generous_signalers(factor=10.0):
    """Every domain notices ``factor`` times as often as by default."""
    defaults = Signalers()
    return {key: {"notice_per_meeting": min(1.0, factor * getattr(defaults, key)
                                            .notice_per_meeting)} for key in DOMAINS}


def scenario(baseline, interventions, budget=None, **policy):
    data = to_dict(baseline)
    data["policy"].update({"signalers": generous_signalers(), "self_referral_per_year": 0.5,
                           "welfare_hours_per_week": 200.0, "volunteer_hours_per_week": 2000.0})
    data["policy"].update(policy)
    data["interventions"] = interventions
    total = sum(iv.get("budget", 0.0) for iv in interventions)
    data["policy"]["budget_per_year"] = budget if budget is not None else total
    return from_dict(data)


def run(scen, residents=RESIDENTS, years=YEARS, seed=SEED):
    model = LonelinessModel(scen, residents=residents, years=years, seed=seed, agents=False)
    model.run()
    return model


def last(model, group, metric, weeks=26):
    return float(np.nanmean(model.recorder.series(group, metric)[-weeks:]))


def test_zero_budget_equals_the_baseline_exactly(baseline):
    """A package without money changes nothing, draw for draw."""
    plain = run(baseline, years=1)
    empty = run(scenario(baseline, [{"type": "daily_contact", "budget": 0.0}], budget=0.0),
                years=1)
    assert np.array_equal(plain.recorder.values, empty.recorder.values, equal_nan=True)


def test_a_package_changes_the_convoys_it_reaches_and_leaves_the_rest_alone(baseline):
    """Common random numbers down to the tie: with a package, those it helped and the
    people tied to them live different lives; everyone else keeps the same convoy as in
    the run without it (who meets whom, which acquaintances drift apart, which ties end
    are drawn per resident and pair). After a year, seeds 2 / 5 / 21: 4 / 11 / 0 of the
    855-909 others have a different number of ties; with draws over lists (before) 174 /
    247 / 247 of 821-897 did."""
    package = scenario(baseline, [{"type": "meeting_activities", "places": 300}],
                       budget=300_000.0)
    with_package, without = run(package, years=1, seed=2), run(scenario(baseline, []),
                                                               years=1, seed=2)
    n = min(with_package.world.pop.n, without.world.pop.n)
    reached = np.zeros(n, bool)
    reached[[i for i in with_package.policy.helped if i < n]] = True
    assert reached.sum() > 50, f"too few helped ({reached.sum()}) for a fair test"
    near = reached.copy()
    for model in (with_package, without):
        ties = model.world.ties
        live = ties.live()
        a, b = ties.a[live], ties.b[live]
        a, b = a[b >= 0], b[b >= 0]
        near[b[reached[a]]] = near[a[reached[b]]] = True
    others = ~near & with_package.world.pop.active[:n]
    differs = with_package.world.ties.count[:n] != without.world.ties.count[:n]
    assert (differs & others).sum() <= 0.03 * others.sum(), (
        f"{(differs & others).sum()} of {others.sum()} residents out of the package's reach "
        f"have a different number of ties")


def test_more_daily_contact_lowers_emotional_loneliness_of_frail_living_alone(baseline):
    """De Jong Gierveld: a daily visit at a fixed time lowers loneliness of frail people
    living alone without daily contact. Those visited only when the programme has 300
    places, against the same residents in the run with 5 places (common random numbers).
    A town of 8,000, so that about 130 are visited: with 40 (4,000 residents, 150 places)
    the mean was at the mercy of two or three whose lives diverged between the runs (a
    loss in one run only; seeds 21-24: -0.01 to -0.35, now -0.23 to -0.29)."""
    small = run(scenario(baseline, [{"type": "daily_contact", "places": 5}],
                         budget=200_000.0), residents=8000)
    large = run(scenario(baseline, [{"type": "daily_contact", "places": 300}],
                         budget=200_000.0), residents=8000)
    ids = np.array(sorted(large.policy.helped - small.policy.helped))
    change, visited = participants_change(large, small, ids, "emotional")
    assert len(visited) > 20, f"too few visited ({len(visited)}) for a fair test"
    assert change < -0.05, f"emotional loneliness of those visited changed by {change:.2f}"


def participants_change(model, counterfactual, ids, attribute):
    pop, cf = model.world.pop, counterfactual.world.pop
    ids = ids[pop.active[ids] & cf.active[ids]]
    return float(np.mean(getattr(pop, attribute)[ids] - getattr(cf, attribute)[ids])), ids


def test_meetings_lower_social_more_than_emotional_and_help_moderate_more(baseline):
    """Meetings touch social more than emotional loneliness, and the moderately lonely more
    than the severely lonely. A town of 12,000 with 900 places: in one of 4,000 with 300 the
    shares lifted out of loneliness were 0.001-0.032 (moderate) against -0.003-0.007
    (severe) on seeds 21-23, too close to tell apart on every seed; here 0.022-0.034
    against 0.001-0.004."""
    package = scenario(baseline, [{"type": "meeting_activities", "places": 900,
                                   "target": ["lonely"]}], budget=600_000.0)
    with_meetings = LonelinessModel(package, residents=12_000, years=YEARS, seed=SEED,
                                    agents=False)
    without = LonelinessModel(scenario(baseline, []), residents=12_000, years=YEARS,
                              seed=SEED, agents=False)
    # Who is severely and lastingly lonely when the package starts (same residents in both
    # runs): DJG-11 of 7 or more for two years or longer.
    pop = without.world.pop
    severe = ((pop.djg_emotional[: pop.n] + pop.djg_social[: pop.n]) >= 7) & (
        pop.lonely_weeks[: pop.n] >= 104)
    with_meetings.run()
    without.run()
    ids = np.array(sorted(with_meetings.policy.helped))
    assert len(ids) > 100, "enough participants for a fair test"
    social, kept = participants_change(with_meetings, without, ids, "social")
    emotional, _ = participants_change(with_meetings, without, ids, "emotional")
    assert social < 0, f"meetings should lower social loneliness of participants ({social:+.2f})"
    assert social / 5 < emotional / 6, f"social {social:+.2f} vs emotional {emotional:+.2f}"
    # Helped out of loneliness: the share no longer lonely (DJG-11 < 3), with the package
    # minus without it. A light measure lifts the moderately lonely out of loneliness more
    # often than the severely and lastingly lonely.
    kept = kept[kept < len(severe)]  # residents present at the start
    out_of_it = {}
    for label, ids_ in (("moderate", kept[~severe[kept]]), ("severe", kept[severe[kept]])):
        assert len(ids_) >= 10, f"too few {label} participants"
        w, wo = with_meetings.world.pop, without.world.pop
        out_of_it[label] = float(np.mean((w.djg_emotional[ids_] + w.djg_social[ids_]) < 3)
                                 - np.mean((wo.djg_emotional[ids_] + wo.djg_social[ids_]) < 3))
    assert out_of_it["moderate"] > out_of_it["severe"], out_of_it


PACKAGE = [{"type": "meeting_activities", "places": 120},
           {"type": "buddy", "places": 40},
           {"type": "realistic_expectations", "places": 40},
           {"type": "practical_support", "places": 40},
           {"type": "valued_role", "places": 30}]


def test_maatwerk_beats_generic_assignment_at_equal_budget(baseline):
    """Help works when it addresses the person's cause: matched beats generic.

    Compared on the residents who took part in either run, each against themselves in the
    other run (common random numbers): the whole town's share moves by less than its noise
    in a small town. Dropping out of help that does not fit is made frequent (×20, as in the
    misfit example below) so that its cost stands out within two years: at the default ×3
    the participants' difference is about 0.04 DJG points, one standard error of a run here
    (seeds 21-24: -0.07 to +0.002); at ×20 it was -0.05 to -0.07 on the same seeds.
    """
    package = [dict(iv, misfit_dropout_factor=20.0) for iv in PACKAGE]
    matched = run(scenario(baseline, package, budget=500_000.0, assignment="maatwerk"))
    generic = run(scenario(baseline, package, budget=500_000.0, assignment="generic"))
    misfit_m = matched.policy.ledger.total("dropped_out_misfit").sum()
    misfit_g = generic.policy.ledger.total("dropped_out_misfit").sum()
    assert misfit_m < misfit_g, f"misfit drop-outs: maatwerk {misfit_m}, generic {misfit_g}"
    ids = np.array(sorted(matched.policy.helped | generic.policy.helped))
    assert len(ids) > 500, f"too few participants ({len(ids)}) for a fair test"
    emotional, kept = participants_change(matched, generic, ids, "djg_emotional")
    social, _ = participants_change(matched, generic, ids, "djg_social")
    assert emotional + social < -0.01, (
        f"DJG-11 of participants, maatwerk minus generic: {emotional + social:+.3f}")


def test_misfit_drop_outs_end_up_lonelier(baseline):
    """Baat het niet, dan schaadt het: dropping out of help that did not fit leaves a person
    with less grip and lonelier than had they not been offered it."""
    offer = [{"type": "occupation", "places": 200, "misfit_dropout_factor": 20.0}]
    model = LonelinessModel(scenario(baseline, offer, budget=500_000.0, assignment="generic"),
                            residents=RESIDENTS, years=YEARS, seed=SEED, agents=False)
    without = LonelinessModel(scenario(baseline, []), residents=RESIDENTS, years=YEARS,
                              seed=SEED, agents=False)
    model.run()
    without.run()
    assert model.policy.ledger.total("dropped_out_misfit")[0] > 10
    pop = model.world.pop
    dropped = np.flatnonzero(pop.reluctance[: pop.n] > 0)
    mastery, kept = participants_change(model, without, dropped, "mastery")
    assert mastery < 0, "a misfit drop-out loses grip on life"
    emotional, _ = participants_change(model, without, kept, "emotional")
    assert emotional > 0, f"and ends up lonelier ({emotional:+.3f})"


def test_capacity_limits_create_waiting_lists(baseline):
    """Places are finite: referrals beyond them wait, first come first served."""
    model = run(scenario(baseline, [{"type": "buddy", "places": 5}], budget=10_000.0),
                years=1)
    waiting = model.policy.ledger.table[:, 0, 2]
    enrolled = model.policy.ledger.table[:, 0, 3]
    assert enrolled.max() <= 5
    assert waiting[-1] > 0, "a waiting list builds up behind five places"
    pop = model.world.pop
    assert (pop.care_stage[: pop.n] == TAKING_PART).sum() <= 5


@pytest.mark.parametrize("policy, interventions, expected", [
    ({}, [{"type": "teleportation"}], "interventions[0].type: unknown intervention "
     "'teleportation'; allowed:"),
    ({}, [{"type": "buddy", "places": -3}], "interventions[0].places: -3 is out of range"),
    ({}, [{"type": "buddy", "target": ["martians"]}], "interventions[0].target: no group "
     "'martians'; allowed:"),
    ({}, [{"type": "buddy", "colour": "red"}], "interventions[0].colour: unknown key"),
    ({"assignment": "lottery"}, [], "policy.assignment: 'lottery' is not known; allowed: "
     "maatwerk, generic"),
    ({"budget_per_year": 1000.0}, [{"type": "buddy", "places": 10}], "interventions cost "
     "8,000 euros a year, more than policy.budget_per_year = 1,000"),
])
def test_bad_policy_sections_give_one_clear_line(baseline, policy, interventions, expected):
    data = to_dict(baseline)
    data["policy"].update({"budget_per_year": 1e6, **policy})
    data["interventions"] = interventions
    with pytest.raises(ScenarioError) as err:
        from_dict(data, source="policy.toml")
    assert "\n" not in str(err.value) and expected in str(err.value), str(err.value)


def test_no_daily_contact_means_an_own_network_seen_less_than_daily(small_run):
    """The daily-contact target group: residents whose own network (outside the home, no
    volunteers) is in touch less than about once a day — some, not all, and more often those
    living alone late in life than young adults."""
    from sim.contacts import tie_rates
    from sim.policy.targets import DAILY_CONTACTS, target_mask
    from sim.ties import HOUSEHOLD, VOLUNTEER

    world = small_run.world
    pop, ties = world.pop, world.ties
    ids = ties.live()
    setting, rate = tie_rates(pop, ties, small_run.params, ids, world.contact_going())
    own = (setting != HOUSEHOLD) & (ties.kind[ids] != VOLUNTEER)
    expected = np.zeros(pop.n)
    np.add.at(expected, ties.a[ids][own], rate[own])
    ends = ties.b[ids][own]
    np.add.at(expected, ends[ends >= 0], rate[own][ends >= 0])
    adults = pop.active[: pop.n] & (pop.age[: pop.n] >= 18)
    # The weekly sums follow the ties' rates (up to the week's changes of state).
    assert np.corrcoef(expected[adults], pop.network_contacts[: pop.n][adults])[0, 1] > 0.95
    lacking = target_mask(pop, ("no_daily_contact",))
    share = lacking[adults].mean()
    assert 0.05 < share < 0.8
    assert (pop.network_contacts[: pop.n][lacking] < DAILY_CONTACTS).all()
    old_alone = adults & pop.living_alone[: pop.n] & (pop.age[: pop.n] >= 75)
    young = adults & (pop.age[: pop.n] < 45)
    assert lacking[old_alone].mean() > lacking[young].mean()


def test_compare_over_seeds_pairs_each_package_with_its_own_town(baseline):
    """experiments/compare.py: a package that spends nothing averts exactly nothing in every
    town (each seed's run without the package is the same town), and the spread of a
    package's effect over seeds is reported as mean, SD and standard error."""
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "experiments"))
    from compare import averted_by_seed, spread

    free = scenario(baseline, [{"type": "daily_contact", "budget": 0.0}], budget=0.0)
    paid = scenario(baseline, [{"type": "daily_contact", "places": 60}], budget=100_000.0)
    result = averted_by_seed([free, paid], [1, 2], residents=1500, years=0.5)
    assert [row["averted"] for row in result[0]] == [0.0, 0.0]
    assert len(result[1]) == 2
    mean, sd, se = spread([1.0, 2.0, 3.0, 4.0])
    assert (mean, round(sd, 4), round(se, 4)) == (2.5, 1.291, 0.6455)
