"""Property tests generate the same examples whatever ran before them.

Hypothesis draws some values from the constants in the project's modules imported so far.
Which modules those are depends on the tests that ran earlier, so a derandomized test's
examples (and the branch counts that check its generator) changed with the test order;
tests/conftest.py gives every test the same pool.
"""

from __future__ import annotations

import importlib
import sys

from hypothesis import given, settings
from hypothesis import strategies as st


def _examples() -> list:
    drawn: list = []

    @settings(max_examples=200, database=None, derandomize=True)
    @given(st.integers(0, 10**9), st.floats(0, 10**9), st.text(max_size=12))
    def draw(number, real, text):
        drawn.append((number, real, text))

    draw()
    return drawn


def test_importing_a_module_does_not_change_the_examples(tmp_path, monkeypatch):
    before = _examples()
    module = tmp_path / "constants_for_hypothesis_probe.py"
    module.write_text(
        "".join(f"N{k} = {123_456_789 + k}\nF{k} = {k}.5e6\nS{k} = 'probe-{k}'\n"
                for k in range(50)),
        encoding="utf-8",
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    importlib.import_module(module.stem)
    try:
        assert _examples() == before
    finally:
        sys.modules.pop(module.stem, None)
