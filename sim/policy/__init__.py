"""Policy: the municipality's package against loneliness (issue #3).

:mod:`sim.policy.spec` declares the ``[policy]`` table and :mod:`sim.policy.domains` its
``[policy.signalers]`` sub-tables; :mod:`sim.policy.base` the intervention plug-in and its
registry; :mod:`sim.policy.interventions` holds one file per intervention;
:mod:`sim.policy.signalers` the signaler domain agents that find lonely residents (vinden);
:mod:`sim.policy.agents` the other policy agents that run the route (:mod:`sim.policy.route`)
from being noticed to being helped.
"""

from sim.policy import interventions  # noqa: F401 - registers the plug-ins
from sim.policy.base import CAUSES, REGISTRY, Intervention, register
from sim.policy.spec import ASSIGNMENTS, Policy

__all__ = ["ASSIGNMENTS", "CAUSES", "REGISTRY", "Intervention", "Policy", "register"]
