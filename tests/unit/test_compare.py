"""The comparison's maths on a hand-made audit week and a later week: every figure worked out by
hand in the comments, the prorated handover, periods of different lengths and less logging."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest

from offload.domain.compare import (BEFORE_AUDIT, NO_VALUE, NOT_PAYING_OFF, NOT_YET, NOTHING_LOGGED, PAYING_OFF, TOO_EARLY,
                                    Comparison, Span, TaskTime, counted)
from offload.domain.errors import InvalidInput
from offload.domain.handover import Handover, make, parse_cost
from offload.domain.weeks import Period

AUDIT = Period(date(2026, 11, 9))  # Mon 9 to Sun 15 Nov
LATER = Period(date(2026, 11, 16))  # Mon 16 to Sun 22 Nov
TODAY = date(2026, 11, 23)
H = 3600


def days(week: Period, **hours_by_weekday: float) -> dict[date, int]:
    """{day: seconds} from mon=4, tue=2.5 ... in `week`."""
    names = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
    return {week.start + timedelta(days=names.index(k)): int(v * H) for k, v in hours_by_weekday.items()}


def merged(*parts: dict[date, int]) -> dict[date, int]:
    out: dict[date, int] = {}
    for p in parts:
        out.update(p)
    return out


TASKS = [
    # 20 h in the audit week (4 h Mon-Fri), 25 h in the later one (5 h Mon-Fri).
    TaskTime("Client work", merged(days(AUDIT, mon=4, tue=4, wed=4, thu=4, fri=4),
                                   days(LATER, mon=5, tue=5, wed=5, thu=5, fri=5)), kind="core"),
    TaskTime("Invoices", merged(days(AUDIT, mon=2, thu=1), days(LATER, mon=0.5)), kind="support", skill_set="Books"),
    TaskTime("Bookkeeping", days(AUDIT, tue=2, sat=1), kind="support", skill_set="Books"),
    TaskTime("Newsletter", days(AUDIT, thu=3), kind="support", skill_set="Marketing", frequency="monthly"),
    # Handed over on Wed 18 Nov: Mon and Tue of the later week were still the owner's; one hour on Thu.
    TaskTime("Social posts", merged(days(AUDIT, mon=1, wed=1, fri=1), days(LATER, mon=1, tue=1, thu=1)),
             kind="support", skill_set="Marketing"),
    TaskTime("Emails", merged(days(AUDIT, mon=0.5, tue=0.5, wed=0.5, thu=0.5, fri=0.5),
                              days(LATER, mon=0.5, tue=0.5, wed=0.5, thu=0.5, fri=0.5))),
    TaskTime("Bakery rebrand", days(LATER, wed=2, thu=2), kind="core"),
]
BOOKS = Handover("Books", date(2026, 11, 16), Decimal(35), "hour", Decimal(8))  # 35/h × 8 h = 280 a month
MARKETING = Handover("Marketing", date(2026, 11, 18), Decimal(400), "month")  # mid-week: prorated


def comparison(**overrides) -> Comparison:
    values = dict(before=AUDIT, after=LATER, today=TODAY, tasks=TASKS, handovers=[BOOKS, MARKETING],
                  sets=["Books", "Marketing"], hourly_value=Decimal(85), currency="GBP")
    values.update(overrides)
    return Comparison(**values)


def test_hours_logged_in_each_period():
    c = comparison()
    # Before: 20 + 3 + 3 + 3 + 3 + 2.5 = 34.5 h; after: 25 + 0.5 + 3 + 2.5 + 4 = 35.0 h.
    assert (c.logged_before, c.logged_after) == (int(34.5 * H), 35 * H)
    assert c.weekly(c.logged_before, c.before_span) == Decimal("34.5")
    assert c.weekly(c.logged_after, c.after_span) == Decimal("35.0")
    assert not c.logged_less


def test_each_task_a_week_before_and_after():
    rows = {r.name: (str(r.before.weekly), str(r.after.weekly), str(r.change)) for r in comparison().task_rows}
    assert rows == {
        "Client work": ("20.0", "25.0", "5.0"),
        "Invoices": ("3.0", "0.5", "-2.5"),
        "Bookkeeping": ("3.0", "0.0", "-3.0"),
        # Monthly: 3 h once is 3.0 h a month, a week's load 3.0 × 12 / 52 = 0.69 -> 0.7 (as on the Grouping).
        "Newsletter": ("0.7", "0.0", "-0.7"),
        "Social posts": ("3.0", "3.0", "0.0"),
        "Emails": ("2.5", "2.5", "0.0"),
        "Bakery rebrand": ("0.0", "4.0", "4.0"),
    }
    assert [r.name for r in comparison().new_tasks] == ["Bakery rebrand"]


def test_each_skill_set_a_week_and_a_month():
    rows = {r.name: (str(r.before.monthly), str(r.after.monthly), str(r.before.weekly), str(r.after.weekly))
            for r in comparison().set_rows}
    # Books before: Invoices 3.0 × 52/12 = 13.0 + Bookkeeping 13.0 = 26.0 a month, 26.0 × 12/52 = 6.0 a week;
    # after: Invoices 0.5 × 52/12 = 2.17 -> 2.2 a month, 0.51 -> 0.5 a week.
    # Marketing before: Newsletter 3.0 + Social 13.0 = 16.0 a month, 3.69 -> 3.7 a week; after: Social 13.0, 3.0.
    assert rows == {"Books": ("26.0", "2.2", "6.0", "0.5"), "Marketing": ("16.0", "13.0", "3.7", "3.0")}


def test_core_works_share_before_and_after():
    c = comparison()
    core, support, unmarked = c.work
    assert (core.before_weekly, core.after_weekly, core.change) == (Decimal("20.0"), Decimal("29.0"), Decimal("9.0"))
    assert core.before_share == pytest.approx(20 / 34.5) and core.after_share == pytest.approx(29 / 35)
    assert (support.before_weekly, support.after_weekly) == (Decimal("12.0"), Decimal("3.5"))
    assert (unmarked.before_weekly, unmarked.after_weekly) == (Decimal("2.5"), Decimal("2.5"))


def test_the_return_of_a_set_handed_over_at_the_start_of_the_later_week():
    books = comparison().returns[0]
    assert books.name == "Books" and not books.prorated
    # 26.0 h a month before, 2.2 since: 23.8 freed; at 85/h 2,023.00; it costs 35 × 8 = 280.00: 1,743.00 back.
    assert (books.freed, books.value, books.cost, books.net) == \
        (Decimal("23.8"), Decimal("2023.00"), Decimal("280.00"), Decimal("1743.00"))
    assert books.verdict == PAYING_OFF


def test_a_set_handed_over_mid_week_counts_only_its_days_from_then():
    marketing = comparison().returns[1]
    assert marketing.prorated and (marketing.before.days, marketing.after.days) == (7, 5)
    # Wed 18 to Sun 22: 1 h of Social posts in 5 days = 1.4 h a week, 1.4 × 52/12 = 6.07 -> 6.1 a month.
    assert marketing.after_load.monthly == Decimal("6.1")
    # 16.0 - 6.1 = 9.9 h a month freed, 841.50 at 85/h, less 400: 441.50 a month back.
    assert (marketing.freed, marketing.value, marketing.net) == (Decimal("9.9"), Decimal("841.50"), Decimal("441.50"))
    assert marketing.verdict == PAYING_OFF
    # Over the whole later week (Mon and Tue, before the handover, counted) it would read as a loss:
    whole = comparison(handovers=[Handover("Marketing", LATER.start, Decimal(400), "month")]).returns[0]
    assert (whole.freed, whole.net, whole.verdict) == (Decimal("3.0"), Decimal("-145.00"), NOT_PAYING_OFF)


def test_a_set_handed_over_within_the_audit_period_counts_the_audit_days_before_it():
    # Books handed over on Thu 12 Nov: of the audit only Mon-Wed count (Invoices 2 h, Bookkeeping 2 h in 3 days).
    books = comparison(handovers=[Handover("Books", date(2026, 11, 12), Decimal(280), "month")]).returns[0]
    assert (books.before.days, books.after.days, books.prorated) == (3, 7, True)
    # Each: 2 h in 3/7 of a week = 4.67 -> 4.7 a week, × 52/12 = 20.37 -> 20.4 a month; 40.8 in all.
    assert books.before_load.monthly == Decimal("40.8")
    assert books.freed == Decimal("38.6")  # 40.8 - 2.2


def test_totals_over_the_handed_over_sets():
    c = comparison()
    assert c.freed == Decimal("33.7")  # 23.8 + 9.9
    assert (c.total("value"), c.total("cost"), c.total("net")) == \
        (Decimal("2864.50"), Decimal("680.00"), Decimal("2184.50"))


def test_periods_of_different_lengths_compare_as_weekly_averages():
    two_weeks = Period(date(2026, 11, 2), 2)  # Mon 2 to Sun 15 Nov
    tasks = [TaskTime("Invoices", merged(days(Period(date(2026, 11, 2)), mon=3), days(AUDIT, mon=3),
                                         days(LATER, mon=3)), skill_set="Books")]
    c = comparison(before=two_weeks, tasks=tasks, handovers=[BOOKS])
    [row] = c.task_rows
    assert (row.before.weekly, row.after.weekly, row.change) == (Decimal("3.0"), Decimal("3.0"), Decimal("0.0"))
    assert c.returns[0].freed == Decimal("0.0") and c.returns[0].verdict == NOT_PAYING_OFF


def test_a_later_period_with_less_logging_is_said_and_compared_by_shares():
    # Half the logging in the later week: core 10 of 12 h against 20 of 34.5.
    tasks = [TaskTime("Client work", merged(days(AUDIT, mon=10, tue=10), days(LATER, mon=10)), kind="core"),
             TaskTime("Invoices", merged(days(AUDIT, wed=14.5), days(LATER, tue=2)), kind="support")]
    c = comparison(tasks=tasks, handovers=[], sets=[])
    assert c.logged_less
    core = c.kind("core")
    assert core.after_weekly < core.before_weekly and core.after_share > core.before_share


def test_a_period_still_running_counts_its_days_so_far():
    this_week = Period(date(2026, 11, 23))
    span = counted(this_week, date(2026, 11, 26))  # Thursday: 4 days so far
    assert (span.first, span.days) == (date(2026, 11, 23), 4)
    tasks = [TaskTime("Emails", days(this_week, mon=1, tue=1, wed=1, thu=1))]
    c = comparison(after=this_week, today=date(2026, 11, 26), tasks=tasks, handovers=[], sets=[])
    assert c.task_rows[0].after.weekly == Decimal("7.0")  # 4 h in 4 days is 7 h a week
    assert counted(Period(date(2026, 11, 30)), date(2026, 11, 26)).days == 0  # not begun


@pytest.mark.parametrize("since, verdict", [
    (date(2026, 11, 23), NOT_YET),  # after the later week
    (date(2026, 11, 9), BEFORE_AUDIT),  # the audit's first day: no day before it
    (date(2026, 11, 1), BEFORE_AUDIT),
])
def test_a_handover_outside_the_periods_is_not_weighed(since, verdict):
    [r] = comparison(handovers=[Handover("Books", since, Decimal(280), "month")]).returns
    assert r.verdict == verdict and r.freed is None and r.net is None


def test_nothing_logged_since_the_handover_is_not_a_saving():
    tasks = [t for t in TASKS if t.name == "Invoices"]
    quiet = [TaskTime(t.name, {d: s for d, s in t.days.items() if d < LATER.start}, t.kind, t.skill_set)
             for t in tasks]
    [r] = comparison(tasks=quiet, handovers=[BOOKS]).returns
    assert r.verdict == NOTHING_LOGGED and r.freed is None


def test_without_an_hourly_value_the_hours_are_said_not_the_money():
    books = comparison(hourly_value=None).returns[0]
    assert books.verdict == NO_VALUE and books.freed == Decimal("23.8") and books.net is None


def test_a_span_clips_to_its_days():
    span = Span(date(2026, 11, 16), date(2026, 11, 23))
    assert span.clip(first=date(2026, 11, 18)).days == 5
    assert span.clip(end=date(2026, 11, 1)).days == 0


# --- typed costs ----------------------------------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("400/month", ("400", "month")), ("£400 a month", ("400", "month")), ("EUR 1,200.50/mo", ("1200.50", "month")),
    ("400 monthly", ("400", "month")), ("25/h", ("25", "hour")), ("€25 an hour", ("25", "hour")),
    ("25.50 per hour", ("25.50", "hour")), ("0/month", ("0", "month")),
])
def test_a_typed_cost(text, expected):
    value, per = parse_cost(text)
    assert (str(value), per) == expected


@pytest.mark.parametrize("text", ["400", "", "-400/month", "400/week", "lots/month", "1e9/month", "nan/month",
                                  "99999999/month", "400/month\x1b[2J"])
def test_a_cost_that_cannot_be_read_is_refused(text):
    with pytest.raises(InvalidInput):
        parse_cost(text)


def test_an_hourly_cost_needs_its_hours_and_a_monthly_one_refuses_them():
    assert make("Books", date(2026, 11, 16), "25/h", "10", TODAY).monthly_cost == Decimal("250.00")
    assert make("Books", date(2026, 11, 16), "25/h", "0", TODAY).monthly_cost == Decimal("0.00")
    with pytest.raises(InvalidInput, match="hours billed a month too"):
        make("Books", date(2026, 11, 16), "25/h", None, TODAY)
    with pytest.raises(InvalidInput, match="go with an hourly cost"):
        make("Books", date(2026, 11, 16), "400/month", "10", TODAY)
    with pytest.raises(InvalidInput, match="between 0 and 744"):
        make("Books", date(2026, 11, 16), "25/h", "800", TODAY)
    with pytest.raises(InvalidInput, match="still to come"):
        make("Books", TODAY + timedelta(days=1), "400/month", None, TODAY)


def test_an_audit_period_with_nothing_logged_weighs_nothing():
    from offload.domain.compare import NOTHING_BEFORE
    from offload.domain.compare_report import build_text

    empty = Period(date(2026, 11, 2))
    c = comparison(before=empty)
    assert [r.verdict for r in c.returns] == [NOTHING_BEFORE, NOTHING_BEFORE]
    assert all(r.freed is None and r.net is None for r in c.returns)
    text = build_text(c)
    assert "Nothing was logged in the audit period, so there is nothing to compare with" in text
    assert "not paying off" not in text and "-2." not in text


def test_a_later_period_of_a_day_or_two_gives_no_verdict_yet():
    # Handed over on Monday and compared on Tuesday: one day stretched to a week says nothing.
    this_week = Period(date(2026, 11, 23))
    tasks = [TaskTime("Invoices", merged(days(AUDIT, mon=2, thu=1), days(this_week, mon=3)),
                      kind="support", skill_set="Books")]
    books = Handover("Books", date(2026, 11, 23), Decimal(35), "hour", Decimal(8))
    [r] = comparison(after=this_week, today=date(2026, 11, 24), tasks=tasks, handovers=[books],
                     sets=["Books"]).returns
    assert r.verdict == TOO_EARLY
    assert r.freed is not None  # the hours are still shown
