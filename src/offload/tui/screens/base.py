"""What the Log, the Review, the Grouping and the Compare share: the app's data object, typed;
one start (follow the data, read, hear the clock); reading again when the data changes, now if
the screen shows, else when it shows next."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual.screen import Screen

from offload.tui.messages import DataChanged

if TYPE_CHECKING:
    from offload.tui.data import Data


class DataScreen(Screen[None]):
    """A screen that shows what the data object reads. A screen gives `load()` (ask for what it
    shows; the answer comes as a message) and may give `set_up()`, `started()`, `tick()` and
    `out_of_date()`; it never handles Mount, DataChanged or ScreenResume itself (Textual would
    run both handlers)."""

    TICKS: ClassVar[bool] = True
    """`tick()` runs every `app.tick_seconds` while the screen lives (live figures)."""

    def __init__(self) -> None:
        super().__init__()
        self.stale = False  # the data changed while another screen showed: read again when shown

    @property
    def data(self) -> Data:
        # The app is not named here: the app module imports the screens (no import circle).
        return self.app.data  # type: ignore[attr-defined]

    def on_mount(self) -> None:
        if not self.app.is_running:
            return  # made while the app was closing: nothing to show
        self.set_up()
        self.data.follow(self)
        self.reload()
        if self.TICKS:
            self.set_interval(self.app.tick_seconds, self.tick)
        self.started()

    # --- what a screen gives ------------------------------------------------------------
    def set_up(self) -> None:
        """Before the first read: columns, watches, what starts hidden."""

    def started(self) -> None:
        """Once the first read is asked for: where the focus goes."""

    def load(self) -> None:
        """Ask the data object for what the screen shows; its message brings it."""
        raise NotImplementedError

    def tick(self) -> None:
        """Each `app.tick_seconds`, when TICKS."""

    def out_of_date(self) -> bool:
        """Coming back to the screen: is what it shows old even though the data did not change?"""
        return False

    # --- reading ----------------------------------------------------------------------
    def reload(self) -> None:
        """Ask for everything again (after our writes, or someone else's)."""
        self.stale = False
        self.load()

    def read_again(self) -> None:
        """The data (or the period shown) changed: read again now if shown, else when shown next."""
        if self in self.app.screen_stack:
            self.reload()
        else:
            self.stale = True

    def on_data_changed(self, _message: DataChanged) -> None:
        self.read_again()

    def on_screen_resume(self) -> None:
        if self.stale or self.out_of_date():
            self.reload()
