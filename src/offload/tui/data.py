"""The app's one way to the database: every use case runs here, off the UI thread.

Reads and changes run one after another, in the order asked, on one thread of their own with a
connection of its own (an SQLite connection is never shared by two threads); each request is
an app worker waiting for it. A newer load of the same kind cancels an older one (exclusive
workers), so a stale week never overwrites the one asked for last. Answers come back as the
past-tense messages of tui/messages.py. The data object alone watches the file for other
processes' writes (the CLI) and tells the screens DataChanged. Every refusal or failure becomes
one ActionFailed message, which the app shows (or a form shows beside its field).
"""

from __future__ import annotations

import asyncio
import weakref
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from typing import Any, Callable

from textual.app import App
from textual.message import Message
from textual.message_pump import MessagePump
from textual.worker import WorkerCancelled, WorkerFailed

from offload.domain.errors import OffloadError
from offload.domain.weeks import Period, local_date
from offload.service import DatabaseError, Offload
from offload.tui.messages import (
    ActionDone,
    ActionFailed,
    BriefLoaded,
    ComparisonLoaded,
    DataChanged,
    EntriesLoaded,
    GroupingLoaded,
    HandoverLoaded,
    LogLoaded,
    NamesLoaded,
    PlanLoaded,
    ReminderLoaded,
    SettingsLoaded,
    TimelineLoaded,
    Warned,
    WeekLoaded,
)

Job = Callable[[Offload], Any]


def failure_of(action: str, exc: BaseException) -> ActionFailed | None:
    """The message for what a use case raised; None for a fault in Offload itself (a crash)."""
    if isinstance(exc, OffloadError):
        return ActionFailed(action, exc.message, exc.field, exc)
    if isinstance(exc, DatabaseError):
        return ActionFailed(action, f"The database failed: {exc}. Nothing was changed.", None, exc)
    if isinstance(exc, OSError):
        where = f": {exc.filename}" if exc.filename else ""
        return ActionFailed(action, f"{exc.strerror or exc}{where}", None, exc)
    return None


class Data:
    """Owned by the app (`app.data`); screens ask it to load or change, and handle its messages."""

    def __init__(self, app: App, service: Offload) -> None:
        self.app = app
        self.clock = service.clock
        self._origin = service
        self._service: Offload | None = None  # opened on the data thread, used only there
        self._thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="offload-data")
        self._closed = False
        self._version: int | None = None
        self._watch_failed = False
        self._read_failure: str | None = None
        self._views: weakref.WeakSet[MessagePump] = weakref.WeakSet()

    @property
    def zone(self) -> str:
        return self.clock.zone

    def now_epoch(self) -> int:
        return int(self.clock.now().timestamp())

    def today(self):
        return local_date(self.clock.now(), self.clock.zone)

    # --- the one way to run something ---------------------------------------------------------
    def _on_thread(self, job: Job) -> Any:
        if self._service is None:
            self._service = service = self._origin.reopen()
            service.on_warning(lambda message: self.app.post_message(Warned(message)))
            self._version = service.data_version()  # later writes by others are news
        return job(self._service)

    def _run(self, target: MessagePump, action: str, job: Job, then: Callable[[Any], None], *,
             group: str, exclusive: bool, change: bool,
             failed: Callable[[ActionFailed], None] | None = None) -> None:
        """Run `job` on the data thread in a worker; `then` gets its result on the UI thread.

        A refusal or failure becomes ActionFailed, posted to `target` (it bubbles up to the app,
        which shows it). A cancelled load (a newer one of its kind) posts nothing; a change,
        once asked for, is always made, even if the app is closing.
        """
        if self._closed:
            return

        async def work() -> None:
            waiting = asyncio.wrap_future(self._thread.submit(self._on_thread, job))
            try:
                result = await (asyncio.shield(waiting) if change else waiting)
            except asyncio.CancelledError:
                raise
            except Exception as exc:
                failure = failure_of(action, exc)
                if failure is None:
                    raise  # a fault in Offload: the app stops and reports it
                (failed or self._report_failure(target))(failure)
                return
            if action.startswith("load-"):
                self._read_failure = None  # reading works again: a new failure will be said
            then(result)

        self.app.run_worker(work, name=action, group=group, exclusive=exclusive)

    def _report_failure(self, target: MessagePump) -> Callable[[ActionFailed], None]:
        def report(failure: ActionFailed) -> None:
            # A read that keeps failing (each minute, each screen) is said once until one works.
            if failure.action.startswith("load-") or failure.action == "watch":
                if failure.message == self._read_failure:
                    return
                self._read_failure = failure.message
            target.post_message(failure)

        return report

    def load(self, target: MessagePump, kind: str, read: Callable[[Offload], Message]) -> None:
        """Read in the background and post what `read` returns to `target`; a newer load of the same
        kind for the same target cancels this one."""
        self._run(target, f"load-{kind}", read, target.post_message,
                  group=f"load-{kind}-{id(target)}", exclusive=True, change=False)

    def change(self, target: MessagePump, action: str, job: Job, said: Callable[[Any], str] | None = None,
               changes_data: bool = True) -> None:
        """Make a change (in the order asked); then ActionDone to `target` (the app shows `said`)
        and, if it changed the data, DataChanged to every screen."""

        def done(result: Any) -> None:
            target.post_message(ActionDone(action, result, said(result) if said else ""))
            if changes_data:
                self.changed()

        self._run(target, action, job, done, group="change", exclusive=False, change=True)

    # --- who hears of changes -----------------------------------------------------------------
    def follow(self, view: MessagePump) -> None:
        """`view` gets DataChanged whenever the database changes (its own changes or others')."""
        self._views.add(view)

    def unfollow(self, view: MessagePump) -> None:
        self._views.discard(view)

    def changed(self, outside: bool = False) -> None:
        for view in list(self._views):
            view.post_message(DataChanged(outside))

    def poll(self) -> None:
        """Once a second (the app's timer): has another process written? A failing file is said once."""

        def seen(version: int) -> None:
            was, self._version = self._version, version
            recovered, self._watch_failed = self._watch_failed, False
            if recovered or (was is not None and version != was):
                self.changed(outside=True)

        def failed(failure: ActionFailed) -> None:
            self._watch_failed = True
            self._report_failure(self.app)(failure)

        self._run(self.app, "watch", lambda s: s.data_version(), seen, group="watch", exclusive=True,
                  change=False, failed=failed)

    # --- what the screens read ------------------------------------------------------------------
    def load_settings(self, week: Period | None = None, zones: bool = False) -> None:
        """Every setting; with `zones`, also the entries whose stored zone cannot be read (a scan of
        the whole log: asked for once, after the Log shows)."""

        def read(s: Offload) -> SettingsLoaded:
            return SettingsLoaded(s.settings.all(), s.review.this_week(), week,
                                  s.review.week_holding(week.start) if week else None,
                                  s.doctor.unreadable_zones() if zones else [], s.audit.period())

        self.load(self.app, "settings", read)

    def load_log(self, target: MessagePump, day: date | None = None) -> None:
        """The Log's view of `day` (None: today; never a day after today)."""

        def read(s: Offload) -> LogLoaded:
            today = self.today()
            shown = min(day, today) if day is not None else today
            return LogLoaded(
                names=s.log.task_names(),
                running=s.log.running(),
                entries=s.log.day(shown),
                week_totals=s.log.week_totals(shown),
                today_date=today,
                long_running_seconds=s.settings.long_running_seconds,
                day=shown,
                gaps=s.log.gaps(shown),
            )

        self.load(target, "log", read)

    def load_names(self, target: MessagePump) -> None:
        self.load(target, "names", lambda s: NamesLoaded(s.log.task_names()))

    def load_reminder(self, target: MessagePump) -> None:
        def read(s: Offload) -> ReminderLoaded:
            due = s.log.reminder_due_at()
            minutes, _hours = s.settings.reminder
            return ReminderLoaded(due, due - minutes * 60 if due is not None and minutes else None)

        self.load(target, "reminder", read)

    def load_period(self, target: MessagePump, week: Period | None) -> None:
        """The period's review (None: the audit period); an empty one says what the one before holds."""

        def read(s: Offload) -> WeekLoaded:
            this_week = s.review.this_week()
            period = week or s.audit.period()
            report = s.review.week(period)
            before = 0 if report.tasks else s.review.week(period.previous()).total_seconds
            running = s.log.running()
            return WeekLoaded(period, report, this_week, running.task_id if running else None, before)

        self.load(target, "week", read)

    def load_timeline(self, target: MessagePump, week: Period) -> None:
        self.load(target, "timeline", lambda s: TimelineLoaded(week, s.timeline.timeline(week)))

    def load_grouping(self, target: MessagePump, week: Period | None) -> None:
        def read(s: Offload) -> GroupingLoaded:
            return GroupingLoaded(s.grouping.view(week), s.grouping.choices(), s.settings.get("currency"))

        self.load(target, "grouping", read)

    def load_entries(self, target: MessagePump, task: str, week: Period, seconds: int | None = None) -> None:
        """A task's entries in `week`; `seconds` is its time in the week as the caller shows it
        (None: read it, as the Review counts it, after an entry was changed)."""

        def read(s: Offload) -> EntriesLoaded:
            entries = s.review.task_entries(task, week)
            total = seconds
            if total is None:
                ids = {e.task_id for e in entries}
                total = sum(t.seconds for t in s.review.week(week).tasks if t.task.id in ids) if ids else 0
            return EntriesLoaded(task, week, entries, total, s.log.task_names())

        self.load(target, "entries", read)

    def load_plan(self, target: MessagePump, period) -> None:
        self.load(target, "plan", lambda s: PlanLoaded(period, s.audit.plan(period), s.audit.default_plan_name(period)))

    def load_brief(self, target: MessagePump, set_name: str | None, week) -> None:
        self.load(target, "brief", lambda s: BriefLoaded(set_name, week, s.grouping.brief(set_name, week),
                                                         s.grouping.default_brief_name(set_name, week)))

    def load_comparison(self, target: MessagePump, after: Period | None) -> None:
        def read(s: Offload) -> ComparisonLoaded:
            c = s.compare.comparison(None, after)
            c.task_rows, c.set_rows, c.work, c.returns  # every figure worked out here, off the UI thread
            return ComparisonLoaded(c, after, s.review.this_week())

        self.load(target, "comparison", read)

    def load_handover(self, target: MessagePump, set_name: str) -> None:
        self.load(target, "handover", lambda s: HandoverLoaded(s.grouping.get(set_name).name,
                                                               s.compare.handover_of(set_name),
                                                               s.settings.get("currency")))

    # --- tests, screenshots, the end ------------------------------------------------------------
    async def idle(self) -> None:
        """Until no load or change is under way and what they posted has been handled."""
        for _ in range(100):
            for worker in list(self.app.workers):
                try:
                    await worker.wait()
                except (WorkerCancelled, WorkerFailed):
                    pass  # a newer load took over, or the failure was already reported
            pending = 0
            done = asyncio.Event()

            def one_handled() -> None:
                nonlocal pending
                pending -= 1
                if not pending:
                    done.set()

            for node in (self.app, *self.app.screen_stack, *self._views):
                if node.is_running and node.call_later(one_handled):
                    pending += 1
            if pending:
                try:
                    await asyncio.wait_for(done.wait(), 30)
                except asyncio.TimeoutError:
                    return  # the app stopped (a crash the test will report), not something to wait for
            if all(w.is_finished for w in self.app.workers):
                return

    def close(self) -> None:
        """Lets the changes asked for finish, then closes the connection; later requests do nothing."""
        if self._closed:
            return
        self._closed = True

        def shut() -> None:
            if self._service is not None:
                self._service.close()

        self._thread.submit(shut)
        self._thread.shutdown(wait=True)
