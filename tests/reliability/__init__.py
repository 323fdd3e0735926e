"""Reliability and security tests: bad input, faults, concurrency, privacy (docs/reliability.md)."""

import pytest

# The shared assertions in support.py report their operands like those of the tests.
pytest.register_assert_rewrite("reliability.support")
