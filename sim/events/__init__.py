"""Life events: weekly hazards (``hazards``) and what each event does (``life``)."""

from sim.events import life
from sim.events.hazards import EVENTS, HazardTables, draw_events

#: Handler per event name, applied in this order each week.
HANDLERS = {name: getattr(life, name) for name in EVENTS}

__all__ = ["EVENTS", "HANDLERS", "HazardTables", "draw_events"]
