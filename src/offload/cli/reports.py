"""The reports and documents: report, brief, plan, handover, and compare (did handing over pay off?)."""

from __future__ import annotations

import argparse
import sys

from offload.cli.output import say
from offload.cli.parsing import Add, force_option
from offload.cli.periods import named_period, period_options, weeks_named
from offload.cli.session import open_service
from offload.domain.errors import NoDatabase, NotFound, OffloadError
from offload.domain.format import money
from offload.service.report import render


def _output_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("-o", "--output", metavar="FILE", default=None,
                   help="write to FILE, readable by you only (default: standard output)")


def register(add: Add) -> None:
    p = add("report", cmd_report, "Time per task, day or skill set for a week, several weeks or all history: what "
            "the Review shows.",
            "offload report --last-week --by skill-set --format markdown")
    period_options(p)
    p.add_argument("--all", action="store_true", help="all history instead of one week")
    p.add_argument("--by", choices=["task", "day", "skill-set"], default="task", help="how to group (default task)")
    p.add_argument("--format", choices=["table", "csv", "json", "markdown"], default="table",
                   help="table (default), csv, json or markdown")

    p = add("brief", cmd_brief, "The handover brief in Markdown for one skill set (or all), to send to providers: "
            "the tasks, how often and how long, examples from your notes, and the scope of work to fill in. It "
            "carries no rates or budget (those are in `offload plan`).",
            "offload brief --set 'Bookkeeping and accounts' --last-week -o books.md")
    p.add_argument("--set", dest="skill_set", metavar="NAME", default=None, help="one skill set (default: all)")
    period_options(p)
    _output_option(p)
    force_option(p)

    p = add("plan", cmd_plan, "Your outsourcing plan in Markdown, for you and not for providers: each skill set's "
            "hours a month, its cost at the rate against the value of your own time, the return, what handing "
            "over frees, and what is still to decide.",
            "offload plan -o plan.md\n         offload plan --last-week --weeks 4")
    period_options(p)
    _output_option(p)
    force_option(p)

    p = add("handover", cmd_handover, "Record that a skill set was handed over: since when, and what it costs now "
            "(an amount a month, or an hourly rate with the hours billed a month); `offload compare` weighs it. "
            "With no SET, lists the sets handed over.",
            "offload handover 'Marketing and newsletters' --since 2026-11-16 --cost 400/month\n"
            "         offload handover 'Bookkeeping and accounts' --since mon --cost 35/h --hours 8\n"
            "         offload handover 'Bookkeeping and accounts' --clear")
    p.add_argument("skill_set", nargs="?", metavar="SET", help="the skill set, as on the Grouping screen")
    p.add_argument("--since", metavar="DATE", default=None, help="the day it was handed over, e.g. 2026-11-16 or mon")
    p.add_argument("--cost", default=None, help="what it costs now: 400/month, or 25/h with --hours")
    p.add_argument("--hours", default=None, help="with an hourly cost: the hours billed a month, e.g. 10")
    p.add_argument("--clear", action="store_true", help="forget that this set was handed over")

    p = add("compare", cmd_compare, "Did handing over pay off? The audit period against a later one: each task's "
            "and skill set's hours a week before and after, core work's share of your time, work that appeared "
            "since, and for each set handed over the hours a month it freed, their worth and the net return "
            "after its cost.",
            "offload compare\n         offload compare --after 'last week' --format markdown -o compare.md\n"
            "         offload compare --before 2026-11-02 --after '2026-11-16 to 2026-11-29'")
    p.add_argument("--before", metavar="PERIOD", default=None,
                   help="the earlier period (default: the audit period): a day (the week holding it), "
                        "'last week', or 'DAY to DAY' (the weeks holding them)")
    p.add_argument("--after", metavar="PERIOD", default=None,
                   help="the later period, written the same way (default: the most recent complete weeks "
                        "after the earlier one, as many as it has)")
    p.add_argument("--format", choices=["table", "markdown", "json"], default=None,
                   help="table (default on the terminal), markdown (default in a file) or json")
    _output_option(p)
    force_option(p)


def cmd_report(args: argparse.Namespace) -> int:
    svc = open_service(args, reading=True)
    if args.all and (args.week or args.last_week or args.start or args.end or args.weeks):
        raise OffloadError("--all covers every week; leave out --week, --last-week, --weeks, --from and --to.")
    period = None if args.all else weeks_named(args, svc) or svc.audit.period()
    report = svc.report.report(by=args.by, period=period, all_time=args.all)
    say(render(report, args.format))
    return 0


def cmd_plan(args: argparse.Namespace) -> int:
    svc = open_service(args, reading=True)
    period = weeks_named(args, svc)  # None: the audit period
    if args.output is None or str(args.output) == "-":
        sys.stdout.write(svc.audit.plan(period))
        return 0
    path = svc.audit.write_plan(args.output, period, force=args.force)
    print(f"Wrote the plan to {path}", file=sys.stderr)
    return 0


def cmd_brief(args: argparse.Namespace) -> int:
    svc = open_service(args, reading=True)
    period = weeks_named(args, svc)  # None: the audit period
    if args.output is None or str(args.output) == "-":
        sys.stdout.write(svc.grouping.brief(args.skill_set, period))
        return 0
    path = svc.grouping.write_brief(args.output, args.skill_set, period, force=args.force)
    print(f"Wrote the brief to {path}", file=sys.stderr)
    return 0


def _handover_line(h, currency: str) -> str:
    """`Bookkeeping and accounts: handed over on Mon 16 Nov 2026, GBP 280.00 a month (GBP 35.00 an hour × 8 h billed)`."""
    cost = f"{money(float(h.monthly_cost), currency)} a month"
    if h.per == "hour":
        cost += f" ({money(float(h.amount), currency)} an hour × {h.hours_billed} h billed)"
    return f"{h.skill_set}: handed over on {h.since:%a %d %b %Y}, {cost}"


def cmd_handover(args: argparse.Namespace) -> int:
    changing = args.since is not None or args.cost is not None or args.hours is not None
    if args.skill_set is None:
        if changing or args.clear:
            raise OffloadError("Name the skill set: offload handover 'Bookkeeping and accounts' --since 2026-11-16 "
                               "--cost 400/month.")
        svc = open_service(args, reading=True)
        handovers = svc.compare.handovers()
        currency = svc.settings.get("currency")
        for h in handovers:
            say(_handover_line(h, currency))
        if not handovers:
            say("No skill set is recorded as handed over; record one with offload handover SET --since DATE "
                "--cost 400/month.")
        return 0
    if args.clear and changing:
        raise OffloadError("--clear forgets the handover; leave out --since, --cost and --hours.")
    try:
        svc = open_service(args, reading=True)  # a mistake on a new machine creates no database
    except NoDatabase as exc:
        if exc.explicit:
            raise
        raise NotFound(f"There is no skill set '{args.skill_set}'; there are no skill sets yet.") from None
    if not (changing or args.clear):
        h = svc.compare.handover_of(args.skill_set)
        name = svc.grouping.get(args.skill_set).name
        say(_handover_line(h, svc.settings.get("currency")) if h else f"{name}: not recorded as handed over.")
        return 0
    if args.clear:
        name = svc.grouping.get(args.skill_set).name
        done = svc.compare.clear_handover(args.skill_set)
        say(f"{name}: no longer recorded as handed over." if done else
            f"{name} was not recorded as handed over; nothing changed.")
        return 0
    h = svc.compare.hand_over(args.skill_set, args.since, args.cost, args.hours)
    say(_handover_line(h, svc.settings.get("currency")))
    return 0


def cmd_compare(args: argparse.Namespace) -> int:
    svc = open_service(args, reading=True)
    before = named_period(args.before, svc, "--before") if args.before else None
    after = named_period(args.after, svc, "--after") if args.after else None
    to_file = args.output is not None and str(args.output) != "-"
    fmt = args.format or ("json" if to_file and str(args.output).lower().endswith(".json") else
                          "markdown" if to_file else "table")
    if not to_file:
        text = svc.compare.report(fmt, before, after)
        if fmt == "json":
            sys.stdout.write(text)
        else:
            say(text.rstrip("\n"))
        return 0
    path = svc.compare.write_report(args.output, fmt, before, after, force=args.force)
    print(f"Wrote the comparison to {path}", file=sys.stderr)
    return 0
