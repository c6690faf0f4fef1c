"""Errors a user can cause and read: each carries a message fit to show as is."""


class OffloadError(Exception):
    """Base for every refusal that should reach the user as a message, not a traceback.

    `field` names what was typed wrong ("rate", "start" ...) when one field is to blame, so a
    form shows the message beside that field (never by searching the message's words).
    """

    def __init__(self, *args: object, field: str | None = None) -> None:
        super().__init__(*args)
        self.field = field

    @property
    def message(self) -> str:
        return str(self.args[0]) if self.args else self.__class__.__name__


class InvalidInput(OffloadError):
    """Typed text that cannot be used (a bad time, an empty name...)."""


class NotFound(OffloadError):
    """A task, entry or week that does not exist."""


class Conflict(OffloadError):
    """The change would break a rule of the log (overlap, nothing running...)."""


class AlreadyRunning(Conflict):
    """Starting the task that is running: nothing changes (a second entry would split its session)."""


class WouldMerge(Conflict):
    """A rename onto another task's name: the two would become one. `plan` says exactly what
    would move, so the caller can ask and then merge."""

    def __init__(self, message: str, plan: object = None) -> None:
        super().__init__(message)
        self.plan = plan


class StorageError(OffloadError):
    """The database file cannot be opened, read or written."""


class NoDatabase(StorageError):
    """A reading command found no database: `explicit` when the path was given (--db or
    OFFLOAD_DB; likely a typo), not when it is the default one (nothing logged yet)."""

    def __init__(self, path, explicit: bool) -> None:
        super().__init__(
            f"There is no Offload database at {path} (check --db or OFFLOAD_DB); nothing was created."
            if explicit else f"Nothing has been logged yet (there is no database at {path})."
        )
        self.path = path
        self.explicit = explicit
class AlreadyExists(Conflict):
    """A file the user named is already there and they did not say to replace it."""

    def __init__(self, path) -> None:
        super().__init__(f"{path} already exists.")
        self.path = path


class blame:
    """`with blame("rate"): ...` names the field a refusal raised inside is about (unless one is named)."""

    def __init__(self, field: str) -> None:
        self.field = field

    def __enter__(self) -> None:
        return None

    def __exit__(self, kind, exc, tb) -> bool:
        if isinstance(exc, OffloadError) and exc.field is None:
            exc.field = self.field
        return False
