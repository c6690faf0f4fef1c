"""The help screen (`?`): every key of the screen beneath and the keys that work everywhere.

Built from the Binding objects themselves, so a key is described in one place only.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import DataTable, Static

from offload.tui.textual_internals import own_bindings


@dataclass(frozen=True)
class KeyHelp:
    section: str
    keys: str
    description: str
    tooltip: str


def _own_bindings(owner) -> list[Binding]:
    """The bindings of an app or screen, in declaration order (inherited included)."""
    return own_bindings(owner)


def _group(section: str, bindings: list[Binding], app: App, seen: set[str]) -> list[KeyHelp]:
    """One row per action, its keys together ("d del"); bindings with no description are internal."""
    rows: dict[tuple[str, str], list[str]] = {}
    tips: dict[tuple[str, str], str] = {}
    for binding in bindings:
        if not binding.description or binding.system:
            continue
        group = (binding.action, binding.description)
        # The key itself, not a shared key_display: "p,left" must list both p and ←.
        display = app.get_key_display(Binding(binding.key, binding.action))
        keys = rows.setdefault(group, [])
        if display not in keys and binding.key not in seen:
            keys.append(display)
            seen.add(binding.key)
        tips.setdefault(group, binding.tooltip or "")
    found = [(action, KeyHelp(section, " ".join(keys), description, tips[(action, description)]))
             for (action, description), keys in rows.items() if keys]
    # Quitting is what one looks for last.
    return [row for action, row in sorted(found, key=lambda pair: pair[0] == "quit")]


def key_help(screen: Screen, app: App) -> list[KeyHelp]:
    """What the help screen lists: the screen's own keys first, then those that work everywhere."""
    seen: set[str] = set()
    base = {b.key for b in Binding.make_bindings(Screen.BINDINGS)}
    own = [b for b in _own_bindings(screen) if b.key not in base]
    shared = [b for b in _own_bindings(screen) if b.key in base]
    name = screen.sub_title or type(screen).__name__.removesuffix("Screen")
    return _group(f"On the {name} screen", own, app, seen) + _group("Everywhere", _own_bindings(app) + shared, app, seen)


class HelpScreen(ModalScreen[None]):
    """Lists keys; Escape, q or ? closes it."""

    CSS_PATH = "help.tcss"
    BINDINGS = [
        Binding("escape,q,question_mark", "dismiss", "Close help", id="help.close", tooltip="Back to the screen"),
    ]

    def __init__(self, beneath: Screen) -> None:
        super().__init__()
        self.beneath = beneath

    def compose(self) -> ComposeResult:
        rows = key_help(self.beneath, self.app)
        sections = list(dict.fromkeys(r.section for r in rows))
        # The last column takes what is left of the window, so 80 columns still show it whole (wrapped).
        more_width = max(20, min(60, self.app.size.width - 48))
        with VerticalScroll(id="help-box"):
            yield Static("Keys  (Esc closes)", id="help-title")
            for number, section in enumerate(sections):
                yield Static(section, classes="help-section", markup=False)
                table = DataTable(id=f"help-keys-{number}", classes="help-keys", cursor_type="none",
                                  show_header=False, zebra_stripes=True)
                table.add_column("Key", key="key", width=11)
                table.add_column("Does", key="does", width=20)
                table.add_column("More", key="more", width=more_width)
                for row in rows:
                    if row.section == section:
                        table.add_row(Text(row.keys, style="bold"), Text(row.description), Text(row.tooltip), height=None)
                yield table
            yield Static(
                "Arrow keys, PgUp/PgDn and Home/End move in tables and lists; Enter chooses.",
                id="help-footnote",
            )

    def on_mount(self) -> None:
        self.set_focus(self.query_one("#help-box"))
