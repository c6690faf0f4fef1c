"""The period options of log, report, brief and plan, the days and weeks they name, and compare's periods."""

from __future__ import annotations

import argparse
import re
from datetime import timedelta

from offload.domain.errors import OffloadError
from offload.domain.timeparse import parse_date
from offload.domain.weeks import MAX_WEEKS, Period


def period_options(p: argparse.ArgumentParser, weeks: bool = True) -> None:
    """The period options, one definition for `log`, `report`, `brief` and `plan` (read by
    `days` and `weeks_named`); `weeks`: the command reads whole weeks (and takes --weeks N); with
    no option it reads the saved audit period."""
    p.add_argument("--week", metavar="DATE", help="the week holding this day, e.g. 2026-11-16 or mon")
    p.add_argument("--last-week", action="store_true", help="the week before (or before --week)")
    whole = " (the weeks holding it)" if weeks else ""
    p.add_argument("--from", dest="start", metavar="DAY", help=f"first day{whole}, e.g. 2026-11-02 or mon")
    p.add_argument("--to", dest="end", metavar="DAY",
                   help=f"last day{whole}, default today; a day's name counts on from --from: "
                        "--from mon --to sun is this week")
    if weeks:
        p.add_argument("--weeks", type=int, metavar="N", default=None,
                       help="N weeks ending with --week or --last-week (default: ending this week); with "
                            "no period option: the audit period chosen on the Review")


def _date(text: str, today, on_or_after=None):
    """A typed day, within the years a log can hold."""
    day = parse_date(text, today, on_or_after)
    if not 1970 <= day.year <= 9000:
        raise OffloadError(f"The date '{text}' is outside the years a log can hold; try e.g. 2026-11-16.")
    return day


def days(args: argparse.Namespace, svc) -> tuple:
    """The local days the period options name: (first, last, title)."""
    today = svc.report.today()
    start = getattr(args, "start", None)
    end = getattr(args, "end", None)
    if (start or end) and (args.week or args.last_week):
        raise OffloadError("Give either --week/--last-week or --from/--to, not both.")
    if start or end:
        if not start:
            raise OffloadError("--to needs --from too, e.g. --from 2026-11-02 --to 2026-11-15.")
        first = _date(start, today)
        last = _date(end, today, on_or_after=first) if end else today
        if last < first:
            raise OffloadError(f"--to ({last}) is before --from ({first}).")
        return first, last, f"{first:%a %d %b %Y} to {last:%a %d %b %Y}"
    week = svc.report.week_holding(_date(args.week, today) if args.week else today)
    if args.last_week:
        week = week.previous()
    return week.start, week.end - timedelta(days=1), week.title()


def weeks_named(args: argparse.Namespace, svc):
    """The period `report`, `brief` and `plan` read, from the same options as `log`: whole weeks,
    so --from/--to gives the weeks holding those days (the title says which), and --weeks N the
    N weeks ending with the week named (this one unless told); None when no option was given
    (the saved audit period)."""
    weeks = getattr(args, "weeks", None)
    if weeks is not None and (args.start or args.end):
        raise OffloadError("Give either --weeks or --from/--to, not both.")
    if weeks is not None and not 1 <= weeks <= MAX_WEEKS:
        raise OffloadError(f"--weeks is 1 to {MAX_WEEKS}, not {weeks}.")
    if not (args.week or args.last_week or args.start or args.end or weeks):
        return None
    first, last, _ = days(args, svc)
    start = svc.report.week_holding(first).start
    if weeks:
        return Period(start - timedelta(days=7 * (weeks - 1)), weeks)
    return Period(start, (svc.report.week_holding(last).start - start).days // 7 + 1)


def named_period(text: str, svc, option: str):
    """A period typed after --before or --after, read by the same code as `report`'s options:
    a day (the week holding it), `this week`, `last week`, or `DAY to DAY` (the weeks holding them)."""
    words = " ".join(str(text).split())
    values = argparse.Namespace(week=None, last_week=False, start=None, end=None, weeks=None)
    span = re.fullmatch(r"(.+?)\s*(?:\.\.|\s+to\s+)\s*(.+)", words)
    if words.lower() == "this week":
        values.week = "today"
    elif words.lower() == "last week":
        values.last_week = True
    elif span:
        values.start, values.end = span.group(1), span.group(2)
    else:
        values.week = words
    try:
        return weeks_named(values, svc)
    except OffloadError as exc:
        raise OffloadError(f"{option} '{words}': {exc.message}") from None
