"""The command palette's own commands: go to a screen and the current screen's actions."""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider


# Commands offered from every screen (no key of their own): (name, help, app action).
ANYWHERE = [
    ("Timer: start a task", "Go to the Log and type the task's name", "timer_start"),
    ("Timer: stop", "Stop the running timer", "timer_stop"),
    ("Timer: resume the last task", "Start the last task again", "timer_resume"),
    ("Week: previous", "The audit period a week earlier", "week_step(-1)"),
    ("Week: next", "The audit period a week later", "week_step(1)"),
    ("Week: this week", "The audit period up to the week holding today", "week_step(0)"),
    ("Audit period: one week more", "Add the week before to the audit period", "period_length(1)"),
    ("Audit period: one week less", "Take the first week out of the audit period", "period_length(-1)"),
    ("Brief: preview and save", "The handover brief of the skill sets, saved as Markdown", "brief"),
    ("Plan: preview and save", "Your plan: each skill set's cost against your time, saved as Markdown", "plan"),
    ("Reminder: when nothing runs", "Settings: the minutes after which the bell rings, and your working hours",
     "settings"),
]


class OffloadCommands(Provider):
    """Offers every binding of the app and of the current screen by its description."""

    def _commands(self) -> list[tuple[str, str, object]]:
        app = self.app
        screen = self.screen
        seen: set[str] = set()
        out: list[tuple[str, str, object]] = []
        for owner in (screen, app):
            for binding in getattr(owner, "BINDINGS", []):
                if not hasattr(binding, "action") or not binding.description:
                    continue
                key = binding.action
                if key in seen or binding.action in ("quit", "command_palette"):
                    continue
                seen.add(key)
                help_text = binding.tooltip or f"key: {binding.key}"
                out.append((binding.description, help_text, partial(owner.run_action, binding.action)))
        for name, help_text, action in ANYWHERE:
            out.append((name, help_text, partial(app.run_action, action)))
        return out

    async def discover(self) -> Hits:
        for name, help_text, callback in self._commands():
            yield DiscoveryHit(name, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, help_text, callback in self._commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), callback, help=help_text)
