"""The handover brief as Markdown: the work, what it costs against the owner's time, the scope.

Pure: it gets the week's numbers and the set's fields and returns text, so the TUI preview,
the saved file and `offload brief` are the same words. Every user text is escaped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Mapping, Sequence

from offload.domain.format import duration, money
from offload.domain.skill_sets import BRIEF_FIELDS
from offload.domain.text import visible

WEEKS_PER_MONTH = 52 / 12

_INLINE = re.compile(r"([\\`*_{}\[\]<>|#~&!])")
_LINE_START = re.compile(r"^(\s*)([-+=>]|\d+)([.)]?)")


def _escape_start(m: re.Match) -> str:
    """A list or quote marker at the start of a line: `\\-`, `1\\.` (a digit cannot be escaped)."""
    lead, mark, dot = m.groups()
    if mark.isdigit():
        return lead + mark + ("\\" + dot if dot else "")
    return lead + "\\" + mark + dot


def md_escape(text: str) -> str:
    """Text shown literally by any Markdown reader: `[bold] *x* | y` stays as typed; a control
    character (stored before Offload refused them) is written as `\\x1b`, never obeyed."""
    lines = []
    for line in visible(str(text)).split("\n"):
        line = _INLINE.sub(r"\\\1", line.rstrip())
        line = _LINE_START.sub(_escape_start, line)
        lines.append(line)
    # Two spaces keep a typed line break a line break.
    return "  \n".join(lines)


@dataclass(frozen=True)
class BriefTask:
    """One task of the set and its week: seconds, days it occurred on, sessions."""

    name: str
    seconds: int = 0
    days: int = 0
    sessions: int = 0

    @property
    def typical_session(self) -> int:
        return self.seconds // self.sessions if self.sessions else 0


@dataclass(frozen=True)
class BriefSet:
    name: str
    description: str = ""
    rate: float | None = None
    fields: Mapping[str, str] = field(default_factory=dict)
    tasks: Sequence[BriefTask] = ()
    examples: Mapping[str, str] = field(default_factory=dict)

    @property
    def weekly_seconds(self) -> int:
        return sum(t.seconds for t in self.tasks)

    @property
    def weekly_hours(self) -> float:
        return self.weekly_seconds / 3600

    @property
    def monthly_hours(self) -> float:
        return monthly_hours(self.weekly_hours)

    def monthly_cost(self) -> float | None:
        return None if self.rate is None else self.monthly_hours * self.rate


def monthly_hours(weekly_hours: float) -> float:
    """A month as 52 weeks over 12 months: 4.33 weeks."""
    return weekly_hours * 52 / 12


def _h(hours: float) -> str:
    return f"{hours:.1f}"


def _work(s: BriefSet, depth: int) -> list[str]:
    h = "#" * depth
    out = [f"{h} The work", ""]
    if not s.tasks:
        out += ["No tasks are in this skill set yet.", ""]
        return out
    out += [
        "| Task | Hours this week | Days a week | Typical session |",
        "|---|---:|---:|---:|",
    ]
    for t in sorted(s.tasks, key=lambda t: (-t.seconds, t.name.casefold())):
        session = duration(t.typical_session) if t.sessions else "–"
        out.append(f"| {md_escape(t.name)} | {_h(t.seconds / 3600)} | {t.days} | {session} |")
    out.append(f"| **Total** | **{_h(s.weekly_hours)}** | | |")
    out.append("")
    if s.weekly_seconds == 0:
        out.append("No time was logged on these tasks in this week; the estimates below are zero. "
                   "Choose a typical week.")
    else:
        out.append(
            f"About **{_h(s.weekly_hours)} hours a week**, so an estimated "
            f"**{_h(s.monthly_hours)} hours a month** (a week's hours × 52 / 12)."
        )
    out.append("")
    return out


def _cost(s: BriefSet, hourly_value: float | None, currency: str, depth: int) -> list[str]:
    h = "#" * depth
    out = [f"{h} Cost a month", "",
           "_For you: leave this part out of what you send if you want bids that do not aim at your budget._",
           ""]
    hours = s.monthly_hours
    cost = s.monthly_cost()
    own = hours * hourly_value if hourly_value is not None else None
    out += ["| | Rate | A month |", "|---|---:|---:|"]
    if cost is not None:
        out.append(f"| Handed over, at the outsourcing rate | {money(s.rate, currency)}/h | {money(cost, currency)} |")
    else:
        out.append("| Handed over, at the outsourcing rate | ? | ? |")
    if own is not None:
        out.append(f"| Done yourself, at the value of your time | {money(hourly_value, currency)}/h | {money(own, currency)} |")
    else:
        out.append("| Done yourself, at the value of your time | ? | ? |")
    out.append("")
    if cost is not None and own is not None:
        gap = own - cost
        if gap > 0:
            out.append(f"Handing this over frees {_h(hours)} hours a month of your time for "
                       f"**{money(gap, currency)} less** than those hours are worth to you.")
        elif gap < 0:
            out.append(f"Handing this over costs **{money(-gap, currency)} more** a month than your own time "
                       "for the same hours is worth: worth it only for expertise, speed or your own focus.")
        else:
            out.append("Handing this over costs the same as the value of your own time for those hours.")
    if cost is None:
        out += ["", "**To answer:** What hourly rate will you offer, or accept from a bid?"]
    if own is None:
        out += ["", "**To answer:** What is an hour of your own time worth? Set it in the settings "
                "(`,` in the app, or `offload config hourly_value 80`)."]
    out.append("")
    return out


def _scope(s: BriefSet, depth: int) -> list[str]:
    h = "#" * depth
    out = [f"{h} Scope of work", ""]
    for f in BRIEF_FIELDS:
        value = (s.fields.get(f.key) or "").strip()
        out.append(f"**{f.label}**")
        out.append("")
        if value:
            out.append(md_escape(value))
        else:
            example = s.examples.get(f.key)
            hint = f" _(for example: {md_escape(example)})_" if example else ""
            out.append(f"> **To answer:** {f.question}{hint}")
        out.append("")
    return out


def _set_section(s: BriefSet, hourly_value: float | None, currency: str, depth: int) -> list[str]:
    out: list[str] = []
    if s.description.strip():
        out += [md_escape(s.description.strip()), ""]
    out += _work(s, depth + 1)
    out += _cost(s, hourly_value, currency, depth + 1)
    out += _scope(s, depth + 1)
    return out


def build_brief(
    sets: Sequence[BriefSet],
    week_title: str,
    hourly_value: float | None = None,
    currency: str = "EUR",
) -> str:
    """The brief for one skill set, or for several with a summary first."""
    currency = md_escape(currency)  # checked when set, but a database may predate the check
    if len(sets) == 1:
        s = sets[0]
        out = [f"# Handover brief: {md_escape(s.name)}", "", f"_{md_escape(week_title)}, from the owner's time log._", ""]
        out += _set_section(s, hourly_value, currency, 1)
        return "\n".join(out).rstrip() + "\n"
    out = ["# Handover brief", "", f"_{md_escape(week_title)}, from the owner's time log._", ""]
    if not sets:
        out += ["No skill sets yet: group the highlighted tasks into skill sets first.", ""]
        return "\n".join(out)
    out += ["| Skill set | Hours a week | Hours a month | Cost a month |", "|---|---:|---:|---:|"]
    for s in sets:
        cost = s.monthly_cost()
        out.append(f"| {md_escape(s.name)} | {_h(s.weekly_hours)} | {_h(s.monthly_hours)} | "
                   f"{money(cost, currency) if cost is not None else '?'} |")
    weekly = sum(s.weekly_hours for s in sets)
    costs = [s.monthly_cost() for s in sets]
    total = f"**{money(sum(costs), currency)}**" if all(c is not None for c in costs) else "?"
    out.append(f"| **All** | **{_h(weekly)}** | **{_h(monthly_hours(weekly))}** | {total} |")
    out.append("")
    for s in sets:
        out += [f"## {md_escape(s.name)}", ""]
        out += _set_section(s, hourly_value, currency, 2)
    return "\n".join(out).rstrip() + "\n"
