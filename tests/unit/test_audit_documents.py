"""The audit's figures, the brief (no money) and the plan, for hand-made audits; both parsed as Markdown."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from offload.domain.audit import Audit, AuditSet, AuditTask, cost, estimate, parse_period
from offload.domain.brief import build_brief
from offload.domain.errors import InvalidInput
from offload.domain.markdown import md_inline, md_text
from offload.domain.plan import build_plan
from offload.domain.skill_sets import BRIEF_FIELDS
from offload.domain.weeks import Period

MON = date(2026, 11, 16)
WEEK = Period(MON)


def day(i: int) -> date:
    return MON + timedelta(days=i)


def h(hours: float) -> int:
    return int(hours * 3600)


# --- each frequency's monthly figure ------------------------------------------------------
@pytest.mark.parametrize("frequency, seconds, days, weeks, monthly, once", [
    ("weekly", h(3), [day(0), day(2)], 1, "13.0", "0.0"),  # 3 h a week x 52 / 12
    ("daily", h(5), [day(i) for i in range(5)], 1, "21.7", "0.0"),  # 5.0 x 52 / 12 = 21.67
    ("weekly", h(6), [day(0), day(7)], 2, "13.0", "0.0"),  # 6 h over 2 weeks: 3 a week
    ("monthly", h(3), [day(3)], 1, "3.0", "0.0"),  # the newsletter: 3 h once a month, not 13
    ("monthly", h(6), [date(2026, 11, 30), date(2026, 12, 1)], 2, "3.0", "0.0"),  # two months, 3 h each
    ("quarterly", h(6), [day(4)], 1, "2.0", "0.0"),  # the tax return: a third
    ("yearly", h(24), [day(4)], 1, "2.0", "0.0"),  # a twelfth
    ("one-off", h(8), [day(1)], 1, "0.0", "8.0"),  # once, outside the month
])
def test_each_frequency_gives_its_monthly_figure(frequency, seconds, days, weeks, monthly, once):
    figure = estimate(seconds, weeks, days, frequency)
    assert figure.monthly == Decimal(monthly)
    assert figure.once == Decimal(once)
    assert figure.how.startswith(frequency + ":")


def test_each_figure_says_how_it_was_made():
    assert estimate(h(3), 1, [day(0)], "weekly").how == "weekly: 3.0 h a week × 52 / 12 = 13.0 h a month"
    assert estimate(h(6), 2, [day(0)], "weekly").how == \
        "weekly: 3.0 h a week (average of 2 weeks) × 52 / 12 = 13.0 h a month"
    assert estimate(h(3), 1, [day(3)], "monthly").how == "monthly: 3.0 h logged once = 3.0 h a month"
    assert estimate(h(6), 1, [day(4)], "quarterly").how == "quarterly: 6.0 h a quarter ÷ 3 = 2.0 h a month"
    assert estimate(h(8), 1, [day(1)], "one-off").how == "one-off: 8.0 h once, not part of the monthly figure"


def test_money_is_worked_out_from_the_hours_shown():
    assert cost(Decimal("11.995"), 30.0) == Decimal("360.00")  # 12.0 h at 30/h, not 359.85
    # 2.8 h a week is 12.133 h a month, shown 12.1: at 30/h that is 363.00, not 364.00.
    t = AuditTask("Books", seconds=h(2.8), days_logged=(day(0),), sessions=1)
    assert t.estimate.monthly == Decimal("12.1")
    plan = build_plan(Audit(WEEK, [AuditSet("Books", rate=30.0, tasks=[t])], hourly_value=80.0, currency="EUR"))
    assert "| Books | 2.8 | 12.1 | EUR 30.00/h | EUR 363.00 | EUR 968.00 | EUR 605.00 |" in plan


def test_a_two_week_period_averages_a_week_and_counts_the_weeks():
    period = Period(MON - timedelta(days=7), 2)
    t = AuditTask("Invoices", seconds=h(5), weeks=2, days_logged=(day(-7), day(0), day(2)), sessions=3)
    assert t.weekly_hours == Decimal("2.5") and t.days_a_week == Decimal("1.5")
    s = AuditSet("Books", tasks=[t])
    assert s.monthly_hours == Decimal("10.8") and s.weekly_hours == Decimal("2.5")
    md = build_brief(Audit(period, [s]))
    assert "_From the owner's time log: 2 weeks, Mon 09 Nov to Sun 22 Nov 2026._" in md
    assert "| Task | How often | Hours in the 2 weeks | Days | Typical session | Hours a month |" in md
    assert "| Invoices | weekly | 5.0 | 3 | 1h 40m | 10.8 |" in md
    assert "weekly: 2.5 h a week (average of 2 weeks) × 52 / 12 = 10.8 h a month" in md


# --- hand-made audit ------------------------------------------------------------------------
def books(rate: float | None = 30.0, **fields) -> AuditSet:
    return AuditSet(
        "Bookkeeping & P&L", "Invoices, payroll\nand the VAT return.", rate, fields,
        [
            AuditTask("Invoices", h(2.5), 1, (day(0), day(2)), 2, notes=("receipts", "bank feed", "Receipts", ""),
                      highlighted=True),
            AuditTask("Payroll run", h(3), 1, (day(3),), 1, "monthly", highlighted=True),
            AuditTask("VAT return", h(6), 1, (day(4),), 2, "quarterly", highlighted=True),
            AuditTask("Year-end clean-up", h(8), 1, (day(1),), 4, "one-off", highlighted=True),
        ],
        {"quality": "no errors in 200 lines"},
    )


def audit(**kw) -> Audit:
    web = AuditSet("Website", rate=kw.pop("web_rate", 90.0),
                   tasks=[AuditTask("Update WordPress", h(1), 1, (day(1),), 1, highlighted=True)])
    return Audit(
        WEEK, [books(kw.pop("rate", 30.0)), web],
        ungrouped=[AuditTask("Customer emails", h(4), 1, (day(0), day(1)), 5, highlighted=True)],
        candidates=[AuditTask("Social media", h(2), 1, (day(0),), 2, feeling="dislike", kind="support")],
        total_seconds=h(40), hourly_value=kw.pop("hourly_value", 80.0), currency=kw.pop("currency", "GBP"),
    )


def test_the_plan_figures_for_a_hand_made_audit():
    plan = build_plan(audit())
    # Books: 2.5 a week -> 10.8 + payroll 3.0 + VAT 6 / 3 = 2.0 -> 15.8 h a month (3.6 a week);
    # at 30/h 474.00; at 80/h 1,264.00; return 790.00. Website: 1 h a week -> 4.3 h: 387.00 vs 344.00.
    assert "| Bookkeeping & P&L | 3.6 | 15.8 | GBP 30.00/h | GBP 474.00 | GBP 1,264.00 | GBP 790.00 |" in plan
    assert "| Website | 1.0 | 4.3 | GBP 90.00/h | GBP 387.00 | GBP 344.00 | -GBP 43.00 |" not in plan
    assert "| Website | 1.0 | 4.3 | GBP 90.00/h | GBP 387.00 | GBP 344.00 | GBP -43.00 |" in plan
    assert "| **All** | **4.6** | **20.1** |  | **GBP 861.00** | **GBP 1,608.00** | **GBP 747.00** |" in plan
    assert "- Bookkeeping & P&L: **worth handing over**: 15.8 h a month of your time, worth GBP 1,264.00, " \
           "for GBP 474.00: GBP 790.00 a month back." in plan
    assert "- Website: **not at these rates**: it costs GBP 43.00 a month more" in plan
    # What it frees: the sets' tasks took 20.5 of the 40 logged hours (the one-off job included).
    assert "frees about **4.6 hours a week** (20.1 a month)" in plan
    assert "took 20.5 of the 40.0 hours logged: **51%** of your logged time" in plan
    # The one-off job: at the rate and at the owner's value, outside the month.
    assert "| Year-end clean-up | Bookkeeping & P&L | 8.0 | GBP 240.00 | GBP 640.00 |" in plan
    assert "| Customer emails | weekly | 4.0 | 17.3 |" in plan  # highlighted, in no set
    assert "| Social media | weekly | 2.0 | 8.7 |" in plan  # a candidate


def test_the_plan_asks_for_what_it_lacks():
    plan = build_plan(audit(rate=None, hourly_value=None))
    assert "- Bookkeeping & P&L: no rate yet: send the brief for bids" in plan
    assert "- Website: what is an hour of your own time worth?" in plan
    assert "| **All** | **4.6** | **20.1** |  | **?** | **?** | **?** |" in plan


def test_the_brief_carries_no_money():
    md = build_brief(audit(rate=37.5, hourly_value=85.0, currency="GBP"))
    lowered = md.lower()
    for word in ("gbp", "£", "/h", "hourly", "cost", "budget", "37.5", "85", "worth", "value", "money"):
        assert word not in lowered, word
    # ... and still says what the work is, how often and how long.
    assert "| Invoices | weekly | 2.5 | 2 | 1h 15m | 10.8 |" in md
    assert "| Payroll run | monthly | 3.0 | 1 | 3h 00m | 3.0 |" in md
    assert "| VAT return | quarterly | 6.0 | 1 | 3h 00m | 2.0 |" in md
    assert "| Year-end clean-up | one-off | 8.0 | 1 | 2h 00m | once |" in md
    assert "| **Total** |  | **19.5** |  |  | **15.8** |" in md
    assert "- Invoices: receipts; bank feed" in md  # the log's notes: once each, shortest first


def test_empty_fields_become_questions_and_filled_ones_are_shown():
    s = books(inputs="Receipts in the shared folder")
    md = build_brief(Audit(WEEK, [s]), [s])
    assert md.startswith("# Handover brief: Bookkeeping & P&L\n")
    assert "Receipts in the shared folder" in md
    for f in BRIEF_FIELDS:
        assert f"**{f.label}**" in md
        if f.key != "inputs":
            assert f"> **To answer:** {f.question}" in md
    assert "for example: no errors in 200 lines" in md


def render(md: str):
    return MarkdownIt("commonmark").enable("table").parse(md)


def headings(tokens) -> list[tuple[str, str]]:
    return [(tok.tag, tokens[i + 1].content) for i, tok in enumerate(tokens) if tok.type == "heading_open"]


def table_heads(tokens) -> list[list[str]]:
    out, row, inside = [], [], False
    for i, tok in enumerate(tokens):
        if tok.type == "thead_open":
            inside, row = True, []
        elif tok.type == "th_open" and inside:
            row.append(tokens[i + 1].content)
        elif tok.type == "thead_close":
            inside = False
            out.append(row)
    return out


def test_both_documents_parse_with_the_expected_headings_and_tables():
    brief = render(build_brief(audit()))
    assert headings(brief) == [
        ("h1", "Handover brief"),
        ("h2", "Bookkeeping & P&L"), ("h3", "The work"), ("h3", "Examples from the log"), ("h3", "Scope of work"),
        ("h2", "Website"), ("h3", "The work"), ("h3", "Scope of work"),
    ]
    assert table_heads(brief) == [["Skill set", "Tasks", "Hours a month"]] + \
        [["Task", "How often", "Hours in the week", "Days", "Typical session", "Hours a month"]] * 2
    plan = render(build_plan(audit()))
    assert headings(plan) == [
        ("h1", "Outsourcing plan"), ("h2", "Skill sets"), ("h3", "Verdicts"), ("h2", "What handing over frees"),
        ("h2", "What breaks up your core work"), ("h2", "One-time jobs"), ("h2", "Highlighted, not yet in a skill set"), ("h2", "Candidates not yet highlighted"),
    ]
    assert table_heads(plan)[0] == ["Skill set", "Hours in an average week", "Hours a month", "Rate", "Cost a month",
                                    "Your time a month (GBP 80.00/h)", "Return a month"]
    assert len(table_heads(plan)) == 4


def test_plain_text_has_no_needless_backslashes():
    md = build_brief(audit()) + build_plan(audit())
    assert "Bookkeeping & P&L" in md and "\\&" not in md
    assert "Year-end clean-up" in md and "\\-" not in md


# --- user text stays text -------------------------------------------------------------------
HOSTILE = ["[bold] **x** | y_z", "<script>alert(1)</script>", "[x](http://e.com)", "![i](x.png)", "# title",
           "- item", "1. two", "> quote", "&amp;", "`code`", "~~gone~~", "Task #", "[r]: http://evil", "a\\*b",
           "***", "===", "+ x", "snake_case_name"]


@pytest.mark.parametrize("text", HOSTILE)
def test_user_text_renders_as_typed(text):
    html = MarkdownIt("commonmark").enable(["table", "strikethrough"]).render(md_text(text))
    import html as htmllib

    assert html.startswith("<p>") and html.count("<p>") == 1
    assert htmllib.unescape(html[3:-5]) == text
    cell = MarkdownIt("commonmark").enable("table").render(f"| A |\n|---|\n| {md_inline(text)} |\n")
    assert htmllib.unescape(cell.split("<td>")[1].split("</td>")[0]) == text
    for heading in (f"# Handover brief: {md_inline(text)}", f"## {md_inline(text)}"):
        shown = MarkdownIt("commonmark").render(heading)
        assert htmllib.unescape(shown.split(">", 1)[1].rsplit("</h", 1)[0]).removeprefix("Handover brief: ") == text


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab1 .-*_[]()<>!#&;:|\\`~=+>/x")), min_size=1, max_size=24))
def test_any_text_renders_literally(text):
    import html as htmllib

    expected = " ".join(text.split())
    if not expected:
        return
    parser = MarkdownIt("commonmark").enable(["table", "strikethrough"])
    html = parser.render(md_text(expected))
    assert htmllib.unescape(html.removeprefix("<p>").removesuffix("</p>\n")) == expected
    cell = parser.render(f"| A |\n|---|\n| {md_inline(expected)} |\n")
    assert htmllib.unescape(cell.split("<td>")[1].split("</td>")[0]) == expected


def test_control_characters_never_reach_a_document():
    assert md_text("red\x1b[31m text") == "red\\x1b[31m text"  # shown, not obeyed
    assert md_inline("bell\x07") == "bell\\x07"


# --- the stored period ------------------------------------------------------------------------
def test_period_text_reads_back():
    assert parse_period("2026-11-09, 2 weeks") == Period(date(2026, 11, 9), 2)
    assert parse_period("2026-11-09") == Period(date(2026, 11, 9), 1)
    assert parse_period("2026-11-09/3") == Period(date(2026, 11, 9), 3)
    assert parse_period("") is None
    for bad in ("next week", "2026-02-30", "2026-11-09, 0 weeks", "2026-11-09, 14 weeks"):
        with pytest.raises(InvalidInput):
            parse_period(bad)
    p = Period(date(2026, 11, 16))
    assert p.wider() == Period(date(2026, 11, 9), 2) and p.wider().narrower() == p and p.narrower() == p
