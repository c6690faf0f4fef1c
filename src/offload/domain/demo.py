"""A made-up but realistic three weeks of a small-business owner, as plain records: a complete
audit week (chosen as the audit period, grouped, with a monthly newsletter and a quarterly
VAT return nobody has highlighted yet); the week after it, when two skill sets were handed
over (the bookkeeping on its Monday, the marketing on its Wednesday), so the comparison has
something to say; and this week, up to "now".

Pure and deterministic: the same "now" and zone give the same week, so the demo,
the screenshots and the snapshot tests all show the same thing. Writing it is the
service's job (service/demo.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

# The fixed "now" of screenshots and snapshot tests: Thursday 26 Nov 2026, 15:20 in London.
SHOT_NOW = datetime(2026, 11, 26, 15, 20, tzinfo=timezone.utc)
SHOT_ZONE = "Europe/London"

# The owner: Maya, who runs a one-person design studio.
CLIENT_CAFE = "Client work: Harbour Café"
CLIENT_DENTAL = "Client work: Greenway Dental"
EMAILS = "Customer emails"
CALLS = "Client calls"
INVOICES = "Invoices"
BOOKKEEPING = "Bookkeeping"
CHASING = "Chasing late payments"
NEWSLETTER = "Newsletter mail-out"
SOCIAL = "Social media posts"
WEBSITE = "Website updates"
PROPOSAL = "Proposal writing"
PLANNING = "Weekly planning"
SUPPLIES = "Ordering supplies"
VAT = "Accounts: VAT return"
BAKERY = "Client work: Bakery rebrand"  # won with the proposal written in the audit week

# One template per weekday (Monday first): (start, end, task, note), local times.
Slot = tuple[str, str, str, str]
TEMPLATE: list[list[Slot]] = [
    [  # Monday
        ("08:30", "09:10", EMAILS, ""),
        ("09:10", "09:40", PLANNING, ""),
        ("09:40", "12:30", CLIENT_CAFE, "menu layout"),
        ("13:15", "13:45", CALLS, "Harbour Café"),
        ("13:45", "14:30", SOCIAL, ""),
        ("14:30", "15:20", INVOICES, ""),
        ("15:30", "17:30", CLIENT_DENTAL, "home page"),
    ],
    [  # Tuesday
        ("08:30", "09:15", EMAILS, ""),
        ("09:15", "12:45", CLIENT_DENTAL, "booking page"),
        ("13:30", "14:40", BOOKKEEPING, "receipts"),
        ("14:40", "15:10", CHASING, ""),
        ("15:10", "16:00", WEBSITE, "portfolio"),
        ("16:00", "17:15", PROPOSAL, "bakery rebrand"),
    ],
    [  # Wednesday
        ("08:45", "09:30", EMAILS, ""),
        ("09:30", "12:30", CLIENT_CAFE, "signage"),
        ("13:15", "14:00", CALLS, ""),
        ("14:00", "14:45", SOCIAL, ""),
        ("14:45", "15:15", SUPPLIES, "paper, ink"),
        ("15:15", "17:30", CLIENT_DENTAL, ""),
    ],
    [  # Thursday
        ("08:30", "09:05", EMAILS, ""),
        ("09:05", "12:15", CLIENT_DENTAL, "team photos"),
        ("13:00", "13:40", INVOICES, ""),
        ("13:40", "14:35", BOOKKEEPING, "bank feed"),
        ("14:35", "17:00", NEWSLETTER, "November issue"),  # monthly: in the audit week only
    ],
    [  # Friday
        ("08:30", "09:00", EMAILS, ""),
        ("09:00", "11:30", CLIENT_CAFE, "print files"),
        ("11:30", "12:15", WEBSITE, ""),
        ("13:00", "14:30", VAT, ""),
        ("14:30", "15:00", CHASING, ""),
        ("15:00", "15:40", SOCIAL, ""),
        ("15:40", "16:30", CALLS, ""),
    ],
    [  # Saturday
        ("10:00", "11:15", BOOKKEEPING, "catch-up"),
    ],
    [],  # Sunday
]


@dataclass(frozen=True)
class DemoEntry:
    task: str
    start: datetime  # UTC-aware
    end: datetime | None  # None: the running timer
    note: str = ""


# Monthly and quarterly work happens in the audit week; the weeks after have other work there.
ONCE_IN_A_WHILE = {NEWSLETTER: (CLIENT_CAFE, "menu reprint"), VAT: (PROPOSAL, "garden centre")}

# Once a task's skill set is handed over, what the owner does in its slot instead: (minutes
# from the slot's start, minutes to its end or None for all of it, task, note). A handed-over
# task at the weekend is time off.
AFTER_HANDOVER: dict[str, list[tuple[int, int | None, str, str]]] = {
    "Invoices": [(0, 15, "Invoices", "checking the bookkeeper's drafts"), (15, None, BAKERY, "")],
    "Bookkeeping": [(0, None, BAKERY, "logo sketches")],
    "Chasing late payments": [(0, None, PROPOSAL, "garden centre")],
    "Social media posts": [(0, None, CLIENT_CAFE, "")],
    "Newsletter mail-out": [(0, None, CLIENT_CAFE, "menu reprint")],
}


@dataclass(frozen=True)
class DemoTask:
    name: str
    highlighted: bool = False
    feeling: str = "neutral"
    kind: str = ""
    skill_set: str | None = None
    frequency: str = "weekly"


@dataclass(frozen=True)
class DemoSkillSet:
    name: str
    description: str
    rate: float | None
    inputs: str = ""
    outputs: str = ""
    quality: str = ""
    quantity: str = ""
    speed: str = ""
    success: str = ""
    data_rules: str = ""
    contact: str = ""


@dataclass(frozen=True)
class DemoHandover:
    skill_set: str
    day: int  # days into the week after the audit
    cost: str  # as typed: "400/month", "35/h"
    hours: str | None = None  # the hours billed a month, with an hourly cost


@dataclass
class DemoWeek:
    entries: list[DemoEntry] = field(default_factory=list)
    tasks: list[DemoTask] = field(default_factory=list)
    skill_sets: list[DemoSkillSet] = field(default_factory=list)
    settings: dict[str, str] = field(default_factory=dict)
    audit_start: date | None = None  # the audit period already chosen: the complete week
    handovers: list[tuple[DemoHandover, date]] = field(default_factory=list)  # with the day each began

    @property
    def running(self) -> DemoEntry | None:
        return next((e for e in self.entries if e.end is None), None)


BOOKS = "Bookkeeping and accounts"  # catalogue sets, so their descriptions come along
MARKETING = "Marketing and newsletters"

TASKS = [
    DemoTask(CLIENT_CAFE, feeling="like", kind="core"),
    DemoTask(CLIENT_DENTAL, feeling="like", kind="core"),
    DemoTask(PROPOSAL, feeling="like", kind="core"),
    DemoTask(CALLS, kind="core"),
    DemoTask(EMAILS, highlighted=True, kind="support"),
    DemoTask(INVOICES, highlighted=True, feeling="dislike", kind="support", skill_set=BOOKS),
    DemoTask(BOOKKEEPING, highlighted=True, feeling="dislike", kind="support", skill_set=BOOKS),
    DemoTask(CHASING, highlighted=True, feeling="dislike", kind="support", skill_set=BOOKS),
    DemoTask(VAT, feeling="dislike", kind="support", frequency="quarterly"),  # a candidate: not highlighted yet
    DemoTask(NEWSLETTER, highlighted=True, kind="support", skill_set=MARKETING, frequency="monthly"),
    DemoTask(SOCIAL, highlighted=True, feeling="dislike", kind="support", skill_set=MARKETING),
    DemoTask(WEBSITE, highlighted=True, kind="support"),
    DemoTask(SUPPLIES, kind="support"),
    DemoTask(PLANNING, kind="core"),
    DemoTask(BAKERY, feeling="like", kind="core"),
]

SKILL_SETS = [
    DemoSkillSet(
        BOOKS,
        "Invoices, receipts, bank reconciliation and chasing payments for a small design studio.",
        35.0,
        inputs="Receipts folder, bank feed, time log",
        outputs="Invoices sent, books reconciled weekly",
        quality="Every invoice matches the logged hours",
        quantity="About 15 invoices a month",
        speed="Invoices out by Friday",
        success="No invoice older than 30 days unpaid",
        data_rules="Client data stays in the accounting app",
        contact="Maya, by email, replies within a day",
    ),
    # Dearer than the owner's own hour: the plan says it is not worth it at this rate.
    DemoSkillSet(
        MARKETING,
        "The monthly newsletter and the studio's social media posts.",
        95.0,
        inputs="Photos of finished work, a list of the month's news",
        outputs="Three posts a week; the newsletter sent by the first Thursday",
    ),
]

SETTINGS = {"hourly_value": "85", "currency": "GBP"}

# Handed over in the week after the audit: the books by the hour from its Monday, the marketing
# for a flat fee from its Wednesday (mid-week: the comparison counts its days from then).
HANDOVERS = [DemoHandover(BOOKS, 0, "35/h", "8"), DemoHandover(MARKETING, 2, "400/month")]


def _at(day: date, hhmm: str, zone: ZoneInfo) -> datetime:
    h, m = (int(x) for x in hhmm.split(":"))
    return datetime.combine(day, time(h, m), tzinfo=zone).astimezone(timezone.utc)


def _slots(day: date, audit: date, handed: dict[str, date]) -> list[Slot]:
    """The day's template as the owner lived it: once-in-a-while work only in the audit week,
    handed-over work done by someone else from its day, neighbours of one task joined."""
    out: list[Slot] = []
    for start, end, task, note in TEMPLATE[day.weekday()]:
        if day >= audit + timedelta(days=7) and task in ONCE_IN_A_WHILE:
            task, note = ONCE_IN_A_WHILE[task]
        elif day >= audit + timedelta(days=7) and task == PROPOSAL:
            note = "garden centre"  # the bakery said yes: it is client work now
        skill_set = next((t.skill_set for t in TASKS if t.name == task), None)
        if skill_set in handed and day >= handed[skill_set]:
            if day.weekday() >= 5:
                continue
            first = _minutes(start)
            last = _minutes(end)
            for lo, hi, new_task, new_note in AFTER_HANDOVER[task]:
                out.append((_hhmm(first + lo), _hhmm(last if hi is None else first + hi), new_task, new_note))
            continue
        out.append((start, end, task, note))
    joined: list[Slot] = []
    for slot in out:
        if joined and joined[-1][2] == slot[2] and joined[-1][1] == slot[0]:
            prev = joined.pop()
            slot = (prev[0], slot[1], slot[2], prev[3] or slot[3])
        joined.append(slot)
    return joined


def _minutes(hhmm: str) -> int:
    h, m = (int(x) for x in hhmm.split(":"))
    return h * 60 + m


def _hhmm(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def demo_week(now: datetime, zone: str, week_start_day: int = 0) -> DemoWeek:
    """The audit week two weeks back, the week after it (two skill sets handed over), and this
    week up to `now`, the slot holding `now` still running."""
    if now.tzinfo is None:
        raise ValueError("demo_week needs an aware 'now'")
    tz = ZoneInfo(zone)
    now = now.astimezone(timezone.utc).replace(microsecond=0)
    today = now.astimezone(tz).date()
    this_week = today - timedelta(days=(today.weekday() - week_start_day) % 7)
    first = this_week - timedelta(days=14)
    week = DemoWeek(tasks=list(TASKS), skill_sets=list(SKILL_SETS), settings=dict(SETTINGS), audit_start=first)
    week.handovers = [(h, first + timedelta(days=7 + h.day)) for h in HANDOVERS]
    handed = {h.skill_set: since for h, since in week.handovers}
    day = first
    while day <= today:
        # The weeks before this one start a little later or earlier each day, so the weeks differ.
        shift = timedelta(minutes=((day.toordinal() * 7) % 4) * 5) if day < this_week else timedelta(0)
        for start_text, end_text, task, note in _slots(day, first, handed):
            start = _at(day, start_text, tz) + shift
            end = _at(day, end_text, tz) + shift
            if start >= now:
                break
            week.entries.append(DemoEntry(task, start, end if end <= now else None, note))
        day += timedelta(days=1)
    if week.running is None:
        # Between slots (lunch, evening, weekend): a timer still runs, as in a real log.
        last_end = max((e.end for e in week.entries if e.end is not None), default=now - timedelta(hours=1))
        start = max(last_end, now - timedelta(minutes=20))
        week.entries.append(DemoEntry(EMAILS, min(start, now), None, ""))
    return week
