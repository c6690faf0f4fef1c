"""The brief: hours, monthly estimate and costs for a hand-made week; questions; escaping."""

from __future__ import annotations

from offload.domain.brief import BriefSet, BriefTask, build_brief, md_escape, monthly_hours
from offload.domain.skill_sets import BRIEF_FIELDS

WEEK = "Week of Mon 16 Nov 2026"


def books(**kw) -> BriefSet:
    tasks = [
        BriefTask("Invoices", seconds=3 * 3600 + 1800, days=3, sessions=3),  # 3.5 h, 70 min sessions
        BriefTask("Payroll", seconds=3600, days=1, sessions=2),  # 1 h, 30 min sessions
    ]
    return BriefSet("Bookkeeping", "Invoices and payroll.", kw.pop("rate", 30.0), kw.pop("fields", {}), tasks, **kw)


def test_hours_monthly_estimate_and_costs():
    s = books()
    assert s.weekly_hours == 4.5
    assert monthly_hours(4.5) == 4.5 * 52 / 12 == s.monthly_hours  # 19.5
    assert s.monthly_cost() == 19.5 * 30
    md = build_brief([s], WEEK, hourly_value=80.0, currency="EUR")
    assert "| Invoices | 3.5 | 3 | 1h 10m |" in md
    assert "| Payroll | 1.0 | 1 | 30m |" in md
    assert "| **Total** | **4.5** | | |" in md
    assert "**4.5 hours a week**" in md and "**19.5 hours a month**" in md
    assert "| EUR 30.00/h | EUR 585.00 |" in md
    assert "| EUR 80.00/h | EUR 1,560.00 |" in md
    assert "EUR 975.00 less" in md  # 1560 - 585


def test_costing_more_than_own_time_says_so():
    md = build_brief([books(rate=100.0)], WEEK, hourly_value=80.0, currency="£")
    assert "£1,950.00" in md and "£390.00 more" in md


def test_unknown_rate_and_own_value_become_questions():
    md = build_brief([books(rate=None)], WEEK, hourly_value=None, currency="EUR")
    assert "What hourly rate will you offer" in md
    assert "What is an hour of your own time worth?" in md


def test_empty_fields_become_questions_and_filled_ones_are_shown():
    s = books(fields={"inputs": "Receipts in the shared folder", "contact": ""},
              examples={"quality": "no errors in 200 lines"})
    md = build_brief([s], WEEK, 80.0, "EUR")
    assert "Receipts in the shared folder" in md
    for f in BRIEF_FIELDS:
        assert f"**{f.label}**" in md
        if f.key != "inputs":
            assert f"> **To answer:** {f.question}" in md
    assert "What will you provide" not in md  # inputs is answered
    assert "for example: no errors in 200 lines" in md


def test_markdown_characters_in_task_names_are_escaped():
    s = BriefSet("Web *stuff*", tasks=[BriefTask("[bold] fix | *urgent* <b>_x_</b> #1", 3600, 1, 1)])
    md = build_brief([s], WEEK)
    assert r"| \[bold\] fix \| \*urgent\* \<b\>\_x\_\</b\> \#1 | 1.0 | 1 | 1h 00m |" in md
    assert r"# Handover brief: Web \*stuff\*" in md
    assert md_escape("- item\n1. two") == "\\- item  \n1\\. two"


def test_escaped_names_render_literally():
    from markdown_it import MarkdownIt

    name = "[bold] **x** | y_z"
    html = MarkdownIt("commonmark").enable("table").render(build_brief([BriefSet("S", tasks=[BriefTask(name, 60, 1, 1)])], WEEK))
    assert "<td>[bold] **x** | y_z</td>" in html


def test_all_sets_brief_has_a_summary_then_each_set():
    md = build_brief([books(), BriefSet("Web")], WEEK, 80.0, "EUR")
    assert md.startswith("# Handover brief\n")
    assert "| Bookkeeping | 4.5 | 19.5 | EUR 585.00 |" in md
    assert "| Web | 0.0 | 0.0 | ? |" in md
    assert "## Bookkeeping" in md and "## Web" in md and "### Scope of work" in md
    assert "| **All** | **4.5** | **19.5** | ? |" in md  # Web has no rate yet
    both = build_brief([books(), BriefSet("Web", rate=50.0, tasks=[BriefTask("Site", 3600, 1, 1)])], WEEK, None, "EUR")
    assert "| **All** | **5.5** | **23.8** | **EUR 801.67** |" in both  # 585 + 4.333 h x 50
