"""Fixtures shared by the engine tests: the synthetic councils the generator tests read."""

from tests.engine.synth_helpers import big, council  # noqa: F401  (pytest finds fixtures by name)
