"""Errors that reach the user as one clear line."""


class KonvooiError(Exception):
    """An error whose message is meant for the user, printed as one line without traceback."""


class ScenarioError(KonvooiError):
    """A scenario file, override or command-line value is not valid."""
