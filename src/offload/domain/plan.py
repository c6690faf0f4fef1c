"""The plan, for the owner: what each skill set costs handed over against what the same hours
of the owner's time are worth, the return (seeds/000: "does that drain outweigh the cost of
the outsourcing?"), what handing over frees, and what is still left to decide.

Pure, like the brief; money is worked out from the hours as shown (domain/audit.cost).
"""

from __future__ import annotations

from decimal import Decimal

from offload.domain.audit import Audit, AuditSet, AuditTask, cost, hours_of
from offload.domain.format import money, percent
from offload.domain.markdown import md_inline, md_text, table


def _money(amount: Decimal | None, currency: str) -> str:
    return "?" if amount is None else money(float(amount), currency)


def _value(audit: Audit, hours: Decimal) -> Decimal | None:
    return cost(hours, audit.hourly_value)


def verdict(s: AuditSet, audit: Audit) -> str:
    """One line: worth handing over, or not at these rates (or what is missing to say)."""
    cur = audit.currency
    hours = s.monthly_hours
    if not s.tasks:
        return "no tasks in it yet."
    if hours == 0:
        return "no recurring time in the audit period, so nothing to weigh; check the period or the tasks' frequency."
    price, worth = cost(hours, s.rate), _value(audit, hours)
    if price is None:
        return "no rate yet: send the brief for bids, then set the rate (e on the Grouping screen)."
    if worth is None:
        return ("what is an hour of your own time worth? Set it (`,` in the app, or "
                "`offload config hourly_value 80`) to weigh this set.")
    gap = worth - price
    if gap > 0:
        return (f"**worth handing over**: {hours} h a month of your time, worth {_money(worth, cur)}, "
                f"for {_money(price, cur)}: {_money(gap, cur)} a month back.")
    if gap < 0:
        return (f"**not at these rates**: it costs {_money(-gap, cur)} a month more than your own time "
                "for the same hours; hand it over only for expertise, speed or your own focus.")
    return "**even**: it costs what the same hours of your time are worth."


def _sets(audit: Audit) -> list[str]:
    cur = audit.currency
    out = ["## Skill sets", ""]
    if not audit.sets:
        return out + ["No skill sets yet: group the highlighted tasks into skill sets on the Grouping screen.", ""]
    rows = []
    totals: dict[str, Decimal | None] = {"cost": Decimal(0), "worth": Decimal(0)}
    for s in audit.sets:
        price, worth = cost(s.monthly_hours, s.rate), _value(audit, s.monthly_hours)
        back = worth - price if price is not None and worth is not None else None
        for key, amount in (("cost", price), ("worth", worth)):
            totals[key] = None if amount is None or totals[key] is None else totals[key] + amount
        rate = "?" if s.rate is None else f"{_money(Decimal(str(s.rate)), cur)}/h"
        rows.append([md_inline(s.name), str(s.weekly_hours), str(s.monthly_hours), rate,
                     _money(price, cur), _money(worth, cur), _money(back, cur)])
    monthly = sum((s.monthly_hours for s in audit.sets), Decimal(0))
    weekly = sum((s.weekly_hours for s in audit.sets), Decimal(0))
    back = totals["worth"] - totals["cost"] if totals["cost"] is not None and totals["worth"] is not None else None
    rows.append(["**All**", f"**{weekly}**", f"**{monthly}**", "", f"**{_money(totals['cost'], cur)}**",
                 f"**{_money(totals['worth'], cur)}**", f"**{_money(back, cur)}**"])
    value = "?" if audit.hourly_value is None else f"{_money(Decimal(str(audit.hourly_value)), cur)}/h"
    out += table(["Skill set", "Hours in an average week", "Hours a month", "Rate", "Cost a month",
                  f"Your time a month ({value})", "Return a month"], rows, right={1, 2, 3, 4, 5, 6})
    out += ["", "Cost: the hours a month at the set's rate. Your time: the same hours at the value of "
            "an hour of yours. Return: your time less the cost.", "", "### Verdicts", ""]
    out += [f"- {md_text(s.name)}: {verdict(s, audit)}" for s in audit.sets]
    return out + [""]


def _freed(audit: Audit) -> list[str]:
    out = ["## What handing over frees", ""]
    weekly = sum((s.weekly_hours for s in audit.sets), Decimal(0))
    monthly = sum((s.monthly_hours for s in audit.sets), Decimal(0))
    logged, handed = audit.total_seconds, audit.handed_over_seconds
    period = "the week" if audit.weeks == 1 else f"the {audit.weeks} weeks"
    out.append(f"Handing over every skill set frees about **{weekly} hours a week** ({monthly} a month). "
               f"In {period} of the audit those tasks took {hours_of(handed)} of the {hours_of(logged)} hours "
               f"logged: **{percent(handed, logged)}** of your logged time.")
    return out + [""]


def _times(n: int) -> str:
    return {1: "once", 2: "twice"}.get(n, f"{n} times")


def _broken_up(audit: Audit) -> list[str]:
    """seeds/000 asks what drains the business: one line per skill set whose work came between
    two stretches of core work (domain/timeline.py says exactly when that counts)."""
    if not audit.sets:
        return []
    out = ["## What breaks up your core work", ""]
    if not audit.core_logged:
        return out + ["No core work in the audit period: mark the work that earns your revenue as core "
                      "(c on the Review) to see which skill sets break it up.", ""]
    when = "in the week" if audit.weeks == 1 else f"in the {audit.weeks} weeks"
    breaking = sorted((s for s in audit.sets if s.breaks), key=lambda s: (-s.breaks, s.name.casefold()))
    if not breaking:
        return out + [f"No skill set's work came between two stretches of core work on the same day {when}.", ""]
    out += [f"- {md_text(s.name)} broke up your core work {_times(s.breaks)} {when}." for s in breaking]
    out += ["", "Each time the set's tasks came between two stretches of core work on the same day counts once, "
            "however many of its entries were there.", ""]
    return out


def _one_off(audit: Audit) -> list[str]:
    jobs = [(s, t) for s in audit.sets for t in s.one_off]
    if not jobs:
        return []
    cur = audit.currency
    rows = [[md_inline(t.name), md_inline(s.name), str(t.estimate.once), _money(cost(t.estimate.once, s.rate), cur),
             _money(_value(audit, t.estimate.once), cur)] for s, t in jobs]
    out = ["## One-time jobs", "", "Not part of the monthly figures: each is done once.", ""]
    out += table(["Task", "Skill set", "Hours", "Cost at the rate", "Your time"], rows, right={2, 3, 4})
    return out + [""]


def _task_table(audit: Audit, tasks: list[AuditTask]) -> list[str]:
    rows = [[md_inline(t.name), t.frequency, str(hours_of(t.seconds)),
             "once" if t.frequency == "one-off" else str(t.estimate.monthly)] for t in tasks]
    return table(["Task", "How often", audit.hours_heading(), "Hours a month"], rows, right={2, 3})


def _ungrouped(audit: Audit) -> list[str]:
    out = ["## Highlighted, not yet in a skill set", ""]
    tasks = sorted(audit.ungrouped, key=lambda t: (-t.seconds, t.name.casefold()))
    if not tasks:
        return out + ["None: every highlighted task is in a skill set.", ""]
    out += _task_table(audit, tasks)
    return out + [""]


def _candidates(audit: Audit) -> list[str]:
    out = ["## Candidates not yet highlighted", ""]
    tasks = sorted(audit.candidates, key=lambda t: (-t.seconds, t.name.casefold()))
    if not tasks:
        return out + ["None: no disliked support work is left unhighlighted in the audit period.", ""]
    out += ["Support work you dislike and have not highlighted: the first things to hand over.", ""]
    out += _task_table(audit, tasks)
    return out + [""]


def build_plan(audit: Audit) -> str:
    """The owner's plan as Markdown."""
    out = ["# Outsourcing plan", "",
           f"_For you, not for providers: {md_text(audit.period_line())}, from your time log._", ""]
    out += _sets(audit)
    out += _freed(audit)
    out += _broken_up(audit)
    out += _one_off(audit)
    out += _ungrouped(audit)
    out += _candidates(audit)
    return "\n".join(out).rstrip() + "\n"
