"""Any file handed to `offload import` gets an import or a list of bad rows, never a crash."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from offload.domain.errors import OffloadError
from offload.domain.importers import FORMATS

json_values = st.recursive(
    st.none() | st.booleans() | st.integers(min_value=-2**63, max_value=2**63) | st.floats(allow_nan=False)
    | st.text(max_size=20) | st.sampled_from(["20261120T090000Z", "2026-11-20T09:00:00Z", "Europe/London"]),
    lambda inner: st.lists(inner, max_size=6) | st.dictionaries(
        st.sampled_from(["start", "end", "tags", "annotation", "task", "note", "tz", "entries", "tasks",
                         "skill_sets", "settings", "name", "offload", "rate", "feeling", "kind"]),
        inner, max_size=6),
    max_leaves=25,
)
files = st.one_of(
    st.text(max_size=200),
    json_values.map(json.dumps),
    st.lists(st.lists(st.text(max_size=12), max_size=8), max_size=6).map(
        lambda rows: "\n".join(",".join(r) for r in [["task", "start", "end", "note"], *rows])),
)


def test_infinite_and_huge_numbers_are_bad_rows(service):
    import pytest

    from offload.domain.importers import BadRows

    for text in ('[[null, Infinity, "A"]]', '[[1e300, 2e300, "A"]]',
                 '{"entries": [], "skill_sets": [{"name": "S", "rate": Infinity}]}'):
        with pytest.raises(BadRows):
            service.interop.import_text(text, "x")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=files, fmt=st.sampled_from([None, *FORMATS]))
def test_import_never_crashes(service, text, fmt):
    try:
        service.interop.import_text(text, "fuzz", fmt=fmt, dry_run=True)
    except OffloadError as exc:
        assert exc.message
