"""`offload handover`: record, change, show, list and clear a skill set's handover from the shell."""

from __future__ import annotations

import pytest

from tests.helpers.db import snapshot
from tests.helpers.weeks import BOOKS


def test_offload_handover_records_shows_lists_and_clears(cli, sets):
    code, out, err = cli("handover", BOOKS, "--since", "2026-11-16", "--cost", "35/h", "--hours", "8")
    assert (code, err) == (0, "")
    assert out == f"{BOOKS}: handed over on Mon 16 Nov 2026, EUR 280.00 a month (EUR 35.00 an hour × 8 h billed)\n"
    cli("handover", "website maintenance", "--since", "wed", "--cost", "€400 a month")
    code, out, _ = cli("handover")
    assert out.splitlines() == [
        f"{BOOKS}: handed over on Mon 16 Nov 2026, EUR 280.00 a month (EUR 35.00 an hour × 8 h billed)",
        "Website maintenance: handed over on Wed 18 Nov 2026, EUR 400.00 a month"]
    assert cli("handover", "WEBSITE maintenance")[1] == \
        "Website maintenance: handed over on Wed 18 Nov 2026, EUR 400.00 a month\n"
    assert cli("handover", "Website maintenance", "--clear")[:2] == \
        (0, "Website maintenance: no longer recorded as handed over.\n")
    assert cli("handover", "Website maintenance")[1] == "Website maintenance: not recorded as handed over.\n"


@pytest.mark.parametrize("args, message", [
    (("--since", "2026-11-16", "--cost", "400"), "is not a cost"),
    (("--since", "2026-11-30", "--cost", "400/month"), "still to come"),
    (("--cost", "25/h"), "Say when"),
    (("--since", "2026-11-16", "--cost", "25/h", "--hours", "0x10"), "not a number of hours"),
    (("--clear", "--cost", "400/month"), "leave out --since, --cost and --hours"),
])
def test_offload_handover_refuses_in_one_line_and_changes_nothing(cli, sets, db_path, args, message):
    before = snapshot(db_path)
    code, out, err = cli("handover", BOOKS, *args)
    assert (code, out) == (2, "") and message in err and err.count("\n") == 1 and err.startswith("offload: ")
    assert snapshot(db_path) == before


def test_offload_handover_on_a_new_machine_creates_no_database(cli, db_path):
    code, _, err = cli("handover", BOOKS, "--since", "2026-11-16", "--cost", "400/month")
    assert code == 2 and err.count("\n") == 1
    assert not db_path.exists()
