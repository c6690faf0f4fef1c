"""Handover records: one a skill set, since a day, at a monthly or hourly cost; kept across a
restart, a rename and a merge, gone with their set, carried by the export and checked on import."""

from __future__ import annotations

import json
import sqlite3
from datetime import date
from decimal import Decimal

import pytest

from offload.domain.errors import InvalidInput, NotFound
from offload.domain.importers import BadRows
from offload.service import Offload
from tests.helpers.db import snapshot
from tests.helpers.weeks import BOOKS


def test_a_handover_is_kept_with_its_set_across_a_restart(sets, db_path, clock):
    h = sets.compare.hand_over("bookkeeping AND accounts", "2026-11-16", "35/h", "8")
    assert (h.skill_set, h.since, h.per, h.monthly_cost) == (BOOKS, date(2026, 11, 16), "hour", Decimal("280.00"))
    sets.close()
    again = Offload.open(db_path, clock)
    try:
        [kept] = again.compare.handovers()
        assert (kept.skill_set, kept.since, kept.amount, kept.hours, kept.monthly_cost) == \
            (BOOKS, date(2026, 11, 16), Decimal("35.0"), Decimal("8.0"), Decimal("280.00"))
    finally:
        again.close()


def test_changing_one_part_keeps_the_others(sets):
    sets.compare.hand_over(BOOKS, "2026-11-16", "35/h", "8")
    assert sets.compare.hand_over(BOOKS, hours="10").monthly_cost == Decimal("350.00")
    h = sets.compare.hand_over(BOOKS, cost="400/month")
    assert (h.since, h.per, h.hours, h.monthly_cost) == (date(2026, 11, 16), "month", None, Decimal("400.00"))
    assert sets.compare.hand_over(BOOKS, since="mon").since == date(2026, 11, 16)  # Friday 20: Monday 16


@pytest.mark.parametrize("since, cost, hours, message, field", [
    (None, "400/month", None, "Say when", "since"),
    ("2026-11-16", None, None, "Say what", "cost"),
    ("2026-11-16", "400", None, "not a cost", "cost"),
    ("2026-11-16", "25/h", None, "hours billed a month too", "hours"),
    ("2026-11-16", "400/month", "10", "go with an hourly cost", "hours"),
    ("2026-11-16", "25/h", "-1", "between 0 and 744", "hours"),
    ("2026-11-16", "25/h", "lots", "not a number of hours", "hours"),
    ("2026-11-21", "400/month", None, "still to come", "since"),
    ("someday", "400/month", None, "Cannot read the date", "since"),
    ("1900-01-01", "400/month", None, "outside the years", "since"),
])
def test_bad_input_is_refused_beside_its_field_and_changes_nothing(sets, db_path, since, cost, hours, message, field):
    before = snapshot(db_path)
    with pytest.raises(InvalidInput, match=message) as caught:
        sets.compare.hand_over(BOOKS, since, cost, hours)
    assert caught.value.field == field  # the Grouping's handover dialog shows it beside that field
    assert snapshot(db_path) == before


def test_an_unknown_set_says_which_there_are(sets):
    with pytest.raises(NotFound, match="the skill sets are: Bookkeeping and accounts, Website maintenance"):
        sets.compare.hand_over("Payroll", "2026-11-16", "400/month")


def test_rename_keeps_it_merge_moves_it_and_delete_drops_it(sets):
    sets.compare.hand_over(BOOKS, "2026-11-16", "400/month")
    sets.grouping.rename(BOOKS, "Books")
    assert [h.skill_set for h in sets.compare.handovers()] == ["Books"]
    sets.grouping.merge("Books", "Website maintenance")  # the set kept had none: it takes this one
    [h] = sets.compare.handovers()
    assert (h.skill_set, h.monthly_cost) == ("Website maintenance", Decimal("400.00"))
    sets.grouping.create("Payroll")
    sets.compare.hand_over("Payroll", "2026-11-02", "100/month")
    sets.grouping.merge("Payroll", "Website maintenance")  # the set kept has its own: it stays
    [h] = sets.compare.handovers()
    assert (h.since, h.monthly_cost) == (date(2026, 11, 16), Decimal("400.00"))
    sets.grouping.delete("Website maintenance")
    assert sets.compare.handovers() == []


def test_clear_forgets_it(sets):
    sets.compare.hand_over(BOOKS, "2026-11-16", "400/month")
    assert sets.compare.clear_handover(BOOKS) is True
    assert sets.compare.handovers() == [] and sets.compare.clear_handover(BOOKS) is False


def test_the_schema_itself_refuses_a_handover_that_makes_no_sense(sets, db_path):
    conn = sqlite3.connect(db_path)
    try:
        set_id = conn.execute("SELECT id FROM skill_sets WHERE name = ?", (BOOKS,)).fetchone()[0]
        for since, amount, per, hours in [("2026-11-16", 25, "hour", None), ("2026-11-16", 400, "month", 10),
                                          ("16/11/2026", 400, "month", None), ("2026-11-16", -1, "month", None),
                                          ("2026-11-16", 400, "week", None)]:
            with pytest.raises(sqlite3.IntegrityError):
                conn.execute("INSERT INTO handovers VALUES (?, ?, ?, ?, ?, 0)", (set_id, since, amount, per, hours))
    finally:
        conn.close()


# --- export and import --------------------------------------------------------------------
def test_the_export_carries_handovers_and_an_import_brings_them_back(sets, tmp_path, clock):
    sets.compare.hand_over(BOOKS, "2026-11-16", "35/h", "8")
    sets.compare.hand_over("Website maintenance", "2026-11-18", "400/month")
    text = sets.interop.export_json()
    made = "2026-11-20T10:00:00Z"  # when it was recorded
    assert json.loads(text)["handovers"] == [
        {"skill_set": BOOKS, "since": "2026-11-16", "amount": 35.0, "per": "hour", "hours": 8.0, "created_utc": made},
        {"skill_set": "Website maintenance", "since": "2026-11-18", "amount": 400.0, "per": "month", "hours": None,
         "created_utc": made},
    ]
    other = Offload.open(tmp_path / "other.db", clock)
    try:
        result = other.interop.import_text(text, "export.json")
        assert result.handovers == [BOOKS, "Website maintenance"]
        assert [(h.skill_set, h.monthly_cost) for h in other.compare.handovers()] == \
            [(BOOKS, Decimal("280.00")), ("Website maintenance", Decimal("400.00"))]
        again = json.loads(other.interop.export_json())
        assert again["handovers"] == json.loads(text)["handovers"]
    finally:
        other.close()


def test_an_import_never_replaces_a_sets_own_handover(sets, tmp_path, clock):
    sets.compare.hand_over(BOOKS, "2026-11-16", "35/h", "8")
    text = sets.interop.export_json()
    sets.compare.hand_over(BOOKS, cost="500/month")
    result = sets.interop.import_text(text, "export.json")
    assert result.handovers == []
    assert sets.compare.handover_of(BOOKS).monthly_cost == Decimal("500.00")


def _file(handovers, sets=(BOOKS,)) -> str:
    return json.dumps({"offload": 1, "entries": [], "skill_sets": [{"name": s} for s in sets],
                       "handovers": handovers})


@pytest.mark.parametrize("handover, why", [
    ({"skill_set": "Nope", "since": "2026-11-16", "amount": 1, "per": "month"}, "not in the file's skill sets"),
    ({"skill_set": BOOKS, "since": "16/11/2026", "amount": 1, "per": "month"}, "not a day like"),
    ({"skill_set": BOOKS, "since": "2026-02-30", "amount": 1, "per": "month"}, "not a day like"),
    ({"skill_set": BOOKS, "since": 20261116, "amount": 1, "per": "month"}, "not a day like"),
    ({"skill_set": BOOKS, "since": "2026-11-16", "amount": "400", "per": "month"}, "not an amount"),
    ({"skill_set": BOOKS, "since": "2026-11-16", "amount": True, "per": "month"}, "not an amount"),
    ({"skill_set": BOOKS, "since": "2026-11-16", "amount": 1e300, "per": "month"}, "not an amount"),
    ({"skill_set": BOOKS, "since": "2026-11-16", "amount": 1, "per": "week"}, "\"per\" is not one of"),
    ({"skill_set": BOOKS, "since": "2026-11-16", "amount": 1, "per": "hour"}, "hours billed a month too"),
    ({"skill_set": BOOKS, "since": "2026-11-16", "amount": 1, "per": "month", "hours": 3}, "go with an hourly"),
    ({"skill_set": BOOKS, "since": "2026-11-16", "amount": 1, "per": "hour", "hours": 9999}, "between 0 and 744"),
    ({"skill_set": ["x"], "since": "2026-11-16", "amount": 1, "per": "month"}, "not in the file's skill sets"),
    ("books", "not an object"),
])
def test_a_hostile_handover_is_a_bad_row_and_imports_nothing(service, db_path, handover, why):
    before = snapshot(db_path)
    with pytest.raises(BadRows) as caught:
        service.interop.import_text(_file([handover]), "hostile.json")
    assert [p.where for p in caught.value.problems] == ["handover 1"]
    assert why in caught.value.problems[0].why
    assert snapshot(db_path) == before


def test_handovers_that_are_not_a_list_or_twice_the_same_set_are_bad_rows(service):
    with pytest.raises(BadRows) as caught:
        service.interop.import_text(_file({"a": 1}), "hostile.json")
    assert [str(p) for p in caught.value.problems] == ["handovers: not a list"]
    twice = [{"skill_set": BOOKS, "since": "2026-11-16", "amount": 1, "per": "month"},
             {"skill_set": BOOKS.upper(), "since": "2026-11-17", "amount": 2, "per": "month"}]
    with pytest.raises(BadRows) as caught:
        service.interop.import_text(_file(twice), "hostile.json")
    assert [p.where for p in caught.value.problems] == ["handover 2"]
