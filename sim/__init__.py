"""konvooi: a policy lab for loneliness in a Dutch municipality."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("konvooi")
except PackageNotFoundError:  # pragma: no cover - running from a source tree
    __version__ = "0.0.0"

from sim.model import LonelinessModel  # noqa: E402
from sim.resident import Resident  # noqa: E402
from sim.scenario import Scenario, load  # noqa: E402

__all__ = ["LonelinessModel", "Resident", "Scenario", "__version__", "load"]
