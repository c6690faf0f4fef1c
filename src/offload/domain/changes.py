"""What a form changed: the fields whose value differs from what the form showed."""

from __future__ import annotations

from typing import Mapping, TypeVar

V = TypeVar("V")


def changed(values: Mapping[str, V], before: Mapping[str, object] | None) -> dict[str, V]:
    """`values` without those equal to what `before` showed (all of them when `before` is None).

    Saving a form whole would put back a value another process changed while it was open."""
    if before is None:
        return dict(values)
    return {k: v for k, v in values.items() if k not in before or before[k] != v}
