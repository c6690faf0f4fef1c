"""The brief, for the provider: the work, how often and how long, examples, the scope of work.

It carries no rates and no budget (seeds/003: send every provider the same bid document and
"don't let them know what your budget is"); what the work is worth to the owner is the
plan's (domain/plan.py). Pure: the TUI preview, the saved file and `offload brief` are the
same words.
"""

from __future__ import annotations

from typing import Sequence

from offload.domain.audit import Audit, AuditSet, AuditTask, hours_of
from offload.domain.format import duration
from offload.domain.markdown import md_inline, md_text, table
from offload.domain.skill_sets import BRIEF_FIELDS


def _task_row(t: AuditTask) -> list[str]:
    month = "once" if t.frequency == "one-off" else str(t.estimate.monthly)
    session = duration(t.typical_session) if t.sessions else "–"
    return [md_inline(t.name), t.frequency, str(hours_of(t.seconds)), str(len(t.days_logged)), session, month]


def _work(s: AuditSet, audit: Audit, depth: int) -> list[str]:
    h = "#" * depth
    out = [f"{h} The work", ""]
    if not s.tasks:
        return out + ["No tasks are in this skill set yet.", ""]
    tasks = sorted(s.tasks, key=lambda t: (t.frequency == "one-off", -t.seconds, t.name.casefold()))
    rows = [_task_row(t) for t in tasks]
    rows.append(["**Total**", "", f"**{hours_of(s.seconds)}**", "", "", f"**{s.monthly_hours}**"])
    out += table(["Task", "How often", audit.hours_heading(), "Days", "Typical session", "Hours a month"],
                 rows, right={2, 3, 4, 5})
    out.append("")
    if s.seconds == 0:
        out += ["No time was logged on these tasks in the audit period, so every figure is zero.", ""]
        return out
    # "A week" here is the month spread evenly (monthly work counts a quarter of its hours), which is
    # not the hours logged in the audit week of the table above: say which is which.
    out += [f"About **{s.monthly_hours} hours a month**, {s.weekly_hours} in an average week once monthly and "
            f"rarer work is spread over the month. How each figure was made:", ""]
    out += [f"- {md_text(t.name)}: {t.estimate.how}" for t in tasks]
    return out + [""]


def _examples(s: AuditSet, depth: int) -> list[str]:
    shown = [(t, t.examples()) for t in s.tasks]
    shown = [(t, ex) for t, ex in shown if ex]
    if not shown:
        return []
    out = ["#" * depth + " Examples from the log", ""]
    for t, ex in sorted(shown, key=lambda p: p[0].name.casefold()):
        out.append(f"- {md_text(t.name)}: " + "; ".join(md_inline(e) for e in ex))
    return out + [""]


def _scope(s: AuditSet, depth: int) -> list[str]:
    out = ["#" * depth + " Scope of work", ""]
    for f in BRIEF_FIELDS:
        value = (s.fields.get(f.key) or "").strip()
        out += [f"**{f.label}**", ""]
        if value:
            out.append(md_text(value))
        else:
            example = s.examples.get(f.key)
            hint = f" _(for example: {md_inline(example)})_" if example else ""
            out.append(f"> **To answer:** {f.question}{hint}")
        out.append("")
    return out


def _set_section(s: AuditSet, audit: Audit, depth: int) -> list[str]:
    out: list[str] = []
    if s.description.strip():
        out += [md_text(s.description), ""]
    out += _work(s, audit, depth + 1)
    out += _examples(s, depth + 1)
    out += _scope(s, depth + 1)
    return out


def _from_line(audit: Audit) -> str:
    return f"_From the owner's time log: {md_text(audit.period_line())}._"


def build_brief(audit: Audit, sets: Sequence[AuditSet] | None = None) -> str:
    """The brief for one skill set, or for several with a list of them first."""
    sets = list(audit.sets if sets is None else sets)
    if len(sets) == 1:
        s = sets[0]
        out = [f"# Handover brief: {md_inline(s.name)}", "", _from_line(audit), ""]
        out += _set_section(s, audit, 1)
        return "\n".join(out).rstrip() + "\n"
    out = ["# Handover brief", "", _from_line(audit), ""]
    if not sets:
        out += ["No skill sets yet: group the highlighted tasks into skill sets first.", ""]
        return "\n".join(out).rstrip() + "\n"
    rows = [[md_inline(s.name), str(len(s.tasks)), str(s.monthly_hours)] for s in sets]
    out += table(["Skill set", "Tasks", "Hours a month"], rows, right={1, 2})
    out.append("")
    for s in sets:
        out += [f"## {md_inline(s.name)}", ""]
        out += _set_section(s, audit, 2)
    return "\n".join(out).rstrip() + "\n"
