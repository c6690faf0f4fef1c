"""The commands on tasks: rename one, and merge several into one, saying exactly what moves."""

from __future__ import annotations

import argparse
import shlex
import sys

from offload.cli.output import count, say
from offload.cli.parsing import Add
from offload.cli.session import open_service
from offload.domain.errors import WouldMerge
from offload.domain.format import duration


def register(add: Add) -> None:
    p = add("rename", cmd_rename, "Rename a task everywhere. Onto the name of another task, the two would merge: "
            "that is said first and done only with --merge.", "offload rename Acounts Accounts")
    p.add_argument("old", help="the task's name now")
    p.add_argument("new", help="its new name")
    p.add_argument("--merge", action="store_true",
                   help="when NEW is another task, merge into it (it keeps its highlight, feeling, work kind "
                        "and skill set)")

    p = add("merge", cmd_merge, "Merge tasks into one: every entry of TASK... moves to --into, which keeps its "
            "highlight, feeling, work kind and skill set; the merged tasks are gone.",
            "offload merge 'Email customers' Emails --into 'Customer emails'")
    p.add_argument("tasks", nargs="+", metavar="TASK", help="the tasks to merge")
    p.add_argument("--into", required=True, metavar="TASK", help="the task that stays (an existing one)")
    p.add_argument("--dry-run", action="store_true", help="say exactly what would move, change nothing")


def _entries(n: int) -> str:
    return count(n, "entry", "entries")


def _marks(task) -> str:
    """A task's marks in words: `highlighted, disliked, support work, in skill set 'Books'`."""
    parts = ["highlighted"] if task.highlighted else []
    parts += [{"like": "liked", "dislike": "disliked"}.get(task.feeling, "")]
    parts += [f"{task.kind} work" if task.kind else ""]
    parts += [f"in skill set '{task.skill_set}'" if task.skill_set else ""]
    return ", ".join(p for p in parts if p)


def _merge_lines(plan) -> list[str]:
    """Exactly what a merge moves and which marks stay, done or to be done."""
    done = plan.done
    lines = [f"{'Merged' if done else 'Would merge'} into '{plan.into}':"]
    for t in plan.moved:
        lines.append(f"  '{t.name}': {_entries(t.entries)}, {duration(t.seconds)}")
    total = plan.kept.entries + plan.entries
    seconds = plan.kept.seconds + plan.seconds
    holds = "now holds" if done else "would hold"
    kept = _marks(plan.kept)
    lines.append(f"'{plan.into}' {holds} {_entries(total)} ({duration(seconds)}) and keeps its own marks"
                 + (f": {kept}." if kept else " (none set)."))
    dropped = [f"'{t.name}' was {_marks(t)}" for t in plan.moved if _marks(t)]
    if dropped:
        lines.append(f"Not kept from the merged {'tasks' if len(plan.moved) > 1 else 'task'}: {'; '.join(dropped)}.")
    return lines


def cmd_rename(args: argparse.Namespace) -> int:
    svc = open_service(args)
    try:
        done = svc.tasks.rename(args.old, args.new, merge=args.merge)
    except WouldMerge as exc:
        plan = exc.plan
        print(f"offload: There is already a task '{plan.into}': renaming '{plan.moved[0].name}' to it merges "
              "the two.", file=sys.stderr)
        for line in _merge_lines(plan):
            print(f"  {line}", file=sys.stderr)
        again = shlex.join(["offload", "rename", plan.moved[0].name, plan.into, "--merge"])
        print(f"Nothing changed. To merge them: {again}", file=sys.stderr)
        return 2
    if hasattr(done, "moved"):
        say("\n".join(_merge_lines(done)))
    else:
        say(f"Renamed '{done.old}' to '{done.new}' ({_entries(done.entries)}).")
    return 0


def cmd_merge(args: argparse.Namespace) -> int:
    svc = open_service(args)
    if args.dry_run:
        plan = svc.tasks.plan_merge(args.tasks, args.into)
        say("\n".join(_merge_lines(plan) + ["Dry run: nothing was changed."]))
        return 0
    say("\n".join(_merge_lines(svc.tasks.merge(args.tasks, args.into))))
    return 0
