"""Signaler domains (vinden): worked examples of who finds lonely residents, and when.

The welfare organisation has no hours here, so everyone referred stays at the intake and the
comparisons count who was found, not what happened next. Runs differ only in their policy
section or lockdowns (same seed).
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest

from sim import LonelinessModel
from sim.errors import ScenarioError
from sim.policy.agents import AT_INTAKE
from sim.policy.domains import DOMAINS
from sim.policy.report import found_by
from sim.policy.signalers import AGENTS, BOUND_SLACK
from sim.policy.targets import target_mask
from sim.population import FRAIL
from sim.scenario import from_dict, to_dict

RESIDENTS, YEARS, SEED = 5000, 1, 11
#: Residents for the packages that raise the number found by signalers (training,
#: cooperation). With no intake hours the found wait at intake and the findable run out:
#: at 5,000 residents the ratio package / none ranged 1.14-1.58 over seeds 11-13 (1.2 is
#: asked), at 10,000 1.46-1.57 (branch old-friends and main, 2026-11-24).
LARGE = 10_000
CLUBS = ("faith", "sports", "library", "self_organisations")


def scenario(baseline, signalers=None, blocks=(), lockdowns=(), **policy):
    """The baseline with a token package, no intake hours, and the given signalling."""
    data = to_dict(baseline)
    data["policy"].update({"budget_per_year": 1e6, "welfare_hours_per_week": 0.0,
                           "signalers": signalers or {}, **policy})
    data["interventions"] = [{"type": "buddy", "places": 1},
                             *({"type": kind, "budget": 1000.0} for kind in blocks)]
    data["lockdowns"] = list(lockdowns)
    return from_dict(data)


def run(scen, years=YEARS, residents=RESIDENTS):
    model = LonelinessModel(scen, residents=residents, years=years, seed=SEED, agents=False)
    model.run()
    return model


def found(model, source, weeks=slice(None)):
    led = model.policy.ledger
    return int(led.found_by[weeks, led.sources.index(source)].sum())


def by_signalers(model):
    return sum(found(model, key) for key in DOMAINS)


def at_intake(model, mask=None):
    pop = model.world.pop
    waiting = pop.active[: pop.n] & (pop.care_stage[: pop.n] == AT_INTAKE)
    return int((waiting & (True if mask is None else mask[: pop.n])).sum())


@pytest.fixture(scope="module")
def default(baseline):
    return run(scenario(baseline))


@pytest.fixture(scope="module")
def default_large(baseline):
    return run(scenario(baseline), residents=LARGE)


def test_every_domain_has_an_agent():
    assert tuple(AGENTS) == DOMAINS


def test_every_referral_is_credited_to_one_source(default):
    led = default.policy.ledger
    assert led.found_by.sum() == led.total("referred")[-1] > 50
    assert set(led.sources) == {*DOMAINS, "self"}
    labels = found_by(default)
    assert labels["gp"]["label"] == "huisarts / general practice (GP)"
    assert labels["self"]["label"] == "zelf aangemeld / self-referral"


def test_a_sharper_gp_refers_more_frail_lonely_residents(baseline):
    """A GP who notices loneliness more often at a consult refers more of the frail, who see
    the GP most: the frail are over-represented among the extra referrals. A town of 15,000,
    so that about 100 extra frail residents are referred: with 5,000 (30-50) the ratio of
    their share to the frail share of lonely adults ran from 1.95 to 3.5 between seeds
    (seeds 11-14 at 15,000: 2.5-3.0)."""
    default = run(scenario(baseline), residents=15_000)
    sharp = run(scenario(baseline, {"gp": {"notice_per_meeting": 0.05}}), residents=15_000)
    assert found(sharp, "gp") > 2 * found(default, "gp")
    frail = [m.world.pop.health == FRAIL for m in (default, sharp)]
    before, after = at_intake(default, frail[0]), at_intake(sharp, frail[1])
    assert before >= 5, f"too few frail residents referred ({before}) for a fair test"
    assert after > 1.5 * before, f"frail residents referred: {before} → {after}"
    extra_share = (after - before) / (at_intake(sharp) - at_intake(default))
    lonely = target_mask(default.world.pop, ("lonely",))
    frail_share = float(frail[0][: len(lonely)][lonely].mean())
    assert extra_share > 2 * frail_share, \
        f"frail share of the extra referrals {extra_share:.2f}, of lonely adults {frail_share:.2f}"


def test_closed_clubs_and_churches_find_nobody_while_gp_and_home_care_still_do(baseline):
    """Lockdown: clubs, churches, culture and self-organisations stop meeting in person; the
    GP and home care go on."""
    # Generous enough that every club kind finds several people while open, whatever the
    # draws (at 0.03 self-organisations, which only residents with a migration background
    # join, found 7 here and 2 after a change to the start; at 0.06 they find 13).
    generous = {key: {"notice_per_meeting": 0.06} for key in CLUBS}
    closed = {"name": "lockdown", "start": dt.date(2019, 4, 1), "end": dt.date(2019, 12, 1),
              "clubs_closed": True, "stay_home": 0.4}
    # 10,000 residents: at 5,000 home care found about 20 in these weeks, and the ratio
    # closed / open swung around 0.7 with the draws (0.67 after a change to the start).
    open_ = run(scenario(baseline, generous), residents=LARGE)
    shut = run(scenario(baseline, generous, lockdowns=[closed]), residents=LARGE)
    weeks = slice(14, 47)  # April - November 2019
    for key in CLUBS:
        assert found(open_, key, weeks) >= 3, f"{key} finds people when open (fair test)"
        assert found(shut, key, weeks) == 0, f"{key} found people while closed"
    for key in ("gp", "home_care"):
        assert found(shut, key, weeks) >= 0.7 * found(open_, key, weeks) > 5, key


def test_signaler_training_raises_the_number_found(baseline, default_large):
    """Kwaliteit: trained signalers notice more; self-referral does not change."""
    default = default_large
    trained = run(scenario(baseline, blocks=("signaler_training",)), residents=LARGE)
    counts = {"default": by_signalers(default), "trained": by_signalers(trained)}
    assert counts["trained"] > 1.2 * counts["default"], counts
    # The chance to ask for help oneself does not depend on training (the number who do
    # moves a little, as trained signalers find some of them first).
    self_rate = [m.policy.signalers.self_referral.rate() for m in (default, trained)]
    assert self_rate[1] == pytest.approx(self_rate[0]) and self_rate[0] > 0


def test_cooperation_raises_referrals_and_information_raises_self_referral(baseline,
                                                                           default_large):
    """Samenwerken raises the share of the noticed who are referred; informeren raises the
    number who ask for help themselves."""
    coalition = run(scenario(baseline, blocks=("coalition",)), residents=LARGE)
    domains = [by_signalers(m) for m in (default_large, coalition)]
    assert domains[1] > 1.2 * domains[0], f"referred by signalers: {domains}"
    # Self-referrals are few (~40 a year here); over two years the information point's
    # +50 % rate stands out from the noise of the counts.
    asked = [found(run(scenario(baseline, blocks=blocks), years=2), "self")
             for blocks in ((), ("information_point",))]
    assert asked[1] > 1.2 * asked[0], f"self-referrals: {asked}"


def test_working_from_home_hides_employees_from_their_employer(baseline):
    """Employers meet employees at work: with all work at home they find nobody."""
    generous = {"employer": {"notice_per_meeting": 0.02, "referral_share": 0.5}}
    home = {"name": "thuiswerken", "start": dt.date(2019, 1, 1), "end": dt.date(2020, 1, 1),
            "work_from_home": 1.0}
    at_work = run(scenario(baseline, generous), years=0.5)
    at_home = run(scenario(baseline, generous, lockdowns=[home]), years=0.5)
    assert found(at_work, "employer") >= 5
    assert found(at_home, "employer") == 0


def test_same_seed_same_finders(baseline, default):
    again = run(scenario(baseline))
    assert np.array_equal(again.policy.ledger.found_by, default.policy.ledger.found_by)


@pytest.mark.parametrize("signalers, expected", [
    ({"barber": {"notice_per_meeting": 0.1}}, "policy.signalers.barber: unknown key; allowed: "
     "debt_counselling, employer, faith, gp"),
    ({"gp": {"skill": 0.1}}, "policy.signalers.gp.skill: unknown key; allowed: "),
    ({"gp": {"notice_per_meeting": 2.0}}, "policy.signalers.gp.notice_per_meeting: 2 is out of "
     "range"),
    ({"gp": {"contacts_by_age": [3, 4]}}, "policy.signalers.gp.contacts_by_age: expected 6 "
     "numbers"),
    ({"faith": {"club_share": 0.7}, "sports": {"club_share": 0.5}}, "policy.signalers: "
     "faith.club_share + sports.club_share = 1.2, more than 1"),
])
def test_bad_signaler_tables_give_one_clear_line(baseline, signalers, expected):
    data = to_dict(baseline)
    data["policy"]["signalers"] = signalers
    with pytest.raises(ScenarioError) as err:
        from_dict(data, source="policy.toml")
    assert "\n" not in str(err.value) and expected in str(err.value), str(err.value)


@pytest.mark.parametrize("lockdown", [False, True])
def test_no_candidate_is_met_more_often_than_the_domain_bound(baseline, lockdown):
    """The network only looks at residents whose draw could lead to a referral, using each
    domain's bound on meetings; the bound must hold for every lonely resident, open or in a
    lockdown (otherwise some referrals would silently be lost)."""
    closed = {"name": "lockdown", "start": dt.date(2019, 1, 1), "end": dt.date(2020, 1, 1),
              "clubs_closed": True, "stay_home": 0.4, "work_from_home": 0.5}
    model = LonelinessModel(scenario(baseline, lockdowns=[closed] if lockdown else []),
                            residents=RESIDENTS, years=YEARS, seed=SEED, agents=False)
    for _ in range(14):  # past the first tie maintenance week (neighbour ties recounted)
        model.step()
    net, pop = model.policy.signalers, model.world.pop
    everyone = net._describe(np.flatnonzero(model.policy.mask(("lonely",))[: pop.n]))
    for agent in net.domains:
        most = agent.meetings(everyone).max()
        assert most > 0 or lockdown, f"{agent.key} meets nobody: the check would be empty"
        bound = agent.most_meetings(model.weights.kept, model.measures.stay_home)
        assert most <= bound * BOUND_SLACK, f"{agent.key}: {most} meetings, bound {bound}"
