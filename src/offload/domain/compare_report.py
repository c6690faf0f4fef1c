"""The comparison written out: a short Markdown report an owner could show an accountant, the
same words as a table for the terminal, and the figures as JSON for scripts.

Pure: one builder writes the report; a style says how user text, emphasis, headings and tables
look in Markdown (reads well as plain text too) or on a terminal.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from offload.domain.compare import (BEFORE_AUDIT, EVEN, NO_VALUE, NOT_PAYING_OFF, NOT_YET, NOTHING_BEFORE, TOO_EARLY,
                                    NOTHING_LOGGED, PAYING_OFF, Change, Comparison, Return, Span)
from offload.domain.audit import hours_of
from offload.domain.format import money, plural, text_table, whole_percents
from offload.domain.markdown import md_inline, table
from offload.domain.text import visible
from offload.domain.weeks import Period

WORK_NAMES = {"core": "Core (revenue) work", "support": "Support work", "": "Not marked"}
FORMATS = ("table", "markdown", "json")


class _Markdown:
    def user(self, text: str) -> str:
        return md_inline(text)

    def strong(self, text: str) -> str:
        return f"**{text}**"

    def note(self, text: str) -> str:
        return f"_{text}_"

    def code(self, text: str) -> str:
        return f"`{text}`"

    def heading(self, level: int, text: str) -> list[str]:
        return ["#" * level + " " + text, ""]

    def table(self, heads: list[str], rows: list[list[str]], right: set[int], foot: list[str] | None) -> list[str]:
        if foot is not None:
            rows = rows + [[self.strong(c) if c else "" for c in foot]]
        return table(heads, rows, right)

    def bullet(self, text: str) -> str:
        return f"- {text}"


class _Terminal(_Markdown):
    def user(self, text: str) -> str:
        return visible(" ".join(str(text).split()))

    def strong(self, text: str) -> str:
        return text

    def note(self, text: str) -> str:
        return text

    def code(self, text: str) -> str:
        return text

    def heading(self, level: int, text: str) -> list[str]:
        return [text, ("=" if level == 1 else "-") * len(text), ""]

    def table(self, heads: list[str], rows: list[list[str]], right: set[int], foot: list[str] | None) -> list[str]:
        return text_table(heads, rows, right, foot)


def _money(amount: Decimal | None, currency: str) -> str:
    return "?" if amount is None else money(float(amount), currency)


def _signed(value: Decimal) -> str:
    """A change: +5.0, -2.5, 0.0."""
    return "0.0" if value == 0 else f"{value:+}"


def _day(day: date) -> str:
    return day.strftime("%a %d %b %Y")


def _short_day(day: date) -> str:
    return day.strftime("%d %b %Y")


def _period(period: Period, span: Span) -> str:
    """`week of Mon 16 Nov 2026`, and `(so far: to Thu 26 Nov)` for one still running."""
    title = period.title()
    words = title[:1].lower() + title[1:]
    if span.end < period.end:
        words += f" (so far: {span.days} of its {len(period.days)} days, to {span.last:%a %d %b})"
    return words


def _hours_a_month(hours: Decimal) -> str:
    return f"{hours} h a month"


# --- sections ---------------------------------------------------------------------------
def _head(c: Comparison, s) -> list[str]:
    out = s.heading(1, "Did handing over pay off?")
    out += [s.note(f"The audit period, {_period(c.before, c.before_span)}, against {_period(c.after, c.after_span)}, "
                   "from your time log."), ""]
    out += [_summary(c, s), ""]
    return out + _logged(c) + [""]


def _logged(c: Comparison) -> list[str]:
    """How much was logged in each period; a word when the later one logged less, or either nothing."""
    out = [f"You logged {_hours(c.logged_before)} h in the audit period ({plural(c.before_span.days, 'day')}, "
           f"{c.weekly(c.logged_before, c.before_span)} h a week) and {_hours(c.logged_after)} h in the later period "
           f"({plural(c.after_span.days, 'day')}, {c.weekly(c.logged_after, c.after_span)} h a week)."]
    if not c.logged_before:
        out.append("Nothing was logged in the audit period, so there is nothing to compare with: choose the weeks "
                   "you logged as the earlier period.")
    elif not c.logged_after:
        out.append("Nothing was logged in the later period: log your work after the handover, then compare.")
    elif c.logged_less:
        out.append("You logged less in the later period: some of the hours that went down may only be hours not "
                   "logged, so compare the shares as well as the hours.")
    return out


def _hours(seconds: int) -> Decimal:
    return hours_of(seconds)


def _summary(c: Comparison, s) -> str:
    core = c.kind("core")
    shares = _shares(c)
    moved = (f"Core (revenue) work went from {shares['before'][0]}% to {shares['after'][0]}% of your logged time "
             f"({core.before_weekly} to {core.after_weekly} h a week).")
    if not (core.before_seconds or core.after_seconds):
        moved = ("No task in either period is marked as core (revenue) work: mark them on the Review (c) to see "
                 "whether the freed time went to the work that earns.")
    if not c.handovers:
        return (f"No skill set is recorded as handed over yet: record one with "
                f"{s.code('offload handover SET --since DATE --cost 400/month')} (or on the Grouping screen) "
                f"to see what it frees and returns. {moved}")
    counted = [r for r in c.returns if r.freed is not None]
    if not counted:
        return f"None of the handovers can be weighed over these periods yet (see below). {moved}"
    n = len(counted)
    text = f"Handing over {plural(n, 'skill set')} freed {s.strong(_hours_a_month(c.freed))} of your time"
    weighed = c.weighed
    if len(weighed) == n:
        net = c.total("net")
        back = (f"{s.strong(_money(net, c.currency) + ' a month back')}" if net >= 0
                else s.strong(f"{_money(-net, c.currency)} a month more than it returns"))
        text += (f", worth {_money(c.total('value'), c.currency)}, for {_money(c.total('cost'), c.currency)} "
                 f"a month: {back}.")
    else:
        text += "; set the value of an hour of yours to weigh it against what it costs."
    return f"{text} {moved}"


def _shares(c: Comparison) -> dict[str, list[int]]:
    """Each kind of work's share as whole percents adding up to 100, per period."""
    return {"before": whole_percents([w.before_seconds for w in c.work]),
            "after": whole_percents([w.after_seconds for w in c.work])}


def _cost_words(r: Return, currency: str) -> str:
    h = r.handover
    if h.per == "hour":
        return (f"{_money(h.amount, currency)} an hour × {h.hours_billed} h billed = {_money(r.cost, currency)} a month")
    return f"{_money(r.cost, currency)} a month"


def verdict(r: Return, c: Comparison, s) -> str:
    """One line on a handed-over set: paying off or not, or why it cannot be said yet."""
    cur = c.currency
    since = _day(r.handover.since)
    v = r.verdict
    if v == NOT_YET:
        return f"handed over on {since}, after the later period: compare with a later period to see it."
    if v == BEFORE_AUDIT:
        return (f"handed over on {since}, before the audit period began, so the audit does not show the time "
                "it took: compare from a period before the handover.")
    if v == NOTHING_BEFORE:
        return "nothing was logged in the audit period before it was handed over, so there is nothing to compare with."
    if v == NOTHING_LOGGED:
        return f"nothing was logged in the later period since {since}, so there is nothing to compare yet."
    freed = r.freed
    before, after = r.before_load.monthly, r.after_load.monthly
    took = f"{before} h a month before, {after} since"
    if v == TOO_EARLY:
        days = r.whole_after.days
        return (f"too early to say: the later period has run {plural(days, 'day')} so far "
                f"({took}); a verdict needs at least a week.")
    if v == NO_VALUE:
        return (f"frees {_hours_a_month(freed)} ({took}). What is an hour of your own time worth? Set it "
                f"({s.code('offload config hourly_value 80')}) to weigh it against its cost, "
                f"{_cost_words(r, cur)}.")
    value, net = _money(r.value, cur), r.net
    if v == PAYING_OFF:
        text = (f"{s.strong('paying off')}: {_hours_a_month(freed)} back ({took}), worth {value}, for "
                f"{_cost_words(r, cur)}: {_money(net, cur)} a month back.")
    elif v == EVEN:
        text = f"{s.strong('even')}: the {_hours_a_month(freed)} it frees are worth what it costs, {_cost_words(r, cur)}."
    elif freed <= 0:
        text = (f"{s.strong('not paying off')}: it freed none of your time ({took}) and costs "
                f"{_cost_words(r, cur)}.")
    else:
        text = (f"{s.strong('not paying off')}: {_hours_a_month(freed)} back ({took}), worth {value}, for "
                f"{_cost_words(r, cur)}: {_money(-net, cur)} a month more than it returns.")
    if r.prorated:
        text += " " + _prorated(r)
    return text


def _prorated(r: Return) -> str:
    since = _day(r.handover.since)
    parts = []
    if r.before.days < r.whole_before.days:
        parts.append(f"of the audit period only its {plural(r.before.days, 'day')} before it count")
    if r.after.days < r.whole_after.days:
        parts.append(f"of the later period only its {plural(r.after.days, 'day')} from then count")
    return f"Handed over on {since}: {' and '.join(parts)}, averaged to a week."


def _handed_over(c: Comparison, s) -> list[str]:
    if not c.returns:
        return []
    cur = c.currency
    value = "?" if c.hourly_value is None else f"{_money(c.hourly_value, cur)}/h"
    out = s.heading(2, "Handed over")
    rows = []
    for r in c.returns:
        rows.append([s.user(r.name), _short_day(r.handover.since), str(r.before_load.monthly), str(r.after_load.monthly),
                     "?" if r.freed is None else str(r.freed), _money(r.value, cur), _money(r.cost, cur),
                     _money(r.net, cur)])
    foot = None
    if len(c.returns) > 1 and len(c.weighed) == len(c.returns):
        foot = ["All", "", "", "", str(c.freed), _money(c.total("value"), cur), _money(c.total("cost"), cur),
                _money(c.total("net"), cur)]
    # Left to right as the sum goes: hours freed, their worth, less the cost, is the return.
    out += s.table(["Skill set", "Since", "Hours a month before", "since", "freed", f"Worth ({value})",
                    "Cost a month", "Net return a month"], rows, {2, 3, 4, 5, 6, 7}, foot)
    out.append("")
    out += [s.bullet(f"{s.user(r.name)}: {verdict(r, c, s)}") for r in c.returns]
    out += ["", "Hours a month before: in the audit period's days before the handover; since: in the later "
            "period's days from it; each a week's average × 52 / 12, following each task's frequency as in the "
            "plan. Worth: the hours freed at the value of an hour of yours. Net return: that less what "
            "the handover costs a month.", ""]
    return out


def _where(c: Comparison, s) -> list[str]:
    out = s.heading(2, "Where the time went")
    shares = _shares(c)
    rows = [[WORK_NAMES[w.kind], str(w.before_weekly), str(w.after_weekly), _signed(w.change),
             f"{shares['before'][i]}%", f"{shares['after'][i]}%"] for i, w in enumerate(c.work)]
    before = c.weekly(c.logged_before, c.before_span)
    after = c.weekly(c.logged_after, c.after_span)
    foot = ["All logged", str(before), str(after), _signed(after - before),
            "100%" if c.logged_before else "0%", "100%" if c.logged_after else "0%"]
    out += s.table(["Work", "Logged a week before", "after", "Change", "Share before", "after"], rows,
                   {1, 2, 3, 4, 5}, foot)
    out += ["", "Core work earns the revenue; support work is the work for the business (marked on the Review).", ""]
    return out


def _sets(c: Comparison, s) -> list[str]:
    if not c.set_rows:
        return []
    handed = {r.name.casefold(): r for r in c.returns}
    out = s.heading(2, "Skill sets")
    rows = [[s.user(r.name), _short_day(handed[r.name.casefold()].handover.since) if r.name.casefold() in handed else "",
             str(r.before.weekly), str(r.after.weekly), _signed(r.change)] for r in c.set_rows]
    out += s.table(["Skill set", "Handed over", "Hours a week before", "after", "Change"], rows, {2, 3, 4}, None)
    return out + [""]


def _task_row(r: Change, s) -> list[str]:
    often = "once" if r.before.once or r.after.once else r.frequency
    return [s.user(r.name), s.user(r.skill_set or ""), often, str(r.before.weekly), str(r.after.weekly),
            _signed(r.change)]


def _tasks(c: Comparison, s) -> list[str]:
    out = s.heading(2, "Tasks")
    if not c.task_rows:
        return out + ["Nothing was logged in either period.", ""]
    out += s.table(["Task", "Skill set", "How often", "Hours a week before", "after", "Change"],
                   [_task_row(r, s) for r in c.task_rows], {3, 4, 5}, None)
    return out + [""]


def _new(c: Comparison, s) -> list[str]:
    out = s.heading(2, "New since the audit")
    new = c.new_tasks
    if not new:
        return out + ["None: every task logged in the later period was logged in the audit period too.", ""]
    out += ["Logged in the later period and not in the audit period: new work that earns, or work that crept in.", ""]
    total = c.logged_after
    rows = [[s.user(r.name), WORK_NAMES.get(r.kind, ""), str(r.after.weekly),
             f"{round(100 * r.after.seconds / total) if total else 0}%"] for r in new]
    out += s.table(["Task", "Work", "Hours a week", "Share of the later period"], rows, {2, 3}, None)
    return out + [""]


def _build(c: Comparison, s) -> str:
    out = _head(c, s) + _handed_over(c, s) + _where(c, s) + _sets(c, s) + _tasks(c, s) + _new(c, s)
    out += [s.note("Hours a week follow each task's frequency, as on the Grouping screen and in the plan (a monthly "
                   "task counts its month's hours × 12 / 52); logged hours are as logged. Money is worked out from "
                   "the hours as shown.")]
    return "\n".join(out).rstrip() + "\n"


def summary_line(c: Comparison) -> str:
    """The report's answer in one paragraph of plain text: what handing over freed and returned,
    and where the time went (the app's view shows it above its tables)."""
    return _summary(c, _Terminal())


def logged_lines(c: Comparison) -> list[str]:
    """How much was logged in each period, and a word when the later period logged less or nothing."""
    return _logged(c)


def verdict_line(r: Return, c: Comparison) -> str:
    """One handed-over set's verdict in plain text."""
    return verdict(r, c, _Terminal())


def build_markdown(c: Comparison) -> str:
    """The report as Markdown: a document to keep or show an accountant."""
    return _build(c, _Markdown())


def build_text(c: Comparison) -> str:
    """The same report for a terminal: aligned tables, no markup."""
    return _build(c, _Terminal())


# --- JSON ---------------------------------------------------------------------------------
def _num(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


def _span(period: Period, span: Span, seconds: int, c: Comparison) -> dict:
    return {"title": period.title(), "first_day": period.start.isoformat(),
            "last_day": (period.end - timedelta(days=1)).isoformat(), "weeks": period.weeks,
            "days_counted": span.days, "logged_hours": _num(_hours(seconds)),
            "logged_hours_a_week": _num(c.weekly(seconds, span))}


def as_json(c: Comparison) -> dict:
    """Every figure, for scripts: hours as numbers with one decimal, money to the cent, shares 0..1."""
    return {
        "before": _span(c.before, c.before_span, c.logged_before, c),
        "after": _span(c.after, c.after_span, c.logged_after, c),
        "logged_less_after": c.logged_less,
        "currency": c.currency,
        "hourly_value": _num(c.hourly_value),
        "handovers": [{
            "skill_set": r.name, "since": r.handover.since.isoformat(),
            "cost": {"amount": _num(r.handover.amount), "per": r.handover.per, "hours_billed": _num(r.handover.hours)},
            "cost_a_month": _num(r.cost),
            "days_before": r.before.days, "days_after": r.after.days, "prorated": r.prorated,
            "hours_a_month_before": _num(r.before_load.monthly), "hours_a_month_after": _num(r.after_load.monthly),
            "hours_freed_a_month": _num(r.freed), "value_freed_a_month": _num(r.value),
            "net_return_a_month": _num(r.net), "verdict": r.verdict,
        } for r in c.returns],
        # Over the sets whose every figure is known (`weighed`): value, cost and net agree.
        "totals": {"hours_freed_a_month": _num(c.freed), "weighed": [r.name for r in c.weighed],
                   "value_freed_a_month": _num(c.total("value")), "cost_a_month": _num(c.total("cost")),
                   "net_return_a_month": _num(c.total("net"))},
        "work": [{"work": w.kind or "unmarked", "hours_a_week_before": _num(w.before_weekly),
                  "hours_a_week_after": _num(w.after_weekly), "change": _num(w.change),
                  "share_before": round(w.before_share, 4), "share_after": round(w.after_share, 4)} for w in c.work],
        "skill_sets": [{"skill_set": r.name, "hours_a_week_before": _num(r.before.weekly),
                        "hours_a_week_after": _num(r.after.weekly), "change": _num(r.change),
                        "hours_a_month_before": _num(r.before.monthly), "hours_a_month_after": _num(r.after.monthly)}
                       for r in c.set_rows],
        "tasks": [{"task": r.name, "skill_set": r.skill_set, "kind": r.kind, "frequency": r.frequency,
                   "hours_a_week_before": _num(r.before.weekly), "hours_a_week_after": _num(r.after.weekly),
                   "change": _num(r.change), "new": r.new} for r in c.task_rows],
        "new_tasks": [r.name for r in c.new_tasks],
    }
