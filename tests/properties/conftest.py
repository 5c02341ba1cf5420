"""Hypothesis profiles: how many examples each property draws.

"dev", the default, is small, for a quick look while working; "ci" (200 examples per test, what
`.ci/run` sets with HYPOTHESIS_PROFILE=ci) is the full run; "thorough" (5,000) is for a long
hunt. Tests that say how many examples they need keep their own number.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

# The autouse environment fixture is function-scoped but only pins variables: the same for
# every example, so sharing it between examples is what we want.
_SHARED_FIXTURES = [HealthCheck.function_scoped_fixture]

for _name, _examples in (("dev", 50), ("ci", 200), ("thorough", 5000)):
    settings.register_profile(
        _name, max_examples=_examples, deadline=None, suppress_health_check=_SHARED_FIXTURES
    )

settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))
