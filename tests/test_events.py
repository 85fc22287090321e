"""Life-event draws: the shortcut that skips most residents changes nothing."""

from __future__ import annotations

import numpy as np

from sim.events.hazards import _draw


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
