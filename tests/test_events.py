"""Life events: the draw's shortcut changes nothing; arrivals join the town's places."""

from __future__ import annotations

import numpy as np

from sim import LonelinessModel
from sim.events.hazards import _draw
from sim.population import EMPLOYED
from sim.synth import SCHOOL_OFFSET, STUDY_OFFSET, WORKPLACE_SIZE


def test_the_age_bound_never_hides_an_event(small_run):
    """Residents whose draw is above the bound of their age are skipped; with hazards scaled
    up so that the draws fall all around the bound, skipping gives exactly the events that
    looking at everyone gives."""
    world = small_run.world
    pop, tables, n = world.pop, world.hazards, world.pop.n
    whole = np.minimum(pop.age[:n], 110).astype(np.int32)
    scale = np.float32(0.6 / np.median(tables.bound[whole]))  # the median resident's: 0.6
    lonely_weeks = np.random.default_rng(3).integers(0, 100, n).astype(np.int16)
    rows = (pop.age[:n], pop.active[:n], pop.female[:n], pop.health[:n], pop.partner[:n],
            pop.care_home[:n], pop.with_parents[:n], pop.household_size[:n], lonely_weeks,
            np.float32(52), pop.vulnerability[:n], tables.divorce_selection)
    hazards = (tables.death * scale, tables.death_rr, tables.divorce * scale,
               tables.partnering * scale, tables.birth * scale, tables.leave_home * scale,
               tables.move * scale, tables.decline * scale, tables.recovery * scale,
               tables.care_home * scale)
    key = np.uint64(12345)
    who, which = _draw(tables.bound * scale, key, *rows, *hazards)
    all_who, all_which = _draw(np.full_like(tables.bound, np.inf), key, *rows, *hazards)
    assert len(all_who) > 100, "many events with these hazards (a fair test)"
    assert len(all_who) < 0.9 * pop.active[:n].sum(), "many draws above the bound too"
    assert np.array_equal(who, all_who) and np.array_equal(which, all_which)


def test_newcomers_and_school_starters_join_the_towns_places(baseline):
    """Arrivals take up work, school and clubs in the town as it is: after three years of
    in-migrants, partners from elsewhere and school starters, workplaces keep their size,
    every school class is one birth cohort, and newcomers join the existing clubs."""
    model = LonelinessModel(baseline, residents=4000, years=3, seed=5, agents=False)
    start = model.world.pop.n
    model.run()
    pop, places = model.world.pop, model.world.places
    rows = np.arange(pop.n)
    here = pop.active[: pop.n]
    assert (here & (rows >= start)).sum() > 300, "enough newcomers and babies for a fair test"
    workplace = pop.workplace[: pop.n]
    employed = here & (pop.work[: pop.n] == EMPLOYED)
    size = np.bincount(workplace[employed])
    assert len(size) <= places.workplaces
    assert size.max() <= 3 * WORKPLACE_SIZE, f"largest workplace {size.max()}"
    pupils = here & (workplace >= SCHOOL_OFFSET) & (workplace < STUDY_OFFSET)
    classes, inverse = np.unique(workplace[pupils], return_inverse=True)
    age = pop.age[: pop.n][pupils]
    spread = np.zeros(len(classes))
    np.maximum.at(spread, inverse, age)
    youngest = np.full(len(classes), np.inf)
    np.minimum.at(youngest, inverse, age)
    assert (spread - youngest).max() < 1.5, "a class mixes birth cohorts"
    club = pop.club[: pop.n]
    old_clubs = np.unique(club[:start][club[:start] >= 0])
    joined = here & (rows >= start) & (club >= 0)
    assert joined.sum() > 30, "enough newcomers in clubs for a fair test"
    assert np.isin(club[joined], old_clubs).mean() > 0.95
