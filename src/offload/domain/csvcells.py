"""CSV cells that a spreadsheet cannot run as formulas, and back.

A cell starting with = + - or @ gets the usual leading apostrophe. So that Offload's own
CSV reads back exactly, a cell that already starts with an apostrophe followed by one of
those (or by another apostrophe) gets one too; `restore` removes exactly one.
"""

from __future__ import annotations

_FORMULA = "=+-@"


def neutralise(text: str) -> str:
    if not text:
        return text
    if text[0] in _FORMULA or (text[0] == "'" and len(text) > 1 and text[1] in _FORMULA + "'"):
        return "'" + text
    return text


def restore(cell: str) -> str:
    if len(cell) > 1 and cell[0] == "'" and cell[1] in _FORMULA + "'":
        return cell[1:]
    return cell
