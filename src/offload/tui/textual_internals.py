"""Every use Offload makes of Textual's private internals, in one place.

Textual has no public way to do these few things; each function says why Offload needs it.
`USED` lists every private name touched here, and tests/unit/test_textual_internals.py checks
each against the Textual installed (that it exists, with the shape used), so an upgrade that
changes one fails there, by name, not somewhere inside the app.
"""

from __future__ import annotations

from textual.app import App
from textual.binding import Binding
from textual.dom import DOMNode
from textual.screen import Screen
from textual.widgets import DataTable, Footer
from textual.widgets._footer import FooterKey

__all__ = ["OVERRIDDEN", "USED", "FooterKey", "crash_of", "own_bindings", "prepare_mode", "relayout_columns",
           "set_footer_bindings_ready", "footer_bindings_ready"]

# (class, private name, what it is): "method" is called, "attribute" is read or set on an
# instance, "reactive" is a reactive declared on the class. `FooterKey` (one key of the
# footer, which the tests look for) lives in the private module textual.widgets._footer.
USED: tuple[tuple[type, str, str], ...] = (
    (App, "_init_mode", "method"),
    (App, "_screen_stacks", "attribute"),
    (App, "_css_update_count", "attribute"),
    (App, "_exception", "attribute"),
    (Screen, "_css_update_count", "attribute"),
    (DOMNode, "_bindings", "attribute"),
    (DataTable, "_require_update_dimensions", "attribute"),
    (DataTable, "_clear_caches", "method"),
    (Footer, "_bindings_ready", "reactive"),
)

# Textual's own methods Offload overrides, relying on when Textual calls them, with the
# parameters named here (widgets/keys_footer.py: the footer recomposes only on a real change).
OVERRIDDEN: tuple[tuple[type, str, tuple[str, ...]], ...] = (
    (Footer, "bindings_changed", ("self", "screen")),
)


def prepare_mode(app: App, mode: str) -> Screen:
    """Start a mode's screen without showing it, its styles read now: Textual re-reads every style
    sheet when a screen is first shown (~100 ms), so the screen is marked as up to date with
    them, and the first switch to it is as quick as any later one."""
    app._init_mode(mode)  # Textual's own start of a mode's screen (what switch_mode does first)
    screen = app._screen_stacks[mode][0]
    app.stylesheet.update(screen)
    screen._css_update_count = app._css_update_count
    return screen


def crash_of(app: App) -> BaseException | None:
    """The error that stopped the app, if one did: Textual keeps the first one (and sets the
    return code) but offers no public way to read it."""
    return app._exception if app.return_code else None


def own_bindings(node: DOMNode) -> list[Binding]:
    """The bindings of an app or screen, in declaration order, inherited ones included (the
    public `active_bindings` holds only those active now, across the focus chain)."""
    return [binding for _key, binding in node._bindings]


def relayout_columns(table: DataTable) -> None:
    """After column widths were set by hand: DataTable has no public way to resize a column, so
    its size is worked out again and it is redrawn."""
    table._require_update_dimensions = True
    table._clear_caches()


def footer_bindings_ready(footer: Footer) -> bool:
    """Has the footer heard its screen's bindings yet (before that, it shows no keys)?"""
    return footer._bindings_ready


def set_footer_bindings_ready(footer: Footer) -> None:
    """What Footer.bindings_changed sets before it recomposes; a footer that recomposes only
    on a real change sets it itself."""
    footer._bindings_ready = True
