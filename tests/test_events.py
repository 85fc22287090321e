"""Life events: the draw's shortcut changes nothing; arrivals join the town's places."""

from __future__ import annotations

import numpy as np

from sim import LonelinessModel
from sim.events.hazards import _draw
from sim.population import EMPLOYED
from sim.synth import SCHOOL_OFFSET, STUDY_OFFSET, WORKPLACE_SIZE


def test_the_age_bound_never_hides_an_event(small_run):
    """Residents whose draw is above the bound of their age are skipped; with draws spread
    around the bound, skipping gives exactly the events that looking at everyone gives."""
    world = small_run.world
    pop, tables, n = world.pop, world.hazards, world.pop.n
    whole = np.minimum(pop.age[:n], 110).astype(np.int32)
    rng = np.random.default_rng(3)
    u = (rng.random(n) * 1.5 * tables.bound[whole]).astype(np.float32)
    chronic = rng.random(n) < 0.3
    rows = (u, pop.age[:n], pop.active[:n], pop.female[:n], pop.health[:n], pop.partner[:n],
            pop.care_home[:n], pop.with_parents[:n], pop.household_size[:n], chronic)
    hazards = (tables.death, tables.death_rr, tables.divorce, tables.partnering, tables.birth,
               tables.leave_home, tables.move, tables.decline, tables.recovery,
               tables.care_home)
    skipping, everyone = np.full(n, -1, np.int8), np.full(n, -1, np.int8)
    _draw(tables.bound, *rows, skipping, *hazards)
    _draw(np.full_like(tables.bound, np.inf), *rows, everyone, *hazards)
    assert (everyone >= 0).sum() > 100, "many events with these draws (a fair test)"
    assert np.array_equal(skipping, everyone)


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
